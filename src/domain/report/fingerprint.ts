/**
 * The fingerprint of a workbook's data: SHA-256 of the canonical JSON of its model (附件1, 附件2, every project's
 * 附件3, 报告文字 and the review settings; keys sorted, decimals as their exact text, no $schema) together with
 * the scoring profile used. The same data
 * gives the same fingerprint whatever file or layout holds it. Web Crypto
 * (globalThis.crypto.subtle) runs in Node 20 and in the task pane alike.
 */
import { sha256 } from "@noble/hashes/sha2";
import type { WorkbookModel } from "../model";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") return (value as { toJSON(): unknown }).toJSON();
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => k !== "$schema")
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The data and the scoring profile it was evaluated with (the same data scores differently under another). */
export function canonicalJson(model: WorkbookModel, profile: string): string {
  return JSON.stringify(canonical({ model, profile }));
}

/**
 * SHA-256 of the canonical JSON, hex. Web Crypto where there is one; a page served over plain http on an
 * intranet is not a secure context and has none, so there @noble/hashes (audited) gives the same digest.
 */
export async function fingerprintOf(model: WorkbookModel, profile: string): Promise<string> {
  const data = new TextEncoder().encode(canonicalJson(model, profile));
  const digest = globalThis.crypto?.subtle
    ? new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", data))
    : sha256(data);
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}
