/**
 * The custom functions without Office: argument checks and calls into the domain. functions.ts wraps
 * each in a CustomFunctions entry point and `jxzp fn` calls the same code, so a cell, the CLI, the
 * validator and the report can never disagree. A rate comes back as a number (the cell's format shows
 * it as a percentage) or the text 不适用, which SUM and friends ignore.
 */
import { Dec, formatPercent, normaliseNumberText, toDec } from "../domain/decimal";
import { findBand, findProfile, unknownProfileMessage, type ScoringProfile } from "../domain/profiles";
import { changeRate, NOT_APPLICABLE, ratio, rateNumber } from "../domain/rates";
import { executionScore, gradeOf, scoreIndicator, totalScore } from "../domain/scoring";
import { completionOf, parseMeasure } from "../domain/targets";

export type FunctionErrorCode = "invalidValue" | "notAvailable";

/** A bad argument: becomes a CustomFunctions.Error in Excel, a message on the command line. */
export class FunctionInputError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FunctionInputError";
  }
}

export type CellResult = number | string;
/** What Excel passes for a range: rows of cells; empty cells arrive as null or "". */
export type RangeArg = ReadonlyArray<ReadonlyArray<unknown>>;

const invalid = (message: string) => new FunctionInputError("invalidValue", message);
const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** "实际为「abc」" or "实际为 true". */
function shown(value: unknown): string {
  return typeof value === "string" ? `「${value}」` : ` ${String(value)}`;
}

/** A number argument: JS numbers as they are; text numbers (also full-width) read exactly; anything else refused. */
function numberArg(value: unknown, label: string): number | Dec {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalid(`${label}应为数字，实际为${shown(value)}`);
    return value;
  }
  if (typeof value === "string") {
    const dec = toDec(normaliseNumberText(value.normalize("NFKC")));
    if (dec !== null) return dec;
  }
  throw invalid(isEmpty(value) ? `${label}未填写` : `${label}应为数字，实际为${shown(value)}`);
}

/** A non-negative amount (万元) or headcount. */
export function amountArg(value: unknown, label: string): number | Dec {
  const amount = numberArg(value, label);
  if (typeof amount === "number" ? amount < 0 : amount.isNegative())
    throw invalid(`${label}不能为负数，实际为 ${amount.toString()}`);
  return amount;
}

/** A weight (分值): 0 to 100. */
function weightArg(value: unknown, label = "分值"): Dec {
  const weight = new Dec(amountArg(value, label).toString());
  if (weight.greaterThan(100)) throw invalid(`${label}不能大于 100，实际为 ${weight.toString()}`);
  return weight;
}

/** An optional profile: its id (national, platform) or Chinese name; empty means the default. */
export function profileArg(value: unknown): ScoringProfile {
  const text = isEmpty(value) ? null : String(value);
  const profile = findProfile(text);
  if (!profile) throw invalid(unknownProfileMessage(String(value)));
  return profile;
}

/** Text arguments (年度指标值 …): numbers typed into cells count as their text. */
function textArg(value: unknown): string {
  return isEmpty(value) ? "" : String(value);
}

/**
 * 年度指标值 and 实际完成值 as texts. A cell formatted as a percentage sends 0.97 for "97%": where the
 * other side is a percentage, such a number is read as one.
 */
function measureTexts(target: unknown, actual: unknown): [string, string] {
  const asPercent = (value: unknown, other: unknown) =>
    typeof value === "number" && parseMeasure(textArg(other)).unit === "%"
      ? `${new Dec(String(value)).times(100).toString()}%`
      : textArg(value);
  return [asPercent(target, actual), asPercent(actual, target)];
}

function fromRateNumber(result: number | string): CellResult {
  if (typeof result !== "number") return NOT_APPLICABLE;
  if (!Number.isFinite(result)) throw invalid("结果超出 Excel 能表示的范围，请检查分母");
  return result;
}

/** EXECRATE: 全年执行数 / 全年预算数. */
export function execRate(executed: unknown, budget: unknown): CellResult {
  return fromRateNumber(rateNumber(amountArg(executed, "全年执行数"), amountArg(budget, "全年预算数")));
}

/** CONTROLRATE: 实际数 / 计划数. */
export function controlRate(actual: unknown, planned: unknown): CellResult {
  return fromRateNumber(rateNumber(amountArg(actual, "实际数"), amountArg(planned, "计划数")));
}

/** CHANGERATE: (本期数 − 上期数) / 上期数. */
export function changeRateFn(current: unknown, previous: unknown): CellResult {
  const rate = changeRate(amountArg(current, "本期数"), amountArg(previous, "上期数"));
  return rate.kind === "value" ? rate.value.toNumber() : NOT_APPLICABLE;
}

/** COMPLETIONRATE: 实际/目标 (or 目标/实际 where less is better); time targets say 按期完成 or 未按期完成. */
export function completionRate(target: unknown, actual: unknown): CellResult {
  const [targetText, actualText] = measureTexts(target, actual);
  const completion = completionOf(parseMeasure(targetText), parseMeasure(actualText));
  switch (completion.kind) {
    case "quantitative":
      return completion.rate.kind === "value" ? completion.rate.value.toNumber() : NOT_APPLICABLE;
    case "time":
      return completion.met ? "按期完成" : "未按期完成";
    case "qualitative":
      throw new FunctionInputError("notAvailable", `定性指标「${targetText}」没有完成率，请按达成/部分达成/未达成评分`);
    case "unscorable":
      throw invalid(completion.reason);
  }
}

/** BUDGETSCORE: 分值 × min(执行率, 100%), 2 decimals. */
export function budgetScore(weight: unknown, executed: unknown, budget: unknown, profile?: unknown): CellResult {
  profileArg(profile); // the national and platform profiles score execution alike; still refuse an unknown one
  const score = executionScore(weightArg(weight), amountArg(executed, "全年执行数"), amountArg(budget, "全年预算数"));
  return score.score ? score.score.toNumber() : NOT_APPLICABLE;
}

/** INDICATORSCORE: the suggested score of one indicator. */
export function indicatorScore(
  weight: unknown,
  target: unknown,
  actual: unknown,
  band?: unknown,
  profile?: unknown,
): CellResult {
  const scoring = profileArg(profile);
  if (!isEmpty(band) && !findBand(scoring, band)) {
    throw invalid(
      `评价档次「${String(band)}」无法识别，可选：${scoring.qualitativeBands.map((b, i) => `${b.id}（${i + 1}）`).join("、")}`,
    );
  }
  const [targetText, actualText] = measureTexts(target, actual);
  const result = scoreIndicator({ weight: weightArg(weight), target: targetText, actual: actualText, band }, scoring);
  if (result.suggested) return result.suggested.toNumber();
  if (result.basis === "unscorable") throw invalid(result.note);
  throw new FunctionInputError("notAvailable", result.note.replace("，保留填报得分", "，请手工评分"));
}

/** The numbers of a range, row by row; empty cells skipped, anything else refused with its position. */
function rangeNumbers(range: unknown, label: string): Dec[] {
  if (isEmpty(range)) return [];
  // Excel passes rectangles; the CLI may pass anything: a scalar, a flat list, ragged rows.
  const rows: RangeArg = (Array.isArray(range) ? range : [range]).map((row) => (Array.isArray(row) ? row : [row]));
  const values: Dec[] = [];
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isEmpty(cell)) return;
      const value = numberArg(cell, `${label}第${r + 1}行第${c + 1}列`);
      values.push(new Dec(value.toString()));
    }),
  );
  return values;
}

/** TOTALSCORE: 执行率得分 + Σ 得分; with weights, their total (执行率分值 included) must be 100. */
export function totalScoreFn(
  execution: unknown,
  scores: unknown,
  weights?: unknown,
  executionRate?: unknown,
  profile?: unknown,
): CellResult {
  const scoring = profileArg(profile);
  const executionPoints =
    isEmpty(execution) || execution === NOT_APPLICABLE ? null : new Dec(amountArg(execution, "执行率得分").toString());
  if (!isEmpty(weights)) {
    const sum = rangeNumbers(weights, "分值").reduce((a, b) => a.plus(b), new Dec(0));
    if (!sum.equals(100))
      throw invalid(`分值合计为 ${sum.toString()}，应为 100（含执行率分值，可用 VSTACK(执行率分值, 指标分值区域)）`);
  }
  const rate =
    isEmpty(executionRate) || executionRate === NOT_APPLICABLE
      ? ratio(null, null)
      : ratio(numberArg(executionRate, "执行率"), 1);
  return totalScore(executionPoints, rangeNumbers(scores, "得分"), rate, scoring).total.toNumber();
}

/** GRADE: 优 / 良 / 中 / 差. */
export function grade(total: unknown, profile?: unknown): CellResult {
  return gradeOf(new Dec(numberArg(total, "总分").toString()), profileArg(profile));
}

/** PERCENTTEXT: a rate as report text, "82.05%" or 不适用. */
export function percentText(rate: unknown): CellResult {
  if (rate === NOT_APPLICABLE || isEmpty(rate)) return NOT_APPLICABLE;
  return formatPercent(new Dec(numberArg(rate, "比率").toString()));
}
