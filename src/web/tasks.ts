/**
 * The page's heavy work, the same on a worker thread and on the main thread: read a workbook with the
 * batch's guard (a single file meets the same limits as a bureau's batch), or inspect one file of a batch.
 * exceljs comes in with this module, so it loads only when a workbook is opened.
 */
import { LIMITS } from "../batch/guard";
import type { ProfileChoice } from "../domain/profiles";
import { inspectBytes, type FileResult } from "../batch/inspect";
import { assembleWorkbook } from "../workbook/assemble";
import { recordingSource, type SourceRecording } from "../workbook/recorded-source";
import { inspectSource } from "../workbook/xlsx/read";

export type Task =
  | { readonly kind: "read"; readonly bytes: Uint8Array }
  | { readonly kind: "batch"; readonly name: string; readonly bytes: Uint8Array; readonly profile?: ProfileChoice };

/**
 * A read answers with the cells the assembler asked for (recorded-source.ts): the model itself holds
 * decimals, which cannot be posted from a worker; the page assembles it again from the recording.
 */
export type TaskResult<T extends Task> = T extends { kind: "read" } ? SourceRecording : FileResult;

export async function runTask<T extends Task>(task: T): Promise<TaskResult<T>> {
  if (task.kind === "batch") return (await inspectBytes(task.name, task.bytes, task.profile)) as TaskResult<T>;
  const { source, recording } = recordingSource(await inspectSource(task.bytes, { maxRows: LIMITS.rows }));
  // Assembling here asks every question the page's assembly will, and reports a missing sheet from here.
  assembleWorkbook(source, { lenient: true });
  return recording as TaskResult<T>;
}
