/**
 * One sheet's cells, read lazily and only as far down as asked: `lookup("C40")` scans <sheetData> until a
 * row after 40 opens (rows are in ascending order, as the format requires) and pauses there; the
 * next question goes on from that point. A table's rows are asked in order, so a sheet is scanned once,
 * and never past the last row the contract reads. Cells are kept as the XML has them and turned into
 * values only when looked up.
 */
import { slideFormula } from "exceljs/lib/utils/shared-formula";
import { columnLetter, columnNumber } from "../../domain/a1";
import { WorkbookReadError } from "../assemble";
import { unescapeText } from "./shared-strings";
import { XmlScanner, type Attributes } from "./xml";

interface RawCell {
  readonly type: string | undefined;
  readonly style: number;
  value?: string;
  /** The <f> text ("" for a typed <f t="array"/> without one). */
  formula?: string;
  /** A shared formula's group: a follower has no text and takes its master's, moved to its own cell. */
  sharedIndex?: string;
  inline?: string;
}

/** What turns a raw cell into a value: the shared strings and the date styles, read when first needed. */
export interface CellContext {
  sharedString(index: number): string | undefined;
  isDateStyle(style: number): boolean;
  readonly date1904: boolean;
}

const ADDRESS = /^\$?([A-Z]{1,3})\$?(\d+)$/i;
const CANONICAL = /^[A-Z]{1,3}[1-9]\d*$/;
/** XFD, Excel's last column. */
const MAX_COLUMN = 16_384;

/** A shared formula moved to a follower's cell; none when a reference would leave the sheet (XFD1 moved right). */
function moved(formula: string, from: string, to: string): string | undefined {
  try {
    return slideFormula(formula, from, to);
  } catch {
    return undefined;
  }
}

export class SheetCells {
  private readonly cells = new Map<string, RawCell>();
  private readonly sharedMasters = new Map<string, { formula: string; address: string }>();
  private readonly scanner: XmlScanner;
  private done = false;
  /** The highest row opened so far: every row before it is complete. */
  private openedRow = 0;
  private target = 0;
  /** The last cell's column: a number, or its letters until a cell without an address needs the number. */
  private column = 0;
  private columnLetters: string | null = null;
  private current: { address: string; cell: RawCell } | null = null;
  private element: "f" | "v" | "t" | null = null;
  private pending = "";
  private inInline = false;
  private phonetic = 0;

  constructor(
    readonly name: string,
    bytes: Uint8Array,
    private readonly maxRows: number,
  ) {
    this.scanner = new XmlScanner(bytes, this);
  }

  get wantsText(): boolean {
    return this.element !== null;
  }

  /**
   * Whether the sheet has rows through `row`; if not, its last row. A table declared beyond the sheet's
   * end ends there; one inside it is read no further than it reaches.
   */
  lastRowUpTo(row: number): number {
    this.readThrough(row);
    return this.done ? Math.min(this.openedRow, row) : row;
  }

  /** The value and formula ("=…") of the cell at `address`, as exceljs gave them. */
  lookup(address: string, context: CellContext): { value: unknown; formula: string | null } {
    const key = address.toUpperCase();
    const match = ADDRESS.exec(key);
    if (!match) return { value: null, formula: null };
    this.readThrough(Number(match[2]));
    const raw = this.cells.get(`${match[1]}${match[2]}`);
    return raw ? this.resolve(raw, `${match[1]}${match[2]}`, context) : { value: null, formula: null };
  }

  private refuseBeyondLimit(row: number): void {
    if (row > this.maxRows)
      throw new WorkbookReadError([`工作表「${this.name}」超过 ${this.maxRows} 行的上限（第 ${row} 行有内容）`]);
  }

  private readThrough(row: number): void {
    if (this.openedRow <= row) this.refuseBeyondLimit(this.openedRow);
    while (!this.done && this.openedRow <= row) {
      this.target = row;
      if (this.scanner.run()) this.done = true;
    }
  }

  open(name: string, attributes: Attributes): void {
    switch (name) {
      case "row": {
        const r = attributes.get("r");
        const row = r !== undefined ? Number(r) : this.openedRow + 1;
        this.startRow(Number.isInteger(row) && row > 0 ? row : this.openedRow + 1);
        this.column = 0;
        this.columnLetters = null;
        return;
      }
      case "c": {
        const r = attributes.get("r");
        const match = r !== undefined ? ADDRESS.exec(r) : null;
        let address: string;
        if (match) {
          const row = Number(match[2]);
          if (row > this.openedRow) this.startRow(row);
          // As Excel writes it ("C40") the address is the key already; the column number is needed only
          // when a later cell of the row comes without its address.
          address = CANONICAL.test(r!) ? r! : `${match[1]!.toUpperCase()}${row}`;
          this.columnLetters = match[1]!;
        } else address = `${columnLetter(this.nextColumn())}${this.openedRow}`;
        const style = attributes.get("s");
        this.current = { address, cell: { type: attributes.get("t"), style: style !== undefined ? Number(style) : 0 } };
        return;
      }
      case "f":
        if (this.current) {
          this.element = "f";
          this.pending = "";
          const [type, sharedIndex] = [attributes.get("t"), attributes.get("si")];
          if (type === "shared" && sharedIndex !== undefined) this.current.cell.sharedIndex = sharedIndex;
          else if (type !== undefined) this.current.cell.formula = "";
        }
        return;
      case "v":
        if (this.current) {
          this.element = "v";
          this.pending = "";
        }
        return;
      case "is":
        if (this.current) {
          this.inInline = true;
          this.current.cell.inline = "";
        }
        return;
      case "rPh":
        this.phonetic++;
        return;
      case "t":
        if (this.inInline && this.phonetic === 0) {
          this.element = "t";
          this.pending = "";
        }
        return;
    }
  }

  text(piece: string): void {
    this.pending += piece;
  }

  close(name: string): void {
    const cell = this.current?.cell;
    switch (name) {
      case "f":
        if (cell && this.element === "f") {
          // <f/> alone is no formula; <f t="array"/> is one (exceljs's rule), a shared one's follower too.
          if (this.pending !== "") cell.formula = this.pending;
          if (cell.sharedIndex !== undefined && this.pending !== "")
            this.sharedMasters.set(cell.sharedIndex, { formula: this.pending, address: this.current!.address });
        }
        this.element = null;
        return;
      case "v":
        if (cell && this.element === "v") cell.value = this.pending;
        this.element = null;
        return;
      case "t":
        if (cell && this.element === "t") cell.inline += unescapeText(this.pending);
        this.element = null;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "is":
        this.inInline = false;
        return;
      case "c":
        // Past XFD there are no columns: such cells (a hostile row of millions) are not kept.
        if (this.current && this.column <= MAX_COLUMN) this.cells.set(this.current.address, this.current.cell);
        this.current = null;
        return;
      case "sheetData":
        // Nothing after the cells is read: validations, formatting, merges, drawings.
        this.scanner.pause();
        this.done = true;
        return;
    }
  }

  private nextColumn(): number {
    if (this.columnLetters !== null) this.column = columnNumber(this.columnLetters.toUpperCase());
    this.columnLetters = null;
    return ++this.column;
  }

  private startRow(row: number): void {
    // A row past the limit is refused when a read needs it, not when it only ends the rows asked for.
    if (row <= this.target) this.refuseBeyondLimit(row);
    this.openedRow = Math.max(this.openedRow, row);
    // Every row up to the one asked for is complete once a later row opens.
    if (row > this.target) this.scanner.pause();
  }

  private resolve(raw: RawCell, address: string, context: CellContext): { value: unknown; formula: string | null } {
    let formula: string | undefined = raw.formula;
    if (!formula && raw.sharedIndex !== undefined) {
      const master = this.sharedMasters.get(raw.sharedIndex);
      formula = master && master.address !== address ? moved(master.formula, master.address, address) : formula;
    }
    const isFormula = formula !== undefined || raw.sharedIndex !== undefined;
    return { value: this.value(raw, isFormula, context), formula: formula ? `=${formula}` : null };
  }

  private value(raw: RawCell, isFormula: boolean, context: CellContext): unknown {
    if (!isFormula && raw.type === "inlineStr") return raw.inline ?? null;
    const v = raw.value;
    // An empty <v/> after a formula caches nothing (exceljs read it so too).
    if (v === undefined || (isFormula && v === "")) return null;
    switch (raw.type) {
      case "s":
        return isFormula ? this.number(v, raw, context) : (context.sharedString(parseInt(v, 10)) ?? null);
      case "str":
        return v;
      case "b":
        return parseInt(v, 10) !== 0;
      case "e":
        return { error: v };
      case "d": {
        const date = new Date(v);
        return Number.isNaN(date.getTime()) ? v : date;
      }
      default:
        return this.number(v, raw, context);
    }
  }

  /** A number, or the date it shows in a date style (serial days from 1900, or 1904). */
  private number(v: string, raw: RawCell, context: CellContext): number | Date {
    const n = parseFloat(v);
    if (!context.isDateStyle(raw.style)) return n;
    return new Date(Math.round((n - 25569 + (context.date1904 ? 1462 : 0)) * 86400000));
  }
}
