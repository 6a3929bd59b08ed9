/** SPEC §7 Scores: 0 ≤ 得分 ≤ 分值, a reason wherever points were lost, the suggested score beside the entered one. */
import type { ComputedIndicator } from "../../compute";
import { Dec, formatAmount, formatPercent } from "../../decimal";
import { formatRate, type Rate } from "../../rates";
import { indicatorLabel, quoted, rowKey, rowsFinding, sumOf, weightSum } from "../text";
import { rule, type Draft, type RuleContext } from "../types";

const blank = (text: string | null) => text === null || text.trim() === "";

export const scoreRules = [
  rule("score.missing", "error", "有分值的指标都有得分", function* ({ model }: RuleContext): Iterable<Draft> {
    // One cause, one finding: an unscored table is one finding listing its rows, not one per row.
    const rows = [...model.eval.indicators.entries()].filter(([, row]) => row.weight !== null && row.score === null);
    const finding = rowsFinding(
      rows,
      "score",
      (i, row) => ({
        message: `${indicatorLabel(i, row.name)}有分值 ${formatAmount(row.weight!)}，但没有得分`,
        params: { row: i + 1, weight: formatAmount(row.weight!) },
      }),
      () => "有分值，但没有得分",
    );
    if (finding) yield finding;
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
      if (!suggestionDiffers(indicator)) continue;
      const { entered, suggested } = indicator;
      const i = indicator.row - 1;
      const { completion } = indicator;
      const rate = completion.kind === "quantitative" ? `${completionText(indicator, completion.rate)}，` : "";
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
  rule(
    "score.missed",
    "info",
    "未完成年度指标的指标及其完成率（分值或得分未填时也列出）",
    function* ({ computation }: RuleContext): Iterable<Draft> {
      for (const indicator of computation.indicators) {
        const { completion } = indicator;
        const i = indicator.row - 1;
        // The row's name and cell, spelled out for a finding only: most rows give none.
        const label = () => indicatorLabel(i, indicator.name);
        const key = () => rowKey("eval.indicators", i, "actual");
        // 控制在预算内 judged from the actual's words (超支 …): missed, though the row has no 完成率.
        if (completion.kind === "qualitative" && completion.met === false) {
          const full =
            indicator.entered !== null && indicator.weight !== null && indicator.entered.equals(indicator.weight);
          yield {
            key: key(),
            message:
              `${label()}未完成年度指标（实际${quoted(indicator.actual.text)}，目标${quoted(indicator.target.text)}）` +
              (full ? `，却得满分 ${formatAmount(indicator.entered!)}：请核对得分并说明偏差原因` : ""),
            params: { row: indicator.row },
          };
          continue;
        }
        if ((completion.kind !== "quantitative" && completion.kind !== "time") || completion.met) continue;
        // One cause, one finding: score.suggested already states this row's 完成率 beside its score.
        if (suggestionDiffers(indicator)) continue;
        if (completion.kind === "time") {
          yield {
            key: key(),
            message: `${label()}未按期完成（实际${quoted(indicator.actual.text)}，目标${quoted(indicator.target.text)}）`,
            params: { row: indicator.row },
          };
          continue;
        }
        yield {
          key: key(),
          message: `${label()}未完成年度指标：${completionText(indicator, completion.rate)}`,
          params: { row: indicator.row, completion: formatRate(completion.rate) },
        };
      }
    },
  ),
  rule("score.unscorable", "warning", "年度指标值与实际完成值能够比较", function* ({ computation, model }) {
    for (const indicator of computation.indicators) {
      // Only the texts' own reason: a missing 分值 is weights.missing's (one cause, one finding).
      const { completion } = indicator;
      if (completion.kind !== "unscorable") continue;
      const i = indicator.row - 1;
      // A row with neither text is score.noValues' when it is scored, and an empty row otherwise.
      if (model.eval.indicators[i]!.target === null && model.eval.indicators[i]!.actual === null) continue;
      yield {
        key: rowKey("eval.indicators", i, "actual"),
        message: `${indicatorLabel(i, indicator.name)}无法计算建议得分：${completion.reason}`,
      };
    }
  }),
  rule(
    "score.overAchievement",
    "info",
    "实际完成值远超年度指标值：目标是否定得过低",
    function* ({ computation, profile }) {
      const over = profile.overAchievement?.method === "penalty" ? profile.overAchievement : null;
      const threshold = new Dec(over?.threshold ?? "1.3");
      for (const indicator of computation.indicators) {
        const { completion } = indicator;
        if (
          completion.kind !== "quantitative" ||
          completion.rate.kind !== "value" ||
          completion.rate.exact.lessThan(threshold)
        )
          continue;
        // Beating a cap (less is better: 成本指标, 控制率 …) by far is thrift, not a target set too low.
        if (indicator.target.direction === "negative") continue;
        // One cause, one finding: the profile's penalty for it is already score.suggested's on this row.
        if (indicator.basis === "overAchievement" && suggestionDiffers(indicator)) continue;
        const i = indicator.row - 1;
        const penalty = over ? `；按“${profile.name}”口径为指标偏离，扣 ${over.penalty} 分` : "";
        yield {
          key: rowKey("eval.indicators", i, "actual"),
          message:
            `${indicatorLabel(i, indicator.name)}${completionText(indicator, completion.rate)}，` +
            `超过 ${formatPercent(threshold)}：请检查年度指标值是否定得过低${penalty}`,
          params: { row: indicator.row, completion: formatRate(completion.rate), threshold: formatPercent(threshold) },
        };
      }
    },
  ),
  rule(
    "score.inflation",
    (profile) => profile.scoreInflation?.severity ?? "info",
    "指标得分率不明显高于预算执行率（得分虚高预警，阈值与级别见评分口径）",
    function* (context) {
      const { model, computation, profile } = context;
      const setting = profile.scoreInflation;
      const rate = computation.executionRate;
      if (!setting || rate.kind !== "value") return;
      const rows = model.eval.indicators;
      const [scores, weights] = [sumOf(rows.map((r) => r.score)), weightSum(context)];
      if (scores === null || weights === null || !scores.isPositive() || !weights.isPositive()) return;
      // SPEC §12: (S/Smax − E) / (S/Smax) > threshold, E the execution rate capped at 100 %.
      const scoreRate = scores.dividedBy(weights);
      const excess = scoreRate.minus(Dec.min(rate.exact, 1)).dividedBy(scoreRate);
      if (!excess.greaterThan(setting.threshold)) return;
      const [shownRate, shownExcess, threshold] = [scoreRate, excess, new Dec(setting.threshold)].map(formatPercent);
      const [shownScores, shownWeights] = [scores, weights].map(formatAmount);
      const execution = formatRate(rate);
      const flag = setting.severity === "warning" ? `；按“${profile.name}”口径属得分虚高预警` : "";
      yield {
        key: "eval.total",
        message:
          `指标得分率 ${shownRate}（各指标得分 ${shownScores} ÷ 分值 ${shownWeights}）高于预算执行率 ${execution}，` +
          `相对高出 ${shownExcess}，超过 ${threshold}：得分与预算执行情况不相称，请核实各指标得分${flag}`,
        params: {
          scoreRate: shownRate,
          scores: shownScores,
          weights: shownWeights,
          executionRate: execution,
          excess: shownExcess,
          threshold,
        },
      };
    },
  ),
];

/** "完成率 92.75%（实际「7.42%」，目标「8%」）". */
function completionText(indicator: ComputedIndicator, rate: Rate): string {
  return `完成率 ${formatRate(rate)}（实际${quoted(indicator.actual.text)}，目标${quoted(indicator.target.text)}）`;
}

/**
 * Whether a row's 得分 differs from the score its completion suggests (outside a qualitative band's span):
 * score.suggested reports it, with the 完成率.
 */
function suggestionDiffers(
  indicator: ComputedIndicator,
): indicator is ComputedIndicator & { readonly entered: Dec; readonly suggested: Dec } {
  const { entered, suggested, range } = indicator;
  if (entered === null || suggested === null || entered.equals(suggested) || indicator.basis === "entered")
    return false;
  return !(range && entered.greaterThanOrEqualTo(range.min) && entered.lessThanOrEqualTo(range.max));
}
