/**
 * The validator: runs every rule of the catalogue (SPEC §7) over a model, and over the cells as the
 * workbook holds them when an adapter supplies them. Warnings that the user explained in 已说明的提示
 * are kept, marked acknowledged, and no longer counted as open; errors cannot be explained away.
 */
import { compute, type Computation } from "../compute";
import { publishedValues } from "../published";
import type { WorkbookModel } from "../model";
import { resolveProfile, type ProfileChoice, type ScoringProfile } from "../profiles";
import { basisOf } from "./basis";
import { crossRules, overrunRules, yearRules } from "./rules/cross";
import { evidenceRules } from "./rules/evidence";
import { formatRules } from "./rules/format";
import { fundsRules } from "./rules/funds";
import { nameRules } from "./rules/names";
import { plausibilityRules } from "./rules/plausibility";
import { recomputedRules } from "./rules/recomputed";
import { requiredRules } from "./rules/required";
import { scoreRules } from "./rules/scores";
import { slipRules } from "./rules/slips";
import { sumRules } from "./rules/sums";
import { weightRules } from "./rules/weights";
import { isBlankProject, projectRules } from "./rules/projects";
import { formRules } from "./rules/form";
import { computeProject, evalKeyOf, projectKeyOf, projectView } from "../projects/view";
import { projectTitle } from "../projects/contract";
import {
  canExplain,
  severityUnder,
  SEVERITY_ORDER,
  type CellFact,
  type CellProblem,
  type Finding,
  type NameFallback,
  type Rule,
  type RuleContext,
  type Severity,
} from "./types";

/**
 * The catalogue, in the order findings are listed: where the cells were read first, then 附件1, then 附件2,
 * then the cells themselves.
 */
export const RULES: readonly Rule[] = [
  ...nameRules,
  ...requiredRules,
  ...formatRules,
  ...yearRules,
  ...sumRules,
  ...overrunRules,
  ...crossRules,
  ...plausibilityRules,
  ...fundsRules,
  ...recomputedRules,
  ...weightRules,
  ...scoreRules,
  ...evidenceRules,
  ...slipRules,
  ...projectRules,
  ...formRules,
];

/**
 * 附件2's rules that a project's 附件3 shares, run on the project seen as 附件2 (projects/view.ts): its 项目资金
 * total row, indicators, weights, scores, computed cells and the cells themselves. The rest (附件1, the header
 * and signature of 附件2, the sums of 附件2's splits, cross-table checks) are not about a project.
 */
const SHARED_WITH_PROJECTS =
  /^(funds\.|weights\.|score\.|slip\.|recomputed\.(value|rounding|notApplicable)$|type\.cell$|format\.decimals$)/;
const PROJECT_VIEW_RULES: readonly Rule[] = RULES.filter(
  (r) => SHARED_WITH_PROJECTS.test(r.id) || r.id === "required.funds" || r.id === "required.indicators",
);

export interface ValidationOptions {
  /** The caller's 评分口径 (CLI --profile, the pane's choice): beats the one saved in the workbook; must be known. */
  readonly profile?: ProfileChoice;
  readonly cells?: readonly CellFact[];
  readonly problems?: readonly CellProblem[];
  /** Cells read where the template puts them, their defined name missing or unusable. */
  readonly fallbacks?: readonly NameFallback[];
}

export interface ValidationSummary {
  readonly errors: number;
  /** Open warnings (acknowledged ones are counted apart). */
  readonly warnings: number;
  readonly infos: number;
  readonly acknowledged: number;
}

export interface ValidationResult {
  readonly profile: ScoringProfile;
  readonly computation: Computation;
  readonly findings: readonly Finding[];
  readonly summary: ValidationSummary;
}

export function validate(model: WorkbookModel, options: ValidationOptions = {}): ValidationResult {
  const { profile, savedProblem } = resolveProfile(model.review.profile, options.profile);
  const computation = compute(model, profile);
  const facts = splitProjectFacts(options.cells ?? [], options.problems ?? []);
  const context: RuleContext = {
    model,
    computation,
    published: publishedValues(model, computation),
    profile,
    year: model.basic.year ?? model.eval.year,
    cells: facts.cells,
    problems: facts.problems,
    fallbacks: options.fallbacks ?? [],
  };

  const findings: Finding[] = [];
  if (savedProblem !== null) {
    findings.push({ rule: "review.profile", severity: "warning", key: "review.profile", message: savedProblem });
  }
  for (const rule of RULES) {
    const severity = severityUnder(rule, profile);
    for (const draft of rule.check(context)) {
      const basis = basisOf(rule.id, draft.key, computation, profile);
      findings.push({ ...draft, rule: rule.id, severity, ...(basis ? { basis } : {}) });
    }
  }
  const projects = projectFindings(model, profile, facts);
  findings.push(...projects.findings);

  const explained = acknowledgements(model);
  // Printed values that cannot be checked (no complete scores, nothing computed) are the department's
  // statement: no "put the formula back" for them.
  const unverifiable = new Set([
    ...context.published.filter((p) => !p.agrees && !p.verifiable).map((p) => p.value.key),
    ...projects.unverifiable,
  ]);
  const kept = findings.filter((f) => !(f.rule === "slip.overwritten" && unverifiable.has(f.key)));
  const marked = oneCausePerCell(kept).map((finding) => {
    const reason = canExplain(finding)
      ? (explained.get(`${finding.rule}@${finding.key}`) ?? explained.get(`${finding.rule}@`))
      : undefined;
    return reason ? { ...finding, acknowledged: reason } : finding;
  });
  marked.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

  const count = (severity: Severity) => marked.filter((f) => f.severity === severity && !f.acknowledged).length;
  return {
    profile,
    computation,
    findings: marked,
    summary: {
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
      acknowledged: marked.filter((f) => f.acknowledged).length,
    },
  };
}

/**
 * Cells and problems of the workbook: the three sheets' (with a project's cells 附件2 has no counterpart for),
 * and each project's as its view names them.
 */
interface SplitFacts {
  readonly cells: CellFact[];
  readonly problems: CellProblem[];
  /** Project slot → its cells and problems keyed as its view's 附件2 ("eval.funds.executed"). */
  readonly bySlot: Map<number, { cells: CellFact[]; problems: CellProblem[] }>;
}

function splitProjectFacts(cells: readonly CellFact[], problems: readonly CellProblem[]): SplitFacts {
  const split: SplitFacts = { cells: [], problems: [], bySlot: new Map() };
  const slotOf = (slot: number) => {
    let facts = split.bySlot.get(slot);
    if (!facts) split.bySlot.set(slot, (facts = { cells: [], problems: [] }));
    return facts;
  };
  for (const cell of cells) {
    const mapped = cell.key.startsWith("projects[") ? evalKeyOf(cell.key) : null;
    if (mapped) slotOf(mapped.slot).cells.push({ ...cell, key: mapped.evalKey });
    else split.cells.push(cell);
  }
  for (const problem of problems) {
    const mapped = problem.key.startsWith("projects[") ? evalKeyOf(problem.key) : null;
    if (mapped) slotOf(mapped.slot).problems.push({ ...problem, key: mapped.evalKey });
    else split.problems.push(problem);
  }
  return split;
}

/**
 * Each filled project checked by 附件2's rules on its view: findings keyed back to the project
 * ("eval.total" → "projects[2].total") and named by it (「项目「…」（附件3-2）：」). A finding on a cell the
 * project table does not have is not about the project and is dropped.
 */
function projectFindings(
  model: WorkbookModel,
  profile: ScoringProfile,
  facts: SplitFacts,
): { findings: Finding[]; unverifiable: string[] } {
  const findings: Finding[] = [];
  /** A project's printed values that cannot be checked: its statement, like 附件2's (no "put the formula back"). */
  const unverifiable: string[] = [];
  for (const [index, project] of model.projects.entries()) {
    if (isBlankProject(project)) continue;
    const slot = index + 1;
    const view = projectView(model, index);
    const computation = computeProject(model, index, profile);
    const own = facts.bySlot.get(slot);
    const published = publishedValues(view, computation);
    for (const p of published)
      if (!p.agrees && !p.verifiable) unverifiable.push(projectKeyOf(slot, p.value.key) ?? p.value.key);
    const context: RuleContext = {
      model: view,
      computation,
      published,
      profile,
      year: view.eval.year,
      cells: own?.cells ?? [],
      problems: own?.problems ?? [],
      fallbacks: [],
    };
    const title = projectTitle(slot, project.name);
    for (const rule of PROJECT_VIEW_RULES) {
      const severity = severityUnder(rule, profile);
      for (const draft of rule.check(context)) {
        const key = projectKeyOf(slot, draft.key);
        if (key === null) continue;
        const basis = basisOf(rule.id, draft.key, computation, profile);
        findings.push({
          ...draft,
          key,
          message: `${title}：${draft.message}`,
          rule: rule.id,
          severity,
          ...(basis ? { basis } : {}),
        });
      }
    }
  }
  return { findings, unverifiable };
}

/**
 * A value typed over one of our formulas that also differs from what the formula gives is one cause: the
 * recomputed finding says what is wrong and carries the overwritten cell's fix (put the formula back);
 * the slip finding is kept only where the typed value agrees.
 */
function oneCausePerCell(findings: readonly Finding[]): Finding[] {
  const recomputed = new Set(findings.filter((f) => f.rule.startsWith("recomputed.")).map((f) => f.key));
  // An amount typed in 元 makes it look over budget and out of line with 附件2 too: unit.yuan says why.
  const inYuan = new Set(findings.filter((f) => f.rule === "unit.yuan").map((f) => f.key));
  // A cell holding the wrong type (a date in 年度, 1387.53元 in an amount) is not empty: type.cell says what it
  // holds, and 未填写 would be false.
  const mistyped = new Set(findings.filter((f) => f.rule === "type.cell").map((f) => f.key));
  const fixes = new Map(
    findings.filter((f) => f.rule === "slip.overwritten" && f.fix).map((f) => [f.key, f.fix!] as const),
  );
  return findings
    .filter((f) => !(f.rule === "slip.overwritten" && recomputed.has(f.key)))
    .filter((f) => !((f.rule.startsWith("overrun.") || f.rule.startsWith("cross.")) && inYuan.has(f.key)))
    .filter((f) => !(f.rule.startsWith("required.") && mistyped.has(f.key)))
    .map((f) => (f.rule.startsWith("recomputed.") && !f.fix && fixes.has(f.key) ? { ...f, fix: fixes.get(f.key) } : f));
}

/** "rule@key" → reason, from 已说明的提示 rows that give a reason ("rule@" for a whole rule). */
function acknowledgements(model: WorkbookModel): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of model.review.acknowledgements) {
    const reason = row.reason?.trim();
    if (row.rule && reason) map.set(`${row.rule.trim()}@${row.key?.trim() ?? ""}`, reason);
  }
  return map;
}
