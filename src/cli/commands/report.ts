/**
 * jxzp report FILE.xlsx --out REPORT.docx [--draft] [--form ID] [--profile | --profile-file], and jxzp verify
 * REPORT.docx FILE.xlsx [--profile | --profile-file] (for a report in either form: it says which it is).
 */
import { WorkbookReadError, type AssembledWorkbook } from "../../workbook/assemble";
import { ReportReadError } from "../../docx/read";
import {
  formLayoutOf,
  generateReport,
  verifyReport,
  type ReportVerification,
  type TextDifference,
} from "../../usecases/report";
import { inspectInWorker } from "../../batch/pool";
import { EXIT, InputError } from "../errors";
import { displayWidth, pad, STDIO, type CliIo } from "../io";
import { inputName, readReportInput, readWorkbookInput, unreadableWorkbook } from "../read-file";
import { checkOutput, messagesFor, outputName, writeOutput } from "../write-file";
import { chosenProfile, type ProfileOptions } from "../profiles";
import { formatValidation } from "./validate";

async function workbookAt(file: string, command: string, io: CliIo): Promise<AssembledWorkbook> {
  const bytes = readWorkbookInput(file, command, io);
  try {
    return await inspectInWorker(bytes);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw unreadableWorkbook(file, error);
    throw error;
  }
}

export async function reportCommand(
  file: string,
  options: { out: string; draft?: boolean; form?: string; force?: boolean } & ProfileOptions,
  io: CliIo,
): Promise<number> {
  const form = options.form === undefined ? null : formLayoutOf(options.form); // checked by --form's parser
  const profile = chosenProfile(options, io, [file]);
  const workbook = await workbookAt(file, "report", io);
  const output = await checkOutput(options.out, { kind: "report", inputs: [file], force: options.force });
  const outcome = await generateReport(workbook, { profile, draft: options.draft, form: form?.id });
  if (outcome.status === "blocked") {
    io.err(
      `${inputName(file)} 有 ${outcome.validation.summary.errors} 个错误，未生成报告（更正后重试，或加 --draft 生成草稿）：\n` +
        formatValidation(outcome.validation),
    );
    return EXIT.dataErrors;
  }
  writeOutput(output, outcome.bytes, io);
  const lines = [
    `已写入${options.draft ? "草稿" : "报告"} ${outputName(options.out)}${form ? `（${form.name}）` : ""}`,
  ];
  if (outcome.content.missing.length > 0)
    lines.push(`报告中待填写（在「报告文字」工作表中填写后重新生成）：${outcome.content.missing.join("、")}`);
  if (options.draft && outcome.content.draft)
    lines.push(`草稿附录列出尚未解决的问题 ${outcome.content.draft.findings.length} 个`);
  lines.push(`数据指纹：${outcome.content.fingerprint}`);
  messagesFor(options.out, io)(lines.join("\n"));
  return EXIT.ok;
}

/** Differences listed by verify; the rest are counted. */
const SHOWN_LINES = 12;
/** Characters of a line shown; a longer one is shown around where it differs. */
const LINE_CHARS = 80;

/** `line` cut to LINE_CHARS from `from`, with … where text is left out. */
function excerpt(line: string, from: number): string {
  const chars = [...line];
  if (chars.length <= LINE_CHARS) return line;
  const start = Math.max(0, Math.min(from, chars.length - LINE_CHARS));
  const end = start + LINE_CHARS;
  return `${start > 0 ? "…" : ""}${chars.slice(start, end).join("")}${end < chars.length ? "…" : ""}`;
}

/** The lines of one difference as verify prints them: the report's line over the expected one, paired. */
function differenceLines(difference: TextDifference): string[] {
  const lines: string[] = [];
  for (let k = 0; k < Math.max(difference.inReport.length, difference.expected.length); k++) {
    const [actual, expected] = [difference.inReport[k], difference.expected[k]];
    let from = 0;
    if (actual !== undefined && expected !== undefined) {
      const [a, b] = [[...actual], [...expected]];
      while (from < a.length && from < b.length && a[from] === b[from]) from++;
      from = Math.max(0, from - 20);
    }
    lines.push(`  报告中：${actual === undefined ? "（无此行）" : excerpt(actual, from)}`);
    lines.push(`  按工作簿应为：${expected === undefined ? "（无此行）" : excerpt(expected, from)}`);
  }
  return lines;
}

/** 报告 or 草稿, with the form's name when it is written in a table form. */
const kindOf = (result: ReportVerification) =>
  `${result.draft ? "草稿" : "报告"}${result.form ? `（${formLayoutOf(result.form).name}）` : ""}`;

function textLines(r: string, w: string, result: ReportVerification): string[] {
  const { text } = result;
  const kind = kindOf(result);
  if (text.status === "same") return [];
  if (text.status === "blocked")
    return [
      `不一致：${r} 不是草稿，但 ${w} 有 ${text.errors} 个错误：由它只能生成草稿（jxzp report --draft），不能生成这份报告。`,
    ];
  const lines = [`不一致：${r} 的正文与按 ${w} 重新生成的${kind}有 ${text.differences.length} 处不同：`];
  let shown = 0;
  let left = 0;
  for (const difference of text.differences) {
    const pairs = differenceLines(difference);
    if (shown >= SHOWN_LINES * 2) left++;
    else {
      lines.push(...pairs.slice(0, SHOWN_LINES * 2 - shown));
      shown += pairs.length;
    }
  }
  if (shown > SHOWN_LINES * 2 || left > 0)
    lines.push(`  ……${left > 0 ? `另有 ${left} 处不同未列出` : "其余不同的行未列出"}`);
  if (result.fingerprintMatches)
    lines.push("报告中的数据指纹与工作簿一致，但报告的文字在生成之后被改动过：请用 jxzp report 重新生成。");
  return lines;
}

export async function verifyCommand(report: string, file: string, options: ProfileOptions, io: CliIo): Promise<number> {
  if (report === STDIO && file === STDIO) throw new InputError("报告和工作簿不能都从标准输入（-）读取");
  const profile = chosenProfile(options, io, [report, file]);
  const reportBytes = readReportInput(report, io);
  const workbook = await workbookAt(file, "verify", io);
  const [r, w] = [inputName(report), inputName(file)];
  let result: ReportVerification;
  try {
    result = await verifyReport(reportBytes, workbook, profile);
  } catch (error) {
    if (error instanceof ReportReadError) throw new InputError(`${r}：${error.message}`);
    throw error;
  }
  const kind = kindOf(result);
  if (result.matches) {
    io.out(`一致：${r} 由 ${w} 的数据生成（指纹 ${result.report}），正文与按工作簿重新生成的${kind}相同`);
    return EXIT.ok;
  }
  const lines: string[] = [];
  if (!result.fingerprintMatches)
    lines.push(
      `不一致：${r} 的数据指纹 ${result.report}`,
      `${pad(w, displayWidth(`不一致：${r}`), "right")} 的数据指纹 ${result.workbook}`,
      "报告生成之后工作簿的数据有改动，或二者不属于同一单位、同一年度，或生成报告时用了另一种评分口径（--profile 或 --profile-file）。",
    );
  lines.push(...textLines(r, w, result));
  io.out(lines.join("\n"));
  return EXIT.dataErrors;
}
