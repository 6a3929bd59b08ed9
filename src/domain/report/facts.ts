/**
 * When the report's fact sentences are true. A sentence in sentences.zh.json that states something about
 * the data names its condition in "when"; each condition is a predicate here, on the model and its
 * computation. content.ts emits a fact sentence only through `fact`, which checks it, and records
 * what it emitted (a property test re-evaluates every record on random models). A project's sentences are
 * checked by the same predicates on the project seen as 附件2 (`projectFactContext`).
 *
 * An empty cell is never read as 0 or as "none": "no purchases" needs a typed 0, "every indicator full"
 * needs every row scored, and a row without a score is neither full nor short.
 */
import type { Computation } from "../compute";
import { toDec, type Dec } from "../decimal";
import type { IndicatorRow, WorkbookModel } from "../model";
import type { ProfileChoice } from "../profiles";
import { computeProject, projectView } from "../projects/view";

export interface FactContext {
  readonly model: WorkbookModel;
  readonly computation: Computation;
}

/**
 * Project `index`'s (from 0) table seen as 附件2 (projects/view.ts) with its computation under `profile`: the
 * context in which the predicates below speak of a project (its 执行率, scores, 总分 and 等次, its indicators).
 */
export function projectFactContext(model: WorkbookModel, index: number, profile: ProfileChoice): FactContext {
  return { model: projectView(model, index), computation: computeProject(model, index, profile) };
}

/** A condition on the whole report (`row` unused) or on one 绩效指标 row (0-based `row`). */
type Predicate = (context: FactContext, row: number) => boolean;

const isZero = (value: unknown) => toDec(value)?.isZero() === true;
const isPositive = (value: unknown) => {
  const dec = toDec(value);
  return dec !== null && dec.isPositive() && !dec.isZero();
};
const isEmpty = (value: unknown) => toDec(value) === null;

const rows = (c: FactContext) => c.model.eval.indicators;
const row = (c: FactContext, i: number): IndicatorRow | undefined => c.model.eval.indicators[i];

/** Full marks: a 得分 equal to a 分值 above 0 (0 of 0 is no achievement to report). */
const fullScore = (r: IndicatorRow) =>
  r.score !== null && r.weight !== null && r.weight.isPositive() && !r.weight.isZero() && r.score.equals(r.weight);
const short = (r: IndicatorRow) => r.score !== null && r.weight !== null && r.score.lessThan(r.weight);

const procurementNone = (c: FactContext) => {
  const { budget, final } = c.model.basic.procurement;
  return isZero(budget) && (isEmpty(final) || isZero(final));
};
const procurementEmpty = (c: FactContext) => {
  const { budget, final } = c.model.basic.procurement;
  return isEmpty(budget) && isEmpty(final);
};

const buildingValues = (c: FactContext) => {
  const b = c.model.basic.buildings;
  return [b.approvedArea, b.actualArea, b.budgetInvestment, b.actualInvestment];
};
const buildingsNone = (c: FactContext) => buildingValues(c).every(isZero);
const buildingsEmpty = (c: FactContext) => buildingValues(c).every(isEmpty);

/** 三公经费 N年决算数 against N-1年决算数, both typed; null when either is empty. */
const threePublicChange = (c: FactContext): Dec | null => {
  const prev = toDec(c.model.basic.threePublic.total.prev);
  const final = toDec(c.model.basic.threePublic.total.final);
  return prev === null || final === null ? null : final.minus(prev);
};

const completion = (c: FactContext, i: number) => c.computation.indicators[i]?.completion;

export const FACTS = {
  // 一、基本情况
  /** 实际在职人数 > 编制数, both typed. */
  staffOverAuthorized: (c) => {
    const { authorized, actual } = c.model.basic.staff;
    return authorized !== null && actual !== null && actual > authorized;
  },

  // 二、整体支出
  /** At least one part of 按收入性质分 is typed and not 0. */
  incomeSplitReported: (c) => Object.values(c.model.eval.funds.income).some(isPositive),
  /** 部门基本支出预算调整 N年决算数 is typed. */
  budgetAdjustmentReported: (c) => !isEmpty(c.model.basic.budgetAdjustment.final),

  // 三、经费控制
  threePublicUp: (c) => threePublicChange(c)?.greaterThan(0) === true,
  threePublicDown: (c) => threePublicChange(c)?.lessThan(0) === true,
  threePublicSame: (c) => threePublicChange(c)?.isZero() === true,
  /** 政府采购 预算 typed 0 and nothing bought (决算 0 or empty). */
  procurementNone,
  /** 政府采购 预算 and 决算 both empty: nothing can be said. */
  procurementEmpty,
  /** Anything else: the figures are stated as typed (a purchase without a budget among them). */
  procurementReported: (c) => !procurementNone(c) && !procurementEmpty(c),
  /** 批复规模, 实际规模, 预算投资, 实际投资 all typed 0. */
  buildingsNone,
  /** All four empty. */
  buildingsEmpty,
  buildingsReported: (c) => !buildingsNone(c) && !buildingsEmpty(c),

  // 四、绩效目标
  noIndicators: (c) => rows(c).length === 0,
  /** A row whose 完成率 is computed from numbers. */
  indicatorQuantitative: (c, i) => completion(c, i)?.kind === "quantitative",
  indicatorOnTime: (c, i) => {
    const done = completion(c, i);
    return done?.kind === "time" && done.met;
  },
  indicatorLate: (c, i) => {
    const done = completion(c, i);
    return done?.kind === "time" && !done.met;
  },
  indicatorScored: (c, i) => row(c, i) !== undefined && row(c, i)!.score !== null,
  indicatorUnscored: (c, i) => row(c, i) !== undefined && row(c, i)!.score === null,

  // 五、自评结果
  /** Every indicator scored and 执行率得分 computed: 总分 and 等次 are what the table gives. */
  resultFinal: (c) => c.computation.totalStatus === "final",
  /** Every indicator scored, but 执行率得分 could not be scored: 总分 and 等次 are provisional. */
  resultProvisional: (c) => c.computation.totalStatus === "provisional",
  /** Some indicators scored, some not: no total can be stated. */
  resultIncomplete: (c) => c.computation.totalStatus === "incomplete",
  /** No score entered at all. */
  resultUnscored: (c) => c.computation.totalStatus === "unscored",
  /** The profile's cap by execution rate lowered a total that may be stated (final or provisional). */
  totalCapped: (c) =>
    (c.computation.totalStatus === "final" || c.computation.totalStatus === "provisional") &&
    c.computation.total.cap !== null,

  // 六、问题
  /** At least one indicator, and every one has a 得分 equal to its 分值. */
  everyIndicatorFullScore: (c) => rows(c).length > 0 && rows(c).every(fullScore),
  someIndicatorShort: (c) => rows(c).some(short),
  /** 得分 < 分值 on this row, both typed. */
  indicatorShort: (c, i) => row(c, i) !== undefined && short(row(c, i)!),
  /** At least one indicator, and none has a 得分. */
  everyIndicatorUnscored: (c) => rows(c).length > 0 && rows(c).every((r) => r.score === null),
  /** Some indicators have no 得分, others have one. */
  someIndicatorsUnscored: (c) => rows(c).some((r) => r.score === null) && rows(c).some((r) => r.score !== null),
  someScoredIndicatorUnweighted: (c) => rows(c).some((r) => r.score !== null && r.weight === null),
} as const satisfies Record<string, Predicate>;

export type FactName = keyof typeof FACTS;

export const isFactName = (name: string): name is FactName => Object.prototype.hasOwnProperty.call(FACTS, name);

/** A sentence of sentences.zh.json that states a fact: its text and the condition it rests on. */
export interface FactSentence {
  readonly text: string;
  readonly when: string;
}

export const isFactSentence = (value: unknown): value is FactSentence =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as FactSentence).text === "string" &&
  typeof (value as FactSentence).when === "string";

/** Whether condition `when` holds (for row conditions, on 0-based `row`). An unknown name never holds. */
export function holds(when: string, context: FactContext, row = -1): boolean {
  return isFactName(when) && FACTS[when](context, row);
}

/** A fact sentence the report emitted: which, on which condition (and row), and its text as filled. */
export interface EmittedFact {
  readonly id: string;
  readonly when: FactName;
  /** 0-based 绩效指标 row of a row condition. */
  readonly row?: number;
  /**
   * 0-based index in `model.projects` when the condition is on a project's 附件3 (evaluated in
   * `projectFactContext`); absent for the department's tables.
   */
  readonly project?: number;
  readonly text: string;
}

/** The context an emitted fact's condition is evaluated in: the department's, or its project's. */
export const factContextOf = (fact: EmittedFact, context: FactContext): FactContext =>
  fact.project === undefined ? context : projectFactContext(context.model, fact.project, context.computation.profile);

/** Every "when" of a sentences file names a predicate; the names that do not (a typo in a reworded file). */
export function unknownConditions(sentences: unknown, path = ""): string[] {
  if (isFactSentence(sentences)) return isFactName(sentences.when) ? [] : [`${path}: ${sentences.when}`];
  if (typeof sentences !== "object" || sentences === null) return [];
  return Object.entries(sentences).flatMap(([key, value]) => unknownConditions(value, path ? `${path}.${key}` : key));
}
