/**
 * SPEC §7 Cross-table, Overruns and Year: figures that should agree between the two tables, and
 * spending beyond plan.
 */
import { labelOf, type TripleKey } from "../../contract";
import { formatAmount, toDec } from "../../decimal";
import type { AmountTriple } from "../../model";
import { valueAtPath } from "../paths";
import { partLabel } from "../text";
import { rule, type Draft, type RuleContext } from "../types";

export const crossRules = [
  rule(
    "cross.projects",
    "warning",
    "附件1 项目支出决算数与附件2 按支出性质分的项目支出一致（不一致时请说明）",
    function* ({ model, year }: RuleContext): Iterable<Draft> {
      const basic = toDec(model.basic.projects.total.final);
      const evaluation = toDec(model.eval.funds.expense.project);
      if (basic === null || evaluation === null || basic.equals(evaluation)) return;
      const [inBasic, inEval, difference] = [basic, evaluation, basic.minus(evaluation).abs()].map(formatAmount);
      yield {
        key: "basic.projects.total.final",
        message:
          `附件1 ${labelOf("basic.projects.total")}${partLabel("final", year)} ${inBasic} ≠ ` +
          `附件2 按支出性质分的${labelOf("eval.funds.expense.project")} ${inEval}，相差 ${difference}：` +
          "请核对，或说明口径差异（如代管的专项资金）",
        params: { basic: inBasic, eval: inEval, difference },
      };
    },
  ),
  rule(
    "cross.publicFunds",
    "warning",
    "公用经费决算数不超过附件2 的基本支出（公用经费是基本支出的一部分）",
    function* ({ model, year }) {
      const publicFunds = toDec(model.basic.publicFunds.total.final);
      const basic = toDec(model.eval.funds.expense.basic);
      if (publicFunds === null || basic === null || !publicFunds.greaterThan(basic)) return;
      const [shownPublic, shownBasic] = [publicFunds, basic].map(formatAmount);
      yield {
        key: "basic.publicFunds.total.final",
        message:
          `附件1 ${labelOf("basic.publicFunds.total")}${partLabel("final", year)} ${shownPublic} 大于` +
          `附件2 ${labelOf("eval.funds.expense.basic")} ${shownBasic}：公用经费是基本支出的一部分，请核对`,
        params: { publicFunds: shownPublic, basic: shownBasic },
      };
    },
  ),
  rule("cross.unit", "warning", "两张表的单位名称一致", function* ({ model }) {
    const [a, b] = [model.basic.unit?.trim(), model.eval.unit?.trim()];
    if (a && b && a !== b)
      yield {
        key: "eval.unit",
        message: `附件2 ${labelOf("eval.unit")}「${b}」与附件1 ${labelOf("basic.unit")}「${a}」不同`,
        params: { basic: a, eval: b },
      };
  }),
];

const THREE_PUBLIC = [
  "basic.threePublic.total",
  "basic.threePublic.vehicles",
  "basic.threePublic.vehiclePurchase",
  "basic.threePublic.vehicleOperation",
  "basic.threePublic.overseas",
  "basic.threePublic.reception",
] as const satisfies readonly TripleKey[];

/** 决算 > 预算 on each of `keys`: a warning that asks why. */
function overruns(keys: readonly TripleKey[]) {
  return function* ({ model, year }: RuleContext): Iterable<Draft> {
    for (const key of keys) {
      const triple = valueAtPath(model, key) as AmountTriple;
      const [budget, final] = [toDec(triple.budget), toDec(triple.final)];
      if (budget === null || final === null || !final.greaterThan(budget)) continue;
      const [shownFinal, shownBudget, over] = [final, budget, final.minus(budget)].map(formatAmount);
      yield {
        key: `${key}.final`,
        message:
          `${labelOf(key)}${partLabel("final", year)} ${shownFinal} 超过${partLabel("budget", year)} ${shownBudget}，` +
          `超出 ${over}：请说明原因`,
        params: { final: shownFinal, budget: shownBudget, over },
      };
    }
  };
}

export const overrunRules = [
  rule("overrun.threePublic", "warning", "三公经费及其各项决算数不超过预算数", overruns(THREE_PUBLIC)),
  // The total only: moving money between 办公经费 and 差旅费 inside 公用经费 is ordinary (株洲 2024 does).
  rule("overrun.publicFunds", "warning", "公用经费决算数不超过预算数", overruns(["basic.publicFunds.total"])),
  rule("overrun.staff", "warning", "实际在职人数不超过编制数", function* ({ model }) {
    const { authorized, actual } = model.basic.staff;
    if (authorized !== null && actual !== null && actual > authorized) {
      yield {
        key: "basic.staff.actual",
        message:
          `${labelOf("basic.staff.actual")} ${actual} 超过${labelOf("basic.staff.authorized")} ${authorized}，` +
          `超编 ${actual - authorized} 人：请说明原因`,
        params: { actual, authorized, over: actual - authorized },
      };
    }
  }),
];

export const yearRules = [
  rule("year.same", "error", "两张表是同一年度", function* ({ model }) {
    const [a, b] = [model.basic.year, model.eval.year];
    if (a !== null && b !== null && a !== b)
      yield { key: "eval.year", message: `附件2 的年度 ${b} 与附件1 的年度 ${a} 不同`, params: { basic: a, eval: b } };
  }),
  rule("year.filledOn", "warning", "填报日期不早于评价年度", function* ({ model, year }) {
    if (year === null) return;
    for (const key of ["basic.filledOn", "eval.filledOn"] as const) {
      const date = key === "basic.filledOn" ? model.basic.filledOn : model.eval.filledOn;
      if (date !== null && Number(date.slice(0, 4)) < year)
        yield {
          key,
          message: `${labelOf(key)} ${date} 早于 ${year} 年度：自评通常在年度结束后填报，请核对`,
          params: { date, year },
        };
    }
  }),
  rule("year.filledDuring", "warning", "填报日期不在评价年度之内（自评在年度结束后填报）", function* ({ model, year }) {
    if (year === null) return;
    for (const key of ["basic.filledOn", "eval.filledOn"] as const) {
      const date = key === "basic.filledOn" ? model.basic.filledOn : model.eval.filledOn;
      if (date !== null && Number(date.slice(0, 4)) === year)
        yield {
          key,
          message:
            `${labelOf(key)} ${date} 在 ${year} 年度之内：自评应在年度结束后填报，` +
            "此时全年执行数与实际完成值尚不完整，请核对日期",
          params: { date, year },
        };
    }
  }),
];
