/** The validator's vocabulary: findings, rules and what every rule is given. */
import type { Computation } from "../compute";
import type { CellKind, Role } from "../contract";
import type { WorkbookModel } from "../model";
import { PROFILES, type ScoringProfile } from "../profiles";
import type { PublishedValue } from "../published";

export type Severity = "error" | "warning" | "info";

/** Most severe first: findings are listed in this order. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** How the CLI, the report and the summary name a severity (the pane has its own, with English). */
export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告", info: "提示" };

/** A safe correction the user may apply after confirming. */
export type Fix =
  /** Write this number in place of the text that spells it. */
  | { readonly kind: "number"; readonly value: number }
  /** Write this text (the same text without stray spaces). */
  | { readonly kind: "text"; readonly value: string }
  /** Put the template's formula back where a value was typed over it. */
  | { readonly kind: "formula"; readonly formula: string };

export interface Finding {
  /** Stable rule id, e.g. "sum.threePublic". */
  readonly rule: string;
  readonly severity: Severity;
  /**
   * The model path of the cell concerned: "basic.threePublic.total.final",
   * "eval.indicators[12].score" (rows from 1).
   */
  readonly key: string;
  /** Plain Chinese, with the numbers. */
  readonly message: string;
  /** The message's numbers as data, formatted as the tables show them ("38.67"), for the pane, report and batch. */
  readonly params?: Readonly<Record<string, string | number>>;
  readonly fix?: Fix;
  /** The reason a user gave for a warning (已说明的提示); such a warning is no longer open. */
  readonly acknowledged?: string;
  /** The profile rule behind the finding's numbers and its source ("按“全国通用”：… 依据：…"), where one is. */
  readonly basis?: string;
}

/** A cell as the workbook holds it, for the checks that the model cannot see (text stored in a number cell …). */
export interface CellFact {
  readonly key: string;
  readonly kind: Exclude<CellKind, "table">;
  readonly role: Role;
  /** What the cell shows: number, string, boolean, null, or { error } for #DIV/0! and the like. */
  readonly value: unknown;
  /** The cell's formula ("=…") when it has one; null for a constant or an unknown formula. */
  readonly formula: string | null;
  /** The template's formula for this cell, for computed cells. */
  readonly expectedFormula: string | null;
}

/** A cell whose value the model could not take (wrong type): the adapter reports it, the model holds null. */
export interface CellProblem {
  readonly key: string;
  readonly message: string;
}

/**
 * A cell or triple whose defined name is missing or unusable (#REF!, a sheet that is gone): the adapter
 * read it where the template puts it.
 */
export interface NameFallback {
  readonly key: string;
  /** The workbook's defined name, e.g. 自评_全年预算数. */
  readonly name: string;
  readonly label: string;
  /** The place read instead: the template's sheet and address (a range for a triple). */
  readonly sheet: string;
  readonly address: string;
}

export interface RuleContext {
  readonly model: WorkbookModel;
  readonly computation: Computation;
  readonly profile: ScoringProfile;
  /** Year N of the tables (附件1's, else 附件2's), for labels such as 2024年决算数. */
  readonly year: number | null;
  readonly cells: readonly CellFact[];
  readonly problems: readonly CellProblem[];
  /** Cells read where the template puts them, their defined name missing or unusable (names.fallback). */
  readonly fallbacks: readonly NameFallback[];
  /** Every computed cell the workbook states a value for, compared with the computation (published.ts). */
  readonly published: readonly PublishedValue[];
}

/** Warnings that ask for a repair (安装模板), not for a reason: they cannot be explained away. */
const REPAIRS: ReadonlySet<string> = new Set(["names.fallback"]);

/**
 * Only a warning can be explained (已说明的提示) and so stop counting; an error must be corrected, and a
 * broken name repaired.
 */
export const canExplain = (finding: Pick<Finding, "severity" | "rule">): boolean =>
  finding.severity === "warning" && !REPAIRS.has(finding.rule);
export const CANNOT_EXPLAIN = "只有警告可以说明；错误须更正，失效的名称须按「安装模板」修复";

export type Draft = Omit<Finding, "rule" | "severity" | "acknowledged">;

/**
 * A rule's severity: one for every 评分口径, or one the profile decides (SPEC §12: score inflation is a
 * warning under the platform's rules and an info under the national ones).
 */
export type RuleSeverity = Severity | ((profile: ScoringProfile) => Severity);

export interface Rule {
  readonly id: string;
  readonly severity: RuleSeverity;
  /** What the rule checks, in Chinese (for lists of rules and the JSON). */
  readonly title: string;
  check(context: RuleContext): Iterable<Draft>;
}

export const rule = (id: string, severity: RuleSeverity, title: string, check: Rule["check"]): Rule => ({
  id,
  severity,
  title,
  check,
});

/** The severity of a rule's findings under a profile. */
export const severityUnder = (rule: Pick<Rule, "severity">, profile: ScoringProfile): Severity =>
  typeof rule.severity === "function" ? rule.severity(profile) : rule.severity;

/** Every severity a rule can give under the known profiles, most severe first (for lists of rules). */
export function severitiesOf(rule: Pick<Rule, "severity">): Severity[] {
  const all = new Set(Object.values(PROFILES).map((profile) => severityUnder(rule, profile)));
  return [...all].sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]);
}
