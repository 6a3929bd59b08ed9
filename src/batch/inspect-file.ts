/** A batch's workbook read from disk, then inspected (inspect.ts). */
import { readFileSync } from "node:fs";
import { inspectBytes, unreadable, type FileResult } from "./inspect";

export async function inspectFile(file: string, profile?: string): Promise<FileResult> {
  let bytes: Buffer;
  try {
    // Synchronous: small files, one at a time per thread; the async read only adds idle time here.
    bytes = readFileSync(file);
  } catch (error) {
    return unreadable(file, `无法读取文件（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`);
  }
  return inspectBytes(file, bytes, profile);
}
