/** SPEC §7 Cross-table, Overruns and Year: figures that should agree between the two tables, and spending beyond plan. */
import { formatAmount, toDec } from "../../decimal";
import type { AmountTriple } from "../../model";
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
      yield {
        key: "basic.projects.total.final",
        message: `附件1 项目支出${partLabel("final", year)} ${formatAmount(basic)} ≠ 附件2 按支出性质分的项目支出 ${formatAmount(evaluation)}，相差 ${formatAmount(basic.minus(evaluation).abs())}：请核对，或说明口径差异（如代管的专项资金）`,
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
      yield {
        key: "basic.publicFunds.total.final",
        message: `附件1 公用经费${partLabel("final", year)} ${formatAmount(publicFunds)} 大于附件2 基本支出 ${formatAmount(basic)}：公用经费是基本支出的一部分，请核对`,
      };
    },
  ),
  rule("cross.unit", "warning", "两张表的单位名称一致", function* ({ model }) {
    const [a, b] = [model.basic.unit?.trim(), model.eval.unit?.trim()];
    if (a && b && a !== b)
      yield { key: "eval.unit", message: `附件2 预算单位名称「${b}」与附件1 单位名称「${a}」不同` };
  }),
];

const THREE_PUBLIC: ReadonlyArray<readonly [keyof RuleContext["model"]["basic"]["threePublic"], string]> = [
  ["total", "三公经费"],
  ["vehicles", "公务用车购置和维护经费"],
  ["vehiclePurchase", "公车购置"],
  ["vehicleOperation", "公车运行维护"],
  ["overseas", "出国经费"],
  ["reception", "公务接待"],
];

export const overrunRules = [
  rule("overrun.threePublic", "warning", "三公经费及其各项决算数不超过预算数", function* ({ model, year }) {
    for (const [key, label] of THREE_PUBLIC) {
      const triple: AmountTriple = model.basic.threePublic[key];
      const [budget, final] = [toDec(triple.budget), toDec(triple.final)];
      if (budget === null || final === null || !final.greaterThan(budget)) continue;
      yield {
        key: `basic.threePublic.${key}.final`,
        message: `${label}${partLabel("final", year)} ${formatAmount(final)} 超过${partLabel("budget", year)} ${formatAmount(budget)}，超出 ${formatAmount(final.minus(budget))}：请说明原因`,
      };
    }
  }),
  rule("overrun.staff", "warning", "实际在职人数不超过编制数", function* ({ model }) {
    const { authorized, actual } = model.basic.staff;
    if (authorized !== null && actual !== null && actual > authorized) {
      yield {
        key: "basic.staff.actual",
        message: `实际在职人数 ${actual} 超过编制数 ${authorized}，超编 ${actual - authorized} 人：请说明原因`,
      };
    }
  }),
];

export const yearRules = [
  rule("year.same", "error", "两张表是同一年度", function* ({ model }) {
    const [a, b] = [model.basic.year, model.eval.year];
    if (a !== null && b !== null && a !== b)
      yield { key: "eval.year", message: `附件2 的年度 ${b} 与附件1 的年度 ${a} 不同` };
  }),
  rule("year.filledOn", "warning", "填报日期不早于评价年度", function* ({ model, year }) {
    if (year === null) return;
    for (const key of ["basic.filledOn", "eval.filledOn"] as const) {
      const date = key === "basic.filledOn" ? model.basic.filledOn : model.eval.filledOn;
      if (date !== null && Number(date.slice(0, 4)) < year)
        yield { key, message: `填报日期 ${date} 早于 ${year} 年度：自评通常在年度结束后填报，请核对` };
    }
  }),
];
