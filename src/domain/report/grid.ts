/**
 * The attachment tables of the report (附件1, 附件2) as the workbook lays them out: the template's
 * labels, merges and rows (tables grown to the model's rows), with the model's values formatted as the
 * sheets show them. Columns right of the official ones (our helper columns) are left out; a value
 * there joins the text of its row's last official cell.
 */
import { columnLetter, columnNumber, splitAddress } from "../a1";
import type { Computation } from "../compute";
import { CONTRACT, type CellKind } from "../contract";
import { formatAmount, formatPercent, toDec } from "../decimal";
import type { WorkbookModel } from "../model";
import { formatRate } from "../rates";
import { TEMPLATE_SHEETS, type CellStyle } from "../template";
import { valueAtPath } from "../validation/paths";
import { layoutFor, type SheetLayout } from "../layout";

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
}

/** Official columns of each attachment: 附件1 A:D, 附件2 A:H (I:K are our helper columns). */
const OFFICIAL_COLUMNS: Readonly<Record<"basic" | "eval", number>> = { basic: 4, eval: 8 };

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

export function attachmentGrid(sheetId: "basic" | "eval", model: WorkbookModel, computation: Computation): Grid {
  const template = TEMPLATE_SHEETS.find((s) => s.id === sheetId)!;
  const year = (sheetId === "basic" ? model.basic.year : model.eval.year) ?? model.basic.year ?? model.eval.year;
  const layout: SheetLayout = layoutFor(sheetId, {
    "basic.projects.lines": model.basic.projects.lines.length,
    "eval.indicators": model.eval.indicators.length,
  });
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
  for (const entry of CONTRACT.filter((e) => e.sheet === sheetId)) {
    if (entry.table) {
      const header = layout.row(entry.table.headerRow);
      const rows = (valueAtPath(model, entry.key) as Array<Record<string, unknown>>) ?? [];
      entry.table.columns.forEach((column) => put(`${column.column}${header}`, column.label, "header"));
      rows.forEach((row, i) =>
        entry.table.columns.forEach((column) =>
          put(`${column.column}${header + 1 + i}`, cellText(row[column.key], column.kind), "value", column.kind),
        ),
      );
      continue;
    }
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
            ? formatAmount(value.amount)
            : ""
          : value.text;
    put(layout.cell(entry.address), text, "value", kind, true);
  }

  const columns = OFFICIAL_COLUMNS[sheetId];
  const spans = new Map<string, { colSpan: number; rowSpan: number }>();
  const covered = new Set<string>();
  for (const merge of template.merges) {
    const [from, to] = layout.range(merge).split(":") as [string, string];
    const a = splitAddress(from);
    const b = splitAddress(to);
    const lastColumn = Math.min(columnNumber(b.column), columns);
    spans.set(from, { colSpan: lastColumn - columnNumber(a.column) + 1, rowSpan: b.row - a.row + 1 });
    for (let r = a.row; r <= b.row; r++)
      for (let c = columnNumber(a.column); c <= lastColumn; c++)
        if (r !== a.row || c !== columnNumber(a.column)) covered.add(`${columnLetter(c)}${r}`);
  }

  const lastRow = Math.max(...[...placed.keys()].map((a) => splitAddress(a).row));
  const rows: Array<Array<GridCell | null>> = [];
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
        const beyond = [...placed].filter(
          ([a, p]) =>
            splitAddress(a).row === r && columnNumber(splitAddress(a).column) > columns && p.single && p.text !== "",
        );
        if (beyond.length > 0 && text !== "") text = `${text}：${beyond.map(([, p]) => p.text).join(" ")}`;
      }
      const span = spans.get(address) ?? { colSpan: 1, rowSpan: 1 };
      const header = cell?.style === "header" || cell?.style === "section";
      const align = header ? "center" : cell?.numeric && /^-?[\d.,]+%?$/.test(text) ? "right" : "left";
      row.push({ text, ...span, header, align });
    }
    rows.push(row);
  }
  return { title, landscape: template.landscape, widths: template.columnWidths.slice(0, columns), rows };
}
