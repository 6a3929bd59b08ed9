/**
 * Reading a workbook into the model, whatever holds it: an adapter gives a WorkbookSource (cell values,
 * defined names, tables) and this builds the model through the contract. Defined names locate the cells
 * (so a moved layout still reads), tables by name (so rows users added are read too). Every problem
 * names its sheet and cell in Chinese.
 */
import { CONTRACT, SHEETS, type AnySheetId, type CellKind, type SomeEntry, type TableEntry } from "../domain/contract";
import { FORMULAS, HELPER_COLUMN_KEYS } from "../domain/template";
import { countProjects, projectEntries, projectPrefix, templateSheetName } from "../domain/projects/contract";
import { formulaOf, isHelperColumn } from "../domain/projects/template";
import type { CellFact, CellProblem, NameFallback } from "../domain/validation";
import { describeModelIssues, formatPath, parseModel } from "../domain/model-errors";
import type { WorkbookModel } from "../domain/model";
import { columnLetter, columnNumber, splitAddress } from "../domain/a1";
import { setAt } from "./model-paths";

export class WorkbookReadError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "WorkbookReadError";
  }
}

/** A cell that shows an Excel error (#DIV/0!, #NAME? …). */
export interface CellError {
  readonly error: string;
}

/** A table's range: header row, data rows and, when the table shows one, its total row (last). */
export interface TableFound {
  readonly sheet: string;
  readonly range: string;
  readonly headers: readonly string[];
  readonly totalsRow?: boolean;
}

export interface WorkbookSource {
  hasSheet(name: string): boolean;
  /** The first cell a defined name refers to; null when the name is missing or unreadable. */
  name(name: string): { sheet: string; start: string } | null;
  /**
   * A cell's value (number, string, boolean, Date, null, or a CellError) and formula ("=…", null for a
   * constant), in one lookup: finding the cell is the cost (a batch reads 800 a file).
   */
  lookup(sheet: string, address: string): { value: unknown; formula: string | null };
  /** A table's range (header row included) and header texts; null when missing. */
  table(name: string): TableFound | null;
}

/** Where a model path was read. */
export interface Located {
  readonly sheet: string;
  readonly address: string;
}

export { parseReference } from "../domain/a1";

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
/** Excel's serial day 25569 is 1970-01-01 (day 1 is 1900-01-01, with the 1900 leap-year bug). */
const serialToDate = (serial: number) => new Date(Math.round((serial - 25569) * 86400000));
/** A Date, from this realm or another (a worker's answers arrive through structured clone). */
const isDate = (value: unknown): value is Date =>
  typeof value === "object" && Object.prototype.toString.call(value) === "[object Date]";
const isCellError = (value: unknown): value is CellError =>
  typeof value === "object" && value !== null && "error" in value;

/** A cell's value as the model's JSON input for `kind`; strings stay strings so the schema can say what is wrong. */
function modelInput(raw: unknown, kind: string): unknown {
  if (raw === null || raw === undefined || raw === "") return null;
  if (isCellError(raw)) return raw;
  if (kind === "date") {
    if (isDate(raw)) return isoDate(raw);
    if (typeof raw === "number") return isoDate(serialToDate(raw));
    return String(raw).trim();
  }
  if (kind === "text") return isDate(raw) ? isoDate(raw) : String(raw);
  if (typeof raw === "boolean") return String(raw);
  return isDate(raw) ? isoDate(raw) : raw;
}

const nextColumn = (column: string) => columnLetter(columnNumber(column) + 1);

/** Builds the model from `source`; throws WorkbookReadError with every problem found. */
export function assembleModel(source: WorkbookSource): WorkbookModel {
  return assembleWorkbook(source).model;
}

export interface AssembledWorkbook {
  readonly model: WorkbookModel;
  /** Where each model path was read ("basic.staff.actual" → 「附件1 基础数据表」C5; rows from 1). */
  readonly locations: ReadonlyMap<string, Located>;
  /** Every cell read, as the workbook holds it (for the validator's checks of the cells themselves). */
  readonly cells: readonly CellFact[];
  /** Lenient reads only: cells of the wrong type, left empty in the model. */
  readonly problems: readonly CellProblem[];
  /**
   * Cells and triples whose defined name is missing or unusable (#REF!, a sheet that is gone): read where
   * the template puts them, and said (names.fallback).
   */
  readonly fallbacks: readonly NameFallback[];
}

/** Reading for a model: any problem throws. Reading for validation: a cell of the wrong type is a problem to report. */
export interface AssembleOptions {
  readonly lenient?: boolean;
}

// The helper columns (完成率, 建议得分) may hold their values: files written outside Excel do, and so does a
// workbook whose Excel could not resolve the JXZP functions. No formula is expected there.
const EXPECTED_FORMULAS = new Map(
  Object.entries(FORMULAS)
    .filter(([key]) => !HELPER_COLUMN_KEYS.has(key))
    .map(([key, formula]) => [key, `=${formula}`]),
);
const expectedFormula = (key: string) => {
  if (!key.startsWith("projects[")) return EXPECTED_FORMULAS.get(key) ?? null;
  const formula = isHelperColumn(key) ? undefined : formulaOf(key);
  return formula === undefined ? null : `=${formula}`;
};

/** The model, where each path was read, and the cells as found. */
export function assembleWorkbook(source: WorkbookSource, options: AssembleOptions = {}): AssembledWorkbook {
  const problems: string[] = [];
  for (const sheet of Object.values(SHEETS)) {
    if (!sheet.optional && !source.hasSheet(sheet.name))
      problems.push(`缺少工作表「${sheet.name}」：请先在绩效自评助手中安装模板`);
  }
  if (problems.length > 0) throw new WorkbookReadError(problems);

  const input: Record<string, unknown> = {};
  const { places, fallbacks } = namedPlaces(source);
  const reader: CellReader = {
    source,
    places,
    where: new Map(),
    cells: [],
    problems,
    lenient: options.lenient ?? false,
    rowsLeft: TABLE_ROWS_READ,
  };

  for (const entry of CONTRACT) setAt(input, entry.key, readEntry(reader, entry, CONTRACT));

  // 附件3: the project sheets the workbook has (slots 1, 2, … by their names and tables), each read by its own
  // entries into its own object of the model's projects list.
  const projects: Array<Record<string, unknown>> = [];
  const slots = countProjects({
    name: (name) => source.name(name) !== null,
    table: (name) => source.table(name) !== null,
  });
  for (let slot = 1; slot <= slots; slot++) {
    const entries = projectEntries(slot);
    const project: Record<string, unknown> = {};
    const prefix = `${projectPrefix(slot)}.`;
    fallbacks.push(...placeEntries(source, entries, places));
    for (const entry of entries) setAt(project, entry.key.slice(prefix.length), readEntry(reader, entry, entries));
    projects.push(project);
  }
  input.projects = projects;

  const cellProblems: CellProblem[] = [];
  let parsed = parseModel(input);
  if (!parsed.success) {
    const lines = describeModelIssues(parsed.error);
    parsed.error.issues.forEach((issue, i) => {
      const key = formatPath(issue.path);
      const line = lines[i]!;
      const place = reader.where.get(key);
      problems.push(place ? `「${place.sheet}」${place.address}（${line}）` : line);
      // "（编制数）：应为整数…" → "编制数：应为整数…"
      cellProblems.push({ key, message: line.slice(key.length).replace(/^（(.+?)）：/, "$1：") });
      setPath(input, issue.path, null);
    });
    if (reader.lenient) parsed = parseModel(input);
  }
  if (!parsed.success || (!reader.lenient && problems.length > 0)) throw new WorkbookReadError(problems);
  return { model: parsed.data, locations: reader.where, cells: reader.cells, problems: cellProblems, fallbacks };
}

/**
 * Where each cell and triple is: its defined name's first cell, or, when the name is missing or unusable
 * (#REF!, a sheet that is gone), the template's address — read there still, and said (`fallbacks`).
 */
function namedPlaces(source: WorkbookSource): {
  places: Map<string, { sheet: string; start: string }>;
  fallbacks: NameFallback[];
} {
  const places = new Map<string, { sheet: string; start: string }>();
  return { places, fallbacks: placeEntries(source, CONTRACT, places) };
}

/** Places `entries`' cells and triples (namedPlaces); returns those read where the template puts them. */
function placeEntries(
  source: WorkbookSource,
  entries: readonly SomeEntry[],
  places: Map<string, { sheet: string; start: string }>,
): NameFallback[] {
  const fallbacks: NameFallback[] = [];
  for (const entry of entries) {
    if (entry.table) continue;
    const named = source.name(entry.name);
    if (named && source.hasSheet(named.sheet)) {
      places.set(entry.key, named);
      continue;
    }
    const { key, name, label, address } = entry;
    const sheet = templateSheetName(entry);
    // A sheet a later template version added (表式报告), absent from an older workbook: read as empty.
    if (entry.sheet !== "project" && SHEETS[entry.sheet].optional && !source.hasSheet(sheet)) continue;
    places.set(key, { sheet, start: address.split(":")[0]! });
    fallbacks.push({ key, name, label, sheet, address });
  }
  return fallbacks;
}

/** One entry's value as the model's input: a cell, a triple or a table (`siblings`: the entries of its sheet). */
function readEntry(reader: CellReader, entry: SomeEntry, siblings: readonly SomeEntry[]): unknown {
  if (entry.table) return readTable(reader, entry, siblings);
  const location = reader.places.get(entry.key);
  if (!location) return entry.parts ? {} : null; // on a sheet the workbook does not have yet (placeEntries)
  const kind = entry.kind as Exclude<CellKind, "table">;
  if (entry.parts) {
    const { column, row } = splitAddress(location.start);
    const triple: Record<string, unknown> = {};
    let letter = column;
    for (const part of entry.parts) {
      triple[part.part] = readCell(reader, location.sheet, `${letter}${row}`, `${entry.key}.${part.part}`, {
        kind,
        role: entry.role,
        expectedFormula: null,
      });
      letter = nextColumn(letter);
    }
    return triple;
  }
  return readCell(reader, location.sheet, location.start, entry.key, {
    kind,
    role: entry.role,
    expectedFormula: expectedFormula(entry.key),
  });
}

interface CellReader {
  readonly source: WorkbookSource;
  /** Each cell's and triple's place, by key (namedPlaces, then each project's). */
  readonly places: Map<string, { sheet: string; start: string }>;
  readonly where: Map<string, Located>;
  readonly cells: CellFact[];
  readonly problems: string[];
  readonly lenient: boolean;
  /** Table rows this workbook may still have read (TABLE_ROWS_READ in all): hostile files declare many tables. */
  rowsLeft: number;
}

/**
 * Table rows read from one workbook, all tables together: far beyond any department's (a few hundred), and a
 * bound on a file that declares 200 project tables of 20,000 rows each.
 */
export const TABLE_ROWS_READ = 40_000;

/** What the contract says of a cell: the CellFact without what the workbook holds. */
type CellSpec = Omit<CellFact, "key" | "value" | "formula">;

/**
 * One cell: recorded with its location and as found; an error value is a problem (or, leniently, a
 * fact the validator reports).
 */
function readCell(reader: CellReader, sheet: string, address: string, key: string, spec: CellSpec): unknown {
  reader.where.set(key, { sheet, address });
  if (!reader.source.hasSheet(sheet)) {
    reader.problems.push(`${key}：名称指向的工作表「${sheet}」不存在`);
    return null;
  }
  const found = reader.source.lookup(sheet, address);
  const raw = found.value;
  reader.cells.push({
    key,
    kind: spec.kind,
    role: spec.role,
    expectedFormula: spec.expectedFormula,
    value: raw ?? null,
    formula: found.formula,
  });
  const value = modelInput(raw, spec.kind);
  if (isCellError(value)) {
    if (!reader.lenient && spec.role === "input")
      reader.problems.push(`「${sheet}」${address}：单元格显示错误 ${value.error}`);
    return null;
  }
  // A computed cell that shows "" (IFERROR), or an amount formula that shows 不适用 (a 0 denominator), is empty.
  return spec.role === "computed" && (value === "" || (spec.kind === "amount" && value === "不适用")) ? null : value;
}

/** Rows of a table whose paths are kept (rowPaths); a longer table builds the rest as it reads them. */
const ROW_PATHS_KEPT = 1000;
const rowPathsByTable = new Map<string, string[][]>();

/**
 * The model paths of a table row's cells ("eval.indicators[3].score"), by column, built once: every workbook
 * of a batch reads the same rows, and a path used before is hashed already when it keys `locations`.
 */
function rowPaths(entry: TableEntry<string, AnySheetId>, index: number): readonly string[] {
  const build = () => entry.table.columns.map((spec) => formatPath([...entry.key.split("."), index, spec.key]));
  if (index >= ROW_PATHS_KEPT) return build();
  let rows = rowPathsByTable.get(entry.key);
  if (!rows) rowPathsByTable.set(entry.key, (rows = []));
  return (rows[index] ??= build());
}

function setPath(root: unknown, path: ReadonlyArray<PropertyKey>, value: unknown): void {
  let current = root as Record<PropertyKey, unknown>;
  for (const part of path.slice(0, -1)) {
    if (current[part] === null || typeof current[part] !== "object") return;
    current = current[part] as Record<PropertyKey, unknown>;
  }
  if (path.length > 0) current[path[path.length - 1]!] = value;
}

/** Excel's last row: a declared range beyond it is not a range Excel could have written. */
export const EXCEL_MAX_ROWS = 1_048_576;
/** Excel's last column, XFD. */
const EXCEL_MAX_COLUMNS = 16_384;

/**
 * The rows a table really has, from its declared range: never beyond Excel's last row, and ending
 * above the first cell the contract reads on its own (总分, 填表人 …) below the header within the
 * table's columns — a footer or a total row is not data, whatever the range says. A source that knows
 * its sheets (the .xlsx reader) has already cut the range at the sheet's last row. Null when the range
 * is not a range.
 */
function tableRows(
  reader: CellReader,
  entry: TableEntry<string, AnySheetId>,
  found: TableFound,
  siblings: readonly SomeEntry[],
): { first: { column: string; row: number }; lastRow: number; width: number } | null {
  const [start, end = start] = found.range.trim().split(":") as [string, string?];
  const cell = /^\$?([A-Z]{1,3})\$?(\d{1,15})$/;
  const [a, b] = [cell.exec(start), cell.exec(end!)];
  if (!a || !b) return null;
  const first = { column: a[1]!, row: Number(a[2]) };
  const firstColumn = columnNumber(first.column);
  const lastColumn = columnNumber(b[1]!);
  if (first.row < 1 || first.row > EXCEL_MAX_ROWS || firstColumn > EXCEL_MAX_COLUMNS) return null;
  let lastRow = Math.min(Number(b[2]), EXCEL_MAX_ROWS);
  if (found.totalsRow && Number(b[2]) <= EXCEL_MAX_ROWS) lastRow -= 1; // a 汇总行 is not data
  for (const other of siblings) {
    if (other.table || other.sheet !== entry.sheet) continue;
    const location = reader.places.get(other.key);
    if (!location) continue;
    const at = cell.exec(location.start);
    if (!at || location.sheet !== found.sheet) continue;
    const [row, column] = [Number(at[2]), columnNumber(at[1]!)];
    const columns = other.parts?.length ?? 1;
    if (row > first.row && row <= lastRow && column <= lastColumn && column + columns - 1 >= firstColumn)
      lastRow = row - 1;
  }
  return { first, lastRow, width: Math.min(lastColumn, EXCEL_MAX_COLUMNS) - firstColumn + 1 };
}

function readTable(
  reader: CellReader,
  entry: TableEntry<string, AnySheetId>,
  siblings: readonly SomeEntry[],
): unknown[] {
  const layout = entry.table;
  const found = reader.source.table(layout.name);
  if (!found) {
    if (layout.optional) return [];
    reader.problems.push(`「${templateSheetName(entry)}」缺少表格「${layout.name}」：请重新安装模板`);
    return [];
  }
  const bounds = tableRows(reader, entry, found, siblings);
  if (!bounds) {
    reader.problems.push(
      `「${found.sheet}」表格「${layout.name}」的区域「${found.range.slice(0, 40)}」无效：请重新安装模板`,
    );
    return [];
  }
  const { first, lastRow } = bounds;
  const columnOf = new Map<string, string>();
  let letter = first.column;
  // Headers beyond the range's columns are not the table's (a hostile file may list thousands).
  for (const header of found.headers.slice(0, bounds.width)) {
    const spec = layout.columns.find((c) => c.label === header);
    if (spec && !columnOf.has(spec.key)) columnOf.set(spec.key, letter);
    letter = nextColumn(letter);
  }
  // What each column found says of its cells, worked out once for all rows.
  const columns = layout.columns.flatMap((spec, index) => {
    const column = columnOf.get(spec.key);
    if (!column) return [];
    const cell = { kind: spec.kind, role: spec.role, expectedFormula: expectedFormula(`${entry.key}.${spec.key}`) };
    return [{ key: spec.key, index, column, cell }];
  });
  const rows: unknown[] = [];
  const end = Math.min(lastRow, first.row + reader.rowsLeft);
  if (end < lastRow)
    reader.problems.push(
      `「${found.sheet}」表格「${layout.name}」读到第 ${end} 行为止：全部表格合计超过 ${TABLE_ROWS_READ} 行，其余未读取`,
    );
  reader.rowsLeft -= Math.max(0, end - first.row);
  for (let row = first.row + 1; row <= end; row++) {
    const values: Record<string, unknown> = {};
    const facts = reader.cells.length;
    const paths = rowPaths(entry, rows.length);
    for (const { key, index, column, cell } of columns) {
      values[key] = readCell(reader, found.sheet, `${column}${row}`, paths[index]!, cell);
    }
    const hasInput = layout.columns.some(
      (spec) => spec.role === "input" && values[spec.key] !== null && values[spec.key] !== undefined,
    );
    if (hasInput) rows.push(values);
    else reader.cells.length = facts; // a blank row is not part of the table's data
  }
  return rows;
}
