/** SPEC §7 Weights: total 100 with 执行率 included, no empty weight, 二级 belongs to its 一级. */
import { formatAmount } from "../../decimal";
import { INDICATOR_LEVELS, isLevel2Of, LEVEL1 } from "../../vocabulary";
import { indicatorLabel, rowsFinding, sumOf, weightSum } from "../text";
import type { IndicatorRow } from "../../model";
import { rule, type Draft, type RuleContext } from "../types";

/** How the weights.total breakdown names rows whose 一级指标 is empty or not in the vocabulary. */
const OTHER = "其他";

export const weightRules = [
  rule("weights.total", "error", "分值合计（含预算执行率）为 100", function* (context: RuleContext): Iterable<Draft> {
    const { model } = context;
    const rows = model.eval.indicators;
    const indicators = weightSum(context);
    const total = sumOf([model.eval.funds.weight, indicators]);
    if (total === null || total.equals(100)) return;
    // The breakdown adds up to the total it explains: rows whose 一级指标 is empty or unknown count as 其他.
    const known = (row: (typeof rows)[number]) => row.level1 !== null && LEVEL1.includes(row.level1);
    const byLevel = [
      ...LEVEL1.map((level) => [level, sumOf(rows.filter((r) => r.level1 === level).map((r) => r.weight))] as const),
      [OTHER, sumOf(rows.filter((r) => !known(r)).map((r) => r.weight))] as const,
    ]
      .filter(([, sum]) => sum !== null)
      .map(([level, sum]) => `${level} ${formatAmount(sum!)}`);
    const fundsWeight = model.eval.funds.weight ? formatAmount(model.eval.funds.weight) : "空";
    const levelWeights = byLevel.length ? `，${byLevel.join("，")}` : "";
    const difference = formatAmount(total.minus(100).abs());
    yield {
      key: "eval.weightTotal",
      message: `分值合计 ${formatAmount(total)} ≠ 100（预算执行率 ${fundsWeight}${levelWeights}），相差 ${difference}`,
      params: { total: formatAmount(total), difference },
    };
  }),
  rule("weights.missing", "error", "每个指标都有分值", function* ({ model }): Iterable<Draft> {
    // One cause, one finding: every row without a 分值 is listed in one finding, on the first such row.
    const rows = [...model.eval.indicators.entries()].filter(([, row]) => row.weight === null);
    const finding = rowsFinding(
      rows,
      "weight",
      (i, row) => ({ message: `${indicatorLabel(i, row.name)}没有分值`, params: { rows: String(i + 1) } }),
      () => "没有分值",
    );
    if (finding)
      yield { ...finding, message: rows.length > 1 ? `${finding.message}：请逐行填写分值` : finding.message };
  }),
  rule(
    "weights.levels",
    "error",
    "一级、二级指标取自规定的指标体系，二级指标属于本行的一级指标",
    function* ({ model }) {
      // One cause, one finding: rows sharing the same slip (a form's own 一级 label on every row of a block,
      // the same 二级 under the wrong 一级) are listed together, on the first one's cell.
      const groups = new Map<string, { column: string; slip: string; rows: Array<readonly [number, IndicatorRow]> }>();
      const add = (id: string, column: string, slip: string, i: number, row: IndicatorRow) => {
        const group = groups.get(id) ?? { column, slip, rows: [] };
        group.rows.push([i, row]);
        groups.set(id, group);
      };
      for (const [i, row] of model.eval.indicators.entries()) {
        if (row.level1 === null) add("level1:", "level1", "未填写一级指标", i, row);
        else if (!INDICATOR_LEVELS[row.level1]) {
          const slip = `的一级指标「${row.level1}」不在指标体系中（应为 ${LEVEL1.join("、")}）`;
          add(`level1:${row.level1}`, "level1", slip, i, row);
        } else if (row.level2 === null) add("level2:", "level2", "未填写二级指标", i, row);
        else if (!isLevel2Of(row.level1, row.level2)) {
          const allowed = INDICATOR_LEVELS[row.level1]!.join("、");
          const slip = `的二级指标「${row.level2}」不属于一级指标「${row.level1}」（应为 ${allowed}）`;
          add(`level2:${row.level1}/${row.level2}`, "level2", slip, i, row);
        }
      }
      for (const { column, slip, rows } of groups.values()) {
        const finding = rowsFinding(
          rows,
          column,
          (i, row) => ({ message: `${indicatorLabel(i, row.name)}${slip}`, params: { row: i + 1 } }),
          () => slip,
        );
        if (finding) yield finding;
      }
    },
  ),
];
