/**
 * A batch worker thread (started by pool.ts with a capped heap): inspects the files it is sent, one at
 * a time, and posts each result back; or reads one workbook for a single-file command and posts back
 * the cells the assembler asked for (a recording: plain values, which can cross threads).
 */
import { parentPort } from "node:worker_threads";
import { recordingSource } from "../workbook/recorded-source";
import { assembleWorkbook, WorkbookReadError } from "../workbook/assemble";
import { inspectSource } from "../workbook/xlsx/read";
import { inspectFile, readWorkbookFile } from "./inspect-file";
import type { Reply, Task } from "./pool";

async function record(input: Uint8Array | string): Promise<Reply["answer"]> {
  const bytes = typeof input === "string" ? readWorkbookFile(input) : input;
  if ("reason" in bytes) return { problems: [bytes.reason] };
  try {
    const { source, recording } = recordingSource(await inspectSource(bytes));
    // Asks every question the assembler will ask again. The reader reads parts as they are asked for,
    // so a damaged part, like a workbook without our sheets, is found here and said as problems.
    assembleWorkbook(source, { lenient: true });
    return { recording };
  } catch (error) {
    if (error instanceof WorkbookReadError) return { problems: [...error.problems] };
    return { problems: [`读取失败：${(error as Error).message}`] };
  }
}

async function run(task: Task): Promise<Reply["answer"]> {
  if (task.kind === "file") return { result: await inspectFile(task.file, task.profile) };
  return record(task.input);
}

parentPort!.on("message", (task: Task) => {
  void run(task).then((answer) => parentPort!.postMessage({ id: task.id, answer } satisfies Reply));
});
