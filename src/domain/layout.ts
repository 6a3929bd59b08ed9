/**
 * The concrete layout of a workbook: the template's addresses with the rows below each table moved down
 * by the rows the table holds beyond its default. Both workbook adapters place cells through this.
 */
import { splitAddress } from "./a1";
import { type AnySheetId, type SheetId, TABLE_ENTRIES, type TableEntry } from "./contract";
import { projectEntries } from "./projects/contract";

/** Data rows per table key (at least the template's default). */
export type TableRows = Readonly<Record<string, number>>;

export class SheetLayout {
  private readonly tables: ReadonlyArray<{ end: number; extra: number }>;

  constructor(
    readonly sheet: AnySheetId,
    rows: TableRows,
    /** The sheet's tables: the contract's for the three sheets; a project sheet's are its slot's. */
    tables: ReadonlyArray<TableEntry<string, AnySheetId>> = TABLE_ENTRIES.filter((e) => e.sheet === sheet),
  ) {
    this.tables = tables.map((e) => ({
      end: e.table.headerRow + e.table.defaultRows,
      extra: Math.max(0, (rows[e.key] ?? 0) - e.table.defaultRows),
    }));
  }

  row(templateRow: number): number {
    return this.tables.reduce((row, t) => (templateRow > t.end ? row + t.extra : row), templateRow);
  }

  cell(address: string): string {
    const { column, row } = splitAddress(address);
    return `${column}${this.row(row)}`;
  }

  range(range: string): string {
    return range
      .split(":")
      .map((address) => this.cell(address))
      .join(":");
  }
}

export function layoutsFor(rows: TableRows): Record<SheetId, SheetLayout> {
  return {
    basic: new SheetLayout("basic", rows),
    eval: new SheetLayout("eval", rows),
    report: new SheetLayout("report", rows),
    form: new SheetLayout("form", rows),
  };
}

/** The data rows each table gets for `counts` rows of data: never fewer than the template's blank rows. */
export function tableRows(counts: Readonly<Record<string, number>>): TableRows {
  return Object.fromEntries(TABLE_ENTRIES.map((e) => [e.key, Math.max(e.table.defaultRows, counts[e.key] ?? 0)]));
}

/** The layout of one sheet for a model's table rows. */
export function layoutFor(sheet: SheetId, counts: Readonly<Record<string, number>>): SheetLayout {
  return new SheetLayout(sheet, tableRows(counts));
}

/** The layout of project `slot`'s sheet for `indicatorRows` rows of indicators (at least the template's blank rows). */
export function projectLayout(slot: number, indicatorRows: number): SheetLayout {
  const table = projectEntries(slot).find((e) => e.shape === "table")!;
  if (table.shape !== "table") throw new RangeError("A project sheet has its indicator table");
  return new SheetLayout("project", { [table.key]: Math.max(table.table.defaultRows, indicatorRows) }, [table]);
}
