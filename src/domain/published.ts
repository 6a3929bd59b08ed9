/**
 * Published computed values: what a department's tables print in a computed cell (执行率, 执行率得分, 分值合计,
 * 总分, 等次 …) is its statement. This compares each such value with what the numbers give, as the tables show
 * them; the validator reports the differences, and `jxzp import` keeps the stated value instead of a formula.
 */
import { computedValue, sheetValues, type Computation, type ComputedValue } from "./compute";
import { Dec, formatAmount, formatPercent, roundAmount, roundRate } from "./decimal";
import type { WorkbookModel } from "./model";
import { formatRate, NOT_APPLICABLE } from "./rates";
import { valueAtPath } from "./validation/paths";

export interface PublishedValue {
  readonly value: ComputedValue;
  /** What the model states, as read. */
  readonly stated: unknown;
  /** Both as the tables print them: "82.05%", "9.68", "优", 不适用. */
  readonly statedText: string;
  readonly expectedText: string;
  /** Equal as shown: rates to 4 decimals (82.05%), amounts to 2. */
  readonly agrees: boolean;
  /** Off by no more than the last shown digit: 0.01 for amounts, 0.01 percentage point for rates. */
  readonly withinRounding: boolean;
  /** The gap as the tables show it ("0.01", "0.01%"); null for texts and 不适用. */
  readonly gapText: string | null;
  /**
   * False for 总分 and 等次 unless the table's total is final (every row and 执行率 scored): a printed figure
   * cannot be checked against scores the table does not hold (import still keeps it as the statement).
   */
  readonly verifiable: boolean;
  /** 0 printed for a rate of 0 over 0 (楼堂馆所 all zero): the form's way of writing 不适用, not a contradiction. */
  readonly zeroForNotApplicable: boolean;
}

const AMOUNT_STEP = new Dec("0.01");
const RATE_STEP = new Dec("0.0001");

function statedText(stated: unknown, type: ComputedValue["type"]): string {
  if (stated instanceof Dec)
    return type === "rate" ? `${roundRate(stated).times(100).toFixed(2)}%` : formatAmount(stated);
  return String(stated);
}

function expectedText(value: ComputedValue): string {
  if (value.type === "rate") return formatRate(value.rate);
  if (value.type === "amount") return value.amount ? formatAmount(value.amount) : "无法计算";
  return value.text || "空";
}

/** The distance between stated and computed as shown; null where they cannot be set side by side. */
function distance(stated: unknown, value: ComputedValue): Dec | null {
  if (!(stated instanceof Dec)) return null;
  if (value.type === "rate" && value.rate.kind === "value") return roundRate(stated).minus(value.rate.value).abs();
  if (value.type === "amount" && value.amount !== null)
    return roundAmount(stated).minus(roundAmount(value.amount)).abs();
  return null;
}

function agrees(stated: unknown, value: ComputedValue): boolean {
  if (value.type === "rate" && value.rate.kind === "notApplicable") return stated === NOT_APPLICABLE;
  if (value.type === "text") return stated === value.text;
  return distance(stated, value)?.isZero() ?? false;
}

/**
 * Every computed cell the model states a value for, with what the sheet's own formulas give. An empty cell
 * states nothing, and a value with nothing to compare it with (an input is empty) is left out.
 */
export function publishedValues(model: WorkbookModel, computation: Computation): PublishedValue[] {
  const published: PublishedValue[] = [];
  const shown = sheetValues(computation);
  // Before any 得分 the sheet's 等次 formula shows nothing: a printed 等次 is then a statement of its own.
  const grade = computedValue(computation, "eval.grade");
  if (!computation.scored && grade) shown.push({ ...grade, type: "text", text: "" });
  for (const value of shown) {
    const stated = valueAtPath(model, value.key);
    if (stated === null || stated === undefined || stated === "") continue;
    // Nothing computed (an input is empty, 执行率 不适用): the printed figure is kept but cannot be checked.
    const computable = !(value.type === "amount" && value.amount === null);
    const step = value.type === "rate" ? RATE_STEP : AMOUNT_STEP;
    const gap = distance(stated, value);
    const same = agrees(stated, value);
    published.push({
      value,
      stated,
      statedText: statedText(stated, value.type),
      expectedText: expectedText(value),
      agrees: same,
      withinRounding: same || (gap !== null && gap.lessThanOrEqualTo(step)),
      gapText: gap === null ? null : value.type === "rate" ? formatPercent(gap) : formatAmount(gap),
      verifiable:
        computable &&
        (computation.totalStatus === "final" || (value.key !== "eval.total" && value.key !== "eval.grade")),
      zeroForNotApplicable:
        value.type === "rate" &&
        value.rate.kind === "notApplicable" &&
        value.rate.reason === "zeroDenominator" &&
        stated instanceof Dec &&
        stated.isZero(),
    });
  }
  return published;
}
