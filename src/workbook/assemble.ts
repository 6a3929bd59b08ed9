/**
 * Reading a workbook into the model, whatever holds it: an adapter gives a WorkbookSource (cell values,
 * defined names, tables) and this builds the model through the contract. Defined names locate the cells
 * (so a moved layout still reads), tables by name (so rows users added are read too). Every problem
 * names its sheet and cell in Chinese.
 */
import { CONTRACT, SHEETS, type ContractEntry } from "../domain/contract";
import { describeModelIssues, formatPath } from "../domain/model-errors";
import { workbookModel, type WorkbookModel } from "../domain/model";
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

export interface WorkbookSource {
  hasSheet(name: string): boolean;
  /** A plain value: number, string, boolean, Date, null, or a CellError. */
  value(sheet: string, address: string): unknown;
  /** The first cell a defined name refers to; null when the name is missing or unreadable. */
  name(name: string): { sheet: string; start: string } | null;
  /** A table's range (header row included) and header texts; null when missing. */
  table(name: string): { sheet: string; range: string; headers: readonly string[] } | null;
}

/** Where a model path was read. */
export interface Located {
  readonly sheet: string;
  readonly address: string;
}

const REFERENCE = /^=?(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;

/** "'附件1 基础数据表'!$B$5:$D$5" → sheet and first cell. */
export function parseReference(reference: string): { sheet: string; start: string } | null {
  const match = REFERENCE.exec(reference.trim());
  if (!match) return null;
  return { sheet: (match[1] ?? match[2]!).replace(/''/g, "'"), start: `${match[3]}${match[4]}` };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
/** Excel's serial day 25569 is 1970-01-01 (day 1 is 1900-01-01, with the 1900 leap-year bug). */
const serialToDate = (serial: number) => new Date(Math.round((serial - 25569) * 86400000));
const isCellError = (value: unknown): value is CellError => typeof value === "object" && value !== null && "error" in value;

/** A cell's value as the model's JSON input for `kind`; strings stay strings so the schema can say what is wrong. */
function modelInput(raw: unknown, kind: string): unknown {
  if (raw === null || raw === undefined || raw === "") return null;
  if (isCellError(raw)) return raw;
  if (kind === "date") {
    if (raw instanceof Date) return isoDate(raw);
    if (typeof raw === "number") return isoDate(serialToDate(raw));
    return String(raw).trim();
  }
  if (kind === "text") return raw instanceof Date ? isoDate(raw) : String(raw);
  if (typeof raw === "boolean") return String(raw);
  return raw instanceof Date ? isoDate(raw) : raw;
}

const nextColumn = (column: string) => columnLetter(columnNumber(column) + 1);

/** Builds the model from `source`; throws WorkbookReadError with every problem found. */
export function assembleModel(source: WorkbookSource): WorkbookModel {
  return assembleWorkbook(source).model;
}

/** The model and where each of its paths was read ("basic.staff.actual" → 「附件1 基础数据表」C5). */
export function assembleWorkbook(source: WorkbookSource): { model: WorkbookModel; locations: ReadonlyMap<string, Located> } {
  const problems: string[] = [];
  for (const sheet of Object.values(SHEETS)) {
    if (!source.hasSheet(sheet.name)) problems.push(`缺少工作表「${sheet.name}」：请先在绩效自评助手中安装模板`);
  }
  if (problems.length > 0) throw new WorkbookReadError(problems);

  const input: Record<string, unknown> = {};
  const where = new Map<string, Located>();

  const readCell = (sheet: string, address: string, kind: string, path: string): unknown => {
    where.set(path, { sheet, address });
    if (!source.hasSheet(sheet)) {
      problems.push(`${path}：名称指向的工作表「${sheet}」不存在`);
      return null;
    }
    const value = modelInput(source.value(sheet, address), kind);
    if (isCellError(value)) {
      problems.push(`「${sheet}」${address}：单元格显示错误 ${value.error}`);
      return null;
    }
    return value;
  };

  for (const entry of CONTRACT) {
    if (entry.table) {
      setAt(input, entry.key, readTable(source, entry, where, problems));
      continue;
    }
    const location = source.name(entry.name) ?? { sheet: SHEETS[entry.sheet].name, start: entry.address.split(":")[0]! };
    if (entry.parts) {
      const { column, row } = splitAddress(location.start);
      const triple: Record<string, unknown> = {};
      let letter = column;
      for (const part of entry.parts) {
        triple[part.part] = readCell(location.sheet, `${letter}${row}`, entry.kind, `${entry.key}.${part.part}`);
        letter = nextColumn(letter);
      }
      setAt(input, entry.key, triple);
      continue;
    }
    setAt(input, entry.key, readCell(location.sheet, location.start, entry.kind, entry.key));
  }

  const parsed = workbookModel.safeParse(input);
  if (!parsed.success) {
    for (const line of describeModelIssues(parsed.error, input)) {
      const place = where.get(line.slice(0, line.search(/[（：]/)));
      problems.push(place ? `「${place.sheet}」${place.address}（${line}）` : line);
    }
  }
  if (problems.length > 0 || !parsed.success) throw new WorkbookReadError(problems);
  return { model: parsed.data, locations: where };
}

function readTable(source: WorkbookSource, entry: ContractEntry, where: Map<string, Located>, problems: string[]): unknown[] {
  const layout = entry.table!;
  const found = source.table(layout.name);
  if (!found) {
    if (layout.optional) return [];
    problems.push(`「${SHEETS[entry.sheet].name}」缺少表格「${layout.name}」：请重新安装模板`);
    return [];
  }
  const [start, end = start] = found.range.split(":") as [string, string?];
  const first = splitAddress(start);
  const lastRow = splitAddress(end!).row;
  const columnOf = new Map<string, string>();
  let letter = first.column;
  for (const header of found.headers) {
    const spec = layout.columns.find((c) => c.label === header);
    if (spec) columnOf.set(spec.key, letter);
    letter = nextColumn(letter);
  }
  const rows: unknown[] = [];
  for (let row = first.row + 1; row <= lastRow; row++) {
    const values: Record<string, unknown> = {};
    for (const spec of layout.columns) {
      const column = columnOf.get(spec.key);
      if (!column) continue;
      where.set(formatPath([...entry.key.split("."), rows.length, spec.key]), { sheet: found.sheet, address: `${column}${row}` });
      const value = modelInput(source.value(found.sheet, `${column}${row}`), spec.kind);
      if (isCellError(value)) {
        if (spec.role === "input") problems.push(`「${found.sheet}」${column}${row}：单元格显示错误 ${value.error}`);
        values[spec.key] = null;
        continue;
      }
      // A computed helper column that shows "" (IFERROR) is empty.
      values[spec.key] = spec.role === "computed" && value === "" ? null : value;
    }
    const hasInput = layout.columns.some((spec) => spec.role === "input" && values[spec.key] !== null && values[spec.key] !== undefined);
    if (hasInput) rows.push(values);
  }
  return rows;
}
