/**
 * The workbooks a batch reads, from the command line's inputs: "批次/*.xlsx" (wildcards in the last
 * part), a folder (searched recursively) or a file. Nothing here throws or blocks on what it finds:
 *
 * - a folder that cannot be listed (no permission, gone meanwhile) is listed as unreadable with its
 *   reason, and the rest of the batch goes on;
 * - only regular files are taken (stat, following a symbolic link): a FIFO, device or socket named like
 *   a workbook is listed as unreadable, never opened (a FIFO would block the read forever);
 * - a symbolic link to a folder is followed once: a folder already searched (a link loop, or two links
 *   to one folder) is not searched again;
 * - Excel's lock files (~$单位.xlsx) are skipped; in folders and wildcards only *.xlsx names are taken.
 *
 * An input that does not exist is `missing` (a usage error for the CLI to report), not unreadable.
 */
import { readdirSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isWorkbookName, unreadable, type Unreadable } from "./results";

export interface Collected {
  /** Regular files to read, in order: each input's in turn, names sorted, no path twice. */
  readonly files: string[];
  /** Folders that could not be listed and entries that are not regular files, with the reason. */
  readonly unreadable: Unreadable[];
  /** Inputs that do not exist (a folder of a wildcard included). */
  readonly missing: string[];
}

/** How deep a folder search goes: far beyond any real 收件 folder, short of a pathological tree. */
const MAX_DEPTH = 32;

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

function why(error: unknown): string {
  const code = codeOf(error);
  const meaning: Record<string, string> = {
    EACCES: "没有权限",
    EPERM: "没有权限",
    ENOENT: "已不存在",
    ELOOP: "符号链接循环",
    ENOTDIR: "不是文件夹",
    EIO: "磁盘读取错误",
  };
  return meaning[code] ? `${code}：${meaning[code]}` : code;
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return "命名管道（FIFO）";
  if (stat.isSocket()) return "套接字";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "设备文件";
  return "特殊文件";
}

const notRegular = (path: string, stat: Stats) => unreadable(path, `不是普通文件（${kindOf(stat)}），未读取`);

const wildcard = (name: string) =>
  new RegExp(
    `^${name
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );

export interface CollectOptions {
  /**
   * Regular files found in folders and wildcards that are not the batch's (e.g. a summary jxzp wrote
   * into the folder: src/batch/summary-mark.ts); called only for regular *.xlsx files.
   */
  readonly skip?: (path: string) => boolean;
}

export function collectWorkbookFiles(inputs: readonly string[], options: CollectOptions = {}): Collected {
  const files: string[] = [];
  const problems: Unreadable[] = [];
  const missing: string[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();

  const addFile = (path: string, found = true) => {
    if (found && options.skip?.(path)) return;
    if (!seenFiles.has(path)) {
      seenFiles.add(path);
      files.push(path);
    }
  };

  /** A folder's entries, names sorted; null (and a problem listed) when it cannot be listed. */
  const list = (dir: string): string[] | null => {
    try {
      return readdirSync(dir).sort((a, b) => a.localeCompare(b));
    } catch (error) {
      problems.push(unreadable(dir, `无法读取文件夹（${why(error)}）`));
      return null;
    }
  };

  /** An entry of a folder or a wildcard: stat follows a symbolic link to what it names. */
  const entry = (path: string, depth: number) => {
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch (error) {
      if (isWorkbookName(basename(path))) problems.push(unreadable(path, `无法读取文件（${why(error)}）`));
      return; // a dangling link, or an entry gone meanwhile
    }
    if (stat.isDirectory()) walk(path, stat, depth + 1);
    else if (!isWorkbookName(basename(path))) return;
    else if (stat.isFile()) addFile(path);
    else problems.push(notRegular(path, stat));
  };

  const walk = (dir: string, stat: Stats, depth: number) => {
    const id = `${stat.dev}:${stat.ino}`;
    if (seenFolders.has(id)) return; // a link loop, or a folder reached twice
    seenFolders.add(id);
    if (depth > MAX_DEPTH) {
      problems.push(unreadable(dir, `文件夹层级超过 ${MAX_DEPTH} 层，未继续查找`));
      return;
    }
    for (const name of list(dir) ?? []) entry(join(dir, name), depth);
  };

  for (const input of inputs) {
    const name = basename(input);
    if (/[*?]/.test(name)) {
      const dir = dirname(input);
      let dirStat: Stats;
      try {
        dirStat = statSync(dir);
      } catch (error) {
        if (codeOf(error) === "ENOENT" || codeOf(error) === "ENOTDIR") missing.push(dir);
        else problems.push(unreadable(dir, `无法读取文件夹（${why(error)}）`));
        continue;
      }
      if (!dirStat.isDirectory()) {
        missing.push(dir);
        continue;
      }
      const pattern = wildcard(name);
      for (const found of list(dir) ?? []) {
        if (!pattern.test(found) || !isWorkbookName(found)) continue;
        const path = join(dir, found);
        let stat: Stats;
        try {
          stat = statSync(path);
        } catch (error) {
          problems.push(unreadable(path, `无法读取文件（${why(error)}）`));
          continue;
        }
        if (stat.isFile()) addFile(path);
        else if (!stat.isDirectory()) problems.push(notRegular(path, stat));
      }
      continue;
    }
    let stat: Stats;
    try {
      stat = statSync(input);
    } catch (error) {
      if (codeOf(error) === "ENOENT" || codeOf(error) === "ENOTDIR") missing.push(input);
      else problems.push(unreadable(input, `无法读取（${why(error)}）`));
      continue;
    }
    if (stat.isDirectory()) walk(input, stat, 0);
    else if (stat.isFile())
      addFile(input, false); // named on the command line: read whatever its name
    else problems.push(notRegular(input, stat));
  }
  return { files, unreadable: problems, missing };
}
