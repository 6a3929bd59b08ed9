/** SPEC §7 Sums: the relations of 附件1 in every column, and both splits of 附件2. */
import { formatAmount, toDec } from "../../decimal";
import type { AmountTriple } from "../../model";
import { partLabel, PARTS, sumOf, sumText } from "../text";
import { rule, type Draft, type RuleContext } from "../types";

/** total = Σ parts in each column where the total and some part are filled. */
function tripleSum(
  key: string,
  label: string,
  parts: (m: RuleContext["model"]) => ReadonlyArray<readonly [string, AmountTriple]>,
  total: (m: RuleContext["model"]) => AmountTriple,
  atLeast = false,
) {
  return function* ({ model, year }: RuleContext): Iterable<Draft> {
    for (const part of PARTS) {
      const stated = toDec(total(model)[part]);
      const terms = parts(model).map(([name, triple]) => [name, triple[part]] as const);
      const sum = sumOf(terms.map(([, v]) => v));
      if (stated === null || sum === null) continue;
      const wrong = atLeast ? stated.lessThan(sum) : !stated.equals(sum);
      if (!wrong) continue;
      const relation = atLeast ? "<" : "≠";
      yield {
        key: `${key}.${part}`,
        message: `${label}${partLabel(part, year)} ${formatAmount(stated)} ${relation} ${sumText(terms, sum)}，相差 ${formatAmount(stated.minus(sum).abs())}`,
      };
    }
  };
}

/** A split of 附件2 against 全年预算数. */
function split(
  key: string,
  label: string,
  parts: (m: RuleContext["model"]) => ReadonlyArray<readonly [string, unknown]>,
) {
  return function* ({ model }: RuleContext): Iterable<Draft> {
    const terms = parts(model);
    const sum = sumOf(terms.map(([, v]) => v));
    const budget = toDec(model.eval.funds.fullYearBudget);
    if (sum === null || budget === null || sum.equals(budget)) return;
    yield {
      key,
      message: `${label}合计 ${sumText(terms, sum)} ≠ 全年预算数 ${formatAmount(budget)}，相差 ${formatAmount(budget.minus(sum).abs())}`,
    };
  };
}

export const sumRules = [
  rule(
    "sum.threePublic",
    "error",
    "三公经费 = 公务用车购置和维护经费 + 出国经费 + 公务接待",
    tripleSum(
      "basic.threePublic.total",
      "三公经费",
      (m) => [
        ["公务用车购置和维护经费", m.basic.threePublic.vehicles],
        ["出国经费", m.basic.threePublic.overseas],
        ["公务接待", m.basic.threePublic.reception],
      ],
      (m) => m.basic.threePublic.total,
    ),
  ),
  rule(
    "sum.vehicles",
    "error",
    "公务用车购置和维护经费 = 公车购置 + 公车运行维护",
    tripleSum(
      "basic.threePublic.vehicles",
      "公务用车购置和维护经费",
      (m) => [
        ["公车购置", m.basic.threePublic.vehiclePurchase],
        ["公车运行维护", m.basic.threePublic.vehicleOperation],
      ],
      (m) => m.basic.threePublic.vehicles,
    ),
  ),
  rule(
    "sum.projects",
    "error",
    "项目支出 = 各项目之和",
    tripleSum(
      "basic.projects.total",
      "项目支出",
      (m) =>
        m.basic.projects.lines.map(
          (line, i) =>
            [line.name ?? `第${i + 1}个项目`, { prev: line.prev, budget: line.budget, final: line.final }] as const,
        ),
      (m) => m.basic.projects.total,
    ),
  ),
  rule(
    "sum.publicFunds",
    "error",
    "公用经费不小于其中各项之和",
    tripleSum(
      "basic.publicFunds.total",
      "公用经费",
      (m) => [
        ["办公经费", m.basic.publicFunds.office],
        ["水费、电费、差旅费", m.basic.publicFunds.utilitiesTravel],
        ["会议费、培训费", m.basic.publicFunds.meetingsTraining],
      ],
      (m) => m.basic.publicFunds.total,
      true,
    ),
  ),
  rule(
    "sum.income",
    "error",
    "按收入性质分之和 = 全年预算数",
    split("eval.funds.income.general", "按收入性质分", (m) => [
      ["一般公共预算", m.eval.funds.income.general],
      ["政府性基金拨款", m.eval.funds.income.governmentFund],
      ["纳入专户管理的非税收入拨款", m.eval.funds.income.specialAccount],
      ["其他资金", m.eval.funds.income.other],
    ]),
  ),
  rule(
    "sum.expense",
    "error",
    "按支出性质分之和 = 全年预算数",
    split("eval.funds.expense.basic", "按支出性质分", (m) => [
      ["基本支出", m.eval.funds.expense.basic],
      ["项目支出", m.eval.funds.expense.project],
    ]),
  ),
];
