/**
 * An in-memory stand-in for the Excel JavaScript API, for the Office.js boundary only, shared by the
 * adapter tests, the browser harness (test/browser/pages/office-harness.ts) and the bench. It holds real
 * cell formulas, formats, names, tables and validation; counts context.sync() calls; and fails like Excel
 * where it matters: reading a property that was not loaded throws, names.add on an existing name (or on a
 * table's name) throws, a table named like an existing table or defined name throws, an invalid address or
 * sheet name throws, and a batch stops at its first failing operation. A load reads the state at its place in
 * the batch, as Excel's does (a cell loaded, then cleared, reads as it was). A formula that uses a defined name
 * or table that does not exist shows #NAME?; a sheet deleted takes its tables with it and leaves the names that
 * referred to it as #REF!; a table renamed carries the structured references to it along, as Excel's do.
 *
 * It models what custom functions depend on: a formula calling JXZP.… resolves the name when it is
 * entered (range.formulas by id; range.formulasLocal by the names of the Excel's language: Chinese in a
 * zh-CN Excel, from the functions' metadata). A name that does not resolve then — the functions not yet
 * registered — shows #NAME? (or IFERROR's fallback) until the formula is entered again, even after
 * registerFunctions() and a recalculation, as Excel keeps it (OfficeDev/Excel-Custom-Functions#108).
 *
 * It implements the members of Excel the adapters use (excel-api.ts), each typed from @types/office-js;
 * excelContext() hands it to the adapters as an Excel.RequestContext.
 */
import { columnLetter as columnLetters, columnNumber } from "../../src/domain/a1";
import { JXZP_FUNCTIONS } from "../../src/functions/definitions";
import type {
  NamedItemApi,
  NamedItemCollectionApi,
  RangeApi,
  RangeFormatApi,
  RequestContextApi,
  TableApi,
  TableByNameApi,
  TableCollectionApi,
  WorksheetApi,
  WorksheetByNameApi,
  WorksheetCollectionApi,
} from "./excel-api";

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
  /** A JXZP function name the formula calls that did not resolve when it was entered: it shows #NAME?. */
  unresolved?: string;
  /** What a formula cell shows, as Excel would have calculated it (tests set it; blank until then). */
  value?: unknown;
  numberFormat: string;
  /**
   * A text constant, entered into a cell formatted as text ("@"): what it says, never a formula, even
   * when it starts with "=" (as Excel keeps it; range.formulas then reads the text, as range.values does).
   */
  text?: boolean;
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
        `The property '${property}' is not available. ` +
          "Before reading the property's value, call the load method on the containing object " +
          'and call "context.sync()".',
      );
    }
    return value();
  }
}

const ERROR_VALUE = /^#(?:DIV\/0!|NAME\?|VALUE!|REF!|N\/A|NUM!|NULL!|CALC!|SPILL!)$/;

/** Where a range is: a sheet and an A1 address on it. */
interface Place {
  sheet: FakeWorksheet;
  address: string;
}

export class FakeRange extends ClientObject implements RangeApi {
  /** Known at once for sheet.getRange(address); once the batch has run for a range found by name. */
  private place: Place | undefined;

  constructor(context: FakeContext, place?: Place) {
    super(context);
    if (place?.address) cellsOf(place.address); // throws on an invalid address, as Excel does
    this.place = place;
  }

  /** A range found by name when the batch runs (names.getItem(…).getRange(), tables.getItem(…).getRange()). */
  static resolved(context: FakeContext, resolve: () => Place): FakeRange {
    const range = new FakeRange(context);
    context.queue(() => (range.place = resolve()));
    return range;
  }

  private get sheet(): FakeWorksheet {
    return this.located().sheet;
  }

  private get addressLocal(): string {
    return this.located().address;
  }

  private located(): Place {
    if (!this.place) throw new FakeExcelError("InvalidOperation", "The range is known only after context.sync()");
    return this.place;
  }

  /** What the range's loaded properties read as: the state where load() stood in its batch. */
  private snapshot: { values: unknown[][]; valueTypes: RangeApi["valueTypes"]; formulas: unknown[][] } | undefined;

  override load(properties?: string | string[] | Record<string, unknown>): this {
    super.load(properties);
    this.context.queueLoad(() => {
      this.snapshot = { values: this.liveValues(), valueTypes: this.liveValueTypes(), formulas: this.liveFormulas() };
    });
    return this;
  }

  /**
   * What a cell shows: a constant, or a formula's calculated value (tests set it); #NAME? for a formula
   * whose JXZP function did not resolve, or IFERROR's "" around it.
   */
  private shown(address: string): unknown {
    const cell = this.sheet.peek(address);
    if (!cell.text && typeof cell.formula === "string" && cell.formula.startsWith("=")) {
      if (cell.unresolved || this.context.workbook.missingName(cell.formula))
        return /^=IFERROR\(/i.test(cell.formula) ? "" : "#NAME?";
      return cell.value ?? "";
    }
    return cell.formula ?? "";
  }

  private liveValues(): unknown[][] {
    return this.cells().map((row) => row.map((a) => this.shown(a)));
  }

  private liveFormulas(): unknown[][] {
    return this.cells().map((row) => row.map((a) => this.sheet.peek(a).formula ?? ""));
  }

  private liveValueTypes(): RangeApi["valueTypes"] {
    return this.cells().map((row) =>
      row.map((a) => {
        const value = this.shown(a);
        if (value === "" || value === null) return "Empty";
        if (typeof value === "number") return "Double";
        if (typeof value === "boolean") return "Boolean";
        const cell = this.sheet.peek(a);
        return ERROR_VALUE.test(String(value)) && !cell.text && String(cell.formula).startsWith("=")
          ? "Error"
          : "String";
      }),
    );
  }

  private cells(): string[][] {
    return cellsOf(this.addressLocal);
  }

  get address(): string {
    return this.read("address", () => `'${this.sheet.nameValue}'!${this.addressLocal}`);
  }

  get values(): unknown[][] {
    return this.read("values", () => this.snapshot?.values ?? this.liveValues());
  }

  get valueTypes(): RangeApi["valueTypes"] {
    return this.read("valueTypes", () => this.snapshot?.valueTypes ?? this.liveValueTypes());
  }

  /** Enters each formula (or constant) of `matrix`, resolving JXZP names in the language `local` says. */
  private enter(matrix: unknown[][], local: boolean): void {
    this.context.queue(() => {
      const cells = this.cells();
      if (matrix.length !== cells.length || matrix.some((row, i) => row.length !== cells[i]!.length)) {
        throw new FakeExcelError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      cells.forEach((row, r) =>
        row.forEach((a, c) => {
          const cell = this.sheet.cell(a);
          const input = matrix[r]![c] ?? null;
          // A cell formatted as text takes a text as it is, "=…" included: as typed into it in Excel.
          cell.text = cell.numberFormat === "@" && typeof input === "string";
          const entered = cell.text
            ? { formula: input as string, unresolved: undefined }
            : this.context.workbook.enterFormula(input, local);
          cell.formula = entered.formula;
          cell.unresolved = entered.unresolved;
        }),
      );
    });
  }

  set formulas(matrix: unknown[][]) {
    this.enter(matrix, false);
  }

  /**
   * The formulas in the Excel's language (FakeWorkbook.locale): in zh-CN, JXZP functions by their Chinese
   * names. The workbook counts these writes: the adapters write range.formulas unless they fall back.
   */
  set formulasLocal(matrix: unknown[][]) {
    this.context.queue(() => (this.context.workbook.formulasLocalWrites += 1));
    this.enter(matrix, true);
  }

  get formulas(): unknown[][] {
    return this.read("formulas", () => this.snapshot?.formulas ?? this.liveFormulas());
  }

  set numberFormat(matrix: string[][]) {
    this.context.queue(() =>
      this.cells().forEach((row, r) =>
        row.forEach((a, c) => (this.sheet.cell(a).numberFormat = matrix[r]?.[c] ?? matrix[0]![0]!)),
      ),
    );
  }

  /** Format properties land on every cell of the range (font, fill, borders, alignment …), as "font.bold" …. */
  get format(): RangeFormatApi {
    const apply = (key: string, value: unknown) =>
      this.context.queue(() =>
        this.cells()
          .flat()
          .forEach((a) => (this.sheet.cell(a).format[key] = value)),
      );
    const columnWidth = (value: number) =>
      this.context.queue(() =>
        this.cells()[0]!.forEach((a) => this.sheet.columnWidths.set(a.replace(/\d+$/, ""), value)),
      );
    const rowHeight = (value: number) =>
      this.context.queue(() =>
        this.cells().forEach((row) => this.sheet.rowHeights.set(Number(row[0]!.replace(/^[A-Z]+/, "")), value)),
      );
    return {
      font: {
        set name(value: string) {
          apply("font.name", value);
        },
        set size(value: number) {
          apply("font.size", value);
        },
        set bold(value: boolean) {
          apply("font.bold", value);
        },
        set color(value: string) {
          apply("font.color", value);
        },
      },
      fill: {
        set color(value: string) {
          apply("fill.color", value);
        },
      },
      protection: {
        set locked(value: boolean) {
          apply("protection.locked", value);
        },
      },
      borders: {
        getItem: (edge) => ({
          set style(value: Excel.RangeBorder["style"]) {
            apply(`border.${edge}.style`, value);
          },
          set color(value: string) {
            apply(`border.${edge}.color`, value);
          },
        }),
      },
      set wrapText(value: boolean) {
        apply("wrapText", value);
      },
      set verticalAlignment(value: Excel.RangeFormat["verticalAlignment"]) {
        apply("verticalAlignment", value);
      },
      set horizontalAlignment(value: Excel.RangeFormat["horizontalAlignment"]) {
        apply("horizontalAlignment", value);
      },
      set indentLevel(value: number) {
        apply("indentLevel", value);
      },
      set columnWidth(value: number) {
        columnWidth(value);
      },
      set rowHeight(value: number) {
        rowHeight(value);
      },
    };
  }

  /** rule, prompt and errorAlert land on every cell of the range. */
  get dataValidation(): RangeApi["dataValidation"] {
    const apply = (key: string, value: unknown) =>
      this.context.queue(() =>
        this.cells()
          .flat()
          .forEach((a) => {
            const cell = this.sheet.cell(a);
            cell.validation = { ...(cell.validation as object), [key]: value };
          }),
      );
    return {
      set rule(value: Excel.DataValidationRule) {
        apply("rule", value);
      },
      set prompt(value: Excel.DataValidationPrompt) {
        apply("prompt", value);
      },
      set errorAlert(value: Excel.DataValidationErrorAlert) {
        apply("errorAlert", value);
      },
    };
  }

  /**
   * As in Excel, a text starting with "=" is entered as a formula, unless the cell is formatted as text
   * ("@"); anything else is a constant.
   */
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

export class FakeNamedItem extends ClientObject implements NamedItemApi {
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

export class FakeTable extends ClientObject implements TableApi {
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
    this.context.queue(() => this.context.workbook.renameTable(this, value));
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

const EMPTY_CELL: Readonly<CellState> = Object.freeze({ formula: null, numberFormat: "General", format: {} });

export class FakeWorksheet extends ClientObject implements WorksheetApi {
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

  /** A cell as it is, for reading: a cell never written reads empty and stays unwritten (reads change nothing). */
  peek(address: string): Readonly<CellState> {
    return this.cellMap.get(address) ?? EMPTY_CELL;
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
    this.context.queue(() => this.context.workbook.renameSheet(this.nameValue, value));
  }

  set visibility(value: Excel.Worksheet["visibility"]) {
    this.context.queue(() => (this.visibilityValue = value));
  }

  set showGridlines(value: boolean) {
    this.context.queue(() => (this.gridlines = value));
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, { sheet: this, address });
  }

  /** The cells that hold something (valuesOnly: a value or formula), as one range; A1 for an empty sheet. */
  getUsedRange(): FakeRange {
    return FakeRange.resolved(this.context, () => ({ sheet: this, address: this.usedAddress() }));
  }

  usedAddress(): string {
    const used = [...this.cellMap]
      .filter(([, state]) => state.formula !== null && state.formula !== "")
      .map(([address]) => /^([A-Z]+)(\d+)$/.exec(address)!);
    if (used.length === 0) return "A1";
    const columns = used.map((m) => columnNumber(m[1]!));
    const rows = used.map((m) => Number(m[2]));
    const [left, right] = [columnLetters(Math.min(...columns)), columnLetters(Math.max(...columns))];
    return `${left}${Math.min(...rows)}:${right}${Math.max(...rows)}`;
  }

  activate(): void {
    this.context.queue(() => {
      if (!this.context.workbook.sheets.includes(this))
        throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${this.nameValue}`);
      this.context.workbook.activeSheet = this.nameValue;
    });
  }

  get tables(): WorksheetApi["tables"] {
    return {
      add: (address, hasHeaders) => {
        const table = new FakeTable(this.context, this, address, hasHeaders);
        this.context.queue(() => {
          cellsOf(address);
          this.context.workbook.tables.push(table);
        });
        return table;
      },
    };
  }

  get freezePanes(): WorksheetApi["freezePanes"] {
    return { freezeRows: (rows: number) => this.context.queue(() => (this.frozenRows = rows)) };
  }

  /** Page setup lands in pageLayoutSettings, by property name (printTitleRows for setPrintTitleRows). */
  get pageLayout(): WorksheetApi["pageLayout"] {
    const set = (key: string, value: unknown) => this.context.queue(() => (this.pageLayoutSettings[key] = value));
    return {
      set orientation(value: Excel.PageLayout["orientation"]) {
        set("orientation", value);
      },
      set paperSize(value: Excel.PageLayout["paperSize"]) {
        set("paperSize", value);
      },
      set zoom(value: Excel.PageLayoutZoomOptions) {
        set("zoom", value);
      },
      set centerHorizontally(value: boolean) {
        set("centerHorizontally", value);
      },
      setPrintTitleRows: (rows: string) => set("printTitleRows", rows),
    };
  }

  delete(): void {
    this.context.queue(() => this.context.workbook.deleteSheet(this));
  }
}

const INVALID_SHEET_NAME = /[\\/?*[\]:]/;

/** A JXZP call in a formula: "JXZP.COMPLETIONRATE(" or "JXZP.完成率(", string literals left out. */
const JXZP_CALL = /JXZP\.([\p{L}\p{N}._]+)\s*\(/gu;

export type FakeLocale = "en-US" | "zh-CN";

export interface FakeExcelOptions {
  /** The Excel's language: which names formulasLocal takes for the JXZP functions. Default en-US. */
  readonly locale?: FakeLocale;
  /** Whether Excel has registered the JXZP functions' metadata. Default true (the add-in is loaded). */
  readonly functionsRegistered?: boolean;
  /**
   * Whether range.formulas resolves a JXZP function by its id where the metadata names it otherwise
   * (zh-CN). Default true; false models the #NAME? reported for Chinese Excel (OfficeDev/office-js#891).
   */
  readonly idsResolveInLocale?: boolean;
}

export class FakeWorkbook {
  readonly sheets: FakeWorksheet[] = [];
  locale: FakeLocale = "en-US";
  functionsRegistered = true;
  idsResolveInLocale = true;
  /** range.formulasLocal writes (adapters write range.formulas except in a fallback). */
  formulasLocalWrites = 0;
  /** application.calculate(type) calls, in order. */
  readonly calculations: string[] = [];
  readonly names = new Map<string, string>();
  readonly tables: FakeTable[] = [];
  calculationSuspensions = 0;
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /**
   * Make the n-th queued operation of a sync fail (tests of partial failure): of the next sync, or
   * of sync number `failOnSync`.
   */
  failAtOperation: number | null = null;
  failOnSync: number | null = null;
  /**
   * Someone else working in the workbook (a co-author, the user): called with the sync's number as each
   * context.sync() begins, before its batch runs; what it changes lands between the adapter's syncs.
   */
  onSync: ((sync: number) => void) | null = null;

  sheet(name: string): FakeWorksheet | undefined {
    return this.sheets.find((s) => s.nameValue === name);
  }

  /** Excel registering the add-in's functions (late): formulas entered from now on resolve. */
  registerFunctions(): void {
    this.functionsRegistered = true;
  }

  /**
   * A formula as Excel stores it once entered, and the JXZP name it could not resolve. A local formula
   * names the functions in the locale's language (Chinese names in zh-CN) and is stored by id, the
   * invariant form range.formulas reads.
   */
  enterFormula(input: unknown, local: boolean): { formula: CellState["formula"]; unresolved?: string } {
    if (typeof input !== "string" || !input.startsWith("=")) return { formula: input as CellState["formula"] };
    const chinese = this.locale === "zh-CN";
    let unresolved: string | undefined;
    const code = input.split(/("(?:[^"]|"")*")/);
    const formula = code
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part.replace(JXZP_CALL, (call: string, name: string) => {
              const byId = JXZP_FUNCTIONS.find((fn) => fn.id === name.toUpperCase());
              const byLocalName = JXZP_FUNCTIONS.find((fn) => (chinese ? fn.zhName : fn.id) === name.toUpperCase());
              const fn = local ? byLocalName : byId;
              const resolves =
                this.functionsRegistered && fn !== undefined && (local || !chinese || this.idsResolveInLocale);
              if (!resolves) {
                unresolved ??= name;
                return call;
              }
              return `JXZP.${fn.id}(`;
            }),
      )
      .join("");
    return { formula, unresolved };
  }

  /**
   * A sheet renamed (by the user, or a batch): the defined names that refer to it follow, as Excel's do;
   * its tables stay its tables. Throws like Excel on a taken or invalid name.
   */
  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    if (!sheet) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${from}`);
    if (to.length > 31 || INVALID_SHEET_NAME.test(to))
      throw new FakeExcelError("InvalidArgument", `Invalid name: ${to}`);
    if (this.sheet(to) && this.sheet(to) !== sheet)
      throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or ID already exists: ${to}`);
    const before = `'${from.replace(/'/g, "''")}'!`;
    const after = `'${to.replace(/'/g, "''")}'!`;
    for (const [name, reference] of this.names) this.names.set(name, reference.split(before).join(after));
    sheet.nameValue = to;
  }

  /**
   * A sheet deleted (by a batch or the user): its tables go with it, and a defined name that referred to it
   * (or to one of its tables) now says #REF!, as Excel's do: ='附件3-2 …'!$B$2 becomes =#REF!$B$2.
   */
  deleteSheet(sheet: FakeWorksheet): void {
    const index = this.sheets.indexOf(sheet);
    if (index < 0) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${sheet.nameValue}`);
    const quoted = `'${sheet.nameValue.replace(/'/g, "''")}'!`;
    const gone = new Set(this.tables.filter((t) => t.sheet === sheet).map((t) => t.nameValue));
    this.sheets.splice(index, 1);
    for (const [name, reference] of this.names) {
      if (reference.includes(quoted)) this.names.set(name, reference.split(quoted).join("#REF!"));
      else if (gone.has(reference.replace(/^=/, ""))) this.names.set(name, "=#REF!");
    }
  }

  /**
   * A table renamed: like Excel, refused when a table or a defined name already has the name; structured
   * references to it (in cells and names) follow.
   */
  renameTable(table: FakeTable, to: string): void {
    if (this.tables.some((t) => t !== table && t.nameValue === to && this.sheets.includes(t.sheet)))
      throw new FakeExcelError("InvalidArgument", `A table named ${to} already exists.`);
    if (this.names.has(to)) throw new FakeExcelError("InvalidArgument", `The name ${to} is already in use.`);
    const from = table.nameValue;
    table.nameValue = to;
    if (from === to) return;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}_.])${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=\\[|$|[^\\p{L}\\p{N}_.])`,
      "gu",
    );
    const follow = (formula: string) =>
      formula
        .split(/("(?:[^"]|"")*")/)
        .map((part, i) => (i % 2 === 1 ? part : part.replace(pattern, to)))
        .join("");
    for (const sheet of this.sheets)
      for (const state of sheet.cellMap.values())
        if (!state.text && typeof state.formula === "string" && state.formula.startsWith("="))
          state.formula = follow(state.formula);
    for (const [name, reference] of this.names) this.names.set(name, follow(reference));
  }

  /**
   * Whether a formula uses a name Excel does not know: an identifier (outside strings, sheet names and the
   * column names of structured references) that is neither a defined name nor a table, nor a function, a cell
   * or a constant. Excel shows #NAME? for it. Only names with a non-ASCII letter or an underscore are checked:
   * ours are Chinese, and A1 references, functions and TRUE/FALSE are ASCII.
   */
  missingName(formula: string): boolean {
    let code = formula
      .split(/"(?:[^"]|"")*"/)
      .join(" ")
      .replace(/'(?:[^']|'')*'!/g, " ");
    // Structured references' brackets, innermost first: 绩效指标[[#This Row],[分值]] → 绩效指标.
    for (let previous = ""; previous !== code;) {
      previous = code;
      code = code.replace(/\[[^[\]]*\]/g, "");
    }
    for (const match of code.matchAll(/(?<![\p{L}\p{N}_.])[\p{L}_][\p{L}\p{N}_.]*(?![\p{L}\p{N}_.])(?!\s*\()/gu)) {
      const identifier = match[0];
      if (!/[^\p{ASCII}]|_/u.test(identifier) || identifier.includes(".")) continue;
      if (!this.names.has(identifier) && !this.table(identifier)) return true;
    }
    return false;
  }

  /**
   * Excel's 转换为区域 (Table › Convert to Range): the table is gone, its cells stay, and a defined name
   * over it (=绩效指标) now refers to the cells it covered, as Excel turns structured references into
   * cell references.
   */
  convertToRange(tableName: string): void {
    const table = this.table(tableName);
    if (!table) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${tableName}`);
    const { address } = this.resolveTable(table);
    for (const [name, reference] of this.names)
      if (reference === `=${tableName}`)
        this.names.set(
          name,
          `='${table.sheet.nameValue.replace(/'/g, "''")}'!${address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`,
        );
    this.tables.splice(this.tables.indexOf(table), 1);
  }

  /** A table's data body (its range below the header row). */
  private resolveTable(table: FakeTable): Place {
    const [start, end] = table.addressLocal.split(":") as [string, string];
    return { sheet: table.sheet, address: `${start.replace(/\d+$/, (row) => String(Number(row) + 1))}:${end}` };
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.nameValue === name && this.sheets.includes(t.sheet));
  }

  /** The range a defined name refers to: "='Sheet'!$B$5:$D$5" or a table's data body "=Table1". */
  resolve(name: string): Place {
    const reference = this.names.get(name);
    if (reference === undefined)
      throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    const table = this.table(reference.replace(/^=/, ""));
    if (table) return this.resolveTable(table);
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

class FakeWorksheetCollection extends ClientObject implements WorksheetCollectionApi {
  get items(): FakeWorksheet[] {
    return this.read("items", () => this.context.workbook.sheets);
  }
  protected override children(): ClientObject[] {
    return this.context.workbook.sheets;
  }
  add(name: string): FakeWorksheet {
    const wb = this.context.workbook;
    const sheet = new FakeWorksheet(this.context, name);
    this.context.queue(() => {
      if (name.length > 31 || INVALID_SHEET_NAME.test(name))
        throw new FakeExcelError("InvalidArgument", `Invalid sheet name: ${name}`);
      if (wb.sheet(name))
        throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or ID already exists: ${name}`);
      wb.sheets.push(sheet);
    });
    return sheet;
  }
  getItemOrNullObject(name: string): Pick<Excel.Worksheet, "delete"> {
    const wb = this.context.workbook;
    return {
      delete: () => this.context.queue(() => wb.sheet(name) && wb.sheets.splice(wb.sheets.indexOf(wb.sheet(name)!), 1)),
    };
  }
  /** A sheet by name: ItemNotFound when the batch runs if there is none. */
  getItem(name: string): WorksheetByNameApi {
    const wb = this.context.workbook;
    const found = () => {
      const sheet = wb.sheet(name);
      if (!sheet) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return sheet;
    };
    return {
      activate: () => this.context.queue(() => (wb.activeSheet = found().nameValue)),
      getRange: (address) => {
        cellsOf(address);
        return FakeRange.resolved(this.context, () => ({ sheet: found(), address }));
      },
      getUsedRange: () => FakeRange.resolved(this.context, () => ({ sheet: found(), address: found().usedAddress() })),
    };
  }
}

class FakeNamedItemCollection extends ClientObject implements NamedItemCollectionApi {
  private snapshot: FakeNamedItem[] = [];
  get items(): FakeNamedItem[] {
    return this.read("items", () => this.snapshot);
  }
  override load(properties?: string | string[]): this {
    this.context.pendingLoads.push(
      () =>
        (this.snapshot = [...this.context.workbook.names].map(
          ([name, reference]) => new FakeNamedItem(this.context, name, reference),
        )),
    );
    return super.load(properties);
  }
  protected override children(): ClientObject[] {
    return this.snapshot;
  }
  add(name: string, reference: string): void {
    const wb = this.context.workbook;
    this.context.queue(() => {
      if (wb.names.has(name) || wb.table(name))
        throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or ID already exists: ${name}`);
      wb.names.set(name, reference);
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name);
  }
  /** Throws ItemNotFound when the batch runs if the name does not exist. */
  getItem(name: string): FakeNamedItem {
    this.context.queue(() => {
      if (!this.context.workbook.names.has(name))
        throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    });
    return new FakeNamedItem(this.context, name);
  }
}

class FakeTableCollection extends ClientObject implements TableCollectionApi {
  private snapshot: FakeTable[] = [];
  get items(): FakeTable[] {
    return this.read("items", () => this.snapshot);
  }
  override load(properties?: string | string[]): this {
    const wb = this.context.workbook;
    this.context.pendingLoads.push(() => (this.snapshot = wb.tables.filter((t) => wb.sheets.includes(t.sheet))));
    return super.load(properties);
  }
  protected override children(): ClientObject[] {
    return this.snapshot;
  }
  /** Throws ItemNotFound when the batch runs if there is no such table. */
  getItem(name: string): TableByNameApi {
    const context = this.context;
    const wb = context.workbook;
    const range = FakeRange.resolved(context, () => {
      const table = wb.table(name);
      if (!table) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return { sheet: table.sheet, address: table.addressLocal };
    });
    return {
      getRange: () => range,
      load() {
        return this;
      },
      get showTotals() {
        return wb.table(name)?.showTotalsValue ?? false;
      },
      rows: {
        /** Appends rows at the table's end: cells below move down, as Excel does. */
        add: (_index, values) =>
          context.queue(() => {
            const table = wb.table(name);
            if (!table) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
            const [start, end] = table.addressLocal.split(":") as [string, string];
            const last = Number(end.replace(/^[A-Z]+/, ""));
            wb.insertRows(table.sheet.nameValue, last + 1, values.length);
            table.addressLocal = `${start}:${end.replace(/\d+$/, String(last + values.length))}`;
            const firstColumn = columnNumber(start.replace(/\d+$/, ""));
            values.forEach((row, r) =>
              row.forEach((value, c) => {
                table.sheet.cell(`${columnLetters(firstColumn + c)}${last + 1 + r}`).formula = value;
              }),
            );
          }),
      },
      set name(value: string) {
        context.queue(() => {
          const table = wb.table(name);
          if (!table) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
          wb.renameTable(table, value);
        });
      },
    };
  }
}

export class FakeContext {
  readonly workbook = new FakeWorkbook();
  syncCount = 0;
  /** Operations run over all syncs (the size of the batches). */
  operationCount = 0;
  /** The batch: writes, and the loads that read the state where they stand (not counted as operations). */
  private operations: Array<{ run: () => void; load: boolean }> = [];
  pendingLoads: Array<() => void> = [];

  constructor(options: FakeExcelOptions = {}) {
    this.workbook.locale = options.locale ?? "en-US";
    this.workbook.functionsRegistered = options.functionsRegistered ?? true;
    this.workbook.idsResolveInLocale = options.idsResolveInLocale ?? true;
  }

  queue(operation: () => void): void {
    this.operations.push({ run: operation, load: false });
  }

  /** A load's reading of the state, at its place in the batch. */
  queueLoad(read: () => void): void {
    this.operations.push({ run: read, load: true });
  }

  /** Runs the batch in order; like Excel, operations before a failure stay applied. */
  async sync(): Promise<void> {
    this.syncCount += 1;
    this.workbook.onSync?.(this.syncCount);
    const operations = this.operations;
    this.operationCount += operations.filter((op) => !op.load).length;
    const loads = this.pendingLoads;
    this.operations = [];
    this.pendingLoads = [];
    let index = 0;
    for (const operation of operations) {
      if (!operation.load) {
        const armed = this.workbook.failOnSync === null || this.workbook.failOnSync === this.syncCount;
        if (armed && this.workbook.failAtOperation === index) {
          this.workbook.failAtOperation = null;
          throw new FakeExcelError("GeneralException", "An internal error has occurred.");
        }
        index += 1;
      }
      operation.run();
    }
    loads.forEach((load) => load());
  }

  /**
   * The subset of Excel.RequestContext the adapters use (one object, as Excel's context is);
   * excelContext() types it as Excel's.
   */
  readonly api: RequestContextApi = {
    sync: () => this.sync(),
    application: {
      suspendApiCalculationUntilNextSync: () => this.queue(() => (this.workbook.calculationSuspensions += 1)),
      // A recalculation computes formulas again; it does not resolve names again (only entering does).
      calculate: (type) => this.queue(() => this.workbook.calculations.push(String(type))),
    },
    workbook: {
      worksheets: new FakeWorksheetCollection(this),
      names: new FakeNamedItemCollection(this),
      tables: new FakeTableCollection(this),
    },
  };
}

/**
 * The fake as the Excel.RequestContext the adapters take. This is the fake's one type conversion, and
 * the only one needed: the fake implements RequestContextApi, the members of Excel's API the adapters
 * use (excel-api.ts), not the thousands of members of Excel.RequestContext.
 *
 * tsc checks what it can: each fake class `implements` its interface in excel-api.ts, and
 * `Office extends Api` below requires Excel.RequestContext to be assignable to RequestContextApi, so
 * every member the fake implements exists in Excel with a type Excel accepts. What tsc cannot check is
 * that the adapters use no member outside the subset: such a member is undefined on the fake, and the
 * test that reaches it fails.
 */
export function excelContext(fake: FakeContext): Excel.RequestContext {
  return implementedSubset<Excel.RequestContext, RequestContextApi>(fake.api);
}

/** Office's type for an object that implements `Api`, a subset of it (checked: Office must be assignable to Api). */
function implementedSubset<Office extends Api, Api>(api: Api): Office {
  return api as Office;
}
