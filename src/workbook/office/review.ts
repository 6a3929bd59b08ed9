/**
 * 校验 in Excel: the whole workbook read in one sync and validated; a finding's cell selected in one
 * sync; a safe fix or a warning's explanation written in one sync, only after the user confirmed.
 * A finding names its sheet as the read found it, by our defined names: a sheet the user renamed is
 * named, selected and fixed under its new name.
 */
import { entryOf } from "../../domain/contract";
import { CANNOT_EXPLAIN, canExplain, type Fix } from "../../domain/validation";
import { validateWorkbook, type LocatedFinding, type WorkbookValidation } from "../../usecases/validate-workbook";
import { readExcelWorkbook } from "./read";

export interface OfficeValidation extends WorkbookValidation {
  readonly syncs: number;
}

export async function validateOpenWorkbook(context: Excel.RequestContext, profile?: string): Promise<OfficeValidation> {
  const read = await readExcelWorkbook(context, { lenient: true });
  return { ...validateWorkbook(read, profile), syncs: read.syncs };
}

/** A sync that names the sheet when it is no longer there (renamed or deleted since the 校验). */
async function syncOn(context: Excel.RequestContext, sheet: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: string }).code === "ItemNotFound")
      throw new Error(`找不到工作表「${sheet}」（校验之后可能被改名或删除）：请重新校验。`, { cause: error });
    throw error;
  }
}

/** Shows a finding's cell: its sheet activated, the cell selected. */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await syncOn(context, sheet);
}

/**
 * Applies a finding's fix to its cell. Office.js changes cannot be undone with Ctrl+Z: callers confirm first.
 * A text is written as text: the cell formatted as text ("@", the template's format for text cells) first,
 * so Excel takes 「=…」「+…」「-…」「@…」 (or 「1/2」, 「TRUE」) as written, never as a formula, a number or a
 * date. The format stays "@".
 */
export async function applyFix(context: Excel.RequestContext, finding: LocatedFinding & { fix: Fix }): Promise<void> {
  if (!finding.sheet || !finding.cell) throw new Error(`无法定位 ${finding.key}`);
  const range = context.workbook.worksheets.getItem(finding.sheet).getRange(finding.cell);
  const { fix } = finding;
  if (fix.kind === "formula") range.formulas = [[fix.formula]];
  else if (fix.kind === "text") {
    range.numberFormat = [["@"]];
    range.values = [[fix.value]];
  } else range.values = [[fix.value]];
  await syncOn(context, finding.sheet);
}

const ACKNOWLEDGEMENTS = entryOf("review.acknowledgements").table.name;

/** Records a user's explanation of a warning in the 已说明的提示 table (rule, reason, cell key). */
export async function explainWarning(
  context: Excel.RequestContext,
  finding: LocatedFinding,
  reason: string,
): Promise<void> {
  if (!canExplain(finding)) throw new Error(CANNOT_EXPLAIN);
  context.workbook.tables.getItem(ACKNOWLEDGEMENTS).rows.add(undefined, [[finding.rule, reason.trim(), finding.key]]);
  await context.sync();
}
