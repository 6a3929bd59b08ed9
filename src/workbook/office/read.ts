/**
 * Reading the workbook through Office.js: every contract name and table is loaded in one batch, so the
 * whole workbook is read in one context.sync(); the same batch lists the names and tables, and when they show
 * project sheets (附件3, 项目n_…), one more sync reads all of them, however many. The loaded ranges become a
 * WorkbookSource for the shared model assembler. Our sheets are found through our defined names and tables,
 * never by their names: a sheet the user renamed (Excel keeps the names pointing at it) reads, and every
 * place is named by the sheet as it is called now. When a name or table is missing the batch fails (getItem
 * throws ItemNotFound); one more sync then finds out what is missing and says so in Chinese.
 */
import {
  SHEETS,
  NAMED_ENTRIES,
  TABLE_ENTRIES,
  type AnySheetId,
  type SheetId,
  type TableEntry,
} from "../../domain/contract";
import { columnLetter, columnNumber, parseReference, splitAddress } from "../../domain/a1";
import { PROJECT_SHEET_TITLE } from "../../domain/projects/contract";
import {
  countFound,
  ownerKey,
  ownerOfName,
  ownerOfTable,
  projectCellEntries,
  projectDefinedNames,
  projectTableEntry,
  type SheetOwner,
} from "./names";
import {
  assembleWorkbook,
  WorkbookReadError,
  type AssembledWorkbook,
  type AssembleOptions,
  type TableFound,
  type WorkbookSource,
} from "../assemble";

/** One cell as Excel shows it: its value (a CellError for #DIV/0! …) and its formula or constant. */
export interface ExcelCell {
  readonly value: unknown;
  readonly formula: unknown;
  /**
   * A text that starts with "=" (typed into a cell formatted as text, or after an apostrophe): Excel
   * reads it back alike from values and formulas. It is a constant, not a formula.
   */
  readonly text?: boolean;
}

/** 「附件3-2 项目支出绩效自评表」 → 2. */
const PROJECT_SHEET = new RegExp(`^附件3-(\\d{1,4}) ${PROJECT_SHEET_TITLE}$`);

/** "'附件1 基础数据表'!B5:D5" → sheet, first cell and last cell. */
export function parseRangeAddress(address: string): { sheet: string; start: string; end: string } {
  const place = parseReference(address);
  if (!place) throw new RangeError(`Not a range address: ${address}`);
  return place;
}

type LoadedRange = Pick<Excel.Range, "address" | "values" | "valueTypes" | "formulas">;

/** What one batch loaded, readable after its sync as a WorkbookSource. */
export class ExcelSnapshot implements WorkbookSource {
  private readonly cells = new Map<string, ExcelCell>();
  private readonly names = new Map<string, { sheet: string; start: string }>();
  private readonly tables = new Map<string, TableFound>();
  private readonly sheets: ReadonlySet<string>;
  /** Our sheets as our names and tables found them: id ("eval", "project:2") → the sheet's name now. */
  private readonly found = new Map<string, string>();

  constructor(
    sheetNames: Iterable<string>,
    names: ReadonlyMap<string, LoadedRange>,
    tables: ReadonlyMap<string, LoadedRange & { totalsRow?: boolean }>,
  ) {
    this.sheets = new Set(sheetNames);
    for (const [name, range] of names) {
      const { sheet, start } = this.take(range);
      this.names.set(name, { sheet, start });
      this.place(ownerOfName(name), sheet);
    }
    for (const [name, range] of tables) {
      const { sheet, start, end } = this.take(range);
      this.place(ownerOfTable(name), sheet);
      this.tables.set(name, {
        sheet,
        range: `${start}:${end}`,
        headers: range.values[0]!.map(String),
        totalsRow: range.totalsRow,
      });
    }
  }

  private place(owner: SheetOwner | undefined, sheet: string): void {
    const key = owner && ownerKey(owner);
    if (key && !this.found.has(key)) this.found.set(key, sheet);
  }

  /** Keeps every cell of a loaded range. */
  private take(range: LoadedRange): { sheet: string; start: string; end: string } {
    const place = parseRangeAddress(range.address);
    const first = splitAddress(place.start);
    const firstColumn = columnNumber(first.column);
    range.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const address = `${columnLetter(firstColumn + c)}${first.row + r}`;
        const type = range.valueTypes[r]![c];
        const shown = type === "Error" ? { error: String(value) } : value;
        const formula = range.formulas[r]![c];
        // A formula shows what it computes, never its own text: the same "=…" in both is a text.
        const text = type === "String" && typeof value === "string" && value.startsWith("=") && formula === value;
        this.cells.set(`${place.sheet}!${address}`, { value: shown, formula, ...(text ? { text } : {}) });
      }),
    );
    return place;
  }

  /**
   * A sheet of the workbook; for one of ours under its name in the contract (附件2 自评表), whether our
   * names found it, whatever it is called now.
   */
  hasSheet(name: string): boolean {
    if (this.sheets.has(name) || Object.values(SHEETS).some((s) => s.name === name && this.found.has(s.id)))
      return true;
    const project = PROJECT_SHEET.exec(name);
    return project !== null && this.found.has(`project:${Number(project[1])}`);
  }

  /** The name our sheet `id` has now (the user may have renamed it); undefined when none of ours was read on it. */
  sheetName(id: SheetId): string | undefined {
    return this.found.get(id);
  }

  /** The name project `slot`'s sheet has now; undefined when none of its names or its table was read. */
  projectSheet(slot: number): string | undefined {
    return this.found.get(`project:${slot}`);
  }

  cell(sheet: string, address: string): ExcelCell | undefined {
    return this.cells.get(`${sheet}!${address}`);
  }

  lookup(sheet: string, address: string): { value: unknown; formula: string | null } {
    const cell = this.cell(sheet, address);
    const formula = cell?.formula;
    return {
      value: cell?.value ?? null,
      formula: !cell?.text && typeof formula === "string" && formula.startsWith("=") ? formula : null,
    };
  }

  name(name: string): { sheet: string; start: string } | null {
    return this.names.get(name) ?? null;
  }

  table(name: string): TableFound | null {
    return this.tables.get(name) ?? null;
  }
}

const CELL_PROPERTIES = "address,values,valueTypes,formulas";

/** Where a table converted to a range (转换为区域) was: its sheet, and its range with the header row. */
export interface ConvertedTable {
  readonly sheet: string;
  readonly range: string;
}

/** One batch's loads of names, tables and converted tables, readable after its sync. */
interface Loads {
  readonly worksheets: Excel.WorksheetCollection;
  readonly names: ReadonlyMap<string, LoadedRange>;
  readonly tables: ReadonlyMap<string, { table: { showTotals: boolean }; range: LoadedRange }>;
  readonly converted: ReadonlyArray<readonly [string, LoadedRange]>;
}

function queueLoads(
  context: Excel.RequestContext,
  names: readonly string[],
  tables: readonly string[],
  converted: ReadonlyMap<string, ConvertedTable>,
): Loads {
  return {
    worksheets: context.workbook.worksheets.load("items/name"),
    names: new Map(names.map((name) => [name, context.workbook.names.getItem(name).getRange().load(CELL_PROPERTIES)])),
    tables: new Map(
      tables.map((name) => {
        const table = context.workbook.tables.getItem(name).load("showTotals");
        return [name, { table, range: table.getRange().load(CELL_PROPERTIES) }] as const;
      }),
    ),
    converted: [...converted].map(
      ([name, { sheet, range }]) =>
        [name, context.workbook.worksheets.getItem(sheet).getRange(range).load(CELL_PROPERTIES)] as const,
    ),
  };
}

/** The snapshot of one or more batches' loads (the sheet list of the last). */
function snapshotOf(...loads: Loads[]): ExcelSnapshot {
  return new ExcelSnapshot(
    loads[loads.length - 1]!.worksheets.items.map((s) => s.name),
    new Map(loads.flatMap((l) => [...l.names])),
    new Map(
      loads.flatMap((l) => [
        ...[...l.tables].map(
          ([name, { table, range }]) => [name, Object.assign(range, { totalsRow: table.showTotals })] as const,
        ),
        ...l.converted,
      ]),
    ),
  );
}

/**
 * Queues, in the current batch, the loads of the given names and tables (all of the three sheets' by
 * default) and of the sheet list; call the returned function after the sync. Tables converted to ranges
 * are loaded from where they were, and read as the tables they were.
 */
export function loadContract(
  context: Excel.RequestContext,
  names: readonly string[] = NAMED_ENTRIES.map((e) => e.name),
  tables: readonly string[] = TABLE_ENTRIES.map((e) => e.table.name),
  converted: ReadonlyMap<string, ConvertedTable> = new Map(),
): () => ExcelSnapshot {
  const loads = queueLoads(context, names, tables, converted);
  return () => snapshotOf(loads);
}

/** Every name and table of the template with `projects` project sheets, all there (just installed). */
export function contractNames(projects: number): { names: string[]; tables: string[] } {
  const slots = Array.from({ length: projects }, (_, i) => i + 1);
  return {
    names: [...NAMED_ENTRIES.map((e) => e.name), ...slots.flatMap(projectDefinedNames)],
    tables: [...TABLE_ENTRIES.map((e) => e.table.name), ...slots.map((slot) => projectTableEntry(slot).table.name)],
  };
}

/** What a look found that can be loaded: the names that refer to cells, the tables there, the tables converted. */
export interface Loadable {
  readonly names: readonly string[];
  readonly tables: readonly string[];
  readonly converted: ReadonlyMap<string, ConvertedTable>;
}

/** The loadable names and tables of project sheets 1…found.projects. */
export function projectLoads(found: WorkbookFound): Loadable {
  const slots = Array.from({ length: found.projects }, (_, i) => i + 1);
  const tables = slots.map(projectTableEntry);
  return {
    names: slots.flatMap(projectDefinedNames).filter((name) => found.usable(name)),
    tables: tables.filter((e) => found.tables.has(e.table.name)).map((e) => e.table.name),
    converted: new Map(
      tables.flatMap((e) => {
        const place = found.converted(e);
        return place ? [[e.table.name, place] as const] : [];
      }),
    ),
  };
}

/** The names, tables and sheets of the workbook, listed in the current batch: call the function after the sync. */
export function queueLook(context: Excel.RequestContext): () => WorkbookFound {
  const worksheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name,items/formula");
  const tables = context.workbook.tables.load("items/name");
  return () =>
    workbookFound(
      worksheets.items.map((s) => s.name),
      names.items.map((n) => ({ name: n.name, formula: n.formula })),
      tables.items.map((t) => t.name),
    );
}

export interface ExcelRead extends AssembledWorkbook {
  readonly snapshot: ExcelSnapshot;
  readonly syncs: number;
}

/**
 * Reads the open workbook into the model: one sync, or two when something is missing. Lenient reads
 * (for validation) report cells of the wrong type instead of failing.
 */
export async function readExcelWorkbook(
  context: Excel.RequestContext,
  options: AssembleOptions = {},
): Promise<ExcelRead> {
  const names = NAMED_ENTRIES.map((e) => e.name);
  let look = queueLook(context);
  let loads = queueLoads(
    context,
    names,
    TABLE_ENTRIES.map((e) => e.table.name),
    new Map(),
  );
  let syncs = 1;
  try {
    await context.sync();
  } catch (error) {
    // A table or sheet that a later template version added (已说明的提示, 表式报告) may be absent: read again
    // without it (the assembler reads it as empty).
    const missing = await diagnose(context, error);
    syncs += 1;
    if (missing.problems) throw missing.problems;
    look = queueLook(context);
    const tables = TABLE_ENTRIES.filter((e) => !missing.optionalTables.includes(e.table.name));
    loads = queueLoads(
      context,
      NAMED_ENTRIES.filter((e) => !missing.optionalSheets.includes(e.sheet)).map((e) => e.name),
      tables.map((e) => e.table.name),
      new Map(),
    );
    await context.sync();
    syncs += 1;
  }
  const found = look();
  if (found.projects === 0) {
    const snapshot = snapshotOf(loads);
    return { ...assembleWorkbook(snapshot, options), snapshot, syncs };
  }
  // The project sheets, all of them in one more batch.
  const projects = projectLoads(found);
  const more = queueLoads(context, projects.names, projects.tables, projects.converted);
  try {
    await context.sync();
  } catch (error) {
    throw new WorkbookReadError([
      `读取项目表失败：${(error as Error).message}。请退出单元格编辑后重试；若仍失败，请按「安装模板」修复模板。`,
    ]);
  }
  syncs += 1;
  const snapshot = snapshotOf(loads, more);
  return { ...assembleWorkbook(snapshot, options), snapshot, syncs };
}

/**
 * After a failed read: which sheets, names or tables are missing, in one more sync. Our sheets are found
 * by our names and tables (a renamed sheet is not missing). Only optional tables missing → the read can
 * be tried again without them; anything else → the problems to show.
 */
async function diagnose(
  context: Excel.RequestContext,
  cause: unknown,
): Promise<{ problems: WorkbookReadError | null; optionalTables: string[]; optionalSheets: SheetId[] }> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name,items/formula");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const found = workbookFound(
    worksheets.items.map((s) => s.name),
    names.items.map((n) => ({ name: n.name, formula: n.formula })),
    tables.items.map((t) => t.name),
  );
  const problems = [
    ...Object.values(SHEETS)
      .filter((s) => !found.sheets.has(s.id) && !s.optional)
      .map((s) => `缺少工作表「${s.name}」`),
    ...NAMED_ENTRIES.filter((e) => found.sheets.has(e.sheet)).flatMap((e) => {
      const formula = found.formulas.get(e.name);
      if (formula === undefined) return [`缺少名称「${e.name}」（${e.label}）`];
      return found.range(e.name) ? [] : [`名称「${e.name}」（${e.label}）已失效（${formula.slice(0, 40)}）`];
    }),
    ...TABLE_ENTRIES.filter((e) => found.sheets.has(e.sheet) && !found.tables.has(e.table.name))
      .filter((e) => !e.table.optional || found.converted(e))
      .map((e) => `表格「${e.table.name}」已不存在（可能被“转换为区域”），已填写的内容仍在工作表上`),
  ];
  const optionalTables = TABLE_ENTRIES.filter(
    (e) => e.table.optional && !found.tables.has(e.table.name) && !found.converted(e),
  ).map((e) => e.table.name);
  const optionalSheets = Object.values(SHEETS)
    .filter((s) => s.optional && !found.sheets.has(s.id))
    .map((s) => s.id);
  if (problems.length === 0 && (optionalTables.length > 0 || optionalSheets.length > 0))
    return { problems: null, optionalTables, optionalSheets };
  if (problems.length === 0)
    return {
      problems: new WorkbookReadError([`读取工作簿失败：${(cause as Error).message}。请退出单元格编辑后重试。`]),
      optionalTables,
      optionalSheets,
    };
  const shown = problems.length > 8 ? [...problems.slice(0, 8), `……共 ${problems.length} 处`] : problems;
  return {
    problems: new WorkbookReadError([...shown, "请按「安装模板」补全模板：已填写的内容会保留（原工作表留作备份）。"]),
    optionalTables,
    optionalSheets,
  };
}

/** The workbook's sheets, names and tables as one look found them, and what they say of our template. */
export interface WorkbookFound {
  /** Our sheets that are there, whatever they are called now: found by our names and tables, or by name. */
  readonly sheets: ReadonlySet<SheetId>;
  readonly formulas: ReadonlyMap<string, string>;
  readonly tables: ReadonlySet<string>;
  /** How many project sheets (附件3) there are: slots 1…projects, each found by a name or its table. */
  readonly projects: number;
  /** The cells a name refers to, on a sheet that exists; null for #REF!, a table or anything else. */
  range(name: string): { sheet: string; start: string; end: string } | null;
  /** Whether a name can be read: it refers to cells on a sheet that exists, or to a table that is there. */
  usable(name: string): boolean;
  /**
   * A table of ours that is gone while its name refers to cells (Excel's 转换为区域 rewrites =绩效指标 to
   * the cells the table covered): where it was, its header row included. A project's table, which has no name
   * of its own, is placed between the project's cells above and below it.
   */
  converted(entry: TableEntry<string, AnySheetId>): ConvertedTable | null;
}

export function workbookFound(
  sheetNames: readonly string[],
  names: ReadonlyArray<{ name: string; formula: string }>,
  tableNames: readonly string[],
): WorkbookFound {
  const existing = new Set(sheetNames);
  const formulas = new Map(names.map((n) => [n.name, n.formula]));
  const tables = new Set(tableNames);
  const range = (name: string) => {
    const formula = formulas.get(name);
    const place = formula === undefined ? null : parseReference(formula);
    return place && existing.has(place.sheet) ? place : null;
  };
  const sheets = new Set<SheetId>(Object.values(SHEETS).flatMap((s) => (existing.has(s.name) ? [s.id] : [])));
  for (const entry of NAMED_ENTRIES) if (range(entry.name)) sheets.add(entry.sheet);
  for (const entry of TABLE_ENTRIES) if (tables.has(entry.table.name) || range(entry.name)) sheets.add(entry.sheet);
  return {
    sheets,
    formulas,
    tables,
    projects: countFound(formulas.keys(), tables),
    range,
    usable: (name) => {
      const formula = formulas.get(name);
      return formula !== undefined && (range(name) !== null || tables.has(formula.replace(/^=/, "")));
    },
    converted(entry) {
      if (tables.has(entry.table.name)) return null;
      if (entry.sheet === "project" && entry.name === entry.table.name) return convertedProject(entry, range);
      const place = range(entry.name);
      if (!place) return null;
      const { column, row } = splitAddress(place.start);
      if (row < 2) return null;
      return { sheet: place.sheet, range: `${column}${row - 1}:${place.end}` };
    },
  };
}

/**
 * Where a project's indicator table was before it was converted to a range: from its header row (as far below
 * the project's last cell above the table as the template puts it) down to the row above its first cell below
 * (分值合计), across the table's columns. Null when those cells' names cannot say.
 */
function convertedProject(
  entry: TableEntry<string, AnySheetId>,
  range: (name: string) => { sheet: string; start: string } | null,
): ConvertedTable | null {
  const cells = projectCellEntries(entry.slot!);
  const rowOf = (address: string) => splitAddress(address.split(":")[0]!).row;
  const header = entry.table.headerRow;
  const above = cells.filter((e) => rowOf(e.address) < header).sort((a, b) => rowOf(b.address) - rowOf(a.address))[0];
  const below = cells.filter((e) => rowOf(e.address) > header).sort((a, b) => rowOf(a.address) - rowOf(b.address))[0];
  const top = above && range(above.name);
  const bottom = below && range(below.name);
  if (!top || !bottom || top.sheet !== bottom.sheet) return null;
  const headerRow = splitAddress(top.start).row + header - rowOf(above.address);
  const lastRow = splitAddress(bottom.start).row - 1;
  if (lastRow <= headerRow) return null;
  const columns = entry.table.columns;
  return {
    sheet: top.sheet,
    range: `${columns[0]!.column}${headerRow}:${columns[columns.length - 1]!.column}${lastRow}`,
  };
}
