/** A user filling the installed template in the in-memory Excel: typing a model's inputs, adding table rows. */
import { CONTRACT, type WorkbookModel } from "../../src/domain";
import { columnLetter, columnNumber, splitAddress } from "../../src/domain/a1";
import { valueAtPath as valueAt } from "../../src/domain/validation/paths";
import type { FakeContext } from "./fake-excel";

/** What a user types for a model value: numbers as numbers, dates as Excel serial days. */
function typed(value: unknown, kind: string): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && typeof (value as { toFixed?: unknown }).toFixed === "function")
    return Number(String(value));
  if (kind === "date" && typeof value === "string") return Date.parse(`${value}T00:00:00Z`) / 86400000 + 25569;
  return value as string | number;
}

export function typeModel(fake: FakeContext, model: WorkbookModel): void {
  const wb = fake.workbook;
  for (const entry of CONTRACT.filter((e) => e.role === "input")) {
    if (entry.table) {
      const rows = (valueAt(model, entry.key) as Array<Record<string, unknown>>) ?? [];
      let table = wb.table(entry.table.name)!;
      const [start, end] = table.addressLocal.split(":") as [string, string];
      const bodyRows = splitAddress(end).row - splitAddress(start).row;
      // Rows beyond the table's: inserted above its last row, inside the table, as Excel does on Tab.
      if (rows.length > bodyRows) wb.insertRows(table.sheet.nameValue, splitAddress(end).row, rows.length - bodyRows);
      table = wb.table(entry.table.name)!;
      const first = splitAddress(table.addressLocal.split(":")[0]!).row + 1;
      rows.forEach((row, i) =>
        entry.table!.columns.forEach((column, c) => {
          if (column.role === "input")
            table.sheet.cell(`${columnLetter(c + 1)}${first + i}`).formula = typed(row[column.key], column.kind);
        }),
      );
      continue;
    }
    const { sheet, address } = wb.resolve(entry.name);
    const { column, row } = splitAddress(address.split(":")[0]!);
    if (entry.parts) {
      const triple = valueAt(model, entry.key) as Record<string, unknown>;
      entry.parts.forEach(
        (part, i) =>
          (sheet.cell(`${columnLetter(columnNumber(column) + i)}${row}`).formula = typed(
            triple[part.part],
            entry.kind,
          )),
      );
    } else {
      sheet.cell(`${column}${row}`).formula = typed(valueAt(model, entry.key), entry.kind);
    }
  }
}
