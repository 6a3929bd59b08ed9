/**
 * Which profile rule stands behind a finding, as "依据：…" (SPEC §12: a finding or score says which profile
 * and which rule produced it). One table: the rules whose numbers come from the profile. The others
 * (sums, required cells, years) are the tables' own logic and carry no basis.
 */
import type { Computation } from "../compute";
import { basisText, getProfile, ruleText, type RuleId, type ScoringProfile } from "../profiles";

/** Findings whose rule is one profile rule, whatever the cell. */
const BY_RULE: Readonly<Record<string, RuleId>> = {
  "score.overAchievement": "overAchievement",
  "score.inflation": "scoreInflation",
  "score.cap": "totalCaps",
};

/**
 * Recomputed cells: the rule behind each cell's formula. The template writes the default profile's formulas,
 * so these are checked, and cited, under the default profile whatever profile scores the workbook.
 */
const BY_KEY: Readonly<Record<string, RuleId>> = {
  "eval.funds.score": "executionRate",
  "eval.grade": "grades",
};

const INDICATOR_ROW = /^eval\.indicators\[(\d+)\]\./;

/** "按“全国通用”：<rule>。依据：…", or undefined when no profile rule made the finding's numbers. */
export function basisOf(
  rule: string,
  key: string,
  computation: Computation,
  profile: ScoringProfile,
): string | undefined {
  const recomputed = rule.startsWith("recomputed.");
  const cited = recomputed ? getProfile() : profile;
  let id: RuleId | null | undefined = recomputed ? BY_KEY[key] : BY_RULE[rule];
  if (!id && rule === "score.suggested") {
    const row = INDICATOR_ROW.exec(key);
    id = row ? computation.indicators[Number(row[1]) - 1]?.rule : undefined;
  }
  if (!id) return undefined;
  return `按“${cited.name}”：${ruleText(cited, id)}。${basisText(cited, id)}`;
}
