/**
 * Report forms as data (issue 18): a city's Word form of tables — its cover, its numbered parts, each a table
 * with merged cells, rows repeated over a list (机构, 任务, 评价人员, 指标), signature blocks — is a layout file
 * (forms/*.json), read through this schema and filled with a form's data. A second city's form is a new layout
 * file, not new code. The result is a `FormDocument` of Grids (the report's own table type), which the docx
 * adapter only gives form.
 */
import { z } from "zod";
import type { Grid, GridCell } from "../report/grid";

/** "{unit}年度" → the data's values; an unknown name stays visible as 【未填写：name】 (never silently blank). */
const TEMPLATE = /\{([a-zA-Z][\w.]*)\}/g;

const cellSpec = z.strictObject({
  /** Fixed text with {bindings}. */
  text: z.string(),
  colSpan: z.number().int().min(1).max(30).default(1),
  /** Rows the cell covers; "rest" covers every row to the table's end (a label beside a block of rows). */
  rowSpan: z.union([z.number().int().min(1).max(30), z.literal("rest"), z.literal("block")]).default(1),
  header: z.boolean().default(false),
  align: z.enum(["left", "center", "right"]).default("left"),
});

const rowSpec = z.union([
  z.strictObject({ cells: z.array(cellSpec).min(1) }),
  z.strictObject({
    /** The list the row repeats over (a binding whose value is a list of records). */
    repeat: z.string(),
    cells: z.array(cellSpec).min(1),
    /** At least this many rows (blank ones to fill by hand), as the printed form leaves room. */
    minRows: z.number().int().min(0).max(50).default(0),
    /** Columns (by their index in `cells`) merged over equal neighbours, each within the runs of the one before. */
    merge: z.array(z.number().int().min(0)).default([]),
  }),
]);

const tableSpec = z.strictObject({
  /** The table's caption above it (年度收入情况（万元）), if any. */
  caption: z.string().optional(),
  widths: z.array(z.number().positive()).min(1).max(30),
  rows: z.array(rowSpec).min(1),
});

const itemSpec = z.union([
  z.strictObject({ table: tableSpec }),
  z.strictObject({ paragraph: z.string() }),
  /** The narrative report's blocks (its headings and paragraphs), from the same content as the narrative form. */
  z.strictObject({ narrative: z.literal(true) }),
]);

export const formLayout = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string(),
  /** The short name a choice shows (报告格式 in the pane). */
  label: z.string(),
  /**
   * How the form words a value of a list's field, by field: {"level1": {"产出指标": "产出目标"}} — the form's own
   * names for the workbook's vocabulary.
   */
  renames: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  cover: z.array(
    z.strictObject({
      text: z.string(),
      style: z.enum(["title", "field", "issuer"]),
    }),
  ),
  parts: z.array(z.strictObject({ heading: z.string(), items: z.array(itemSpec) })),
});

export type FormLayout = z.output<typeof formLayout>;
type TableSpec = z.output<typeof tableSpec>;
type CellSpec = z.output<typeof cellSpec>;

/** A form's data: texts as printed (numbers formatted already), and lists of records for repeated rows. */
export interface FormData {
  readonly [name: string]: string | null | readonly FormData[];
}

export type FormItem =
  | { readonly kind: "table"; readonly grid: Grid }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "narrative" };

export interface FormDocument {
  readonly id: string;
  readonly name: string;
  readonly cover: ReadonlyArray<{ readonly text: string; readonly style: "title" | "field" | "issuer" }>;
  readonly parts: ReadonlyArray<{ readonly heading: string; readonly items: readonly FormItem[] }>;
}

/** `{name}` replaced from the row's record first, then the form's data; a missing value prints as empty. */
export function fillText(text: string, scopes: readonly FormData[]): string {
  return text.replace(TEMPLATE, (_, name: string) => {
    for (const scope of scopes) {
      const value = scope[name];
      if (typeof value === "string") return value;
      if (value === null) return "";
    }
    return "";
  });
}

/** The names a layout binds ({unit}, repeat lists): a layout file that names what no data has is refused in tests. */
export function bindingsOf(layout: FormLayout): { scalars: Set<string>; lists: Set<string> } {
  const scalars = new Set<string>();
  const lists = new Set<string>();
  const scan = (text: string) => {
    for (const match of text.matchAll(TEMPLATE)) scalars.add(match[1]!);
  };
  layout.cover.forEach((line) => scan(line.text));
  for (const part of layout.parts)
    for (const item of part.items) {
      if ("paragraph" in item) scan(item.paragraph);
      if (!("table" in item)) continue;
      for (const row of item.table.rows) {
        if ("repeat" in row) lists.add(row.repeat);
        row.cells.forEach((cell) => scan(cell.text));
      }
    }
  return { scalars, lists };
}

interface Placed {
  readonly spec: CellSpec;
  readonly text: string;
}

/** A record with the form's names for its fields' values (layout.renames). */
function renamed(record: FormData, renames: FormLayout["renames"]): FormData {
  const out: Record<string, FormData[string]> = { ...record };
  for (const [field, names] of Object.entries(renames)) {
    const value = record[field];
    if (typeof value === "string" && Object.hasOwn(names, value)) out[field] = names[value]!;
  }
  return out;
}

/** A table's rows as text, repeated rows expanded, before spans are placed. */
function expandRows(
  table: TableSpec,
  data: FormData,
  renames: FormLayout["renames"],
): Array<{ cells: Placed[]; merge: number[]; block: number }> {
  const rows: Array<{ cells: Placed[]; merge: number[]; block: number }> = [];
  table.rows.forEach((row, block) => {
    if (!("repeat" in row)) {
      rows.push({ cells: row.cells.map((spec) => ({ spec, text: fillText(spec.text, [data]) })), merge: [], block });
      return;
    }
    const list = data[row.repeat];
    const records = (Array.isArray(list) ? (list as readonly FormData[]) : []).map((record) =>
      renamed(record, renames),
    );
    const count = Math.max(records.length, row.minRows);
    for (let i = 0; i < count; i++) {
      const scope = records[i] ?? {};
      rows.push({
        cells: row.cells.map((spec) => ({ spec, text: fillText(spec.text, [scope, data]) })),
        merge: row.merge,
        block,
      });
    }
  });
  return rows;
}

/** One table of a layout, filled: spans placed on a grid, equal neighbours merged where the layout says. */
export function fillTable(table: TableSpec, data: FormData, renames: FormLayout["renames"] = {}): Grid {
  const width = table.widths.length;
  const expanded = expandRows(table, data, renames);
  const grid: Array<Array<GridCell | null | undefined>> = expanded.map(() => new Array(width).fill(undefined));
  /** Where each row's cells landed: columns by the cell's index in its spec. */
  const columns: number[][] = expanded.map(() => []);
  expanded.forEach((row, r) => {
    let column = 0;
    row.cells.forEach(({ spec, text }, i) => {
      while (column < width && grid[r]![column] !== undefined) column++; // covered from above
      if (column >= width) return;
      const colSpan = Math.min(spec.colSpan, width - column);
      const rowSpan =
        spec.rowSpan === "rest"
          ? expanded.length - r
          : spec.rowSpan === "block"
            ? blockEnd(expanded, r) - r
            : Math.min(spec.rowSpan, expanded.length - r);
      grid[r]![column] = { text, colSpan, rowSpan, header: spec.header, align: spec.align };
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) if (dr > 0 || dc > 0) grid[r + dr]![column + dc] = null;
      columns[r]![i] = column;
      column += colSpan;
    });
  });
  mergeRepeats(expanded, grid, columns);
  return {
    title: table.caption ?? "",
    landscape: false,
    widths: table.widths,
    rows: grid.map((row) => row.map((cell) => cell ?? null)),
    keepWithNext: expanded.map((_, r) => r < expanded.length - 1 && expanded[r]!.block !== expanded[r + 1]!.block),
  };
}

/** The end (exclusive) of row `r` and the block of rows right after it: a label spanning a repeated block. */
function blockEnd(rows: ReadonlyArray<{ block: number }>, r: number): number {
  let end = r + 1;
  const next = rows[r]!.block + 1;
  while (end < rows.length && rows[end]!.block === next) end++;
  return end;
}

/**
 * In each repeated block, the merge columns' equal neighbours become one cell (the 一级 over its rows, then
 * the 二级 within each 一级), as the printed form shows 评价内容.
 */
function mergeRepeats(
  rows: ReadonlyArray<{ merge: number[]; block: number }>,
  grid: Array<Array<GridCell | null | undefined>>,
  columns: readonly number[][],
): void {
  let start = 0;
  while (start < rows.length) {
    let end = start + 1;
    while (end < rows.length && rows[end]!.block === rows[start]!.block) end++;
    let runs: Array<[number, number]> = [[start, end]];
    for (const position of rows[start]!.merge) {
      const next: Array<[number, number]> = [];
      for (const [from, to] of runs) {
        let r = from;
        while (r < to) {
          const column = columns[r]![position];
          const text = column === undefined ? undefined : grid[r]![column]?.text;
          let k = r + 1;
          while (k < to && text && columns[k]![position] === column && grid[k]![column!]?.text === text) k++;
          if (k - r > 1 && column !== undefined) {
            grid[r]![column] = { ...grid[r]![column]!, rowSpan: k - r };
            for (let m = r + 1; m < k; m++) grid[m]![column] = null;
          }
          next.push([r, k]);
          r = k;
        }
      }
      runs = next;
    }
    start = end;
  }
}

/** A layout filled with a form's data. */
export function fillForm(layout: FormLayout, data: FormData): FormDocument {
  return {
    id: layout.id,
    name: layout.name,
    cover: layout.cover.map((line) => ({ text: fillText(line.text, [data]), style: line.style })),
    parts: layout.parts.map((part) => ({
      heading: part.heading,
      items: part.items.map((item): FormItem => {
        if ("table" in item) return { kind: "table", grid: fillTable(item.table, data, layout.renames) };
        if ("paragraph" in item) return { kind: "paragraph", text: fillText(item.paragraph, [data]) };
        return { kind: "narrative" };
      }),
    })),
  };
}
