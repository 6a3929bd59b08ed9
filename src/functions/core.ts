/**
 * The custom functions without Office: argument checks and calls into the domain. functions.ts wraps
 * each in a CustomFunctions entry point; `jxzp fn` calls the same code. A rate comes back as a number
 * (the cell's format shows it as a percentage) or the text 不适用, which SUM and friends ignore.
 */
import { toDec, type Dec } from "../domain/decimal";
import { changeRate, NOT_APPLICABLE, ratio, type Rate } from "../domain/rates";

export type FunctionErrorCode = "invalidValue" | "notAvailable";

/** A bad argument: becomes a CustomFunctions.Error in Excel, a message on the command line. */
export class FunctionInputError extends Error {
  constructor(readonly code: FunctionErrorCode, message: string) {
    super(message);
    this.name = "FunctionInputError";
  }
}

export type CellResult = number | string;

/** A non-negative amount argument; text, negative numbers and booleans are refused with the value named. */
export function amountArg(value: unknown, label: string): Dec {
  const dec = typeof value === "boolean" ? null : toDec(typeof value === "string" ? value.trim() : value);
  if (dec === null) throw new FunctionInputError("invalidValue", `${label}应为数字，实际为「${String(value)}」`);
  if (dec.isNegative()) throw new FunctionInputError("invalidValue", `${label}不能为负数，实际为 ${dec.toString()}`);
  return dec;
}

/** A rate as a cell value: a 4-decimal fraction, or 不适用. */
export function rateResult(rate: Rate): CellResult {
  return rate.kind === "value" ? rate.value.toNumber() : NOT_APPLICABLE;
}

export function execRate(executed: unknown, budget: unknown): CellResult {
  return rateResult(ratio(amountArg(executed, "全年执行数"), amountArg(budget, "全年预算数")));
}

export function controlRate(actual: unknown, planned: unknown): CellResult {
  return rateResult(ratio(amountArg(actual, "实际数"), amountArg(planned, "计划数")));
}

export function changeRateFn(current: unknown, previous: unknown): CellResult {
  return rateResult(changeRate(amountArg(current, "本期数"), amountArg(previous, "上期数")));
}
