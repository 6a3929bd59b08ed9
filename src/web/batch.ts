/**
 * 批量汇总 in the page: the chosen files inspected by the engine's workers (or the page itself), as many
 * at a time as it has; each file meets the batch's guard; a file that fails, however, is listed with its
 * reason and the rest go on. Results come back in the files' order, with progress after each.
 */
import { LIMITS } from "../batch/guard";
import { unreadable, type FileResult } from "../batch/results";
import type { ProfileChoice } from "../domain/profiles";
import type { Engine } from "./engine";

export interface BatchFile {
  /** The name shown in the summary: the path inside the chosen folder, or the file's name. */
  readonly name: string;
  readonly size: number;
  /** A file or folder the browser refused to read: listed as unreadable whatever its name. */
  readonly refused?: boolean;
  bytes(): Promise<ArrayBuffer>;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function runBatch(
  files: readonly BatchFile[],
  engine: Engine,
  options: { profile?: ProfileChoice; onResult?: (done: number) => void; stopped?: () => boolean },
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  let next = 0;
  let done = 0;
  async function inspect(file: BatchFile): Promise<FileResult> {
    // Too large to be a 自评 workbook: refused before its bytes are read into the page.
    if (file.size > LIMITS.fileBytes)
      return unreadable(file.name, `文件 ${mb(file.size)}，超过 ${mb(LIMITS.fileBytes)} 的上限`);
    try {
      const bytes = new Uint8Array(await file.bytes());
      return await engine.run({ kind: "batch", name: file.name, bytes, profile: options.profile });
    } catch (error) {
      return unreadable(file.name, (error as Error).message);
    }
  }
  async function lane() {
    while (next < files.length && !options.stopped?.()) {
      const index = next++;
      results[index] = await inspect(files[index]!);
      options.onResult?.(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, engine.slots) }, lane));
  return results.filter(Boolean);
}

/** Every file under the dropped items, folders walked (the File and Directory Entries API). */
export async function droppedFiles(items: DataTransferItemList): Promise<BatchFile[]> {
  const entries = [...items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  const found: BatchFile[] = [];
  async function walk(entry: FileSystemEntry, path: string): Promise<void> {
    try {
      await visit(entry, path);
    } catch (error) {
      // A file or folder the browser will not read is listed as unreadable, like any other bad file.
      const reason = `无法读取（${(error as Error).message || "浏览器拒绝访问"}）`;
      found.push({ name: path + entry.name, size: 0, refused: true, bytes: () => Promise.reject(new Error(reason)) });
    }
  }
  async function visit(entry: FileSystemEntry, path: string): Promise<void> {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      found.push(fromFile(file, path + entry.name));
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most 100 entries a call: call until it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, `${path}${entry.name}/`);
    }
  }
  for (const entry of entries) await walk(entry, "");
  return found;
}

export const fromFile = (file: File, name = file.webkitRelativePath || file.name): BatchFile => ({
  name,
  size: file.size,
  bytes: () => file.arrayBuffer(),
});
