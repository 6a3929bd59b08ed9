/**
 * Scoring profiles (SPEC section 5) as data. Regions differ in how they score; a profile says how,
 * and the scoring code reads it. `national` is the default.
 */
export type QualitativeBandId = "达成" | "部分达成" | "未达成";

export interface QualitativeBand {
  readonly id: QualitativeBandId;
  readonly label: string;
  /** Share of the weight, as decimal text: the band spans [min, max] × 分值. */
  readonly min: string;
  readonly max: string;
}

export interface TotalCap {
  /** Applies when the execution rate is below this fraction… */
  readonly executionRateBelow: string;
  /** …and caps the total at this many points. */
  readonly maxTotal: string;
}

export interface GradeBand {
  readonly grade: "优" | "良" | "中" | "差";
  /** Lowest total (inclusive) for this grade. */
  readonly minTotal: string;
}

export interface ScoringProfile {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly qualitativeBands: readonly QualitativeBand[];
  /** 指标偏离: completion ≥ threshold loses `penalty` points; null where the profile has no such rule. */
  readonly overAchievement: { readonly threshold: string; readonly penalty: string } | null;
  readonly totalCaps: readonly TotalCap[];
  readonly grades: readonly GradeBand[];
}

const QUALITATIVE_BANDS: readonly QualitativeBand[] = [
  { id: "达成", label: "达成年度指标", min: "0.8", max: "1" },
  { id: "部分达成", label: "部分达成并具有一定效果", min: "0.6", max: "0.8" },
  { id: "未达成", label: "未达成且效果较差", min: "0", max: "0.6" },
];

const GRADES: readonly GradeBand[] = [
  { grade: "优", minTotal: "90" },
  { grade: "良", minTotal: "80" },
  { grade: "中", minTotal: "60" },
  { grade: "差", minTotal: "-Infinity" },
];

export const PROFILES = {
  national: {
    id: "national",
    name: "全国通用",
    description: "财预〔2020〕10号：未完成的按完成值与指标值的比例记分；定性指标按三档评分。",
    qualitativeBands: QUALITATIVE_BANDS,
    overAchievement: null,
    totalCaps: [],
    grades: GRADES,
  },
  platform: {
    id: "platform",
    name: "预算管理一体化平台",
    description: "平台操作手册：实际完成值达到指标值130%及以上为指标偏离，扣2分；总分受预算执行率限制。",
    qualitativeBands: QUALITATIVE_BANDS,
    overAchievement: { threshold: "1.3", penalty: "2" },
    totalCaps: [
      { executionRateBelow: "0.8", maxTotal: "89" },
      { executionRateBelow: "0.7", maxTotal: "79" },
      { executionRateBelow: "0.6", maxTotal: "69" },
      { executionRateBelow: "0.5", maxTotal: "59" },
    ],
    grades: GRADES,
  },
} as const satisfies Record<string, ScoringProfile>;

export type ProfileId = keyof typeof PROFILES;
export const DEFAULT_PROFILE: ProfileId = "national";
export const PROFILE_IDS = Object.keys(PROFILES) as ProfileId[];

export function isProfileId(id: string): id is ProfileId {
  return Object.prototype.hasOwnProperty.call(PROFILES, id);
}

export function getProfile(id: string = DEFAULT_PROFILE): ScoringProfile {
  if (!isProfileId(id)) throw new RangeError(`未知的评分规则「${id}」，可选：${PROFILE_IDS.join("、")}`);
  return PROFILES[id];
}

/** "达成", "1" and "达成年度指标" all pick the first band; null for anything else. */
export function findBand(profile: ScoringProfile, input: unknown): QualitativeBand | null {
  if (input == null) return null;
  const text = String(input).trim();
  if (text === "") return null;
  const index = /^[1-9]$/.test(text) ? Number(text) - 1 : -1;
  return profile.qualitativeBands.find((band, i) => i === index || band.id === text || band.label === text) ?? null;
}
