/**
 * Run by npm run bench in a child process, so its memory is its own: `summary DIR JOBS` times the
 * real jxzp summary (JSON, no bar) and `bare DIR` a bare exceljs read of the same files. Prints one
 * JSON line: ms and peak resident memory (the process and its worker threads).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runAsync } from "../src/cli/main";

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
    for (const file of files)
      await new ExcelJS.Workbook().xlsx.load(readFileSync(join(dir, file)) as unknown as ArrayBuffer);
    extra = { files: files.length };
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(
    JSON.stringify({ ms: Math.round(ms), peakMb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }),
  );
}

void main();
