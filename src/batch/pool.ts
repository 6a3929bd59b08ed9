/**
 * Inspecting many files on worker threads: `jobs` workers each take the next file as they finish one,
 * so a slow file never holds up the rest; results come back in the files' order. Each worker's heap is
 * capped; a worker that fails never stops the batch. With jobs = 1 it runs in this thread.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FileResult } from "./inspect";
import { inspectFile } from "./inspect-file";

export interface PoolOptions {
  readonly jobs: number;
  readonly profile?: string;
  readonly onResult?: (result: FileResult, done: number) => void;
}

/** Heap per worker: a workbook within the guard's limits needs far less; a hostile one dies alone. */
const WORKER_HEAP_MB = 512;

/** A worker on the script beside this module: compiled .js, or .ts through tsx when running from source. */
function startWorker(): Worker {
  const compiled = join(__dirname, "worker.js");
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (existsSync(compiled)) return new Worker(compiled, { resourceLimits });
  const source = join(__dirname, "worker.ts");
  return new Worker(`require("tsx/cjs"); require(${JSON.stringify(source)});`, { eval: true, resourceLimits });
}

export async function inspectAll(files: readonly string[], options: PoolOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  const finish = (index: number, result: FileResult) => {
    results[index] = result;
    done += 1;
    options.onResult?.(result, done);
  };

  if (options.jobs <= 1 || files.length <= 1) {
    for (const [index, file] of files.entries()) finish(index, await inspectFile(file, options.profile));
    return results;
  }

  let next = 0;
  const workers = Array.from({ length: Math.min(options.jobs, files.length) }, startWorker);
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          let current = -1;
          const take = () => {
            if (next >= files.length) {
              void worker.terminate().then(() => resolve());
              return;
            }
            current = next++;
            worker.postMessage({ index: current, file: files[current], profile: options.profile });
          };
          worker.on("message", (message: { index: number; result: FileResult }) => {
            finish(message.index, message.result);
            take();
          });
          worker.on("error", (error: Error & { code?: string }) => {
            // A file that exhausts a worker's memory is refused; any other failure is the worker's, not the
            // file's: what it had in hand is inspected again below, the rest go to the other workers.
            if (error.code === "ERR_WORKER_OUT_OF_MEMORY" && current >= 0 && results[current] === undefined) {
              finish(current, {
                file: files[current]!,
                status: "unreadable",
                reason: `读取时内存超过 ${WORKER_HEAP_MB} MB 的上限`,
              });
            }
            resolve();
          });
          take();
        }),
    ),
  );
  // Files left by a worker that died are inspected here.
  for (const [index, file] of files.entries())
    if (results[index] === undefined) finish(index, await inspectFile(file, options.profile));
  return results;
}
