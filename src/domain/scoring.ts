/**
 * Scores of SPEC section 5: 执行率得分, each indicator's suggested score, 总分 and 等次, all driven by a
 * scoring profile. Scores are decimals with 2 places, half-up.
 */
import { Dec, roundAmount, toDec } from "./decimal";
import { findBand, getProfile, type QualitativeBand, type RuleId, type ScoringProfile } from "./profiles";
import { ratio, type Rate } from "./rates";
import {
  completionIn,
  directionOf,
  parseMeasure,
  withDirection,
  type Completion,
  type DirectionDecision,
  type IndicatorContext,
  type Measure,
} from "./targets";

export interface ExecutionScore {
  readonly rate: Rate;
  /** 分值 × min(执行率, 100%); null when the rate is 不适用 or 分值 is empty. */
  readonly score: Dec | null;
  /** The 分值 it was scored with: the workbook's, or the one the profile fixes (河北: 20). */
  readonly weight: Dec | null;
}

/**
 * 执行率 = 全年执行数 / 全年预算数 and 执行率得分 = 分值 × min(执行率, 100%) — the profile may fix the 分值
 * and may not cap the rate (rule executionRate).
 */
export function executionScore(
  weight: unknown,
  executed: unknown,
  budget: unknown,
  profile: ScoringProfile = getProfile(),
): ExecutionScore {
  const rate = ratio(executed, budget);
  const rule = profile.executionRate;
  const points = rule.weight !== null ? new Dec(rule.weight) : toDec(weight);
  if (rate.kind !== "value" || points === null) return { rate, score: null, weight: points };
  const scored = rule.capped ? Dec.min(rate.exact, 1) : rate.exact;
  return { rate, score: roundAmount(points.times(scored)), weight: points };
}

export type ScoreBasis =
  /** target met: full weight */
  | "met"
  /** not met: weight × completion */
  | "proportional"
  /** met far beyond the target: weight − penalty (profile rule 指标偏离) */
  | "overAchievement"
  /** qualitative, band chosen: the entered score kept inside the band */
  | "band"
  /** nothing to compute from: the entered score is kept, only its bounds are checked */
  | "entered"
  /** the texts cannot be compared (unit mismatch, unreadable, empty) */
  | "unscorable";

export interface IndicatorScore {
  /** The target as this indicator reads it: `direction` is the one `directionOf` decided (see below). */
  readonly target: Measure;
  readonly actual: Measure;
  readonly completion: Completion;
  /** Which way the indicator is better, and why (its comparator, its name or level, or the default). */
  readonly direction: DirectionDecision;
  readonly suggested: Dec | null;
  /** The band's span in points, for a qualitative indicator with a band. */
  readonly range: { readonly min: Dec; readonly max: Dec } | null;
  readonly band: QualitativeBand | null;
  readonly basis: ScoreBasis;
  /** The profile's rule that made the suggestion; null where none did (entered, unscorable). */
  readonly rule: RuleId | null;
  /** One Chinese sentence explaining the suggestion. */
  readonly note: string;
}

export interface IndicatorInput extends IndicatorContext {
  readonly weight: unknown;
  readonly target: unknown;
  readonly actual: unknown;
  /** The score the user entered (kept where nothing better can be suggested). */
  readonly score?: unknown;
  /** 达成 / 部分达成 / 未达成 (or 1 / 2 / 3) for a qualitative indicator. */
  readonly band?: unknown;
}

const fmt = (value: Dec) => value.toFixed(2);

/** The most points one row can carry: 分值 lies in 0–100, since the whole table totals 100 (SPEC §5). */
export const MAX_WEIGHT = 100;

/** The suggested score of one indicator (SPEC sections 5 and 6). */
export function scoreIndicator(input: IndicatorInput, profile: ScoringProfile): IndicatorScore {
  const parsed = parseMeasure(input.target);
  const actual = parseMeasure(input.actual);
  // The indicator's 一级/二级/三级指标 (level1, level2, name) take part: "项目成本 297.55万元" is a cap.
  const direction = directionOf(input, parsed);
  const target = withDirection(parsed, direction);
  const completion = completionIn(parsed, actual, direction.direction);
  const weight = toDec(input.weight);
  const entered = toDec(input.score);
  const result = (fields: Partial<IndicatorScore> & Pick<IndicatorScore, "basis" | "note">): IndicatorScore => ({
    target,
    actual,
    completion,
    direction,
    suggested: null,
    range: null,
    band: null,
    rule: null,
    ...fields,
  });

  if (weight === null) return result({ basis: "unscorable", note: "分值未填写，无法计算建议得分" });

  switch (completion.kind) {
    case "unscorable":
      return result({ basis: "unscorable", note: completion.reason });
    case "time":
      return completion.met
        ? result({ basis: "met", suggested: weight, rule: "proportional", note: "按期完成，得满分" })
        : result({ basis: "entered", suggested: entered, note: "未按期完成，请按实际情况评分并说明偏差原因" });
    case "qualitative": {
      const band = findBand(profile, input.band);
      // "控制在预算内" answered by "未超支" / "超支5万元": the words decide unless the user picked a band.
      if (!band && completion.met !== undefined) {
        return completion.met
          ? result({ basis: "met", suggested: weight, rule: "proportional", note: `${completion.reason}，得满分` })
          : result({
              basis: "entered",
              suggested: entered,
              note: `${completion.reason}，请按实际情况评分并说明偏差原因`,
            });
      }
      if (!band) {
        return result({
          basis: "entered",
          suggested: entered,
          note: "定性指标未选择评价档次（达成/部分达成/未达成），保留填报得分",
        });
      }
      const range = { min: roundAmount(weight.times(band.min)), max: roundAmount(weight.times(band.max)) };
      const suggested = entered === null ? range.max : Dec.min(Dec.max(entered, range.min), range.max);
      return result({
        basis: "band",
        rule: "qualitativeBands",
        suggested,
        range,
        band,
        note: `${band.label}：得分应在 ${fmt(range.min)}–${fmt(range.max)} 之间`,
      });
    }
    case "quantitative": {
      const { rate } = completion;
      const lessIsBetter = completion.direction === "negative";
      // Say why the indicator is less-is-better when its name or level decided it, not its text.
      const why =
        lessIsBetter && (direction.source === "name" || direction.source === "level") ? `；${direction.why}` : "";
      const deviation = beyondDeviation(profile, input, target, actual);
      if (deviation)
        return result({ basis: "overAchievement", rule: "overAchievement", suggested: new Dec(0), note: deviation });
      if (completion.met) {
        const over = profile.overAchievement;
        // 指标偏离 is a more-is-better rule: beating a cap (实际 well under a ≤ target) is never penalised.
        if (
          over?.method === "penalty" &&
          !lessIsBetter &&
          rate.kind === "value" &&
          rate.exact.greaterThanOrEqualTo(over.threshold)
        ) {
          return result({
            basis: "overAchievement",
            rule: "overAchievement",
            suggested: Dec.max(weight.minus(over.penalty), 0),
            note: `完成率达到指标值的 ${new Dec(over.threshold).times(100).toFixed(0)}% 以上，属指标偏离，扣 ${over.penalty} 分`,
          });
        }
        return result({
          basis: "met",
          rule: lessIsBetter ? "lessIsBetter" : "proportional",
          suggested: weight,
          note: lessIsBetter ? `未超过年度指标值，得满分${why}` : "已完成年度指标，得满分",
        });
      }
      // A "= 0" target (0 起, 0%) missed: no proportion exists (目标/实际 is 0 for any miss).
      if (target.kind === "quantitative" && target.value !== null && target.value.isZero()) {
        return profile.zeroTarget === "allOrNothing"
          ? result({
              basis: "proportional",
              rule: "zeroTarget",
              suggested: new Dec(0),
              note: "指标值为 0 而未达到，不得分",
            })
          : result({
              basis: "entered",
              rule: "zeroTarget",
              suggested: entered,
              note: "指标值为 0 而未达到：口径未规定记分方法，保留填报得分，请说明偏差原因",
            });
      }
      if (rate.kind !== "value") {
        return result({ basis: "entered", suggested: entered, note: "完成率不适用（分母为0），保留填报得分" });
      }
      // Missed, yet the ratio says 100% or more: a strict target (">95%" with 95%) or a negative one (≥ −5%
      // with −10%). The proportional rule does not apply; the score is the user's to give.
      if (rate.exact.greaterThanOrEqualTo(1) || rate.exact.isNegative()) {
        return result({ basis: "entered", suggested: entered, note: "未完成年度指标，且无法按比例计分，保留填报得分" });
      }
      // One division from the measures, rounded once: 3 × 5/24 is 0.625 → 0.63, as Excel rounds it (the
      // rate, already a 40-digit quotient, would give 0.62).
      const [t, a] = [target.value, actual.kind === "quantitative" ? actual.value : null];
      const exact = (numerator: Dec, denominator: Dec) => roundAmount(weight.times(numerator).dividedBy(denominator));
      if (lessIsBetter && profile.lessIsBetter === "linear") {
        // 1 − (实际 − 目标)/目标 = (2·目标 − 实际)/目标; the rate here is 目标/实际.
        const suggested =
          t && a
            ? Dec.max(exact(t.times(2).minus(a), t), 0)
            : roundAmount(weight.times(Dec.max(new Dec(2).minus(new Dec(1).dividedBy(rate.exact)), 0)));
        return result({
          basis: "proportional",
          rule: "lessIsBetter",
          suggested,
          note: `超过年度指标值（越低越好），按超出比例扣分，达到指标值两倍时为 0${why}`,
        });
      }
      return result({
        basis: "proportional",
        rule: lessIsBetter ? "lessIsBetter" : "proportional",
        suggested: t && a ? (lessIsBetter ? exact(t, a) : exact(a, t)) : roundAmount(weight.times(rate.exact)),
        note: lessIsBetter
          ? `超过年度指标值（越低越好），按指标值与完成值的比例记分${why}`
          : "未完成年度指标，按完成值与指标值的比例记分",
      });
    }
  }
}

/**
 * 四川遂宁's rule (overAchievement "zeroBeyond"): a quantitative indicator of the named 二级指标 whose actual
 * lies more than `deviation` from its target, either way, scores 0. The sentence saying so, or null.
 */
function beyondDeviation(
  profile: ScoringProfile,
  input: IndicatorInput,
  target: Measure,
  actual: Measure,
): string | null {
  const rule = profile.overAchievement;
  if (rule?.method !== "zeroBeyond") return null;
  const level2 = String(input.level2 ?? "").trim();
  if (rule.level2.length > 0 && !rule.level2.includes(level2)) return null;
  if (target.kind !== "quantitative" || actual.kind !== "quantitative") return null;
  if (target.value === null || actual.value === null || target.value.isZero()) return null;
  const off = actual.value.minus(target.value).abs().dividedBy(target.value.abs());
  if (!off.greaterThan(rule.deviation)) return null;
  const percent = (value: Dec) => `${value.times(100).toDecimalPlaces(2).toString()}%`;
  return `完成值偏离指标值 ${percent(off)}，超过 ${percent(new Dec(rule.deviation))}，按口径不得分`;
}

export interface TotalScore {
  /** 执行率得分 + Σ 得分, before any cap. */
  readonly raw: Dec;
  /** After the profile's cap by execution rate. */
  readonly total: Dec;
  /** The cap that applied, in points; null when none did. */
  readonly cap: Dec | null;
}

/** 总分 = 执行率得分 + the indicator scores (empty scores count 0, as SUM does), capped by the profile. */
export function totalScore(
  execution: Dec | null,
  scores: ReadonlyArray<Dec | null>,
  executionRate: Rate,
  profile: ScoringProfile,
): TotalScore {
  const raw = roundAmount(scores.reduce<Dec>((sum, score) => (score ? sum.plus(score) : sum), execution ?? new Dec(0)));
  let cap: Dec | null = null;
  if (executionRate.kind === "value") {
    for (const rule of profile.totalCaps) {
      if (executionRate.exact.lessThan(rule.executionRateBelow)) {
        const max = new Dec(rule.maxTotal);
        cap = cap === null ? max : Dec.min(cap, max);
      }
    }
  }
  const total = cap !== null && raw.greaterThan(cap) ? cap : raw;
  return { raw, total, cap: total === raw ? null : cap };
}

/** 等次 of a total, as the profile writes it: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (in the national profile). */
export function gradeOf(total: Dec, profile: ScoringProfile): string {
  // Graded as the table shows the total: 89.995 is 90.00, 优.
  const shown = roundAmount(total);
  const band = profile.grades.find((g) => shown.greaterThanOrEqualTo(g.minTotal));
  return (band ?? profile.grades[profile.grades.length - 1]!).grade;
}
