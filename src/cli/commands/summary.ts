/**
 * jxzp summary DIR_OR_GLOB… --out SUMMARY.xlsx [--json] [--profile | --profile-file] [--jobs N]: every
 * workbook read and validated on worker threads, one summary workbook (汇总, 项目, 问题清单, 无法读取). A progress
 * bar on stderr (count, rate, ETA) when it is a terminal; --json prints the summary on stdout and no bar. One
 * bad file never stops the batch: it is listed with its reason.
 */
import { availableParallelism } from "node:os";
import { Presets, SingleBar } from "cli-progress";
import type { FileResult } from "../../batch/inspect";
import { collectWorkbookFiles } from "../../batch/collect";
import { readWorkbookFile } from "../../batch/inspect-file";
import { inspectAll, jobLimit } from "../../batch/pool";
import { isOurSummary } from "../../batch/summary-mark";
import { printable, printableJson } from "../../domain/text-safety";
import { summaryWorkbook } from "../../batch/summary-workbook";
import { EXIT, InputError } from "../errors";
import { STDIO, type CliIo } from "../io";
import { markSummary } from "../../batch/summary-mark";
import { checkOutput, messagesFor, outputName, writeOutput } from "../write-file";
import { chosenProfile, type ProfileOptions } from "../profiles";

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
    // Each row carries its workbook's project tables (projects: 附件3-1 …); `projects` lists them all.
    rows: read.map((r) => (r.status === "read" ? { ...r, findings: undefined } : r)),
    projects: read.flatMap((r) =>
      r.status === "read" ? r.projects.map((p) => ({ file: r.file, unit: r.unit, ...p })) : [],
    ),
    findings: read.flatMap((r) =>
      r.status === "read" ? r.findings.map((f) => ({ file: r.file, unit: r.unit, ...f })) : [],
    ),
    unreadable: results.filter((r) => r.status === "unreadable"),
  };
}

export async function summaryCommand(
  inputs: string[],
  options: { out?: string; json?: boolean; jobs?: string; force?: boolean } & ProfileOptions,
  io: CliIo,
): Promise<number> {
  // A custom profile crosses to the worker threads as the profile itself (a plain object clones).
  const profile = chosenProfile(options, io);
  if (!options.out && !options.json) throw new InputError("请用 --out 指定汇总工作簿（.xlsx），或用 --json 输出");
  if (options.out === STDIO && options.json) throw new InputError("--out - 与 --json 不能同时使用：二者都写到标准输出");
  const jobs = options.jobs === undefined ? availableParallelism() : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new InputError(`--jobs 应为正整数，实际为「${options.jobs}」`);
  // A folder that cannot be listed, a FIFO named like a workbook: listed as unreadable, never a stop. A
  // summary jxzp wrote into the folder earlier is not a department's workbook.
  const collected = collectWorkbookFiles(inputs, {
    skip: (path) => {
      const bytes = readWorkbookFile(path);
      return !("reason" in bytes) && isOurSummary(bytes);
    },
  });
  if (collected.missing.length > 0)
    throw new InputError(`${collected.missing.map(printable).join("、")}：文件或目录不存在`);
  const { files } = collected;
  if (files.length + collected.unreadable.length === 0)
    throw new InputError(`${printable(inputs.join(" "))}：没有找到 .xlsx 文件`);
  // The output: never one of the files read, never a file that is not our summary unless --force.
  const output = options.out
    ? await checkOutput(options.out, { kind: "summary", inputs: files, force: options.force })
    : undefined;

  const bar = options.json ? { tick: () => undefined, stop: () => undefined } : progressBar(files.length);
  const results = [
    ...collected.unreadable,
    ...(await inspectAll(files, { jobs, profile, onResult: (_r, done) => bar.tick(done) })),
  ];
  bar.stop();

  if (output) writeOutput(output, new Uint8Array(await markSummary(summaryWorkbook(results)).xlsx.writeBuffer()), io);
  const json = summaryJson(results);
  if (options.json) io.out(printableJson(JSON.stringify(json, null, 2)));
  else {
    messagesFor(
      options.out,
      io,
    )(
      [
        ...(options.jobs !== undefined && jobs > jobLimit()
          ? [`--jobs ${jobs} 超过本机可承受的并行数，实际并行 ${jobLimit()} 个`]
          : []),
        `共 ${json.summary.files} 个工作簿：读取 ${json.summary.read} 个，其中有错误 ${json.summary.withErrors} 个；` +
          `无法读取 ${json.summary.unreadable} 个。`,
        ...(options.out ? [`汇总已写入 ${outputName(options.out)}（工作表：汇总、项目、问题清单、无法读取）`] : []),
      ].join("\n"),
    );
  }
  return json.summary.withErrors > 0 || json.summary.unreadable > 0 ? EXIT.dataErrors : EXIT.ok;
}
