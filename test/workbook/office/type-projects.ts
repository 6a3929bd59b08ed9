/**
 * A user filling project tables (附件3) in the in-memory Excel: typing each project's inputs into its sheet by
 * its defined names and table (rows beyond the table's added the Excel way); and the inputs of a model's
 * projects as JSON, to compare what went in with what reads back.
 */
import { columnLetter, columnNumber, splitAddress } from "../../../src/domain/a1";
import type { ProjectEntry } from "../../../src/domain/contract";
import { projectEntries, projectPrefix } from "../../../src/domain/projects/contract";
import type { ProjectSheet } from "../../../src/domain/model";
import { valueAtPath } from "../../../src/domain/validation/paths";
import type { FakeContext } from "../../support/fake-excel";

/** What a user types for a model value: numbers as numbers (decimals too), texts as they are. */
function typed(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && typeof (value as { toFixed?: unknown }).toFixed === "function")
    return Number(String(value));
  return value as string | number;
}

const inputEntries = (slot: number): ProjectEntry[] => projectEntries(slot).filter((e) => e.role === "input");
const relative = (slot: number, key: string) => key.slice(`${projectPrefix(slot)}.`.length);

/** Types `projects` (a model's, or their JSON) into project sheets 1, 2, … of the installed template. */
export function typeProjects(fake: FakeContext, projects: ReadonlyArray<unknown>): void {
  const wb = fake.workbook;
  projects.forEach((project, i) => {
    const slot = i + 1;
    for (const entry of inputEntries(slot)) {
      const value = valueAtPath(project, relative(slot, entry.key));
      if (entry.table) {
        const rows = (value as Array<Record<string, unknown>>) ?? [];
        let table = wb.table(entry.table.name)!;
        const [start, end] = table.addressLocal.split(":") as [string, string];
        const bodyRows = splitAddress(end).row - splitAddress(start).row;
        if (rows.length > bodyRows) wb.insertRows(table.sheet.nameValue, splitAddress(end).row, rows.length - bodyRows);
        table = wb.table(entry.table.name)!;
        const first = splitAddress(table.addressLocal.split(":")[0]!).row + 1;
        const firstColumn = columnNumber(splitAddress(table.addressLocal.split(":")[0]!).column);
        rows.forEach((row, r) =>
          entry.table!.columns.forEach((column, c) => {
            if (column.role === "input")
              table.sheet.cell(`${columnLetter(firstColumn + c)}${first + r}`).formula = typed(row[column.key]);
          }),
        );
        continue;
      }
      const { sheet, address } = wb.resolve(entry.name);
      sheet.cell(address.split(":")[0]!).formula = typed(value);
    }
  });
}

/** The inputs of projects as JSON (decimals as text): what a user typed, computed cells and columns left out. */
export function projectInputs(projects: readonly ProjectSheet[]): unknown[] {
  return projects.map((project, i) => {
    const slot = i + 1;
    return Object.fromEntries(
      inputEntries(slot).map((entry) => {
        const key = relative(slot, entry.key);
        const value = valueAtPath(project, key);
        if (!entry.table) return [key, value === null || value === undefined ? null : String(value)];
        const inputs = entry.table.columns.filter((c) => c.role === "input");
        return [
          key,
          (value as Array<Record<string, unknown>>).map((row) =>
            Object.fromEntries(inputs.map((c) => [c.key, row[c.key] === null ? null : String(row[c.key])])),
          ),
        ];
      }),
    );
  });
}
