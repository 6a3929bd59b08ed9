/**
 * The workbook contract (SPEC section 9): every input and computed cell of the three sheets, with its
 * stable key (= its path in the JSON model), Chinese label, defined name, sheet, address in the
 * template as installed, kind and role. Both workbook adapters render the templates from this data;
 * the CLI prints it. Keys never change meaning; a new template version may add keys, never rename them.
 */

import coerce from "semver/functions/coerce";
import compare from "semver/functions/compare";
import { columnLetter } from "./a1";
import { BLOCKS, type Block } from "./yueyang/form";

export type SheetId = "basic" | "eval" | "report" | "form";
/** A sheet of the templates: one of the three, or a project's 附件3 (any number of them, by slot). */
export type AnySheetId = SheetId | "project";
export type CellKind = "text" | "integer" | "amount" | "rate" | "date" | "table";
export type Role = "input" | "computed";
export type TriplePart = "prev" | "budget" | "final";

export interface SheetSpec {
  readonly id: SheetId;
  readonly name: string;
  readonly title: string;
  /**
   * Added by a later template version: a workbook without it reads as empty there (no finding about its
   * names), and 安装模板 adds it.
   */
  readonly optional?: boolean;
}

/** Template version recorded in every workbook we install (issue: templates). */
export const TEMPLATE_VERSION = "1.2.0";

/**
 * Orders template versions (semver). A version cell Excel turned into a number ("1.1") is coerced; one
 * that reads as no version at all counts as the oldest, so installing repairs it.
 */
export function compareVersions(a: string, b: string): number {
  const version = (text: string) => coerce(text)?.version ?? "0.0.0";
  return compare(version(a), version(b));
}

export const SHEETS: Readonly<Record<SheetId, SheetSpec>> = {
  basic: { id: "basic", name: "附件1 基础数据表", title: "年度部门（单位）整体支出绩效评价基础数据表" },
  eval: { id: "eval", name: "附件2 自评表", title: "年度部门（单位）整体支出绩效自评表" },
  report: { id: "report", name: "报告文字", title: "绩效自评报告文字" },
  form: { id: "form", name: "表式报告（岳阳）", title: "表式报告独有的内容（岳阳市财政局制表式）", optional: true },
};

export interface TripleCell {
  readonly part: TriplePart;
  readonly label: string;
  readonly address: string;
}

export interface TableColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: Exclude<CellKind, "table">;
  readonly role: Role;
  readonly column: string;
}

export interface TableLayout {
  /** Excel table name. */
  readonly name: string;
  readonly headerRow: number;
  /** Empty data rows in a freshly installed template. */
  readonly defaultRows: number;
  /** Added by a later template version: a workbook without it reads as an empty table. */
  readonly optional?: boolean;
  readonly columns: readonly TableColumn[];
}

interface EntryBase<K extends string, S extends AnySheetId> {
  /** The stable key: the value's path in the JSON model. */
  readonly key: K;
  readonly label: string;
  readonly sheet: S;
  /** For a project's 附件3: which one (1 for 附件3-1); its sheet's name is projectSheetName(slot). */
  readonly slot?: number;
  /** Workbook-scoped defined name. */
  readonly name: string;
  /** A1 address in the freshly installed template (a range for triples and tables). */
  readonly address: string;
  readonly role: Role;
}

/** One cell. */
export interface CellEntry<K extends string = string, S extends AnySheetId = SheetId> extends EntryBase<K, S> {
  readonly shape: "cell";
  readonly kind: Exclude<CellKind, "table">;
  readonly parts?: undefined;
  readonly table?: undefined;
}

/** An amount triple of 附件1: N-1年决算数, N年预算数, N年决算数 side by side. */
export interface TripleEntry<K extends string = string, S extends AnySheetId = SheetId> extends EntryBase<K, S> {
  readonly shape: "triple";
  readonly kind: "amount";
  readonly parts: readonly TripleCell[];
  readonly table?: undefined;
}

/** A variable-row Excel table. */
export interface TableEntry<K extends string = string, S extends AnySheetId = SheetId> extends EntryBase<K, S> {
  readonly shape: "table";
  readonly kind: "table";
  readonly parts?: undefined;
  readonly table: TableLayout;
}

export type ContractEntry<K extends string = string, S extends AnySheetId = SheetId> =
  CellEntry<K, S> | TripleEntry<K, S> | TableEntry<K, S>;
/** A cell or table of a project's 附件3 (projects/contract.ts): keyed "projects[2].funds.executed". */
export type ProjectEntry = CellEntry<string, "project"> | TableEntry<string, "project">;
/** Any entry, of the three sheets or of a project. */
export type SomeEntry = ContractEntry | ProjectEntry;

const PART_LABELS: Record<TriplePart, string> = { prev: "N-1年决算数", budget: "N年预算数", final: "N年决算数" };

/** A triple's column with the year: "2023年决算数", "2024年预算数", "2024年决算数" (N-1 …, N … without one). */
export function partLabel(part: TriplePart, year: number | null): string {
  if (year === null) return PART_LABELS[part];
  return part === "prev" ? `${year - 1}年决算数` : part === "budget" ? `${year}年预算数` : `${year}年决算数`;
}

type CellSpec<K extends string> = Pick<CellEntry<K>, "key" | "label" | "name" | "address"> & { role?: Role };

const cell =
  (sheet: SheetId, kind: Exclude<CellKind, "table">) =>
  <const K extends string>(entry: CellSpec<K>): CellEntry<K> => ({
    shape: "cell",
    sheet,
    kind,
    role: entry.role ?? "input",
    key: entry.key,
    label: entry.label,
    name: entry.name,
    address: entry.address,
  });

/** An amount triple in columns B:D of 附件1 at `row`. */
function triple<const K extends string>(key: K, label: string, name: string, row: number): TripleEntry<K> {
  const columns: Record<TriplePart, string> = { prev: "B", budget: "C", final: "D" };
  return {
    shape: "triple",
    key,
    label,
    sheet: "basic",
    name,
    address: `B${row}:D${row}`,
    kind: "amount",
    role: "input",
    parts: (Object.keys(columns) as TriplePart[]).map((part) => ({
      part,
      label: PART_LABELS[part],
      address: `${columns[part]}${row}`,
    })),
  };
}

/** A variable-row Excel table: header row, default empty rows, its columns side by side from A. */
function table<const K extends string>(
  sheet: SheetId,
  key: K,
  label: string,
  name: string,
  spec: Omit<TableLayout, "columns"> & { columns: ReadonlyArray<Omit<TableColumn, "column">> },
): TableEntry<K> {
  const layout: TableLayout = {
    ...spec,
    columns: spec.columns.map((column, i) => ({ ...column, column: columnLetter(i + 1) })),
  };
  const last = layout.columns[layout.columns.length - 1]!.column;
  return {
    shape: "table",
    key,
    label,
    sheet,
    name,
    address: `A${layout.headerRow}:${last}${layout.headerRow + layout.defaultRows}`,
    kind: "table",
    role: "input",
    table: layout,
  };
}

const basicText = cell("basic", "text");
const basicInt = cell("basic", "integer");
const basicAmount = cell("basic", "amount");
const basicRate = cell("basic", "rate");
const basicDate = cell("basic", "date");
const evalText = cell("eval", "text");
const evalInt = cell("eval", "integer");
const evalAmount = cell("eval", "amount");
const evalRate = cell("eval", "rate");
const evalDate = cell("eval", "date");
const reportText = cell("report", "text");
const formText = cell("form", "text");
const formAmount = cell("form", "amount");
const formDate = cell("form", "date");

/** Rows of 附件1 below the 项目支出 lines table, as installed with its default rows. */
const PROJECT_TABLE_HEADER = 14;
const PROJECT_DEFAULT_ROWS = 3;
const afterProjects = (offset: number) => PROJECT_TABLE_HEADER + PROJECT_DEFAULT_ROWS + offset;

/** Rows of 附件2 below the 绩效指标 table. */
const INDICATOR_TABLE_HEADER = 13;
const INDICATOR_DEFAULT_ROWS = 15;
const afterIndicators = (offset: number) => INDICATOR_TABLE_HEADER + INDICATOR_DEFAULT_ROWS + offset;

/**
 * The tables of 表式报告（岳阳）, stacked down its columns A:H: each one's section row, header and blank rows,
 * then a blank row before the next. The 收支 tables' columns are the form's own (yueyang/form.ts BLOCKS).
 */
type FormColumn = Omit<TableColumn, "column">;
const unitColumn: FormColumn = { key: "unit", label: "机构名称", kind: "text", role: "input" };
const amountColumns = (block: Block["key"]): FormColumn[] => [
  unitColumn,
  ...BLOCKS.find((b) => b.key === block)!.columns.map((c): FormColumn => ({
    key: c.key,
    label: c.label,
    kind: "amount",
    role: "input",
  })),
];
const textColumns = (...columns: Array<[key: string, label: string]>): FormColumn[] =>
  columns.map(([key, label]) => ({ key, label, kind: "text", role: "input" }));
export const FORM_TABLES = [
  {
    key: "tasks",
    label: "年度主要工作内容",
    name: "工作任务",
    section: "年度主要工作内容（一行一项任务）",
    rows: 6,
    columns: textColumns(["task", "工作任务"]),
  },
  ...(
    [
      ["income", "年度收入情况", "收入"],
      ["spending", "年度支出和结余情况", "支出"],
      ["threePublic", "三公经费（表式）", "三公经费"],
      ["assets", "固定资产（表式）", "固定资产"],
    ] as const
  ).map(([key, label, name]) => ({
    key,
    label,
    name,
    section: `${BLOCKS.find((b) => b.key === key)!.title}（万元）：第一行为“局机关及二级机构汇总”，其后局机关、各二级机构各一行`,
    // 汇总, 局机关 and three 二级机构; more by inserting whole sheet rows inside the table.
    rows: 5,
    columns: amountColumns(key),
  })),
  {
    key: "qualitative",
    label: "整体支出绩效定性目标",
    name: "定性目标",
    section: "整体支出绩效定性目标及实施计划完成情况（一行一个目标）",
    rows: 3,
    columns: textColumns(["expected", "预期目标"], ["actual", "实际完成"]),
  },
  {
    key: "evaluators",
    label: "评价人员",
    name: "评价人员",
    section: "评价人员",
    rows: 6,
    columns: textColumns(["name", "姓名"], ["title", "职务/职称"], ["unit", "单位"]),
  },
] as const;
/** Each form table's section row (its title), header row and blank rows in the installed template. */
export const FORM_TABLE_ROWS: ReadonlyArray<{ section: number; header: number; rows: number }> = FORM_TABLES.reduce<
  Array<{ section: number; header: number; rows: number }>
>((placed, t) => {
  const previous = placed[placed.length - 1];
  const section = previous ? previous.header + previous.rows + 2 : 8;
  return [...placed, { section, header: section + 1, rows: t.rows }];
}, []);

/** Every key of the sheets, in sheet order. */
export const CONTRACT = [
  // ── 附件1 基础数据表 (columns A:D) ─────────────────────────────────────────────
  basicText({ key: "basic.unit", label: "单位名称", name: "基础_单位名称", address: "B2" }),
  basicInt({ key: "basic.year", label: "年度", name: "基础_年度", address: "B3" }),
  basicInt({ key: "basic.staff.authorized", label: "编制数", name: "基础_编制数", address: "B5" }),
  basicInt({ key: "basic.staff.actual", label: "实际在职人数", name: "基础_实际在职人数", address: "C5" }),
  basicRate({
    key: "basic.staff.controlRate",
    label: "在职人员控制率",
    name: "基础_人员控制率",
    address: "D5",
    role: "computed",
  }),
  triple("basic.threePublic.total", "三公经费", "基础_三公经费", 7),
  triple("basic.threePublic.vehicles", "公务用车购置和维护经费", "基础_公务用车购置和维护经费", 8),
  triple("basic.threePublic.vehiclePurchase", "公车购置", "基础_公车购置", 9),
  triple("basic.threePublic.vehicleOperation", "公车运行维护", "基础_公车运行维护", 10),
  triple("basic.threePublic.overseas", "出国经费", "基础_出国经费", 11),
  triple("basic.threePublic.reception", "公务接待", "基础_公务接待", 12),
  triple("basic.projects.total", "项目支出", "基础_项目支出", 13),
  table("basic", "basic.projects.lines", "项目支出明细（一个项目或专项一行）", "基础_项目支出明细", {
    name: "项目支出明细",
    headerRow: PROJECT_TABLE_HEADER,
    defaultRows: PROJECT_DEFAULT_ROWS,
    columns: [
      { key: "name", label: "项目名称", kind: "text", role: "input" },
      // Table headers are fixed text (no formulas): 上年/本年, as the column headers above them read without a year.
      { key: "prev", label: "上年决算数", kind: "amount", role: "input" },
      { key: "budget", label: "本年预算数", kind: "amount", role: "input" },
      { key: "final", label: "本年决算数", kind: "amount", role: "input" },
    ],
  }),
  triple("basic.publicFunds.total", "公用经费", "基础_公用经费", afterProjects(1)),
  triple("basic.publicFunds.office", "办公经费", "基础_办公经费", afterProjects(2)),
  triple("basic.publicFunds.utilitiesTravel", "水费、电费、差旅费", "基础_水电差旅费", afterProjects(3)),
  triple("basic.publicFunds.meetingsTraining", "会议费、培训费", "基础_会议培训费", afterProjects(4)),
  triple("basic.procurement", "政府采购金额", "基础_政府采购金额", afterProjects(5)),
  triple("basic.budgetAdjustment", "部门基本支出预算调整", "基础_基本支出预算调整", afterProjects(6)),
  basicAmount({
    key: "basic.buildings.approvedArea",
    label: "批复规模（m²）",
    name: "基础_批复规模",
    address: `B${afterProjects(8)}`,
  }),
  basicAmount({
    key: "basic.buildings.actualArea",
    label: "实际规模（m²）",
    name: "基础_实际规模",
    address: `C${afterProjects(8)}`,
  }),
  basicRate({
    key: "basic.buildings.areaControlRate",
    label: "规模控制率",
    name: "基础_规模控制率",
    address: `D${afterProjects(8)}`,
    role: "computed",
  }),
  basicAmount({
    key: "basic.buildings.budgetInvestment",
    label: "预算投资（万元）",
    name: "基础_预算投资",
    address: `B${afterProjects(10)}`,
  }),
  basicAmount({
    key: "basic.buildings.actualInvestment",
    label: "实际投资（万元）",
    name: "基础_实际投资",
    address: `C${afterProjects(10)}`,
  }),
  basicRate({
    key: "basic.buildings.investmentControlRate",
    label: "投资概算控制率",
    name: "基础_投资概算控制率",
    address: `D${afterProjects(10)}`,
    role: "computed",
  }),
  basicText({
    key: "basic.savingMeasures",
    label: "厉行节约保障措施",
    name: "基础_厉行节约保障措施",
    address: `B${afterProjects(11)}`,
  }),
  basicText({ key: "basic.preparer", label: "填表人", name: "基础_填表人", address: `B${afterProjects(13)}` }),
  basicDate({ key: "basic.filledOn", label: "填报日期", name: "基础_填报日期", address: `D${afterProjects(13)}` }),
  basicText({ key: "basic.phone", label: "联系电话", name: "基础_联系电话", address: `B${afterProjects(14)}` }),
  basicText({ key: "basic.head", label: "单位负责人", name: "基础_单位负责人", address: `D${afterProjects(14)}` }),

  // ── 附件2 自评表 (columns A:K) ──────────────────────────────────────────────────
  evalText({ key: "eval.unit", label: "预算单位名称", name: "自评_单位名称", address: "B2" }),
  evalInt({ key: "eval.year", label: "年度", name: "自评_年度", address: "H2" }),
  evalAmount({ key: "eval.funds.initialBudget", label: "年初预算数", name: "自评_年初预算数", address: "C4" }),
  evalAmount({ key: "eval.funds.fullYearBudget", label: "全年预算数", name: "自评_全年预算数", address: "D4" }),
  evalAmount({ key: "eval.funds.executed", label: "全年执行数", name: "自评_全年执行数", address: "E4" }),
  evalAmount({ key: "eval.funds.weight", label: "执行率分值", name: "自评_执行率分值", address: "F4" }),
  evalRate({
    key: "eval.funds.executionRate",
    label: "预算执行率",
    name: "自评_执行率",
    address: "G4",
    role: "computed",
  }),
  evalAmount({
    key: "eval.funds.score",
    label: "执行率得分",
    name: "自评_执行率得分",
    address: "H4",
    role: "computed",
  }),
  evalAmount({ key: "eval.funds.income.general", label: "一般公共预算", name: "自评_一般公共预算", address: "C6" }),
  evalAmount({
    key: "eval.funds.income.governmentFund",
    label: "政府性基金拨款",
    name: "自评_政府性基金拨款",
    address: "C7",
  }),
  evalAmount({
    key: "eval.funds.income.specialAccount",
    label: "纳入专户管理的非税收入拨款",
    name: "自评_专户非税收入拨款",
    address: "C8",
  }),
  evalAmount({ key: "eval.funds.income.other", label: "其他资金", name: "自评_其他资金", address: "C9" }),
  evalAmount({ key: "eval.funds.expense.basic", label: "基本支出", name: "自评_基本支出", address: "F6" }),
  evalAmount({ key: "eval.funds.expense.project", label: "项目支出", name: "自评_项目支出", address: "F7" }),
  evalText({ key: "eval.goal.expected", label: "年度总体目标·预期目标", name: "自评_预期目标", address: "B11" }),
  evalText({ key: "eval.goal.actual", label: "年度总体目标·实际完成情况", name: "自评_实际完成情况", address: "F11" }),
  table("eval", "eval.indicators", "绩效指标", "自评_绩效指标", {
    name: "绩效指标",
    headerRow: INDICATOR_TABLE_HEADER,
    defaultRows: INDICATOR_DEFAULT_ROWS,
    columns: [
      { key: "level1", label: "一级指标", kind: "text", role: "input" },
      { key: "level2", label: "二级指标", kind: "text", role: "input" },
      { key: "name", label: "三级指标", kind: "text", role: "input" },
      { key: "target", label: "年度指标值", kind: "text", role: "input" },
      { key: "actual", label: "实际完成值", kind: "text", role: "input" },
      { key: "weight", label: "分值", kind: "amount", role: "input" },
      { key: "score", label: "得分", kind: "amount", role: "input" },
      { key: "deviation", label: "偏差原因分析及改进措施", kind: "text", role: "input" },
      { key: "band", label: "评价档次（定性指标）", kind: "text", role: "input" },
      { key: "completion", label: "完成率", kind: "rate", role: "computed" },
      { key: "suggestedScore", label: "建议得分", kind: "amount", role: "computed" },
    ],
  }),
  evalAmount({
    key: "eval.weightTotal",
    label: "分值合计",
    name: "自评_分值合计",
    address: `F${afterIndicators(1)}`,
    role: "computed",
  }),
  evalAmount({
    key: "eval.total",
    label: "总分",
    name: "自评_总分",
    address: `G${afterIndicators(1)}`,
    role: "computed",
  }),
  evalText({
    key: "eval.grade",
    label: "绩效等次",
    name: "自评_等次",
    address: `I${afterIndicators(1)}`,
    role: "computed",
  }),
  evalText({ key: "eval.preparer", label: "填表人", name: "自评_填表人", address: `B${afterIndicators(3)}` }),
  evalDate({ key: "eval.filledOn", label: "填报日期", name: "自评_填报日期", address: `D${afterIndicators(3)}` }),
  evalText({ key: "eval.phone", label: "联系电话", name: "自评_联系电话", address: `B${afterIndicators(4)}` }),
  evalText({ key: "eval.head", label: "单位负责人", name: "自评_单位负责人", address: `D${afterIndicators(4)}` }),

  // ── 报告文字 ──────────────────────────────────────────────────────────────────
  reportText({ key: "report.duties", label: "部门职责与机构设置", name: "报告_部门职责", address: "B3" }),
  reportText({ key: "report.achievements", label: "主要工作成效", name: "报告_工作成效", address: "B4" }),
  reportText({ key: "report.problems", label: "存在的问题及原因分析", name: "报告_存在问题", address: "B5" }),
  reportText({ key: "report.measures", label: "改进措施和有关建议", name: "报告_改进措施", address: "B6" }),
  reportText({ key: "report.publicity", label: "自评结果应用和公开情况", name: "报告_公开情况", address: "B7" }),

  // ── 报告文字: the review settings (since template 1.1.0) ─────────────────────────
  reportText({ key: "review.profile", label: "评分口径", name: "校验_评分口径", address: "B12" }),
  table("report", "review.acknowledgements", "已说明的提示", "校验_已说明的提示", {
    name: "已说明的提示",
    headerRow: 14,
    defaultRows: 5,
    optional: true,
    columns: [
      { key: "rule", label: "规则", kind: "text", role: "input" },
      { key: "reason", label: "说明", kind: "text", role: "input" },
      { key: "key", label: "位置", kind: "text", role: "input" },
    ],
  }),

  // ── 表式报告（岳阳）: what only the table form has (SPEC §11; since template 1.2.0) ──────────
  formText({ key: "form.budgetCode", label: "预算编码", name: "表式_预算编码", address: "B2" }),
  formText({ key: "form.method", label: "评价方式", name: "表式_评价方式", address: "D2" }),
  formText({ key: "form.evaluator", label: "评价机构", name: "表式_评价机构", address: "B3" }),
  formDate({ key: "form.reportDate", label: "报告日期", name: "表式_报告日期", address: "D3" }),
  formText({ key: "form.contact", label: "联系人", name: "表式_联系人", address: "B4" }),
  formText({ key: "form.contactPhone", label: "联络电话", name: "表式_联络电话", address: "D4" }),
  formText({ key: "form.filler", label: "填报人", name: "表式_填报人", address: "B5" }),
  formText({ key: "form.fillerPhone", label: "填报人联系电话", name: "表式_填报人电话", address: "D5" }),
  formAmount({ key: "form.score", label: "绩效自评综合得分（表式所填）", name: "表式_综合得分", address: "B6" }),
  formText({ key: "form.grade", label: "评价等次（表式所填）", name: "表式_评价等次", address: "D6" }),
  ...FORM_TABLES.map(({ key, label, name, columns }, i) =>
    table("form", `form.${key}` as const, label, `表式_${name}`, {
      name: `表式${name}`,
      headerRow: FORM_TABLE_ROWS[i]!.header,
      defaultRows: FORM_TABLE_ROWS[i]!.rows,
      optional: true,
      columns,
    }),
  ),
] as const satisfies readonly ContractEntry[];

type AnyEntry = (typeof CONTRACT)[number];
/** Every contract key, as a type: a typo fails to compile. */
export type ContractKey = AnyEntry["key"];
export type TableKey = Extract<AnyEntry, { shape: "table" }>["key"];
export type TripleKey = Extract<AnyEntry, { shape: "triple" }>["key"];
/**
 * A path to one value of the model: a key, a triple's cell ("basic.procurement.final") or a table
 * cell ("eval.indicators[3].score", rows counted from 1 as users do).
 */
export type ModelPath = ContractKey | `${TripleKey}.${TriplePart}` | `${TableKey}[${number}].${string}`;

const BY_KEY: ReadonlyMap<string, ContractEntry> = new Map(CONTRACT.map((entry) => [entry.key, entry]));

/** The entry of a key. */
export function entryOf<K extends ContractKey>(key: K): Extract<AnyEntry, { key: K }> {
  const entry = BY_KEY.get(key);
  if (!entry) throw new RangeError(`Unknown contract key: ${key}`); // only reachable through a cast
  return entry as Extract<AnyEntry, { key: K }>;
}

/** A key given as plain text (a path typed by a user, a model path of a finding): its entry or undefined. */
export function findEntry(key: string): ContractEntry | undefined {
  return BY_KEY.get(key);
}

export function hasKey(key: string): key is ContractKey {
  return BY_KEY.has(key);
}

/**
 * Rates of SPEC §4 that no cell shows but the report and the CLI quote: named here, beside the cells,
 * so a label is written once.
 */
export const DERIVED_LABELS = {
  "basic.threePublic.controlRate": "“三公经费”控制率",
  "basic.threePublic.changeRate": "“三公经费”变动率",
  "basic.publicFunds.controlRate": "公用经费控制率",
  "basic.procurement.executionRate": "政府采购执行率",
  "basic.budgetAdjustment.rate": "预算调整率",
} as const;
export type DerivedKey = keyof typeof DERIVED_LABELS;

/** The Chinese label of a key: "公务用车购置和维护经费". The one place a field is named. */
export function labelOf(key: ContractKey | DerivedKey): string {
  return key in DERIVED_LABELS ? DERIVED_LABELS[key as DerivedKey] : entryOf(key as ContractKey).label;
}

/** The label of a table's column: "分值". */
export function columnLabel(key: TableKey, column: string): string {
  const found = entryOf(key).table.columns.find((c) => c.key === column);
  if (!found) throw new RangeError(`Unknown column ${column} of ${key}`);
  return found.label;
}

/** "绩效指标第3行「高新技术企业数」": a table row as users count them (from 1), with its name when it has one. */
export function rowLabel(key: TableKey, index: number, name: string | null): string {
  return `${labelOf(key)}第${index + 1}行${name ? `「${name}」` : ""}`;
}

/** The entry a model path belongs to: "eval.indicators[3].score" → the 绩效指标 table. */
export function entryOfPath(path: string): ContractEntry | undefined {
  return CONTRACT.find((e) => path === e.key || path.startsWith(`${e.key}.`) || path.startsWith(`${e.key}[`));
}

/** "附件1 基础数据表!D5": where a key's cell sits in the installed template. */
export function locate(key: ContractKey): string {
  const entry = entryOf(key);
  return `${SHEETS[entry.sheet].name}!${entry.address}`;
}

/** 附件2's two splits of 全年预算数: by the nature of the income, and of the spending. */
export const INCOME_SPLIT = [
  "eval.funds.income.general",
  "eval.funds.income.governmentFund",
  "eval.funds.income.specialAccount",
  "eval.funds.income.other",
] as const satisfies readonly ContractKey[];
export const EXPENSE_SPLIT = [
  "eval.funds.expense.basic",
  "eval.funds.expense.project",
] as const satisfies readonly ContractKey[];

export const isTableEntry = (entry: ContractEntry): entry is TableEntry => entry.shape === "table";

/** The variable-row tables, and everything else (cells and triples: one defined name each). */
const ENTRIES: readonly ContractEntry[] = CONTRACT;
export const TABLE_ENTRIES: readonly TableEntry[] = ENTRIES.filter(isTableEntry);
export const NAMED_ENTRIES: ReadonlyArray<CellEntry | TripleEntry> = ENTRIES.filter(
  (entry): entry is CellEntry | TripleEntry => !isTableEntry(entry),
);
