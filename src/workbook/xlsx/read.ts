/** Reads an .xlsx workbook (exceljs) into the model through the shared assembler. */
import ExcelJS from "exceljs";
import type { WorkbookModel } from "../../domain/model";
import { columnNumber, splitAddress } from "../../domain/a1";
import {
  assembleModel,
  assembleWorkbook,
  parseReference,
  WorkbookReadError,
  type AssembledWorkbook,
  type WorkbookSource,
} from "../assemble";

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

function sourceOf(wb: ExcelJS.Workbook): WorkbookSource {
  const sheets = new Map(wb.worksheets.map((ws) => [ws.name, ws]));
  return {
    lookup: (sheet, address) => {
      // By row and column numbers, without creating the cell: an empty cell is simply absent.
      const { column, row } = splitAddress(address);
      const cell = sheets.get(sheet)!.findRow(row)?.findCell(columnNumber(column));
      if (!cell) return { value: null, formula: null };
      return { value: plainValue(cell.value), formula: cell.formula ? `=${cell.formula}` : null };
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
            range: found.table.tableRef,
            headers: found.table.columns.map((c) => c.name),
            totalsRow: Boolean(found.table.totalsRow),
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

async function load(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as ExcelJS.XlsxReadOptions);
  } catch (error) {
    throw new WorkbookReadError([`不是有效的 .xlsx 工作簿（${(error as Error).message}）`]);
  }
  return wb;
}

/** Reads a workbook (.xlsx bytes) into the model; throws WorkbookReadError with every problem found. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array): Promise<WorkbookModel> {
  return assembleModel(sourceOf(await load(data)));
}

/**
 * A workbook's source for validation. `maxRows` refuses a sheet longer than any real table before the
 * assembler walks it.
 */
export async function inspectSource(
  data: ArrayBuffer | Uint8Array,
  limits: { maxRows?: number } = {},
): Promise<WorkbookSource> {
  const wb = await load(data);
  const long = limits.maxRows === undefined ? undefined : wb.worksheets.find((ws) => ws.rowCount > limits.maxRows!);
  if (long)
    throw new WorkbookReadError([`工作表「${long.name}」有 ${long.rowCount} 行，超过 ${limits.maxRows} 行的上限`]);
  return sourceOf(wb);
}

/** Reads a workbook for validation: cells of the wrong type become problems to report, not a failure. */
export async function inspectWorkbook(
  data: ArrayBuffer | Uint8Array,
  limits: { maxRows?: number } = {},
): Promise<AssembledWorkbook> {
  return assembleWorkbook(await inspectSource(data, limits), { lenient: true });
}
