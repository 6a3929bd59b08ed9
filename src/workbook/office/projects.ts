/**
 * 添加项目表 and 删除项目表 in Excel through Office.js: the project tables (附件3, SPEC §10) of an installed
 * template, one sheet each, found by their defined names (项目n_…) and tables (项目n_绩效指标), never by sheet names.
 *
 * - Adding renders a blank project sheet after the last, 「附件3-(n+1) 项目支出绩效自评表」, from the template data
 *   (names, table, formulas, validation, formats) as 安装模板 renders it: three syncs (look, write, read the JXZP
 *   functions' probe back), whatever n.
 * - Removing project k of n deletes its sheet and names; projects k+1…n move up a slot in place, so the slots stay
 *   1…n−1 and a key keeps its meaning ("the k-th project table"): each later sheet keeps everything on it (what
 *   was typed, rows added, formats, notes) and only changes number — its names are defined again under the slot
 *   before (项目3_全年执行数 → 项目2_全年执行数, at the same cells), its table renamed (Excel carries the structured
 *   references along), its formulas that name the slot written with the new names, and the sheet renamed when it
 *   still has our name (附件3-3 → 附件3-2; a name the user gave it stays). Three syncs (look, read the later
 *   sheets' formulas, write), whatever n.
 * Both are one write batch, undone if Excel refuses part of it (undo.ts). The one step that cannot be undone,
 * deleting the sheet, comes last in the batch: it runs only when everything before it landed.
 */
import { columnLetter, columnNumber, splitAddress } from "../../domain/a1";
import { compareVersions, entryOf, TEMPLATE_VERSION } from "../../domain/contract";
import { LISTS, VERSION_NAME } from "../../domain/template";
import {
  MAX_PROJECTS,
  parseProjectPath,
  projectAnchorName,
  projectNamePrefix,
  projectPrefix,
  projectSheetName,
} from "../../domain/projects/contract";
import type { FunctionsRecord } from "../../functions/registration";
import type { ProjectAdded, ProjectRemoved } from "../../usecases/host";
import { projectHelperRanges, queueProbe, type Probe } from "./functions-check";
import { settleFunctions } from "./install";
import { projectDefinedNames, projectSlotOfName, projectTableEntry } from "./names";
import { parseRangeAddress, workbookFound, type WorkbookFound } from "./read";
import { renderProject } from "./render";
import { freeName, InstallError, startUndo, writeUndoable, type Undo } from "./undo";

export interface ProjectOptions {
  /** The new project's 项目名称, when the user gave one. */
  readonly name?: string | null;
  /** What functions.js recorded (registration.ts): "failed" writes no JXZP formula. */
  readonly functions?: FunctionsRecord;
  /** Excel's UI language: in zh-CN the functions have Chinese names. */
  readonly language?: string;
}

/** A counter of syncs around context.sync(). */
function syncCounter(context: Excel.RequestContext) {
  const counter = {
    syncs: 0,
    sync: async () => {
      counter.syncs += 1;
      await context.sync();
    },
  };
  return counter;
}

/** The workbook's sheets (with their ids), names and tables, queued for one look. */
function queueLook(context: Excel.RequestContext) {
  const worksheets = context.workbook.worksheets.load("items/name,items/id");
  const names = context.workbook.names.load("items/name,items/formula");
  const tables = context.workbook.tables.load("items/name");
  return () => {
    const list = names.items.map((n) => ({ name: n.name, formula: n.formula }));
    const found = workbookFound(
      worksheets.items.map((s) => s.name),
      list,
      tables.items.map((t) => t.name),
    );
    return { worksheets, names, list, found };
  };
}

/** Adds a blank project sheet after the last: 「附件3-(n+1) 项目支出绩效自评表」. */
export async function addProject(context: Excel.RequestContext, options: ProjectOptions = {}): Promise<ProjectAdded> {
  const counter = syncCounter(context);
  const { sync } = counter;
  const look = queueLook(context);
  const version = context.workbook.names.getItem(VERSION_NAME).getRange().load("values");
  // The new table's 年度 is the workbook's (附件2's, else 附件1's), as `jxzp project add` gives it: its title shows it.
  const years = [entryOf("eval.year"), entryOf("basic.year")].map((e) =>
    context.workbook.names.getItem(e.name).getRange().load("values"),
  );
  try {
    await sync();
  } catch (error) {
    throw new InstallError(
      `工作簿中没有完整的模板（${(error as Error).message}），未添加项目表：请先按「安装模板」安装或修复模板。`,
      error,
    );
  }
  const { worksheets, names, list, found } = look();
  const installed = String(version.values[0]![0]);
  if (compareVersions(installed, TEMPLATE_VERSION) !== 0)
    throw new InstallError(
      compareVersions(installed, TEMPLATE_VERSION) < 0
        ? `工作簿中的模板是 ${installed} 版：请先按「安装模板」升级到 ${TEMPLATE_VERSION} 版，再添加项目表。`
        : `工作簿中的模板是 ${installed} 版，比本加载项的 ${TEMPLATE_VERSION} 版新：请更新绩效自评助手后再添加项目表。`,
    );
  if (found.projects >= MAX_PROJECTS) throw new InstallError(`工作簿已有 ${found.projects} 个项目表，不能再添加。`);

  const slot = found.projects + 1;
  const year = years.map((range) => range.values[0]![0]).find((value) => typeof value === "number");
  const name = options.name?.trim();
  const inputs = {
    cells: new Map<string, unknown>([
      [`${projectPrefix(slot)}.year`, year ?? null],
      [`${projectPrefix(slot)}.name`, name ? name : null],
    ]),
    tables: new Map(),
  };
  const sheetName = freeName(projectSheetName(slot), new Set(worksheets.items.map((s) => s.name)));
  const listsSheet = found.range(LISTS[0]!.name)?.sheet;
  const functionFormulas = options.functions?.state !== "failed";
  const undo = startUndo(
    worksheets.items.map((s) => s.id),
    list,
  );
  undo.addedSheets.push(sheetName);
  undo.addedTables.push(projectTableEntry(slot).table.name);
  let probe: Probe | undefined;
  await writeUndoable(
    context,
    sync,
    undo,
    () => {
      // Names of this slot left behind (a sheet deleted by hand) would clash with the new ones.
      for (const item of names.items.filter((n) => projectSlotOfName(n.name) === slot)) item.delete();
      renderProject(context, { slot, sheetName }, { rows: {}, functionFormulas, inputs }).activate();
      if (functionFormulas && listsSheet) probe = queueProbe(context, listsSheet, options.language);
    },
    "添加项目表",
  );
  const ranges = projectHelperRanges([{ slot, sheetName }], {});
  // Without the functions (functions.js failed) the helper columns were left without formulas: say so, as 安装模板 does.
  const settled = probe
    ? await settleFunctions(context, sync, probe, ranges, slot, "项目表已添加")
    : functionFormulas
      ? {}
      : { functionsFallback: "values" as const };
  return { slot, sheetName, projects: slot, syncs: counter.syncs, ...settled };
}

/** Where project `slot`'s sheet is, by the first of its names that refers to cells; null when none does. */
function projectSheetOf(found: WorkbookFound, slot: number): string | null {
  for (const name of projectDefinedNames(slot)) {
    const place = found.range(name);
    if (place) return place.sheet;
  }
  return null;
}

/** "项目3_" in a formula (not inside a longer name, nor in a string): what renumbering rewrites. */
function slotReference(slot: number): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_.])${projectNamePrefix(slot)}`, "gu");
}

/** A formula with project `from`'s names and table named as project `to`'s, strings left alone. */
export function renumberFormula(formula: string, from: number, to: number): string {
  const pattern = slotReference(from);
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(pattern, projectNamePrefix(to))))
    .join("");
}

/** Whether a formula names project `slot`'s cells (not only its table, whose references Excel renames itself). */
function namesSlotCells(formula: string, slot: number): boolean {
  const table = projectTableEntry(slot).table.name;
  const code = formula.split(/"(?:[^"]|"")*"/).join(" ");
  return [...code.matchAll(new RegExp(`${slotReference(slot).source}[\\p{L}\\p{N}_.]*`, "gu"))].some(
    (m) => m[0] !== table,
  );
}

const ACKNOWLEDGEMENTS = entryOf("review.acknowledgements");

/**
 * The rows of 已说明的提示 (rule, reason, key) whose key is a project's, as removing project `slot` leaves them
 * (withProjectRemoved's rule): a later project's key names its new slot; the removed project's rows are cleared.
 */
function renumberAcknowledgements(
  context: Excel.RequestContext,
  table: Pick<Excel.Range, "address" | "formulas">,
  slot: number,
  sheets: readonly Excel.Worksheet[],
  undo: Undo,
): void {
  const place = parseRangeAddress(table.address);
  const sheet = sheets.find((s) => s.name === place.sheet);
  const header = table.formulas[0]!.map(String);
  const keyColumn = header.indexOf(ACKNOWLEDGEMENTS.table.columns[2]!.label);
  if (!sheet || keyColumn < 0) return;
  const origin = splitAddress(place.start);
  table.formulas.slice(1).forEach((row, r) => {
    const key = typeof row[keyColumn] === "string" ? (row[keyColumn] as string) : "";
    const parsed = parseProjectPath(key.trim());
    if (!parsed || parsed.slot < slot) return;
    const rowNumber = origin.row + 1 + r;
    const rewrite = (column: number, value: unknown) => {
      const address = `${columnLetter(columnNumber(origin.column) + column)}${rowNumber}`;
      undo.cells.push({ sheetId: sheet.id, address, formula: row[column] });
      sheet.getRange(address).formulas = [[value]];
    };
    if (parsed.slot > slot) {
      const rest = parsed.relative === "" ? "" : `.${parsed.relative}`;
      rewrite(keyColumn, `${projectPrefix(parsed.slot - 1)}${rest}`);
    } else row.forEach((_, column) => rewrite(column, ""));
  });
}

/**
 * Removes project `slot`'s sheet; the later projects move up a slot, keeping everything on their sheets.
 * `expectedName`: the 项目名称 the user confirmed; if project `slot` says otherwise now, nothing is removed.
 */
export async function removeProject(
  context: Excel.RequestContext,
  slot: number,
  expectedName?: string | null,
): Promise<ProjectRemoved> {
  const counter = syncCounter(context);
  const { sync } = counter;
  const look = queueLook(context);
  await sync();
  const { worksheets, names, list, found } = look();
  const count = found.projects;
  if (!Number.isInteger(slot) || slot < 1 || slot > count)
    throw new InstallError(
      count === 0 ? "工作簿中没有项目表。" : `没有第 ${slot} 个项目表（共 ${count} 个）：请重新选择。`,
    );
  const slots = Array.from({ length: count - slot + 1 }, (_, i) => slot + i);

  // Read: the project's name (to check it is the one confirmed) and the later sheets' formulas.
  const sheetOf = new Map(slots.map((j) => [j, projectSheetOf(found, j)]));
  const anchor = found.range(projectAnchorName(slot))
    ? context.workbook.names.getItem(projectAnchorName(slot)).getRange().load("values")
    : null;
  const tableRanges = new Map(
    slots
      .filter((j) => found.tables.has(projectTableEntry(j).table.name) && !sheetOf.get(j))
      .map((j) => [j, context.workbook.tables.getItem(projectTableEntry(j).table.name).getRange().load("address")]),
  );
  const used = new Map(
    slots
      .filter((j) => j > slot && sheetOf.get(j))
      .map((j) => [
        j,
        context.workbook.worksheets.getItem(sheetOf.get(j)!).getUsedRange(true).load("address,formulas"),
      ]),
  );
  // The explanations kept for the projects' warnings (已说明的提示, keyed projects[n].…) move with their projects.
  const acknowledgements = found.tables.has(ACKNOWLEDGEMENTS.table.name)
    ? context.workbook.tables.getItem(ACKNOWLEDGEMENTS.table.name).getRange().load("address,formulas")
    : null;
  try {
    await sync();
  } catch (error) {
    throw new InstallError(
      `读取项目表失败，工作簿未作改动：${(error as Error).message}。请退出单元格编辑后重试。`,
      error,
    );
  }
  for (const [j, range] of tableRanges) sheetOf.set(j, parseRangeAddress(range.address).sheet);
  const shownName = anchor ? anchor.values[0]![0] : undefined;
  if (expectedName !== undefined && shownName !== undefined) {
    // As the model reads it (trimmed; empty is none): a name typed with a stray space is still the one confirmed.
    const now = shownName === null || shownName === undefined ? null : String(shownName).trim() || null;
    if (now !== (expectedName?.trim() || null))
      throw new InstallError(
        `附件3-${slot} 的项目名称现在是「${now ?? "（空）"}」，不是确认删除时的「${expectedName ?? "（空）"}」：` +
          "未删除，请重新选择。",
      );
  }

  const undo = startUndo(
    worksheets.items.map((s) => s.id),
    list,
  );
  const taken = new Set(worksheets.items.map((s) => s.name));
  const tableNames = new Set([...found.tables, ...found.formulas.keys()]);
  const sheetByName = (name: string | null | undefined) =>
    name ? worksheets.items.find((s) => s.name === name) : undefined;
  const removedSheet = sheetByName(sheetOf.get(slot));
  const moved: Array<{ from: string; to: string }> = [];

  const queue = () => {
    // The project removed: its names deleted, its table and sheet renamed out of the way (deleted last).
    for (const item of names.items.filter((n) => projectSlotOfName(n.name) === slot)) item.delete();
    const ownTable = projectTableEntry(slot).table.name;
    if (found.tables.has(ownTable)) {
      const aside = freeName(`${ownTable}_删除`, tableNames, (n) => String(n));
      tableNames.add(aside);
      undo.tableRenames.push([ownTable, aside]);
      context.workbook.tables.getItem(ownTable).name = aside;
    }
    if (removedSheet) {
      const aside = freeName(`~${removedSheet.name}`.slice(0, 28), taken);
      taken.delete(removedSheet.name);
      taken.add(aside);
      undo.renamedSheets.set(removedSheet.id, removedSheet.name);
      removedSheet.name = aside;
    }
    // Each later project one slot up, in order (the slot before is free by then).
    for (const j of slots.filter((j) => j > slot)) {
      const prefix = projectNamePrefix(j);
      for (const item of names.items.filter((n) => projectSlotOfName(n.name) === j)) {
        item.delete();
        // A name that refers to nothing (#REF!) is not carried: 校验 names it, 安装模板 repairs it.
        if (found.usable(item.name))
          context.workbook.names.add(`${projectNamePrefix(j - 1)}${item.name.slice(prefix.length)}`, item.formula);
      }
      const table = projectTableEntry(j).table.name;
      if (found.tables.has(table)) {
        const renamed = projectTableEntry(j - 1).table.name;
        undo.tableRenames.push([table, renamed]);
        context.workbook.tables.getItem(table).name = renamed;
      }
      const sheet = sheetByName(sheetOf.get(j));
      if (!sheet) continue;
      const range = used.get(j);
      if (range) {
        const origin = splitAddress(parseRangeAddress(range.address).start);
        range.formulas.forEach((row, r) =>
          row.forEach((formula, c) => {
            if (typeof formula !== "string" || !formula.startsWith("=") || !namesSlotCells(formula, j)) return;
            const address = `${columnLetter(columnNumber(origin.column) + c)}${origin.row + r}`;
            undo.cells.push({ sheetId: sheet.id, address, formula });
            sheet.getRange(address).formulas = [[renumberFormula(formula, j, j - 1)]];
          }),
        );
      }
      const from = sheet.name;
      let to = from;
      if (from === projectSheetName(j)) {
        taken.delete(from);
        to = freeName(projectSheetName(j - 1), taken);
        taken.add(to);
        undo.renamedSheets.set(sheet.id, from);
        sheet.name = to;
      }
      moved.push({ from, to });
    }
    if (acknowledgements) renumberAcknowledgements(context, acknowledgements, slot, worksheets.items, undo);
    // Last: the one step that cannot be undone.
    removedSheet?.delete();
  };
  await writeUndoable(context, sync, undo, queue, "删除项目表");
  return {
    slot,
    sheetName: sheetOf.get(slot) ?? projectSheetName(slot),
    moved,
    projects: count - 1,
    syncs: counter.syncs,
  };
}
