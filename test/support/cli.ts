/** Test helpers for the CLI on real files: run a command and capture its output; write sample workbooks. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CliIo } from "../../src/cli/io";
import { runAsync } from "../../src/cli/main";
import { SAMPLE_PATH } from "./model-inputs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of the sample JSON
export type Json = Record<string, any>;

export interface CliResult {
  code: number;
  /** Text written to standard output. */
  out: string;
  err: string;
  /** Bytes written to standard output (`--out -`). */
  bytes: Buffer;
}

export interface IoOptions {
  stdin?: Uint8Array;
  helpWidth?: number;
  /** How output files' bytes are written (CliIo.writeBytes): a failing one simulates a full disk. */
  writeBytes?: CliIo["writeBytes"];
}

/** An io that reads `stdin` as standard input and collects what is written; no real process stream is touched. */
export function memoryIo(options: IoOptions = {}): CliIo & {
  result(code: number): CliResult;
} {
  let out = "";
  let err = "";
  const chunks: Buffer[] = [];
  return {
    // As the real process writes: a newline added when the text has none.
    out: (s) => (out += s.endsWith("\n") ? s : `${s}\n`),
    err: (s) => (err += s.endsWith("\n") ? s : `${s}\n`),
    readStdin: (limit) => (options.stdin ?? new Uint8Array()).subarray(0, limit + 1),
    outBytes: (bytes) => chunks.push(Buffer.from(bytes)),
    helpWidth: options.helpWidth,
    ...(options.writeBytes ? { writeBytes: options.writeBytes } : {}),
    result: (code) => ({ code, out, err, bytes: Buffer.concat(chunks) }),
  };
}

export async function cli(...argv: string[]): Promise<CliResult> {
  return cliWith({}, ...argv);
}

/** Runs with bytes on standard input, a terminal width and/or a writer of output files. */
export async function cliWith(options: IoOptions, ...argv: string[]): Promise<CliResult> {
  const io = memoryIo(options);
  return io.result(await runAsync(argv, io));
}

/**
 * A workbook written by `jxzp import` into `dir` from the sample (signature lines filled) after `edit`; an
 * earlier one of the same name is replaced (--force).
 */
export async function sampleWorkbook(
  dir: string,
  name: string,
  edit: (json: Json) => void = () => {},
): Promise<string> {
  const json = JSON.parse(readFileSync(SAMPLE_PATH, "utf8"));
  Object.assign(json.basic, { preparer: "李明", filledOn: "2025-04-20" });
  Object.assign(json.eval, { preparer: "李明", filledOn: "2025-04-20" });
  edit(json);
  const model = join(dir, `${name}.json`);
  writeFileSync(model, JSON.stringify(json));
  const out = join(dir, `${name}.xlsx`);
  const { code, err } = await cli("import", model, "--out", out, "--force");
  if (code !== 0) throw new Error(err);
  return out;
}
