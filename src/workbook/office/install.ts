/**
 * 安装模板 in Excel through Office.js, never losing what a user typed:
 * - a workbook without the template: install it (2 syncs: look, write);
 * - the template of this version already installed: change nothing (2 syncs: look, read the version);
 * - an older template (or this one with names or tables deleted), filled in: read every input by its
 *   defined name and table (the whole workbook in one sync), set the old sheets aside as 「… (旧版 x)」
 *   backups, install this version with the inputs moved by key (table columns matched by their header
 *   labels) and every table row kept (3 syncs). A newer template than ours is refused.
 * Our sheets, names and tables are found by our defined names and table names, never by sheet names: a
 * sheet the user renamed is still ours (and already installed), and a sheet under one of our names that
 * is not ours is never touched: ours get a free name. A table converted to a range (转换为区域) is read
 * from the cells its name now refers to, and the template repaired with them.
 * A failed write is undone (two more syncs: look at what landed, put it back): only what this run did
 * — the sheets it added, the sheets and tables it renamed, our names — so what someone else added in the
 * meantime (a co-author, the user) stays; reported in one Chinese sentence.
 *
 * The helper columns' JXZP formulas are written only where they can work (functions-check.ts): not at
 * all where functions.js failed to associate the functions (values instead, 2 more syncs: read, write);
 * otherwise with a probe of their calls in the write batch, read back in one more sync. If the probe
 * shows #NAME? the helper formulas are entered again in a Chinese Excel's local form when that resolves
 * (1 more sync), or replaced by their values (2 more syncs); the result says which (functionsFallback).
 */
import {
  compareVersions,
  CONTRACT,
  SHEETS,
  TEMPLATE_VERSION,
  type SheetId,
  NAMED_ENTRIES,
  TABLE_ENTRIES,
} from "../../domain/contract";
import { LISTS, LISTS_SHEET, TEMPLATE_SHEETS, VERSION_NAME } from "../../domain/template";
import { columnLetter, columnNumber, splitAddress } from "../../domain/a1";
import { tableRows, type TableRows } from "../../domain/layout";
import type { FunctionsRecord } from "../../functions/registration";
import type { InstallResult } from "../../usecases/host";
import {
  helperRanges,
  queueLocalFormulas,
  queueProbe,
  queueProbeReadBack,
  writeHelperValues,
  type FunctionsFallback,
  type Probe,
} from "./functions-check";
import { loadContract, workbookFound, type ExcelSnapshot } from "./read";
import { renderTemplates, type CarriedInputs } from "./render";

export type { InstallResult, InstallStatus } from "../../usecases/host";

/** One Chinese sentence for the user, with what to do. */
export class InstallError extends Error {
  constructor(
    message: string,
    readonly reason?: unknown,
  ) {
    super(message);
    this.name = "InstallError";
  }
}

/** "附件1 基础数据表" or, when taken by a sheet that is not ours, "附件1 基础数据表 (2)". */
export function freeName(name: string, taken: ReadonlySet<string>, suffix = (n: number) => ` (${n})`): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name}${suffix(n)}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** What this run does to the workbook, recorded as it queues the write: what a failed write undoes. */
interface Undo {
  /** The ids of the sheets there before the run: none of them is deleted. */
  readonly sheetIds: ReadonlySet<string>;
  /** The names this run gives the sheets it adds (a sheet is ours if it is new and so named). */
  readonly addedSheets: string[];
  /** Sheets this run renamed: id → the name it had. */
  readonly renamedSheets: Map<string, string>;
  /** [original, backup] table names. */
  readonly tableRenames: Array<readonly [string, string]>;
  /** Our names (template, lists, version) as they were: the only names the run deletes or adds. */
  readonly names: ReadonlyMap<string, string>;
}

const OUR_NAMES = new Set([...CONTRACT.map((e) => e.name), ...LISTS.map((l) => l.name), VERSION_NAME]);

/** The input values of an installed template, by contract key, as Excel holds them. */
export function carryInputs(snapshot: ExcelSnapshot): CarriedInputs {
  const cells = new Map<string, unknown>();
  const tables = new Map<string, Array<Record<string, unknown>>>();
  for (const entry of CONTRACT.filter((e) => e.role === "input")) {
    if (entry.table) {
      const found = snapshot.table(entry.table.name);
      if (!found) continue;
      const [start, end] = found.range.split(":") as [string, string];
      const firstColumn = columnNumber(splitAddress(start).column);
      const columns = entry.table.columns
        .map((spec) => ({ spec, index: found.headers.indexOf(spec.label) }))
        .filter(({ spec, index }) => spec.role === "input" && index >= 0);
      const rows: Array<Record<string, unknown>> = [];
      const lastRow = splitAddress(end).row - (found.totalsRow ? 1 : 0); // a 汇总行 is not data
      for (let row = splitAddress(start).row + 1; row <= lastRow; row++) {
        rows.push(
          Object.fromEntries(
            columns.map(({ spec, index }) => [
              spec.key,
              snapshot.cell(found.sheet, `${columnLetter(firstColumn + index)}${row}`)?.formula,
            ]),
          ),
        );
      }
      tables.set(entry.key, rows);
      continue;
    }
    const location = snapshot.name(entry.name);
    if (!location) continue;
    const { column, row } = splitAddress(location.start);
    if (entry.parts) {
      entry.parts.forEach((part, i) =>
        cells.set(
          `${entry.key}.${part.part}`,
          snapshot.cell(location.sheet, `${columnLetter(columnNumber(column) + i)}${row}`)?.formula,
        ),
      );
    } else {
      cells.set(entry.key, snapshot.cell(location.sheet, location.start)?.formula);
    }
  }
  return { cells, tables };
}

export interface InstallOptions {
  /**
   * What functions.js recorded in the shared runtime (registration.ts). "failed": no JXZP formulas are
   * written. Undefined (no record: tests, or a page without functions.js) or "associated": the probe decides.
   */
  readonly functions?: FunctionsRecord;
  /** Excel's UI language (Office.context.displayLanguage): in zh-CN the functions have Chinese names. */
  readonly language?: string;
}

/** Installs or upgrades the templates in the open workbook. */
export async function installTemplates(
  context: Excel.RequestContext,
  options: InstallOptions = {},
): Promise<InstallResult> {
  let syncs = 0;
  const sync = async () => {
    syncs += 1;
    await context.sync();
  };

  const worksheets = context.workbook.worksheets.load("items/name,items/id");
  const names = context.workbook.names.load("items/name,items/formula");
  const tables = context.workbook.tables.load("items/name");
  await sync();

  const allNames = names.items.map((n) => ({ name: n.name, formula: n.formula }));
  const undo: Undo = {
    sheetIds: new Set(worksheets.items.map((s) => s.id)),
    addedSheets: [],
    renamedSheets: new Map(),
    tableRenames: [],
    names: new Map(allNames.filter((n) => OUR_NAMES.has(n.name)).map((n) => [n.name, n.formula])),
  };
  const found = workbookFound(
    worksheets.items.map((s) => s.name),
    allNames,
    tables.items.map((t) => t.name),
  );
  const existingTables = found.tables;
  // A name whose cells were deleted (=#REF!), or whose sheet is gone, cannot be read; it is replaced like
  // a missing one. A name over a table converted to a range (转换为区域) is read from those cells.
  const usable = (name: string, formula: string) =>
    found.range(name) !== null || existingTables.has(formula.replace(/^=/, ""));
  const existingNames = new Set(allNames.filter((n) => usable(n.name, n.formula)).map((n) => n.name));
  const converted = new Map(
    TABLE_ENTRIES.flatMap((e) => {
      const place = found.converted(e);
      return place ? [[e.table.name, place] as const] : [];
    }),
  );
  const taken = new Set(worksheets.items.map((s) => s.name));

  const functionFormulas = options.functions?.state !== "failed";
  let probe: Probe | undefined;

  if (!existingNames.has(VERSION_NAME)) {
    const sheetNames = {} as Record<SheetId, string>;
    for (const template of TEMPLATE_SHEETS) taken.add((sheetNames[template.id] = freeName(template.name, taken)));
    const listsName = freeName(LISTS_SHEET, taken);
    undo.addedSheets.push(listsName, ...Object.values(sheetNames));
    const rows = tableRows({});
    await write(context, sync, undo, () => {
      // Names of ours left by an earlier, damaged install would clash with names.add.
      for (const item of names.items.filter((n) => OUR_NAMES.has(n.name))) item.delete();
      renderTemplates(context, { sheetNames, listsName, rows, functionFormulas });
      if (functionFormulas) probe = queueProbe(context, listsName, options.language);
    });
    const functionsFallback = await settleFunctions(context, sync, probe, sheetNames, rows);
    return { status: "installed", sheetNames, backupSheets: [], syncs, ...functionsFallback };
  }

  // Installed: read the version and, in the same sync, every input of the template as it is.
  const versionRange = context.workbook.names.getItem(VERSION_NAME).getRange().load("values");
  const take = loadContract(
    context,
    NAMED_ENTRIES.filter((e) => existingNames.has(e.name)).map((e) => e.name),
    TABLE_ENTRIES.filter((e) => existingTables.has(e.table.name)).map((e) => e.table.name),
    converted,
  );
  try {
    await sync();
  } catch (error) {
    throw new InstallError(
      `读取已安装的模板失败，工作簿未作改动：${(error as Error).message}。请退出单元格编辑后重试。`,
      error,
    );
  }
  const previousVersion = String(versionRange.values[0]![0]);
  if (compareVersions(previousVersion, TEMPLATE_VERSION) > 0) {
    throw new InstallError(
      `工作簿中的模板是 ${previousVersion} 版，比本加载项的 ${TEMPLATE_VERSION} 版新，工作簿未作改动：请更新绩效自评助手后再安装。`,
    );
  }
  const snapshot = take();
  // Our sheets as our names found them, whatever the user called them; only these are set aside.
  const ourSheets = new Set(Object.values(SHEETS).flatMap((s) => snapshot.sheetName(s.id) ?? []));
  const installedNames = Object.fromEntries(
    Object.values(SHEETS).map((s) => [s.id, snapshot.sheetName(s.id) ?? s.name]),
  ) as Record<SheetId, string>;
  const complete = CONTRACT.every((e) =>
    e.table
      ? existingTables.has(e.table.name) || (e.table.optional && !converted.has(e.table.name))
      : existingNames.has(e.name),
  );
  if (previousVersion === TEMPLATE_VERSION && complete)
    return { status: "alreadyInstalled", sheetNames: installedNames, previousVersion, backupSheets: [], syncs };
  // An older version, or this one with names or tables deleted: set it aside and install it whole again.

  const inputs = carryInputs(snapshot);
  const rows = tableRows(Object.fromEntries([...inputs.tables].map(([key, list]) => [key, list.length])));
  // Only our own hidden 字典 (or 字典 (2) …) is replaced; a sheet of the user's that the name points to is kept.
  const listsTarget = found.range(LISTS[0]!.name)?.sheet;
  const oldListsSheet = listsTarget?.startsWith(LISTS_SHEET) ? listsTarget : undefined;

  const backupSheets: string[] = [];
  const sheetNames = {} as Record<SheetId, string>;
  await write(context, sync, undo, () => {
    // Set the old template aside: its sheets and tables renamed, its names removed.
    for (const sheet of worksheets.items.filter((s) => ourSheets.has(s.name))) {
      taken.delete(sheet.name);
      const backup = backupName(sheet.name, previousVersion, taken);
      taken.add(backup);
      backupSheets.push(backup);
      undo.renamedSheets.set(sheet.id, sheet.name);
      sheet.name = backup;
    }
    for (const entry of TABLE_ENTRIES.filter((e) => existingTables.has(e.table.name))) {
      const backup = freeName(`${entry.table.name}_旧版`, existingTables, (n) => String(n));
      undo.tableRenames.push([entry.table.name, backup]);
      context.workbook.tables.getItem(entry.table.name).name = backup;
    }
    for (const item of names.items.filter((n) => OUR_NAMES.has(n.name))) item.delete();
    for (const template of TEMPLATE_SHEETS) taken.add((sheetNames[template.id] = freeName(template.name, taken)));
    // The old 字典 is ours alone: renamed out of the way now, deleted once everything else is queued.
    const oldLists = worksheets.items.find((s) => s.name === oldListsSheet);
    if (oldLists) {
      undo.renamedSheets.set(oldLists.id, oldLists.name);
      oldLists.name = freeName(`${oldLists.name}_旧`, taken);
    }
    const listsName = oldListsSheet ?? freeName(LISTS_SHEET, taken);
    undo.addedSheets.push(listsName, ...Object.values(sheetNames));
    renderTemplates(context, { sheetNames, listsName, rows, inputs, functionFormulas });
    if (functionFormulas) probe = queueProbe(context, listsName, options.language);
    oldLists?.delete();
  });
  const functionsFallback = await settleFunctions(context, sync, probe, sheetNames, rows);
  return {
    status: previousVersion === TEMPLATE_VERSION ? "repaired" : "upgraded",
    sheetNames,
    previousVersion,
    backupSheets,
    syncs,
    ...functionsFallback,
  };
}

/**
 * After the template's batch: keeps the helper formulas if the probe resolved them, or falls back (to
 * the local form, else to values). Without a probe (the functions failed to associate) values at once.
 * The template is in place by now: a failure here is reported, never undone.
 */
async function settleFunctions(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  probe: Probe | undefined,
  sheetNames: Readonly<Record<SheetId, string>>,
  rows: TableRows,
): Promise<{ functionsFallback?: FunctionsFallback }> {
  const ranges = helperRanges(sheetNames, rows);
  try {
    if (probe) {
      const result = queueProbeReadBack(context, probe);
      await sync();
      const { byId, local } = result();
      if (byId) return {};
      if (local) {
        queueLocalFormulas(context, ranges);
        await sync();
        return { functionsFallback: "localized" };
      }
    }
    await writeHelperValues(context, sync, ranges);
    return { functionsFallback: "values" };
  } catch (error) {
    throw new InstallError(
      `模板已安装，但核对 JXZP 函数时出错：${(error as Error).message}。` +
        "官方表格的数字不受影响；完成率、建议得分两列若显示为空，请按「重新计算」。",
      error,
    );
  }
}

export { compareVersions };

const INVALID_IN_SHEET_NAME = /[\\/?*[\]:]/g;

/** 「附件1 基础数据表 (旧版 1.0.0)」: a valid sheet name (≤ 31 characters with any " (2)") that is free. */
export function backupName(name: string, version: string, taken: ReadonlySet<string>): string {
  const base = `${name} (旧版 ${version.replace(INVALID_IN_SHEET_NAME, "-")})`.slice(0, 27);
  return freeName(base, taken);
}

/** Runs one write batch; if it fails, undoes what landed and throws an InstallError. */
async function write(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  undo: Undo,
  queue: () => void,
): Promise<void> {
  try {
    context.application.suspendApiCalculationUntilNextSync();
    queue();
    await sync();
  } catch (error) {
    try {
      await restore(context, sync, undo);
    } catch (undo) {
      throw new InstallError(
        `安装模板失败，且未能完全恢复原状：${(error as Error).message}（${(undo as Error).message}）。请不要保存，关闭工作簿（不保存）后重新打开再试。`,
        error,
      );
    }
    throw new InstallError(
      `安装模板失败，工作簿未作改动：${(error as Error).message}。请退出单元格编辑后重试。`,
      error,
    );
  }
}

/**
 * Undoes what this run did, and only that: the sheets it added (new since the look, under the names it
 * gave them) deleted, the sheets and tables it renamed renamed back, our names as they were. Sheets,
 * tables and names someone else added meanwhile (a co-author, the user) stay.
 */
async function restore(context: Excel.RequestContext, sync: () => Promise<void>, undo: Undo): Promise<void> {
  const sheets = context.workbook.worksheets.load("items/id,items/name");
  const names = context.workbook.names.load("items/name,items/formula");
  const tables = context.workbook.tables.load("items/name");
  await sync();
  for (const sheet of sheets.items.filter((s) => !undo.sheetIds.has(s.id) && undo.addedSheets.includes(s.name)))
    sheet.delete();
  for (const sheet of sheets.items) {
    const name = undo.renamedSheets.get(sheet.id);
    if (name !== undefined && name !== sheet.name) sheet.name = name;
  }
  const tableNames = new Set(tables.items.map((t) => t.name));
  for (const [name, backup] of undo.tableRenames)
    if (tableNames.has(backup)) context.workbook.tables.getItem(backup).name = name;
  const present = new Set(names.items.map((n) => n.name));
  for (const item of names.items.filter((n) => OUR_NAMES.has(n.name))) {
    const formula = undo.names.get(item.name);
    if (formula === undefined) item.delete();
    // A name re-added by the failed batch points at a sheet now deleted: point it back.
    else if (item.formula !== formula) item.formula = formula;
  }
  for (const [name, formula] of undo.names) if (!present.has(name)) context.workbook.names.add(name, formula);
  await sync();
}
