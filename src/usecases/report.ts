/**
 * Use cases 生成报告 and 核对报告, for any workbook source: validate, refuse on errors unless a draft is
 * asked for, build the content from the tables, render the .docx; read a report back and compare it with
 * the report a workbook gives: its data fingerprint and its text. The CLI, the task pane and the batch call these.
 */
import { buildReport, fingerprintOf, SENTENCES, type ReportContent } from "../domain/report";
import { profileKey, resolveProfile, type ProfileChoice } from "../domain/profiles";
import { readReport, type ReportDocument } from "../docx/read";
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
    fingerprint: await fingerprintOf(workbook.model, profileKey(validation.result.profile)),
    draft: options.draft,
    locate,
  });
  return { status: "generated", validation, content, bytes: await reportBytes(content) };
}

/** One place where the report's text and the regenerated one differ: lines only in the report, lines only expected. */
export interface TextDifference {
  readonly inReport: readonly string[];
  readonly expected: readonly string[];
}

export type TextCheck =
  /** The document's text is the report the workbook gives. */
  | { readonly status: "same" }
  | { readonly status: "different"; readonly differences: readonly TextDifference[] }
  /** The report is not a draft, but the workbook has errors: only a draft can be generated from it. */
  | { readonly status: "blocked"; readonly errors: number };

export interface ReportVerification {
  /** The data fingerprint and the document's text both match. */
  readonly matches: boolean;
  /** The fingerprint the report carries. */
  readonly report: string;
  /** The fingerprint of the workbook's data under the profile used. */
  readonly workbook: string;
  readonly fingerprintMatches: boolean;
  /** Whether the report was regenerated as a draft (as the report says it is). */
  readonly draft: boolean;
  readonly text: TextCheck;
}

/** Lines of a report as jxzp verify compares them: the body, then the headers' and footers' distinct lines. */
const linesOf = (document: ReportDocument): string[] => [...document.body, ...document.margins];

/**
 * Whether `docx` is the report this workbook gives: generated from exactly this data, scored with `profile`
 * (default: the workbook's own), and its text unchanged since. The report is regenerated from the workbook
 * as the document says it was (a draft or not) and the two texts are compared line by line.
 */
export async function verifyReport(
  docx: Uint8Array,
  workbook: AssembledWorkbook,
  profile?: ProfileChoice,
): Promise<ReportVerification> {
  const used = profileKey(resolveProfile(workbook.model.review.profile, profile).profile);
  const [document, data] = await Promise.all([readReport(docx), fingerprintOf(workbook.model, used)]);
  const actual = linesOf(document);
  const draft =
    document.draft ??
    (actual.includes(SENTENCES.draftAppendix) || document.margins.includes(`页眉：${SENTENCES.draftMark}`));
  const regenerated = await generateReport(workbook, { profile, draft });
  let text: TextCheck;
  if (regenerated.status === "blocked") text = { status: "blocked", errors: regenerated.validation.summary.errors };
  else {
    const differences = diffLines(actual, linesOf(await readReport(regenerated.bytes)));
    text = differences.length === 0 ? { status: "same" } : { status: "different", differences };
  }
  const fingerprintMatches = document.fingerprint === data;
  return {
    matches: fingerprintMatches && text.status === "same",
    report: document.fingerprint,
    workbook: data,
    fingerprintMatches,
    draft,
    text,
  };
}

/** Above this many line pairs the differing middle is shown as one block instead of by a longest common subsequence. */
const DIFF_CELLS = 4_000_000;

/** Where `a` (the report) and `b` (expected) differ: runs of lines removed and added, in order. */
export function diffLines(a: readonly string[], b: readonly string[]): TextDifference[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length === 0 && y.length === 0) return [];
  if ((x.length + 1) * (y.length + 1) > DIFF_CELLS) return [{ inReport: x, expected: y }];
  // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
  const width = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i * width + j] =
        x[i] === y[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
  const differences: TextDifference[] = [];
  let current: { inReport: string[]; expected: string[] } | null = null;
  const flush = () => {
    if (current) differences.push(current);
    current = null;
  };
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      flush();
      i++;
      j++;
    } else if (j >= y.length || (i < x.length && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      (current ??= { inReport: [], expected: [] }).inReport.push(x[i++]!);
    } else {
      (current ??= { inReport: [], expected: [] }).expected.push(y[j++]!);
    }
  }
  flush();
  return differences;
}
