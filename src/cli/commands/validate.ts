/** jxzp validate FILE.xlsx [--profile NAME | --profile-file FILE] [--json]: the validator on a workbook file. */
import { SEVERITY_NAMES } from "../../domain/validation";
import { WorkbookReadError } from "../../workbook/assemble";
import { sheetsOf, validateWorkbook, validationJson, type WorkbookValidation } from "../../usecases/validate-workbook";
import { inspectInWorker } from "../../batch/pool";
import { printable, printableJson } from "../../domain/text-safety";
import { EXIT } from "../errors";
import { displayWidth, tableLines, type CliIo } from "../io";
import { indicatorJson, projectJson } from "../computation-json";
import { formatAmount } from "../../domain/decimal";
import { formatRate } from "../../domain/rates";
import { parseProjectPath } from "../../domain/projects/contract";
import { projectSummaries, type ProjectSummary } from "../../domain/projects/summary";
import { chosenProfile, profileLabel, type ProfileOptions } from "../profiles";
import { inputName, readWorkbookInput, unreadableWorkbook } from "../read-file";

/** The open errors and warnings of each project (findings keyed projects[n].…), by slot. */
function projectCounts(findings: WorkbookValidation["findings"]): Map<number, { errors: number; warnings: number }> {
  const counts = new Map<number, { errors: number; warnings: number }>();
  for (const finding of findings) {
    const slot = parseProjectPath(finding.key)?.slot;
    if (slot === undefined || finding.acknowledged || finding.severity === "info") continue;
    const count = counts.get(slot) ?? { errors: 0, warnings: 0 };
    if (finding.severity === "error") count.errors += 1;
    else count.warnings += 1;
    counts.set(slot, count);
  }
  return counts;
}

/** One line per project table: its 执行率, 总分 and 等次, and its open errors and warnings. */
function projectLines(projects: readonly ProjectSummary[], validation: WorkbookValidation): string[] {
  const counts = projectCounts(validation.findings);
  return projects.map((p) => {
    const name = `附件3-${p.slot} ${p.name ? `项目「${p.name}」` : "（未填项目名称）"}`;
    if (p.blank) return `${name} · 空表`;
    const grade = p.grade && p.provisional ? `${p.grade}（暂定）` : (p.grade ?? "—");
    const { errors, warnings } = counts.get(p.slot) ?? { errors: 0, warnings: 0 };
    const total = p.total === null ? "—" : formatAmount(p.total);
    return `${name} · 执行率：${formatRate(p.executionRate)} · 总分：${total} · 等次：${grade} · 错误 ${errors} · 警告 ${warnings}`;
  });
}

/**
 * A sheet's heading: its name, and for a project's 附件3 the project it holds (findings name the sheet as the
 * workbook does, so a renamed sheet still says which project).
 */
function sheetHeading(
  sheet: string | null,
  findings: WorkbookValidation["findings"],
  projects: readonly ProjectSummary[],
) {
  if (sheet === null) return "（整个工作簿）";
  const slot = findings.map((f) => parseProjectPath(f.key)?.slot).find((s) => s !== undefined);
  const project = slot === undefined ? undefined : projects.find((p) => p.slot === slot);
  if (!project) return sheet;
  return `${sheet} · ${project.name ? `项目「${project.name}」` : "（未填项目名称）"}`;
}

/**
 * Findings grouped by sheet, in the sheets' order (附件3-1 … after 附件2), each a line: severity, cell, rule,
 * message; the project tables' scores (when given) under 附件2's.
 */
export function formatValidation(validation: WorkbookValidation, projects: readonly ProjectSummary[] = []): string {
  const { summary, score, result } = validation;
  const model = result.computation;
  const acknowledged = summary.acknowledged ? ` · 已说明 ${summary.acknowledged}` : "";
  const lines = [
    `评分口径：${profileLabel(model.profile)} · 总分：${score.total ?? "—"} · 等次：${score.grade ?? "—"}`,
    ...(score.provisional ? [score.provisional] : []),
    ...projectLines(projects, validation),
    `错误 ${summary.errors} · 警告 ${summary.warnings} · 提示 ${summary.infos}${acknowledged}`,
  ];
  for (const sheet of sheetsOf(validation.findings)) {
    const onSheet = validation.findings.filter((f) => f.sheet === sheet);
    lines.push("", sheetHeading(sheet, onSheet, projects));
    const findings = onSheet;
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

/**
 * validate --json: the validation, then each indicator with its suggested score and the rule that made it, then
 * each project table (附件3) computed alike, with its open errors and warnings.
 */
function validateJson(file: string, validation: WorkbookValidation, projects: readonly ProjectSummary[]) {
  const { computation } = validation.result;
  const counts = projectCounts(validation.findings);
  return {
    ...validationJson(file, validation),
    indicators: computation.indicators.map((indicator) => indicatorJson(indicator, computation.profile)),
    projects: projects.map((project) => ({
      ...projectJson(project),
      ...(counts.get(project.slot) ?? { errors: 0, warnings: 0 }),
    })),
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
  let projects: ProjectSummary[];
  try {
    const workbook = await inspectInWorker(bytes);
    validation = validateWorkbook(workbook, profile);
    // The projects under the profile the validation used (the workbook's own unless --profile says otherwise).
    projects = projectSummaries(workbook.model, validation.result.profile);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw unreadableWorkbook(file, error);
    throw error;
  }
  io.out(
    options.json
      ? printableJson(JSON.stringify(validateJson(file, validation, projects), null, 2))
      : `${inputName(file)}\n${formatValidation(validation, projects)}`,
  );
  return validation.summary.errors > 0 ? EXIT.dataErrors : EXIT.ok;
}
