/**
 * The 评分口径 the panels use, one choice for 校验, 口径对比, 生成报告 (and the page's 批量汇总): a shipped
 * profile, the workbook's own setting, or a bureau's profile file the user picked (kept in the page only:
 * the file is read in the pane or page, nothing is uploaded). Pure helpers and one hook, so the choice can be
 * tested without a DOM.
 */
import { useState } from "react";
import {
  customLabel,
  parseProfileFile,
  profileHash,
  PROFILES,
  type ProfileChoice,
  type ProfileFileResult,
  type ScoringProfile,
} from "../domain/profiles";
import type { ReviewStore } from "../usecases/review-store";

export interface ProfileOption {
  /** The <select>'s value: a shipped profile's id, or "custom:<hash>" for a file (its id may be a shipped one's). */
  readonly value: string;
  /** What the user sees: the shipped name, or the label a workbook keeps for a custom profile. */
  readonly label: string;
  readonly profile: ScoringProfile;
  /** Read from a file the user picked (not shipped). */
  readonly custom: boolean;
}

/** "" in a <select>: as the workbook says (its 评分口径 cell). */
export const FROM_WORKBOOK = "";

export const customValue = (profile: ScoringProfile): string => `custom:${profileHash(profile)}`;

const SHIPPED: readonly ProfileOption[] = Object.values(PROFILES).map((profile) => ({
  value: profile.id,
  label: profile.name,
  profile,
  custom: false,
}));

const customOption = (profile: ScoringProfile): ProfileOption => ({
  value: customValue(profile),
  label: customLabel(profile),
  profile,
  custom: true,
});

/** The option value of a profile a validation used: shipped ones by id, any other by its content. */
export const valueOf = (profile: ScoringProfile): string =>
  PROFILES[profile.id] === profile ? profile.id : customValue(profile);

/** The shipped profiles in their order, then the custom ones in the order they were picked. */
export function profileOptions(customs: readonly ScoringProfile[]): ProfileOption[] {
  return [...SHIPPED, ...customs.map(customOption)];
}

/**
 * The customs with `profile` added. The same content picked again (under any file name) is one profile; a
 * changed file with the same name is another (its hash differs, as the workbook's label would).
 */
export function withCustom(customs: readonly ScoringProfile[], profile: ScoringProfile): ScoringProfile[] {
  const value = customValue(profile);
  return [...customs.filter((p) => customValue(p) !== value), profile];
}

/** What to validate with: undefined for the workbook's own setting (or a value no longer offered). */
export function choiceFor(value: string, options: readonly ProfileOption[]): ProfileChoice | undefined {
  if (value === FROM_WORKBOOK) return undefined;
  return options.find((o) => o.value === value)?.profile;
}

/** A profile file is a few kilobytes; anything this large is not one and is not read into the page. */
export const PROFILE_FILE_BYTES = 1024 * 1024;

/** Reads a picked file as a profile, with the problems in Chinese (parseProfileFile's). */
export async function readProfileFile(file: {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}): Promise<ProfileFileResult> {
  if (file.size > PROFILE_FILE_BYTES)
    return { problems: [`${file.name}：文件过大（${Math.ceil(file.size / 1024)} KB），不是评分口径文件`] };
  return parseProfileFile(await file.text(), file.name);
}

/** Validates with `choice`: a shipped profile's id or name, or a custom profile itself. */
export const runReview = (store: ReviewStore, choice: ProfileChoice | undefined): Promise<void> => store.run(choice);

export interface ProfileSelection {
  /** The <select>'s value (FROM_WORKBOOK or an option's value). */
  readonly value: string;
  readonly options: readonly ProfileOption[];
  readonly choice: ProfileChoice | undefined;
  select(value: string): void;
  /** Adds a profile read from a file and selects it; returns its option. */
  add(profile: ScoringProfile): ProfileOption;
}

/** One selection for the panels of a pane or page (held by App and PageApp, passed down). */
export function useProfileSelection(): ProfileSelection {
  const [value, select] = useState(FROM_WORKBOOK);
  const [customs, setCustoms] = useState<readonly ScoringProfile[]>([]);
  const options = profileOptions(customs);
  return {
    value,
    options,
    choice: choiceFor(value, options),
    select,
    add(profile) {
      setCustoms((current) => withCustom(current, profile));
      const option = customOption(profile);
      select(option.value);
      return option;
    },
  };
}
