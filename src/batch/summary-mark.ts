/**
 * The mark of a batch summary workbook that we wrote: a keyword in its document properties
 * (docProps/core.xml, 「标记」 in Excel's file properties; Excel and WPS keep it when the file is saved
 * again). `jxzp summary` replaces an existing output only when it carries the mark, and the batch's file
 * collection skips marked files, so `summary 收件/ --out 收件/汇总.xlsx` never reads its own summary back
 * as a unit's workbook.
 */
import { strFromU8, unzipSync } from "fflate";
import type ExcelJS from "exceljs";

/** The token that marks our summaries, inside the keywords. */
export const SUMMARY_MARK = "jxzp-summary";
/** The keywords a summary carries: readable in Excel's file properties, with the token. */
export const SUMMARY_KEYWORDS = `绩效自评助手批量汇总（${SUMMARY_MARK}）`;

const CORE = "docProps/core.xml";
/** Core properties are a few hundred bytes; anything larger is not what we wrote. */
const CORE_LIMIT = 64 * 1024;

/** Marks `workbook` as a summary we wrote (idempotent). */
export function markSummary(workbook: ExcelJS.Workbook): ExcelJS.Workbook {
  workbook.creator = "绩效自评助手";
  workbook.title = "绩效自评批量汇总";
  workbook.keywords = SUMMARY_KEYWORDS;
  return workbook;
}

/**
 * Whether `bytes` are an .xlsx that carries our summary mark. Cheap and safe on any bytes: only
 * docProps/core.xml is inflated, and only when it declares itself small; never throws.
 */
export function isOurSummary(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  try {
    let workbook = false;
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name === "xl/workbook.xml") workbook = true;
        return file.name === CORE && file.originalSize <= CORE_LIMIT;
      },
    });
    const core = files[CORE];
    if (!workbook || !core || core.length > CORE_LIMIT) return false;
    const keywords = /<cp:keywords(?:\s[^>]*)?>([^<]*)<\/cp:keywords>/.exec(strFromU8(core));
    return keywords !== null && keywords[1]!.includes(SUMMARY_MARK);
  } catch {
    return false;
  }
}
