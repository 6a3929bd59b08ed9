import { isDecimalText } from "../../domain/decimal";
import { EXCEL_ERROR_TEXT, FunctionInputError } from "../../functions/arguments";
import { signatureOf } from "../../functions/define";
import { findFunction, JXZP_FUNCTIONS } from "../../functions/definitions";
import { EXIT, InputError } from "../errors";
import type { CliIo } from "../io";

/**
 * A command-line argument as a cell value: numbers as numbers, JSON arrays as ranges, "" and null
 * as empty, else text.
 */
export function cellArg(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "null") return null;
  if (isDecimalText(trimmed)) return Number(trimmed);
  if (trimmed.startsWith("[")) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      throw new InputError(`区域参数应为 JSON 数组，如 [[10],[5]]，实际为「${text}」`);
    }
  }
  return text;
}

/** jxzp fn ID args…: the same implementation as the cell, printed as the cell would show it. */
export function fnCommand(id: string, args: readonly string[], io: CliIo): number {
  const info = findFunction(id);
  if (!info) {
    const list = JXZP_FUNCTIONS.map((fn) => `  ${signatureOf(fn)}  ${fn.zhName} → ${fn.result}`);
    throw new InputError(`没有函数「${id}」。可用：\n${list.join("\n")}`);
  }
  const required = info.params.filter((p) => !p.optional).length;
  if (args.length < required || args.length > info.params.length) {
    throw new InputError(
      `${info.id} 需要 ${required}–${info.params.length} 个参数，实际 ${args.length} 个：${signatureOf(info)}`,
    );
  }
  try {
    const result = info.invoke(args.map(cellArg));
    io.out(String(result));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof FunctionInputError)) throw error;
    io.err(`${EXCEL_ERROR_TEXT[error.code]} ${error.message}`);
    return EXIT.dataErrors;
  }
}
