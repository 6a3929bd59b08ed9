/**
 * The templates as data: static labels, merges, column widths and the formulas of computed cells, laid
 * out as the published tables. Input and computed cells, defined names and tables come from the
 * contract; both workbook adapters (Office.js and exceljs) render this one description.
 *
 * Computed cells of the official tables use native Excel formulas over our defined names, so a workbook
 * opened without the add-in (WPS, LibreOffice, another Excel) still shows every official number. Only
 * the helper columns 完成率/建议得分 call JXZP functions, wrapped in IFERROR so that they show empty,
 * never #NAME?, where the add-in is absent. Files written outside Excel (the CLI's) hold those columns'
 * values instead of the JXZP formulas (`HELPER_COLUMN_KEYS`): Excel without the add-in could not compute them.
 */
import {
  CONTRACT,
  FORM_TABLE_ROWS,
  FORM_TABLES,
  SHEETS,
  TEMPLATE_VERSION,
  type AnySheetId,
  type CellKind,
  type SheetId,
  entryOf,
  type TableKey,
} from "./contract";
import { splitAddress } from "./a1";
import { INDICATOR_LEVELS, LEVEL1 } from "./vocabulary";
import { getProfile, PROFILES, type ScoringProfile } from "./profiles";

const PROFILE_NAMES = Object.values(PROFILES).map((p) => p.name);

export type CellStyle = "title" | "header" | "label" | "subLabel" | "section" | "note" | "input" | "computed";

export interface TemplateCell {
  readonly address: string;
  readonly style: CellStyle;
  readonly value?: string;
  readonly formula?: string;
  /**
   * What a formula cell shows, for copies of the sheet outside Excel (the report): {N} is the year,
   * {N-1} the year before.
   */
  readonly caption?: string;
  /** What a formula cell shows while its sheet's 年度 is empty (see `formulaCellText`). */
  readonly blankCaption?: string;
}

/**
 * What a formula cell of the templates shows, given its sheet's 年度 (null when empty): the result a writer
 * caches with the formula, so a viewer that does not recalculate shows the title too. Null for a label.
 */
export function formulaCellText(cell: TemplateCell, year: number | null): string | null {
  if (!cell.formula) return null;
  if (year === null) return cell.blankCaption ?? "";
  return (cell.caption ?? "").replace(/\{N-1\}/g, String(year - 1)).replace(/\{N\}/g, String(year));
}

export interface TemplateSheet<S extends AnySheetId = SheetId> {
  readonly id: S;
  /** For a project sheet: which one (projects/template.ts). */
  readonly slot?: number;
  readonly name: string;
  /** Widths of columns A, B, … in characters. */
  readonly columnWidths: readonly number[];
  readonly cells: readonly TemplateCell[];
  readonly merges: readonly string[];
  /** Rows printed on every page and frozen on screen. */
  readonly headerRows: number;
  readonly landscape: boolean;
  /** Rows that hold long text, with their height in points. */
  readonly tallRows: Readonly<Record<number, number>>;
}

/** Number formats by kind: 万元 with 2 decimals, rates as percentages, headcounts whole. */
export const NUMBER_FORMATS: Readonly<Record<Exclude<CellKind, "table">, string>> = {
  text: "@",
  integer: "0",
  amount: "0.00",
  rate: "0.00%",
  date: "yyyy-mm-dd",
};

const yearPrefix = (yearName: string) => `IF(ISNUMBER(${yearName}),${yearName}&"年度","")`;
/** A rate formula that shows 不适用 over a 0 or empty denominator, never #DIV/0! or 0%. */
export const safeRate = (numerator: string, denominator: string) =>
  `IF(N(${denominator})=0,"不适用",ROUND(${numerator}/${denominator},4))`;

/**
 * The 等次 of `total` as nested IFs over a profile's grade bands (the default profile's: a formula cannot
 * follow the workbook's 评分口径), so the thresholds stay in the profile data:
 * IF(总分>=90,"优",IF(总分>=80,"良",IF(总分>=60,"中","差"))).
 */
function gradeFormula(total: string, profile: ScoringProfile): string {
  const bands = profile.grades;
  const last = bands[bands.length - 1]!;
  return bands
    .slice(0, -1)
    .reduceRight((otherwise, band) => `IF(${total}>=${band.minTotal},"${band.grade}",${otherwise})`, `"${last.grade}"`);
}

/** The defined names an evaluation table's formulas use: 附件2's, or a project's (项目2_全年预算数 …). */
export interface EvaluationNames {
  readonly fullYearBudget: string;
  readonly executed: string;
  readonly weight: string;
  readonly score: string;
  readonly total: string;
  /** The indicator table. */
  readonly table: string;
}

/**
 * The formulas of an evaluation table (附件2, or a project's 附件3: one shape, one set of formulas), keyed by
 * `prefix` ("eval", "projects[2]") and the computed cell or column.
 */
export function evaluationFormulas(prefix: string, names: EvaluationNames): Record<string, string> {
  /** A column of the 绩效指标 table in the formula's own row. */
  const row = (column: string) => `${names.table}[[#This Row],[${column}]]`;
  const levels = [row("一级指标"), row("二级指标"), row("三级指标")].join(",");
  return {
    [`${prefix}.funds.executionRate`]: safeRate(names.executed, names.fullYearBudget),
    [`${prefix}.funds.score`]:
      `IF(N(${names.fullYearBudget})=0,"不适用",` +
      `ROUND(N(${names.weight})*MIN(${names.executed}/${names.fullYearBudget},1),2))`,
    [`${prefix}.weightTotal`]: `N(${names.weight})+SUM(${names.table}[分值])`,
    [`${prefix}.total`]: `ROUND(IF(ISNUMBER(${names.score}),${names.score},0)+SUM(${names.table}[得分]),2)`,
    [`${prefix}.grade`]: `IF(COUNT(${names.table}[得分])=0,"",${gradeFormula(names.total, getProfile())})`,
    // The helper columns pass the row's 一级/二级/三级指标 (a direction can belong to the indicator) and the
    // workbook's 评分口径, so Excel computes what compute() caches and the validator says.
    [`${prefix}.indicators.completion`]: `IFERROR(JXZP.COMPLETIONRATE(${row("年度指标值")},${row("实际完成值")},${levels}),"")`,
    [`${prefix}.indicators.suggestedScore`]:
      `IFERROR(JXZP.INDICATORSCORE(${row("分值")},${row("年度指标值")},${row("实际完成值")},` +
      `${row("评价档次（定性指标）")},校验_评分口径,${levels}),"")`,
  };
}

/** Formulas of the computed cells of the three sheets (keys of the contract); a project's are projectFormulas. */
export const FORMULAS: Readonly<Record<string, string>> = {
  "basic.staff.controlRate": safeRate("基础_实际在职人数", "基础_编制数"),
  "basic.buildings.areaControlRate": safeRate("基础_实际规模", "基础_批复规模"),
  "basic.buildings.investmentControlRate": safeRate("基础_实际投资", "基础_预算投资"),
  ...evaluationFormulas("eval", {
    fullYearBudget: "自评_全年预算数",
    executed: "自评_全年执行数",
    weight: "自评_执行率分值",
    score: "自评_执行率得分",
    total: "自评_总分",
    table: "绩效指标",
  }),
};

/**
 * The helper columns (完成率, 建议得分): computed cells whose formulas call the add-in's JXZP functions. The
 * add-in installs them as formulas; a file written outside Excel holds their computed values, with a note.
 */
export const HELPER_COLUMN_KEYS: ReadonlySet<string> = new Set(
  Object.keys(FORMULAS).filter((key) => FORMULAS[key]!.includes("JXZP.")),
);

/** The note on a helper column's header in files written outside Excel: what the values are, and when they change. */
export const HELPER_COLUMN_NOTE =
  "绩效自评助手的建议值，不属于官方表格：生成本文件时按当时的数据算出，修改指标后不会自动更新；" +
  "绩效自评助手校验时按最新数据重新计算。";

/** A fixed text of a template sheet. */
export const label = (address: string, value: string, style: CellStyle = "label"): TemplateCell => ({
  address,
  value,
  style,
});

function afterTable(key: TableKey, offset: number): number {
  const table = entryOf(key).table;
  return table.headerRow + table.defaultRows + offset;
}

const P = (offset: number) => afterTable("basic.projects.lines", offset);
const I = (offset: number) => afterTable("eval.indicators", offset);

const basicSheet: TemplateSheet = {
  id: "basic",
  name: SHEETS.basic.name,
  columnWidths: [34, 18, 18, 18],
  headerRows: 1,
  landscape: false,
  tallRows: { [P(11)]: 60, [P(12)]: 36 },
  merges: ["A1:D1", "B2:D2", "A4:A5", `A${P(7)}:A${P(10)}`, `B${P(11)}:D${P(11)}`, `A${P(12)}:D${P(12)}`],
  cells: [
    {
      address: "A1",
      style: "title",
      formula: `${yearPrefix("基础_年度")}&"部门（单位）整体支出绩效评价基础数据表"`,
      caption: "{N}年度部门（单位）整体支出绩效评价基础数据表",
      blankCaption: "部门（单位）整体支出绩效评价基础数据表",
    },
    label("A2", "单位名称"),
    label("A3", "年度"),
    label("C3", "金额单位"),
    label("D3", "万元", "subLabel"),
    label("A4", "财政供养人员情况（人）", "header"),
    label("B4", "编制数", "header"),
    {
      address: "C4",
      style: "header",
      formula: `IF(ISNUMBER(基础_年度),基础_年度&"年","")&"实际在职人数"`,
      caption: "{N}年实际在职人数",
      blankCaption: "实际在职人数",
    },
    label("D4", "控制率", "header"),
    label("A6", "经费控制情况（万元）", "header"),
    {
      address: "B6",
      style: "header",
      formula: `IF(ISNUMBER(基础_年度),(基础_年度-1)&"年","上年")&"决算数"`,
      caption: "{N-1}年决算数",
      blankCaption: "上年决算数",
    },
    {
      address: "C6",
      style: "header",
      formula: `IF(ISNUMBER(基础_年度),基础_年度&"年","本年")&"预算数"`,
      caption: "{N}年预算数",
      blankCaption: "本年预算数",
    },
    {
      address: "D6",
      style: "header",
      formula: `IF(ISNUMBER(基础_年度),基础_年度&"年","本年")&"决算数"`,
      caption: "{N}年决算数",
      blankCaption: "本年决算数",
    },
    label("A7", "三公经费"),
    label("A8", "1、公务用车购置和维护经费"),
    label("A9", "其中：公车购置", "subLabel"),
    label("A10", "公车运行维护", "subLabel"),
    label("A11", "2、出国经费"),
    label("A12", "3、公务接待"),
    label("A13", "项目支出"),
    label(`A${P(1)}`, "公用经费"),
    label(`A${P(2)}`, "其中：办公经费", "subLabel"),
    label(`A${P(3)}`, "水费、电费、差旅费", "subLabel"),
    label(`A${P(4)}`, "会议费、培训费", "subLabel"),
    label(`A${P(5)}`, "政府采购金额"),
    label(`A${P(6)}`, "部门基本支出预算调整"),
    {
      address: `A${P(7)}`,
      style: "header",
      formula: `"楼堂馆所控制情况（"&IF(ISNUMBER(基础_年度),基础_年度&"年","本年")&"完工项目）"`,
      caption: "楼堂馆所控制情况（{N}年完工项目）",
      blankCaption: "楼堂馆所控制情况（本年完工项目）",
    },
    label(`B${P(7)}`, "批复规模（m²）", "header"),
    label(`C${P(7)}`, "实际规模（m²）", "header"),
    label(`D${P(7)}`, "规模控制率", "header"),
    label(`B${P(9)}`, "预算投资（万元）", "header"),
    label(`C${P(9)}`, "实际投资（万元）", "header"),
    label(`D${P(9)}`, "投资概算控制率", "header"),
    label(`A${P(11)}`, "厉行节约保障措施"),
    label(
      `A${P(12)}`,
      "说明：“项目支出”需要填报基本支出以外的所有项目支出情况（一个项目或专项一行，可在表格中增加行），“公用经费”填报基本支出中的一般商品和服务支出。",
      "note",
    ),
    label(`A${P(13)}`, "填表人"),
    label(`C${P(13)}`, "填报日期"),
    label(`A${P(14)}`, "联系电话"),
    label(`C${P(14)}`, "单位负责人"),
  ],
};

const evalSheet: TemplateSheet = {
  id: "eval",
  name: SHEETS.eval.name,
  columnWidths: [14, 26, 26, 16, 16, 10, 10, 34, 14, 11, 11],
  headerRows: 1,
  landscape: true,
  tallRows: { 3: 30, 11: 120, 13: 32 },
  merges: [
    "A1:K1",
    "B2:F2",
    "A3:A9",
    "B5:D5",
    "E5:H5",
    "A10:A11",
    "B10:E10",
    "F10:K10",
    "B11:E11",
    "F11:K11",
    "A12:K12",
    `A${I(1)}:E${I(1)}`,
  ],
  cells: [
    {
      address: "A1",
      style: "title",
      formula: `${yearPrefix("自评_年度")}&"部门（单位）整体支出绩效自评表"`,
      caption: "{N}年度部门（单位）整体支出绩效自评表",
      blankCaption: "部门（单位）整体支出绩效自评表",
    },
    label("A2", "预算单位名称"),
    label("G2", "年度"),
    label("A3", "年度预算申请（万元）", "header"),
    label("B3", "", "header"),
    ...["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].map((text, i) =>
      label(`${"CDEFGH"[i]}3`, text, "header"),
    ),
    label("B4", "年度资金总额"),
    label("B5", "按收入性质分", "header"),
    label("E5", "按支出性质分", "header"),
    label("B6", "其中：一般公共预算"),
    label("B7", "政府性基金拨款", "subLabel"),
    label("B8", "纳入专户管理的非税收入拨款", "subLabel"),
    label("B9", "其他资金", "subLabel"),
    label("E6", "其中：基本支出"),
    label("E7", "项目支出", "subLabel"),
    label("A10", "年度总体目标", "header"),
    label("B10", "预期目标", "header"),
    label("F10", "实际完成情况", "header"),
    { ...label("A12", "绩效指标（一级、二级指标从下拉列表选择；可在表格末尾增加行）", "section"), caption: "绩效指标" },
    label(`A${I(1)}`, "总分"),
    label(`H${I(1)}`, "绩效等次"),
    label(`A${I(3)}`, "填表人"),
    label(`C${I(3)}`, "填报日期"),
    label(`A${I(4)}`, "联系电话"),
    label(`C${I(4)}`, "单位负责人"),
  ],
};

const reportSheet: TemplateSheet = {
  id: "report",
  name: SHEETS.report.name,
  columnWidths: [26, 100, 30],
  headerRows: 2,
  landscape: false,
  tallRows: { 3: 150, 4: 150, 5: 110, 6: 110, 7: 60 },
  merges: ["A1:B1", "A11:C11", "A13:C13"],
  cells: [
    label("A1", "绩效自评报告文字（生成报告时引用；表格中的数字由报告自动取用，此处只写文字）", "title"),
    label("A2", "部分", "header"),
    label("B2", "内容", "header"),
    ...CONTRACT.filter((entry) => entry.sheet === "report" && !entry.table).map((entry) =>
      label(`A${entry.address.slice(1)}`, entry.label),
    ),
    label("A11", "校验设置", "section"),
    label(
      "A13",
      "已说明的提示：校验中的“警告”写明原因后记在这里，不再作为待处理项（错误不能以说明代替更正）",
      "section",
    ),
  ],
};

/** 表式报告（岳阳）: its fields two to a row (A:D), then its tables stacked, each under a section row. */
const formSheet: TemplateSheet = {
  id: "form",
  name: SHEETS.form.name,
  columnWidths: [26, 16, 22, 16, 16, 22, 16, 16],
  headerRows: 1,
  landscape: true,
  tallRows: { 1: 36 },
  // No merged section rows: the tables have different widths, and a row inserted in one must not cut a merge.
  merges: ["A1:H1"],
  cells: [
    label(
      "A1",
      "表式报告（岳阳市财政局制）中独有的内容。编制、实有人数、三公经费、绩效目标与指标等取自附件1、附件2，不必重复填写；" +
        "不使用表式报告的地区可不填本表。表格行不够时，在表格中间的行号上右键“插入”整行。",
      "note",
    ),
    ...CONTRACT.filter((entry) => entry.sheet === "form" && !entry.table).map((entry) => {
      const { column, row } = splitAddress(entry.address);
      return label(`${String.fromCharCode(column.charCodeAt(0) - 1)}${row}`, entry.label);
    }),
    ...FORM_TABLES.map((t, i) => label(`A${FORM_TABLE_ROWS[i]!.section}`, t.section, "section")),
  ],
};

export const TEMPLATE_SHEETS: readonly TemplateSheet[] = [basicSheet, evalSheet, reportSheet, formSheet];

/** The defined name that records the template version in the workbook. */
export const VERSION_NAME = "绩效自评助手_模板版本";
export { TEMPLATE_VERSION };

/**
 * An input rule: what Excel's data validation lets a user type in a cell, with its Chinese input message and
 * error alert. ("Validation" in this code base means our 校验 of the whole workbook; this is the cell's own.)
 */
export interface InputRule {
  readonly type: "list" | "whole" | "decimal" | "date";
  /** For lists: a formula giving the list; for numbers and dates: the minimum. */
  readonly formula: string;
  /**
   * For dates: the minimum as an ISO date, the same day as `formula`. A file stores a date rule's bound as a
   * serial number (36526), not as DATE(2000,1,1), which only Excel's API accepts.
   */
  readonly minimumDate?: string;
  readonly prompt: string;
  readonly error: string;
  /** Values outside the list are warned about, not refused (a custom 评分口径 is kept by its own label). */
  readonly warnOnly?: boolean;
}

/** The hidden sheet that holds the indicator vocabulary for the dropdowns. */
export const LISTS_SHEET = "字典";
export const LEVEL1_LIST_NAME = "列表_一级指标";
/** "列表_产出指标" etc.: the 二级指标 of one 一级指标, for a dependent dropdown. */
export const level2ListName = (level1: string) => `列表_${level1}`;
export const LISTS: ReadonlyArray<{ name: string; values: readonly string[] }> = [
  { name: LEVEL1_LIST_NAME, values: LEVEL1 },
  ...LEVEL1.map((level1) => ({ name: level2ListName(level1), values: INDICATOR_LEVELS[level1]! })),
];

/** The earliest date a date cell accepts. */
const MIN_DATE = "2000-01-01";

/** Validation by cell kind, for input cells. */
export const KIND_INPUT_RULES: Readonly<Partial<Record<CellKind, InputRule>>> = {
  integer: { type: "whole", formula: "0", prompt: "请填写不小于 0 的整数（人）", error: "这里应填写不小于 0 的整数" },
  amount: {
    type: "decimal",
    formula: "0",
    prompt: "请填写金额（万元），最多两位小数",
    error: "这里应填写不小于 0 的数字（万元）",
  },
  date: {
    type: "date",
    formula: `DATE(${MIN_DATE.split("-").map(Number).join(",")})`,
    minimumDate: MIN_DATE,
    prompt: "请填写日期，如 2025-05-15",
    error: "这里应填写日期",
  },
};

/** Validation of particular input cells, before the rule of their kind. */
export const KEY_INPUT_RULES: Readonly<Record<string, InputRule>> = {
  "review.profile": {
    type: "list",
    formula: `"${PROFILE_NAMES.join(",")}"`,
    prompt: "选择评分口径；留空为“全国通用”。自定义口径由绩效自评助手写入",
    error: `评分口径应是：${PROFILE_NAMES.join("、")}，或绩效自评助手写入的自定义口径`,
    warnOnly: true,
  },
};

/** Keys whose amounts may be negative (an adjustment can reduce the budget). */
export const SIGNED_AMOUNT_KEYS: ReadonlySet<string> = new Set(["basic.budgetAdjustment"]);

/** Validation of table columns; `{row}` stands for the cell's row. */
export const COLUMN_INPUT_RULES: Readonly<Record<string, InputRule>> = {
  "eval.indicators.level1": {
    type: "list",
    formula: LEVEL1_LIST_NAME,
    prompt: "从下拉列表选择一级指标",
    error: "一级指标只能是：" + LEVEL1.join("、"),
  },
  "eval.indicators.level2": {
    type: "list",
    formula: `INDIRECT("${level2ListName("")}"&$A{row})`,
    prompt: "先选一级指标，再从下拉列表选择它的二级指标",
    error: "二级指标应属于本行的一级指标，请从下拉列表选择",
  },
  "eval.indicators.band": {
    type: "list",
    formula: '"达成,部分达成,未达成"',
    prompt: "定性指标（如“提高”）选择评价档次；定量指标留空",
    error: "评价档次只能是：达成、部分达成、未达成",
  },
  "eval.indicators.weight": {
    type: "decimal",
    formula: "0",
    prompt: "分值（0–100）",
    error: "分值应为 0 到 100 之间的数字",
  },
  "eval.indicators.score": {
    type: "decimal",
    formula: "0",
    prompt: "得分：不大于分值；低于分值时请填写偏差原因",
    error: "得分应为不小于 0 的数字",
  },
};
