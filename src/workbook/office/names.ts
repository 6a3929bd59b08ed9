/**
 * Our defined names and tables in an open workbook: the three sheets' (the contract's), the dropdown lists,
 * the version, and each project table's (项目n_…, SPEC §10). 安装模板 and the project tables' 添加/删除 delete,
 * add and put back only these, never a name of the user's.
 */
import { NAMED_ENTRIES, TABLE_ENTRIES, CONTRACT, type AnySheetId, type TableEntry } from "../../domain/contract";
import { LISTS, VERSION_NAME } from "../../domain/template";
import { countProjects, MAX_PROJECTS, projectEntries } from "../../domain/projects/contract";

/** The names of the three sheets, the lists and the version. */
const SHEET_NAMES = new Set([...CONTRACT.map((e) => e.name), ...LISTS.map((l) => l.name), VERSION_NAME]);

/** The table entry of project `slot`'s sheet (its 绩效指标). */
export function projectTableEntry(slot: number): TableEntry<string, "project"> {
  const entry = projectEntries(slot).find((e) => e.shape === "table");
  if (entry?.shape !== "table") throw new RangeError("A project sheet has its indicator table");
  return entry;
}

/** The cell entries of project `slot` (one defined name each). */
export const projectCellEntries = (slot: number) => projectEntries(slot).filter((e) => e.shape !== "table");

/**
 * The defined names a project sheet has: one per cell, and one over its table unless the table's own name is
 * that name (a defined name cannot share a table's name in Excel: the table's name already works in formulas).
 */
export function projectDefinedNames(slot: number): string[] {
  const table = projectTableEntry(slot);
  return [...projectCellEntries(slot).map((e) => e.name), ...(table.name !== table.table.name ? [table.name] : [])];
}

/** "项目3_全年执行数" → 3; null for a name that is not one of a project sheet's. */
export function projectSlotOfName(name: string): number | null {
  const match = /^项目(\d{1,4})_/.exec(name);
  if (!match) return null;
  const slot = Number(match[1]);
  if (slot < 1 || slot > MAX_PROJECTS) return null;
  return projectEntries(slot).some((e) => e.name === name) ? slot : null;
}

/** Whether a defined name is one of ours: the three sheets', the lists', the version's or a project's. */
export const isOurName = (name: string) => SHEET_NAMES.has(name) || projectSlotOfName(name) !== null;

/**
 * How many project sheets the workbook's names and tables show: slots 1, 2, … while one of the slot's anchors
 * is there (a name, even broken, or the table).
 */
export function countFound(names: Iterable<string>, tables: Iterable<string>): number {
  const nameSet = new Set(names);
  const tableSet = new Set(tables);
  return countProjects({ name: (n) => nameSet.has(n), table: (t) => tableSet.has(t) });
}

/** Which of our sheets a name or table of ours is on: one of the three, or a project's by slot. */
export type SheetOwner = { readonly sheet: AnySheetId; readonly slot?: number };

const OWNER_OF_NAME = new Map<string, SheetOwner>(NAMED_ENTRIES.map((e) => [e.name, { sheet: e.sheet }]));
const OWNER_OF_TABLE = new Map<string, SheetOwner>(TABLE_ENTRIES.map((e) => [e.table.name, { sheet: e.sheet }]));

export function ownerOfName(name: string): SheetOwner | undefined {
  const known = OWNER_OF_NAME.get(name);
  if (known) return known;
  const slot = projectSlotOfName(name);
  return slot === null ? undefined : { sheet: "project", slot };
}

export function ownerOfTable(name: string): SheetOwner | undefined {
  const known = OWNER_OF_TABLE.get(name);
  if (known) return known;
  const match = /^项目(\d{1,4})_/.exec(name);
  const slot = Number(match?.[1]);
  return slot >= 1 && slot <= MAX_PROJECTS && projectTableEntry(slot).table.name === name
    ? { sheet: "project", slot }
    : undefined;
}

/** A key for a sheet of ours: "basic", "eval", "report", or "project:2". */
export const ownerKey = (owner: SheetOwner) => (owner.sheet === "project" ? `project:${owner.slot}` : owner.sheet);
