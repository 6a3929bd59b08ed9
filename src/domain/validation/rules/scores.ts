/** SPEC §7 Scores: 0 ≤ 得分 ≤ 分值, a reason wherever points were lost, the suggested score beside the entered one. */
import { Dec, formatAmount, formatPercent } from "../../decimal";
import { formatRate } from "../../rates";
import { indicatorLabel, rowKey } from "../text";
import { rule, type Draft, type RuleContext } from "../types";

const blank = (text: string | null) => text === null || text.trim() === "";

export const scoreRules = [
  rule("score.missing", "error", "有分值的指标都有得分", function* ({ model }: RuleContext): Iterable<Draft> {
    for (const [i, row] of model.eval.indicators.entries()) {
      if (row.weight !== null && row.score === null)
        yield {
          key: rowKey("eval.indicators", i, "score"),
          message: `${indicatorLabel(i, row.name)}有分值 ${formatAmount(row.weight)}，但没有得分`,
          params: { row: i + 1, weight: formatAmount(row.weight) },
        };
    }
  }),
  rule("score.range", "error", "0 ≤ 得分 ≤ 分值", function* ({ model }): Iterable<Draft> {
    for (const [i, row] of model.eval.indicators.entries()) {
      if (row.score === null) continue;
      const key = rowKey("eval.indicators", i, "score");
      if (row.score.isNegative())
        yield {
          key,
          message: `${indicatorLabel(i, row.name)}得分 ${formatAmount(row.score)} 小于 0`,
          params: { row: i + 1, score: formatAmount(row.score) },
        };
      else if (row.weight !== null && row.score.greaterThan(row.weight))
        yield {
          key,
          message: `${indicatorLabel(i, row.name)}得分 ${formatAmount(row.score)} 大于分值 ${formatAmount(row.weight)}`,
          params: { row: i + 1, score: formatAmount(row.score), weight: formatAmount(row.weight) },
        };
    }
  }),
  rule("score.reason", "error", "得分低于分值的指标写明偏差原因分析及改进措施", function* ({ model }) {
    for (const [i, row] of model.eval.indicators.entries()) {
      if (row.score === null || row.weight === null || !row.score.lessThan(row.weight) || !blank(row.deviation))
        continue;
      yield {
        key: rowKey("eval.indicators", i, "deviation"),
        message:
          `${indicatorLabel(i, row.name)}得分 ${formatAmount(row.score)} 低于分值 ${formatAmount(row.weight)}，` +
          "须填写偏差原因分析及改进措施",
        params: { row: i + 1, score: formatAmount(row.score), weight: formatAmount(row.weight) },
      };
    }
  }),
  rule("score.suggested", "info", "手填得分与按完成率建议的得分不同", function* ({ computation }) {
    for (const indicator of computation.indicators) {
      const { entered, suggested } = indicator;
      if (entered === null || suggested === null || entered.equals(suggested) || indicator.basis === "entered")
        continue;
      if (
        indicator.range &&
        entered.greaterThanOrEqualTo(indicator.range.min) &&
        entered.lessThanOrEqualTo(indicator.range.max)
      )
        continue;
      const i = indicator.row - 1;
      const { completion } = indicator;
      const rate =
        completion.kind === "quantitative"
          ? `完成率 ${formatRate(completion.rate)}（实际「${indicator.actual.text}」，目标「${indicator.target.text}」），`
          : "";
      yield {
        key: rowKey("eval.indicators", i, "score"),
        message:
          `${indicatorLabel(i, indicator.name)}得分 ${formatAmount(entered)}，${rate}` +
          `建议得分 ${formatAmount(suggested)}：${indicator.note}`,
        params: {
          row: indicator.row,
          score: formatAmount(entered),
          suggested: formatAmount(suggested),
          ...(completion.kind === "quantitative" ? { completion: formatRate(completion.rate) } : {}),
        },
      };
    }
  }),
  rule("score.unscorable", "warning", "年度指标值与实际完成值能够比较", function* ({ computation, model }) {
    for (const indicator of computation.indicators) {
      if (indicator.basis !== "unscorable") continue;
      const i = indicator.row - 1;
      if (model.eval.indicators[i]!.target === null && model.eval.indicators[i]!.actual === null) continue;
      yield {
        key: rowKey("eval.indicators", i, "actual"),
        message: `${indicatorLabel(i, indicator.name)}无法计算建议得分：${indicator.note}`,
      };
    }
  }),
  rule(
    "score.overAchievement",
    "info",
    "实际完成值远超年度指标值：目标是否定得过低",
    function* ({ computation, profile }) {
      const threshold = new Dec(profile.overAchievement?.threshold ?? "1.3");
      for (const indicator of computation.indicators) {
        const { completion } = indicator;
        if (
          completion.kind !== "quantitative" ||
          completion.rate.kind !== "value" ||
          completion.rate.exact.lessThan(threshold)
        )
          continue;
        const i = indicator.row - 1;
        const penalty = profile.overAchievement
          ? `；按“${profile.name}”口径为指标偏离，扣 ${profile.overAchievement.penalty} 分`
          : "";
        yield {
          key: rowKey("eval.indicators", i, "actual"),
          message:
            `${indicatorLabel(i, indicator.name)}完成率 ${formatRate(completion.rate)}` +
            `（实际「${indicator.actual.text}」，目标「${indicator.target.text}」），` +
            `超过 ${formatPercent(threshold)}：请检查年度指标值是否定得过低${penalty}`,
          params: { row: indicator.row, completion: formatRate(completion.rate), threshold: formatPercent(threshold) },
        };
      }
    },
  ),
];
