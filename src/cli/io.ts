import { readSync } from "node:fs";
import stringWidth from "string-width";
import { printable, printableJson } from "../domain/text-safety";
import { InputError } from "./errors";

/**
 * Where a command reads and writes: the real process or buffers in tests. `out`/`err` take text (a newline
 * is added when missing); `readStdin` and `outBytes` carry bytes for `-` (a file on standard input) and
 * `--out -` (a workbook or report on standard output). `helpWidth` is the terminal's width in columns,
 * when there is a terminal. The byte members are optional so that an io that only collects text still
 * works; a command that needs them then says so.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Everything on standard input, up to `limit` bytes (one more byte read tells the caller it is longer). */
  readStdin?(limit: number): Uint8Array;
  /** Bytes to standard output, unchanged (an .xlsx or .docx). */
  outBytes?(bytes: Uint8Array): void;
  /**
   * Writes all of `bytes` to the open file `fd` (an output's temporary file; src/cli/write-file.ts). Node's
   * writeSync in a loop unless given: tests inject one that fails half-way, as a full disk does.
   */
  writeBytes?(fd: number, bytes: Uint8Array): void;
  readonly helpWidth?: number;
}

/** The name of standard input and output on the command line. */
export const STDIO = "-";

/** Reads fd 0 to its end (or past `limit`), waiting out a non-blocking pipe instead of failing on EAGAIN. */
function readFd0(limit: number): Buffer {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(64 * 1024);
  let total = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (total <= limit) {
    let read: number;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (code === "EOF") break;
      throw new InputError(`无法读取标准输入（${code ?? (error as Error).message}）`);
    }
    if (read === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    total += read;
  }
  return Buffer.concat(chunks);
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  readStdin: (limit) => {
    if (process.stdin.isTTY)
      throw new InputError(
        "「-」表示从标准输入读取，但标准输入是终端：请用重定向或管道，如 jxzp validate - < 单位.xlsx",
      );
    return readFd0(limit);
  },
  outBytes: (bytes) => {
    if (process.stdout.isTTY)
      throw new InputError("--out - 把文件写到标准输出，但标准输出是终端：请重定向到文件或管道，如 > 单位.xlsx");
    process.stdout.write(bytes);
  },
  get helpWidth() {
    return (process.stdout.isTTY && process.stdout.columns) || undefined;
  },
};

/** Terminal columns taken by a string: CJK and full-width characters take two (string-width knows the tables). */
export const displayWidth = (text: string): number => stringWidth(text);

/** Pads to a display width, so columns of Chinese text line up. */
export function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + fill : fill + text;
}

/** Rows of cells as aligned text columns: one line a row (the last column is not padded). */
export function tableLines(
  rows: ReadonlyArray<ReadonlyArray<string>>,
  rightAligned: ReadonlySet<number> = new Set(),
): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => pad(cell, i === row.length - 1 ? 0 : (widths[i] ?? 0), rightAligned.has(i) ? "right" : "left"))
      .join("  ")
      .trimEnd(),
  );
}

/** Rows of cells as aligned text columns. */
export function table(
  rows: ReadonlyArray<ReadonlyArray<string>>,
  rightAligned: ReadonlySet<number> = new Set(),
): string {
  return tableLines(rows, rightAligned).join("\n");
}

/**
 * `io` whose output is made printable: text from files (a profile's names and sources, a model's texts) may
 * hold escape sequences. JSON output (it starts with { or [) keeps its meaning through printableJson.
 */
export function printedIo(io: CliIo): CliIo {
  return {
    ...io,
    out: (text) => io.out(/^\s*[[{]/.test(text) ? printableJson(text) : printable(text)),
  };
}
