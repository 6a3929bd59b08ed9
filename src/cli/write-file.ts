/** Writing an output: a file (its folder created), or standard output for `--out -`. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "./errors";
import { STDIO, type CliIo } from "./io";

/** Writes `bytes` to `out`; `-` is standard output, binary as it is. */
export function writeOutput(out: string, bytes: Uint8Array, io: CliIo): void {
  if (out === STDIO) {
    if (!io.outBytes) throw new InputError("--out - 表示写到标准输出，但这里没有标准输出");
    io.outBytes(bytes);
    return;
  }
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "EISDIR" ? `${out}：是目录，不能写入文件` : `${out}：无法写入（${code ?? (error as Error).message}）`,
    );
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
