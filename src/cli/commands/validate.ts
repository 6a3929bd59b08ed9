/** jxzp validate FILE.xlsx [--profile NAME | --profile-file FILE] [--json]: the validator on a workbook file. */
import { SEVERITY_NAMES } from "../../domain/validation";
import { WorkbookReadError } from "../../workbook/assemble";
import { sheetsOf, validateWorkbook, validationJson, type WorkbookValidation } from "../../usecases/validate-workbook";
import { inspectInWorker } from "../../batch/pool";
import { printable, printableJson } from "../../domain/text-safety";
import { EXIT } from "../errors";
import { displayWidth, tableLines, type CliIo } from "../io";
import { indicatorJson } from "../computation-json";
import { chosenProfile, profileLabel, type ProfileOptions } from "../profiles";
import { inputName, readWorkbookInput, unreadableWorkbook } from "../read-file";

/** Findings grouped by sheet, in the sheets' order, each a line: severity, cell, rule, message. */
export function formatValidation(validation: WorkbookValidation): string {
  const { summary, score, result } = validation;
  const model = result.computation;
  const acknowledged = summary.acknowledged ? ` · 已说明 ${summary.acknowledged}` : "";
  const lines = [
    `评分口径：${profileLabel(model.profile)} · 总分：${score.total ?? "—"} · 等次：${score.grade ?? "—"}`,
    ...(score.provisional ? [score.provisional] : []),
    `错误 ${summary.errors} · 警告 ${summary.warnings} · 提示 ${summary.infos}${acknowledged}`,
  ];
  for (const sheet of sheetsOf(validation.findings)) {
    lines.push("", sheet ?? "（整个工作簿）");
    const findings = validation.findings.filter((f) => f.sheet === sheet);
    const rows = findings.map((f) => [
      `  ${f.acknowledged ? "已说明" : SEVERITY_NAMES[f.severity]}`,
      f.cell ?? "",
      f.rule,
      f.acknowledged ? `${f.message}（说明：${f.acknowledged}）` : f.message,
    ]);
    // A finding made by a profile rule says which, on a line of its own under the message.
    const column = [0, 1, 2].reduce((sum, i) => sum + Math.max(...rows.map((row) => displayWidth(row[i]!))) + 2, 0);
    const indent = " ".repeat(column);
    tableLines(rows).forEach((line, i) => {
      lines.push(line);
      if (findings[i]!.basis) lines.push(`${indent}${findings[i]!.basis}`);
    });
  }
  if (validation.findings.length === 0) lines.push("", "没有发现问题。");
  // Cell text is quoted in messages: an escape sequence in a cell must not reach the terminal as one.
  return printable(lines.join("\n"));
}

/** validate --json: the validation, then each indicator with its suggested score and the rule that made it. */
function validateJson(file: string, validation: WorkbookValidation) {
  const { computation } = validation.result;
  return {
    ...validationJson(file, validation),
    indicators: computation.indicators.map((indicator) => indicatorJson(indicator, computation.profile)),
  };
}

export async function validateCommand(
  file: string,
  options: { json?: boolean } & ProfileOptions,
  io: CliIo,
): Promise<number> {
  const profile = chosenProfile(options, io, [file]);
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
      ? printableJson(JSON.stringify(validateJson(file, validation), null, 2))
      : `${inputName(file)}\n${formatValidation(validation)}`,
  );
  return validation.summary.errors > 0 ? EXIT.dataErrors : EXIT.ok;
}
