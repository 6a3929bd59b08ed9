/**
 * Where the page's heavy work runs: on worker threads when the browser allows it, else on the page's
 * own thread with a pause between tasks so progress still paints. Chromium refuses worker scripts on
 * file:// (a page double-clicked from an unzipped folder); there every task runs here, the same code.
 * A task that runs too long on a worker is abandoned with its worker, which is replaced: one hostile file
 * never stops a batch.
 */
import { WorkbookReadError } from "../workbook/assemble";
import { startWorker } from "./start-worker";
import type { Task, TaskResult } from "./tasks";
import type { TaskRequest, TaskResponse } from "./worker";

export type EngineMode = "worker" | "page";

export class TaskTimeout extends Error {}

export interface Engine {
  run<T extends Task>(task: T): Promise<TaskResult<T>>;
  /** Where tasks run; known after the first one. */
  mode(): EngineMode | null;
  /** How many tasks run at once. */
  readonly slots: number;
  dispose(): void;
}

interface Job {
  readonly task: Task;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs tasks on this thread, one at a time (tasks.ts is loaded on first use: it brings exceljs). */
function pageRunner() {
  let chain: Promise<unknown> = Promise.resolve();
  return (task: Task): Promise<unknown> => {
    const result = chain.then(async () => {
      await pause();
      const { runTask } = await import(/* webpackChunkName: "tasks" */ "./tasks");
      return runTask(task);
    });
    chain = result.catch(() => undefined);
    return result;
  };
}

/** One worker and the task it is running. Resolves `ready` once the script loaded (a ping answered). */
class Slot {
  private worker: Worker;
  private job: { id: number; job: Job; timer: ReturnType<typeof setTimeout> } | null = null;
  private nextId = 1;
  readonly ready: Promise<boolean>;

  constructor(private readonly timeoutMs: number) {
    this.worker = startWorker();
    this.ready = this.listen(this.worker);
  }

  get busy(): boolean {
    return this.job !== null;
  }

  private listen(worker: Worker): Promise<boolean> {
    return new Promise((resolve) => {
      let loaded = false;
      worker.onmessage = ({ data }: MessageEvent<TaskResponse>) => {
        if (data.id === 0) {
          loaded = true;
          resolve(true);
          return;
        }
        const current = this.job;
        if (!current || current.id !== data.id) return;
        this.finish();
        if (data.ok) current.job.resolve(data.result);
        else current.job.reject(data.problems ? new WorkbookReadError(data.problems) : new Error(data.message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        if (!loaded) return resolve(false);
        // The worker broke on a task (out of memory, a crash): that task fails, a fresh worker takes the next.
        const current = this.job;
        this.restart();
        current?.job.reject(new Error(`读取失败（${event.message || "工作线程出错"}）`));
      };
      worker.postMessage({ id: 0 } satisfies TaskRequest);
    });
  }

  private finish() {
    if (this.job) clearTimeout(this.job.timer);
    this.job = null;
  }

  private restart() {
    this.finish();
    this.worker.terminate();
    this.worker = startWorker();
    void this.listen(this.worker);
  }

  run(job: Job): void {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.restart();
      job.reject(new TaskTimeout(`读取超过 ${this.timeoutMs / 1000} 秒，已停止`));
    }, this.timeoutMs);
    this.job = { id, job, timer };
    // The bytes move to the worker (no copy); callers pass bytes they no longer need.
    this.worker.postMessage({ id, task: job.task } satisfies TaskRequest, [job.task.bytes.buffer as ArrayBuffer]);
  }

  terminate(): void {
    this.finish();
    this.worker.terminate();
  }
}

export function createEngine(options: { workers: number; timeoutMs?: number }): Engine {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let mode: EngineMode | null = null;
  let starting: Promise<EngineMode> | null = null;
  const onPage = pageRunner();

  function start(): Promise<EngineMode> {
    starting ??= (async () => {
      try {
        for (let i = 0; i < options.workers; i++) slots.push(new Slot(timeoutMs));
        // A worker that neither loads nor fails within 10 s is as good as refused.
        const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000));
        const loaded = await Promise.all(slots.map((slot) => Promise.race([slot.ready, late])));
        if (loaded.every(Boolean)) return (mode = "worker");
      } catch {
        // new Worker throws on file:// in Chromium: the page runs the tasks itself.
      }
      slots.splice(0).forEach((slot) => slot.terminate());
      return (mode = "page");
    })();
    return starting;
  }

  function dispatch() {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.busy) continue;
      const job = queue.shift()!;
      slot.run({
        ...job,
        resolve: (value) => (job.resolve(value), dispatch()),
        reject: (error) => (job.reject(error), dispatch()),
      });
    }
  }

  return {
    slots: options.workers,
    mode: () => mode,
    async run<T extends Task>(task: T): Promise<TaskResult<T>> {
      if ((await start()) === "page") return (await onPage(task)) as TaskResult<T>;
      return new Promise<TaskResult<T>>((resolve, reject) => {
        queue.push({ task, resolve: resolve as (value: unknown) => void, reject });
        dispatch();
      });
    },
    dispose() {
      slots.splice(0).forEach((slot) => slot.terminate());
    },
  };
}
