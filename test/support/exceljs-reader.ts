/**
 * The exceljs reader the zip reader (src/workbook/xlsx/read.ts) replaced, kept for the differential test
 * (test/workbook/xlsx/read-differential.test.ts) with one bug fixed (a formula's falsy result, below).
 *
 * Reads an .xlsx workbook (exceljs) into the model through the shared assembler. Every door is guarded:
 * readWorkbook, inspectSource and inspectWorkbook refuse what the batch's guard refuses (size, OLE,
 * zip bombs, a zip whose directory lies) before exceljs sees the bytes, and a sheet longer than
 * LIMITS.rows after loading, each with a Chinese reason (WorkbookReadError). What no check before
 * loading can bound (memory, time) is bounded by reading on a worker: src/batch/pool.ts.
 */
import ExcelJS from "exceljs";
import { LIMITS, refuseWorkbook } from "../../src/batch/guard";
import type { WorkbookModel } from "../../src/domain/model";
import { columnNumber, splitAddress } from "../../src/domain/a1";
import {
  assembleModel,
  assembleWorkbook,
  parseReference,
  WorkbookReadError,
  type AssembledWorkbook,
  type WorkbookSource,
} from "../../src/workbook/assemble";

export { WorkbookReadError };

/** The plain value of a cell: formula results, rich text joined, errors as CellError. */
export function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value !== "object") return value;
  if ("formula" in value || "sharedFormula" in value)
    return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return { error: value.error };
  if ("text" in value) return (value as ExcelJS.CellHyperlinkValue).text;
  return null;
}

type TableHandle = { table: { tableRef: string; totalsRow?: boolean; columns: Array<{ name: string }> } };

/**
 * A table's range as the sheet really has it: a declared end beyond the sheet's last row (a hostile
 * A13:K999999999999, or Excel's own K1048576) ends at that row; its total row, beyond it, is gone too.
 */
function realRange(range: string, totalsRow: boolean, lastRow: number): { range: string; totalsRow: boolean } {
  const match = /^(.*:\$?[A-Z]+\$?)(\d+)$/.exec(range.trim());
  if (!match || Number(match[2]) <= lastRow) return { range, totalsRow };
  return { range: `${match[1]!.replace(/\$/g, "")}${Math.max(lastRow, 1)}`, totalsRow: false };
}

function sourceOf(wb: ExcelJS.Workbook): WorkbookSource {
  const sheets = new Map(wb.worksheets.map((ws) => [ws.name, ws]));
  return {
    lookup: (sheet, address) => {
      // By row and column numbers, without creating the cell: an empty cell is simply absent.
      const { column, row } = splitAddress(address);
      const cell = sheets.get(sheet)!.findRow(row)?.findCell(columnNumber(column));
      if (!cell) return { value: null, formula: null };
      // cell.value drops a formula's falsy result (0, FALSE, ""): exceljs's _copyModel keeps only truthy
      // fields. The reader that replaced this one reads them; cell.result keeps them too.
      const value =
        cell.type === ExcelJS.ValueType.Formula ? plainValue(cell.result as ExcelJS.CellValue) : plainValue(cell.value);
      return { value, formula: cell.formula ? `=${cell.formula}` : null };
    },
    hasSheet: (name) => sheets.has(name),
    name: (name) => {
      const reference = wb.definedNames.getRanges(name)?.ranges?.[0];
      return reference ? parseReference(reference) : null;
    },
    table: (name) => {
      for (const ws of wb.worksheets) {
        const found = (ws as unknown as { getTable(n: string): TableHandle | undefined }).getTable(name);
        if (found)
          return {
            sheet: ws.name,
            ...realRange(String(found.table.tableRef), Boolean(found.table.totalsRow), ws.rowCount),
            headers: found.table.columns.map((c) => String(c.name)),
          };
      }
      return null;
    },
  };
}

/**
 * Sheet parts the model never reads: skipping them spares a batch most of exceljs's per-cell work
 * on validation and layout.
 */
const IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "mergeCells",
  "hyperlinks",
  "pageSetup",
  "pageMargins",
  "printOptions",
  "headerFooter",
  "rowBreaks",
  "sheetProtection",
  "drawing",
  "picture",
  "extLst",
];

/**
 * JSZip's and exceljs's messages, in Chinese; the guard has refused most damaged files before this.
 * A file of parts that are not a workbook (a .docx, a zip of anything) ends here too.
 */
function loadFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/encrypt/i.test(message)) return "文件受密码保护：请另存为不加密的 .xlsx";
  if (/central directory|end of data|corrupt|invalid|zip/i.test(message)) return "文件已损坏，不是完整的 .xlsx 工作簿";
  return "不是有效的 .xlsx 工作簿（缺少工作簿的必要部分，或内容不是 Excel 保存的格式）";
}

async function load(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const refusal = refuseWorkbook(data);
  if (refusal) throw new WorkbookReadError([refusal]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as ExcelJS.XlsxReadOptions);
  } catch (error) {
    throw new WorkbookReadError([loadFailure(error)]);
  }
  return wb;
}

/** What a read may hold: rows of any sheet (the batch's LIMITS.rows unless said). */
export interface ReadLimits {
  readonly maxRows?: number;
}

function checkRows(wb: ExcelJS.Workbook, maxRows: number): void {
  const long = wb.worksheets.find((ws) => ws.rowCount > maxRows);
  if (long) throw new WorkbookReadError([`工作表「${long.name}」有 ${long.rowCount} 行，超过 ${maxRows} 行的上限`]);
}

/** Reads a workbook (.xlsx bytes) into the model; throws WorkbookReadError with every problem found. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, limits: ReadLimits = {}): Promise<WorkbookModel> {
  return assembleModel(await inspectSource(data, limits));
}

/**
 * A workbook's source for validation. `maxRows` (LIMITS.rows unless given) refuses a sheet longer than
 * any real table before the assembler walks it.
 */
export async function inspectSource(data: ArrayBuffer | Uint8Array, limits: ReadLimits = {}): Promise<WorkbookSource> {
  const wb = await load(data);
  checkRows(wb, limits.maxRows ?? LIMITS.rows);
  return sourceOf(wb);
}

/** Reads a workbook for validation: cells of the wrong type become problems to report, not a failure. */
export async function inspectWorkbook(
  data: ArrayBuffer | Uint8Array,
  limits: ReadLimits = {},
): Promise<AssembledWorkbook> {
  return assembleWorkbook(await inspectSource(data, limits), { lenient: true });
}
