/**
 * The computation as JSON, for `jxzp compute --json` (and the indicators of `jxzp validate --json`): exact
 * values as text (rates as 4-decimal fractions) beside their display, each suggested score with the profile
 * rule that made it, in words and with its basis; and the comparison of several profiles. Presentation of the
 * CLI's, so it lives here and not in the domain.
 */
import {
  basisText,
  profileKey,
  formatAmount,
  formatRate,
  rateValueText,
  ruleText,
  type Computation,
  type ComputedIndicator,
  type ComputedValue,
  type Dec,
  type MeasureKind,
  type ProfileComparison,
  type RuleId,
  type ScoreBasis,
  type ScoringProfile,
} from "../domain";
import type { ProjectSummary } from "../domain/projects/summary";

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
  /** How the suggestion was reached: met, proportional, overAchievement, band, entered, unscorable. */
  basis: ScoreBasis;
  /** The profile's rule that made the suggestion (null where none did), in words, and where it comes from. */
  rule: RuleId | null;
  ruleText: string | null;
  ruleBasis: string | null;
  note: string;
}

/** A rule of `profile` as JSON: its id, in words, and its basis ("依据：…"); nulls where there is no rule. */
export function ruleJson(profile: ScoringProfile, rule: RuleId | null) {
  return {
    rule,
    ruleText: rule === null ? null : ruleText(profile, rule),
    ruleBasis: rule === null ? null : basisText(profile, rule),
  };
}

export function indicatorJson(indicator: ComputedIndicator, profile: ScoringProfile): IndicatorJson {
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
    // A qualitative row is judged only for budget texts (控制在预算内 against 未超支); otherwise null.
    met:
      completion.kind === "qualitative"
        ? (completion.met ?? null)
        : completion.kind === "unscorable"
          ? null
          : completion.met,
    completion:
      completion.kind === "quantitative"
        ? { value: rateValueText(completion.rate), display: formatRate(completion.rate) }
        : null,
    weight: amount(indicator.weight),
    enteredScore: amount(indicator.entered),
    suggestedScore: amount(indicator.suggested),
    basis: indicator.basis,
    ...ruleJson(profile, indicator.rule),
    note: indicator.note,
  };
}

/** The JSON printed by `jxzp compute --json`: 附件2's computation, and each project's (附件3) when given. */
export function computationJson(computation: Computation, projects: readonly ProjectSummary[] = []) {
  return {
    profile: profileKey(computation.profile),
    computed: Object.fromEntries(computation.values.map((value) => [value.key, valueJson(value)])),
    indicators: computation.indicators.map((indicator) => indicatorJson(indicator, computation.profile)),
    problems: computation.problems,
    projects: projects.map(projectJson),
  };
}

/**
 * One project (附件3-n) as JSON: its name and sheet, whether it is blank, its computed values by the project's
 * keys ("projects[2].total"), 总分 and 等次 when they may be stated, its indicators as 附件2's are.
 */
export function projectJson(project: ProjectSummary) {
  const { computation } = project;
  return {
    slot: project.slot,
    sheet: project.sheet,
    name: project.name,
    blank: project.blank,
    computed: Object.fromEntries(project.values.map((value) => [value.key, valueJson(value)])),
    total: project.total === null ? null : formatAmount(project.total),
    grade: project.grade,
    totalStatus: project.blank ? null : computation.totalStatus,
    provisional: project.provisional,
    indicators: computation.indicators.map((indicator) => indicatorJson(indicator, computation.profile)),
    problems: project.problems,
  };
}

const amountJson = (value: Dec | null) => (value ? formatAmount(value) : null);

/** The JSON printed by `jxzp compute --profile a,b --json`: the comparison, each rule with its words and basis. */
export function comparisonJson(comparison: ProfileComparison) {
  const profiles = comparison.columns.map((column) => column.profile);
  return {
    profiles: profiles.map((profile) => profileKey(profile)),
    columns: comparison.columns.map((column) => ({
      profile: profileKey(column.profile),
      name: column.profile.name,
      executionScore: amountJson(column.executionScore),
      total: formatAmount(column.total),
      grade: column.grade,
      suggestedTotal: formatAmount(column.suggestedTotal),
      suggestedGrade: column.suggestedGrade,
      rules: {
        executionRate: ruleJson(column.profile, "executionRate"),
        totalCaps: ruleJson(column.profile, "totalCaps"),
        grades: ruleJson(column.profile, "grades"),
      },
      problems: column.computation.problems,
    })),
    rows: comparison.rows.map((row) => ({
      row: row.row,
      name: row.name,
      weight: amountJson(row.weight),
      enteredScore: amountJson(row.entered),
      scores: row.scores.map((score, i) => ({
        profile: profiles[i]!.id,
        suggestedScore: amountJson(score.suggested),
        ...ruleJson(profiles[i]!, score.rule),
        note: score.note,
      })),
    })),
  };
}
