/**
 * The 附件3 项目支出绩效自评表 template as data, for project `slot`: labels, merges, widths and the formulas of
 * its computed cells, laid out as the national form (财预〔2020〕10号). Both workbook adapters render it as
 * they render 附件2; its formulas are 附件2's (evaluationFormulas) over the project's own names, plus the
 * 执行率 of each source of funds.
 */
import {
  COLUMN_INPUT_RULES,
  evaluationFormulas,
  FORMULAS,
  HELPER_COLUMN_KEYS,
  label,
  safeRate,
  type InputRule,
  type TemplateSheet,
} from "../template";
import {
  afterProjectIndicators,
  FUND_COLUMNS,
  FUND_SOURCES,
  parseProjectPath,
  projectNamePrefix,
  projectSheetName,
  projectTableName,
  PROJECT_SHEET_TITLE,
} from "./contract";

const formulasBySlot = new Map<number, Readonly<Record<string, string>>>();

/** The formulas of project `slot`'s computed cells and helper columns, by key ("projects[2].total"). */
export function projectFormulas(slot: number): Readonly<Record<string, string>> {
  let formulas = formulasBySlot.get(slot);
  if (!formulas) {
    const p = projectNamePrefix(slot);
    formulas = {
      ...evaluationFormulas(`projects[${slot}]`, {
        fullYearBudget: `${p}全年预算数`,
        executed: `${p}全年执行数`,
        weight: `${p}执行率分值`,
        score: `${p}执行率得分`,
        total: `${p}总分`,
        table: projectTableName(slot),
      }),
      ...Object.fromEntries(
        FUND_SOURCES.map((source) => [
          `projects[${slot}].funds.${source.key}.executionRate`,
          safeRate(`${p}${source.label}_全年执行数`, `${p}${source.label}_全年预算数`),
        ]),
      ),
    };
    formulasBySlot.set(slot, formulas);
  }
  return formulas;
}

/** The 附件2 key a project key stands for: "projects[2].indicators.score" → "eval.indicators.score". */
const asEvalKey = (key: string) => {
  const parsed = parseProjectPath(key);
  return parsed ? `eval.${parsed.relative}` : key;
};

/** The template's formula of any computed cell or column, of the three sheets or of a project. */
export function formulaOf(key: string): string | undefined {
  const parsed = parseProjectPath(key);
  return parsed ? projectFormulas(parsed.slot)[key] : FORMULAS[key];
}

/** Whether a computed column is a helper column (完成率, 建议得分: JXZP formulas), of 附件2 or a project. */
export const isHelperColumn = (key: string) => HELPER_COLUMN_KEYS.has(asEvalKey(key));

/** A table column's input rule (dropdowns, number bounds): a project's indicator columns take 附件2's. */
export const columnInputRule = (key: string): InputRule | undefined => COLUMN_INPUT_RULES[asEvalKey(key)];

const sheetsBySlot = new Map<number, TemplateSheet<"project">>();

/** The sheet of project `slot`, columns A:K like 附件2. */
export function projectTemplateSheet(slot: number): TemplateSheet<"project"> {
  const known = sheetsBySlot.get(slot);
  if (known) return known;
  const p = projectNamePrefix(slot);
  const I = afterProjectIndicators;
  const sheet: TemplateSheet<"project"> = {
    id: "project",
    slot,
    name: projectSheetName(slot),
    columnWidths: [14, 26, 26, 16, 16, 10, 10, 34, 14, 11, 11],
    headerRows: 1,
    landscape: true,
    tallRows: { 4: 30, 10: 120, 12: 32 },
    merges: [
      "A1:K1",
      "B2:F2",
      "B3:F3",
      "H3:K3",
      "A4:A8",
      "A9:A10",
      "B9:E9",
      "F9:K9",
      "B10:E10",
      "F10:K10",
      "A11:K11",
      `A${I(1)}:E${I(1)}`,
    ],
    cells: [
      {
        address: "A1",
        style: "title",
        formula: `IF(ISNUMBER(${p}年度),${p}年度&"年度","")&"${PROJECT_SHEET_TITLE}"`,
        caption: `{N}年度${PROJECT_SHEET_TITLE}`,
        blankCaption: PROJECT_SHEET_TITLE,
      },
      label("A2", "项目名称"),
      label("G2", "年度"),
      label("A3", "主管部门"),
      label("G3", "实施单位"),
      label("A4", "项目资金（万元）", "header"),
      label("B4", "", "header"),
      ...[...FUND_COLUMNS.map((c) => c.label), "分值", "执行率", "得分"].map((text, i) =>
        label(`${"CDEFGH"[i]}4`, text, "header"),
      ),
      label("B5", "年度资金总额"),
      ...FUND_SOURCES.flatMap((source, i) => [
        label(`B${source.row}`, i === 0 ? `其中：${source.label}` : source.label, i === 0 ? "label" : "subLabel"),
        // 分值 and 得分 belong to the total row only, as on the national form.
        label(`F${source.row}`, "—", "computed"),
        label(`H${source.row}`, "—", "computed"),
      ]),
      label("A9", "年度总体目标", "header"),
      label("B9", "预期目标", "header"),
      label("F9", "实际完成情况", "header"),
      {
        ...label("A11", "绩效指标（一级、二级指标从下拉列表选择；可在表格末尾增加行）", "section"),
        caption: "绩效指标",
      },
      label(`A${I(1)}`, "总分"),
      label(`H${I(1)}`, "自评等次"),
    ],
  };
  sheetsBySlot.set(slot, sheet);
  return sheet;
}
