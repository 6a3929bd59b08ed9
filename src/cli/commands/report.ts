/** jxzp report FILE.xlsx --out REPORT.docx [--draft] [--profile], and jxzp verify REPORT.docx FILE.xlsx. */
import { WorkbookReadError, type AssembledWorkbook } from "../../workbook/assemble";
import { ReportReadError } from "../../docx/read";
import { generateReport, verifyReport } from "../../usecases/report";
import { inspectWorkbook } from "../../workbook/xlsx/read";
import { LIMITS } from "../../batch/guard";
import { EXIT, InputError } from "../errors";
import { displayWidth, pad, STDIO, type CliIo } from "../io";
import { inputName, readReportInput, readWorkbookInput } from "../read-file";
import { messagesFor, outputName, writeOutput } from "../write-file";
import { checkProfile } from "./compute";
import { formatValidation } from "./validate";

async function workbookAt(file: string, command: string, io: CliIo): Promise<AssembledWorkbook> {
  const bytes = readWorkbookInput(file, command, io);
  try {
    return await inspectWorkbook(bytes, { maxRows: LIMITS.rows });
  } catch (error) {
    if (error instanceof WorkbookReadError)
      throw new InputError(`${inputName(file)}：\n${error.problems.map((p) => `  ${p}`).join("\n")}`);
    throw error;
  }
}

export async function reportCommand(
  file: string,
  options: { out: string; draft?: boolean; profile?: string },
  io: CliIo,
): Promise<number> {
  const profile = checkProfile(options.profile);
  const outcome = await generateReport(await workbookAt(file, "report", io), { profile, draft: options.draft });
  if (outcome.status === "blocked") {
    io.err(
      `${inputName(file)} 有 ${outcome.validation.summary.errors} 个错误，未生成报告（更正后重试，或加 --draft 生成草稿）：\n` +
        formatValidation(outcome.validation),
    );
    return EXIT.dataErrors;
  }
  writeOutput(options.out, outcome.bytes, io);
  const lines = [`已写入${options.draft ? "草稿" : "报告"} ${outputName(options.out)}`];
  if (outcome.content.missing.length > 0)
    lines.push(`报告中待填写（在「报告文字」工作表中填写后重新生成）：${outcome.content.missing.join("、")}`);
  if (options.draft && outcome.content.draft)
    lines.push(`草稿附录列出尚未解决的问题 ${outcome.content.draft.findings.length} 个`);
  lines.push(`数据指纹：${outcome.content.fingerprint}`);
  messagesFor(options.out, io)(lines.join("\n"));
  return EXIT.ok;
}

export async function verifyCommand(
  report: string,
  file: string,
  options: { profile?: string },
  io: CliIo,
): Promise<number> {
  const profile = checkProfile(options.profile);
  if (report === STDIO && file === STDIO) throw new InputError("报告和工作簿不能都从标准输入（-）读取");
  const reportBytes = readReportInput(report, io);
  const workbook = await workbookAt(file, "verify", io);
  const [r, w] = [inputName(report), inputName(file)];
  try {
    const result = await verifyReport(reportBytes, workbook, profile);
    io.out(
      result.matches
        ? `一致：${r} 由 ${w} 的数据生成（指纹 ${result.report}）`
        : `不一致：${r} 的数据指纹 ${result.report}\n` +
            `${pad(w, displayWidth(`不一致：${r}`), "right")} 的数据指纹 ${result.workbook}\n` +
            "报告生成之后工作簿的数据有改动，或二者不属于同一单位、同一年度，或生成报告时用了另一种评分口径（--profile）。",
    );
    return result.matches ? EXIT.ok : EXIT.dataErrors;
  } catch (error) {
    if (error instanceof ReportReadError) throw new InputError(`${r}：${error.message}`);
    throw error;
  }
}
