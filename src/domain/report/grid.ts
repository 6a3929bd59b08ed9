/**
 * The attachment tables of the report (附件1, 附件2) as the workbook lays them out: the template's
 * labels, merges and rows, with the model's values formatted as the sheets show them. A table prints the
 * rows the user filled, not the template's blank ones, and 附件2's 一级指标 (and, within one, 二级指标)
 * cells are merged over their rows as the official form shows. Rows with nothing in them are left out.
 * 等次 is printed only where the narrative states one (facts.ts). Columns right of the official ones (our
 * helper columns) are left out; a value there joins the text of its row's last official cell.
 */
import { columnLetter, columnNumber, splitAddress } from "../a1";
import type { Computation } from "../compute";
import { CONTRACT, TABLE_ENTRIES, type CellKind, type SheetId } from "../contract";
import { formatAmount, formatPercent, toDec } from "../decimal";
import type { WorkbookModel } from "../model";
import { formatRate } from "../rates";
import { TEMPLATE_SHEETS, type CellStyle } from "../template";
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

/** Official columns of each attachment: 附件1 A:D, 附件2 A:H (I:K are our helper columns). */
const OFFICIAL_COLUMNS: Readonly<Record<"basic" | "eval", number>> = { basic: 4, eval: 8 };

/** Columns of a table merged over equal neighbours, each within the runs of the one before (一级, then 二级). */
const MERGED_COLUMNS: Readonly<Record<string, readonly string[]>> = { "eval.indicators": ["level1", "level2"] };

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
function filledRows(key: string, model: WorkbookModel): Row[] {
  const entry = TABLE_ENTRIES.find((e) => e.key === key)!;
  const rows = (valueAtPath(model, key) as Row[] | undefined) ?? [];
  const inputs = entry.table.columns.filter((c) => c.role === "input");
  return rows.filter((row) => inputs.some((c) => !blank(row[c.key])));
}

/**
 * Template rows → printed rows, each table holding exactly `counts` rows: the rows below a table move up
 * or down by the difference from the template's blank rows.
 */
function printLayout(sheet: SheetId, counts: Readonly<Record<string, number>>) {
  const tables = TABLE_ENTRIES.filter((e) => e.sheet === sheet).map((e) => ({
    end: e.table.headerRow + e.table.defaultRows,
    shift: (counts[e.key] ?? 0) - e.table.defaultRows,
  }));
  const row = (templateRow: number) => tables.reduce((r, t) => (templateRow > t.end ? r + t.shift : r), templateRow);
  const cell = (address: string) => {
    const { column, row: r } = splitAddress(address);
    return `${column}${row(r)}`;
  };
  return { row, cell, range: (range: string) => range.split(":").map(cell).join(":") };
}

export function attachmentGrid(sheetId: "basic" | "eval", model: WorkbookModel, computation: Computation): Grid {
  const template = TEMPLATE_SHEETS.find((s) => s.id === sheetId)!;
  const year = (sheetId === "basic" ? model.basic.year : model.eval.year) ?? model.basic.year ?? model.eval.year;
  const tables = TABLE_ENTRIES.filter((e) => e.sheet === sheetId).map((entry) => ({
    entry,
    rows: filledRows(entry.key, model),
  }));
  const layout = printLayout(sheetId, Object.fromEntries(tables.map((t) => [t.entry.key, t.rows.length])));
  const placed = new Map<string, Placed>();
  const put = (address: string, text: string, style: Placed["style"], kind?: CellKind, single = false) =>
    placed.set(address, { text, style, single, numeric: kind === "amount" || kind === "integer" || kind === "rate" });
  const computed = new Map(computation.values.map((v) => [v.key, v]));
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
    for (const key of MERGED_COLUMNS[entry.key] ?? []) {
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
  for (const entry of CONTRACT.filter((e) => e.sheet === sheetId)) {
    if (entry.table) continue;
    const kind = entry.kind;
    if (entry.parts) {
      for (const part of entry.parts)
        put(layout.cell(part.address), cellText(valueAtPath(model, `${entry.key}.${part.part}`), kind), "value", kind);
      continue;
    }
    const value = computed.get(entry.key);
    const text = !value
      ? cellText(valueAtPath(model, entry.key), kind)
      : value.type === "rate"
        ? formatRate(value.rate)
        : value.type === "amount"
          ? value.amount
            ? entry.key === "eval.total"
              ? totalText(formatAmount(value.amount), { model, computation })
              : formatAmount(value.amount)
            : ""
          : entry.key === "eval.grade"
            ? gradeText(value.text, { model, computation })
            : value.text;
    put(layout.cell(entry.address), text, "value", kind, true);
  }

  const columns = OFFICIAL_COLUMNS[sheetId];
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
      const align = header ? "center" : cell?.numeric && /^-?[\d.,]+%?$/.test(text) ? "right" : "left";
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
