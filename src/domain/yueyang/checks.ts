/**
 * SPEC §11, the relations of the 岳阳 form's 收支 tables and their agreement with 附件1/附件2:
 * - in every block, the 汇总 row = Σ 机构 rows, column by column;
 * - in every row, each total = the sum of its parts (收入合计, 支出合计 = 基本 + 项目, 基本 = 人员 + 公用, 三公合计,
 *   固定资产合计 = 在用 + 出租 + 其他);
 * - a gap of at most 0.01 per summand is rounding (an info), more is an error;
 * - one cause, one finding: a 汇总 row that misses by exactly what its 机构 rows miss is said with them;
 * - the numbers the form shares with 附件1/附件2 agree, and where they differ because the form's 汇总 is the whole
 *   department while 附件1 holds one 机构, the finding says which is which.
 */
import { Dec, formatAmount, toDec } from "../decimal";
import type { WorkbookModel } from "../model";
import { sumOf, sumText } from "../validation/text";
import type { Draft, Severity } from "../validation/types";
import { BLOCKS, summaryIndex, type Block, type RowRelation, type YueyangForm } from "./form";

export interface FormFinding extends Draft {
  readonly rule: string;
  readonly severity: Severity;
}

/** The rule ids, with their severity and what they check (the catalogue's entries for the form). */
export const FORM_RULES = {
  "form.units": { severity: "error", title: "岳阳表式：汇总行 = 各机构之和（每一列）" },
  "form.rowTotal": { severity: "error", title: "岳阳表式：每行合计 = 其中各项之和（基本支出 = 人员支出 + 公用支出）" },
  "form.rounding": { severity: "info", title: "岳阳表式：合计与各项之和相差不超过每项 0.01（四舍五入）" },
  "form.agreement": { severity: "warning", title: "岳阳表式与附件1、附件2 的同一数字一致" },
  "form.score": { severity: "error", title: "岳阳表式：绩效自评综合得分、评价等次与自评表一致" },
} as const satisfies Record<string, { severity: Severity; title: string }>;
export type FormRuleId = keyof typeof FORM_RULES;

type Row = Record<string, unknown> & { unit: string | null };

const ROUNDING_STEP = new Dec("0.01");

/** "form.assets[2].total": rows counted from 1, as users do. */
const cellKey = (block: Block, index: number, column: string) => `form.${block.key}[${index + 1}].${column}`;
const labelOf = (block: Block, column: string) => block.columns.find((c) => c.key === column)!.label;
/** 「1、局机关」, or 第2行 where the 机构名称 is empty. */
const unitName = (row: Row, index: number) => (row.unit ? `「${row.unit}」` : `第${index + 1}行`);

/** A relation's gap: stated total, the parts as shown, their sum, |total − sum|; null where it cannot be told. */
function gapOf(total: unknown, parts: ReadonlyArray<readonly [string, unknown]>) {
  const sum = sumOf(parts.map(([, value]) => value));
  const stated = toDec(total);
  if (stated === null || sum === null) return null;
  return { stated, sum, gap: stated.minus(sum).abs(), signed: stated.minus(sum), parts };
}

/** Rounding when the gap is at most 0.01 per summand: the form's figures are rounded one by one. */
const isRounding = (gap: Dec, summands: number) => gap.lessThanOrEqualTo(ROUNDING_STEP.times(summands));

function finding(rule: FormRuleId, key: string, message: string, params: Draft["params"]): FormFinding {
  return { rule, severity: FORM_RULES[rule].severity, key, message, params };
}

/** Each row's totals against their parts, the 汇总 row's gap folded into its 机构 rows' when it is theirs. */
function* rowTotals(block: Block, rows: readonly Row[]): Iterable<FormFinding> {
  const summary = summaryIndex(rows);
  for (const relation of block.relations) {
    const gaps = rows.map((row) =>
      gapOf(
        row[relation.total],
        relation.parts.map((part) => [labelOf(block, part), row[part]] as const),
      ),
    );
    const unitGaps = gaps.filter((g, i) => i !== summary && g !== null && !g.gap.isZero());
    const summaryGap = summary >= 0 ? gaps[summary] : null;
    // The 汇总 row's own gap is its 机构 rows' when 汇总 = Σ 机构 carries it: said once, on them.
    const carried =
      summaryGap !== null &&
      !summaryGap.gap.isZero() &&
      unitGaps.length > 0 &&
      unitGaps.reduce((sum, g) => sum.plus(g!.signed), new Dec(0)).equals(summaryGap.signed);
    for (const [index, gap] of gaps.entries()) {
      if (gap === null || gap.gap.isZero() || (carried && index === summary)) continue;
      const row = rows[index]!;
      const also = carried && index !== summary ? `（汇总行同样相差 ${formatAmount(summaryGap!.gap)}）` : "";
      yield relationFinding(block, relation, index, row, gap, also);
    }
  }
}

function relationFinding(
  block: Block,
  relation: RowRelation,
  index: number,
  row: Row,
  gap: NonNullable<ReturnType<typeof gapOf>>,
  also: string,
): FormFinding {
  const rounding = isRounding(gap.gap, relation.parts.length);
  const blank = relation.parts.filter((part) => row[part] === null).map((part) => labelOf(block, part));
  const hint = !rounding && blank.length > 0 ? `：${blank.join("、")}未填写？` : rounding ? "：四舍五入所致" : "";
  const label = labelOf(block, relation.total);
  return finding(
    rounding ? "form.rounding" : "form.rowTotal",
    cellKey(block, index, relation.total),
    `${block.title}${unitName(row, index)}${label} ${formatAmount(gap.stated)} ≠ ${sumText(gap.parts, gap.sum)}，` +
      `相差 ${formatAmount(gap.gap)}${also}${hint}`,
    { stated: formatAmount(gap.stated), sum: formatAmount(gap.sum), difference: formatAmount(gap.gap) },
  );
}

/** The 汇总 row against the sum of the 机构 rows, column by column. */
function* unitSums(block: Block, rows: readonly Row[]): Iterable<FormFinding> {
  const summary = summaryIndex(rows);
  if (summary < 0 || rows.length < 2) return;
  const units = rows.map((row, index) => [row, index] as const).filter(([, index]) => index !== summary);
  for (const column of block.columns) {
    const parts = units.map(([row, index]) => [unitName(row, index).replace(/[「」]/g, ""), row[column.key]] as const);
    const gap = gapOf(rows[summary]![column.key], parts);
    if (gap === null || gap.gap.isZero()) continue;
    const rounding = isRounding(gap.gap, parts.length);
    yield finding(
      rounding ? "form.rounding" : "form.units",
      cellKey(block, summary, column.key),
      `${block.title}汇总行${column.label} ${formatAmount(gap.stated)} ≠ ${sumText(gap.parts, gap.sum)}，` +
        `相差 ${formatAmount(gap.gap)}${rounding ? "：四舍五入所致" : ""}`,
      { stated: formatAmount(gap.stated), sum: formatAmount(gap.sum), difference: formatAmount(gap.gap) },
    );
  }
}

/** The form's figures that 附件1/附件2 hold too: [block, column, the workbook's label, its value]. */
function shared(model: WorkbookModel): ReadonlyArray<readonly [Block["key"], string, string, Dec | null]> {
  const year = model.basic.year ?? model.eval.year;
  const final = year === null ? "决算数" : `${year}年决算数`;
  const tp = model.basic.threePublic;
  return [
    ["threePublic", "total", `附件1 三公经费${final}`, toDec(tp.total.final)],
    ["threePublic", "reception", `附件1 公务接待${final}`, toDec(tp.reception.final)],
    ["threePublic", "vehicleOperation", `附件1 公车运行维护${final}`, toDec(tp.vehicleOperation.final)],
    ["threePublic", "vehiclePurchase", `附件1 公车购置${final}`, toDec(tp.vehiclePurchase.final)],
    ["threePublic", "overseas", `附件1 出国经费${final}`, toDec(tp.overseas.final)],
    ["spending", "project", `附件1 项目支出${final}`, toDec(model.basic.projects.total.final)],
    ["spending", "publicUse", `附件1 公用经费${final}`, toDec(model.basic.publicFunds.total.final)],
  ];
}

function* agreement(form: YueyangForm, model: WorkbookModel): Iterable<FormFinding> {
  for (const [blockKey, column, label, theirs] of shared(model)) {
    const block = BLOCKS.find((b) => b.key === blockKey)!;
    const rows = form[blockKey] as unknown as Row[];
    const summary = summaryIndex(rows);
    if (theirs === null || summary < 0) continue;
    const ours = toDec(rows[summary]![column]);
    if (ours === null || ours.equals(theirs)) continue;
    const difference = formatAmount(ours.minus(theirs).abs());
    // 附件1 may hold one 机构's figure where the form's 汇总 is the whole department: say which is which.
    const match = rows.findIndex((row, index) => index !== summary && toDec(row[column])?.equals(theirs));
    const which =
      match >= 0
        ? `：${label} 与本表${unitName(rows[match]!, match)}一致，本表汇总含全部机构；请确认附件1 应填部门汇总数还是` +
          `${rows[match]!.unit ?? "该机构"}的数，统一口径`
        : "：请核对，或在已说明的提示中写明原因";
    yield finding(
      "form.agreement",
      cellKey(block, summary, column),
      `${block.title}汇总行${labelOf(block, column)} ${formatAmount(ours)} ≠ ${label} ${formatAmount(theirs)}，` +
        `相差 ${difference}${which}`,
      { ours: formatAmount(ours), theirs: formatAmount(theirs), difference },
    );
  }
}

/**
 * 绩效自评综合得分 and 评价等次 as the form states them, against 附件2's 总分 and the profile's grade for it
 * (岳阳 writes 优秀). Only where 附件2 has a final or provisional 总分 to compare with.
 */
function* score(form: YueyangForm, total: Dec | null, grade: string | null): Iterable<FormFinding> {
  const stated = toDec(form.score);
  if (stated !== null && total !== null && !stated.equals(total))
    yield finding(
      "form.score",
      "form.score",
      `绩效自评综合得分 ${formatAmount(stated)} ≠ 自评表总分 ${formatAmount(total)}`,
      { stated: formatAmount(stated), total: formatAmount(total) },
    );
  if (form.grade !== null && grade !== null && form.grade.trim() !== grade)
    yield finding("form.score", "form.grade", `评价等次「${form.grade}」，按自评表总分应为「${grade}」`, {
      stated: form.grade,
      grade,
    });
}

/**
 * Every finding on the form's blocks. `scored`: 附件2's 总分 and the profile's 等次 when they may be stated
 * (compute's totalStatus final or provisional), else null.
 */
export function checkForm(
  form: YueyangForm,
  model: WorkbookModel,
  scored: { total: Dec; grade: string } | null,
): FormFinding[] {
  const findings: FormFinding[] = [];
  for (const block of BLOCKS) {
    const rows = form[block.key] as unknown as Row[];
    findings.push(...unitSums(block, rows), ...rowTotals(block, rows));
  }
  findings.push(...agreement(form, model), ...score(form, scored?.total ?? null, scored?.grade ?? null));
  return findings;
}
