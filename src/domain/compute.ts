/**
 * Everything the tables compute, from one model: the computed cells of the contract, the other rates
 * of SPEC section 4, each indicator's completion and suggested score, 总分 and 等次. Every surface
 * (CLI, custom functions, validator, report) reads these values from here.
 */
import { labelOf, rowLabel, type ContractKey, type DerivedKey } from "./contract";
import { Dec } from "./decimal";
import type { IndicatorRow, WorkbookModel } from "./model";
import { findBand, getProfile, type ProfileChoice, type ScoringProfile } from "./profiles";
import { changeRate, describeNotApplicable, NOT_APPLICABLE, ratio, type Rate } from "./rates";
import {
  executionScore,
  gradeOf,
  MAX_WEIGHT,
  scoreIndicator,
  totalScore,
  type ExecutionScore,
  type IndicatorScore,
  type ScoreBasis,
  type TotalScore,
} from "./scoring";

export type ComputedValue =
  | { readonly key: string; readonly label: string; readonly type: "rate"; readonly rate: Rate }
  | { readonly key: string; readonly label: string; readonly type: "amount"; readonly amount: Dec | null }
  | { readonly key: string; readonly label: string; readonly type: "text"; readonly text: string };

/**
 * What the helper columns 完成率 and 建议得分 show for a row: the JXZP functions' results, null where
 * the function refuses (the cell's IFERROR shows it empty). A test holds these equal to the functions.
 */
export interface HelperCells {
  /** A 4-decimal fraction, 不适用, or 按期完成 / 未按期完成 for a time target. */
  readonly completion: number | string | null;
  readonly suggestedScore: number | null;
}

export type TotalStatus = "final" | "provisional" | "incomplete" | "unscored";

/** The consequence every provisional reason ends with (compute, the validator and the report say it alike). */
export const PROVISIONAL_CONSEQUENCE = "执行率得分无法计算，总分与等次为暂定";

export interface ComputedIndicator extends IndicatorScore {
  /** 1-based row within the 绩效指标 table. */
  readonly row: number;
  readonly name: string | null;
  readonly weight: Dec | null;
  readonly entered: Dec | null;
  readonly helper: HelperCells;
}

/**
 * 执行率得分, 总分 and 等次 as the sheet's own formulas show them: the template writes the default profile's
 * formulas (分值 × MIN(执行率, 1), no cap, its grade lines and words), whatever profile scores the workbook —
 * so a cell is checked against its formula, and the profile's own values are what the report and the CLI say.
 */
export interface SheetScore {
  readonly executionScore: Dec | null;
  readonly total: Dec;
  readonly grade: string;
}

export interface Computation {
  readonly profile: ScoringProfile;
  readonly values: readonly ComputedValue[];
  readonly indicators: readonly ComputedIndicator[];
  readonly executionRate: Rate;
  readonly total: TotalScore;
  readonly grade: string;
  readonly sheet: SheetScore;
  /** Whether any 得分 has been entered: until then 总分 and 等次 say nothing about the department. */
  readonly scored: boolean;
  /**
   * Why 总分 and 等次 are provisional, in Chinese: 执行率得分 could not be scored (全年预算数 0 or empty, so
   * 执行率 is 不适用; or no 分值 for it), so its points are missing from 总分. Null when they are not.
   */
  readonly provisional: string | null;
  /**
   * What may be said of 总分 and 等次 (one definition for the validator, the report, the CLI, the pane and
   * the batch): `final` — every row scored and 执行率得分 too; `provisional` — every row scored but not
   * 执行率得分 (see `provisional`); `incomplete` — some 得分 entered, some rows still without; `unscored` — none.
   */
  readonly totalStatus: TotalStatus;
  /** Data that kept something from being computed, in Chinese (empty on complete data). */
  readonly problems: readonly string[];
}

/** SPEC section 4 rates: the contract's computed rate cells, then the rates the report quotes. */
function sectionFourRates(model: WorkbookModel, profile: ScoringProfile) {
  const { basic, eval: ev } = model;
  const { threePublic, publicFunds, procurement, buildings } = basic;
  const rate = (key: ContractKey | DerivedKey, value: Rate, cell: boolean) => ({
    key,
    label: labelOf(key),
    rate: value,
    cell,
  });
  return [
    rate("basic.staff.controlRate", ratio(basic.staff.actual, basic.staff.authorized), true),
    rate("eval.funds.executionRate", ratio(ev.funds.executed, ev.funds.fullYearBudget), true),
    rate("basic.threePublic.controlRate", ratio(threePublic.total.final, threePublic.total.budget), false),
    // On 决算 (our default) or on 预算 (财预〔2013〕53号), as the profile says (rule threePublicChange).
    rate(
      "basic.threePublic.changeRate",
      changeRate(
        profile.threePublicChange === "budget" ? threePublic.total.budget : threePublic.total.final,
        threePublic.total.prev,
      ),
      false,
    ),
    rate("basic.publicFunds.controlRate", ratio(publicFunds.total.final, publicFunds.total.budget), false),
    rate("basic.procurement.executionRate", ratio(procurement.final, procurement.budget), false),
    // 预算调整率 = 基本支出预算调整数 ÷ 基本支出: the row 部门基本支出预算调整 (its N年决算数, the adjustment
    // made) over the 基本支出 it adjusts (附件2, 按支出性质分). Both are 基本支出 figures, so the rate says how
    // much of the basic budget moved; dividing by the whole 年初预算数 mixed in 项目支出.
    rate("basic.budgetAdjustment.rate", ratio(basic.budgetAdjustment.final, ev.funds.expense.basic), false),
    rate("basic.buildings.areaControlRate", ratio(buildings.actualArea, buildings.approvedArea), true),
    rate("basic.buildings.investmentControlRate", ratio(buildings.actualInvestment, buildings.budgetInvestment), true),
  ];
}

export function compute(model: WorkbookModel, choice?: ProfileChoice): Computation {
  const profile = getProfile(choice);
  const problems: string[] = [];
  const values: ComputedValue[] = [];

  for (const { key, label, rate, cell } of sectionFourRates(model, profile)) {
    values.push({ key, label, type: "rate", rate });
    // A 0 denominator is a legitimate 不适用 (楼堂馆所 "无"); an empty one in a computed cell is missing data.
    if (cell && rate.kind === "notApplicable" && rate.reason !== "zeroDenominator") {
      problems.push(`${label}无法计算：${describeNotApplicable(rate)}`);
    }
  }

  const funds = model.eval.funds;
  const execution = executionScore(funds.weight, funds.executed, funds.fullYearBudget, profile);
  values.push({ key: "eval.funds.score", label: labelOf("eval.funds.score"), type: "amount", amount: execution.score });

  const indicators = model.eval.indicators.map((row, index): ComputedIndicator => {
    const score = scoreIndicator(row, profile);
    const label = rowLabel("eval.indicators", index, row.name);
    if (score.basis === "unscorable") problems.push(`${label}：${score.note}`);
    // Field by field: `...score` here (scores of several shapes, copied into one) took two thirds of
    // compute's time.
    return {
      target: score.target,
      actual: score.actual,
      completion: score.completion,
      direction: score.direction,
      suggested: score.suggested,
      range: score.range,
      band: score.band,
      basis: score.basis,
      rule: score.rule,
      note: score.note,
      row: index + 1,
      name: row.name,
      weight: row.weight,
      entered: row.score,
      helper: helperCells(row, score, profile),
    };
  });

  const weights = [funds.weight, ...model.eval.indicators.map((row) => row.weight)];
  const weightTotal = weights.reduce<Dec>((sum, w) => (w ? sum.plus(w) : sum), new Dec(0));
  values.push({ key: "eval.weightTotal", label: labelOf("eval.weightTotal"), type: "amount", amount: weightTotal });

  const total = totalScore(
    execution.score,
    indicators.map((i) => i.entered),
    execution.rate,
    profile,
  );
  const grade = gradeOf(total.total, profile);
  values.push({ key: "eval.total", label: labelOf("eval.total"), type: "amount", amount: total.total });
  values.push({ key: "eval.grade", label: labelOf("eval.grade"), type: "text", text: grade });

  const formulas = getProfile();
  const sheetExecution = executionScore(funds.weight, funds.executed, funds.fullYearBudget, formulas).score;
  const sheetTotal = totalScore(
    sheetExecution,
    indicators.map((i) => i.entered),
    execution.rate,
    formulas,
  ).raw;
  const sheet = { executionScore: sheetExecution, total: sheetTotal, grade: gradeOf(sheetTotal, formulas) };
  const scored = model.eval.indicators.some((row) => row.score !== null);
  const provisional = provisionalReason(funds, execution);
  const rows = model.eval.indicators;
  const totalStatus: TotalStatus = !scored
    ? "unscored"
    : rows.some((row) => row.score === null)
      ? "incomplete"
      : provisional !== null
        ? "provisional"
        : "final";
  return {
    profile,
    values,
    indicators,
    executionRate: execution.rate,
    total,
    grade,
    sheet,
    scored,
    provisional,
    totalStatus,
    problems,
  };
}

/**
 * The computed cells as the sheet's own formulas show them: 总分 and 等次 without the profile's cap,
 * and no 等次 until some 得分 is entered (the formula leaves it empty).
 */
export function sheetValues(computation: Computation): ComputedValue[] {
  return computation.values.flatMap((value): ComputedValue[] => {
    if (value.key === "eval.funds.score")
      return [{ ...value, type: "amount", amount: computation.sheet.executionScore }];
    if (value.key === "eval.total") return [{ ...value, type: "amount", amount: computation.sheet.total }];
    if (value.key === "eval.grade") {
      return computation.scored ? [{ ...value, type: "text", text: computation.sheet.grade }] : [];
    }
    return [value];
  });
}

function provisionalReason(funds: WorkbookModel["eval"]["funds"], execution: ExecutionScore): string | null {
  if (execution.score !== null) return null;
  const { rate } = execution;
  const [budget, executed, weight] = [
    labelOf("eval.funds.fullYearBudget"),
    labelOf("eval.funds.executed"),
    labelOf("eval.funds.weight"),
  ];
  const why =
    rate.kind === "notApplicable"
      ? rate.reason === "zeroDenominator"
        ? `${budget}为 0，预算执行率不适用`
        : rate.reason === "missingDenominator"
          ? `${budget}未填写，预算执行率不适用`
          : `${executed}未填写，预算执行率不适用`
      : funds.weight === null
        ? `${weight}未填写`
        : null;
  return why && `${why}：${PROVISIONAL_CONSEQUENCE}`;
}

/** A computed value by key (undefined for a key compute() does not produce). */
export function computedValue(computation: Computation, key: string): ComputedValue | undefined {
  return computation.values.find((value) => value.key === key);
}

/**
 * The helper columns of one row, as INDICATORSCORE and COMPLETIONRATE compute them in the cell: the
 * function gets no entered score (so a band suggests its top), refuses a 分值 outside 0–100 and a band
 * it cannot read, and gives nothing where the score is the user's to give.
 */
function helperCells(row: IndicatorRow, score: IndicatorScore, profile: ScoringProfile): HelperCells {
  const { completion } = score;
  const completionCell =
    completion.kind === "quantitative"
      ? completion.rate.kind === "value"
        ? cellNumber(completion.rate.value)
        : NOT_APPLICABLE
      : completion.kind === "time"
        ? completion.met
          ? "按期完成"
          : "未按期完成"
        : null;
  const weight = row.weight;
  const weightAccepted = weight !== null && !weight.isNegative() && weight.lessThanOrEqualTo(MAX_WEIGHT);
  const bandAccepted = row.band === null || findBand(profile, row.band) !== null;
  const suggested =
    score.basis === "band" ? score.range!.max : SCORED_BY_RULE.has(score.basis) ? score.suggested : null;
  return {
    completion: completionCell,
    suggestedScore: weightAccepted && bandAccepted && suggested !== null ? cellNumber(suggested) : null,
  };
}

/** A value as the functions give it to a cell (define.ts): 0 for −0, and null (refused) where it is not finite. */
function cellNumber(value: Dec): number | null {
  const number = value.toNumber();
  return Number.isFinite(number) ? number + 0 : null;
}

/** Bases whose suggestion the rule computes (the others keep whatever the user entered). */
const SCORED_BY_RULE: ReadonlySet<ScoreBasis> = new Set(["met", "proportional", "overAchievement"]);
