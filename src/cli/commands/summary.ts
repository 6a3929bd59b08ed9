/**
 * jxzp summary DIR_OR_GLOB… --out SUMMARY.xlsx [--json] [--profile] [--jobs N]: every workbook read and
 * validated on worker threads, one summary workbook (汇总, 问题清单, 无法读取). A progress bar on stderr
 * (count, rate, ETA) when it is a terminal; --json prints the summary on stdout and no bar. One bad
 * file never stops the batch: it is listed with its reason.
 */
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { Presets, SingleBar } from "cli-progress";
import type { FileResult } from "../../batch/inspect";
import { inspectAll } from "../../batch/pool";
import { summaryWorkbook } from "../../batch/summary-workbook";
import { EXIT, InputError } from "../errors";
import { STDIO, type CliIo } from "../io";
import { messagesFor, outputName, writeOutput } from "../write-file";
import { checkProfile } from "./compute";

const isWorkbook = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith("~$");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() && isWorkbook(entry.name) ? [path] : [];
    });
}

/** "批次/*.xlsx" (wildcards in the last part), a directory (searched recursively) or a file. */
export function collectFiles(inputs: readonly string[]): string[] {
  const files = inputs.flatMap((input) => {
    const name = basename(input);
    if (/[*?]/.test(name)) {
      const pattern = new RegExp(
        `^${name
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, ".*")
          .replace(/\?/g, ".")}$`,
        "i",
      );
      let entries: string[];
      try {
        entries = readdirSync(dirname(input));
      } catch {
        throw new InputError(`${dirname(input)}：目录不存在`);
      }
      return entries
        .filter((entry) => pattern.test(entry) && isWorkbook(entry))
        .sort()
        .map((entry) => join(dirname(input), entry));
    }
    let stat;
    try {
      stat = statSync(input);
    } catch {
      throw new InputError(`${input}：文件或目录不存在`);
    }
    return stat.isDirectory() ? walk(input) : [input];
  });
  return [...new Set(files)];
}

function progressBar(total: number): { tick(done: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: "校验 {bar} {value}/{total} 个工作簿 · {speed} 个/秒 · 预计剩余 {eta_formatted}",
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const start = Date.now();
  bar.start(total, 0, { speed: "0.0" });
  return {
    tick: (done) => bar.update(done, { speed: (done / Math.max((Date.now() - start) / 1000, 0.001)).toFixed(1) }),
    stop: () => bar.stop(),
  };
}

export function summaryJson(results: readonly FileResult[]) {
  const read = results.filter((r) => r.status === "read");
  return {
    summary: {
      files: results.length,
      read: read.length,
      unreadable: results.length - read.length,
      withErrors: read.filter((r) => r.status === "read" && r.errors > 0).length,
    },
    rows: read.map((r) => (r.status === "read" ? { ...r, findings: undefined } : r)),
    findings: read.flatMap((r) =>
      r.status === "read" ? r.findings.map((f) => ({ file: r.file, unit: r.unit, ...f })) : [],
    ),
    unreadable: results.filter((r) => r.status === "unreadable"),
  };
}

export async function summaryCommand(
  inputs: string[],
  options: { out?: string; json?: boolean; profile?: string; jobs?: string },
  io: CliIo,
): Promise<number> {
  const profile = checkProfile(options.profile);
  if (!options.out && !options.json) throw new InputError("请用 --out 指定汇总工作簿（.xlsx），或用 --json 输出");
  if (options.out === STDIO && options.json) throw new InputError("--out - 与 --json 不能同时使用：二者都写到标准输出");
  const jobs = options.jobs === undefined ? availableParallelism() : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new InputError(`--jobs 应为正整数，实际为「${options.jobs}」`);
  const files = collectFiles(inputs);
  if (files.length === 0) throw new InputError(`${inputs.join(" ")}：没有找到 .xlsx 文件`);

  const bar = options.json ? { tick: () => undefined, stop: () => undefined } : progressBar(files.length);
  const results = await inspectAll(files, { jobs, profile: profile?.id, onResult: (_r, done) => bar.tick(done) });
  bar.stop();

  if (options.out) writeOutput(options.out, new Uint8Array(await summaryWorkbook(results).xlsx.writeBuffer()), io);
  const json = summaryJson(results);
  if (options.json) io.out(JSON.stringify(json, null, 2));
  else {
    messagesFor(
      options.out,
      io,
    )(
      [
        `共 ${json.summary.files} 个工作簿：读取 ${json.summary.read} 个，其中有错误 ${json.summary.withErrors} 个；` +
          `无法读取 ${json.summary.unreadable} 个。`,
        ...(options.out ? [`汇总已写入 ${outputName(options.out)}（工作表：汇总、问题清单、无法读取）`] : []),
      ].join("\n"),
    );
  }
  return json.summary.withErrors > 0 || json.summary.unreadable > 0 ? EXIT.dataErrors : EXIT.ok;
}
