/**
 * The helper columns 完成率 and 建议得分 call JXZP functions (src/domain/template.ts), wrapped in IFERROR.
 * Excel resolves a function's name when the formula is entered: one entered before Excel has registered
 * the add-in's functions shows #NAME? until it is entered again (OfficeDev/Excel-Custom-Functions#108),
 * and a Chinese Excel is reported to refuse the id form where the function is registered under its
 * Chinese name (OfficeDev/office-js#891). IFERROR would hide both as an empty cell, so the installer
 * proves the names instead, in a probe: the inner calls, unwrapped, in cells of the hidden 字典 sheet,
 * written in the same batch as the template and read back (then cleared) in the next sync. By what the
 * probe shows it keeps the formulas, enters them again in the Excel's local form, or writes the values
 * compute() gives. The official tables never depend on this: their formulas are Excel's own.
 */
import { TABLE_ENTRIES, type AnySheetId, type TableEntry, type TableColumn } from "../../domain/contract";
import { columnLetter, columnNumber, splitAddress } from "../../domain/a1";
import { compute, type HelperCells } from "../../domain/compute";
import { layoutsFor, projectLayout, type SheetLayout, type TableRows } from "../../domain/layout";
import { formatPath } from "../../domain/model-errors";
import { resolveProfile } from "../../domain/profiles";
import { computeProject } from "../../domain/projects/view";
import { formulaOf } from "../../domain/projects/template";
import { LISTS } from "../../domain/template";
import type { SheetId } from "../../domain/contract";
import { JXZP_FUNCTIONS } from "../../functions/definitions";
import { assembleWorkbook } from "../assemble";
import { ownerOfTable, projectTableEntry } from "./names";
import { contractNames, loadContract, parseRangeAddress } from "./read";
import { projectRows, type ProjectTarget } from "./render";

/** How the helper columns were written when their formulas by id did not resolve. */
export type FunctionsFallback = "localized" | "values";

/** A table column whose template formula calls a JXZP function. */
export interface HelperColumn {
  readonly entry: TableEntry<string, AnySheetId>;
  readonly column: TableColumn & { readonly key: keyof HelperCells };
  /** The template's formula, without "=". */
  readonly formula: string;
}

/** The helper columns of a table: 附件2's 绩效指标, or a project's. */
function helperColumnsOf(entry: TableEntry<string, AnySheetId>): HelperColumn[] {
  return entry.table.columns.flatMap((column) => {
    const formula = formulaOf(`${entry.key}.${column.key}`);
    return formula?.includes("JXZP.") ? [{ entry, column: column as HelperColumn["column"], formula }] : [];
  });
}

/** The helper columns of the three sheets (a project's are the same columns of its own table). */
export const HELPER_COLUMNS: readonly HelperColumn[] = TABLE_ENTRIES.flatMap(helperColumnsOf);

const CALL = /JXZP\.([A-Z0-9._]+)\(/g;

/** The JXZP functions the helper columns call, by id. */
const CALLED = [...new Set(HELPER_COLUMNS.flatMap((h) => [...h.formula.matchAll(CALL)].map((m) => m[1]!)))].map((id) =>
  JXZP_FUNCTIONS.find((fn) => fn.id === id)!,
);

/** Whether Excel's UI language gives the functions their Chinese names (the manifest's zh-CN metadata). */
export function namesAreChinese(language: string | undefined): boolean {
  return /^zh-(cn|hans)/i.test(language ?? "");
}

/**
 * A formula in a Chinese Excel's local form: functions by their Chinese names, the row's own cells as
 * `表[@[列]]` (the local keyword for [#This Row] is localized; "@" is not). Built-in function names and
 * the "," separator are the same in zh-CN.
 */
export function localFormula(formula: string): string {
  return formula
    .replace(CALL, (call, id: string) => {
      const fn = JXZP_FUNCTIONS.find((f) => f.id === id);
      return fn ? `JXZP.${fn.zhName}(` : call;
    })
    .replace(/\[\[#This Row\],(\[[^\]]*\])\]/g, "[@$1]");
}

/** Where the probe stands: the hidden 字典 sheet, right of its lists; row 1 by id, row 2 local. */
export interface Probe {
  readonly sheet: string;
  readonly address: string;
  readonly localized: boolean;
}

/** Queues the probe: each function the helper columns call, unwrapped, with its example's arguments. */
export function queueProbe(context: Excel.RequestContext, listsSheet: string, language?: string): Probe {
  const first = columnLetter(LISTS.length + 2);
  const last = columnLetter(LISTS.length + 1 + CALLED.length);
  const sheet = context.workbook.worksheets.getItem(listsSheet);
  const calls = CALLED.map((fn) => `JXZP.${fn.id}(${fn.example.args})`);
  sheet.getRange(`${first}1:${last}1`).formulas = [calls.map((call) => `=${call}`)];
  const localized = namesAreChinese(language);
  if (localized) sheet.getRange(`${first}2:${last}2`).formulasLocal = [calls.map((call) => `=${localFormula(call)}`)];
  return { sheet: listsSheet, address: `${first}1:${last}${localized ? 2 : 1}`, localized };
}

export interface ProbeResult {
  /** The calls by id resolved: the template's formulas work as written. */
  readonly byId: boolean;
  /** The calls in the local form resolved (a zh-CN Excel only). */
  readonly local: boolean;
}

const isNameError = (value: unknown) => value === "#NAME?";

/**
 * Queues the probe's read-back and then its clearing, in that order in one batch (a load reads where it
 * stands). Calculation comes first: the template's batch suspended it. Any result but #NAME? — a value,
 * #BUSY! while the runtime computes, a refusal — means Excel resolved the name.
 */
export function queueProbeReadBack(context: Excel.RequestContext, probe: Probe): () => ProbeResult {
  context.application.calculate("Recalculate");
  const sheet = context.workbook.worksheets.getItem(probe.sheet);
  const range = sheet.getRange(probe.address).load("values");
  const rows = probe.localized ? 2 : 1;
  sheet.getRange(probe.address).formulas = Array.from({ length: rows }, () => CALLED.map(() => ""));
  return () => ({
    byId: !range.values[0]!.some(isNameError),
    local: probe.localized && !range.values[1]!.some(isNameError),
  });
}

/** A helper column's data body in the installed workbook. */
export interface HelperRange extends HelperColumn {
  readonly sheet: string;
  /** "J14:J28". */
  readonly address: string;
  readonly rows: number;
}

/** A helper column's body on `sheet`, laid out by `layout` for `count` rows. */
function placeHelper(helper: HelperColumn, sheet: string, layout: SheetLayout, count: number): HelperRange {
  const { entry, column } = helper;
  const header = layout.row(entry.table.headerRow);
  return {
    ...helper,
    sheet,
    address: `${column.column}${header + 1}:${column.column}${header + count}`,
    rows: count,
  };
}

/** The helper columns' data bodies as the installer laid them out: the three sheets', then the projects'. */
export function helperRanges(
  sheetNames: Readonly<Record<SheetId, string>>,
  rows: TableRows,
  projects: readonly ProjectTarget[] = [],
): HelperRange[] {
  const layouts = layoutsFor(rows);
  return [
    ...HELPER_COLUMNS.map((helper) => {
      const sheet = helper.entry.sheet as SheetId;
      const count = rows[helper.entry.key] ?? helper.entry.table.defaultRows;
      return placeHelper(helper, sheetNames[sheet], layouts[sheet], count);
    }),
    ...projectHelperRanges(projects, rows),
  ];
}

/** The helper columns' data bodies of project sheets as rendered (render.ts). */
export function projectHelperRanges(projects: readonly ProjectTarget[], rows: TableRows): HelperRange[] {
  return projects.flatMap(({ slot, sheetName }) => {
    const count = projectRows(rows, slot);
    const layout = projectLayout(slot, count);
    return helperColumnsOf(projectTableEntry(slot)).map((helper) => placeHelper(helper, sheetName, layout, count));
  });
}

/** Queues the helper formulas again, in the local form (formulasLocal), over each column's body. */
export function queueLocalFormulas(context: Excel.RequestContext, ranges: readonly HelperRange[]): void {
  for (const range of ranges) {
    const formula = `=${localFormula(range.formula)}`;
    context.workbook.worksheets.getItem(range.sheet).getRange(range.address).formulasLocal = Array.from(
      { length: range.rows },
      () => [formula],
    );
  }
}

/**
 * Reads the installed workbook (one sync: its `projects` project sheets with the three, all just installed) and
 * writes over the helper columns the values compute() gives them (one sync): what the formulas would show now,
 * no longer following the inputs.
 */
export async function writeHelperValues(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  ranges: readonly HelperRange[],
  projects = 0,
): Promise<void> {
  const { names, tables } = contractNames(projects);
  const take = loadContract(context, names, tables);
  await sync();
  const { model, locations } = assembleWorkbook(take(), { lenient: true });
  const profile = resolveProfile(model.review.profile).profile;
  const computation = compute(model, profile);
  const shown = new Map<string, unknown>();
  for (const range of ranges) {
    const path = range.entry.key.split(".");
    const slot = range.entry.slot;
    const { indicators } = slot === undefined ? computation : computeProject(model, slot - 1, profile);
    for (const indicator of indicators) {
      const where = locations.get(formatPath([...path, indicator.row - 1, range.column.key]));
      if (where) shown.set(`${where.sheet}!${where.address}`, indicator.helper[range.column.key]);
    }
  }
  for (const range of ranges) {
    const { start } = parseRangeAddress(`'${range.sheet}'!${range.address}`);
    const { column, row } = splitAddress(start);
    context.workbook.worksheets.getItem(range.sheet).getRange(range.address).values = Array.from(
      { length: range.rows },
      (_, i) => [shown.get(`${range.sheet}!${column}${row + i}`) ?? ""],
    );
  }
  await sync();
}

/**
 * 重新计算: enters the helper columns' formulas again, as they are (Excel resolves each JXZP name anew:
 * a #NAME? left from a formula entered before the functions were registered goes), then recalculates
 * the whole workbook. In a Chinese Excel they are entered in the local form, which resolves where the id
 * form may not (see localFormula). Two syncs (read the formulas; write them back and calculate), three with
 * project sheets (附件3: their tables are read in one more, however many); a workbook without the template is
 * only recalculated. Returns how many formulas were entered again.
 */
export async function reenterHelperFormulas(context: Excel.RequestContext, language?: string): Promise<number> {
  const loadTables = (names: readonly string[]) =>
    names.map((name) => {
      const table = context.workbook.tables.getItem(name).load("showTotals");
      return { name, table, range: table.getRange().load("address,formulas") };
    });
  const list = context.workbook.tables.load("items/name");
  let tables = loadTables([...new Set(HELPER_COLUMNS.map((h) => h.entry.table.name))]);
  let found = true;
  try {
    await context.sync();
  } catch {
    found = false; // no template here (ItemNotFound): recalculating is all there is to do
  }
  // The project sheets' tables (附件3), all in one more sync.
  const projectTables = found ? list.items.map((t) => t.name).filter((n) => ownerOfTable(n)?.sheet === "project") : [];
  if (projectTables.length > 0) {
    tables = [...tables, ...loadTables(projectTables)];
    await context.sync();
  }
  const local = namesAreChinese(language);
  const isFormula = (value: unknown): value is string => typeof value === "string" && value.startsWith("=");
  let entered = 0;
  if (found) {
    for (const { name, table, range } of tables) {
      const { sheet, start } = parseRangeAddress(range.address);
      const header = range.formulas[0]!.map(String);
      const first = splitAddress(start);
      const body = range.formulas.slice(1, table.showTotals ? -1 : undefined); // a 汇总行 is not data
      const owner = ownerOfTable(name);
      const entry = owner?.slot ? projectTableEntry(owner.slot) : TABLE_ENTRIES.find((e) => e.table.name === name)!;
      for (const helper of helperColumnsOf(entry)) {
        const index = header.indexOf(helper.column.label);
        if (index < 0 || body.length === 0) continue;
        const letter = columnLetter(columnNumber(first.column) + index);
        const column = body.map((row) => row[index]);
        entered += column.filter(isFormula).length;
        // Constants (values of an earlier fallback) are written back as they are.
        const target = context.workbook.worksheets
          .getItem(sheet)
          .getRange(`${letter}${first.row + 1}:${letter}${first.row + body.length}`);
        if (local) target.formulasLocal = column.map((value) => [isFormula(value) ? localFormula(value) : value]);
        else target.formulas = column.map((value) => [value]);
      }
    }
  }
  context.application.calculate("Full");
  await context.sync();
  return entered;
}
