/**
 * 安装模板 in Excel through Office.js, never losing what a user typed:
 * - a workbook without the template: install it (2 syncs: look, write), with no project table (附件3) unless
 *   asked for (添加项目表 adds them one by one, projects.ts);
 * - the template of this version already installed: change nothing (2 syncs: look, read the version);
 * - an older template (or this one with names or tables deleted), filled in: read every input by its
 *   defined name and table (the whole workbook in one sync), set the old sheets aside as 「… (旧版 x)」
 *   backups, install this version with the inputs moved by key (table columns matched by their header
 *   labels) and every table row kept (3 syncs). Every project sheet (附件3-1, 附件3-2 …) is carried the same way,
 *   slot by slot, and set aside and rendered again with the others, in the same batches: the syncs do not
 *   depend on how many projects there are. A newer template than ours is refused.
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
  type SomeEntry,
} from "../../domain/contract";
import { LISTS, LISTS_SHEET, TEMPLATE_SHEETS, VERSION_NAME } from "../../domain/template";
import { columnLetter, columnNumber, splitAddress } from "../../domain/a1";
import { tableRows, type TableRows } from "../../domain/layout";
import { projectEntries, projectSheetName } from "../../domain/projects/contract";
import type { FunctionsRecord } from "../../functions/registration";
import type { InstallResult } from "../../usecases/host";
import {
  helperRanges,
  queueLocalFormulas,
  queueProbe,
  queueProbeReadBack,
  writeHelperValues,
  type FunctionsFallback,
  type HelperRange,
  type Probe,
} from "./functions-check";
import { isOurName, projectTableEntry } from "./names";
import { loadContract, projectLoads, workbookFound, type ExcelSnapshot } from "./read";
import { renderTemplates, type CarriedInputs, type ProjectTarget } from "./render";
import { freeName, InstallError, startUndo, writeUndoable } from "./undo";

export type { InstallResult, InstallStatus } from "../../usecases/host";
export { freeName, InstallError };

/** Slots 1…count. */
const slotsUpTo = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/** The input values of an installed template and its `projects` project sheets, by key, as Excel holds them. */
export function carryInputs(snapshot: ExcelSnapshot, projects = 0): CarriedInputs {
  const cells = new Map<string, unknown>();
  const tables = new Map<string, Array<Record<string, unknown>>>();
  const entries: readonly SomeEntry[] = [...CONTRACT, ...slotsUpTo(projects).flatMap(projectEntries)];
  for (const entry of entries.filter((e) => e.role === "input")) {
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

/** The data rows of every table, the three sheets' and `projects` projects', for the inputs carried. */
function rowsFor(inputs: CarriedInputs, projects: number): TableRows {
  const count = (key: string) => inputs.tables.get(key)?.length ?? 0;
  return {
    ...tableRows(Object.fromEntries(TABLE_ENTRIES.map((e) => [e.key, count(e.key)]))),
    ...Object.fromEntries(
      slotsUpTo(projects).map((slot) => [projectTableEntry(slot).key, count(projectTableEntry(slot).key)]),
    ),
  };
}

/** The tables of the template with `projects` project sheets. */
const tablesOf = (projects: number) => [
  ...TABLE_ENTRIES.map((e) => e.table.name),
  ...slotsUpTo(projects).map((slot) => projectTableEntry(slot).table.name),
];

/** The project sheets 1…count, each under its name or, when a sheet not ours has it, a free one. */
function projectTargets(count: number, taken: Set<string>): ProjectTarget[] {
  return slotsUpTo(count).map((slot) => {
    const sheetName = freeName(projectSheetName(slot), taken);
    taken.add(sheetName);
    return { slot, sheetName };
  });
}

export interface InstallOptions {
  /**
   * What functions.js recorded in the shared runtime (registration.ts). "failed": no JXZP formulas are
   * written. Undefined (no record: tests, or a page without functions.js) or "associated": the probe decides.
   */
  readonly functions?: FunctionsRecord;
  /** Excel's UI language (Office.context.displayLanguage): in zh-CN the functions have Chinese names. */
  readonly language?: string;
  /** How many blank project sheets (附件3) a first install adds; none by default. Ignored once installed. */
  readonly projects?: number;
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
  const undo = startUndo(
    worksheets.items.map((s) => s.id),
    allNames,
  );
  const found = workbookFound(
    worksheets.items.map((s) => s.name),
    allNames,
    tables.items.map((t) => t.name),
  );
  const existingTables = found.tables;
  // A name whose cells were deleted (=#REF!), or whose sheet is gone, cannot be read; it is replaced like
  // a missing one. A name over a table converted to a range (转换为区域) is read from those cells.
  const existingNames = new Set(allNames.filter((n) => found.usable(n.name)).map((n) => n.name));
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
    taken.add(listsName);
    const projects = projectTargets(options.projects ?? 0, taken);
    undo.addedSheets.push(listsName, ...Object.values(sheetNames), ...projects.map((p) => p.sheetName));
    undo.addedTables.push(...tablesOf(projects.length));
    const rows = tableRows({});
    await writeUndoable(context, sync, undo, () => {
      // Names of ours left by an earlier, damaged install would clash with names.add.
      for (const item of names.items.filter((n) => isOurName(n.name))) item.delete();
      renderTemplates(context, { sheetNames, listsName, rows, functionFormulas, projects });
      if (functionFormulas) probe = queueProbe(context, listsName, options.language);
    });
    const ranges = helperRanges(sheetNames, rows, projects);
    const functionsFallback = await settleFunctions(context, sync, probe, ranges, projects.length);
    return {
      status: "installed",
      sheetNames,
      projectSheets: projects.map((p) => p.sheetName),
      backupSheets: [],
      syncs,
      ...functionsFallback,
    };
  }

  // Installed: read the version and, in the same sync, every input of the template as it is, every project's too.
  const projectCount = found.projects;
  const projectReads = projectLoads(found);
  const versionRange = context.workbook.names.getItem(VERSION_NAME).getRange().load("values");
  const take = loadContract(
    context,
    [...NAMED_ENTRIES.filter((e) => existingNames.has(e.name)).map((e) => e.name), ...projectReads.names],
    [...TABLE_ENTRIES.filter((e) => existingTables.has(e.table.name)).map((e) => e.table.name), ...projectReads.tables],
    new Map([...converted, ...projectReads.converted]),
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
  const slots = slotsUpTo(projectCount);
  // Our sheets as our names found them, whatever the user called them; only these are set aside.
  const ourSheets = new Set([
    ...Object.values(SHEETS).flatMap((s) => snapshot.sheetName(s.id) ?? []),
    ...slots.flatMap((slot) => snapshot.projectSheet(slot) ?? []),
  ]);
  const installedNames = Object.fromEntries(
    Object.values(SHEETS).map((s) => [s.id, snapshot.sheetName(s.id) ?? s.name]),
  ) as Record<SheetId, string>;
  const has = (e: SomeEntry) =>
    e.table
      ? existingTables.has(e.table.name) || (e.table.optional === true && !converted.has(e.table.name))
      : existingNames.has(e.name);
  const complete = CONTRACT.every(has) && slots.every((slot) => projectEntries(slot).every(has));
  if (previousVersion === TEMPLATE_VERSION && complete)
    return {
      status: "alreadyInstalled",
      sheetNames: installedNames,
      projectSheets: slots.map((slot) => snapshot.projectSheet(slot) ?? projectSheetName(slot)),
      previousVersion,
      backupSheets: [],
      syncs,
    };
  // An older version, or this one with names or tables deleted: set it aside and install it whole again.

  const inputs = carryInputs(snapshot, projectCount);
  const rows = rowsFor(inputs, projectCount);
  // Only our own hidden 字典 (or 字典 (2) …) is replaced; a sheet of the user's that the name points to is kept.
  const listsTarget = found.range(LISTS[0]!.name)?.sheet;
  const oldListsSheet = listsTarget?.startsWith(LISTS_SHEET) ? listsTarget : undefined;
  const ourTables = [...TABLE_ENTRIES, ...slots.map(projectTableEntry)].filter((e) => existingTables.has(e.table.name));

  const backupSheets: string[] = [];
  const sheetNames = {} as Record<SheetId, string>;
  let projects: ProjectTarget[] = [];
  await writeUndoable(context, sync, undo, () => {
    // Set the old template aside: its sheets and tables renamed, its names removed.
    for (const sheet of worksheets.items.filter((s) => ourSheets.has(s.name))) {
      taken.delete(sheet.name);
      const backup = backupName(sheet.name, previousVersion, taken);
      taken.add(backup);
      backupSheets.push(backup);
      undo.renamedSheets.set(sheet.id, sheet.name);
      sheet.name = backup;
    }
    for (const entry of ourTables) {
      const backup = freeName(`${entry.table.name}_旧版`, existingTables, (n) => String(n));
      undo.tableRenames.push([entry.table.name, backup]);
      context.workbook.tables.getItem(entry.table.name).name = backup;
    }
    for (const item of names.items.filter((n) => isOurName(n.name))) item.delete();
    for (const template of TEMPLATE_SHEETS) taken.add((sheetNames[template.id] = freeName(template.name, taken)));
    // The old 字典 is ours alone: renamed out of the way now, deleted once everything else is queued.
    const oldLists = worksheets.items.find((s) => s.name === oldListsSheet);
    if (oldLists) {
      undo.renamedSheets.set(oldLists.id, oldLists.name);
      oldLists.name = freeName(`${oldLists.name}_旧`, taken);
    }
    const listsName = oldListsSheet ?? freeName(LISTS_SHEET, taken);
    taken.add(listsName);
    projects = projectTargets(projectCount, taken);
    undo.addedSheets.push(listsName, ...Object.values(sheetNames), ...projects.map((p) => p.sheetName));
    undo.addedTables.push(...tablesOf(projectCount));
    renderTemplates(context, { sheetNames, listsName, rows, inputs, functionFormulas, projects });
    if (functionFormulas) probe = queueProbe(context, listsName, options.language);
    oldLists?.delete();
  });
  const ranges = helperRanges(sheetNames, rows, projects);
  const functionsFallback = await settleFunctions(context, sync, probe, ranges, projectCount);
  return {
    status: previousVersion === TEMPLATE_VERSION ? "repaired" : "upgraded",
    sheetNames,
    projectSheets: projects.map((p) => p.sheetName),
    previousVersion,
    backupSheets,
    syncs,
    ...functionsFallback,
  };
}

/**
 * After the template's batch: keeps the helper formulas if the probe resolved them, or falls back (to
 * the local form, else to values) over `ranges`, the helper columns just written. Without a probe (the
 * functions failed to associate) values at once. The template is in place by now: a failure here is
 * reported, never undone. `projects`: how many project sheets the workbook has (the values read them).
 */
export async function settleFunctions(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  probe: Probe | undefined,
  ranges: readonly HelperRange[],
  projects: number,
  action = "模板已安装",
): Promise<{ functionsFallback?: FunctionsFallback }> {
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
    await writeHelperValues(context, sync, ranges, projects);
    return { functionsFallback: "values" };
  } catch (error) {
    throw new InstallError(
      `${action}，但核对 JXZP 函数时出错：${(error as Error).message}。` +
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
