/** SPEC §7 Sums: the relations of 附件1 in every column, and both splits of 附件2. */
import {
  EXPENSE_SPLIT,
  INCOME_SPLIT,
  labelOf,
  type ContractKey,
  type TripleKey,
  type TriplePart,
} from "../../contract";
import { formatAmount, toDec, type Dec } from "../../decimal";
import type { AmountTriple } from "../../model";
import { valueAtPath } from "../paths";
import { partLabel, PARTS, sumOf, sumText } from "../text";
import { perContext } from "../shared";
import { rule, type Draft, type RuleContext } from "../types";

/** The parts of a total: how a message names each, its triple and the model path of its row. */
type Terms = ReadonlyArray<readonly [label: string, triple: AmountTriple, key: string]>;
export type Parts = (model: RuleContext["model"]) => Terms;

/** The parts of a triple named by their keys. */
const triples =
  (...keys: readonly TripleKey[]): Parts =>
  (model) =>
    keys.map((key) => [labelOf(key), valueAtPath(model, key) as AmountTriple, key] as const);

/** 项目支出's lines, named as typed (or by their place). */
const projectLines: Parts = (m) =>
  m.basic.projects.lines.map(
    (line, i) => [line.name ?? `第${i + 1}个项目`, line, `basic.projects.lines[${i + 1}]`] as const,
  );

/** The relations of 附件1 (SPEC §2): a total and its parts; 公用经费 need only be ≥ its 其中 items. */
export const RELATIONS: ReadonlyArray<{
  readonly total: TripleKey;
  readonly parts: Parts;
  readonly atLeast?: boolean;
}> = [
  {
    total: "basic.threePublic.total",
    parts: triples("basic.threePublic.vehicles", "basic.threePublic.overseas", "basic.threePublic.reception"),
  },
  {
    total: "basic.threePublic.vehicles",
    parts: triples("basic.threePublic.vehiclePurchase", "basic.threePublic.vehicleOperation"),
  },
  { total: "basic.projects.total", parts: projectLines },
  {
    total: "basic.publicFunds.total",
    parts: triples(
      "basic.publicFunds.office",
      "basic.publicFunds.utilitiesTravel",
      "basic.publicFunds.meetingsTraining",
    ),
    atLeast: true,
  },
];

const relation = (total: TripleKey) => RELATIONS.find((r) => r.total === total)!;

/**
 * A column of a relation: the stated total and its parts in that column. A part that is itself a total left
 * blank (公务用车 over 公车购置 and 公车运行维护, as forms without that subtotal print it) counts as the sum of
 * its own parts: its blank is sum.totalMissing's finding, not a second one here.
 */
function column(model: RuleContext["model"], total: TripleKey, part: TriplePart): Column {
  const stated = toDec((valueAtPath(model, total) as AmountTriple)[part]);
  const terms = relation(total)
    .parts(model)
    .map(([name, triple, key]): readonly [string, unknown] => {
      const own = triple[part];
      const nested = own === null && isRelationTotal(key) ? column(model, key, part).sum : null;
      return [name, nested ?? own];
    });
  return { stated, terms, sum: sumOf(terms.map(([, v]) => v)) };
}

/** The columns of a validation, each worked out once: the sum rules and sum.totalMissing read the same ones. */
const columns = perContext(({ model }) => {
  const kept = new Map<string, Column>();
  return (total: TripleKey, part: TriplePart): Column => {
    const id = `${total}.${part}`;
    let found = kept.get(id);
    if (!found) kept.set(id, (found = column(model, total, part)));
    return found;
  };
});

interface Column {
  readonly stated: Dec | null;
  readonly terms: ReadonlyArray<readonly [string, unknown]>;
  readonly sum: Dec | null;
}

const isRelationTotal = (key: string): key is TripleKey => RELATIONS.some((r) => r.total === key);

/**
 * A total left blank, or 0, beside parts that add up to something: the total was not filled in, which
 * sum.totalMissing reports (one cause, one finding); the sum rules leave it to it.
 */
const totalMissing = (stated: Dec | null, sum: Dec | null): boolean =>
  sum !== null && (stated === null || (stated.isZero() && !sum.isZero()));

/** total = Σ parts (or ≥ with `atLeast`) in each column where the total and some part are filled. */
function tripleSum(total: TripleKey) {
  const { atLeast = false } = relation(total);
  return function* (context: RuleContext): Iterable<Draft> {
    const { year } = context;
    for (const part of PARTS) {
      const { stated: value, terms, sum } = columns(context)(total, part);
      if (value === null || sum === null || totalMissing(value, sum)) continue;
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
    tripleSum("basic.threePublic.total"),
  ),
  rule(
    "sum.vehicles",
    "error",
    "公务用车购置和维护经费 = 公车购置 + 公车运行维护",
    tripleSum("basic.threePublic.vehicles"),
  ),
  rule("sum.projects", "error", "项目支出 = 各项目之和", tripleSum("basic.projects.total")),
  rule("sum.publicFunds", "error", "公用经费不小于其中各项之和", tripleSum("basic.publicFunds.total")),
  rule(
    "sum.totalMissing",
    "error",
    "合计行（三公经费、公务用车、项目支出、公用经费）不空、不为 0，当其中各项已填",
    function* (context) {
      const { year } = context;
      for (const { total } of RELATIONS) {
        for (const part of PARTS) {
          const { stated, terms, sum } = columns(context)(total, part);
          if (!totalMissing(stated, sum)) continue;
          const state = stated === null ? "未填写" : "填的是 0";
          const label = `${labelOf(total)}${partLabel(part, year)}`;
          yield {
            key: `${total}.${part}`,
            message: `${label}${state}，但其中各项已填（${sumText(terms, sum!)}）：请填写合计`,
            params: { sum: formatAmount(sum!) },
          };
        }
      }
    },
  ),
  rule("sum.income", "error", "按收入性质分之和 = 全年预算数", split(INCOME_SPLIT[0], "按收入性质分", INCOME_SPLIT)),
  rule("sum.expense", "error", "按支出性质分之和 = 全年预算数", split(EXPENSE_SPLIT[0], "按支出性质分", EXPENSE_SPLIT)),
];
