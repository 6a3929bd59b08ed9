/** A batch worker thread: inspects the files it is sent, one at a time, and posts each result back. */
import { parentPort } from "node:worker_threads";
import { inspectFile } from "./inspect-file";

parentPort!.on("message", (task: { index: number; file: string; profile?: string }) => {
  void inspectFile(task.file, task.profile).then((result) => parentPort!.postMessage({ index: task.index, result }));
});
