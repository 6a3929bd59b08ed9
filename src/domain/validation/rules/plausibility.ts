/**
 * SPEC §13, figures that add up yet cannot be what the row asks for: the 部门基本支出预算调整 row filled with
 * totals, and amounts typed in 元 in tables kept in 万元.
 */
import {
  CONTRACT,
  EXPENSE_SPLIT,
  INCOME_SPLIT,
  labelOf,
  type ContractKey,
  type TripleKey,
  type TriplePart,
} from "../../contract";
import { Dec, formatAmount, reachesPowerOfTen, toDec } from "../../decimal";
import type { AmountTriple } from "../../model";
import { valueAtPath } from "../paths";
import { partLabel, PARTS, sumOf } from "../text";
import { rule, type Draft, type RuleContext } from "../types";
import { RELATIONS } from "./sums";

const ADJUSTMENT = "basic.budgetAdjustment" satisfies TripleKey;

/**
 * One figure of the tables: its model path, its value and how a message names it. The names are spelled out
 * only for a finding: a workbook has a hundred figures to compare, and rarely one in 元.
 */
interface Figure {
  readonly key: string;
  readonly value: Dec | null;
  readonly label: () => string;
  /** Within a row of 附件1, the column alone ("2024年预算数"), to name a neighbour in the same row. */
  readonly column: (() => string) | null;
}

const figure = (key: string, value: unknown, label: () => string, column: (() => string) | null = null): Figure => ({
  key,
  value: toDec(value),
  label,
  column,
});
const evalFigure = (key: ContractKey, model: RuleContext["model"]) =>
  figure(key, valueAtPath(model, key), () => `附件2 ${labelOf(key)}`);

/**
 * 元 typed into a 万元 table makes a figure about 10,000 × what it should be. A figure is taken for one in 元
 * only when it is at least YUAN_RATIO × every figure it is compared with, and at least 1,000 itself. Year-on-
 * year swings of real tables stay far below 1,000× (株洲 2024's widest is 449.06 → 14.40, 31×), while 元 for 万元
 * gives 10,000×; the floor (1,000 元 is 0.1 万元) keeps a figure beside a near-zero one (0.01 → 30.00) quiet.
 */
const YUAN_RATIO = 1000;
/** The floor, 1,000 = 10³: a power of ten, so that most figures are ruled out on their exponent alone. */
const MIN_YUAN_POWER = 3;
const largeEnough = (value: Dec) => reachesPowerOfTen(value, MIN_YUAN_POWER);

interface YuanHit {
  readonly figure: Figure;
  /** What it was compared with: a figure of the same row, its total, or the sum of its parts. */
  readonly neighbour: Figure;
}

/** In a row of figures of the same thing (a triple, the funds block), the one ≥ 1,000 × all the others. */
function rowOutlier(figures: readonly Figure[]): YuanHit | null {
  const present = figures.filter((f): f is Figure & { value: Dec } => f.value !== null && !f.value.isZero());
  for (const candidate of present) {
    if (present.length === 1 || !largeEnough(candidate.value)) continue;
    const size = candidate.value.abs();
    const others = present.filter((f) => f !== candidate);
    if (others.every((o) => size.greaterThanOrEqualTo(o.value.abs().times(YUAN_RATIO)))) {
      const nearest = others.reduce((a, b) => (a.value.abs().greaterThan(b.value.abs()) ? a : b));
      const { column } = nearest;
      const neighbour = column ? { ...nearest, label: () => `同一行${column()}` } : nearest;
      return { figure: candidate, neighbour };
    }
  }
  return null;
}

/**
 * A part ≥ 1,000 × its total, or a total ≥ 1,000 × the sum of its parts once every part is filled (parts
 * still being typed in would make any total look large).
 */
function partOutliers(total: Figure, parts: readonly Figure[]): YuanHit[] {
  const hits: YuanHit[] = [];
  const big = (a: Dec | null, b: Dec | null): boolean =>
    a !== null &&
    b !== null &&
    !b.isZero() &&
    largeEnough(a) &&
    a.abs().greaterThanOrEqualTo(b.abs().times(YUAN_RATIO));
  for (const part of parts) if (big(part.value, total.value)) hits.push({ figure: part, neighbour: total });
  // The parts' sum matters only beside a total large enough itself.
  if (total.value !== null && largeEnough(total.value) && parts.every((p) => p.value !== null)) {
    const sum = sumOf(parts.map((p) => p.value));
    if (big(total.value, sum)) hits.push({ figure: total, neighbour: figure("", sum, () => "其中各项之和") });
  }
  return hits;
}

/** The same money in both tables: a figure of 附件1 and the one of 附件2 that it should be close to. */
const ACROSS = [
  ["basic.projects.total", "eval.funds.expense.project"],
  ["basic.publicFunds.total", "eval.funds.expense.basic"],
] as const satisfies ReadonlyArray<readonly [TripleKey, ContractKey]>;

/** Every comparison of the 元 check, in the order findings are listed. */
function* yuanHits(model: RuleContext["model"], year: number | null): Iterable<YuanHit> {
  const cell = (key: string, label: string, part: TriplePart, triple: AmountTriple) =>
    figure(
      `${key}.${part}`,
      triple[part],
      () => `${label}${partLabel(part, year)}`,
      () => partLabel(part, year),
    );
  const row = (key: string, label: string, triple: AmountTriple) =>
    rowOutlier(PARTS.map((part) => cell(key, label, part, triple)));
  // The rows of 附件1: the three columns of one line are the same thing in three years.
  for (const entry of CONTRACT) {
    if (entry.shape !== "triple") continue;
    const hit = row(entry.key, entry.label, valueAtPath(model, entry.key) as AmountTriple);
    if (hit) yield hit;
  }
  for (const [i, line] of model.basic.projects.lines.entries()) {
    const hit = row(`basic.projects.lines[${i + 1}]`, line.name ? `项目「${line.name}」` : `第${i + 1}个项目`, line);
    if (hit) yield hit;
  }
  // Each total of 附件1 against its parts, column by column.
  for (const { total, parts } of RELATIONS) {
    const terms = parts(model);
    for (const part of PARTS) {
      const whole = cell(total, labelOf(total), part, valueAtPath(model, total) as AmountTriple);
      yield* partOutliers(
        whole,
        terms.map(([label, triple, key]) => cell(key, label, part, triple)),
      );
    }
  }
  // 附件2: 年初预算数, 全年预算数 and 全年执行数 measure one budget; each split adds up to 全年预算数.
  const fundsHit = rowOutlier(
    (["eval.funds.initialBudget", "eval.funds.fullYearBudget", "eval.funds.executed"] as const).map((key) =>
      evalFigure(key, model),
    ),
  );
  if (fundsHit) yield fundsHit;
  const budget = evalFigure("eval.funds.fullYearBudget", model);
  for (const split of [INCOME_SPLIT, EXPENSE_SPLIT])
    yield* partOutliers(
      budget,
      split.map((key) => evalFigure(key, model)),
    );
  for (const [inBasic, inEval] of ACROSS) {
    const triple = valueAtPath(model, inBasic) as AmountTriple;
    const hit = rowOutlier([
      figure(`${inBasic}.final`, triple.final, () => `附件1 ${labelOf(inBasic)}${partLabel("final", year)}`),
      evalFigure(inEval, model),
    ]);
    if (hit) yield hit;
  }
}

export const plausibilityRules = [
  rule(
    "adjustment.totals",
    "warning",
    "部门基本支出预算调整填的是调整数，不是基本支出或预算总额；上年栏按表样为“——”",
    function* ({ model, year }: RuleContext): Iterable<Draft> {
      const row = model.basic.budgetAdjustment;
      const label = labelOf(ADJUSTMENT);
      const prev = toDec(row.prev);
      if (prev !== null && !prev.isZero()) {
        const shown = formatAmount(prev);
        yield {
          key: `${ADJUSTMENT}.prev`,
          message:
            `${label}${partLabel("prev", year)}填了 ${shown}：表样此栏为“——”，预算调整只填本年数；` +
            "请删去，并核对本年两栏填的是调整数而不是总额",
          params: { value: shown },
        };
      }
      const basic = toDec(model.eval.funds.expense.basic);
      const totals = [
        ["全年预算数", toDec(model.eval.funds.fullYearBudget)],
        ["年初预算数", toDec(model.eval.funds.initialBudget)],
        ["基本支出", basic],
      ] as const;
      for (const part of ["budget", "final"] as const) {
        const value = toDec(row[part]);
        if (value === null || value.isZero()) continue;
        const same = totals.find(([, total]) => total !== null && total.equals(value));
        // An adjustment of the basic budget cannot be as large as the whole (adjusted) basic budget.
        const beyond = !same && basic !== null && !basic.isZero() && value.abs().greaterThan(basic);
        if (!same && !beyond) continue;
        const [name, total] = same ?? ["基本支出", basic!];
        const [shown, shownTotal] = [value, total!].map(formatAmount);
        yield {
          key: `${ADJUSTMENT}.${part}`,
          message:
            `${label}${partLabel(part, year)} ${shown} ${same ? "等于" : "超过"}附件2 ${name} ${shownTotal}：` +
            "这一行应填基本支出预算的调整数（调整后预算减年初预算），不是总额，请核对",
          params: { value: shown, total: shownTotal, name },
        };
      }
    },
  ),
  rule("unit.yuan", "warning", "金额以万元填写（不是元）", function* ({ model, year }) {
    const seen = new Set<string>();
    for (const { figure: f, neighbour } of yuanHits(model, year)) {
      if (seen.has(f.key)) continue;
      seen.add(f.key);
      const ratio = f.value!.abs().dividedBy(neighbour.value!.abs()).toDecimalPlaces(0, Dec.ROUND_DOWN).toString();
      const [shown, near, inWan] = [f.value!, neighbour.value!, f.value!.dividedBy(10000)].map(formatAmount);
      yield {
        key: f.key,
        message:
          `${f.label()} ${shown} 是${neighbour.label()} ${near} 的 ${ratio} 倍：本表金额以万元计，` +
          `这个数像是按元填的（按万元应为 ${inWan}），请核对`,
        params: { value: shown, neighbour: near, ratio, inWan },
      };
    }
  }),
];
