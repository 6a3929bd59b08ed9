/**
 * The attachment tables of the report (附件1, 附件2 and each project's 附件3) as the workbook lays them out:
 * the template's labels, merges and rows, with the model's values formatted as the sheets show them. A table
 * prints the rows the user filled, not the template's blank ones, and the 一级指标 (and, within one, 二级指标)
 * cells of an indicator table are merged over their rows as the official form shows. Rows with nothing in
 * them are left out. 总分 and 等次 are printed only where the narrative states them (facts.ts). Columns right
 * of the official ones (our helper columns) are left out; a value there joins the text of its row's last
 * official cell.
 */
import { columnLetter, columnNumber, splitAddress } from "../a1";
import type { Computation } from "../compute";
import { CONTRACT, TABLE_ENTRIES, type AnySheetId, type CellKind, type TableEntry } from "../contract";
import { formatAmount, formatPercent, toDec } from "../decimal";
import type { WorkbookModel } from "../model";
import { projectEntries } from "../projects/contract";
import { projectTemplateSheet } from "../projects/template";
import { evalKeyOf, sourceRates as projectSourceRates } from "../projects/view";
import { formatRate, NOT_APPLICABLE } from "../rates";
import { TEMPLATE_SHEETS, type CellStyle, type TemplateSheet } from "../template";
import { valueAtPath } from "../validation/paths";
import { holds, type FactContext } from "./facts";

export interface GridCell {
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly header: boolean;
  readonly align: "left" | "center" | "right";
}

export interface Grid {
  readonly title: string;
  readonly landscape: boolean;
  /** Relative column widths (the workbook's, in characters). */
  readonly widths: readonly number[];
  /** Rows of cells; null where a merged cell covers the position. */
  readonly rows: ReadonlyArray<ReadonlyArray<GridCell | null>>;
  /**
   * Rows kept on one page with the row after them: a table's caption and header with its first row, its
   * last row with what follows (附件2's 总分 never stands alone on a page).
   */
  readonly keepWithNext: readonly boolean[];
}

/** Official columns of each attachment: 附件1 A:D, 附件2 and 附件3 A:H (I:K are our helper columns). */
const OFFICIAL_COLUMNS: Readonly<Record<AnySheetId, number>> = { basic: 4, eval: 8, project: 8, report: 0, form: 0 };

/** Columns of an indicator table merged over equal neighbours, each within the runs of the one before (一级, 二级). */
const MERGED_COLUMNS: readonly string[] = ["level1", "level2"];
const isIndicatorTable = (key: string) => key === "eval.indicators" || /^projects\[\d+\]\.indicators$/.test(key);

/**
 * 等次 as the report may print it: the grade where every indicator is scored and 执行率 scored, marked
 * 暂定 where 执行率 could not be, nothing while scores are missing (the narrative says the same).
 */
function gradeText(grade: string, context: FactContext): string {
  if (holds("resultFinal", context)) return grade;
  return holds("resultProvisional", context) ? `${grade}（暂定）` : "";
}

/** 总分 as the report may print it: stated with its grade (暂定 alike), nothing while scores are missing. */
function totalText(total: string, context: FactContext): string {
  if (holds("resultFinal", context)) return total;
  return holds("resultProvisional", context) ? `${total}（暂定）` : "";
}

export const caption = (text: string, year: number | null) =>
  text
    .replace(/\{N-1\}/g, year === null ? "上" : String(year - 1))
    .replace(/\{N\}/g, year === null ? "本" : String(year));

/** A value as the sheet shows it. */
export function cellText(value: unknown, kind: Exclude<CellKind, "table">): string {
  if (value === null || value === undefined) return "";
  if (kind === "amount") return formatAmount(toDec(value)!);
  if (kind === "rate") return typeof value === "string" ? value : formatPercent(toDec(value)!);
  return String(value);
}

/**
 * A computed cell as the report prints it, from the computation of its table (附件2's, or the project's seen
 * as 附件2): rates as 82.05% or 不适用, 总分 and 等次 only where the narrative states them.
 */
function computedText(evalKey: string, context: FactContext): string | undefined {
  const value = context.computation.values.find((v) => v.key === evalKey);
  if (!value) return undefined;
  if (value.type === "rate") return formatRate(value.rate);
  if (value.type === "text") return evalKey === "eval.grade" ? gradeText(value.text, context) : value.text;
  if (!value.amount) return "";
  const amount = formatAmount(value.amount);
  return evalKey === "eval.total" ? totalText(amount, context) : amount;
}

interface Placed {
  text: string;
  style: CellStyle | "value";
  /** Numbers align right, as in the sheets. */
  numeric?: boolean;
  /** A single cell's value (not a table row's), which may join its row's last official cell. */
  single?: boolean;
}

type Row = Readonly<Record<string, unknown>>;

const blank = (value: unknown) => value === null || value === undefined || String(value).trim() === "";

/** The rows of a table the user filled: any input cell typed. */
function filledRows(entry: TableEntry<string, AnySheetId>, model: WorkbookModel): Row[] {
  const rows = (valueAtPath(model, entry.key) as Row[] | undefined) ?? [];
  const inputs = entry.table.columns.filter((c) => c.role === "input");
  return rows.filter((row) => inputs.some((c) => !blank(row[c.key])));
}

/**
 * Template rows → printed rows, each table holding exactly its filled rows: the rows below a table move up
 * or down by the difference from the template's blank rows.
 */
function printLayout(tables: ReadonlyArray<{ entry: TableEntry<string, AnySheetId>; rows: readonly Row[] }>) {
  const shifts = tables.map(({ entry, rows }) => ({
    end: entry.table.headerRow + entry.table.defaultRows,
    shift: rows.length - entry.table.defaultRows,
  }));
  const row = (templateRow: number) => shifts.reduce((r, t) => (templateRow > t.end ? r + t.shift : r), templateRow);
  const cell = (address: string) => {
    const { column, row: r } = splitAddress(address);
    return `${column}${row(r)}`;
  };
  return { row, cell, range: (range: string) => range.split(":").map(cell).join(":") };
}

/** A value of a single cell (not a table's) at its template address, as the sheet shows it. */
interface SingleValue {
  readonly address: string;
  readonly text: string;
  readonly kind: CellKind;
}

/** What a sheet holds for the report: its template, its tables' filled rows and its single cells' values. */
interface SheetContent {
  readonly template: TemplateSheet<AnySheetId>;
  readonly year: number | null;
  readonly tables: ReadonlyArray<{ entry: TableEntry<string, AnySheetId>; rows: readonly Row[] }>;
  readonly singles: readonly SingleValue[];
}

/** The grid of a sheet: the template's labels and merges with the values, moved as the tables' rows need. */
function sheetGrid({ template, year, tables, singles }: SheetContent): Grid {
  const layout = printLayout(tables);
  const placed = new Map<string, Placed>();
  const put = (address: string, text: string, style: Placed["style"], kind?: CellKind, single = false) =>
    placed.set(address, { text, style, single, numeric: kind === "amount" || kind === "integer" || kind === "rate" });
  let title = "";

  for (const cell of template.cells) {
    const text = cell.caption ? caption(cell.caption, year) : (cell.value ?? "");
    if (cell.style === "title") title = text;
    else put(layout.cell(cell.address), text, cell.style);
  }
  const merges: string[] = template.merges.map(layout.range);
  /** Printed rows of each table: header row, first and last data row. */
  const bodies: Array<{ header: number; first: number; last: number }> = [];
  for (const { entry, rows } of tables) {
    const header = layout.row(entry.table.headerRow);
    entry.table.columns.forEach((column) => put(`${column.column}${header}`, column.label, "header"));
    rows.forEach((row, i) =>
      entry.table.columns.forEach((column) =>
        put(`${column.column}${header + 1 + i}`, cellText(row[column.key], column.kind), "value", column.kind),
      ),
    );
    bodies.push({ header, first: header + 1, last: header + rows.length });
    // Equal neighbours merged, each column within the runs of the one before it.
    let runs: Array<[number, number]> = [[0, rows.length - 1]];
    for (const key of isIndicatorTable(entry.key) ? MERGED_COLUMNS : []) {
      const letter = entry.table.columns.find((c) => c.key === key)!.column;
      const next: Array<[number, number]> = [];
      for (const [from, to] of runs) {
        let start = from;
        for (let i = from + 1; i <= to + 1; i++) {
          const same = i <= to && !blank(rows[i]![key]) && rows[i]![key] === rows[start]![key];
          if (same) continue;
          if (!blank(rows[start]![key])) {
            next.push([start, i - 1]);
            if (i - 1 > start) merges.push(`${letter}${header + 1 + start}:${letter}${header + i}`);
          }
          start = i;
        }
      }
      runs = next;
    }
  }
  for (const single of singles) put(layout.cell(single.address), single.text, "value", single.kind, true);

  const columns = OFFICIAL_COLUMNS[template.id];
  const spans = new Map<string, { colSpan: number; rowSpan: number }>();
  const covered = new Set<string>();
  for (const merge of merges) {
    const [from, to] = merge.split(":") as [string, string];
    const a = splitAddress(from);
    const b = splitAddress(to);
    const lastColumn = Math.min(columnNumber(b.column), columns);
    spans.set(from, { colSpan: lastColumn - columnNumber(a.column) + 1, rowSpan: b.row - a.row + 1 });
    for (let r = a.row; r <= b.row; r++)
      for (let c = columnNumber(a.column); c <= lastColumn; c++)
        if (r !== a.row || c !== columnNumber(a.column)) covered.add(`${columnLetter(c)}${r}`);
  }

  // One pass over the placed cells (no spread of them into Math.max, no scan per row): the last row, and the
  // single values right of the official columns by row.
  let lastRow = 0;
  const beyondByRow = new Map<number, string[]>();
  for (const [address, cell] of placed) {
    const { column, row } = splitAddress(address);
    if (row > lastRow) lastRow = row;
    if (columnNumber(column) > columns && cell.single && cell.text !== "") {
      const texts = beyondByRow.get(row);
      if (texts) texts.push(cell.text);
      else beyondByRow.set(row, [cell.text]);
    }
  }
  const headerRows = new Set(bodies.map((b) => b.header));
  const lastRows = new Set(bodies.filter((b) => b.last >= b.first).map((b) => b.last));
  const sectionRows = new Set(bodies.map((b) => b.header - 1));
  const rows: Array<Array<GridCell | null>> = [];
  const keepWithNext: boolean[] = [];
  for (let r = 2; r <= lastRow; r++) {
    const row: Array<GridCell | null> = [];
    for (let c = 1; c <= columns; c++) {
      const address = `${columnLetter(c)}${r}`;
      if (covered.has(address)) {
        row.push(null);
        continue;
      }
      const cell = placed.get(address);
      let text = cell?.text ?? "";
      if (c === columns) {
        // Values right of the official columns (e.g. 等次 beside its label) join the last cell's text.
        const beyond = beyondByRow.get(r);
        if (beyond && text !== "") text = `${text}：${beyond.join(" ")}`;
      }
      const span = spans.get(address) ?? { colSpan: 1, rowSpan: 1 };
      const header = cell?.style === "header" || cell?.style === "section";
      // Numbers align right; the form's marks in computed positions (附件3's "—" where a row has no 分值 or
      // 得分) and a rate's 不适用 are centred in their column.
      const align =
        header || cell?.style === "computed" || (cell?.numeric && text === NOT_APPLICABLE)
          ? "center"
          : cell?.numeric && /^-?[\d.,]+%?$/.test(text)
            ? "right"
            : "left";
      row.push({ text, ...span, header, align });
    }
    // A row with nothing in it and no merge across it (the template's spacer rows) is left out.
    if (row.every((cell) => cell !== null && cell.text === "" && cell.rowSpan === 1)) continue;
    const sectionAbove = sectionRows.has(r) && placed.get(`A${r}`)?.style === "section";
    const lastBody = bodies[bodies.length - 1];
    keepWithNext.push(
      sectionAbove || headerRows.has(r) || lastRows.has(r) || (lastBody !== undefined && r > lastBody.last),
    );
    rows.push(row);
  }
  if (keepWithNext.length > 0) keepWithNext[keepWithNext.length - 1] = false;
  return { title, landscape: template.landscape, widths: template.columnWidths.slice(0, columns), rows, keepWithNext };
}

/** 附件1 or 附件2 as the report prints it. */
export function attachmentGrid(sheetId: "basic" | "eval", model: WorkbookModel, computation: Computation): Grid {
  const template = TEMPLATE_SHEETS.find((s) => s.id === sheetId)!;
  const year = (sheetId === "basic" ? model.basic.year : model.eval.year) ?? model.basic.year ?? model.eval.year;
  const context: FactContext = { model, computation };
  const singles: SingleValue[] = [];
  for (const entry of CONTRACT.filter((e) => e.sheet === sheetId)) {
    if (entry.table) continue;
    const kind = entry.kind;
    if (entry.parts) {
      for (const part of entry.parts)
        singles.push({
          address: part.address,
          text: cellText(valueAtPath(model, `${entry.key}.${part.part}`), kind),
          kind,
        });
      continue;
    }
    const text = computedText(entry.key, context) ?? cellText(valueAtPath(model, entry.key), kind);
    singles.push({ address: entry.address, text, kind });
  }
  const tables = TABLE_ENTRIES.filter((e) => e.sheet === sheetId).map((entry) => ({
    entry,
    rows: filledRows(entry, model),
  }));
  return sheetGrid({ template, year, tables, singles });
}

/**
 * Project `index`'s (from 0) 附件3 项目支出绩效自评表 as the report prints it, from its template sheet
 * (projectTemplateSheet) and contract (projectEntries). `context` is the project seen as 附件2 with its
 * computation (facts.ts projectFactContext): 执行率, 执行率得分, 分值合计, 总分 and 等次 come from there, each
 * source's 执行率 from the one rate definition (rates.ts ratio), as the sheet's formulas give them.
 */
export function projectGrid(model: WorkbookModel, index: number, context: FactContext): Grid {
  const slot = index + 1;
  const project = model.projects[index]!;
  const sourceRates = new Map(projectSourceRates(model, index).map((v) => [v.key, formatRate(v.rate)] as const));
  const singles: SingleValue[] = [];
  const tables: Array<{ entry: TableEntry<string, AnySheetId>; rows: Row[] }> = [];
  for (const entry of projectEntries(slot)) {
    if (entry.shape === "table") {
      tables.push({ entry, rows: filledRows(entry, model) });
      continue;
    }
    const mapped = entry.role === "computed" ? evalKeyOf(entry.key) : null;
    const text =
      sourceRates.get(entry.key) ??
      (mapped ? computedText(mapped.evalKey, context) : undefined) ??
      cellText(valueAtPath(model, entry.key), entry.kind);
    singles.push({ address: entry.address, text, kind: entry.kind });
  }
  const year = project.year ?? model.eval.year ?? model.basic.year;
  return sheetGrid({ template: projectTemplateSheet(slot), year, tables, singles });
}
