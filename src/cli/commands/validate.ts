/** jxzp validate FILE.xlsx [--profile NAME] [--json]: the validator on a workbook file. */
import { SEVERITY_NAMES } from "../../domain/validation";
import { WorkbookReadError } from "../../workbook/assemble";
import { sheetsOf, validateWorkbook, validationJson, type WorkbookValidation } from "../../usecases/validate-workbook";
import { inspectInWorker } from "../../batch/pool";
import { printable, printableJson } from "../../domain/text-safety";
import { EXIT } from "../errors";
import { table, type CliIo } from "../io";
import { inputName, readWorkbookInput, unreadableWorkbook } from "../read-file";
import { checkProfile } from "./compute";

/** Findings grouped by sheet, in the sheets' order, each a line: severity, cell, rule, message. */
export function formatValidation(validation: WorkbookValidation): string {
  const { summary, score, result } = validation;
  const model = result.computation;
  const acknowledged = summary.acknowledged ? ` · 已说明 ${summary.acknowledged}` : "";
  const lines = [
    `评分口径：${model.profile.name} · 总分：${score.total ?? "—"} · 等次：${score.grade ?? "—"}`,
    ...(score.provisional ? [score.provisional] : []),
    `错误 ${summary.errors} · 警告 ${summary.warnings} · 提示 ${summary.infos}${acknowledged}`,
  ];
  for (const sheet of sheetsOf(validation.findings)) {
    lines.push("", sheet ?? "（整个工作簿）");
    const rows = validation.findings
      .filter((f) => f.sheet === sheet)
      .map((f) => [
        `  ${f.acknowledged ? "已说明" : SEVERITY_NAMES[f.severity]}`,
        f.cell ?? "",
        f.rule,
        f.acknowledged ? `${f.message}（说明：${f.acknowledged}）` : f.message,
      ]);
    lines.push(table(rows));
  }
  if (validation.findings.length === 0) lines.push("", "没有发现问题。");
  // Cell text is quoted in messages: an escape sequence in a cell must not reach the terminal as one.
  return printable(lines.join("\n"));
}

export async function validateCommand(
  file: string,
  options: { profile?: string; json?: boolean },
  io: CliIo,
): Promise<number> {
  const profile = checkProfile(options.profile);
  const bytes = readWorkbookInput(file, "validate", io);
  let validation: WorkbookValidation;
  try {
    validation = validateWorkbook(await inspectInWorker(bytes), profile);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw unreadableWorkbook(file, error);
    throw error;
  }
  io.out(
    options.json
      ? printableJson(JSON.stringify(validationJson(file, validation), null, 2))
      : `${inputName(file)}\n${formatValidation(validation)}`,
  );
  return validation.summary.errors > 0 ? EXIT.dataErrors : EXIT.ok;
}
