/**
 * One workbook file of a batch: guarded, read, validated, summarised as one row and its findings. Pure
 * (bytes in, a row out): the CLI's workers read the file from disk (inspect-file.ts), the browser page
 * from the file the user chose. Never run on the CLI's main thread: a hostile file is bounded only by
 * the worker it runs on (pool.ts).
 */
import { formatAmount, toDec } from "../domain/decimal";
import type { ProfileChoice } from "../domain/profiles";
import { formatRate } from "../domain/rates";
import { WorkbookReadError } from "../workbook/assemble";
import { validateWorkbook } from "../usecases/validate-workbook";
import { inspectWorkbook } from "../workbook/xlsx/read";
import { LIMITS } from "./guard";
import { parseProjectPath, projectPrefix } from "../domain/projects/contract";
import { projectSummaries } from "../domain/projects/summary";
import { unreadable, type FileResult, type ProjectRow } from "./results";

export { unreadable, type FileResult, type ProjectRow, type SummaryRow, type Unreadable } from "./results";

/**
 * `file` names the workbook in the summary (a path, or the name the user chose in the page); `profile` is a
 * shipped profile's id or name, or a custom profile itself.
 */
export async function inspectBytes(file: string, bytes: Uint8Array, profile?: ProfileChoice): Promise<FileResult> {
  try {
    // inspectWorkbook refuses what the guard (guard.ts) refuses before exceljs sees the bytes.
    const workbook = await inspectWorkbook(bytes, { maxRows: LIMITS.rows });
    const validation = validateWorkbook(workbook, profile);
    const { model } = workbook;
    const amount = (value: unknown) => {
      const dec = toDec(value);
      return dec === null ? null : formatAmount(dec);
    };
    const firstError = validation.findings.find((f) => f.severity === "error");
    // The projects under the profile the validation used; each counts the open findings keyed to it.
    const projects = projectSummaries(model, validation.result.profile).map((project): ProjectRow => {
      const own = validation.findings.filter((f) => !f.acknowledged && parseProjectPath(f.key)?.slot === project.slot);
      return {
        slot: project.slot,
        sheet: workbook.locations.get(`${projectPrefix(project.slot)}.name`)?.sheet ?? project.sheet,
        name: project.name,
        blank: project.blank,
        budget: amount(project.fullYearBudget),
        executed: amount(project.executed),
        executionRate: formatRate(project.executionRate),
        total: project.total === null ? null : formatAmount(project.total),
        grade: project.grade,
        provisional: project.provisional,
        errors: own.filter((f) => f.severity === "error").length,
        warnings: own.filter((f) => f.severity === "warning").length,
      };
    });
    return {
      file,
      status: "read",
      unit: model.basic.unit ?? model.eval.unit,
      year: model.basic.year ?? model.eval.year,
      budget: amount(model.eval.funds.fullYearBudget),
      executed: amount(model.eval.funds.executed),
      executionRate: formatRate(validation.result.computation.executionRate),
      total: validation.score.total,
      grade: validation.score.grade,
      provisional: validation.score.provisional,
      errors: validation.summary.errors,
      warnings: validation.summary.warnings,
      infos: validation.summary.infos,
      firstError: firstError
        ? `${firstError.sheet ?? ""}${firstError.cell ? ` ${firstError.cell}` : ""}：${firstError.message}`
        : null,
      projects,
      findings: validation.findings
        .filter((f) => !f.acknowledged)
        .map(({ rule, severity, key, sheet, cell, message }) => ({ rule, severity, key, sheet, cell, message })),
    };
  } catch (error) {
    if (error instanceof WorkbookReadError)
      return unreadable(
        file,
        error.problems.slice(0, 3).join("；") + (error.problems.length > 3 ? `；等 ${error.problems.length} 处` : ""),
      );
    return unreadable(
      file,
      `读取失败：文件内容不是 Excel 保存的格式（${String((error as Error).message).slice(0, 120)}）`,
    );
  }
}
