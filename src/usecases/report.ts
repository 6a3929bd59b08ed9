/**
 * Use cases 生成报告 and 核对报告, for any workbook source: validate, refuse on errors unless a draft is
 * asked for, build the content from the tables, render the .docx — the narrative report, or a city's table form
 * (issue 18: a layout of FORM_LAYOUTS by its id, filled from the same model, the narrative in its part); read a
 * report back and compare it with the report a workbook gives, in the same form: its data fingerprint and its
 * text. The CLI, the task pane and the batch call these.
 */
import { buildReport, fingerprintOf, SENTENCES, type ReportContent } from "../domain/report";
import { profileKey, resolveProfile, type ProfileChoice } from "../domain/profiles";
import { fillForm, type FormDocument, type FormLayout } from "../domain/forms/layout";
import { FORM_LAYOUTS, yueyangData } from "../domain/forms/yueyang";
import { formBytes } from "../docx/form";
import { readReport, ReportReadError, type ReportDocument } from "../docx/read";
import { reportBytes } from "../docx/report";
import type { AssembledWorkbook } from "../workbook/assemble";
import { locateKey, validateWorkbook, type WorkbookValidation } from "./validate-workbook";

export type ReportOutcome =
  | { readonly status: "blocked"; readonly validation: WorkbookValidation }
  | {
      readonly status: "generated";
      readonly validation: WorkbookValidation;
      /** The narrative's content: the report itself, or the part of a form that holds it (and the fingerprint). */
      readonly content: ReportContent;
      /** The form filled in, when one was asked for; null for the narrative report. */
      readonly form: FormDocument | null;
      readonly bytes: Uint8Array;
    };

/** A report form id that names no layout of FORM_LAYOUTS. */
export class UnknownFormError extends Error {
  constructor(readonly form: string) {
    super(`未知的报告格式「${form}」：可选 ${formChoices()}`);
    this.name = "UnknownFormError";
  }
}

/** The forms a report can be written in, for messages: "yueyang（岳阳市…）". */
export const formChoices = (): string =>
  Object.entries(FORM_LAYOUTS)
    .map(([id, layout]) => `${id}（${layout.name}）`)
    .join("、");

/** The layout of form `id`; UnknownFormError when FORM_LAYOUTS has none (its own keys only: not "toString"). */
export function formLayoutOf(id: string): FormLayout {
  if (!Object.hasOwn(FORM_LAYOUTS, id)) throw new UnknownFormError(id);
  return FORM_LAYOUTS[id]!;
}

export interface ReportOptions {
  profile?: ProfileChoice;
  draft?: boolean;
  /** A table form by its id in FORM_LAYOUTS (yueyang); undefined or null for the narrative report. */
  form?: string | null;
}

/**
 * The report of a workbook: validated (refused on errors unless `draft`), its content built from the tables, and
 * rendered as the narrative report or, with `form`, in that table form (an unknown id: UnknownFormError).
 */
export async function generateReport(workbook: AssembledWorkbook, options: ReportOptions = {}): Promise<ReportOutcome> {
  const layout = options.form == null ? null : formLayoutOf(options.form);
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
  if (!layout) return { status: "generated", validation, content, form: null, bytes: await reportBytes(content) };
  const { computation } = validation.result;
  const scored = computation.totalStatus === "final" || computation.totalStatus === "provisional";
  const form = fillForm(layout, yueyangData(workbook.model, workbook.model.form, computation, scored));
  return { status: "generated", validation, content, form, bytes: await formBytes(form, content) };
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
  /** The table form the report is written in (as it says), regenerated alike; null for the narrative report. */
  readonly form: string | null;
  readonly text: TextCheck;
}

/** Lines of a report as jxzp verify compares them: the body, then the headers' and footers' distinct lines. */
const linesOf = (document: ReportDocument): string[] => [...document.body, ...document.margins];

/**
 * Whether `docx` is the report this workbook gives: generated from exactly this data, scored with `profile`
 * (default: the workbook's own), and its text unchanged since. The report is regenerated from the workbook
 * as the document says it was (a draft or not, the narrative or a table form) and the two texts are compared
 * line by line.
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
  const form = document.form;
  if (form !== null && !Object.hasOwn(FORM_LAYOUTS, form))
    throw new ReportReadError(`文档标明的报告格式「${form}」不是本工具的格式（可选 ${formChoices()}）`);
  const regenerated = await generateReport(workbook, { profile, draft, form });
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
    form,
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
