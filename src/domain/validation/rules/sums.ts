/** SPEC §7 Sums: the relations of 附件1 in every column, and both splits of 附件2. */
import { EXPENSE_SPLIT, INCOME_SPLIT, labelOf, type ContractKey, type TripleKey } from "../../contract";
import { formatAmount, toDec } from "../../decimal";
import type { AmountTriple } from "../../model";
import { valueAtPath } from "../paths";
import { partLabel, PARTS, sumOf, sumText } from "../text";
import { rule, type Draft, type RuleContext } from "../types";

type Terms = ReadonlyArray<readonly [string, AmountTriple]>;

/** total = Σ parts (or ≥ with `atLeast`) in each column where the total and some part are filled. */
function tripleSum(total: TripleKey, parts: (model: RuleContext["model"]) => Terms, atLeast = false) {
  return function* ({ model, year }: RuleContext): Iterable<Draft> {
    const stated = valueAtPath(model, total) as AmountTriple;
    for (const part of PARTS) {
      const value = toDec(stated[part]);
      const terms = parts(model).map(([name, triple]) => [name, triple[part]] as const);
      const sum = sumOf(terms.map(([, v]) => v));
      if (value === null || sum === null) continue;
      if (atLeast ? !value.lessThan(sum) : value.equals(sum)) continue;
      const relation = atLeast ? "<" : "≠";
      const difference = value.minus(sum).abs();
      yield {
        key: `${total}.${part}`,
        message:
          `${labelOf(total)}${partLabel(part, year)} ${formatAmount(value)} ${relation} ${sumText(terms, sum)}，` +
          `相差 ${formatAmount(difference)}`,
        params: { stated: formatAmount(value), sum: formatAmount(sum), difference: formatAmount(difference) },
      };
    }
  };
}

/** The parts of a triple named by their keys. */
const triples =
  (...keys: readonly TripleKey[]) =>
  (model: RuleContext["model"]): Terms =>
    keys.map((key) => [labelOf(key), valueAtPath(model, key) as AmountTriple] as const);

/** A split of 附件2 that must add up to 全年预算数. */
function split(key: ContractKey, label: string, parts: readonly ContractKey[]) {
  return function* ({ model }: RuleContext): Iterable<Draft> {
    const terms = parts.map((part) => [labelOf(part), valueAtPath(model, part)] as const);
    const sum = sumOf(terms.map(([, v]) => v));
    const budget = toDec(model.eval.funds.fullYearBudget);
    if (sum === null || budget === null || sum.equals(budget)) return;
    const difference = budget.minus(sum).abs();
    yield {
      key,
      message:
        `${label}合计 ${sumText(terms, sum)} ≠ ${labelOf("eval.funds.fullYearBudget")} ${formatAmount(budget)}，` +
        `相差 ${formatAmount(difference)}`,
      params: { sum: formatAmount(sum), budget: formatAmount(budget), difference: formatAmount(difference) },
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
      triples("basic.threePublic.vehicles", "basic.threePublic.overseas", "basic.threePublic.reception"),
    ),
  ),
  rule(
    "sum.vehicles",
    "error",
    "公务用车购置和维护经费 = 公车购置 + 公车运行维护",
    tripleSum(
      "basic.threePublic.vehicles",
      triples("basic.threePublic.vehiclePurchase", "basic.threePublic.vehicleOperation"),
    ),
  ),
  rule(
    "sum.projects",
    "error",
    "项目支出 = 各项目之和",
    tripleSum("basic.projects.total", (m) =>
      m.basic.projects.lines.map((line, i) => [line.name ?? `第${i + 1}个项目`, line] as const),
    ),
  ),
  rule(
    "sum.publicFunds",
    "error",
    "公用经费不小于其中各项之和",
    tripleSum(
      "basic.publicFunds.total",
      triples("basic.publicFunds.office", "basic.publicFunds.utilitiesTravel", "basic.publicFunds.meetingsTraining"),
      true,
    ),
  ),
  rule("sum.income", "error", "按收入性质分之和 = 全年预算数", split(INCOME_SPLIT[0], "按收入性质分", INCOME_SPLIT)),
  rule("sum.expense", "error", "按支出性质分之和 = 全年预算数", split(EXPENSE_SPLIT[0], "按支出性质分", EXPENSE_SPLIT)),
];
