/**
 * The 岳阳 form's data from one workbook: the blocks only the form has (model.form), and everything it shares
 * with the other tables from the same model — 单位, 年度, 编制, 实有人数, 职能职责, 成绩, the 定量目标 rows (附件2's
 * indicators), 绩效自评综合得分 and 评价等次 (the computation's, in the profile's words). Numbers as the tables
 * print them; nothing is invented: an empty cell prints empty.
 */
import type { Computation } from "../compute";
import { formatAmount, toDec } from "../decimal";
import type { WorkbookModel } from "../model";
import { BLOCKS, type YueyangForm } from "../yueyang/form";
import { formLayout, type FormData, type FormLayout } from "./layout";
import YUEYANG from "./data/yueyang.json";

/** The shipped layouts, by id: `jxzp report --form yueyang`. */
export const FORM_LAYOUTS: Readonly<Record<string, FormLayout>> = { yueyang: formLayout.parse(YUEYANG) };

const amountText = (value: unknown) => {
  const dec = toDec(value);
  return dec === null ? null : formatAmount(dec);
};

/** "2022-06-10" → "2022 年 06 月 10 日", as the form prints its 报告日期. */
const dateText = (iso: string | null) => {
  const match = iso && /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]} 年 ${match[2]} 月 ${match[3]} 日` : null;
};

/**
 * The data of the 岳阳 form. `scored`: 总分 and 等次 when the narrative may state them (final or provisional:
 * compute's totalStatus), else null — the form then prints what its own cells state, or nothing.
 */
export function yueyangData(
  model: WorkbookModel,
  form: YueyangForm,
  computation: Computation,
  scored: boolean,
): FormData {
  const lists = Object.fromEntries(
    BLOCKS.map((block) => [
      block.key,
      (form[block.key] as ReadonlyArray<Record<string, unknown>>).map((row) => ({
        unit: (row.unit as string | null) ?? null,
        ...Object.fromEntries(block.columns.map((c) => [c.key, amountText(row[c.key])])),
      })),
    ]),
  );
  const year = model.basic.year ?? model.eval.year;
  const total = scored ? formatAmount(computation.total.total) : amountText(form.score);
  return {
    year: year === null ? null : String(year),
    unit: model.basic.unit ?? model.eval.unit,
    budgetCode: form.budgetCode,
    method: form.method,
    evaluator: form.evaluator,
    reportDate: dateText(form.reportDate),
    contact: form.contact,
    contactPhone: form.contactPhone,
    staffAuthorized: model.basic.staff.authorized === null ? null : String(model.basic.staff.authorized),
    staffActual: model.basic.staff.actual === null ? null : String(model.basic.staff.actual),
    duties: model.report.duties,
    achievements: model.report.achievements,
    tasks: form.tasks.flatMap((t, i) => (t.task ? [`任务${i + 1}：${t.task}`] : [])).join("\n"),
    ...lists,
    qualitative: form.qualitative.map((pair) => ({ expected: pair.expected, actual: pair.actual })),
    quantitative: model.eval.indicators.map((row) => ({
      level1: row.level1,
      level2: row.level2,
      target: [row.name, row.target].filter(Boolean).join("："),
      actual: row.actual,
    })),
    score: total,
    grade: scored ? computation.grade : form.grade,
    evaluators: form.evaluators.map((person) => ({ name: person.name, title: person.title, unit: person.unit })),
    filler: form.filler,
    fillerPhone: form.fillerPhone,
  };
}
