/**
 * One write batch that changes the template (安装模板, 添加项目表, 删除项目表), undone if Excel refuses part of it.
 * Excel cannot undo an add-in's change, and a batch that fails keeps what ran before the failure: so each run
 * records what it does as it queues it, and a failed batch is followed by two more syncs (look at what landed,
 * put it back) that undo that and nothing else — the sheets it added, the sheets and tables it renamed, the
 * cells it rewrote, our names. A sheet, table or name someone else added meanwhile (a co-author, the user) stays.
 */
import { isOurName } from "./names";

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

/** What a run does to the workbook, recorded as it queues the write: what a failed write undoes. */
export interface Undo {
  /** The ids of the sheets there before the run: none of them is deleted. */
  readonly sheetIds: ReadonlySet<string>;
  /** The names this run gives the sheets it adds (a sheet is ours if it is new and so named). */
  readonly addedSheets: string[];
  /** Sheets this run renamed: id → the name it had. */
  readonly renamedSheets: Map<string, string>;
  /** [original, new] table names, in the order renamed. */
  readonly tableRenames: Array<readonly [string, string]>;
  /** The tables this run adds (on the sheets it adds: gone when they are deleted). */
  readonly addedTables: string[];
  /** Our names (template, lists, version, projects) as they were: the only names the run deletes or adds. */
  readonly names: ReadonlyMap<string, string>;
  /** Cells this run rewrote on sheets that were there (by sheet id): their formulas as they were. */
  readonly cells: Array<{ readonly sheetId: string; readonly address: string; readonly formula: unknown }>;
}

/** An empty record of a run, over the workbook as the look found it. */
export function startUndo(
  sheetIds: Iterable<string>,
  names: ReadonlyArray<{ readonly name: string; readonly formula: string }>,
): Undo {
  return {
    sheetIds: new Set(sheetIds),
    addedSheets: [],
    renamedSheets: new Map(),
    tableRenames: [],
    addedTables: [],
    names: new Map(names.filter((n) => isOurName(n.name)).map((n) => [n.name, n.formula])),
    cells: [],
  };
}

/**
 * Runs one write batch; if it fails, undoes what landed and throws an InstallError whose sentence begins with
 * `action` (安装模板, 添加项目表 …).
 */
export async function writeUndoable(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  undo: Undo,
  queue: () => void,
  action = "安装模板",
): Promise<void> {
  try {
    context.application.suspendApiCalculationUntilNextSync();
    queue();
    await sync();
  } catch (error) {
    try {
      await restore(context, sync, undo);
    } catch (undoError) {
      throw new InstallError(
        `${action}失败，且未能完全恢复原状：${(error as Error).message}（${(undoError as Error).message}）。` +
          "请不要保存，关闭工作簿（不保存）后重新打开再试。",
        error,
      );
    }
    throw new InstallError(
      `${action}失败，工作簿未作改动：${(error as Error).message}。请退出单元格编辑后重试。`,
      error,
    );
  }
}

/**
 * Undoes what this run did, and only that: the sheets it added (new since the look, under the names it
 * gave them) deleted, the sheets and tables it renamed renamed back, the cells it rewrote put back, our names
 * as they were. Sheets, tables and names someone else added meanwhile (a co-author, the user) stay.
 */
async function restore(context: Excel.RequestContext, sync: () => Promise<void>, undo: Undo): Promise<void> {
  const sheets = context.workbook.worksheets.load("items/id,items/name");
  const names = context.workbook.names.load("items/name,items/formula");
  const tables = context.workbook.tables.load("items/name");
  await sync();
  for (const sheet of sheets.items.filter((s) => !undo.sheetIds.has(s.id) && undo.addedSheets.includes(s.name)))
    sheet.delete();
  // Back to their names in the reverse order of the run (a name freed by one rename may be taken by the next).
  const renamed = sheets.items.filter((s) => undo.renamedSheets.has(s.id) && undo.renamedSheets.get(s.id) !== s.name);
  for (const sheet of renamed) sheet.name = `${sheet.id.replace(/\W/g, "")}~`.slice(-31);
  for (const sheet of renamed) sheet.name = undo.renamedSheets.get(sheet.id)!;
  // A rename landed when its new name is there and its old one is not (the tables this run added go with their
  // sheets); undone last to first, so a chain (项目2 → 项目1, 项目3 → 项目2) unwinds.
  const tableNames = new Set(tables.items.map((t) => t.name).filter((name) => !undo.addedTables.includes(name)));
  for (const [name, renamedTo] of [...undo.tableRenames].reverse()) {
    if (!tableNames.has(renamedTo) || tableNames.has(name)) continue;
    context.workbook.tables.getItem(renamedTo).name = name;
    tableNames.delete(renamedTo);
    tableNames.add(name);
  }
  for (const cell of undo.cells) {
    const sheet = sheets.items.find((s) => s.id === cell.sheetId);
    if (sheet) sheet.getRange(cell.address).formulas = [[cell.formula]];
  }
  const present = new Set(names.items.map((n) => n.name));
  for (const item of names.items.filter((n) => isOurName(n.name))) {
    const formula = undo.names.get(item.name);
    if (formula === undefined) item.delete();
    // A name re-added by the failed batch points at a sheet deleted just now (#REF! since, even when its text,
    // loaded before, reads as it was): pointed back in any case.
    else item.formula = formula;
  }
  for (const [name, formula] of undo.names) if (!present.has(name)) context.workbook.names.add(name, formula);
  await sync();
}
