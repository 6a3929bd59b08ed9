/** SPEC §7 Recomputed: every rate and score the tables show is recomputed and compared. */
import { labelOf, type ContractKey } from "../../contract";
import { formatAmount } from "../../decimal";
import { formatRate } from "../../rates";
import type { PublishedValue } from "../../published";
import { getProfile, gradeRuleText } from "../../profiles";
import { rule, type Draft, type RuleContext } from "../types";

/** A published value that differs from ours, and how the sheet computes it in words. */
interface Difference extends PublishedValue {
  readonly rule: string;
}

/** Every computed cell the user filled with something other than what the numbers give. */
function* differences({ published: values }: RuleContext): Iterable<Difference> {
  for (const published of values) {
    const rule = how(published.value.key);
    if (rule && !published.agrees && published.verifiable) yield { ...published, rule };
  }
}

const divided = (a: ContractKey, b: ContractKey) => `${labelOf(a)} ÷ ${labelOf(b)}`;

/**
 * How each cell the sheet computes is computed, in words: the template's formulas, which are the default
 * profile's whatever profile scores the workbook.
 */
function how(key: string): string | undefined {
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
      return gradeRuleText(getProfile());
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
      for (const difference of differences(context)) {
        const { value, rule, statedText, expectedText, withinRounding, zeroForNotApplicable } = difference;
        if (withinRounding || zeroForNotApplicable) continue;
        yield {
          key: value.key,
          message: `${value.label}填的是 ${statedText}，按${rule}应为 ${expectedText}`,
          params: { entered: statedText, expected: expectedText },
        };
      }
    },
  ),
  rule(
    "recomputed.rounding",
    "info",
    "表中的比率、得分、总分与重新计算的结果只差最后一位的尾数",
    function* (context: RuleContext): Iterable<Draft> {
      for (const { value, rule, statedText, expectedText, gapText, withinRounding } of differences(context)) {
        if (!withinRounding) continue;
        yield {
          key: value.key,
          message:
            `${value.label}填的是 ${statedText}，按${rule}应为 ${expectedText}，相差 ${gapText}：` +
            "属尾数（四舍五入）差异，请核对后按计算结果填写",
          params: { entered: statedText, expected: expectedText, difference: gapText! },
        };
      }
    },
  ),
  rule(
    "recomputed.notApplicable",
    "info",
    "分母为 0 的比率写作“不适用”，不写 0",
    function* (context: RuleContext): Iterable<Draft> {
      for (const { value, rule, statedText, zeroForNotApplicable } of differences(context)) {
        if (!zeroForNotApplicable) continue;
        yield {
          key: value.key,
          message: `${value.label}填的是 ${statedText}：按${rule}分母为 0，比率不适用，应写“不适用”而不是 0`,
          params: { entered: statedText },
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
