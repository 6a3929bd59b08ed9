/**
 * 生成报告 for any workbook source: validate, refuse on errors unless a draft is asked for, build the
 * content from the tables, render the .docx. `verifyReport` reads a report's fingerprint back and
 * compares it with a workbook's data.
 */
import JSZip from "jszip";
import { buildReport, fingerprintOf, type ReportContent } from "../domain/report";
import { resolveProfile, type ProfileChoice } from "../domain/profiles";
import { FINGERPRINT_PROPERTY, reportBytes } from "../docx/report";
import type { AssembledWorkbook } from "./assemble";
import { locateKey, validateWorkbook, type WorkbookValidation } from "./validate";

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

export class ReportReadError extends Error {}

/** The fingerprint a report carries in its custom document properties. */
export async function reportFingerprint(docx: Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(docx);
  } catch (error) {
    throw new ReportReadError(`不是有效的 .docx 文档（${(error as Error).message}）`);
  }
  const custom = await zip.file("docProps/custom.xml")?.async("string");
  const match =
    custom && new RegExp(`name="${FINGERPRINT_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([0-9a-f]{64})</vt:lpwstr>`).exec(custom);
  if (!match) throw new ReportReadError("文档中没有绩效自评助手的数据指纹：它不是由本工具生成的报告");
  return match[1]!;
}

/** Whether `docx` was generated from exactly this workbook's data, scored with `profile` (default: the workbook's own). */
export async function verifyReport(
  docx: Uint8Array,
  workbook: AssembledWorkbook,
  profile?: ProfileChoice,
): Promise<{ matches: boolean; report: string; workbook: string }> {
  const used = resolveProfile(workbook.model.review.profile, profile).profile.id;
  const [report, data] = await Promise.all([reportFingerprint(docx), fingerprintOf(workbook.model, used)]);
  return { matches: report === data, report, workbook: data };
}
