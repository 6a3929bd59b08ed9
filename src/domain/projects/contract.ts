/**
 * The contract of 附件3 项目支出绩效自评表 (SPEC §10): one sheet per key project, any number of them. Project n
 * (from 1, in the workbook's order) lives on the sheet 「附件3-n 项目支出绩效自评表」; its keys are its paths in
 * the JSON model, `projects[n].funds.executed`; its defined names carry the slot, 项目n_全年执行数, and its
 * indicator table is 项目n_绩效指标. A key names "the n-th project table's 全年执行数" and nothing else: like a
 * table row, removing project 2 of 3 makes the third the second, and its keys follow.
 *
 * The fields it shares with 附件2 (funds, goal, indicators, weightTotal, total, grade) have 附件2's keys
 * and labels, so 附件2's formulas and rules serve a project unchanged (projects/view.ts).
 */
import {
  entryOf,
  SHEETS,
  type SomeEntry,
  type CellKind,
  type CellEntry,
  type ProjectEntry,
  type Role,
  type TableEntry,
  type TableLayout,
} from "../contract";

/** At most this many project tables in one workbook (a department reports a handful; a bound for hostile files). */
export const MAX_PROJECTS = 200;

/** The base of every project sheet's name, and the attachment's name in the report. */
export const PROJECT_SHEET_TITLE = "项目支出绩效自评表";

/** 「附件3-2 项目支出绩效自评表」: the sheet of project `slot`. */
export const projectSheetName = (slot: number) => `附件3-${slot} ${PROJECT_SHEET_TITLE}`;

/** "projects[2]": the model path of project `slot`. */
export const projectPrefix = (slot: number) => `projects[${slot}]`;

/** "项目2_": the defined names of project `slot` begin with this. */
export const projectNamePrefix = (slot: number) => `项目${slot}_`;

/** The defined name by which a project's sheet is found (its 项目名称 cell). */
export const projectAnchorName = (slot: number) => `${projectNamePrefix(slot)}项目名称`;

/** The indicator table of project `slot`. */
export const projectTableName = (slot: number) => `${projectNamePrefix(slot)}绩效指标`;

/** "projects[2].funds.executed" → { slot: 2, relative: "funds.executed" }; null for a path outside the projects. */
export function parseProjectPath(path: string): { slot: number; relative: string } | null {
  const match = /^projects\[(\d{1,4})\](?:\.(.+))?$/.exec(path);
  if (!match) return null;
  const slot = Number(match[1]);
  return slot >= 1 ? { slot, relative: match[2] ?? "" } : null;
}

/** The rows of the 项目资金 block below 年度资金总额, by their model key. */
export const FUND_SOURCES = [
  { key: "current", label: "当年财政拨款", row: 6 },
  { key: "carryover", label: "上年结转资金", row: 7 },
  { key: "other", label: "其他资金", row: 8 },
] as const;
export type FundSource = (typeof FUND_SOURCES)[number]["key"];

/** The amount columns of the 项目资金 block, shared by its four rows. */
export const FUND_COLUMNS = [
  { key: "initialBudget", label: "年初预算数", column: "C" },
  { key: "fullYearBudget", label: "全年预算数", column: "D" },
  { key: "executed", label: "全年执行数", column: "E" },
] as const;

/** The indicator table's header row and blank rows on a new project sheet. */
export const PROJECT_INDICATOR_HEADER = 12;
export const PROJECT_INDICATOR_ROWS = 10;
/** The row `offset` rows below the indicator table as installed. */
export const afterProjectIndicators = (offset: number) => PROJECT_INDICATOR_HEADER + PROJECT_INDICATOR_ROWS + offset;

/** A project cell before it is placed in a slot: the key relative to projects[n], the name without 项目n_. */
interface RelativeCell {
  readonly key: string;
  readonly label: string;
  readonly name: string;
  readonly address: string;
  readonly kind: Exclude<CellKind, "table">;
  readonly role?: Role;
}

const EVAL_INDICATORS = entryOf("eval.indicators");

/** Every cell of a project sheet, in reading order, relative to its slot. */
const RELATIVE_CELLS: readonly RelativeCell[] = [
  { key: "name", label: "项目名称", name: "项目名称", address: "B2", kind: "text" },
  { key: "year", label: "年度", name: "年度", address: "H2", kind: "integer" },
  { key: "department", label: "主管部门", name: "主管部门", address: "B3", kind: "text" },
  { key: "implementer", label: "实施单位", name: "实施单位", address: "H3", kind: "text" },
  // The 年度资金总额 row: 附件2's funds block, with 附件2's keys and labels.
  ...FUND_COLUMNS.map((c) => ({
    key: `funds.${c.key}`,
    label: c.label,
    name: c.label,
    address: `${c.column}5`,
    kind: "amount" as const,
  })),
  { key: "funds.weight", label: "执行率分值", name: "执行率分值", address: "F5", kind: "amount" },
  { key: "funds.executionRate", label: "预算执行率", name: "执行率", address: "G5", kind: "rate", role: "computed" },
  { key: "funds.score", label: "执行率得分", name: "执行率得分", address: "H5", kind: "amount", role: "computed" },
  ...FUND_SOURCES.flatMap((source): RelativeCell[] => [
    ...FUND_COLUMNS.map((c) => ({
      key: `funds.${source.key}.${c.key}`,
      label: `${source.label}·${c.label}`,
      name: `${source.label}_${c.label}`,
      address: `${c.column}${source.row}`,
      kind: "amount" as const,
    })),
    {
      key: `funds.${source.key}.executionRate`,
      label: `${source.label}·执行率`,
      name: `${source.label}_执行率`,
      address: `G${source.row}`,
      kind: "rate",
      role: "computed",
    },
  ]),
  { key: "goal.expected", label: "年度总体目标·预期目标", name: "预期目标", address: "B10", kind: "text" },
  { key: "goal.actual", label: "年度总体目标·实际完成情况", name: "实际完成情况", address: "F10", kind: "text" },
];

const RELATIVE_FOOTER: readonly RelativeCell[] = [
  {
    key: "weightTotal",
    label: "分值合计",
    name: "分值合计",
    address: `F${afterProjectIndicators(1)}`,
    kind: "amount",
    role: "computed",
  },
  {
    key: "total",
    label: "总分",
    name: "总分",
    address: `G${afterProjectIndicators(1)}`,
    kind: "amount",
    role: "computed",
  },
  {
    key: "grade",
    label: "自评等次",
    name: "等次",
    address: `I${afterProjectIndicators(1)}`,
    kind: "text",
    role: "computed",
  },
];

function placeCell(slot: number, cell: RelativeCell): CellEntry<string, "project"> {
  return {
    shape: "cell",
    sheet: "project",
    slot,
    key: `${projectPrefix(slot)}.${cell.key}`,
    label: cell.label,
    name: `${projectNamePrefix(slot)}${cell.name}`,
    address: cell.address,
    kind: cell.kind,
    role: cell.role ?? "input",
  };
}

function indicatorTable(slot: number): TableEntry<string, "project"> {
  const table: TableLayout = {
    name: projectTableName(slot),
    headerRow: PROJECT_INDICATOR_HEADER,
    defaultRows: PROJECT_INDICATOR_ROWS,
    columns: EVAL_INDICATORS.table.columns,
  };
  const last = table.columns[table.columns.length - 1]!.column;
  return {
    shape: "table",
    sheet: "project",
    slot,
    key: `${projectPrefix(slot)}.indicators`,
    label: EVAL_INDICATORS.label,
    name: projectTableName(slot),
    address: `A${table.headerRow}:${last}${table.headerRow + table.defaultRows}`,
    kind: "table",
    role: "input",
    table,
  };
}

/** The relative keys of a project sheet, for checks such as "does a project have this cell?". */
export const PROJECT_RELATIVE_KEYS: ReadonlySet<string> = new Set([
  ...RELATIVE_CELLS.map((c) => c.key),
  "indicators",
  ...RELATIVE_FOOTER.map((c) => c.key),
]);

const bySlot = new Map<number, readonly ProjectEntry[]>();

/** Every entry of project `slot`'s sheet, in reading order (built once per slot). */
export function projectEntries(slot: number): readonly ProjectEntry[] {
  if (!Number.isInteger(slot) || slot < 1 || slot > MAX_PROJECTS) throw new RangeError(`Not a project slot: ${slot}`);
  let entries = bySlot.get(slot);
  if (!entries) {
    entries = [
      ...RELATIVE_CELLS.map((cell) => placeCell(slot, cell)),
      indicatorTable(slot),
      ...RELATIVE_FOOTER.map((cell) => placeCell(slot, cell)),
    ];
    bySlot.set(slot, entries);
  }
  return entries;
}

/** The entry of a project path ("projects[2].funds.executed", or a row's "projects[2].indicators[3].score"). */
export function findProjectEntry(path: string): ProjectEntry | undefined {
  const parsed = parseProjectPath(path);
  if (!parsed || parsed.slot > MAX_PROJECTS) return undefined;
  const tableRow = /^([a-zA-Z.]+)\[\d+\]/.exec(parsed.relative);
  const relative = tableRow ? tableRow[1]! : parsed.relative;
  return projectEntries(parsed.slot).find((e) => e.key === `${projectPrefix(parsed.slot)}.${relative}`);
}

/**
 * How many project sheets a workbook has: slots 1, 2, … as long as one of the slot's anchors (its 项目名称
 * name or its indicator table) is there. Slots are contiguous: adding takes the next, removing renumbers.
 */
export function countProjects(has: { name(name: string): boolean; table(name: string): boolean }): number {
  let count = 0;
  while (count < MAX_PROJECTS && (has.name(projectAnchorName(count + 1)) || has.table(projectTableName(count + 1))))
    count += 1;
  return count;
}

/** 「项目「农业科技推广」（附件3-2）」: how findings and messages name a project. */
export function projectTitle(slot: number, name: string | null): string {
  return name ? `项目「${name}」（附件3-${slot}）` : `附件3-${slot} 项目`;
}

/** The sheet an entry sits on in the template: one of the three, or its project's 附件3-n. */
export const templateSheetName = (entry: SomeEntry): string =>
  entry.sheet === "project" ? projectSheetName(entry.slot!) : SHEETS[entry.sheet].name;
