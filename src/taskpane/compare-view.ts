/**
 * 口径对比 as the pane and the page show it: compareProfiles (the domain's) put into words and numbers as
 * the tables print them, so the view is tested without a DOM and the component only lays it out.
 */
import { compareProfiles } from "../domain/compare";
import { formatAmount, type Dec } from "../domain/decimal";
import type { WorkbookModel } from "../domain/model";
import { ruleText, type ScoringProfile } from "../domain/profiles";
import type { Strings } from "./strings";

export interface CompareColumn {
  readonly name: string;
  readonly execution: string;
  /** "98.00 · 优" from the entered 得分; "—" while 得分 are missing (as the pane's total line says nothing). */
  readonly entered: string;
  /** "91.45 · 优" with every row scored as the profile suggests. */
  readonly suggested: string;
}

export interface CompareCell {
  readonly score: string;
  /** The rule in a word or two (empty where no rule made the score). */
  readonly rule: string;
  /** The rule in words and why this score ("…按比例记分。已完成年度指标，得满分"), for the cell's title. */
  readonly detail: string;
}

export interface CompareRow {
  readonly row: number;
  readonly name: string;
  readonly weight: string;
  readonly entered: string;
  /** One per profile, in the columns' order. */
  readonly scores: readonly CompareCell[];
}

export interface CompareView {
  readonly columns: readonly CompareColumn[];
  /** The indicators whose suggested score is not the same under every profile. */
  readonly rows: readonly CompareRow[];
}

const amount = (value: Dec | null) => (value === null ? "—" : formatAmount(value));

export function compareView(
  model: WorkbookModel,
  profiles: ReadonlyArray<{ readonly label: string; readonly profile: ScoringProfile }>,
  strings: Pick<Strings, "ruleNames">,
): CompareView {
  const comparison = compareProfiles(
    model,
    profiles.map((p) => p.profile),
  );
  return {
    columns: comparison.columns.map((column, i) => {
      const { totalStatus } = column.computation;
      const scored = totalStatus === "final" || totalStatus === "provisional";
      return {
        name: profiles[i]!.label,
        execution: amount(column.executionScore),
        entered: scored ? `${formatAmount(column.total)} · ${column.grade}` : "—",
        suggested: `${formatAmount(column.suggestedTotal)} · ${column.suggestedGrade}`,
      };
    }),
    rows: comparison.rows.map((row) => ({
      row: row.row,
      name: row.name ?? `第 ${row.row} 行`,
      weight: amount(row.weight),
      entered: amount(row.entered),
      scores: row.scores.map((score, i) => {
        const profile = comparison.columns[i]!.profile;
        return {
          score: amount(score.suggested),
          rule: score.rule ? strings.ruleNames[score.rule] : "",
          detail: [score.rule ? ruleText(profile, score.rule) : "", score.note].filter(Boolean).join("。"),
        };
      }),
    })),
  };
}
