/**
 * Each project table in a few figures, for the surfaces that list projects (the CLI's compute and validate,
 * the batch's 项目 sheet): its funds, 执行率, and 总分 and 等次 when they may be stated — the same definition as
 * 附件2's (validate-workbook.ts: final or provisional). A blank table (nothing typed) is listed as such and not
 * scored.
 */
import type { Computation, ComputedValue } from "../compute";
import type { Dec } from "../decimal";
import type { WorkbookModel } from "../model";
import type { ProfileChoice } from "../profiles";
import type { Rate } from "../rates";
import { isBlankProject } from "../validation/rules/projects";
import { projectSheetName, projectTitle } from "./contract";
import { computeProject, projectKeyOf, sourceRates } from "./view";

export interface ProjectSummary {
  /** 1 for 附件3-1. */
  readonly slot: number;
  /** The sheet as the template names it. */
  readonly sheet: string;
  readonly name: string | null;
  /** How messages name it: 项目「X」（附件3-2）. */
  readonly title: string;
  /** Nothing typed in it: not scored. */
  readonly blank: boolean;
  /** The project's computation (projects/view.ts), under the project's keys where `values` says so. */
  readonly computation: Computation;
  /** The computed values keyed by the project ("projects[2].total"), the sources' 执行率 included. */
  readonly values: readonly ComputedValue[];
  readonly fullYearBudget: Dec | null;
  readonly executed: Dec | null;
  readonly executionRate: Rate;
  /** 总分 and 等次 when they may be stated (every row scored); null otherwise and for a blank table. */
  readonly total: Dec | null;
  readonly grade: string | null;
  /** Why 总分 and 等次 are provisional; null when they are not. */
  readonly provisional: string | null;
  /** What kept something of the project from being computed (none for a blank table). */
  readonly problems: readonly string[];
}

/** Project `index` (from 0) summarised under `profile`. */
export function projectSummary(model: WorkbookModel, index: number, profile?: ProfileChoice): ProjectSummary {
  const slot = index + 1;
  const project = model.projects[index]!;
  const computation = computeProject(model, index, profile);
  const blank = isBlankProject(project);
  const scored = !blank && (computation.totalStatus === "final" || computation.totalStatus === "provisional");
  const values = computation.values.flatMap((value): ComputedValue[] => {
    const key = projectKeyOf(slot, value.key);
    return key ? [{ ...value, key }] : [];
  });
  const sources = sourceRates(model, index);
  return {
    slot,
    sheet: projectSheetName(slot),
    name: project.name,
    title: projectTitle(slot, project.name),
    blank,
    computation,
    values: [...values, ...sources],
    fullYearBudget: project.funds.fullYearBudget,
    executed: project.funds.executed,
    executionRate: computation.executionRate,
    total: scored ? computation.total.total : null,
    grade: scored ? computation.grade : null,
    provisional: blank ? null : computation.provisional,
    problems: blank ? [] : computation.problems,
  };
}

/** Every project of `model`, in order. */
export function projectSummaries(model: WorkbookModel, profile?: ProfileChoice): ProjectSummary[] {
  return model.projects.map((_, index) => projectSummary(model, index, profile));
}
