/**
 * SPEC §13, scores that nothing in the row supports: a score beside no 年度指标值 and no 实际完成值, a
 * qualitative row scored with no 评价档次 and no description of what was done, and a 偏差原因 that says nothing.
 */
import { formatAmount } from "../../decimal";
import { indicatorLabel, quoted, rowKey } from "../text";
import { rule, type Draft, type RuleContext } from "../types";

/** Punctuation, symbols and spaces: what is left without them is what a text says. */
const NOISE = /[\s\p{P}\p{S}]/gu;
const core = (text: string | null): string => (text ?? "").replace(NOISE, "");

/**
 * A qualitative 实际完成值 that only states a verdict ("达成", "已完成", "完成年度目标", "好", "提高") or repeats
 * the target ("持续创建" for "持续创建") describes nothing a reviewer could check. A degree or a fact ("明显提高",
 * "新建站点 3 个") is a description, however short: the rule asks for something, not for a length.
 */
const VERDICT = new RegExp(
  "^(?:已经?|均|全部|全面|基本|如期|按期|按时|圆满|顺利)?" +
    "(?:达成|完成|实现|达到|达标|满意|合格|符合|是|有|好|良好|较好|优|优秀|提高|提升|有效|落实|到位|持续|改善)" +
    "(?:了)?(?:年度)?(?:目标|指标|任务|要求|预期)?(?:值)?$",
);

/** Whether a qualitative row's actual text describes the result rather than only judging it. */
export function describesResult(actual: string | null, target: string | null): boolean {
  const said = core(actual);
  return said !== "" && said !== core(target) && !VERDICT.test(said);
}

/**
 * A 偏差原因 says nothing when, without punctuation, it is shorter than a clause (MIN_REASON characters:
 * "资金不足" is a reason, "无偏差" is not) or is one of the fillers seen in published tables.
 */
const MIN_REASON = 4;
const FILLER = /^(?:暂?(?:无|没有)(?:偏差|原因|说明|问题|差异)?|略|同上|见上|如上|同前|见前|上同|不适用|na|none)$/i;

export function saysNothing(reason: string): boolean {
  const said = core(reason);
  return [...said].length < MIN_REASON || FILLER.test(said);
}

export const evidenceRules = [
  rule(
    "score.noValues",
    "warning",
    "有得分的指标填了年度指标值或实际完成值",
    function* ({ model }: RuleContext): Iterable<Draft> {
      for (const [i, row] of model.eval.indicators.entries()) {
        if (row.score === null || row.target !== null || row.actual !== null) continue;
        const score = formatAmount(row.score);
        yield {
          key: rowKey("eval.indicators", i, "score"),
          message:
            `${indicatorLabel(i, row.name)}没有年度指标值，也没有实际完成值，却有得分 ${score}：` +
            "得分无从依据，请补填年度指标值和实际完成值",
          params: { row: i + 1, score },
        };
      }
    },
  ),
  rule(
    "score.qualitativeBare",
    "warning",
    "有得分的定性指标选了评价档次，或写明了实际完成情况",
    function* ({ model, computation }) {
      for (const indicator of computation.indicators) {
        const i = indicator.row - 1;
        const row = model.eval.indicators[i]!;
        // A score of 0 claims nothing; a band chosen (达成/部分达成/未达成) is the evidence the form asks for.
        if (indicator.completion.kind !== "qualitative" || row.score === null || row.score.isZero()) continue;
        if (indicator.band !== null || describesResult(row.actual, row.target)) continue;
        // 控制在预算内 against 未超支 is judged from the texts (met or missed): nothing bare about it.
        if (indicator.completion.met !== undefined) continue;
        const score = formatAmount(row.score);
        const actual = row.actual === null ? "实际完成值未填写" : `实际完成值${quoted(row.actual)}只是结论`;
        yield {
          key: rowKey("eval.indicators", i, "actual"),
          message:
            `${indicatorLabel(i, row.name)}是定性指标，得分 ${score}，但未选择评价档次，${actual}：` +
            "请选择评价档次（达成/部分达成/未达成），或写明实际完成情况",
          params: { row: indicator.row, score },
        };
      }
    },
  ),
  rule("score.emptyReason", "warning", "得分低于分值时，偏差原因分析写明了原因", function* ({ model }) {
    for (const [i, row] of model.eval.indicators.entries()) {
      const { score, weight, deviation } = row;
      // An empty 偏差原因 is score.reason's error; here it is filled, with nothing in it.
      if (score === null || weight === null || !score.lessThan(weight) || deviation === null) continue;
      if (!saysNothing(deviation)) continue;
      const [shownScore, shownWeight] = [score, weight].map(formatAmount);
      yield {
        key: rowKey("eval.indicators", i, "deviation"),
        message:
          `${indicatorLabel(i, row.name)}得分 ${shownScore} 低于分值 ${shownWeight}，` +
          `偏差原因分析只写了${quoted(deviation)}：请写明未达标的原因和改进措施`,
        params: { row: i + 1, score: shownScore, weight: shownWeight },
      };
    }
  }),
];
