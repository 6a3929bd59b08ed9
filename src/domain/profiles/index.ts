/**
 * Scoring profiles (SPEC §5, §12) as data: one file per profile in data/, read through one schema
 * (schema.ts), each rule with its source. `national` is the default. A bureau's own file is read the same
 * way (`parseProfileFile`) and passed as the profile itself wherever a profile is chosen.
 */
import hebei from "./data/hebei.json";
import jiangxi from "./data/jiangxi.json";
import national from "./data/national.json";
import platform80 from "./data/platform-80.json";
import platform from "./data/platform.json";
import suining from "./data/suining.json";
import yueyang from "./data/yueyang.json";
import { customLabel, parseCustomLabel, profileHash } from "./custom";
import { profileSchema, type ProfileFile } from "./schema";

export { profileSchema, RULE_IDS, type ProfileFile, type RuleId } from "./schema";

export type ScoringProfile = ProfileFile;
export type QualitativeBand = ScoringProfile["qualitativeBands"][number];
export type QualitativeBandId = QualitativeBand["id"];
export type GradeBand = ScoringProfile["grades"][number];
export type TotalCap = ScoringProfile["totalCaps"][number];
export type ScoreInflation = NonNullable<ScoringProfile["scoreInflation"]>;

/** The shipped profiles, in the order users see them. A broken file fails every test at once. */
export const PROFILES: Readonly<Record<string, ScoringProfile>> = Object.fromEntries(
  [national, platform, platform80, hebei, jiangxi, suining, yueyang].map((data) => {
    const profile = profileSchema.parse(data);
    return [profile.id, profile];
  }),
);

/**
 * Whether `profile` is one of the shipped profiles, by content: a copy that crossed to a worker thread is
 * still the shipped profile; a bureau's file with a shipped id but other rules is not.
 */
/** How outputs name a profile: a shipped one by its id, a custom one by its label (name and content hash). */
export function profileKey(profile: ScoringProfile): string {
  return isShippedProfile(profile) ? profile.id : customLabel(profile);
}

export function isShippedProfile(profile: ScoringProfile): boolean {
  const shipped = Object.hasOwn(PROFILES, profile.id) ? PROFILES[profile.id] : undefined;
  return shipped !== undefined && (shipped === profile || profileHash(shipped) === profileHash(profile));
}

export type ProfileId = string;
export const DEFAULT_PROFILE: ProfileId = "national";
export const PROFILE_IDS: readonly ProfileId[] = Object.keys(PROFILES);

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
  if (!wanted) return PROFILES[DEFAULT_PROFILE]!;
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
  /**
   * Why the workbook's saved 评分口径 was not used, in Chinese: it names no profile we know, or a custom
   * profile whose file was not given, or one whose file differs from the one given. Null when it was used
   * (or the caller's choice agrees with it).
   */
  readonly savedProblem: string | null;
}

/**
 * The profile a workbook is evaluated with: the caller's choice (which must be known; a custom profile is
 * passed as the profile itself), else the one saved in the workbook, else the default.
 */
export function resolveProfile(saved: string | null | undefined, override?: ProfileChoice): ResolvedProfile {
  const chosen = override !== undefined ? getProfile(override) : null;
  const custom = parseCustomLabel(saved);
  const fromWorkbook = custom ? null : findProfile(saved);
  const profile = chosen ?? fromWorkbook ?? PROFILES[DEFAULT_PROFILE]!;
  let savedProblem: string | null = null;
  if (custom) {
    const given = isShippedProfile(profile) ? null : profileHash(profile);
    if (given === null)
      savedProblem =
        `${PROFILE_WORD}「${saved}」是自定义口径，需要它的口径文件` +
        `（jxzp … --profile-file 文件，或在任务窗格/网页中选择文件）；现按“${profile.name}”校验`;
    else if (given !== custom.hash)
      savedProblem = `${PROFILE_WORD}「${saved}」与给出的口径文件（${profile.name}，${given}）内容不同：按给出的文件校验`;
  } else if (fromWorkbook === null) {
    savedProblem = `${PROFILE_WORD}「${saved}」不认识，按“${profile.name}”校验（可选：${profileNames()}）`;
  }
  return { profile, savedProblem };
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

export { basisText, ruleRef, ruleText, type RuleRef } from "./rules";
export { customLabel, parseCustomLabel, parseProfileFile, profileHash, type ProfileFileResult } from "./custom";
