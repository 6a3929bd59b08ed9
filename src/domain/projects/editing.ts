/**
 * Adding and removing project tables on the model (the CLI's `jxzp project add/remove`, a template with N
 * blank tables): a workbook's projects are the model's list, so a project is added or removed there and the
 * workbook is written again from the contract. Removing project 2 of 3 renumbers the third (its keys and
 * defined names follow its slot, projects/contract.ts), and so do the explanations kept for its warnings.
 */
import { projectSheet, type ProjectSheet, type WorkbookModel } from "../model";
import { isBlankProject } from "../validation/rules/projects";
import { valueAtPath } from "../validation/paths";
import { MAX_PROJECTS, parseProjectPath, projectEntries, projectPrefix } from "./contract";

/** A project table with nothing typed in it. */
export const emptyProject = (): ProjectSheet => projectSheet.parse({});

/** `model` with `count` blank project tables added after its own (the template with N tables). */
export function withBlankProjects(model: WorkbookModel, count: number): WorkbookModel {
  if (!Number.isInteger(count) || count < 0 || model.projects.length + count > MAX_PROJECTS)
    throw new RangeError(`At most ${MAX_PROJECTS} project tables, not ${model.projects.length + count}`);
  return { ...model, projects: [...model.projects, ...Array.from({ length: count }, emptyProject)] };
}

/**
 * `model` with one more project table, last (附件3-n for n = the new count): blank but for its 项目名称 when
 * given and its 年度, the workbook's (the title shows it; 年度 alone does not make a table filled).
 */
export function withProjectAdded(model: WorkbookModel, name: string | null = null): WorkbookModel {
  if (model.projects.length >= MAX_PROJECTS)
    throw new RangeError(`At most ${MAX_PROJECTS} project tables in one workbook`);
  const project: ProjectSheet = { ...emptyProject(), name, year: model.eval.year ?? model.basic.year };
  return { ...model, projects: [...model.projects, project] };
}

/**
 * `model` without project `slot` (from 1): the later ones move up a slot, and the explanations of their
 * warnings (已说明的提示, keyed projects[n].…) move with them; the removed project's explanations go with it.
 */
export function withProjectRemoved(model: WorkbookModel, slot: number): WorkbookModel {
  if (!Number.isInteger(slot) || slot < 1 || slot > model.projects.length)
    throw new RangeError(`No project table ${slot} (the workbook has ${model.projects.length})`);
  const acknowledgements = model.review.acknowledgements.flatMap((ack) => {
    const parsed = ack.key === null ? null : parseProjectPath(ack.key);
    if (!parsed || parsed.slot < slot) return [ack];
    if (parsed.slot === slot) return [];
    const rest = parsed.relative === "" ? "" : `.${parsed.relative}`;
    return [{ ...ack, key: `${projectPrefix(parsed.slot - 1)}${rest}` }];
  });
  return {
    ...model,
    projects: model.projects.filter((_, i) => i !== slot - 1),
    review: { ...model.review, acknowledgements },
  };
}

/**
 * What is typed in project `slot`'s table, in words (项目名称, 全年预算数, 当年财政拨款·全年执行数 …, 绩效指标 12 行):
 * empty exactly when the table is blank (isBlankProject; 年度 is not counted, a new table has the workbook's).
 */
export function projectContents(project: ProjectSheet, slot: number): string[] {
  if (isBlankProject(project)) return [];
  const prefix = `${projectPrefix(slot)}.`;
  const filled = projectEntries(slot).flatMap((entry) => {
    const relative = entry.key.slice(prefix.length);
    if (entry.shape !== "cell" || entry.role !== "input" || relative === "year") return [];
    const value = valueAtPath(project, relative);
    return value === null || value === undefined ? [] : [entry.label];
  });
  const rows = project.indicators.length;
  return [...filled, ...(rows > 0 ? [`绩效指标 ${rows} 行`] : [])];
}
