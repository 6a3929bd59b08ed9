/**
 * The pool's own guarantees, with scripted workers (plain JS, fast to start) that speak worker.ts's
 * protocol and misbehave on cue: a file that hangs, one that fills the heap, one that crashes its
 * worker once, one that crashes it every time. Whatever they do, the batch completes, in order, and
 * each failure costs only its own file.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { inspectAll, inspectInWorker, jobLimit, WORKER_LIMITS } from "../../src/batch/pool";
import type { FileResult } from "../../src/batch/results";

jest.setTimeout(60000);
const dir = mkdtempSync(join(tmpdir(), "jxzp-pool-"));

/** Answers "file" tasks by the file's name: ok-*, hang-*, oom-*, crash-once-* (marker file), crash-*. */
const SCRIPT = `
const { parentPort } = require("node:worker_threads");
const fs = require("node:fs");
parentPort.on("message", (task) => {
  const name = require("node:path").basename(task.file);
  if (name.startsWith("hang")) for (;;) {}
  if (name.startsWith("oom")) { const keep = []; for (;;) keep.push(new Array(100000).fill(Math.random())); }
  if (name.startsWith("crash-once")) {
    const marker = task.file + ".crashed";
    if (!fs.existsSync(marker)) { fs.writeFileSync(marker, ""); process.exit(3); }
  } else if (name.startsWith("crash")) setImmediate(() => { throw new Error("boom " + name); });
  if (name.startsWith("crash") && !name.startsWith("crash-once")) return;
  const result = { file: task.file, status: "unreadable", reason: "ok " + name };
  parentPort.postMessage({ id: task.id, answer: { result } });
});`;

let started = 0;
const scripted = (resourceLimits: ResourceLimits) => {
  started += 1;
  return new Worker(SCRIPT, { eval: true, resourceLimits });
};

const reasons = (results: readonly FileResult[]) => results.map((r) => (r.status === "unreadable" ? r.reason : "read"));

test.each([1, 2])(
  "jobs %i: a hang, a full heap and crashes each cost only their own file; order kept",
  async (jobs) => {
    const names = ["ok-1", "hang-1", "ok-2", "oom-1", "ok-3", `crash-once-${jobs}`, "crash-always", "ok-4"];
    const files = names.map((n) => join(dir, n));
    started = 0;
    const progress: number[] = [];
    const results = await inspectAll(files, {
      jobs,
      heapMb: 32,
      timeoutMs: 1500,
      startWorker: scripted,
      onResult: (_r, done) => progress.push(done),
    });
    expect(results.map((r) => r.file)).toEqual(files);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(reasons(results)).toEqual([
      "ok ok-1",
      "读取超过 1.5 秒，已停止（文件内容异常）",
      "ok ok-2",
      "读取时内存超过 32 MB 的上限，已停止（文件内容异常）",
      "ok ok-3",
      `ok crash-once-${jobs}`, // crashed once, read on a fresh worker
      expect.stringMatching(/^读取时工作线程意外退出，重试后仍失败（.*boom crash-always/),
      "ok ok-4",
    ]);
    expect(existsSync(join(dir, `crash-once-${jobs}.crashed`))).toBe(true);
    // Five deaths (hang, oom, crash-once, crash-always twice), each replaced when its slot takes the next file.
    expect(started).toBeGreaterThanOrEqual(5);
    expect(started).toBeLessThanOrEqual(jobs + 5);
  },
);

test("jobs is capped at the CPU count (and memory); --jobs 100 starts no more workers than that", async () => {
  expect(jobLimit()).toBeGreaterThanOrEqual(1);
  expect(jobLimit()).toBeLessThanOrEqual(availableParallelism());
  expect(jobLimit(1024 * 1024 * 1024)).toBe(1); // a heap no machine has room for twice
  started = 0;
  const files = Array.from({ length: 12 }, (_, i) => join(dir, `ok-${i}`));
  const results = await inspectAll(files, { jobs: 100, startWorker: scripted });
  expect(started).toBe(jobLimit());
  expect(reasons(results)).toEqual(files.map((_f, i) => `ok ok-${i}`));
  expect(WORKER_LIMITS).toEqual({ heapMb: 2048, timeoutMs: 60000 });
});

test("a single-file read on a worker is bounded the same way", async () => {
  await expect(
    inspectInWorker(join(dir, "x.xlsx"), {
      timeoutMs: 500,
      startWorker: (resourceLimits) =>
        new Worker(`require("node:worker_threads").parentPort.on("message", () => { for (;;) {} });`, {
          eval: true,
          resourceLimits,
        }),
    }),
  ).rejects.toMatchObject({ name: "WorkbookReadError", problems: ["读取超过 0.5 秒，已停止（文件内容异常）"] });
});
