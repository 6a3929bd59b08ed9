/**
 * Reading workbooks on worker threads, so that no file, however hostile, stops, hangs or crashes the
 * process: every read runs on a worker (with jobs = 1 too: one worker), whose heap is capped
 * (`heapMb`) and whose every file has a time limit (`timeoutMs`).
 *
 * - A worker that runs out of memory takes only its file with it: that file is unreadable (读取时内存超过
 *   …), a fresh worker takes the next.
 * - A file that runs over the time limit: its worker is terminated, the file is unreadable (读取超过 N
 *   秒), a fresh worker takes the next.
 * - A worker that dies of anything else: the file is read once more on a fresh worker (the crash may
 *   not have been the file's), then unreadable.
 *
 * `jobs` workers each take the next file as they finish one, so a slow file never holds up the rest;
 * results come back in the files' order, and `onResult` hears of each as it is done. `jobs` is capped at
 * jobLimit(): the CPU count, and what memory allows at a realistic budget a worker.
 *
 * Single-file commands (validate, export, report, verify) read on a worker too: inspectInWorker and
 * readInWorker, the same caps, the model assembled in this thread from the cells the worker read.
 */
import { existsSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { join } from "node:path";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { WorkbookModel } from "../domain/model";
import { isShippedProfile, type ProfileChoice } from "../domain/profiles";
import { assembleWorkbook, WorkbookReadError, type AssembledWorkbook } from "../workbook/assemble";
import { replayedSource, type SourceRecording } from "../workbook/recorded-source";
import { unreadable, type FileResult } from "./results";

/** The caps of one worker: a workbook within the guard's limits needs far less of either. */
export interface WorkerLimits {
  /** Heap (old generation) of each worker, in MB. */
  readonly heapMb?: number;
  /** Time one file may take, start of its worker included, in ms. */
  readonly timeoutMs?: number;
}

/**
 * 2 GB, not less: V8 sizes its collector to the cap, and at 512 MB a worker spent a third of its time
 * collecting (24 ms a workbook against 16 ms; measured over 150 workbooks). A workbook within the guard's
 * limits uses a few tens of MB; the cap is for the hostile one.
 */
export const WORKER_LIMITS = { heapMb: 2048, timeoutMs: 60_000 } as const satisfies Required<WorkerLimits>;

export interface PoolOptions extends WorkerLimits {
  readonly jobs: number;
  /** A shipped profile (its id or name, or itself) or a custom one (the profile itself: it clones to a worker). */
  readonly profile?: ProfileChoice;
  readonly onResult?: (result: FileResult, done: number) => void;
  /** Starts a worker speaking worker.ts's protocol; for tests (a worker that hangs, crashes, fills its heap). */
  readonly startWorker?: (resourceLimits: ResourceLimits) => Worker;
}

/** What the pool sends a worker. */
export type Task =
  | { readonly id: number; readonly kind: "file"; readonly file: string; readonly profile?: ProfileChoice }
  | { readonly id: number; readonly kind: "record"; readonly input: Uint8Array | string };

/** What a worker posts back. */
export interface Reply {
  readonly id: number;
  readonly answer: { result: FileResult } | { recording: SourceRecording } | { problems: string[] };
}

/**
 * Memory a worker is budgeted, in MB: what a real workbook takes (the guard caps what a file may expand
 * to, 40 MB) with room to spare, not the heap cap (which is there for the hostile file, one at a time).
 */
const WORKER_BUDGET_MB = 512;

/**
 * The most workers worth running: no more than the CPUs (a read is CPU-bound; more only waits and
 * takes memory: --jobs 100 once took 7.7 GB), and no more than half the machine's memory allows at
 * `budgetMb` a worker.
 */
export function jobLimit(budgetMb: number = WORKER_BUDGET_MB): number {
  const byMemory = Math.floor(totalmem() / 2 / (budgetMb * 1024 * 1024));
  return Math.max(1, Math.min(availableParallelism(), byMemory));
}

/** A worker on the script beside this module: compiled .js, or .ts through tsx when running from source. */
function startBatchWorker(resourceLimits: ResourceLimits): Worker {
  const compiled = join(__dirname, "worker.js");
  if (existsSync(compiled)) return new Worker(compiled, { resourceLimits });
  const source = join(__dirname, "worker.ts");
  return new Worker(`require("tsx/cjs"); require(${JSON.stringify(source)});`, { eval: true, resourceLimits });
}

type Outcome = { answer: Reply["answer"] } | { failure: "memory" | "time" | "crash"; detail: string };

/** One worker, started when first needed and again after it dies; runs one task at a time. */
class Slot {
  private worker: Worker | null = null;
  private pending: ((outcome: Outcome) => void) | null = null;

  constructor(
    private readonly start: (resourceLimits: ResourceLimits) => Worker,
    private readonly limits: Required<WorkerLimits>,
  ) {}

  run(task: Task): Promise<Outcome> {
    const worker = this.worker ?? this.spawn();
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        this.retire(worker);
        settle({ failure: "time", detail: "" });
      }, this.limits.timeoutMs);
      const settle = (outcome: Outcome) => {
        clearTimeout(timer);
        this.pending = null;
        resolve(outcome);
      };
      this.pending = settle;
      worker.postMessage(task);
    });
  }

  /** Ends the worker; `wait` for a clean close at the end of a batch. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    const worker = this.start({ maxOldGenerationSizeMb: this.limits.heapMb });
    let error: (Error & { code?: string }) | null = null;
    worker.on("message", (reply: Reply) => {
      if (this.worker === worker) this.pending?.({ answer: reply.answer });
    });
    // Always listened to: an error no one hears would end this process.
    worker.on("error", (e: Error & { code?: string }) => (error = e));
    worker.on("exit", (code) => {
      if (this.worker !== worker) return; // retired already: its task is settled
      this.worker = null;
      this.pending?.(
        error?.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? { failure: "memory", detail: error.message }
          : { failure: "crash", detail: error ? error.message : `退出码 ${code}` },
      );
    });
    this.worker = worker;
    return worker;
  }

  /** Terminates a worker that overran, without waiting: a thread stuck in a system call may never end. */
  private retire(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    worker.unref();
    worker.terminate().catch(() => undefined);
  }
}

const limitsOf = (options: WorkerLimits): Required<WorkerLimits> => ({
  heapMb: options.heapMb ?? WORKER_LIMITS.heapMb,
  timeoutMs: options.timeoutMs ?? WORKER_LIMITS.timeoutMs,
});

/** Why a file could not be read when its worker failed, in Chinese. */
function failureReason(outcome: Extract<Outcome, { failure: unknown }>, limits: Required<WorkerLimits>): string {
  switch (outcome.failure) {
    case "memory":
      return `读取时内存超过 ${limits.heapMb} MB 的上限，已停止（文件内容异常）`;
    case "time":
      return `读取超过 ${Math.round(limits.timeoutMs / 100) / 10} 秒，已停止（文件内容异常）`;
    case "crash":
      return `读取时工作线程意外退出，重试后仍失败（${outcome.detail.slice(0, 200)}）`;
  }
}

/** A task on `slot`; a crash is retried once on a fresh worker (it may not have been the task's). */
async function runWithRetry(slot: Slot, task: Task): Promise<Outcome> {
  const outcome = await slot.run(task);
  return "failure" in outcome && outcome.failure === "crash" ? slot.run(task) : outcome;
}

/**
 * The profile as a worker is sent it: a shipped profile by its id (a copy of the object would no longer be
 * the shipped one, and would be taken for a custom profile), a custom one as itself.
 */
const sendable = (profile: ProfileChoice | undefined): ProfileChoice | undefined =>
  typeof profile === "object" && isShippedProfile(profile) ? profile.id : profile;

export async function inspectAll(files: readonly string[], options: PoolOptions): Promise<FileResult[]> {
  const limits = limitsOf(options);
  const profile = sendable(options.profile);
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  const finish = (index: number, result: FileResult) => {
    results[index] = result;
    done += 1;
    options.onResult?.(result, done);
  };
  const jobs = Math.max(1, Math.min(Math.floor(options.jobs) || 1, files.length, jobLimit()));
  const slots = Array.from({ length: jobs }, () => new Slot(options.startWorker ?? startBatchWorker, limits));
  let next = 0;
  try {
    await Promise.all(
      slots.map(async (slot) => {
        while (next < files.length) {
          const index = next++;
          const file = files[index]!;
          const outcome = await runWithRetry(slot, { id: index, kind: "file", file, profile });
          if ("failure" in outcome) finish(index, unreadable(file, failureReason(outcome, limits)));
          else if ("result" in outcome.answer) finish(index, outcome.answer.result);
          else finish(index, unreadable(file, "读取失败：工作线程的回答不对"));
        }
      }),
    );
  } finally {
    await Promise.all(slots.map((slot) => slot.close()));
  }
  return results;
}

/** Options of a single-file read on a worker. */
export interface SingleReadOptions extends WorkerLimits {
  readonly startWorker?: (resourceLimits: ResourceLimits) => Worker;
}

async function recordInWorker(input: Uint8Array | string, options: SingleReadOptions): Promise<SourceRecording> {
  const limits = limitsOf(options);
  const slot = new Slot(options.startWorker ?? startBatchWorker, limits);
  try {
    // A copy crosses to the worker: the caller keeps its bytes (a workbook is at most LIMITS.fileBytes).
    const outcome = await runWithRetry(slot, { id: 0, kind: "record", input });
    if ("failure" in outcome) throw new WorkbookReadError([failureReason(outcome, limits)]);
    if ("problems" in outcome.answer) throw new WorkbookReadError(outcome.answer.problems);
    if (!("recording" in outcome.answer)) throw new WorkbookReadError(["读取失败：工作线程的回答不对"]);
    return outcome.answer.recording;
  } finally {
    await slot.close();
  }
}

/**
 * inspectWorkbook (read for validation: cells of the wrong type are problems) on a worker with the
 * batch's caps: a workbook's bytes, or a file's path (read on the worker, never blocking on a FIFO).
 * Throws WorkbookReadError with Chinese reasons: what the guard refuses, a sheet too long, the heap
 * or time limit reached.
 */
export async function inspectInWorker(
  input: Uint8Array | string,
  options: SingleReadOptions = {},
): Promise<AssembledWorkbook> {
  return assembleWorkbook(replayedSource(await recordInWorker(input, options)), { lenient: true });
}

/** readWorkbook (any problem throws) on a worker with the batch's caps; see inspectInWorker. */
export async function readInWorker(
  input: Uint8Array | string,
  options: SingleReadOptions = {},
): Promise<WorkbookModel> {
  return assembleWorkbook(replayedSource(await recordInWorker(input, options))).model;
}
