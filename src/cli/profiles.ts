/**
 * Scoring profiles (评分口径) on the command line: --profile (a shipped profile by id or Chinese name; for
 * compute a comma-separated list to compare), --profile-file (a bureau's own profile file, read through the
 * profiles' one schema), and the words the CLI uses for a profile and its rules.
 */
import {
  customLabel,
  findProfile,
  parseProfileFile,
  isShippedProfile,
  unknownProfileMessage,
  type RuleId,
  type ScoringProfile,
} from "../domain";
import { InputError } from "./errors";
import { inputName, readInput } from "./read-file";
import { isA, isText, sniff } from "./sniff";
import { STDIO, type CliIo } from "./io";

/** A profile file is a few kB; anything near this is not one. */
const PROFILE_FILE_BYTES = 1024 * 1024;

/** A short Chinese name for each rule, as `jxzp profile show` lists them. */
export const RULE_NAMES: Readonly<Record<RuleId, string>> = {
  executionRate: "执行率得分",
  proportional: "比例记分",
  lessIsBetter: "越低越好的指标",
  zeroTarget: "指标值为 0 的指标",
  qualitativeBands: "定性指标三档",
  overAchievement: "超额完成与指标偏离",
  totalCaps: "总分封顶",
  grades: "等次",
  threePublicChange: "三公经费变动率",
  scoreInflation: "得分虚高",
};

/** Whether `profile` is one of the shipped profiles (a custom one is a parsed file). */
export const isShipped = (profile: ScoringProfile): boolean => isShippedProfile(profile);

/** How a profile is named in output: a shipped one by its name, a custom one as a workbook keeps it. */
export const profileLabel = (profile: ScoringProfile): string =>
  isShipped(profile) ? profile.name : customLabel(profile);

/** The items of a --profile list: "national,platform", "全国通用，预算管理一体化平台", "a、b". */
const splitList = (value: string) =>
  value
    .split(/[,，、]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");

/**
 * The shipped profiles a --profile value names, in order: one unless `list` (compute compares several).
 * Throws InputError (Chinese) for an unknown, repeated or extra one.
 */
export function parseProfileList(value: string, list: boolean): ScoringProfile[] {
  const parts = splitList(value);
  if (parts.length === 0) throw new InputError(unknownProfileMessage(value));
  if (parts.length > 1 && !list)
    throw new InputError(
      `只能给一个评分口径，实际为「${value}」（对比几种口径用 jxzp compute 模型.json --profile national,platform）`,
    );
  const profiles: ScoringProfile[] = [];
  for (const part of parts) {
    const found = findProfile(part);
    if (!found) throw new InputError(unknownProfileMessage(part));
    if (profiles.includes(found)) throw new InputError(`评分口径「${part}」重复：每种口径只列一次`);
    profiles.push(found);
  }
  return profiles;
}

/** The text of a profile file (`-`: standard input), or an InputError saying what was given instead. */
function readProfileText(file: string, io: CliIo): string {
  const bytes = readInput(file, io, PROFILE_FILE_BYTES);
  const name = inputName(file);
  const content = sniff(bytes);
  if (!isText(content.kind))
    throw new InputError(`${name} ${isA(content)}，不是评分口径文件：口径文件是 JSON（格式见 jxzp profile schema）`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text =
    buffer[0] === 0xff && buffer[1] === 0xfe ? buffer.subarray(2).toString("utf16le") : buffer.toString("utf8");
  return text.replace(/^\uFEFF/, "");
}

/**
 * A profile file read and checked: the profile, or the Chinese problems of a file that is JSON but not a
 * profile (each naming the file and the field). A file that cannot be read or is not JSON is an InputError.
 */
export function readProfileFile(
  file: string,
  io: CliIo,
): { profile: ScoringProfile } | { problems: readonly string[] } {
  const text = readProfileText(file, io);
  const name = inputName(file);
  try {
    JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${name}：不是有效的 JSON（${(error as Error).message}），口径文件的格式见 jxzp profile schema`,
    );
  }
  return parseProfileFile(text, name);
}

/** A --profile-file given to a command: the profile, or exit 2 with every problem of the file. */
export function loadProfileFile(file: string, io: CliIo): ScoringProfile {
  const read = readProfileFile(file, io);
  if ("profile" in read) return read.profile;
  const hint = file === STDIO ? "" : `，逐项说明见 jxzp profile check ${file}`;
  throw new InputError(
    `评分口径文件 ${inputName(file)} 有 ${read.problems.length} 处问题${hint}：\n` +
      read.problems.map((problem) => `  ${problem}`).join("\n"),
  );
}

export interface ProfileOptions {
  profile?: string;
  profileFile?: string;
}

/**
 * The profile a command was given: --profile-file (a custom profile, passed to the use case as the profile
 * itself), else --profile, else undefined (the workbook's own, or the default). `inputs` are the command's
 * input files: a profile file cannot come from standard input when one of them does too. (--profile with
 * --profile-file is refused by Commander before this: usage.ts.)
 */
export function chosenProfile(
  options: ProfileOptions,
  io: CliIo,
  inputs: readonly string[] = [],
): ScoringProfile | undefined {
  if (options.profileFile !== undefined) {
    if (options.profileFile === STDIO && inputs.includes(STDIO))
      throw new InputError("评分口径文件和输入文件不能都从标准输入（-）读取");
    return loadProfileFile(options.profileFile, io);
  }
  return options.profile === undefined ? undefined : parseProfileList(options.profile, false)[0];
}
