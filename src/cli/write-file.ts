/**
 * Writing an output: a file, or standard output for `--out -`. One place decides what may be replaced:
 *
 * - an output is never one of the command's inputs (the same path, or the same file through a symbolic or
 *   hard link: the same device and inode), whatever the options;
 * - an existing file is replaced only when it is what the command itself writes and holds nothing to lose:
 *   `template`/`import` a blank template, `report` a report jxzp generated (it carries our data fingerprint),
 *   `summary` a summary jxzp wrote (it carries our mark, src/batch/summary-mark.ts); an empty (0-byte) file
 *   holds nothing either. Anything else (a filled workbook, a workbook where a report is asked for, a Word
 *   document where a workbook is) needs `--force`;
 * - the bytes go to a temporary file beside the output (same folder, `.名字.jxzp-<pid>-<random>.tmp`), are
 *   flushed to disk and renamed over the output only when complete: a write that fails (disk full) removes
 *   the temporary file and leaves the old file as it was. A symbolic link as output keeps pointing to the
 *   file, which is replaced; a device (`--out /dev/null`) is written directly.
 *
 * `checkOutput` runs before the work (a long batch is not run to be refused at the end); `writeOutput` takes
 * what it returned and refuses if the file changed in between.
 */
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type BigIntStats,
} from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { LIMITS, refuseWorkbook } from "../batch/guard";
import { isOurSummary } from "../batch/summary-mark";
import { canonicalJson } from "../domain/report/fingerprint";
import type { WorkbookModel } from "../domain/model";
import { isBlankProject } from "../domain/validation/rules/projects";
import { reportFingerprint } from "../docx/read";
import { WorkbookReadError } from "../workbook/assemble";
import { inspectWorkbook } from "../workbook/xlsx/read";
import { buildWorkbook } from "../workbook/xlsx/write";
import { InputError } from "./errors";
import { STDIO, type CliIo } from "./io";
import { isA, sniff } from "./sniff";

/** What a command writes: a blank template, a filled workbook, a report or a batch summary. */
export type OutputKind = "template" | "workbook" | "report" | "summary";

export interface OutputRules {
  readonly kind: OutputKind;
  /** The command's input files (`-` is skipped): the output must be none of them. */
  readonly inputs: readonly string[];
  /** Replace an existing file whatever it is (never an input). */
  readonly force?: boolean;
}

/** An output that passed `checkOutput`, ready for `writeOutput`. */
export interface CheckedOutput {
  /** As given on the command line (for messages). */
  readonly out: string;
  /** The file written: `out`, or what a symbolic link `out` points to. */
  readonly target: string;
  /** "stdout" for `-`, "device" for a character device or pipe, "file" otherwise. */
  readonly mode: "stdout" | "device" | "file";
  /** The existing file as checked (null when there was none). */
  readonly existing: BigIntStats | null;
}

const FORCE = "确需覆盖请加 --force";

const statOf = (path: string): BigIntStats | undefined => {
  try {
    return statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};

const realOf = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/** The same file: the same device and inode (hard and symbolic links), or the same real path. */
const sameFile = (a: BigIntStats, aReal: string, b: BigIntStats, bReal: string) =>
  aReal === bReal || (a.ino !== 0n && a.dev === b.dev && a.ino === b.ino);

function refuseInput(out: string, existing: BigIntStats, inputs: readonly string[]): void {
  const outReal = realOf(out);
  for (const input of inputs) {
    if (input === STDIO) continue;
    const stat = statOf(input);
    if (!stat || !sameFile(existing, outReal, stat, realOf(input))) continue;
    throw new InputError(
      resolve(input) === resolve(out)
        ? `输出文件 ${out} 就是输入文件：请换一个输出文件名`
        : `输出文件 ${out} 与输入文件 ${input} 是同一个文件（经由链接）：请换一个输出文件名`,
    );
  }
}

let blankTemplate: Promise<string> | undefined;
/** The canonical data of our blank template as read back: what a workbook with nothing filled reads as. */
const blankData = (): Promise<string> =>
  (blankTemplate ??= (async () => {
    const bytes = new Uint8Array(await buildWorkbook().xlsx.writeBuffer());
    return canonicalJson((await inspectWorkbook(bytes)).model, "");
  })());

/** "filled", "blank" or "foreign" (not a workbook our reader reads). */
async function workbookState(bytes: Uint8Array): Promise<"filled" | "blank" | "foreign"> {
  if (refuseWorkbook(bytes) !== null) return "foreign";
  let model: WorkbookModel;
  try {
    const workbook = await inspectWorkbook(bytes, { maxRows: LIMITS.rows });
    if (workbook.problems.length > 0) return "filled"; // something was typed, if of the wrong type
    model = workbook.model;
  } catch (error) {
    if (error instanceof WorkbookReadError) return "foreign";
    throw error;
  }
  // Blank project tables (a template written with --projects) hold nothing either.
  const blank =
    model.projects.every(isBlankProject) && canonicalJson({ ...model, projects: [] }, "") === (await blankData());
  return blank ? "blank" : "filled";
}

const NOT_OURS: Record<OutputKind, string> = {
  template: "不是本工具的工作簿模板",
  workbook: "不是本工具的工作簿模板",
  report: "不是由 jxzp 生成的报告",
  summary: "不是由 jxzp 写出的汇总",
};

/** Why the existing file `out` must not be replaced by this kind of output; null when it may be. */
async function refusal(out: string, kind: OutputKind): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    const size = statSync(out).size;
    if (size === 0) return null; // nothing to lose
    if (size > LIMITS.fileBytes) return `${out} 已存在（${(size / 1024 / 1024).toFixed(1)} MB），${NOT_OURS[kind]}`;
    bytes = readFileSync(out);
  } catch (error) {
    return `${out} 已存在但无法读取（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`;
  }
  const content = sniff(bytes);
  const other = `${out} 已存在，${isA(content)}，${NOT_OURS[kind]}`;
  switch (kind) {
    case "template":
    case "workbook": {
      if (content.kind !== "xlsx") return other;
      const state = await workbookState(bytes);
      return state === "blank" ? null : state === "filled" ? `${out} 已存在且是填写过的工作簿` : other;
    }
    case "report":
      if (content.kind !== "docx") return other;
      try {
        await reportFingerprint(bytes);
      } catch {
        return other;
      }
      return savedSince(out, bytes);
    case "summary":
      return isOurSummary(bytes) ? savedSince(out, bytes) : other;
  }
}

/**
 * Whether a report or summary jxzp wrote was saved again since (Word, WPS or Excel update the modified time
 * in docProps/core.xml; we write it equal to the created time): the user may have added to it, so it is not
 * ours to replace without --force.
 */
function savedSince(out: string, bytes: Uint8Array): string | null {
  let core: string;
  try {
    const part = unzipSync(bytes, { filter: (file) => file.name === "docProps/core.xml" })["docProps/core.xml"];
    if (!part) return null;
    core = strFromU8(part);
  } catch {
    return null;
  }
  const time = (tag: string) => Date.parse(new RegExp(`<dcterms:${tag}[^>]*>([^<]+)<`).exec(core)?.[1] ?? "");
  const [created, modified] = [time("created"), time("modified")];
  if (Number.isNaN(created) || Number.isNaN(modified) || modified - created < 60_000) return null;
  return `${out} 已存在，生成后又被修改保存过（${new Date(modified).toLocaleString("zh-CN")}），其中可能有您添加的内容`;
}

/** Where a symbolic link that points at nothing yet points; undefined for anything else. */
function danglingTarget(out: string): string | undefined {
  try {
    if (!lstatSync(out).isSymbolicLink()) return undefined;
    return resolve(dirname(out), readlinkSync(out));
  } catch {
    return undefined;
  }
}

/**
 * Checks that `out` may be written under `rules`; InputError in Chinese when not. Call it once the inputs
 * are known and before the work.
 */
export async function checkOutput(out: string, rules: OutputRules): Promise<CheckedOutput> {
  if (out === STDIO) return { out, target: STDIO, mode: "stdout", existing: null };
  const existing = statOf(out);
  // A symbolic link whose file does not exist yet: the file is written where it points, the link stays.
  if (!existing) return { out, target: danglingTarget(out) ?? out, mode: "file", existing: null };
  if (existing.isDirectory()) throw new InputError(`${out}：是目录，不能写入文件`);
  refuseInput(out, existing, rules.inputs);
  if (!existing.isFile()) return { out, target: out, mode: "device", existing };
  if (!rules.force) {
    const reason = await refusal(out, rules.kind);
    if (reason) throw new InputError(`${reason}：不会覆盖。${FORCE}`);
  }
  return { out, target: realOf(out), mode: "file", existing };
}

/**
 * renameSync, retried on Windows for about 2 s while another program holds the new file or the old one
 * (Defender, the search indexer and OneDrive open fresh files briefly: EPERM, EACCES or EBUSY), as
 * graceful-fs does. Elsewhere a rename over a file is atomic and never waits on a reader.
 */
export function renameWithRetry(
  from: string,
  to: string,
  rename: (from: string, to: string) => void = renameSync,
  platform: NodeJS.Platform = process.platform,
): void {
  const transient = new Set(["EPERM", "EACCES", "EBUSY"]);
  const waits = platform === "win32" ? [10, 20, 50, 100, 200, 400, 600, 600] : [];
  for (let attempt = 0; ; attempt++) {
    try {
      rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (attempt >= waits.length || !transient.has(code)) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, waits[attempt]);
    }
  }
}

/** Writes all of `bytes` to `fd` (the default of CliIo.writeBytes). */
function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

const changed = (before: BigIntStats | null, now: BigIntStats | undefined) =>
  before === null
    ? now !== undefined
    : !now || now.ino !== before.ino || now.size !== before.size || now.mtimeNs !== before.mtimeNs;

function writeError(out: string, error: unknown, existed: boolean): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === "ENOSPC"
      ? "磁盘空间不足"
      : code === "EACCES" || code === "EPERM"
        ? `没有写入权限，或文件正被其他程序打开（${code}）`
        : code === "EBUSY"
          ? "文件正被其他程序打开（EBUSY）"
          : code === "EISDIR"
            ? "是目录"
            : (code ?? (error as Error).message);
  return new InputError(`${out}：无法写入（${why}）${existed ? "，原文件未改动" : ""}`);
}

/** A temporary name beside `target`, hidden on Unix, unique to this process and call. */
export const temporaryName = (target: string): string =>
  // The name's first 32 characters only: a long output name must not fail for its temporary file's sake.
  join(dirname(target), `.${basename(target).slice(0, 32)}.jxzp-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);

/** Writes `bytes` to the checked output: standard output, a device, or a file replaced in one rename. */
export function writeOutput(output: CheckedOutput, bytes: Uint8Array, io: CliIo): void {
  const { out, target } = output;
  if (output.mode === "stdout") {
    if (!io.outBytes) throw new InputError("--out - 表示写到标准输出，但这里没有标准输出");
    io.outBytes(bytes);
    return;
  }
  if (output.mode === "device") {
    try {
      writeFileSync(target, bytes);
    } catch (error) {
      throw writeError(out, error, false);
    }
    return;
  }
  if (changed(output.existing, statOf(target)))
    throw new InputError(`${out} 在处理期间被新建或改动：未写入，请重新运行`);
  const write = io.writeBytes ?? writeAll;
  let temp: string | undefined;
  let fd: number | undefined;
  try {
    mkdirSync(dirname(target), { recursive: true });
    temp = temporaryName(target);
    const mode = output.existing ? Number(output.existing.mode & 0o777n) : 0o666;
    fd = openSync(temp, "wx", mode);
    write(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameWithRetry(temp, target);
    temp = undefined;
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already reported: the write's own error
      }
    }
    if (temp !== undefined) {
      try {
        unlinkSync(temp);
      } catch {
        // nothing more to do: the old file is untouched either way
      }
    }
    throw writeError(out, error, output.existing !== null);
  }
  syncDirectory(dirname(target));
}

/** Flushes the rename itself (best effort: not every system opens a folder for it). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder as a file; the rename is durable there once the system flushes it.
  }
}

/**
 * Where a command's messages go: standard output, unless the file itself goes there (`--out -`); then on
 * standard error, so that what is piped on is the file and nothing else.
 */
export const messagesFor = (out: string | undefined, io: CliIo): ((text: string) => void) =>
  out === STDIO ? (text) => io.err(text) : (text) => io.out(text);

/** How an output is named in messages. */
export const outputName = (out: string): string => (out === STDIO ? "标准输出" : out);
