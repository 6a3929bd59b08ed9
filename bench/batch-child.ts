/**
 * Run by npm run bench in a child process, so its memory is its own: `summary DIR JOBS` times the
 * real jxzp summary (JSON, no bar); the baselines read the same files: `bare` with exceljs, `sheetjs`
 * with SheetJS (@e965/xlsx, whole workbooks, as it reads), `zlib` only inflates the parts the reader
 * needs (every xl/ part but the theme: a little more than the reader inflates — the floor). Prints one
 * JSON line: ms and peak resident memory (the process and its worker threads).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { runAsync } from "../src/cli/main";
import { openZip } from "../src/workbook/xlsx/zip";

/** The floor: the reader's parts inflated with zlib, nothing parsed (directory read by zip.ts). */
function inflateParts(bytes: Uint8Array): number {
  const zip = openZip(bytes);
  if ("refusal" in zip) return 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflated = 0;
  for (const entry of zip.entries.values()) {
    if (!entry.name.startsWith("xl/") || entry.name.startsWith("xl/theme/") || entry.size === 0) continue;
    const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
    inflated += inflateRawSync(bytes.subarray(start, start + entry.compressed)).length;
  }
  return inflated;
}

async function main(): Promise<void> {
  const [mode, dir, jobs] = process.argv.slice(2) as [string, string, string?];
  const start = process.hrtime.bigint();
  let extra: Record<string, unknown> = {};
  if (mode === "summary") {
    let out = "";
    await runAsync(["summary", dir, "--json", "--jobs", jobs ?? "1"], { out: (s) => (out += s), err: () => undefined });
    const summary = JSON.parse(out).summary;
    extra = {
      files: summary.files,
      read: summary.read,
      withErrors: summary.withErrors,
      unreadable: summary.unreadable,
    };
  } else {
    const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx"));
    let inflated = 0;
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      if (mode === "sheetjs") XLSX.read(bytes, { type: "buffer", cellFormula: true, cellDates: true });
      else if (mode === "zlib") inflated += inflateParts(bytes);
      else await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    }
    extra = { files: files.length, ...(mode === "zlib" ? { inflatedMb: Math.round(inflated / 1024 / 1024) } : {}) };
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(
    JSON.stringify({ ms: Math.round(ms), peakMb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }),
  );
}

void main();
