/** SPEC §7 Recomputed: every rate and score the tables show is recomputed and compared. */
import { sheetValues, type ComputedValue } from "../../compute";
import { labelOf, type ContractKey } from "../../contract";
import { Dec, formatAmount, roundAmount, roundRate } from "../../decimal";
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
    "表中的比率、得分、总分、等次与重新计算的结果一致",
    function* ({ model, computation, profile }: RuleContext): Iterable<Draft> {
      for (const value of sheetValues(computation)) {
        const rule = how(value.key, profile);
        if (!rule) continue;
        const entered = valueAtPath(model, value.key);
        // An empty computed cell is no contradiction, nor is a value with nothing to compare it with.
        if (entered === null || entered === undefined || entered === "") continue;
        if (value.type === "amount" && value.amount === null) continue;
        if (agrees(entered, value)) continue;
        const [shown, expected] = [shownText(entered, value.type), expectedText(value)];
        yield {
          key: value.key,
          message: `${value.label}填的是 ${shown}，按${rule}应为 ${expected}`,
          params: { entered: shown, expected },
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
