/**
 * Everything the tables compute, from one model: the computed cells of the contract, the other rates
 * of SPEC section 4, each indicator's completion and suggested score, 总分 and 等次. Every surface
 * (CLI, custom functions, validator, report) reads these values from here.
 */
import { Dec, formatAmount } from "./decimal";
import type { WorkbookModel } from "./model";
import { getProfile, type ProfileChoice, type ScoringProfile } from "./profiles";
import { changeRate, describeNotApplicable, formatRate, ratio, rateValueText, type Rate } from "./rates";
import { executionScore, gradeOf, scoreIndicator, totalScore, type IndicatorScore, type TotalScore } from "./scoring";
import type { MeasureKind } from "./targets";

export type ComputedValue =
  | { readonly key: string; readonly label: string; readonly type: "rate"; readonly rate: Rate }
  | { readonly key: string; readonly label: string; readonly type: "amount"; readonly amount: Dec | null }
  | { readonly key: string; readonly label: string; readonly type: "text"; readonly text: string };

export interface ComputedIndicator extends IndicatorScore {
  /** 1-based row within the 绩效指标 table. */
  readonly row: number;
  readonly name: string | null;
  readonly weight: Dec | null;
  readonly entered: Dec | null;
}

export interface Computation {
  readonly profile: ScoringProfile;
  readonly values: readonly ComputedValue[];
  readonly indicators: readonly ComputedIndicator[];
  readonly executionRate: Rate;
  readonly total: TotalScore;
  readonly grade: string;
  /** Data that kept something from being computed, in Chinese (empty on complete data). */
  readonly problems: readonly string[];
}

/** SPEC section 4 rates: the contract's computed rate cells, then the rates the report quotes. */
function sectionFourRates(model: WorkbookModel): Array<{ key: string; label: string; rate: Rate; cell: boolean }> {
  const { basic, eval: ev } = model;
  return [
    {
      key: "basic.staff.controlRate",
      label: "在职人员控制率",
      rate: ratio(basic.staff.actual, basic.staff.authorized),
      cell: true,
    },
    {
      key: "eval.funds.executionRate",
      label: "预算执行率",
      rate: ratio(ev.funds.executed, ev.funds.fullYearBudget),
      cell: true,
    },
    {
      key: "basic.threePublic.controlRate",
      label: "“三公经费”控制率",
      rate: ratio(basic.threePublic.total.final, basic.threePublic.total.budget),
      cell: false,
    },
    {
      key: "basic.threePublic.changeRate",
      label: "“三公经费”变动率",
      rate: changeRate(basic.threePublic.total.final, basic.threePublic.total.prev),
      cell: false,
    },
    {
      key: "basic.publicFunds.controlRate",
      label: "公用经费控制率",
      rate: ratio(basic.publicFunds.total.final, basic.publicFunds.total.budget),
      cell: false,
    },
    {
      key: "basic.procurement.executionRate",
      label: "政府采购执行率",
      rate: ratio(basic.procurement.final, basic.procurement.budget),
      cell: false,
    },
    // 预算调整率 = 预算调整数 / 预算数; the department's 预算数 is 附件2's 年初预算数.
    {
      key: "basic.budgetAdjustment.rate",
      label: "预算调整率",
      rate: ratio(basic.budgetAdjustment.final, ev.funds.initialBudget),
      cell: false,
    },
    {
      key: "basic.buildings.areaControlRate",
      label: "规模控制率",
      rate: ratio(basic.buildings.actualArea, basic.buildings.approvedArea),
      cell: true,
    },
    {
      key: "basic.buildings.investmentControlRate",
      label: "投资概算控制率",
      rate: ratio(basic.buildings.actualInvestment, basic.buildings.budgetInvestment),
      cell: true,
    },
  ];
}

export function compute(model: WorkbookModel, choice?: ProfileChoice): Computation {
  const profile = getProfile(choice);
  const problems: string[] = [];
  const values: ComputedValue[] = [];

  for (const { key, label, rate, cell } of sectionFourRates(model)) {
    values.push({ key, label, type: "rate", rate });
    // A 0 denominator is a legitimate 不适用 (楼堂馆所 "无"); an empty one in a computed cell is missing data.
    if (cell && rate.kind === "notApplicable" && rate.reason !== "zeroDenominator") {
      problems.push(`${label}无法计算：${describeNotApplicable(rate)}`);
    }
  }

  const funds = model.eval.funds;
  const execution = executionScore(funds.weight, funds.executed, funds.fullYearBudget);
  values.push({ key: "eval.funds.score", label: "执行率得分", type: "amount", amount: execution.score });

  const indicators = model.eval.indicators.map((row, index): ComputedIndicator => {
    const score = scoreIndicator(row, profile);
    const label = `绩效指标第${index + 1}行${row.name ? `「${row.name}」` : ""}`;
    if (score.basis === "unscorable") problems.push(`${label}：${score.note}`);
    return { ...score, row: index + 1, name: row.name, weight: row.weight, entered: row.score };
  });

  const weights = [funds.weight, ...model.eval.indicators.map((row) => row.weight)];
  const weightTotal = weights.reduce<Dec>((sum, w) => (w ? sum.plus(w) : sum), new Dec(0));
  values.push({ key: "eval.weightTotal", label: "分值合计", type: "amount", amount: weightTotal });

  const total = totalScore(
    execution.score,
    indicators.map((i) => i.entered),
    execution.rate,
    profile,
  );
  const grade = gradeOf(total.total, profile);
  values.push({ key: "eval.total", label: "总分", type: "amount", amount: total.total });
  values.push({ key: "eval.grade", label: "绩效等次", type: "text", text: grade });

  return { profile, values, indicators, executionRate: execution.rate, total, grade, problems };
}

/** A computed value as JSON: the exact value as text (rates as 4-decimal fractions) and its display. */
export function valueJson(value: ComputedValue): { value: string | null; display: string } {
  switch (value.type) {
    case "rate":
      return { value: rateValueText(value.rate), display: formatRate(value.rate) };
    case "amount":
      return {
        value: value.amount ? formatAmount(value.amount) : null,
        display: value.amount ? formatAmount(value.amount) : "",
      };
    case "text":
      return { value: value.text, display: value.text };
  }
}

export interface IndicatorJson {
  row: number;
  name: string | null;
  kind: MeasureKind;
  target: {
    text: string;
    kind: MeasureKind;
    comparator: string | null;
    value: string | null;
    unit: string | null;
    direction: string;
  };
  actual: { text: string; kind: MeasureKind; comparator: string | null; value: string | null; unit: string | null };
  met: boolean | null;
  completion: { value: string | null; display: string } | null;
  weight: string | null;
  enteredScore: string | null;
  suggestedScore: string | null;
  basis: string;
  note: string;
}

export function indicatorJson(indicator: ComputedIndicator): IndicatorJson {
  const { target, actual, completion } = indicator;
  const amount = (value: Dec | null) => (value ? formatAmount(value) : null);
  return {
    row: indicator.row,
    name: indicator.name,
    kind: target.kind,
    target: {
      text: target.text,
      kind: target.kind,
      comparator: target.comparator,
      value: target.value?.toString() ?? null,
      unit: target.unit,
      direction: target.direction,
    },
    actual: {
      text: actual.text,
      kind: actual.kind,
      comparator: actual.comparator,
      value: actual.value?.toString() ?? null,
      unit: actual.unit,
    },
    met: completion.kind === "quantitative" || completion.kind === "time" ? completion.met : null,
    completion:
      completion.kind === "quantitative"
        ? { value: rateValueText(completion.rate), display: formatRate(completion.rate) }
        : null,
    weight: amount(indicator.weight),
    enteredScore: amount(indicator.entered),
    suggestedScore: amount(indicator.suggested),
    basis: indicator.basis,
    note: indicator.note,
  };
}

/** The JSON printed by `jxzp compute --json`. */
export function computationJson(computation: Computation) {
  return {
    profile: computation.profile.id,
    computed: Object.fromEntries(computation.values.map((value) => [value.key, valueJson(value)])),
    indicators: computation.indicators.map(indicatorJson),
    problems: computation.problems,
  };
}
