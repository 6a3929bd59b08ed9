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

/**
 * Score inflation (SPEC §12): the indicator score rate (Σ 得分 / Σ 分值 of the indicators) above the execution
 * rate E (capped at 100 %) by more than `threshold`, relative: (S/Smax − E) / (S/Smax) > threshold.
 */
export interface ScoreInflation {
  /** The relative excess that raises the finding, as decimal text ("0.05" for 5 %). */
  readonly threshold: string;
  /** How loud the finding is under this profile: the platform flags it red, national practice only notes it. */
  readonly severity: "warning" | "info";
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
  /** The score-inflation check; absent where the profile has none. */
  readonly scoreInflation?: ScoreInflation;
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
    // No national rule: the platform's 5 % test, shown as information.
    scoreInflation: { threshold: "0.05", severity: "info" },
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
    // 预算管理一体化 pmkpi: red when (S/90 − E/10) / (S/90) > 5 %.
    scoreInflation: { threshold: "0.05", severity: "warning" },
  },
} as const satisfies Record<string, ScoringProfile>;

export type ProfileId = keyof typeof PROFILES;
export const DEFAULT_PROFILE: ProfileId = "national";
export const PROFILE_IDS = Object.keys(PROFILES) as ProfileId[];

/** What users call a scoring profile, in the workbook, the pane, the CLI and the functions alike. */
export const PROFILE_WORD = "评分口径";

/** A profile given by the caller: the profile itself, or its id or Chinese name. */
export type ProfileChoice = ScoringProfile | string;

/** "national（全国通用）、platform（预算管理一体化平台）": the choices, for messages. */
export function profileChoices(): string {
  return Object.values(PROFILES)
    .map((p) => `${p.id}（${p.name}）`)
    .join("、");
}

/** "全国通用、预算管理一体化平台": the names users pick from. */
export function profileNames(): string {
  return Object.values(PROFILES)
    .map((p) => p.name)
    .join("、");
}

/** "未知的评分口径「mars」，可选：…". */
export function unknownProfileMessage(text: string): string {
  return `未知的${PROFILE_WORD}「${text}」，可选：${profileChoices()}`;
}

export class UnknownProfileError extends RangeError {
  constructor(readonly text: string) {
    super(unknownProfileMessage(text));
    this.name = "UnknownProfileError";
  }
}

/**
 * The one profile resolver: by id ("platform") or Chinese name ("预算管理一体化平台"), spaces trimmed;
 * empty means the default. Null for anything else.
 */
export function findProfile(choice: ProfileChoice | null | undefined): ScoringProfile | null {
  if (typeof choice === "object" && choice !== null) return choice;
  const wanted = choice?.trim();
  if (!wanted) return PROFILES[DEFAULT_PROFILE];
  return Object.values(PROFILES).find((p) => p.id === wanted || p.name === wanted) ?? null;
}

/** Like findProfile, for a choice that must be known: throws UnknownProfileError otherwise. */
export function getProfile(choice?: ProfileChoice | null): ScoringProfile {
  const profile = findProfile(choice);
  if (!profile) throw new UnknownProfileError(String(choice));
  return profile;
}

export interface ResolvedProfile {
  readonly profile: ScoringProfile;
  /** The workbook's saved 评分口径 when it names no profile we know (the default is used instead). */
  readonly unknownSaved: string | null;
}

/**
 * The profile a workbook is evaluated with: the caller's choice (which must be known), else the one
 * saved in the workbook, else the default.
 */
export function resolveProfile(saved: string | null | undefined, override?: ProfileChoice): ResolvedProfile {
  const fromWorkbook = findProfile(saved);
  const unknownSaved = fromWorkbook === null ? String(saved) : null;
  const profile = override !== undefined ? getProfile(override) : (fromWorkbook ?? PROFILES[DEFAULT_PROFILE]);
  return { profile, unknownSaved };
}

/** "优 ≥ 90，良 80–90，中 60–80，差 < 60": a profile's grade thresholds, for messages and help texts. */
export function gradeRuleText(profile: ScoringProfile): string {
  const grades = profile.grades;
  return grades
    .map((band, i) => {
      if (i === 0) return `${band.grade} ≥ ${band.minTotal}`;
      if (i === grades.length - 1) return `${band.grade} < ${grades[i - 1]!.minTotal}`;
      return `${band.grade} ${band.minTotal}–${grades[i - 1]!.minTotal}`;
    })
    .join("，");
}

/** "达成", "1" and "达成年度指标" all pick the first band; null for anything else. */
export function findBand(profile: ScoringProfile, input: unknown): QualitativeBand | null {
  if (input == null) return null;
  const text = String(input).trim();
  if (text === "") return null;
  const index = /^[1-9]$/.test(text) ? Number(text) - 1 : -1;
  return profile.qualitativeBands.find((band, i) => i === index || band.id === text || band.label === text) ?? null;
}
