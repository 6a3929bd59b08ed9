/**
 * The narrative report (SPEC §8) as content, before any file format: headings and paragraphs whose
 * every number comes from the model and its computation, prose from 报告文字 (or a marked placeholder),
 * the two attachments as the workbook lays them out, and the data's fingerprint. The docx adapter only
 * gives it form. Wording comes from sentences.zh.json.
 */
import { computedValue, type Computation } from "../compute";
import { INCOME_SPLIT, labelOf } from "../contract";
import { Dec, formatAmount, toDec } from "../decimal";
import type { WorkbookModel } from "../model";
import { formatRate } from "../rates";
import { valueAtPath, type Finding, type ValidationResult } from "../validation";
import { attachmentGrid, type Grid } from "./grid";
import SENTENCES from "./sentences.zh.json";

export interface Inline {
  readonly text: string;
  /** A 【请填写：…】 mark where the workbook has no text yet. */
  readonly placeholder?: boolean;
}

export type Block =
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: "paragraph"; readonly inlines: readonly Inline[] };

export interface ReportContent {
  readonly title: string;
  readonly unitLine: string;
  readonly dateLine: string;
  readonly blocks: readonly Block[];
  readonly attachments: readonly Grid[];
  /** Labels of the 报告文字 prose that is still empty (shown as placeholders). */
  readonly missing: readonly string[];
  readonly fingerprint: string;
  readonly fingerprintLine: string;
  /** A draft carries its open findings (errors and open warnings). */
  readonly draft: { readonly findings: ReadonlyArray<Finding & { readonly where: string }> } | null;
}

/** "{name}" → value; missing values stay visible as 【未填写】. */
export function fill(template: string, values: Readonly<Record<string, string | number | null | undefined>>): string {
  return template.replace(/\{([\w-]+)\}/g, (_m, key: string) => {
    const value = values[key];
    return value === null || value === undefined || value === "" ? "【未填写】" : String(value);
  });
}

/** A user's text ends as a sentence does in the report. */
const sentence = (text: string) => (/[。！？；.!?]$/.test(text) ? text : `${text}。`);

const PLACEHOLDER = /(【(?:请填写：[^】]*|未填写)】)/;

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
  const year = basic.year ?? ev.year;
  const unit = basic.unit ?? ev.unit;
  const blocks: Block[] = [];
  const missing: string[] = [];
  const h1 = (text: string) => blocks.push({ kind: "heading", level: 1, text });
  const h2 = (text: string) => blocks.push({ kind: "heading", level: 2, text });
  const p = (text: string) => blocks.push(paragraph(text));
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
  const rate = (key: string) => {
    const value = computedValue(computation, key);
    return value?.type === "rate" ? formatRate(value.rate) : null;
  };
  const computedAmount = (key: string) => {
    const value = computedValue(computation, key);
    return value?.type === "amount" ? amount(value.amount) : null;
  };

  // 一、基本情况
  h1(S.headings.basic);
  prose(report.duties, labelOf("report.duties"));
  p(
    fill(S.staff, {
      unit,
      year,
      authorized: basic.staff.authorized,
      actual: basic.staff.actual,
      controlRate: rate("basic.staff.controlRate"),
    }),
  );
  if (basic.staff.authorized !== null && basic.staff.actual !== null && basic.staff.actual > basic.staff.authorized) {
    p(fill(S.staffOver, { over: basic.staff.actual - basic.staff.authorized }));
  }

  // 二、整体支出
  h1(S.headings.spending);
  const funds = ev.funds;
  p(
    fill(S.budget, {
      year,
      initialBudget: amount(funds.initialBudget),
      fullYearBudget: amount(funds.fullYearBudget),
      executed: amount(funds.executed),
      executionRate: rate("eval.funds.executionRate"),
    }),
  );
  p(fill(S.expense, { basic: amount(funds.expense.basic), project: amount(funds.expense.project) }));
  const incomes = INCOME_SPLIT.map((key) => [labelOf(key), toDec(valueAtPath(model, key))] as const)
    .filter(([, v]) => v !== null && !v.isZero())
    .map(([label, v]) => fill(S.incomePart, { label, amount: amount(v) }));
  if (incomes.length > 0) p(fill(S.income, { parts: incomes.join("，") }));
  if (toDec(basic.budgetAdjustment.final) !== null)
    p(
      fill(S.budgetAdjustment, {
        final: amount(basic.budgetAdjustment.final),
        rate: rate("basic.budgetAdjustment.rate"),
      }),
    );
  for (const finding of validation.findings.filter((f) => f.acknowledged && f.rule.startsWith("cross."))) {
    p(
      sentence(
        fill(S.explanation, {
          subject: finding.rule === "cross.projects" ? "项目支出口径" : "表间差异",
          reason: finding.acknowledged,
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
  const diff = prev !== null && final !== null ? final.minus(prev) : null;
  const change =
    diff === null
      ? null
      : diff.isZero()
        ? S.changeSame
        : fill(diff.isPositive() ? S.changeUp : S.changeDown, { diff: formatAmount(diff.abs()) });
  p(
    fill(S.threePublic, {
      year,
      budget: amount(three.total.budget),
      final: amount(three.total.final),
      controlRate: rate("basic.threePublic.controlRate"),
      prev: amount(three.total.prev),
      change,
      changeRate: rate("basic.threePublic.changeRate"),
    }),
  );
  p(
    fill(S.threePublicParts, {
      vehicles: amount(three.vehicles.final),
      purchase: amount(three.vehiclePurchase.final),
      operation: amount(three.vehicleOperation.final),
      overseas: amount(three.overseas.final),
      reception: amount(three.reception.final),
    }),
  );
  h2(S.headings.publicFunds);
  const pf = basic.publicFunds;
  p(
    fill(S.publicFunds, {
      budget: amount(pf.total.budget),
      final: amount(pf.total.final),
      controlRate: rate("basic.publicFunds.controlRate"),
      office: amount(pf.office.final),
      utilities: amount(pf.utilitiesTravel.final),
      meetings: amount(pf.meetingsTraining.final),
    }),
  );
  h2(S.headings.procurement);
  const procurementBudget = toDec(basic.procurement.budget);
  p(
    procurementBudget === null || procurementBudget.isZero()
      ? S.procurementNone
      : fill(S.procurement, {
          budget: amount(basic.procurement.budget),
          final: amount(basic.procurement.final),
          rate: rate("basic.procurement.executionRate"),
        }),
  );
  h2(S.headings.buildings);
  const b = basic.buildings;
  const noBuildings = [b.approvedArea, b.actualArea, b.budgetInvestment, b.actualInvestment].every(
    (v) => toDec(v) === null || toDec(v)!.isZero(),
  );
  p(
    noBuildings
      ? S.buildingsNone
      : fill(S.buildings, {
          approvedArea: amount(b.approvedArea),
          actualArea: amount(b.actualArea),
          areaRate: rate("basic.buildings.areaControlRate"),
          budgetInvestment: amount(b.budgetInvestment),
          actualInvestment: amount(b.actualInvestment),
          investmentRate: rate("basic.buildings.investmentControlRate"),
        }),
  );

  // 四、绩效目标
  h1(S.headings.goals);
  h2(S.headings.overallGoal);
  p(fill(S.goalExpected, { expected: ev.goal.expected }));
  p(fill(S.goalActual, { actual: ev.goal.actual }));
  prose(report.achievements, labelOf("report.achievements"));
  const groups = [...new Set(ev.indicators.map((row) => row.level1 ?? "其他指标"))];
  const CHINESE = ["二", "三", "四", "五", "六", "七", "八", "九", "十"];
  groups.forEach((level1, g) => {
    h2(fill(S.headings.indicatorGroup, { n: CHINESE[g] ?? String(g + 2), level1 }));
    let n = 0;
    ev.indicators.forEach((row, i) => {
      if ((row.level1 ?? "其他指标") !== level1) return;
      const scored = computation.indicators[i]!;
      const completion =
        scored.completion.kind === "quantitative"
          ? fill(S.completionRate, { rate: formatRate(scored.completion.rate) })
          : scored.completion.kind === "time"
            ? scored.completion.met
              ? S.completionOnTime
              : S.completionLate
            : S.completionQualitative;
      n += 1;
      p(
        fill(S.indicator, {
          n,
          name: row.name,
          target: row.target,
          actual: row.actual,
          completion,
          score: amount(row.score),
          weight: amount(row.weight),
        }),
      );
    });
  });

  // 五、自评结果
  h1(S.headings.result);
  const indicatorScore = ev.indicators.reduce((sum, row) => (row.score ? sum.plus(row.score) : sum), new Dec(0));
  const { scored } = computation;
  p(
    fill(S.result, {
      unit,
      year,
      total: scored ? formatAmount(computation.total.total) : null,
      executionScore: computedAmount("eval.funds.score"),
      executionWeight: amount(funds.weight),
      indicatorScore: formatAmount(indicatorScore),
      grade: scored ? computation.grade : null,
    }),
  );

  if (computation.total.cap !== null) {
    p(
      fill(S.cap, {
        profile: computation.profile.name,
        rate: formatRate(computation.executionRate),
        cap: formatAmount(computation.total.cap),
        raw: formatAmount(computation.total.raw),
      }),
    );
  }

  // 六、问题 — the indicators that lost points, with their reasons, then the user's prose.
  h1(S.headings.problems);
  const short = ev.indicators.filter(
    (row) => row.score !== null && row.weight !== null && row.score.lessThan(row.weight),
  );
  if (short.length === 0) p(S.noDeviation);
  else {
    p(S.deviationIntro);
    for (const row of short)
      p(
        fill(S.deviation, {
          name: row.name,
          score: amount(row.score),
          weight: amount(row.weight),
          reason: row.deviation,
        }),
      );
  }
  prose(report.problems, labelOf("report.problems"));

  h1(S.headings.measures);
  prose(report.measures, labelOf("report.measures"));
  h1(S.headings.publicity);
  prose(report.publicity, labelOf("report.publicity"));

  const open = validation.findings.filter(
    (f) => f.severity === "error" || (f.severity === "warning" && !f.acknowledged),
  );
  return {
    title: fill(S.title, { year }),
    unitLine: fill(S.unitLine, { unit }),
    dateLine: dateText(ev.filledOn ?? basic.filledOn) ?? fill(S.placeholder, { what: "填报日期" }),
    blocks,
    attachments: [attachmentGrid("basic", model, computation), attachmentGrid("eval", model, computation)],
    missing,
    fingerprint: options.fingerprint,
    fingerprintLine: fill(S.fingerprint, { hash: options.fingerprint }),
    draft: options.draft ? { findings: open.map((f) => ({ ...f, where: options.locate?.(f.key) ?? f.key })) } : null,
  };
}

export { SENTENCES };
