/**
 * Reads an .xlsx workbook into the model through the shared assembler, at the cost of what the contract
 * reads, not of the workbook: the zip's directory is checked (zip.ts), then only the parts asked for are
 * inflated — the workbook and its relationships first, a sheet when its first cell is looked up, its
 * tables, the shared strings and the date styles when a cell needs them — and a sheet is scanned only as
 * far down as the rows asked for (sheet-cells.ts). The same code runs in Node, in the CLI's workers and
 * in the browser page (webpack swaps inflate.ts for inflate-web.ts). Nothing here builds a whole
 * workbook; exceljs still writes them (write.ts, edit.ts).
 *
 * Every door is bounded by construction: each inflated part is checked against its declared size, a
 * table's declared range ends at the sheet's real last row, a sheet longer than LIMITS.rows is refused
 * when a read reaches past it. Problems are Chinese (WorkbookReadError).
 */
import type { WorkbookModel } from "../../domain/model";
import {
  assembleModel,
  assembleWorkbook,
  parseReference,
  WorkbookReadError,
  type AssembledWorkbook,
  type TableFound,
  type WorkbookSource,
} from "../assemble";
import { LIMITS } from "./limits";
import { readDateStyles } from "./number-formats";
import { readRelationships, readTablePart, readWorkbookPart, relationshipsOf, type WorkbookPart } from "./parts";
import { readSharedStrings } from "./shared-strings";
import { SheetCells, type CellContext } from "./sheet-cells";
import { openZip, type Zip } from "./zip";

export { WorkbookReadError };

const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const NOT_A_WORKBOOK = "不是有效的 .xlsx 工作簿（缺少工作簿的必要部分，或内容不是 Excel 保存的格式）";

/** What a read may hold: rows of any sheet (LIMITS.rows unless said). */
export interface ReadLimits {
  readonly maxRows?: number;
}

/** One part's bytes; a part the zip refuses (a lie, damage) stops the read with its reason. */
function part(zip: Zip, name: string): Uint8Array | null {
  const read = zip.read(name);
  if (read && "refusal" in read) throw new WorkbookReadError([read.refusal]);
  return read;
}

/** A defined name's first area, as exceljs kept it: an absolute reference ($B$2), on a sheet. */
function firstArea(text: string): { sheet: string; start: string } | null {
  for (const area of text.match(/(?:'(?:[^']|'')*'|[^,])+/g) ?? []) {
    if (!/[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/.test(area.split("!").pop() ?? "")) continue;
    const reference = parseReference(area);
    if (reference) return { sheet: reference.sheet, start: reference.start.replace(/\$/g, "") };
  }
  return null;
}

/**
 * A table's range as the sheet really has it: a declared end beyond the sheet's last row (a hostile
 * A13:K999999999999, or Excel's own K1048576) ends at that row; its total row, beyond it, is gone too.
 */
function realRange(
  range: string,
  totalsRow: boolean,
  lastRowUpTo: (row: number) => number,
): { range: string; totalsRow: boolean } {
  const match = /^(.*:\$?[A-Z]+\$?)(\d+)$/.exec(range.trim());
  if (!match) return { range, totalsRow };
  const last = lastRowUpTo(Number(match[2]));
  if (Number(match[2]) <= last) return { range, totalsRow };
  return { range: `${match[1]!.replace(/\$/g, "")}${Math.max(last, 1)}`, totalsRow: false };
}

class ZipWorkbookSource implements WorkbookSource {
  private readonly sheetParts = new Map<string, string>();
  /** By part name. */
  private readonly sheets = new Map<string, SheetCells | null>();
  private tables: Map<string, TableFound & { lastRowUpTo: (row: number) => number }> | null = null;
  private readonly context: CellContext;

  constructor(
    private readonly zip: Zip,
    private readonly workbookPart: string,
    private readonly workbook: WorkbookPart,
    private readonly maxRows: number,
  ) {
    const relationships = readRelationships(part(zip, relationshipsOf(workbookPart)) ?? new Uint8Array(), workbookPart);
    for (const sheet of workbook.sheets) {
      const target = relationships.get(sheet.id);
      if (target && !this.sheetParts.has(sheet.name)) this.sheetParts.set(sheet.name, target.target);
    }
    const typed = (type: string, fallback: string) =>
      [...relationships.values()].find((r) => r.type === RELATIONSHIP + type)?.target ?? fallback;
    let strings: readonly string[] | null = null;
    let dateStyles: readonly boolean[] | null = null;
    this.context = {
      date1904: workbook.date1904,
      sharedString: (index) => {
        strings ??= readSharedStrings(part(zip, typed("sharedStrings", "xl/sharedStrings.xml")) ?? new Uint8Array());
        return strings[index];
      },
      isDateStyle: (style) => {
        dateStyles ??= readDateStyles(part(zip, typed("styles", "xl/styles.xml")) ?? new Uint8Array());
        return dateStyles[style] ?? false;
      },
    };
  }

  hasSheet(name: string): boolean {
    return this.sheetParts.has(name);
  }

  name(name: string): { sheet: string; start: string } | null {
    const text = this.workbook.definedNames.get(name);
    return text === undefined ? null : firstArea(text);
  }

  lookup(sheet: string, address: string): { value: unknown; formula: string | null } {
    return this.sheet(sheet)?.lookup(address, this.context) ?? { value: null, formula: null };
  }

  table(name: string): TableFound | null {
    const found = this.allTables().get(name);
    if (!found) return null;
    const { lastRowUpTo, ...table } = found;
    return { ...table, ...realRange(table.range, table.totalsRow ?? false, lastRowUpTo) };
  }

  /**
   * A sheet's cells, one scanner per part: names pointing to one part (a hostile workbook.xml can list a
   * thousand) share it, so no part is inflated or scanned twice.
   */
  private sheet(name: string): SheetCells | null {
    const partName = this.sheetParts.get(name);
    if (partName === undefined) return null;
    if (!this.sheets.has(partName)) {
      const bytes = part(this.zip, partName);
      this.sheets.set(partName, bytes ? new SheetCells(name, bytes, this.maxRows) : null);
    }
    return this.sheets.get(partName)!;
  }

  /** Every sheet's tables by name (the first sheet's wins), read when a table is first asked for. */
  private allTables(): Map<string, TableFound & { lastRowUpTo: (row: number) => number }> {
    if (this.tables) return this.tables;
    this.tables = new Map();
    const visited = new Set<string>();
    for (const [sheet, partName] of this.sheetParts) {
      if (visited.has(partName)) continue;
      visited.add(partName);
      const relationships = part(this.zip, relationshipsOf(partName));
      if (!relationships) continue;
      for (const relationship of readRelationships(relationships, partName).values()) {
        if (relationship.type !== RELATIONSHIP + "table") continue;
        const bytes = part(this.zip, relationship.target);
        const table = bytes && readTablePart(bytes);
        if (!table || this.tables.has(table.name)) continue;
        this.tables.set(table.name, {
          sheet,
          range: table.ref,
          totalsRow: table.totalsRow,
          headers: table.headers,
          lastRowUpTo: (row) => this.sheet(sheet)?.lastRowUpTo(row) ?? 0,
        });
      }
    }
    return this.tables;
  }
}

function openSource(data: ArrayBuffer | Uint8Array, limits: ReadLimits): WorkbookSource {
  const zip = openZip(data);
  if ("refusal" in zip) throw new WorkbookReadError([zip.refusal]);
  const packageRelationships = part(zip, "_rels/.rels");
  const officeDocument =
    packageRelationships &&
    [...readRelationships(packageRelationships, "").values()].find((r) => r.type === RELATIONSHIP + "officeDocument");
  const workbookPart = officeDocument?.target ?? "xl/workbook.xml";
  const workbook = part(zip, workbookPart);
  if (!workbook) throw new WorkbookReadError([NOT_A_WORKBOOK]);
  const parsed = readWorkbookPart(workbook);
  if (parsed.sheets.length > LIMITS.sheets)
    throw new WorkbookReadError([
      `工作簿有 ${parsed.sheets.length} 个工作表，超过 ${LIMITS.sheets} 个的上限，不像自评工作簿`,
    ]);
  const source = new ZipWorkbookSource(zip, workbookPart, parsed, limits.maxRows ?? LIMITS.rows);
  // A plain object, like every other source (tests and the page wrap sources by spreading them).
  return {
    hasSheet: (name) => source.hasSheet(name),
    name: (name) => source.name(name),
    lookup: (sheet, address) => source.lookup(sheet, address),
    table: (name) => source.table(name),
  };
}

/** Reads a workbook (.xlsx bytes) into the model; throws WorkbookReadError with every problem found. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, limits: ReadLimits = {}): Promise<WorkbookModel> {
  return assembleModel(openSource(data, limits));
}

/**
 * A workbook's source for validation: answers cell by cell, reading parts as they are first needed (so
 * WorkbookReadError may come from a lookup: a damaged sheet is found when it is read).
 */
export async function inspectSource(data: ArrayBuffer | Uint8Array, limits: ReadLimits = {}): Promise<WorkbookSource> {
  return openSource(data, limits);
}

/** Reads a workbook for validation: cells of the wrong type become problems to report, not a failure. */
export async function inspectWorkbook(
  data: ArrayBuffer | Uint8Array,
  limits: ReadLimits = {},
): Promise<AssembledWorkbook> {
  return assembleWorkbook(openSource(data, limits), { lenient: true });
}
