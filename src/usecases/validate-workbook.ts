/**
 * Validation of a workbook, whatever holds it: the domain validator over the model and the cells as
 * read, with every finding placed on its sheet and cell. The CLI, the task pane and the batch summary
 * all report through this.
 */
import { CONTRACT, SHEETS } from "../domain/contract";
import { formatAmount } from "../domain/decimal";
import { validate, type Finding, type ValidationResult, type ValidationSummary } from "../domain/validation";
import { profileKey, type ProfileChoice } from "../domain/profiles";
import type { AssembledWorkbook, Located } from "../workbook/assemble";
import { findProjectEntry, projectSheetName } from "../domain/projects/contract";

export interface LocatedFinding extends Finding {
  readonly sheet: string | null;
  readonly cell: string | null;
}

export interface WorkbookValidation {
  readonly result: ValidationResult;
  readonly findings: readonly LocatedFinding[];
  readonly summary: ValidationSummary;
  readonly score: {
    readonly total: string | null;
    readonly grade: string | null;
    /** Why 总分 and 等次 are provisional; null when they are not. */
    readonly provisional: string | null;
  };
}

/** The cell of a key: its own, else the first cell under it ("eval.indicators" → its first row), else its sheet. */
export function locateKey(
  key: string,
  locations: ReadonlyMap<string, Located>,
): { sheet: string | null; cell: string | null } {
  const own = locations.get(key);
  if (own) return { sheet: own.sheet, cell: own.address };
  for (const [path, place] of locations)
    if (path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) return { sheet: place.sheet, cell: place.address };
  const project = findProjectEntry(key);
  if (project) return { sheet: projectSheetName(project.slot!), cell: null };
  const entry = CONTRACT.find((e) => key === e.key || key.startsWith(`${e.key}.`) || key.startsWith(`${e.key}[`));
  return { sheet: entry ? SHEETS[entry.sheet].name : null, cell: null };
}

const SHEET_ORDER = Object.values(SHEETS).map((s) => s.name);
/** 附件1, 附件2, then the projects' 附件3-1, 附件3-2 … by number, then 报告文字; a sheet we do not know (renamed) next. */
function sheetRank(sheet: string | null): number {
  if (sheet === null) return Infinity;
  const project = /^附件3-(\d+) /.exec(sheet);
  if (project) return 2 + Number(project[1]) / 1e4;
  const known = SHEET_ORDER.indexOf(sheet);
  return known >= 0 ? known + (known >= 2 ? 1 : 0) : SHEET_ORDER.length + 1;
}

/**
 * The sheets findings are on, in the workbook's order; a sheet we do not know (renamed) next, the
 * whole workbook last.
 */
export function sheetsOf(findings: ReadonlyArray<{ readonly sheet: string | null }>): Array<string | null> {
  return [...new Set(findings.map((f) => f.sheet))].sort((a, b) => sheetRank(a) - sheetRank(b));
}

export function validateWorkbook(workbook: AssembledWorkbook, profile?: ProfileChoice): WorkbookValidation {
  const result = validate(workbook.model, {
    profile,
    cells: workbook.cells,
    problems: workbook.problems,
    fallbacks: workbook.fallbacks,
  });
  const findings = result.findings.map((finding) => ({ ...finding, ...locateKey(finding.key, workbook.locations) }));
  // 总分 and 等次 are stated when they may be (final or provisional: compute's one definition).
  const { totalStatus } = result.computation;
  const scored = totalStatus === "final" || totalStatus === "provisional";
  return {
    result,
    findings,
    summary: result.summary,
    score: {
      total: scored ? formatAmount(result.computation.total.total) : null,
      grade: scored ? result.computation.grade : null,
      provisional: result.computation.provisional,
    },
  };
}

/** The JSON of `jxzp validate --json` (and of each workbook in a batch summary). */
export function validationJson(file: string, validation: WorkbookValidation) {
  return {
    file,
    profile: profileKey(validation.result.profile),
    summary: validation.summary,
    score: validation.score,
    findings: validation.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      key: f.key,
      sheet: f.sheet,
      cell: f.cell,
      message: f.message,
      ...(f.basis ? { basis: f.basis } : {}),
      ...(f.acknowledged ? { acknowledged: f.acknowledged } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    })),
  };
}
