/**
 * Reading the workbook through Office.js: every contract name and table is loaded in one batch, so the
 * whole workbook is read in one context.sync(). The loaded ranges become a WorkbookSource for the shared
 * model assembler. When a name or table is missing the batch fails (getItem throws ItemNotFound); one
 * more sync then finds out what is missing and says so in Chinese.
 */
import { SHEETS, NAMED_ENTRIES, TABLE_ENTRIES } from "../../domain/contract";
import { columnLetter, columnNumber, parseReference, splitAddress } from "../../domain/a1";
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
}

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

  constructor(
    sheetNames: Iterable<string>,
    names: ReadonlyMap<string, LoadedRange>,
    tables: ReadonlyMap<string, LoadedRange & { totalsRow?: boolean }>,
  ) {
    this.sheets = new Set(sheetNames);
    for (const [name, range] of names) {
      const { sheet, start } = this.take(range);
      this.names.set(name, { sheet, start });
    }
    for (const [name, range] of tables) {
      const { sheet, start, end } = this.take(range);
      this.tables.set(name, {
        sheet,
        range: `${start}:${end}`,
        headers: range.values[0]!.map(String),
        totalsRow: range.totalsRow,
      });
    }
  }

  /** Keeps every cell of a loaded range. */
  private take(range: LoadedRange): { sheet: string; start: string; end: string } {
    const place = parseRangeAddress(range.address);
    const first = splitAddress(place.start);
    const firstColumn = columnNumber(first.column);
    range.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const address = `${columnLetter(firstColumn + c)}${first.row + r}`;
        const shown = range.valueTypes[r]![c] === "Error" ? { error: String(value) } : value;
        this.cells.set(`${place.sheet}!${address}`, { value: shown, formula: range.formulas[r]![c] });
      }),
    );
    return place;
  }

  hasSheet(name: string): boolean {
    return this.sheets.has(name);
  }

  cell(sheet: string, address: string): ExcelCell | undefined {
    return this.cells.get(`${sheet}!${address}`);
  }

  lookup(sheet: string, address: string): { value: unknown; formula: string | null } {
    const cell = this.cell(sheet, address);
    const formula = cell?.formula;
    return {
      value: cell?.value ?? null,
      formula: typeof formula === "string" && formula.startsWith("=") ? formula : null,
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

/**
 * Queues, in the current batch, the loads of the given names and tables (all of the contract's by
 * default) and of the sheet list; call the returned function after the sync.
 */
export function loadContract(
  context: Excel.RequestContext,
  names: readonly string[] = NAMED_ENTRIES.map((e) => e.name),
  tables: readonly string[] = TABLE_ENTRIES.map((e) => e.table.name),
): () => ExcelSnapshot {
  const worksheets = context.workbook.worksheets.load("items/name");
  const nameRanges = new Map(
    names.map((name) => [name, context.workbook.names.getItem(name).getRange().load(CELL_PROPERTIES)]),
  );
  const tableRanges = new Map(
    tables.map((name) => {
      const table = context.workbook.tables.getItem(name).load("showTotals");
      return [name, { table, range: table.getRange().load(CELL_PROPERTIES) }] as const;
    }),
  );
  return () =>
    new ExcelSnapshot(
      worksheets.items.map((s) => s.name),
      nameRanges,
      new Map(
        [...tableRanges].map(([name, { table, range }]) => [
          name,
          Object.assign(range, { totalsRow: table.showTotals }),
        ]),
      ),
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
  let take = loadContract(context);
  let syncs = 1;
  try {
    await context.sync();
  } catch (error) {
    // A table that a later template version added (已说明的提示) may be absent: read again without it.
    const missing = await diagnose(context, error);
    syncs += 1;
    if (missing.problems) throw missing.problems;
    take = loadContract(
      context,
      undefined,
      TABLE_ENTRIES.filter((e) => !missing.optionalTables.includes(e.table.name)).map((e) => e.table.name),
    );
    await context.sync();
    syncs += 1;
  }
  const snapshot = take();
  return { ...assembleWorkbook(snapshot, options), snapshot, syncs };
}

/**
 * After a failed read: which sheets, names or tables are missing, in one more sync. Only optional
 * tables missing → the read can be tried again without them; anything else → the problems to show.
 */
async function diagnose(
  context: Excel.RequestContext,
  cause: unknown,
): Promise<{ problems: WorkbookReadError | null; optionalTables: string[] }> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const has = (items: ReadonlyArray<{ name: string }>) => new Set(items.map((i) => i.name));
  const sheetSet = has(worksheets.items);
  const nameSet = has(names.items);
  const tableSet = has(tables.items);
  const problems = [
    ...Object.values(SHEETS)
      .filter((s) => !sheetSet.has(s.name))
      .map((s) => `缺少工作表「${s.name}」`),
    ...NAMED_ENTRIES.filter((e) => !nameSet.has(e.name)).map((e) => `缺少名称「${e.name}」（${e.label}）`),
    ...TABLE_ENTRIES.filter((e) => !e.table.optional && !tableSet.has(e.table.name)).map(
      (e) => `缺少表格「${e.table.name}」（${e.label}）`,
    ),
  ];
  const optionalTables = TABLE_ENTRIES.filter((e) => e.table.optional && !tableSet.has(e.table.name)).map(
    (e) => e.table.name,
  );
  if (problems.length === 0 && optionalTables.length > 0) return { problems: null, optionalTables };
  if (problems.length === 0)
    return {
      problems: new WorkbookReadError([`读取工作簿失败：${(cause as Error).message}。请退出单元格编辑后重试。`]),
      optionalTables,
    };
  const shown = problems.length > 8 ? [...problems.slice(0, 8), `……共 ${problems.length} 处`] : problems;
  return {
    problems: new WorkbookReadError([...shown, "请按「安装模板」补全模板：已填写的内容会保留（原工作表留作备份）。"]),
    optionalTables,
  };
}
