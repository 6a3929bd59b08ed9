/**
 * One workbook under several profiles side by side (jxzp compute --profile a,b; the pane's and the page's
 * 口径对比): 总分 and 等次 under each, from the scores entered and from the scores each profile suggests —
 * what a department's 财政局 would give — and the rows whose suggested score differs, each with the rule that
 * made it. Computed by compute(); nothing here scores.
 */
import { compute, type Computation } from "./compute";
import { Dec, roundAmount } from "./decimal";
import type { WorkbookModel } from "./model";
import { getProfile, type ProfileChoice, type RuleId, type ScoringProfile } from "./profiles";
import { gradeOf, totalScore } from "./scoring";

export interface ProfileColumn {
  readonly profile: ScoringProfile;
  readonly computation: Computation;
  /** 执行率得分 under this profile. */
  readonly executionScore: Dec | null;
  /** 总分 and 等次 from the entered 得分 (capped as the profile caps). */
  readonly total: Dec;
  readonly grade: string;
  /** 总分 and 等次 with each row scored as the profile suggests (the entered 得分 where it suggests none). */
  readonly suggestedTotal: Dec;
  readonly suggestedGrade: string;
}

export interface DifferingRow {
  /** 1-based row of 绩效指标. */
  readonly row: number;
  readonly name: string | null;
  readonly weight: Dec | null;
  readonly entered: Dec | null;
  /** Per profile, in the order asked: the suggested score, the rule and its note. */
  readonly scores: ReadonlyArray<{
    readonly suggested: Dec | null;
    readonly rule: RuleId | null;
    readonly note: string;
  }>;
}

export interface ProfileComparison {
  readonly columns: readonly ProfileColumn[];
  readonly rows: readonly DifferingRow[];
}

const same = (a: Dec | null, b: Dec | null) => (a === null ? b === null : b !== null && a.equals(b));

export function compareProfiles(model: WorkbookModel, choices: readonly ProfileChoice[]): ProfileComparison {
  const columns = choices.map((choice): ProfileColumn => {
    const profile = getProfile(choice);
    const computation = compute(model, profile);
    const execution = computation.values.find((v) => v.key === "eval.funds.score");
    const executionScore = execution?.type === "amount" ? execution.amount : null;
    const suggested = totalScore(
      executionScore,
      computation.indicators.map((i) => i.suggested ?? i.entered),
      computation.executionRate,
      profile,
    );
    return {
      profile,
      computation,
      executionScore,
      total: computation.total.total,
      grade: computation.grade,
      suggestedTotal: roundAmount(suggested.total),
      suggestedGrade: gradeOf(suggested.total, profile),
    };
  });
  const rows: DifferingRow[] = [];
  model.eval.indicators.forEach((row, i) => {
    const scores = columns.map(({ computation }) => computation.indicators[i]!);
    if (scores.every((s) => same(s.suggested, scores[0]!.suggested))) return;
    rows.push({
      row: i + 1,
      name: row.name,
      weight: row.weight,
      entered: row.score,
      scores: scores.map((s) => ({ suggested: s.suggested, rule: s.rule, note: s.note })),
    });
  });
  return { columns, rows };
}
