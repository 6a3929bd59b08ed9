/** SPEC §7 Recomputed: every rate and score the tables show is recomputed and compared. */
import type { ComputedValue } from "../../compute";
import { Dec, formatAmount, roundAmount, roundRate } from "../../decimal";
import { formatRate, NOT_APPLICABLE } from "../../rates";
import { gradeOf } from "../../scoring";
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

const HOW: Record<string, string> = {
  "basic.staff.controlRate": "实际在职人数 ÷ 编制数",
  "basic.buildings.areaControlRate": "实际规模 ÷ 批复规模",
  "basic.buildings.investmentControlRate": "实际投资 ÷ 预算投资",
  "eval.funds.executionRate": "全年执行数 ÷ 全年预算数",
  "eval.funds.score": "分值 × min(执行率, 100%)",
  "eval.weightTotal": "执行率分值 + 各指标分值",
  "eval.total": "执行率得分 + 各指标得分",
  "eval.grade": "优 ≥ 90，良 80–90，中 60–80，差 < 60",
};

/**
 * What the sheet's own formulas show: 总分 and 等次 before a profile's cap by execution rate (the cap is
 * a finding of its own, score.cap), everything else as computed.
 */
function asTheSheetShowsIt(value: ComputedValue, computation: RuleContext["computation"]): ComputedValue {
  if (value.key === "eval.total") return { ...value, type: "amount", amount: computation.total.raw };
  if (value.key === "eval.grade")
    return { ...value, type: "text", text: gradeOf(computation.total.raw, computation.profile) };
  return value;
}

export const recomputedRules = [
  rule(
    "recomputed.value",
    "error",
    "表中的比率、得分、总分、等次与重新计算的结果一致",
    function* ({ model, computation }: RuleContext): Iterable<Draft> {
      for (const computed of computation.values) {
        const value = asTheSheetShowsIt(computed, computation);
        const how = HOW[value.key];
        if (!how) continue; // rates the report quotes but no cell shows
        const entered = valueAtPath(model, value.key);
        if (entered === null || entered === undefined || entered === "") continue; // an empty computed cell is not a contradiction
        if (value.key === "eval.grade" && !model.eval.indicators.some((row) => row.score !== null)) continue;
        if (value.type === "amount" && value.amount === null) continue; // nothing to compare with (an input is empty)
        if (agrees(entered, value)) continue;
        yield {
          key: value.key,
          message: `${value.label}填的是 ${shownText(entered, value.type)}，按${how}应为 ${expectedText(value)}`,
        };
      }
    },
  ),
  rule("score.cap", "warning", "评分口径按预算执行率限定总分", function* ({ computation, profile }) {
    const { cap, raw } = computation.total;
    if (cap === null) return;
    yield {
      key: "eval.total",
      message: `按“${profile.name}”口径，预算执行率 ${formatRate(computation.executionRate)} 时总分不超过 ${formatAmount(cap)} 分：各项得分合计 ${formatAmount(raw)}，总分按 ${formatAmount(cap)} 计，等次为“${computation.grade}”`,
    };
  }),
];
