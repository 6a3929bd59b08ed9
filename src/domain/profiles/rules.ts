/**
 * Each rule of a profile in words, and where it comes from: what a score, a finding, the CLI, the pane and
 * the report's 评分说明 say when they name the rule that made a number ("依据：…").
 */
import type { RuleId } from "./schema";
import type { ScoringProfile } from "./index";

const percent = (fraction: string) => `${Number((Number(fraction) * 100).toFixed(2))}%`;

/** One sentence: what the rule is in this profile. */
export function ruleText(profile: ScoringProfile, id: RuleId): string {
  switch (id) {
    case "executionRate": {
      const { weight, capped } = profile.executionRate;
      const points = weight === null ? "执行率分值" : `${weight} 分`;
      return `执行率得分 = ${points} × ${capped ? "min(执行率, 100%)" : "执行率（不封顶）"}`;
    }
    case "proportional":
      return "完成年度指标得满分；未完成的，按完成值与指标值的比例记分";
    case "lessIsBetter":
      return profile.lessIsBetter === "ratio"
        ? "越低越好的指标超出指标值时，按 指标值/完成值 的比例记分"
        : "越低越好的指标超出指标值时，按 1 −（完成值 − 指标值）/指标值 记分，达到指标值两倍时为 0";
    case "zeroTarget":
      return profile.zeroTarget === "entered"
        ? "指标值为 0（如 0 起）而未达到时，口径未规定记分方法，保留填报得分并说明原因"
        : "指标值为 0（如 0 起）时，达到得满分，未达到不得分";
    case "qualitativeBands":
      return `定性指标分三档：${profile.qualitativeBands
        .map((band) => `${band.label} ${percent(band.min)}–${percent(band.max)}`)
        .join("，")}`;
    case "overAchievement": {
      const rule = profile.overAchievement;
      if (rule === null) return "超额完成不加减分（提示审视指标值是否偏低）";
      if (rule.method === "penalty")
        return `完成值达到指标值的 ${percent(rule.threshold)} 及以上为指标偏离，扣 ${rule.penalty} 分`;
      const which = rule.level2.length > 0 ? rule.level2.join("、") : "定量指标";
      return `${which}的完成值偏离指标值超过 ${percent(rule.deviation)}（超出或不足）不得分`;
    }
    case "totalCaps":
      return profile.totalCaps.length === 0
        ? "总分不按预算执行率封顶"
        : `总分按预算执行率封顶：${profile.totalCaps
            .map((cap) => `执行率低于 ${percent(cap.executionRateBelow)} 时不超过 ${cap.maxTotal} 分`)
            .join("，")}`;
    case "grades": {
      const grades = profile.grades;
      return `等次：${grades
        .map((band, i) =>
          i === grades.length - 1 ? `${band.grade} < ${grades[i - 1]!.minTotal}` : `${band.grade} ≥ ${band.minTotal}`,
        )
        .join("，")}`;
    }
    case "threePublicChange":
      return profile.threePublicChange === "final"
        ? "三公经费变动率 =（本年决算 − 上年决算）/ 上年决算"
        : "三公经费变动率 =（本年预算 − 上年决算）/ 上年决算（按预算数）";
    case "scoreInflation": {
      const rule = profile.scoreInflation;
      if (rule === null) return "不检查得分虚高";
      return `指标得分率高于预算执行率超过 ${percent(rule.threshold)}（相对）时${rule.severity === "warning" ? "预警" : "提示"}得分虚高`;
    }
  }
}

/** "依据：财预〔2020〕10号（财政部网站…）" — with a note when the source does not state the rule as written. */
export function basisText(profile: ScoringProfile, id: RuleId): string {
  const basis = profile.basis[id];
  const source = profile.sources.find((s) => s.id === basis.source);
  const title = source ? source.title : basis.source;
  const unconfirmed = basis.confirmed ? "" : "（出处未明文规定，为本口径的取舍）";
  const note = basis.note ? `；${basis.note}` : "";
  return `依据：${title}${unconfirmed}${note}`;
}

/** A rule as a score or finding carries it: which rule, in words, and its basis. */
export interface RuleRef {
  readonly profile: string;
  readonly rule: RuleId;
  readonly text: string;
  readonly basis: string;
}

export function ruleRef(profile: ScoringProfile, id: RuleId): RuleRef {
  return { profile: profile.name, rule: id, text: ruleText(profile, id), basis: basisText(profile, id) };
}
