/**
 * A project's 附件3 seen as 附件2: its 项目资金 total row is 附件2's funds block, its goal, indicators, 分值合计,
 * 总分 and 等次 are 附件2's. So 附件2's computation, scoring profile and rules serve each project unchanged:
 * compute(projectView(model, i)) is the project's computation, and a finding on "eval.total" of the view is a
 * finding on "projects[i+1].total".
 */
import { compute, type Computation, type ComputedValue } from "../compute";
import { ratio } from "../rates";
import { CONTRACT } from "../contract";
import { emptyModel, type WorkbookModel } from "../model";
import type { ProfileChoice } from "../profiles";
import { FUND_SOURCES, parseProjectPath, projectEntries, projectPrefix, PROJECT_RELATIVE_KEYS } from "./contract";

/** Keys of 附件2 whose project counterpart has another name. */
const RENAMED: Readonly<Record<string, string>> = { unit: "name", year: "year" };
const RENAMED_BACK: Readonly<Record<string, string>> = { name: "unit", year: "year" };

const EMPTY = emptyModel();

/**
 * The workbook as 附件2 would hold project `index` (from 0): 附件2 is the project's table, 附件1 is blank (a
 * project's relations to 附件1 are checked on their own: validation/rules/projects.ts), the review settings
 * are the workbook's.
 */
export function projectView(model: WorkbookModel, index: number): WorkbookModel {
  const project = model.projects[index]!;
  const { funds } = project;
  return {
    basic: EMPTY.basic,
    eval: {
      ...EMPTY.eval,
      unit: project.name,
      year: project.year ?? model.eval.year ?? model.basic.year,
      funds: {
        ...EMPTY.eval.funds,
        initialBudget: funds.initialBudget,
        fullYearBudget: funds.fullYearBudget,
        executed: funds.executed,
        weight: funds.weight,
        executionRate: funds.executionRate,
        score: funds.score,
      },
      goal: project.goal,
      indicators: project.indicators,
      weightTotal: project.weightTotal,
      total: project.total,
      grade: project.grade,
    },
    projects: [],
    report: EMPTY.report,
    form: EMPTY.form,
    review: model.review,
  };
}

/**
 * The computed rates of 附件1 that a view (its 附件1 blank) cannot compute: not the project's problems. A problem
 * reads 「{label}无法计算：…」.
 */
const BASIC_RATE_LABELS = CONTRACT.filter((e) => e.sheet === "basic" && e.role === "computed").map((e) => e.label);
const isProjectProblem = (problem: string) =>
  !BASIC_RATE_LABELS.some((label) => problem.startsWith(`${label}无法计算`));

/** Project `index`'s (from 0) execution rate, scores, 总分 and 等次, as 附件2's are computed. */
export function computeProject(model: WorkbookModel, index: number, choice?: ProfileChoice): Computation {
  const computation = compute(projectView(model, index), choice);
  return { ...computation, problems: computation.problems.filter(isProjectProblem) };
}

/**
 * "eval.funds.executed" of project `slot`'s view → "projects[2].funds.executed"; null for a cell of 附件2 that a
 * project table does not have (按收入性质分, 填表人 …).
 */
export function projectKeyOf(slot: number, evalKey: string): string | null {
  if (!evalKey.startsWith("eval.")) return null;
  const relative = evalKey.slice("eval.".length);
  const head = /^[a-zA-Z]+(?:\.[a-zA-Z]+)*/.exec(relative)?.[0] ?? relative;
  const renamed = RENAMED[head];
  const path = renamed ? renamed + relative.slice(head.length) : relative;
  // "indicators[3].score" → "indicators"; "funds.executed" itself.
  const known = PROJECT_RELATIVE_KEYS.has(path.split("[")[0]!);
  return known ? `${projectPrefix(slot)}.${path}` : null;
}

/** "projects[2].funds.executed" → { slot: 2, evalKey: "eval.funds.executed" }; null where 附件2 has no such cell. */
export function evalKeyOf(projectKey: string): { slot: number; evalKey: string } | null {
  const parsed = parseProjectPath(projectKey);
  if (!parsed) return null;
  const head = /^[a-zA-Z]+/.exec(parsed.relative)?.[0] ?? "";
  const renamed = RENAMED_BACK[head];
  const relative = renamed ? renamed + parsed.relative.slice(head.length) : parsed.relative;
  // The 项目资金 source rows (当年财政拨款 …) and the project header have no 附件2 cell.
  if (/^funds\.(current|carryover|other)\b/.test(relative) || head === "department" || head === "implementer")
    return null;
  return { slot: parsed.slot, evalKey: `eval.${relative}` };
}

/**
 * The 执行率 of each source of funds (当年财政拨款, 上年结转资金, 其他资金) of project `index` (from 0): what only 附件3
 * computes, keyed by the project ("projects[2].funds.current.executionRate"), for the writer, the report, the
 * summaries and the rules alike.
 */
export function sourceRates(model: WorkbookModel, index: number): Array<ComputedValue & { type: "rate" }> {
  const slot = index + 1;
  const project = model.projects[index]!;
  const labels = new Map(projectEntries(slot).map((entry) => [entry.key, entry.label]));
  return FUND_SOURCES.map((source) => {
    const key = `${projectPrefix(slot)}.funds.${source.key}.executionRate`;
    const row = project.funds[source.key];
    return { key, label: labels.get(key)!, type: "rate", rate: ratio(row.executed, row.fullYearBudget) };
  });
}
