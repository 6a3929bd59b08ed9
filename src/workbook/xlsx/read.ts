/**
 * Reads a workbook back into the model through the contract: defined names locate the cells (so a moved
 * layout still reads), tables by name (so rows users added are read too). Every problem names its sheet
 * and cell in Chinese.
 */
import ExcelJS from "exceljs";
import { CONTRACT, SHEETS, type ContractEntry } from "../../domain/contract";
import { describeModelIssues, formatPath } from "../../domain/model-errors";
import { workbookModel, type WorkbookModel } from "../../domain/model";
import { columnLetter, columnNumber } from "../layout";
import { setAt } from "../model-paths";

export class WorkbookReadError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "WorkbookReadError";
  }
}

interface Located {
  readonly sheet: string;
  readonly address: string;
}

const REFERENCE = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;

function parseReference(reference: string): { sheet: string; start: string; end: string } | null {
  const match = REFERENCE.exec(reference);
  if (!match) return null;
  const sheet = (match[1] ?? match[2]!).replace(/''/g, "'");
  const start = `${match[3]}${match[4]}`;
  return { sheet, start, end: match[5] ? `${match[5]}${match[6]}` : start };
}

/** The plain value of a cell: formula results, rich text joined, errors as their text. */
export function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value !== "object") return value;
  if ("formula" in value || "sharedFormula" in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return { error: value.error };
  if ("text" in value) return (value as ExcelJS.CellHyperlinkValue).text;
  return null;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
/** Excel's serial day 1 is 1900-01-01 (with the 1900 leap-year bug), so day 25569 is 1970-01-01. */
const serialToDate = (serial: number) => new Date(Math.round((serial - 25569) * 86400000));

/** A cell's value as the model's JSON input for `kind`; strings stay strings so the schema can say what is wrong. */
function modelInput(raw: unknown, kind: string): unknown {
  if (raw === null || raw === "") return null;
  if (typeof raw === "object" && raw !== null && "error" in raw) return raw; // reported below
  if (kind === "date") {
    if (raw instanceof Date) return isoDate(raw);
    if (typeof raw === "number") return isoDate(serialToDate(raw));
    return String(raw).trim();
  }
  if (kind === "text") return raw instanceof Date ? isoDate(raw) : String(raw);
  if (typeof raw === "boolean") return String(raw);
  return raw instanceof Date ? isoDate(raw) : raw;
}

/** Reads a workbook (.xlsx bytes) into the model; throws WorkbookReadError with every problem found. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (error) {
    throw new WorkbookReadError([`不是有效的 .xlsx 工作簿（${(error as Error).message}）`]);
  }
  const problems: string[] = [];
  for (const sheet of Object.values(SHEETS)) {
    if (!wb.getWorksheet(sheet.name)) problems.push(`缺少工作表「${sheet.name}」：请先在绩效自评助手中安装模板`);
  }
  if (problems.length > 0) throw new WorkbookReadError(problems);

  const input: Record<string, unknown> = {};
  const where = new Map<string, Located>();

  const readCell = (sheet: string, address: string, kind: string, path: string): unknown => {
    const ws = wb.getWorksheet(sheet);
    where.set(path, { sheet, address });
    if (!ws) {
      problems.push(`${path}：名称指向的工作表「${sheet}」不存在`);
      return null;
    }
    const value = modelInput(plainValue(ws.getCell(address).value), kind);
    if (typeof value === "object" && value !== null && "error" in value) {
      problems.push(`「${sheet}」${address}：单元格显示错误 ${(value as { error: string }).error}`);
      return null;
    }
    return value;
  };

  for (const entry of CONTRACT) {
    if (entry.table) {
      setAt(input, entry.key, readTable(wb, entry, where, problems));
      continue;
    }
    const location = locate(wb, entry);
    if (entry.parts) {
      const triple: Record<string, unknown> = {};
      const [column] = [location.start.replace(/\d+$/, "")];
      const row = location.start.replace(/^[A-Z]+/, "");
      const columns = [column, nextColumn(column), nextColumn(nextColumn(column))];
      entry.parts.forEach((part, i) => (triple[part.part] = readCell(location.sheet, `${columns[i]}${row}`, entry.kind, `${entry.key}.${part.part}`)));
      setAt(input, entry.key, triple);
      continue;
    }
    setAt(input, entry.key, readCell(location.sheet, location.start, entry.kind, entry.key));
  }

  const parsed = workbookModel.safeParse(input);
  if (!parsed.success) {
    for (const line of describeModelIssues(parsed.error, input)) {
      const path = line.slice(0, line.search(/[（：]/));
      const place = where.get(path);
      problems.push(place ? `「${place.sheet}」${place.address}（${line}）` : line);
    }
  }
  if (problems.length > 0) throw new WorkbookReadError(problems);
  return parsed.data!;
}

const nextColumn = (column: string) => columnLetter(columnNumber(column) + 1);

/** The cell a key's defined name points at; the template's address when the name is missing. */
function locate(wb: ExcelJS.Workbook, entry: ContractEntry): { sheet: string; start: string } {
  const reference = wb.definedNames.getRanges(entry.name)?.ranges?.[0];
  const parsed = reference ? parseReference(reference) : null;
  if (parsed) return { sheet: parsed.sheet, start: parsed.start };
  return { sheet: SHEETS[entry.sheet].name, start: entry.address.split(":")[0]! };
}

function readTable(wb: ExcelJS.Workbook, entry: ContractEntry, where: Map<string, Located>, problems: string[]): unknown[] {
  const layout = entry.table!;
  const sheetName = SHEETS[entry.sheet].name;
  const ws = wb.getWorksheet(sheetName)!;
  const found = (ws as unknown as { getTable(name: string): { table: { tableRef: string; columns: Array<{ name: string }> } } | undefined }).getTable(layout.name);
  if (!found) {
    problems.push(`「${sheetName}」缺少表格「${layout.name}」：请重新安装模板`);
    return [];
  }
  const [start, end] = found.table.tableRef.split(":") as [string, string];
  const headerRow = Number(start.replace(/^[A-Z]+/, ""));
  const lastRow = Number(end.replace(/^[A-Z]+/, ""));
  let column = start.replace(/\d+$/, "");
  const columnOf = new Map<string, string>();
  for (const header of found.table.columns) {
    const spec = layout.columns.find((c) => c.label === header.name);
    if (spec) columnOf.set(spec.key, column);
    column = nextColumn(column);
  }
  const rows: unknown[] = [];
  for (let row = headerRow + 1; row <= lastRow; row++) {
    const values: Record<string, unknown> = {};
    for (const spec of layout.columns) {
      const letter = columnOf.get(spec.key);
      if (!letter) continue;
      const path = formatPath([...entry.key.split("."), rows.length, spec.key]);
      where.set(path, { sheet: sheetName, address: `${letter}${row}` });
      const value = modelInput(plainValue(ws.getCell(`${letter}${row}`).value), spec.kind);
      if (typeof value === "object" && value !== null && "error" in value) {
        if (spec.role === "input") problems.push(`「${sheetName}」${letter}${row}：单元格显示错误 ${(value as { error: string }).error}`);
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
