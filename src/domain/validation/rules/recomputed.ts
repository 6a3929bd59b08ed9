/** SPEC §7 Recomputed: every rate and score the tables show is recomputed and compared. */
import { sheetValues, type ComputedValue } from "../../compute";
import { labelOf, type ContractKey } from "../../contract";
import { Dec, formatAmount, formatPercent, roundAmount, roundRate } from "../../decimal";
import { formatRate, NOT_APPLICABLE } from "../../rates";
import { gradeRuleText, type ScoringProfile } from "../../profiles";
import { valueAtPath } from "../paths";
import { rule, type Draft, type RuleContext } from "../types";

/** What the cell shows, as the tables print it. */
function shownText(entered: unknown, type: ComputedValue["type"]): string {
  if (entered instanceof Dec)
    return type === "rate" ? `${roundRate(entered).times(100).toFixed(2)}%` : formatAmount(entered);
  return String(entered);
}

function expectedText(value: ComputedValue): string {
  if (value.type === "rate") return formatRate(value.rate);
  if (value.type === "amount") return value.amount ? formatAmount(value.amount) : "空";
  return value.text || "空";
}

/** Equal as the tables show them: rates to 4 decimals (82.05%), amounts to 2. */
function agrees(entered: unknown, value: ComputedValue): boolean {
  if (value.type === "rate") {
    if (value.rate.kind === "notApplicable") return entered === NOT_APPLICABLE;
    return entered instanceof Dec && roundRate(entered).equals(value.rate.value);
  }
  if (value.type === "amount")
    return entered instanceof Dec && value.amount !== null && roundAmount(entered).equals(roundAmount(value.amount));
  return entered === value.text;
}

/**
 * The most a published value may differ from ours and still be a rounding of the same figure: one unit in
 * the last decimal the tables show (0.01 on an amount or a score, 0.0001 on a rate, i.e. 0.01 percentage point).
 */
const ROUNDING: Readonly<Record<"rate" | "amount", Dec>> = { rate: new Dec("0.0001"), amount: new Dec("0.01") };

/** The gap between a published number and ours as the tables show them; null when one side is not a number. */
function gap(entered: unknown, value: ComputedValue): Dec | null {
  if (!(entered instanceof Dec)) return null;
  if (value.type === "rate")
    return value.rate.kind === "value" ? roundRate(entered).minus(value.rate.value).abs() : null;
  if (value.type === "amount" && value.amount !== null)
    return roundAmount(entered).minus(roundAmount(value.amount)).abs();
  return null;
}

/** A published value that differs from ours, and by how much. */
interface Difference {
  readonly value: ComputedValue;
  readonly rule: string;
  readonly shown: string;
  readonly expected: string;
  /** The gap as the tables show it ("0.01", "0.01%"); null for texts and 不适用. */
  readonly gap: string | null;
  readonly rounding: boolean;
}

/** Every computed cell the user filled with something other than what the numbers give. */
function* differences({ model, computation, profile }: RuleContext): Iterable<Difference> {
  for (const value of sheetValues(computation)) {
    const rule = how(value.key, profile);
    if (!rule) continue;
    const entered = valueAtPath(model, value.key);
    // An empty computed cell is no contradiction, nor is a value with nothing to compare it with.
    if (entered === null || entered === undefined || entered === "") continue;
    if (value.type === "amount" && value.amount === null) continue;
    if (agrees(entered, value)) continue;
    const apart = gap(entered, value);
    const rounding = apart !== null && value.type !== "text" && apart.lessThanOrEqualTo(ROUNDING[value.type]);
    const gapText = apart === null ? null : value.type === "rate" ? formatPercent(apart) : formatAmount(apart);
    yield { value, rule, shown: shownText(entered, value.type), expected: expectedText(value), gap: gapText, rounding };
  }
}

const divided = (a: ContractKey, b: ContractKey) => `${labelOf(a)} ÷ ${labelOf(b)}`;

/** How each cell the sheet computes is computed, in words; the grade thresholds from the profile. */
function how(key: string, profile: ScoringProfile): string | undefined {
  switch (key) {
    case "basic.staff.controlRate":
      return divided("basic.staff.actual", "basic.staff.authorized");
    case "basic.buildings.areaControlRate":
      return divided("basic.buildings.actualArea", "basic.buildings.approvedArea").replace(/（m²）/g, "");
    case "basic.buildings.investmentControlRate":
      return divided("basic.buildings.actualInvestment", "basic.buildings.budgetInvestment").replace(/（万元）/g, "");
    case "eval.funds.executionRate":
      return divided("eval.funds.executed", "eval.funds.fullYearBudget");
    case "eval.funds.score":
      return "分值 × min(执行率, 100%)";
    case "eval.weightTotal":
      return `${labelOf("eval.funds.weight")} + 各指标分值`;
    case "eval.total":
      return `${labelOf("eval.funds.score")} + 各指标得分`;
    case "eval.grade":
      return gradeRuleText(profile);
    default:
      return undefined; // rates the report quotes but no cell shows
  }
}

export const recomputedRules = [
  rule(
    "recomputed.value",
    "error",
    "表中的比率、得分、总分、等次与重新计算的结果一致（尾数差异除外）",
    function* (context: RuleContext): Iterable<Draft> {
      for (const { value, rule, shown, expected, rounding } of differences(context)) {
        if (rounding) continue;
        yield {
          key: value.key,
          message: `${value.label}填的是 ${shown}，按${rule}应为 ${expected}`,
          params: { entered: shown, expected },
        };
      }
    },
  ),
  rule(
    "recomputed.rounding",
    "info",
    "表中的比率、得分、总分与重新计算的结果只差最后一位的尾数",
    function* (context: RuleContext): Iterable<Draft> {
      for (const { value, rule, shown, expected, gap, rounding } of differences(context)) {
        if (!rounding) continue;
        yield {
          key: value.key,
          message:
            `${value.label}填的是 ${shown}，按${rule}应为 ${expected}，相差 ${gap}：` +
            "属尾数（四舍五入）差异，请核对后按计算结果填写",
          params: { entered: shown, expected, difference: gap! },
        };
      }
    },
  ),
  rule("score.cap", "warning", "评分口径按预算执行率限定总分", function* ({ computation, profile }) {
    const { cap, raw } = computation.total;
    if (cap === null) return;
    yield {
      key: "eval.total",
      message:
        `按“${profile.name}”口径，预算执行率 ${formatRate(computation.executionRate)} 时总分不超过 ${formatAmount(cap)} 分：` +
        `各项得分合计 ${formatAmount(raw)}，总分按 ${formatAmount(cap)} 计，等次为“${computation.grade}”`,
      params: { rate: formatRate(computation.executionRate), cap: formatAmount(cap), raw: formatAmount(raw) },
    };
  }),
];
