/**
 * Excel's raw argument values → typed values, once for every JXZP function. Each parameter has a kind;
 * `coerce` reads a value of that kind or refuses it with a Chinese message that names the parameter by
 * its Chinese name ("全年执行数应为数字，实际为「abc」"), so no implementation checks its own arguments.
 */
import { Dec, decimalProblemText, excerpt, normaliseNumberText, readDecimal } from "../domain/decimal";
import {
  findBand,
  findProfile,
  parseCustomLabel,
  parseProfileFile,
  PROFILE_WORD,
  getProfile,
  unknownProfileMessage,
  type QualitativeBand,
  type ScoringProfile,
} from "../domain/profiles";
import { NOT_APPLICABLE } from "../domain/rates";
import { MAX_WEIGHT } from "../domain/scoring";

export type FunctionErrorCode = "invalidValue" | "notAvailable";

/** A bad argument: becomes a CustomFunctions.Error in Excel, a message on the command line. */
export class FunctionInputError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FunctionInputError";
  }
}

/** Excel's error values for our error codes. */
export const EXCEL_ERROR_TEXT: Record<FunctionErrorCode, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
};

/** What a cell shows: a number, or text such as 不适用 (which SUM and friends ignore). */
export type CellResult = number | string;

export const invalid = (message: string) => new FunctionInputError("invalidValue", message);

/** Empty cells arrive as null or "" (an omitted optional argument as null or undefined). */
export const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** What a parameter of each kind is once coerced. */
export interface ArgumentTypes {
  /** Any finite number: JS numbers as they are, text numbers (also full-width) read exactly. */
  number: number | Dec;
  /** A non-negative number: an amount (万元) or a headcount. */
  amount: number | Dec;
  /** A 分值: 0 to 100. */
  weight: Dec;
  /** A non-negative score that may be missing: empty or 不适用 give null. */
  score: Dec | null;
  /** A rate (a fraction) that may be missing: empty or 不适用 give null. */
  rate: number | Dec | null;
  /** 年度指标值 or 实际完成值: its text, or the number a cell holds (0.97 from a cell showing 97%). */
  measure: string | number;
  /** Optional text (an indicator's name or level): empty gives null. */
  text: string | null;
  /** A qualitative band of the function's scoring profile (达成, 2 …); empty gives null. */
  band: QualitativeBand | null;
  /** A scoring profile by id or Chinese name; empty gives the default. */
  profile: ScoringProfile;
  /** The numbers of a range row by row, empty cells skipped; null when the argument is empty. */
  range: readonly Dec[] | null;
}

export type ArgumentKind = keyof ArgumentTypes;

/** "实际为「abc」" or "实际为 true"; a long text cut short, so that a hostile cell never floods a message. */
function shown(value: unknown): string {
  return typeof value === "string" ? `「${excerpt(value)}」` : ` ${String(value)}`;
}

/**
 * A number within decimal.ts's MAGNITUDE: NaN, ±Infinity, 1e308, 5e-324 and "1e9000000000000000" are
 * refused here, so that no rate or score computed from the arguments can leave what a cell holds.
 */
function numberArg(value: unknown, label: string): number | Dec {
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "string") {
    const read = readDecimal(typeof value === "number" ? value : normaliseNumberText(value.normalize("NFKC")));
    if ("dec" in read) return typeof value === "number" ? value : read.dec;
    if (read.problem !== "notNumber")
      throw invalid(`${label}${decimalProblemText(read.problem)}，实际为${shown(value)}`);
  }
  throw invalid(isEmpty(value) ? `${label}未填写` : `${label}应为数字，实际为${shown(value)}`);
}

/** 年度指标值 or 实际完成值: its text, or a number within bounds (a cell's 0.97 for 97%). */
function measureArg(value: unknown, label: string): string | number {
  if (typeof value !== "number") return isEmpty(value) ? "" : String(value);
  numberArg(value, label);
  return value;
}

function amountArg(value: unknown, label: string): number | Dec {
  const amount = numberArg(value, label);
  if (typeof amount === "number" ? amount < 0 : amount.isNegative())
    throw invalid(`${label}不能为负数，实际为 ${excerpt(amount.toString())}`);
  return amount;
}

function weightArg(value: unknown, label: string): Dec {
  const weight = new Dec(amountArg(value, label).toString());
  if (weight.greaterThan(MAX_WEIGHT)) throw invalid(`${label}不能大于 ${MAX_WEIGHT}，实际为 ${weight.toString()}`);
  return weight;
}

const missing = (value: unknown) => isEmpty(value) || value === NOT_APPLICABLE;

/** Custom profiles read from cells, by their text: a sheet of rows passes the same cell to every call. */
const customProfiles = new Map<string, ScoringProfile | string>();

/**
 * A custom profile reaches the functions through the workbook: a cell holding its file's JSON (what
 * 选择口径文件 keeps), passed as the profile argument. Read once per distinct text.
 */
function customProfileArg(text: string): ScoringProfile {
  let read = customProfiles.get(text);
  if (read === undefined) {
    const parsed = parseProfileFile(text, `自定义${PROFILE_WORD}`);
    read = "profile" in parsed ? parsed.profile : parsed.problems[0]!;
    if (customProfiles.size >= 16) customProfiles.clear();
    customProfiles.set(text, read);
  }
  if (typeof read === "string") throw invalid(excerpt(read, 200));
  return read;
}

/** The message names the parameter by the product's word for it, 评分口径 (PROFILE_WORD). */
function profileArg(value: unknown): ScoringProfile {
  const text = isEmpty(value) ? null : String(value);
  if (text?.trim().startsWith("{")) return customProfileArg(text);
  // A workbook whose 评分口径 names a custom profile (「某市口径（自定义 1a2b3c4d）」) hands the helper columns
  // that label; the file itself is not in the workbook, so they suggest under the default profile rather
  // than go blank (校验 says the file is needed).
  if (parseCustomLabel(text)) return getProfile();
  const profile = findProfile(text);
  if (!profile) throw invalid(unknownProfileMessage(excerpt(String(value))));
  return profile;
}

function bandArg(value: unknown, label: string, profile: ScoringProfile): QualitativeBand | null {
  if (isEmpty(value)) return null;
  const band = findBand(profile, value);
  if (band) return band;
  const choices = profile.qualitativeBands.map((b, i) => `${b.id}（${i + 1}）`).join("、");
  throw invalid(`${label}「${excerpt(String(value))}」无法识别，可选：${choices}`);
}

/** A range's cells are named after it: the cells of 得分区域 are "得分第2行第1列". */
function rangeArg(value: unknown, label: string): readonly Dec[] | null {
  if (isEmpty(value)) return null;
  const cell = label.replace(/区域$/, "");
  // Excel passes rectangles; the CLI may pass anything: a scalar, a flat list, ragged rows.
  const rows = (Array.isArray(value) ? value : [value]).map((row) => (Array.isArray(row) ? row : [row]));
  const values: Dec[] = [];
  rows.forEach((row, r) =>
    row.forEach((item, c) => {
      if (!isEmpty(item)) values.push(new Dec(numberArg(item, `${cell}第${r + 1}行第${c + 1}列`).toString()));
    }),
  );
  return values;
}

type Coercion<K extends ArgumentKind> = (value: unknown, label: string, profile: ScoringProfile) => ArgumentTypes[K];

const COERCIONS: { readonly [K in ArgumentKind]: Coercion<K> } = {
  number: numberArg,
  amount: amountArg,
  weight: weightArg,
  score: (value, label) => (missing(value) ? null : new Dec(amountArg(value, label).toString())),
  rate: (value, label) => (missing(value) ? null : numberArg(value, label)),
  measure: measureArg,
  text: (value) => (isEmpty(value) ? null : String(value).trim()),
  band: bandArg,
  profile: profileArg,
  range: rangeArg,
};

/** Every kind, for tests that go through them all. */
export const ARGUMENT_KINDS = Object.keys(COERCIONS) as readonly ArgumentKind[];

/** Kinds Excel passes as a range (metadata dimensionality "matrix"); all others are single values. */
export const MATRIX_KINDS: ReadonlySet<ArgumentKind> = new Set<ArgumentKind>(["range"]);

/**
 * Excel's value for a parameter of `kind` as its typed value, or a FunctionInputError naming the
 * parameter by `label`. A band is one of `profile`'s bands (the default profile's when not given).
 */
export function coerce<K extends ArgumentKind>(
  kind: K,
  value: unknown,
  label: string,
  profile: ScoringProfile = getProfile(),
): ArgumentTypes[K] {
  return (COERCIONS[kind] as Coercion<K>)(value, label, profile);
}
