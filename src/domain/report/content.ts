/**
 * The narrative report (SPEC §8) as content, before any file format: headings and paragraphs whose
 * every number comes from the model and its computation, prose from 报告文字 (or a marked placeholder),
 * the two attachments as the workbook lays them out, and the data's fingerprint. The docx adapter only
 * gives it form. Wording comes from sentences.zh.json; a sentence that states a fact carries its
 * condition ("when", a predicate of facts.ts) and is emitted only through `fact`, which checks it.
 */
import { computedValue, PROVISIONAL_CONSEQUENCE, type Computation } from "../compute";
import { TRAILING_PUNCTUATION } from "../wording";
import {
  columnLabel,
  INCOME_SPLIT,
  labelOf,
  partLabel,
  rowLabel,
  type ContractKey,
  type DerivedKey,
  type TriplePart,
} from "../contract";
import { Dec, formatAmount, toDec } from "../decimal";
import type { WorkbookModel } from "../model";
import { basisText, customLabel, PROFILES, RULE_IDS, ruleText, type RuleId, type ScoringProfile } from "../profiles";
import { formatRate, type Rate } from "../rates";
import { valueAtPath, type Finding, type ValidationResult } from "../validation";
import {
  holds,
  isFactSentence,
  unknownConditions,
  type EmittedFact,
  type FactContext,
  type FactSentence,
} from "./facts";
import { attachmentGrid, type Grid } from "./grid";
import SENTENCES from "./sentences.zh.json";

{
  // A reworded sentences file must keep every condition a predicate: fail loudly, never state a fact unchecked.
  const unknown = unknownConditions(SENTENCES);
  if (unknown.length > 0) throw new Error(`sentences.zh.json: unknown conditions ${unknown.join(", ")}`);
}

export interface Inline {
  readonly text: string;
  /** A 【请填写：…】 or 【未填写：…】 mark where the workbook has no value or text yet. */
  readonly placeholder?: boolean;
}

export type Block =
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: "paragraph"; readonly inlines: readonly Inline[] };

export interface ReportContent {
  readonly title: string;
  /** The unit's name as the tables give it (null when empty): the document's author. */
  readonly unit: string | null;
  readonly unitLine: string;
  readonly dateLine: string;
  readonly blocks: readonly Block[];
  readonly attachments: readonly Grid[];
  /** Labels of the 报告文字 prose that is still empty (shown as placeholders). */
  readonly missing: readonly string[];
  /** Every fact sentence the report states, with the condition it rests on. */
  readonly facts: readonly EmittedFact[];
  /** The full SHA-256 (document properties, jxzp verify). */
  readonly fingerprint: string;
  /** The small print after the attachments: a short form of the fingerprint, labelled. */
  readonly fingerprintLine: string;
  /** A draft carries its open findings (errors and open warnings). */
  readonly draft: { readonly findings: ReadonlyArray<Finding & { readonly where: string }> } | null;
}

/** A value that may be empty, with the name of its field: an empty one shows as 【未填写：name】. */
export interface Field {
  readonly value: string | number | null | undefined;
  readonly label: string;
}

/** What fills a {name}: text as it is, or a field that names itself when empty. */
export type Slot = string | number | Field;

const TEMPLATE_PUNCTUATION = /^[，,。：:；;、）)]/;

/**
 * "{name}" → the slot's text. An empty field shows as 【未填写：its label】; a value that ends a sentence
 * loses that ending where the template continues with punctuation of its own.
 */
export function fill(template: string, values: Readonly<Record<string, Slot>>): string {
  return template.replace(/\{([\w-]+)\}/g, (_m, key: string, offset: number) => {
    const slot = values[key];
    let text: string;
    if (slot === undefined) text = `【未填写：${key}】`;
    else if (typeof slot === "object")
      text =
        slot.value === null || slot.value === undefined || slot.value === ""
          ? `【未填写：${slot.label}】`
          : String(slot.value);
    else text = String(slot);
    const after = template.slice(offset + key.length + 2);
    // A value that ends a sentence loses that ending where the template goes on with its own punctuation.
    return TEMPLATE_PUNCTUATION.test(after) ? text.replace(TRAILING_PUNCTUATION, "") : text;
  });
}

/** A user's text ends as a sentence does in the report. */
const sentence = (text: string) => (/[。！？；.!?】]$/.test(text) ? text : `${text}。`);

const PLACEHOLDER = /(【(?:请填写|未填写)(?:：[^】]*)?】)/;

function paragraph(text: string): Block {
  const inlines = text
    .split(PLACEHOLDER)
    .filter((part) => part !== "")
    .map((part) => (PLACEHOLDER.test(part) ? { text: part, placeholder: true } : { text: part }));
  return { kind: "paragraph", inlines };
}

const amount = (value: unknown) => {
  const dec = toDec(value);
  return dec === null ? null : formatAmount(dec);
};

function dateText(iso: string | null): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The first 12 hexadecimal characters: enough to tell reports apart at a glance, short enough to print. */
export const shortFingerprint = (fingerprint: string) => fingerprint.slice(0, 12);

/** A profile as the report names it: a shipped one by its name, a custom one with its hash ("某市口径（自定义 1a2b3c4d）"). */
export const profileLabel = (profile: ScoringProfile) =>
  PROFILES[profile.id] === profile ? profile.name : customLabel(profile);

/**
 * The rules that made a number of this report, in the profile's order: 执行率得分's where it was scored,
 * each rule that suggested a row's score, the cap where it lowered a total the report states, and the grades.
 */
export function rulesUsed(context: FactContext): RuleId[] {
  const { computation } = context;
  const execution = computedValue(computation, "eval.funds.score");
  const used = new Set<RuleId>(computation.indicators.flatMap((row) => (row.rule ? [row.rule] : [])));
  if (execution?.type === "amount" && execution.amount !== null) used.add("executionRate");
  if (holds("totalCapped", context)) used.add("totalCaps");
  used.add("grades");
  return RULE_IDS.filter((id) => used.has(id));
}

type Sentences = typeof SENTENCES;
/** The sentences that state a fact (an object with "text" and "when"). */
type FactId = { [K in keyof Sentences]: Sentences[K] extends FactSentence ? K : never }[keyof Sentences];

export interface ReportOptions {
  readonly fingerprint: string;
  readonly draft?: boolean;
  /** Where a finding's key sits ("附件2 自评表 F29"), for the draft's list of open findings. */
  readonly locate?: (key: string) => string;
}

export function buildReport(model: WorkbookModel, validation: ValidationResult, options: ReportOptions): ReportContent {
  const S = SENTENCES;
  const { basic, eval: ev, report } = model;
  const computation: Computation = validation.computation;
  const context: FactContext = { model, computation };
  const year = basic.year ?? ev.year;
  const unit = basic.unit ?? ev.unit;
  const blocks: Block[] = [];
  const missing: string[] = [];
  const facts: EmittedFact[] = [];
  const h1 = (text: string) => blocks.push({ kind: "heading", level: 1, text });
  const h2 = (text: string) => blocks.push({ kind: "heading", level: 2, text });
  const p = (text: string) => blocks.push(paragraph(text));

  /**
   * Fact sentence `id` filled with `values` when its condition holds (on `row` for a row condition),
   * recorded as emitted; null when it does not hold. The only way a fact sentence reaches the report.
   */
  const fact = (id: FactId, values: Readonly<Record<string, Slot>> = {}, row?: number): string | null => {
    const entry: unknown = S[id];
    if (!isFactSentence(entry) || !holds(entry.when, context, row)) return null;
    const text = fill(entry.text, values);
    facts.push({ id, when: entry.when as EmittedFact["when"], ...(row === undefined ? {} : { row }), text });
    return text;
  };
  /** A whole paragraph that is a fact sentence, when it holds. */
  const pFact = (id: FactId, values: Readonly<Record<string, Slot>> = {}, row?: number) => {
    const text = fact(id, values, row);
    if (text !== null) p(text);
  };

  // Fields that name themselves when empty.
  const unitField: Field = { value: unit, label: labelOf("basic.unit") };
  const yearField: Field = { value: year, label: labelOf("basic.year") };
  const cellField = (key: ContractKey): Field => {
    const value = valueAtPath(model, key);
    return { value: value instanceof Dec ? formatAmount(value) : (value as Field["value"]), label: labelOf(key) };
  };
  const partField = (key: ContractKey, part: TriplePart): Field => ({
    value: amount(valueAtPath(model, `${key}.${part}`)),
    label: `${labelOf(key)}${partLabel(part, year)}`,
  });
  const indicatorField = (i: number, column: string, value: unknown): Field => ({
    value: value instanceof Dec ? formatAmount(value) : (value as Field["value"]),
    label: `${rowLabel("eval.indicators", i, null)}的${columnLabel("eval.indicators", column)}`,
  });
  /** "为82.05%", "不适用（预算数为0）" or "无法计算（编制数未填写）": a rate as a sentence states it. */
  const ratePhrase = (rate: Rate | null, denominator: string, numerator: string) =>
    rate === null || rate.kind === "value"
      ? fill(S.rate.value, { rate: { value: rate && formatRate(rate), label: "比率" } })
      : rate.reason === "zeroDenominator"
        ? fill(S.rate.zero, { denominator })
        : fill(S.rate.missing, { what: rate.reason === "missingDenominator" ? denominator : numerator });
  const rate = (key: ContractKey | DerivedKey, denominator: string, numerator: string) => {
    const value = computedValue(computation, key);
    return ratePhrase(value?.type === "rate" ? value.rate : null, denominator, numerator);
  };
  /** "绩效指标第3行「X」、第5行": rows as users count them. */
  const rowList = (indices: readonly number[]) =>
    labelOf("eval.indicators") +
    indices
      .map((i) => {
        const name = ev.indicators[i]!.name;
        return `第${i + 1}行${name ? `「${name}」` : ""}`;
      })
      .join("、");
  const rowsWhere = (test: (row: (typeof ev.indicators)[number]) => boolean) =>
    ev.indicators.flatMap((row, i) => (test(row) ? [i] : []));

  /** Prose from 报告文字: one paragraph per line, or a placeholder naming what to write. */
  const prose = (text: string | null, label: string) => {
    if (text && text.trim() !== "")
      for (const line of text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean))
        p(line);
    else {
      missing.push(label);
      p(fill(S.placeholder, { what: `${label}（报告文字）` }));
    }
  };

  // 一、基本情况
  h1(S.headings.basic);
  prose(report.duties, labelOf("report.duties"));
  const staff = basic.staff;
  p(
    fill(S.staff, {
      unit: unitField,
      year: yearField,
      authorized: cellField("basic.staff.authorized"),
      actual: cellField("basic.staff.actual"),
      controlRate: rate("basic.staff.controlRate", labelOf("basic.staff.authorized"), labelOf("basic.staff.actual")),
    }),
  );
  pFact("staffOver", { over: (staff.actual ?? 0) - (staff.authorized ?? 0) });

  // 二、整体支出
  h1(S.headings.spending);
  p(
    fill(S.budget, {
      year: yearField,
      initialBudget: cellField("eval.funds.initialBudget"),
      fullYearBudget: cellField("eval.funds.fullYearBudget"),
      executed: cellField("eval.funds.executed"),
      executionRate: rate(
        "eval.funds.executionRate",
        labelOf("eval.funds.fullYearBudget"),
        labelOf("eval.funds.executed"),
      ),
    }),
  );
  p(
    fill(S.expense, { basic: cellField("eval.funds.expense.basic"), project: cellField("eval.funds.expense.project") }),
  );
  const incomes = INCOME_SPLIT.map((key) => [labelOf(key), toDec(valueAtPath(model, key))] as const)
    .filter(([, v]) => v !== null && !v.isZero())
    .map(([label, v]) => fill(S.incomePart, { label, amount: amount(v)! }));
  pFact("income", { parts: incomes.join("，") });
  pFact("budgetAdjustment", {
    final: partField("basic.budgetAdjustment", "final"),
    // 预算调整率 = the adjustment made (its N年决算数) ÷ 附件2 基本支出 (compute.ts): name what is missing so.
    rate: rate("basic.budgetAdjustment.rate", labelOf("eval.funds.expense.basic"), "预算调整数"),
  });
  for (const finding of validation.findings.filter((f) => f.acknowledged && f.rule.startsWith("cross."))) {
    p(
      sentence(
        fill(S.explanation, {
          subject: finding.rule === "cross.projects" ? "项目支出口径" : "表间差异",
          reason: finding.acknowledged!,
        }),
      ),
    );
  }

  // 三、经费控制
  h1(S.headings.control);
  h2(S.headings.threePublic);
  const three = basic.threePublic;
  const prev = toDec(three.total.prev);
  const final = toDec(three.total.final);
  const diff = prev !== null && final !== null ? formatAmount(final.minus(prev).abs()) : "";
  const changeRate = rate("basic.threePublic.changeRate", partLabel("prev", year), partLabel("final", year));
  const change =
    fact("changeUp", { diff, changeRate }) ?? fact("changeDown", { diff, changeRate }) ?? fact("changeSame") ?? "";
  p(
    fill(S.threePublic, {
      year: yearField,
      budget: partField("basic.threePublic.total", "budget"),
      final: partField("basic.threePublic.total", "final"),
      controlRate: rate("basic.threePublic.controlRate", partLabel("budget", year), partLabel("final", year)),
      prev: partField("basic.threePublic.total", "prev"),
      change,
    }),
  );
  p(
    fill(S.threePublicParts, {
      vehicles: partField("basic.threePublic.vehicles", "final"),
      purchase: partField("basic.threePublic.vehiclePurchase", "final"),
      operation: partField("basic.threePublic.vehicleOperation", "final"),
      overseas: partField("basic.threePublic.overseas", "final"),
      reception: partField("basic.threePublic.reception", "final"),
    }),
  );
  h2(S.headings.publicFunds);
  p(
    fill(S.publicFunds, {
      budget: partField("basic.publicFunds.total", "budget"),
      final: partField("basic.publicFunds.total", "final"),
      controlRate: rate("basic.publicFunds.controlRate", partLabel("budget", year), partLabel("final", year)),
      office: partField("basic.publicFunds.office", "final"),
      utilities: partField("basic.publicFunds.utilitiesTravel", "final"),
      meetings: partField("basic.publicFunds.meetingsTraining", "final"),
    }),
  );
  h2(S.headings.procurement);
  pFact("procurementNone");
  pFact("procurementEmpty");
  pFact("procurement", {
    budget: partField("basic.procurement", "budget"),
    final: partField("basic.procurement", "final"),
    rate: rate("basic.procurement.executionRate", partLabel("budget", year), partLabel("final", year)),
  });
  h2(S.headings.buildings);
  pFact("buildingsNone");
  pFact("buildingsEmpty");
  pFact("buildings", {
    approvedArea: cellField("basic.buildings.approvedArea"),
    actualArea: cellField("basic.buildings.actualArea"),
    areaRate: rate(
      "basic.buildings.areaControlRate",
      labelOf("basic.buildings.approvedArea"),
      labelOf("basic.buildings.actualArea"),
    ),
    budgetInvestment: cellField("basic.buildings.budgetInvestment"),
    actualInvestment: cellField("basic.buildings.actualInvestment"),
    investmentRate: rate(
      "basic.buildings.investmentControlRate",
      labelOf("basic.buildings.budgetInvestment"),
      labelOf("basic.buildings.actualInvestment"),
    ),
  });

  // 四、绩效目标
  h1(S.headings.goals);
  h2(S.headings.overallGoal);
  p(sentence(fill(S.goalExpected, { expected: cellField("eval.goal.expected") })));
  p(sentence(fill(S.goalActual, { actual: cellField("eval.goal.actual") })));
  prose(report.achievements, labelOf("report.achievements"));
  pFact("noIndicators");
  // The rows of each 一级指标, in the order they first appear: one pass, however many groups.
  const groups = new Map<string, number[]>();
  ev.indicators.forEach((row, i) => {
    const level1 = row.level1 ?? "其他指标";
    const members = groups.get(level1);
    if (members) members.push(i);
    else groups.set(level1, [i]);
  });
  const CHINESE = ["二", "三", "四", "五", "六", "七", "八", "九", "十"];
  [...groups].forEach(([level1, members], g) => {
    h2(fill(S.headings.indicatorGroup, { n: CHINESE[g] ?? String(g + 2), level1 }));
    let n = 0;
    members.forEach((i) => {
      const row = ev.indicators[i]!;
      const scored = computation.indicators[i]!;
      const completion =
        (scored.completion.kind === "quantitative"
          ? fact("completionRate", { rate: formatRate(scored.completion.rate) }, i)
          : (fact("completionOnTime", {}, i) ?? fact("completionLate", {}, i))) ?? "";
      const weight = indicatorField(i, "weight", row.weight);
      const score =
        fact("indicatorScore", { score: indicatorField(i, "score", row.score), weight }, i) ??
        fact("indicatorNoScore", { weight }, i) ??
        "";
      n += 1;
      p(
        fill(S.indicator, {
          n,
          name: indicatorField(i, "name", row.name),
          target: indicatorField(i, "target", row.target),
          actual: indicatorField(i, "actual", row.actual),
          completion,
          score,
        }),
      );
    });
  });

  // 五、自评结果 — a total and a grade only where every score is in and 执行率 could be scored.
  h1(S.headings.result);
  const indicatorScore = formatAmount(
    ev.indicators.reduce((sum, row) => (row.score ? sum.plus(row.score) : sum), new Dec(0)),
  );
  const executionScore = computedValue(computation, "eval.funds.score");
  const result = {
    unit: unitField,
    year: yearField,
    total: formatAmount(computation.total.total),
    indicatorScore,
    grade: computation.grade,
  };
  pFact("result", {
    ...result,
    executionScore: {
      value: executionScore?.type === "amount" ? amount(executionScore.amount) : null,
      label: labelOf("eval.funds.score"),
    },
    // The 分值 the score was computed with: the profile's where it fixes one (河北: 20), else the workbook's.
    executionWeight:
      computation.profile.executionRate.weight === null
        ? cellField("eval.funds.weight")
        : formatAmount(new Dec(computation.profile.executionRate.weight)),
  });
  pFact("resultProvisional", {
    ...result,
    reason: computation.provisional ?? PROVISIONAL_CONSEQUENCE,
  });
  pFact("resultIncomplete", { unit: unitField, year: yearField, rows: rowList(rowsWhere((r) => r.score === null)) });
  pFact("resultUnscored", { unit: unitField, year: yearField });
  pFact("cap", {
    profile: profileLabel(computation.profile),
    rate: formatRate(computation.executionRate),
    cap: computation.total.cap ? formatAmount(computation.total.cap) : "",
    raw: formatAmount(computation.total.raw),
  });
  // 评分说明: which profile scored the report, and each rule that made one of its numbers with its source.
  p(fill(S.scoringNote, { profile: profileLabel(computation.profile) }));
  rulesUsed(context).forEach((id, i) =>
    p(
      fill(S.scoringRule, {
        n: i + 1,
        rule: ruleText(computation.profile, id),
        basis: basisText(computation.profile, id),
      }),
    ),
  );

  // 六、问题 — the indicators that lost points, with their reasons; the rows not scored yet; the user's prose.
  h1(S.headings.problems);
  pFact("noDeviation");
  pFact("deviationIntro");
  ev.indicators.forEach((row, i) =>
    pFact(
      "deviation",
      {
        name: indicatorField(i, "name", row.name),
        score: indicatorField(i, "score", row.score),
        weight: indicatorField(i, "weight", row.weight),
        lost: row.score && row.weight ? formatAmount(row.weight.minus(row.score)) : "",
        reason: row.deviation ? sentence(row.deviation) : indicatorField(i, "deviation", row.deviation),
      },
      i,
    ),
  );
  pFact("unscoredAll", { count: ev.indicators.length });
  pFact("unscoredRows", { rows: rowList(rowsWhere((r) => r.score === null)) });
  pFact("unweightedRows", { rows: rowList(rowsWhere((r) => r.score !== null && r.weight === null)) });
  prose(report.problems, labelOf("report.problems"));

  h1(S.headings.measures);
  prose(report.measures, labelOf("report.measures"));
  h1(S.headings.publicity);
  prose(report.publicity, labelOf("report.publicity"));

  const open = validation.findings.filter(
    (f) => f.severity === "error" || (f.severity === "warning" && !f.acknowledged),
  );
  return {
    title: fill(S.title, { year: yearField }),
    unit,
    unitLine: fill(S.unitLine, { unit: unitField }),
    dateLine: dateText(ev.filledOn ?? basic.filledOn) ?? fill(S.placeholder, { what: labelOf("eval.filledOn") }),
    blocks,
    attachments: [attachmentGrid("basic", model, computation), attachmentGrid("eval", model, computation)],
    missing,
    facts,
    fingerprint: options.fingerprint,
    fingerprintLine: fill(S.fingerprint, { short: shortFingerprint(options.fingerprint) }),
    draft: options.draft ? { findings: open.map((f) => ({ ...f, where: options.locate?.(f.key) ?? f.key })) } : null,
  };
}

export { SENTENCES };
