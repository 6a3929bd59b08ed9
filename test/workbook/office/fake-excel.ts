/**
 * An in-memory stand-in for the Excel JavaScript API, for the Office.js boundary only. It holds real
 * cell formulas, formats, names, tables and validation; counts context.sync() calls; and fails like Excel
 * where it matters: reading a property that was not loaded throws, names.add on an existing name throws,
 * an invalid address or sheet name throws, and a batch stops at its first failing operation.
 */
import { columnLetter as columnLetters, columnNumber } from "../../../src/domain/a1";

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

/** "B2:D4" → every cell address in it, row by row. */
export function cellsOf(range: string): string[][] {
  const [start, end = start] = range.split(":");
  const a = CELL.exec(start!);
  const b = CELL.exec(end!);
  if (!a || !b) throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing: ${range}`);
  const rows: string[][] = [];
  for (let r = Number(a[2]); r <= Number(b[2]); r++) {
    const row: string[] = [];
    for (let c = columnNumber(a[1]!); c <= columnNumber(b[1]!); c++) row.push(`${columnLetters(c)}${r}`);
    rows.push(row);
  }
  return rows;
}

interface CellState {
  formula: string | number | boolean | null;
  /** What a formula cell shows, as Excel would have calculated it (tests set it; blank until then). */
  value?: unknown;
  numberFormat: string;
  format: Record<string, unknown>;
  validation?: unknown;
}

/** Proxies record reads: a property must be loaded and synced before it can be read. */
abstract class ClientObject {
  protected loaded = new Set<string>();
  private pendingLoad = new Set<string>();
  constructor(protected readonly context: FakeContext) {}

  load(properties?: string | string[] | Record<string, unknown>): this {
    const list =
      typeof properties === "string"
        ? properties.split(",")
        : Array.isArray(properties)
          ? properties
          : Object.keys(properties ?? {});
    for (const p of list) this.pendingLoad.add(p.trim());
    this.context.pendingLoads.push(() => this.pendingLoad.forEach((p) => this.markLoaded(p)));
    return this;
  }

  /** "items/name" loads the collection's items and each item's name. */
  markLoaded(path: string): void {
    const [head, ...rest] = path.split("/");
    this.loaded.add(head!);
    if (head === "items" && rest.length > 0) for (const item of this.children()) item.markLoaded(rest.join("/"));
  }

  protected children(): ClientObject[] {
    return [];
  }

  protected read<T>(property: string, value: () => T): T {
    if (!this.loaded.has(property)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()".`,
      );
    }
    return value();
  }
}

const ERROR_VALUE = /^#(?:DIV\/0!|NAME\?|VALUE!|REF!|N\/A|NUM!|NULL!|CALC!|SPILL!)$/;

export class FakeRange extends ClientObject {
  constructor(
    context: FakeContext,
    public sheet: FakeWorksheet,
    public addressLocal: string,
  ) {
    super(context);
    if (addressLocal) cellsOf(addressLocal); // throws on an invalid address, as Excel does
  }

  /** A range found by name when the batch runs (names.getItem(…).getRange(), tables.getItem(…).getRange()). */
  static resolved(context: FakeContext, resolve: () => { sheet: FakeWorksheet; address: string }): FakeRange {
    const range = new FakeRange(context, undefined as unknown as FakeWorksheet, "");
    context.queue(() => {
      const found = resolve();
      range.sheet = found.sheet;
      range.addressLocal = found.address;
    });
    return range;
  }

  /** What a cell shows: a constant, or a formula's calculated value. */
  private shown(address: string): unknown {
    const cell = this.sheet.cell(address);
    if (typeof cell.formula === "string" && cell.formula.startsWith("=")) return cell.value ?? "";
    return cell.formula ?? "";
  }

  private cells(): string[][] {
    return cellsOf(this.addressLocal);
  }

  get address(): string {
    return this.read("address", () => `'${this.sheet.nameValue}'!${this.addressLocal}`);
  }

  get values(): unknown[][] {
    return this.read("values", () => this.cells().map((row) => row.map((a) => this.shown(a))));
  }

  get valueTypes(): string[][] {
    return this.read("valueTypes", () =>
      this.cells().map((row) =>
        row.map((a) => {
          const value = this.shown(a);
          if (value === "" || value === null) return "Empty";
          if (typeof value === "number") return "Double";
          if (typeof value === "boolean") return "Boolean";
          return ERROR_VALUE.test(String(value)) && String(this.sheet.cell(a).formula).startsWith("=")
            ? "Error"
            : "String";
        }),
      ),
    );
  }

  set formulas(matrix: unknown[][]) {
    this.context.queue(() => {
      const cells = this.cells();
      if (matrix.length !== cells.length || matrix.some((row, i) => row.length !== cells[i]!.length)) {
        throw new FakeExcelError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      cells.forEach((row, r) =>
        row.forEach((a, c) => (this.sheet.cell(a).formula = (matrix[r]![c] ?? null) as CellState["formula"])),
      );
    });
  }

  /** Local formulas depend on the user's Excel language (function names, separators): the adapters must not use them. */
  set formulasLocal(_matrix: unknown[][]) {
    throw new FakeExcelError("NotAllowed", "formulasLocal depends on the Excel language; write range.formulas");
  }

  get formulas(): unknown[][] {
    return this.read("formulas", () => this.cells().map((row) => row.map((a) => this.sheet.cell(a).formula ?? "")));
  }

  set numberFormat(matrix: string[][]) {
    this.context.queue(() =>
      this.cells().forEach((row, r) =>
        row.forEach((a, c) => (this.sheet.cell(a).numberFormat = matrix[r]?.[c] ?? matrix[0]![0]!)),
      ),
    );
  }

  /** Format properties land on every cell of the range (font, fill, borders, alignment …). */
  get format() {
    const apply = (key: string, value: unknown) =>
      this.context.queue(() =>
        this.cells()
          .flat()
          .forEach((a) => (this.sheet.cell(a).format[key] = value)),
      );
    const section = (prefix: string) =>
      new Proxy({}, { set: (_t, key: string, value) => (apply(`${prefix}.${key}`, value), true) });
    const borders = { getItem: (edge: string) => section(`border.${edge}`) };
    return new Proxy(
      { font: section("font"), fill: section("fill"), borders, protection: section("protection") },
      {
        set: (_t, key: string, value) => {
          if (key === "columnWidth")
            this.context.queue(() =>
              this.cells()[0]!.forEach((a) => this.sheet.columnWidths.set(a.replace(/\d+$/, ""), value)),
            );
          else if (key === "rowHeight")
            this.context.queue(() =>
              this.cells().forEach((row) => this.sheet.rowHeights.set(Number(row[0]!.replace(/^[A-Z]+/, "")), value)),
            );
          else apply(key, value);
          return true;
        },
      },
    ) as {
      font: Record<string, unknown>;
      fill: Record<string, unknown>;
      borders: { getItem(e: string): Record<string, unknown> };
      protection: Record<string, unknown>;
      [k: string]: unknown;
    };
  }

  /** rule, prompt and errorAlert land on every cell of the range. */
  get dataValidation() {
    return new Proxy({} as Record<string, unknown>, {
      set: (_t, key: string, value) => {
        this.context.queue(() =>
          this.cells()
            .flat()
            .forEach((a) => {
              const cell = this.sheet.cell(a);
              cell.validation = { ...(cell.validation as object), [key]: value };
            }),
        );
        return true;
      },
    });
  }

  set values(matrix: unknown[][]) {
    this.formulas = matrix;
  }

  select(): void {
    this.context.queue(() => {
      this.context.workbook.selection = { sheet: this.sheet.nameValue, address: this.addressLocal };
    });
  }

  merge(): void {
    this.context.queue(() => this.sheet.merges.push(this.addressLocal));
  }
}

export class FakeNamedItem extends ClientObject {
  constructor(
    context: FakeContext,
    readonly nameValue: string,
    private reference?: string | null,
  ) {
    super(context);
    // Like Excel, the item is looked up when the batch runs.
    if (reference === undefined)
      context.pendingLoads.push(() => (this.reference = context.workbook.names.get(nameValue) ?? null));
  }
  get isNullObject(): boolean {
    if (this.reference === undefined)
      throw new FakeExcelError("PropertyNotLoaded", "isNullObject is known only after context.sync()");
    return this.reference === null;
  }
  delete(): void {
    this.context.queue(() => this.context.workbook.names.delete(this.nameValue));
  }
  get name(): string {
    return this.read("name", () => this.nameValue);
  }
  get formula(): string {
    return this.read("formula", () => this.reference!);
  }
  set formula(value: string) {
    this.context.queue(() => {
      if (!this.context.workbook.names.has(this.nameValue))
        throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${this.nameValue}`);
      this.context.workbook.names.set(this.nameValue, value);
    });
  }
  getRange(): FakeRange {
    return FakeRange.resolved(this.context, () => this.context.workbook.resolve(this.nameValue));
  }
}

export class FakeTable extends ClientObject {
  nameValue: string;
  constructor(
    context: FakeContext,
    readonly sheet: FakeWorksheet,
    public addressLocal: string,
    readonly hasHeaders: boolean,
  ) {
    super(context);
    this.nameValue = `Table${context.workbook.tables.length + 1}`;
  }
  set name(value: string) {
    this.context.queue(() => {
      if (this.context.workbook.tables.some((t) => t !== this && t.nameValue === value))
        throw new FakeExcelError("InvalidArgument", `A table named ${value} already exists.`);
      this.nameValue = value;
    });
  }
  get name(): string {
    return this.read("name", () => this.nameValue);
  }
  /** The table's range, header row included. */
  getRange(): FakeRange {
    return FakeRange.resolved(this.context, () => ({ sheet: this.sheet, address: this.addressLocal }));
  }
  set showFilterButton(value: boolean) {
    this.context.queue(() => (this.showFilter = value));
  }
  set style(value: string) {
    this.context.queue(() => (this.styleName = value));
  }
  showFilter = true;
  styleName = "TableStyleMedium2";
  /** A 汇总行 (total row) as the last row of the range; tests turn it on. */
  showTotalsValue = false;
}

let sheetIds = 0;

export class FakeWorksheet extends ClientObject {
  readonly cellMap = new Map<string, CellState>();
  readonly merges: string[] = [];
  readonly columnWidths = new Map<string, number>();
  readonly rowHeights = new Map<number, number>();
  frozenRows = 0;
  visibilityValue = "Visible";
  gridlines = true;
  readonly pageLayoutSettings: Record<string, unknown> = {};

  readonly idValue = `{SHEET-${++sheetIds}}`;

  constructor(
    context: FakeContext,
    public nameValue: string,
  ) {
    super(context);
  }

  get id(): string {
    return this.read("id", () => this.idValue);
  }

  cell(address: string): CellState {
    let state = this.cellMap.get(address);
    if (!state) this.cellMap.set(address, (state = { formula: null, numberFormat: "General", format: {} }));
    return state;
  }

  get name(): string {
    return this.read("name", () => this.nameValue);
  }

  /** Renaming updates the names that refer to the sheet, as Excel does. */
  set name(value: string) {
    this.context.queue(() => {
      if (this.context.workbook.sheet(value))
        throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or ID already exists: ${value}`);
      const before = `'${this.nameValue.replace(/'/g, "''")}'!`;
      const after = `'${value.replace(/'/g, "''")}'!`;
      for (const [name, reference] of this.context.workbook.names)
        this.context.workbook.names.set(name, reference.split(before).join(after));
      this.nameValue = value;
    });
  }

  set visibility(value: string) {
    this.context.queue(() => (this.visibilityValue = value));
  }

  set showGridlines(value: boolean) {
    this.context.queue(() => (this.gridlines = value));
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, this, address);
  }

  get tables() {
    return {
      add: (address: string, hasHeaders: boolean) => {
        const table = new FakeTable(this.context, this, address, hasHeaders);
        this.context.queue(() => {
          cellsOf(address);
          this.context.workbook.tables.push(table);
        });
        return table;
      },
    };
  }

  get freezePanes() {
    return { freezeRows: (rows: number) => this.context.queue(() => (this.frozenRows = rows)) };
  }

  get pageLayout() {
    const settings = this.pageLayoutSettings;
    return new Proxy({} as Record<string, unknown>, {
      get: (_t, key: string) =>
        key === "setPrintTitleRows"
          ? (rows: string) => this.context.queue(() => (settings.printTitleRows = rows))
          : undefined,
      set: (_t, key: string, value) => (this.context.queue(() => (settings[key] = value)), true),
    });
  }

  delete(): void {
    this.context.queue(() => {
      const sheets = this.context.workbook.sheets;
      sheets.splice(sheets.indexOf(this), 1);
    });
  }
}

const INVALID_SHEET_NAME = /[\\/?*[\]:]/;

export class FakeWorkbook {
  readonly sheets: FakeWorksheet[] = [];
  readonly names = new Map<string, string>();
  readonly tables: FakeTable[] = [];
  calculationSuspensions = 0;
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Make the n-th queued operation of a sync fail (tests of partial failure): of the next sync, or of sync number `failOnSync`. */
  failAtOperation: number | null = null;
  failOnSync: number | null = null;

  sheet(name: string): FakeWorksheet | undefined {
    return this.sheets.find((s) => s.nameValue === name);
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.nameValue === name && this.sheets.includes(t.sheet));
  }

  /** The range a defined name refers to: "='Sheet'!$B$5:$D$5" or a table's data body "=Table1". */
  resolve(name: string): { sheet: FakeWorksheet; address: string } {
    const reference = this.names.get(name);
    if (reference === undefined)
      throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    const table = this.table(reference.replace(/^=/, ""));
    if (table) {
      const [start, end] = table.addressLocal.split(":") as [string, string];
      return { sheet: table.sheet, address: `${start.replace(/\d+$/, (row) => String(Number(row) + 1))}:${end}` };
    }
    const match = /^=?'((?:[^']|'')+)'!(.+)$/.exec(reference);
    const sheet = match && this.sheet(match[1]!.replace(/''/g, "'"));
    if (!sheet) throw new FakeExcelError("InvalidReference", `This reference isn't valid: ${reference}`);
    return { sheet, address: match![2]!.replace(/\$/g, "") };
  }

  /**
   * A user inserting `count` rows above `row` of `sheetName` (adding table rows the Excel way): cells
   * below move down, and names and tables that span the row grow.
   */
  insertRows(sheetName: string, row: number, count: number): void {
    const sheet = this.sheet(sheetName)!;
    const shift = (address: string) =>
      address.replace(
        /(\$?[A-Z]+\$?)(\d+)/g,
        (_m, column: string, r: string) => `${column}${Number(r) >= row ? Number(r) + count : r}`,
      );
    const moved = new Map<string, CellState>();
    for (const [address, state] of sheet.cellMap) moved.set(shift(address), state);
    sheet.cellMap.clear();
    for (const [address, state] of moved) sheet.cellMap.set(address, state);
    sheet.merges.splice(0, sheet.merges.length, ...sheet.merges.map(shift));
    const quoted = `'${sheetName.replace(/'/g, "''")}'!`;
    for (const [name, reference] of this.names)
      if (reference.startsWith(`=${quoted}`))
        this.names.set(name, `=${quoted}${shift(reference.slice(quoted.length + 1))}`);
    for (const table of this.tables.filter((t) => t.sheet === sheet)) {
      const [start, end] = table.addressLocal.split(":") as [string, string];
      // Rows inserted inside a table (below its header) grow it; rows above it move it.
      const top = Number(start.replace(/^[A-Z]+/, ""));
      const bottom = Number(end.replace(/^[A-Z]+/, ""));
      if (row <= top) table.addressLocal = shift(table.addressLocal);
      else if (row <= bottom) table.addressLocal = `${start}:${shift(end)}`;
    }
  }
}

export class FakeContext {
  readonly workbook = new FakeWorkbook();
  syncCount = 0;
  /** Operations run over all syncs (the size of the batches). */
  operationCount = 0;
  private operations: Array<() => void> = [];
  pendingLoads: Array<() => void> = [];

  queue(operation: () => void): void {
    this.operations.push(operation);
  }

  /** Runs the batch in order; like Excel, operations before a failure stay applied. */
  async sync(): Promise<void> {
    this.syncCount += 1;
    const operations = this.operations;
    this.operationCount += operations.length;
    const loads = this.pendingLoads;
    this.operations = [];
    this.pendingLoads = [];
    operations.forEach((operation, index) => {
      const armed = this.workbook.failOnSync === null || this.workbook.failOnSync === this.syncCount;
      if (armed && this.workbook.failAtOperation === index) {
        this.workbook.failAtOperation = null;
        throw new FakeExcelError("GeneralException", "An internal error has occurred.");
      }
      operation();
    });
    loads.forEach((load) => load());
  }

  /** The subset of Excel.RequestContext the adapters use (one object, as Excel's context is). */
  readonly api = this.buildApi();

  private buildApi() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the nested classes below need the context
    const context = this;
    const wb = this.workbook;
    return {
      sync: () => context.sync(),
      application: { suspendApiCalculationUntilNextSync: () => context.queue(() => (wb.calculationSuspensions += 1)) },
      workbook: {
        worksheets: new (class extends ClientObject {
          get items() {
            return this.read("items", () => wb.sheets);
          }
          protected override children() {
            return wb.sheets;
          }
          add(name: string) {
            const sheet = new FakeWorksheet(context, name);
            context.queue(() => {
              if (name.length > 31 || INVALID_SHEET_NAME.test(name))
                throw new FakeExcelError("InvalidArgument", `Invalid sheet name: ${name}`);
              if (wb.sheet(name))
                throw new FakeExcelError(
                  "ItemAlreadyExists",
                  `A resource with the same name or ID already exists: ${name}`,
                );
              wb.sheets.push(sheet);
            });
            return sheet;
          }
          getItemOrNullObject(name: string) {
            return {
              delete: () =>
                context.queue(() => wb.sheet(name) && wb.sheets.splice(wb.sheets.indexOf(wb.sheet(name)!), 1)),
            };
          }
          /** A sheet by name: ItemNotFound when the batch runs if there is none. */
          getItem(name: string) {
            const found = () => {
              const sheet = wb.sheet(name);
              if (!sheet) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
              return sheet;
            };
            return {
              activate: () => context.queue(() => (wb.activeSheet = found().nameValue)),
              getRange: (address: string) => {
                cellsOf(address);
                return FakeRange.resolved(context, () => ({ sheet: found(), address }));
              },
            };
          }
        })(context),
        names: new (class extends ClientObject {
          private snapshot: FakeNamedItem[] = [];
          get items() {
            return this.read("items", () => this.snapshot);
          }
          override load(properties?: string | string[]) {
            context.pendingLoads.push(
              () =>
                (this.snapshot = [...wb.names].map(([name, reference]) => new FakeNamedItem(context, name, reference))),
            );
            return super.load(properties);
          }
          protected override children() {
            return this.snapshot;
          }
          add(name: string, reference: string) {
            context.queue(() => {
              if (wb.names.has(name))
                throw new FakeExcelError(
                  "ItemAlreadyExists",
                  `A resource with the same name or ID already exists: ${name}`,
                );
              wb.names.set(name, reference);
            });
          }
          getItemOrNullObject(name: string) {
            return new FakeNamedItem(context, name);
          }
          /** Throws ItemNotFound when the batch runs if the name does not exist. */
          getItem(name: string) {
            context.queue(() => {
              if (!wb.names.has(name))
                throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
            });
            return new FakeNamedItem(context, name);
          }
        })(context),
        tables: new (class extends ClientObject {
          private snapshot: FakeTable[] = [];
          get items() {
            return this.read("items", () => this.snapshot);
          }
          override load(properties?: string | string[]) {
            context.pendingLoads.push(() => (this.snapshot = wb.tables.filter((t) => wb.sheets.includes(t.sheet))));
            return super.load(properties);
          }
          protected override children() {
            return this.snapshot;
          }
          /** Throws ItemNotFound when the batch runs if there is no such table. */
          getItem(name: string) {
            const range = FakeRange.resolved(context, () => {
              const table = wb.table(name);
              if (!table) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
              return { sheet: table.sheet, address: table.addressLocal };
            });
            return {
              getRange: () => range,
              load: function () {
                return this;
              },
              get showTotals() {
                return wb.table(name)?.showTotalsValue ?? false;
              },
              rows: {
                /** Appends rows at the table's end: cells below move down, as Excel does. */
                add: (_index: number | undefined, values: unknown[][]) =>
                  context.queue(() => {
                    const table = wb.table(name);
                    if (!table)
                      throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
                    const [start, end] = table.addressLocal.split(":") as [string, string];
                    const last = Number(end.replace(/^[A-Z]+/, ""));
                    wb.insertRows(table.sheet.nameValue, last + 1, values.length);
                    table.addressLocal = `${start}:${end.replace(/\d+$/, String(last + values.length))}`;
                    const firstColumn = columnNumber(start.replace(/\d+$/, ""));
                    values.forEach((row, r) =>
                      row.forEach((value, c) => {
                        table.sheet.cell(`${columnLetters(firstColumn + c)}${last + 1 + r}`).formula =
                          value as CellState["formula"];
                      }),
                    );
                  }),
              },
              set name(value: string) {
                context.queue(() => {
                  const table = wb.table(name);
                  if (!table) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
                  if (wb.table(value))
                    throw new FakeExcelError("InvalidArgument", `A table named ${value} already exists.`);
                  table.nameValue = value;
                });
              },
            };
          }
        })(context),
      },
    };
  }
}
