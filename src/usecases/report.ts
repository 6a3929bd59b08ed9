/**
 * Use cases 生成报告 and 核对报告, for any workbook source: validate, refuse on errors unless a draft is
 * asked for, build the content from the tables, render the .docx; read a report's fingerprint back and
 * compare it with a workbook's data. The CLI, the task pane and the batch call these.
 */
import { buildReport, fingerprintOf, type ReportContent } from "../domain/report";
import { resolveProfile, type ProfileChoice } from "../domain/profiles";
import { reportFingerprint } from "../docx/read";
import { reportBytes } from "../docx/report";
import type { AssembledWorkbook } from "../workbook/assemble";
import { locateKey, validateWorkbook, type WorkbookValidation } from "./validate-workbook";

export type ReportOutcome =
  | { readonly status: "blocked"; readonly validation: WorkbookValidation }
  | {
      readonly status: "generated";
      readonly validation: WorkbookValidation;
      readonly content: ReportContent;
      readonly bytes: Uint8Array;
    };

export async function generateReport(
  workbook: AssembledWorkbook,
  options: { profile?: ProfileChoice; draft?: boolean } = {},
): Promise<ReportOutcome> {
  const validation = validateWorkbook(workbook, options.profile);
  if (validation.summary.errors > 0 && !options.draft) return { status: "blocked", validation };
  const locate = (key: string) => {
    const { sheet, cell } = locateKey(key, workbook.locations);
    return [sheet, cell].filter(Boolean).join(" ") || key;
  };
  const content = buildReport(workbook.model, validation.result, {
    fingerprint: await fingerprintOf(workbook.model, validation.result.profile.id),
    draft: options.draft,
    locate,
  });
  return { status: "generated", validation, content, bytes: await reportBytes(content) };
}

/**
 * Whether `docx` was generated from exactly this workbook's data, scored with `profile` (default:
 * the workbook's own).
 */
export async function verifyReport(
  docx: Uint8Array,
  workbook: AssembledWorkbook,
  profile?: ProfileChoice,
): Promise<{ matches: boolean; report: string; workbook: string }> {
  const used = resolveProfile(workbook.model.review.profile, profile).profile.id;
  const [report, data] = await Promise.all([reportFingerprint(docx), fingerprintOf(workbook.model, used)]);
  return { matches: report === data, report, workbook: data };
}
