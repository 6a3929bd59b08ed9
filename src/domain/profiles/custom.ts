/**
 * A bureau's own profile file: read through the same schema as the shipped ones, with Chinese errors that
 * name the field; and the label a workbook keeps for it (name and content hash), so a workbook scored
 * under a custom profile says which one, and a different file with the same name is noticed.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import type { z } from "zod";
import { profileSchema } from "./schema";
import type { ScoringProfile } from "./index";

export type ProfileFileResult = { readonly profile: ScoringProfile } | { readonly problems: readonly string[] };

const fieldOf = (path: ReadonlyArray<PropertyKey>) =>
  path.length === 0
    ? "（整个文件）"
    : path
        .map((p) => (typeof p === "number" ? `[${p + 1}]` : `.${String(p)}`))
        .join("")
        .replace(/^\./, "");

function problemText(issue: z.core.$ZodIssue): string {
  const field = fieldOf(issue.path);
  if ("input" in issue && issue.input === undefined && issue.code !== "custom") return `${field}：缺少这一项`;
  if (issue.code === "unrecognized_keys") return `${field}：不认识的项 ${issue.keys.join("、")}`;
  return `${field}：${issue.message}`;
}

/** Reads a profile file's text (JSON). `file` names it in the messages. */
export function parseProfileFile(text: string, file: string): ProfileFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { problems: [`${file} 不是有效的 JSON：${(error as Error).message}`] };
  }
  const parsed = profileSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return { profile: parsed.data };
  return { problems: parsed.error.issues.map((issue) => `${file}：${problemText(issue)}`) };
}

/** The first 8 hex digits of the SHA-256 of the profile as parsed (key order and spacing do not count). */
export function profileHash(profile: ScoringProfile): string {
  return bytesToHex(sha256(new TextEncoder().encode(canonical(profile)))).slice(0, 8);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** What a workbook keeps in 评分口径 for a custom profile: "某市口径（自定义 1a2b3c4d）". */
export function customLabel(profile: ScoringProfile): string {
  return `${profile.name}（自定义 ${profileHash(profile)}）`;
}

const CUSTOM_LABEL = /^(.*)（自定义 ([0-9a-f]{8})）$/;

/** The name and hash of a saved custom label; null for anything else. */
export function parseCustomLabel(saved: string | null | undefined): { name: string; hash: string } | null {
  const match = CUSTOM_LABEL.exec(saved?.trim() ?? "");
  return match ? { name: match[1]!, hash: match[2]! } : null;
}
