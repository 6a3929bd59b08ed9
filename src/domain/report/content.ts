/**
 * The narrative report (SPEC §8) as content, before any file format: headings and paragraphs whose
 * every number comes from the model and its computation, prose from 报告文字 (or a marked placeholder),
 * the attachments (附件1, 附件2 and each filled project's 附件3) as the workbook lays them out, and the
 * data's fingerprint. The docx adapter only gives it form. Wording comes from sentences.zh.json; a sentence
 * that states a fact carries its condition ("when", a predicate of facts.ts) and is emitted only through
 * `fact`, which checks it. A project's sentences rest on the same predicates and computation as 附件2's,
 * on the project seen as 附件2 (projects/view.ts).
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
import { findProjectEntry, FUND_SOURCES, projectPrefix, projectSheetName } from "../projects/contract";
import { valueAtPath, type Finding, type ValidationResult } from "../validation";
import { isBlankProject } from "../validation/rules/projects";
import {
  holds,
  isFactSentence,
  projectFactContext,
  unknownConditions,
  type EmittedFact,
  type FactContext,
  type FactSentence,
} from "./facts";
import { attachmentGrid, projectGrid, type Grid } from "./grid";
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
  | {
      readonly kind: "paragraph";
      readonly inlines: readonly Inline[];
      /** Where the first line starts, in characters from the margin, where it is not the body's 2. */
      readonly indent?: number;
      /**
       * Where the lines after the first start (characters from the margin), where not at the margin: a tab in
       * the text goes there too, so an item's wrapped lines align under its name (the list of attachments).
       */
      readonly wrapIndent?: number;
      /** Blank lines before the paragraph (the list of attachments stands one line below the text). */
      readonly spaceBefore?: number;
    };

/** An attachment table with its number in the report: "1", "2", "3-1" (附件3-1, the first project's table). */
export interface Attachment extends Grid {
  readonly number: string;
}

export interface ReportContent {
  readonly title: string;
  /** The unit's name as the tables give it (null when empty): the document's author. */
  readonly unit: string | null;
  readonly unitLine: string;
  readonly dateLine: string;
  readonly blocks: readonly Block[];
  readonly attachments: readonly Attachment[];
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

/**
 * Where the names in the list of attachments start (characters from the margin, in halves): past 2 of indent,
 * the 3 of 附件： and the longest number ("3-12.") in the Latin font (Times: digits ½ em, "-" ⅓, "." ¼) with
 * room to spare; each number is followed by a tab that goes there.
 */
function attachmentNamesAt(numbers: readonly string[]): number {
  const width = (n: string) => [...`${n}.`].reduce((w, ch) => w + (ch === "." ? 0.25 : ch === "-" ? 0.34 : 0.5), 0);
  return 5 + Math.ceil((Math.max(...numbers.map(width)) + 0.6) * 2) / 2;
}

/** A user's text ends as a sentence does in the report. */
const sentence = (text: string) => (/[。！？；.!?】]$/.test(text) ? text : `${text}。`);

const PLACEHOLDER = /(【(?:请填写|未填写)(?:：[^】]*)?】)/;

type ParagraphLayout = Pick<Extract<Block, { kind: "paragraph" }>, "indent" | "wrapIndent" | "spaceBefore">;

function paragraph(text: string, layout: ParagraphLayout = {}): Block {
  const inlines = text
    .split(PLACEHOLDER)
    .filter((part) => part !== "")
    .map((part) => (PLACEHOLDER.test(part) ? { text: part, placeholder: true } : { text: part }));
  return { kind: "paragraph", inlines, ...layout };
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
 * each rule that suggested a row's score, the cap where it lowered a total the report states, and the grades
 * — of the department's 附件2 and of each project's table (their contexts after the first).
 */
export function rulesUsed(...contexts: readonly FactContext[]): RuleId[] {
  const used = new Set<RuleId>(["grades"]);
  for (const context of contexts) {
    const { computation } = context;
    const execution = computedValue(computation, "eval.funds.score");
    for (const row of computation.indicators) if (row.rule) used.add(row.rule);
    if (execution?.type === "amount" && execution.amount !== null) used.add("executionRate");
    if (holds("totalCapped", context)) used.add("totalCaps");
  }
  return RULE_IDS.filter((id) => used.has(id));
}

/**
 * Whose table a sentence speaks of: the department's 附件2, or a project's 附件3 seen as 附件2 (its context is
 * the project's view and computation, so 附件2's sentences and predicates serve it unchanged).
 */
interface Subject {
  readonly context: FactContext;
  /** 0-based index in model.projects; undefined for the department. */
  readonly project?: number;
  /** What a placeholder puts before a cell's label: "" for 附件2, "附件3-1 " for a project's table. */
  readonly where: string;
}

/** A filled project table as the report shows it: its place in the model, its attachment number and context. */
interface ReportedProject {
  readonly index: number;
  readonly number: string;
  readonly subject: Subject;
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
  const department: Subject = { context, where: "" };
  // The filled project tables, numbered 附件3-1, 3-2 … in the workbook's order (a blank table is no attachment).
  const projects: ReportedProject[] = [];
  model.projects.forEach((project, index) => {
    if (isBlankProject(project)) return;
    const number = `3-${projects.length + 1}`;
    // Where a missing value is to be filled in: the workbook's sheet (a blank table before it shifts the number).
    const where = `${projectSheetName(index + 1)} `;
    projects.push({
      index,
      number,
      subject: { context: projectFactContext(model, index, computation.profile), project: index, where },
    });
  });
  const year = basic.year ?? ev.year;
  const unit = basic.unit ?? ev.unit;
  const blocks: Block[] = [];
  const missing: string[] = [];
  const facts: EmittedFact[] = [];
  const h1 = (text: string) => blocks.push({ kind: "heading", level: 1, text });
  const h2 = (text: string) => blocks.push({ kind: "heading", level: 2, text });
  const p = (text: string) => blocks.push(paragraph(text));

  /**
   * Fact sentence `id` filled with `values` when its condition holds on `subject`'s table (on `row` for a row
   * condition), recorded as emitted; null when it does not hold. The only way a fact sentence reaches the report.
   */
  const fact = (
    id: FactId,
    values: Readonly<Record<string, Slot>> = {},
    row?: number,
    subject: Subject = department,
  ): string | null => {
    const entry: unknown = S[id];
    if (!isFactSentence(entry) || !holds(entry.when, subject.context, row)) return null;
    const text = fill(entry.text, values);
    facts.push({
      id,
      when: entry.when as EmittedFact["when"],
      ...(row === undefined ? {} : { row }),
      ...(subject.project === undefined ? {} : { project: subject.project }),
      text,
    });
    return text;
  };
  /** A whole paragraph that is a fact sentence, when it holds. */
  const pFact = (id: FactId, values: Readonly<Record<string, Slot>> = {}, row?: number, subject?: Subject) => {
    const text = fact(id, values, row, subject);
    if (text !== null) p(text);
  };

  // Fields that name themselves when empty.
  const unitField: Field = { value: unit, label: labelOf("basic.unit") };
  const yearField: Field = { value: year, label: labelOf("basic.year") };
  /** A cell of 附件2, or of a project's table through its view (`subject`). */
  const cellField = (key: ContractKey, subject: Subject = department): Field => {
    const value = valueAtPath(subject.context.model, key);
    return {
      value: value instanceof Dec ? formatAmount(value) : (value as Field["value"]),
      label: subject.where + labelOf(key),
    };
  };
  const partField = (key: ContractKey, part: TriplePart): Field => ({
    value: amount(valueAtPath(model, `${key}.${part}`)),
    label: `${labelOf(key)}${partLabel(part, year)}`,
  });
  const indicatorField = (i: number, column: string, value: unknown, subject: Subject = department): Field => ({
    value: value instanceof Dec ? formatAmount(value) : (value as Field["value"]),
    label: `${subject.where}${rowLabel("eval.indicators", i, null)}的${columnLabel("eval.indicators", column)}`,
  });
  /** "为82.05%", "不适用（预算数为0）" or "无法计算（编制数未填写）": a rate as a sentence states it. */
  const ratePhrase = (rate: Rate | null, denominator: string, numerator: string) =>
    rate === null || rate.kind === "value"
      ? fill(S.rate.value, { rate: { value: rate && formatRate(rate), label: "比率" } })
      : rate.reason === "zeroDenominator"
        ? fill(S.rate.zero, { denominator })
        : fill(S.rate.missing, { what: rate.reason === "missingDenominator" ? denominator : numerator });
  const rate = (
    key: ContractKey | DerivedKey,
    denominator: string,
    numerator: string,
    subject: Subject = department,
  ) => {
    const value = computedValue(subject.context.computation, key);
    return ratePhrase(value?.type === "rate" ? value.rate : null, denominator, numerator);
  };
  /** "绩效指标第3行「X」、第5行": rows as users count them. */
  const rowList = (indices: readonly number[], subject: Subject = department) =>
    labelOf("eval.indicators") +
    indices
      .map((i) => {
        const name = subject.context.model.eval.indicators[i]!.name;
        return `第${i + 1}行${name ? `「${name}」` : ""}`;
      })
      .join("、");
  const rowsWhere = (test: (row: (typeof ev.indicators)[number]) => boolean, subject: Subject = department) =>
    subject.context.model.eval.indicators.flatMap((row, i) => (test(row) ? [i] : []));

  /** What a result sentence states of a table: 总分, its parts and 等次, from the table's computation. */
  const resultValues = (subject: Subject) => {
    const { computation: scored, model: table } = subject.context;
    const executionScore = computedValue(scored, "eval.funds.score");
    return {
      total: formatAmount(scored.total.total),
      indicatorScore: formatAmount(
        table.eval.indicators.reduce((sum, row) => (row.score ? sum.plus(row.score) : sum), new Dec(0)),
      ),
      grade: scored.grade,
      executionScore: {
        value: executionScore?.type === "amount" ? amount(executionScore.amount) : null,
        label: subject.where + labelOf("eval.funds.score"),
      },
      // The 分值 the score was computed with: the profile's where it fixes one (河北: 20), else the table's.
      executionWeight:
        scored.profile.executionRate.weight === null
          ? cellField("eval.funds.weight", subject)
          : formatAmount(new Dec(scored.profile.executionRate.weight)),
      reason: scored.provisional ?? PROVISIONAL_CONSEQUENCE,
    };
  };
  /** The profile's cap by execution rate, where it lowered a table's total. */
  const capFact = (subject: Subject) => {
    const scored = subject.context.computation;
    return fact(
      "cap",
      {
        profile: profileLabel(scored.profile),
        rate: formatRate(scored.executionRate),
        cap: scored.total.cap ? formatAmount(scored.total.cap) : "",
        raw: formatAmount(scored.total.raw),
      },
      undefined,
      subject,
    );
  };
  /** The indicators that lost points with their reasons, or that every one is full (each a paragraph). */
  const deviations = (subject: Subject) => {
    pFact("noDeviation", {}, undefined, subject);
    pFact("deviationIntro", {}, undefined, subject);
    subject.context.model.eval.indicators.forEach((row, i) =>
      pFact(
        "deviation",
        {
          name: indicatorField(i, "name", row.name, subject),
          score: indicatorField(i, "score", row.score, subject),
          weight: indicatorField(i, "weight", row.weight, subject),
          lost: row.score && row.weight ? formatAmount(row.weight.minus(row.score)) : "",
          reason: row.deviation ? sentence(row.deviation) : indicatorField(i, "deviation", row.deviation, subject),
        },
        i,
        subject,
      ),
    );
  };

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

  // 重点项目: each filled project table's funds, execution, 总分 and 等次, and what fell short.
  if (projects.length > 0) {
    h2(fill(S.headings.projects, { n: CHINESE[groups.size] ?? String(groups.size + 2) }));
    p(
      fill(S.projectsIntro, {
        count: projects.length,
        attachments: projects.map((project) => fill(S.attachmentTitle, { n: project.number })).join("、"),
      }),
    );
    projects.forEach(({ index, number, subject }, k) => {
      const project = model.projects[index]!;
      const nameEntry = findProjectEntry(`${projectPrefix(index + 1)}.name`)!;
      const sources = FUND_SOURCES.map(
        (source) => [source.label, toDec(project.funds[source.key].fullYearBudget)] as const,
      )
        .filter(([, v]) => v !== null && !v.isZero())
        .map(([label, v]) => fill(S.projectSourcePart, { label, amount: amount(v)! }));
      p(
        fill(S.projectFunds, {
          n: k + 1,
          name: { value: project.name, label: subject.where + nameEntry.label },
          attachment: fill(S.attachmentTitle, { n: number }),
          initialBudget: cellField("eval.funds.initialBudget", subject),
          fullYearBudget: cellField("eval.funds.fullYearBudget", subject),
          sources: sources.length > 0 ? fill(S.projectSources, { parts: sources.join("、") }) : "",
          executed: cellField("eval.funds.executed", subject),
          executionRate: rate(
            "eval.funds.executionRate",
            labelOf("eval.funds.fullYearBudget"),
            labelOf("eval.funds.executed"),
            subject,
          ),
        }),
      );
      const result = resultValues(subject);
      const rows = rowList(
        rowsWhere((r) => r.score === null, subject),
        subject,
      );
      const stated =
        fact("projectResult", result, undefined, subject) ??
        fact("projectResultProvisional", result, undefined, subject) ??
        fact("projectResultIncomplete", { rows }, undefined, subject) ??
        fact("projectResultUnscored", { where: subject.where }, undefined, subject);
      const capped = capFact(subject);
      if (stated !== null || capped !== null) p([stated, capped].filter((t) => t !== null).join(""));
      deviations(subject);
      pFact(
        "unweightedRows",
        {
          rows: rowList(
            rowsWhere((r) => r.score !== null && r.weight === null, subject),
            subject,
          ),
        },
        undefined,
        subject,
      );
    });
  }

  // 五、自评结果 — a total and a grade only where every score is in and 执行率 could be scored.
  h1(S.headings.result);
  const result = { unit: unitField, year: yearField, ...resultValues(department) };
  pFact("result", result);
  pFact("resultProvisional", result);
  pFact("resultIncomplete", { unit: unitField, year: yearField, rows: rowList(rowsWhere((r) => r.score === null)) });
  pFact("resultUnscored", { unit: unitField, year: yearField });
  const capped = capFact(department);
  if (capped !== null) p(capped);
  // 评分说明: which profile scored the report, and each rule that made one of its numbers (projects' too) with its source.
  p(fill(S.scoringNote, { profile: profileLabel(computation.profile) }));
  rulesUsed(context, ...projects.map((project) => project.subject.context)).forEach((id, i) =>
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
  deviations(department);
  pFact("unscoredAll", { count: ev.indicators.length });
  pFact("unscoredRows", { rows: rowList(rowsWhere((r) => r.score === null)) });
  pFact("unweightedRows", { rows: rowList(rowsWhere((r) => r.score !== null && r.weight === null)) });
  prose(report.problems, labelOf("report.problems"));

  h1(S.headings.measures);
  prose(report.measures, labelOf("report.measures"));
  h1(S.headings.publicity);
  prose(report.publicity, labelOf("report.publicity"));

  // The attachments, each as its own table in the workbook's layout, listed below the text (GB/T 9704 附件说明).
  const listed: Array<{ attachment: Attachment; project: string | null }> = [
    { attachment: { ...attachmentGrid("basic", model, computation), number: "1" }, project: null },
    { attachment: { ...attachmentGrid("eval", model, computation), number: "2" }, project: null },
    ...projects.map(({ index, number, subject }) => ({
      attachment: { ...projectGrid(model, index, subject.context), number },
      project: model.projects[index]!.name,
    })),
  ];
  const attachments = listed.map((l) => l.attachment);
  const namesAt = attachmentNamesAt(attachments.map((a) => a.number));
  listed.forEach(({ attachment, project }, i) => {
    const item = fill(S.attachmentItem, {
      n: attachment.number,
      // Every project's table has one title: the list names the project after it.
      title: project ? fill(S.attachmentProject, { title: attachment.title, name: project }) : attachment.title,
    });
    // GB/T 9704 附件说明: "附件：1. 名称" two characters in, one line below the text; the numbers after it under
    // the first (2 + the 3 of 附件：); a name that wraps continues under the first character of the names.
    blocks.push(
      i === 0
        ? paragraph(fill(S.attachmentList, { item }), { wrapIndent: namesAt, spaceBefore: 1 })
        : paragraph(item, { indent: 2 + [...fill(S.attachmentList, { item: "" })].length, wrapIndent: namesAt }),
    );
  });

  const open = validation.findings.filter(
    (f) => f.severity === "error" || (f.severity === "warning" && !f.acknowledged),
  );
  return {
    title: fill(S.title, { year: yearField }),
    unit,
    unitLine: fill(S.unitLine, { unit: unitField }),
    dateLine: dateText(ev.filledOn ?? basic.filledOn) ?? fill(S.placeholder, { what: labelOf("eval.filledOn") }),
    blocks,
    attachments,
    missing,
    facts,
    fingerprint: options.fingerprint,
    fingerprintLine: fill(S.fingerprint, { short: shortFingerprint(options.fingerprint) }),
    draft: options.draft ? { findings: open.map((f) => ({ ...f, where: options.locate?.(f.key) ?? f.key })) } : null,
  };
}

export { SENTENCES };
