/**
 * A batch's workbook read from disk, then inspected (inspect.ts). The file is opened without blocking
 * and checked to be a regular file of at most LIMITS.fileBytes before a byte is read: a FIFO or device
 * that takes a workbook's name (or is swapped in after the folder was listed) never blocks the read,
 * and a 10 GB file is never loaded to be refused.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import type { ProfileChoice } from "../domain/profiles";
import { LIMITS } from "./guard";
import { inspectBytes, unreadable, type FileResult } from "./inspect";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The bytes of `file`, or why they cannot be read (in Chinese). */
export function readWorkbookFile(file: string): Uint8Array | { reason: string } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { reason: `无法读取文件（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { reason: "是文件夹，不是文件" };
    if (!stat.isFile()) return { reason: "不是普通文件（命名管道、设备或套接字），未读取" };
    if (stat.size > LIMITS.fileBytes) return { reason: `文件 ${mb(stat.size)}，超过 ${mb(LIMITS.fileBytes)} 的上限` };
    // Synchronous: small files, one at a time per thread; the async read only adds idle time here.
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (error) {
    return { reason: `无法读取文件（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）` };
  } finally {
    closeSync(fd);
  }
}

export async function inspectFile(file: string, profile?: ProfileChoice): Promise<FileResult> {
  const bytes = readWorkbookFile(file);
  if ("reason" in bytes) return unreadable(file, bytes.reason);
  return inspectBytes(file, bytes, profile);
}
