/**
 * npm run bench: one JSON line per figure. Timed figures carry a baseline measured in the same run
 * (the cheapest way to get a comparable answer) and the ratio ours / baseline in time per operation.
 * Sizes are read from dist/ (run `npm run build` first to include them). The browser page's figures come
 * last (bench/page.ts: it builds dist/web when stale; run it alone with `npx tsx bench/page.ts`).
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { compute, parseMeasure, ratio, validate, workbookModel } from "../src/domain";
import ExcelJS from "exceljs";
import { JXZP } from "../src/functions/definitions";
import { buildWorkbook } from "../src/workbook/xlsx/write";
import { installTemplates } from "../src/workbook/office/install";
import { addProject, removeProject } from "../src/workbook/office/projects";
import { readExcelWorkbook } from "../src/workbook/office/read";
import { selectCell, validateOpenWorkbook } from "../src/workbook/office/review";
import { generateReport } from "../src/usecases/report";
import { validateWorkbook } from "../src/usecases/validate-workbook";
import { inspectWorkbook, readWorkbook } from "../src/workbook/xlsx/read";
import { completedSample } from "../scripts/completed-sample";
import { excelContext, FakeContext } from "../test/support/fake-excel";
import { typeModel } from "../test/support/type-model";
import { amountText, goodWorkbook, lyingZip, oleFile, unitWithFFFE, withTableRange } from "../test/batch/hostile-files";
import { benchWorkbooks, pageFigures } from "./page";

const { EXECRATE: execRate, INDICATORSCORE: indicatorScore } = JXZP;

const ROOT = join(__dirname, "..");

/** Mean nanoseconds per call of `fn(i)`, over ~`ms` of repeated batches after a warm-up. */
function timePerOp(fn: (i: number) => unknown, ms = 600): number {
  let sink: unknown;
  for (let i = 0; i < 2000; i++) sink = fn(i);
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 1000; i++) sink = fn(calls + i);
    calls += 1000;
  }
  const elapsed = Number(process.hrtime.bigint() - start);
  if (sink === Symbol.for("never")) console.log(sink); // keeps the work observable
  return elapsed / calls;
}

function emit(figure: Record<string, unknown>): void {
  console.log(JSON.stringify(figure));
}

function compare(
  name: string,
  ours: (i: number) => unknown,
  baselineName: string,
  baseline: (i: number) => unknown,
): void {
  const oursNs = timePerOp(ours);
  const baseNs = timePerOp(baseline);
  emit({
    name,
    opsPerSec: Math.round(1e9 / oursNs),
    baseline: baselineName,
    baselineOpsPerSec: Math.round(1e9 / baseNs),
    ratio: Number((oursNs / baseNs).toFixed(2)),
  });
}

// Amounts as they come from cells: two decimals, in 万元.
const pairs = Array.from(
  { length: 4096 },
  (_, i) => [(((i * 7919) % 100000) + 1) / 100, (((i * 104729) % 100000) + 100) / 100] as const,
);
compare(
  "rate: 执行数/预算数 exact (decimal.js, 4-decimal half-up)",
  (i) => ratio(pairs[i & 4095]![0], pairs[i & 4095]![1]),
  "plain JS division with Math.round",
  (i) => Math.round((pairs[i & 4095]![0] / pairs[i & 4095]![1]) * 10000) / 10000,
);

compare(
  "fn: EXECRATE body (cell amounts, exact half-up)",
  (i) => execRate(pairs[i & 4095]![0], pairs[i & 4095]![1]),
  "plain JS division with Math.round",
  (i) => Math.round((pairs[i & 4095]![0] / pairs[i & 4095]![1]) * 10000) / 10000,
);

// A 附件2 column of indicators as Excel sends them in one batch: texts repeat across rows.
const indicatorRows = [
  [10, "1300 家", "1302 家"],
  [10, "5 个", "16 个"],
  [5, "3人", "3人"],
  [5, "13件", "14.91件"],
  [5, "3.1%", "3.15%"],
  [5, "12月", "12月"],
  [5, "15%", "17.9%"],
  [5, "≥95%", "100%"],
  [5, "8%", "7.42%"],
  [5, "120亿元", "115.49亿元"],
] as const;
compare(
  "fn: INDICATORSCORE with text parsing (cached)",
  (i) => {
    const [weight, target, actual] = indicatorRows[i % indicatorRows.length]!;
    return indicatorScore(weight, target, actual);
  },
  "EXECRATE body",
  (i) => execRate(pairs[i & 4095]![0], pairs[i & 4095]![1]),
);

// Distinct texts (the cache holds 10,000), so this measures the parser itself.
const shapes = [
  "{n} 家",
  "≥{n}%",
  "{n}.5%",
  "{m}月",
  "{n}亿元",
  "不少于{n}次",
  "按时间节点完成各阶段任务{n}",
  "{n}天以内",
  "１，{n}家",
  "2024年{m}月30日前",
];
const freshText = (i: number) =>
  shapes[i % shapes.length]!.replace("{n}", String(100 + (i % 900_000))).replace("{m}", String(1 + (i % 12)));
compare(
  "parse: 年度指标值/实际完成值 text (uncached)",
  (i) => parseMeasure(freshText(i)),
  "bare regex number extraction",
  (i) => /[+-]?\d+(?:\.\d+)?/.exec(freshText(i))?.[0],
);

const sampleText = readFileSync(join(ROOT, "samples/zhuzhou-kjj-2024.json"), "utf8");
const sample = workbookModel.parse(JSON.parse(sampleText));
compare(
  "compute: 株洲 2024 model, every value and 15 indicators",
  () => compute(sample),
  "JSON.parse of the same model file",
  () => JSON.parse(sampleText),
);
compare(
  "model: parse and validate 株洲 2024 JSON (zod)",
  () => workbookModel.parse(JSON.parse(sampleText)),
  "JSON.parse alone",
  () => JSON.parse(sampleText),
);

/** Wall time of one run of `fn`, the best of `runs`. */
async function bestMs(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return Number(best.toFixed(1));
}

async function workbookFigures(): Promise<void> {
  const big = workbookModel.parse({
    ...JSON.parse(sampleText),
    eval: {
      ...JSON.parse(sampleText).eval,
      indicators: Array.from({ length: 1000 }, (_, i) => ({
        level1: "产出指标",
        level2: "数量指标",
        name: `指标${i + 1}`,
        target: `${100 + (i % 50)}家`,
        actual: `${90 + (i % 70)}家`,
        weight: 0.09,
        score: 0.08,
        deviation: i % 3 === 0 ? "原因：受经济环境影响；措施：加强服务。" : "",
      })),
    },
  });
  let bytes: ArrayBuffer = new ArrayBuffer(0);
  const importMs = await bestMs(async () => (bytes = (await buildWorkbook(big).xlsx.writeBuffer()) as ArrayBuffer));
  const exportMs = await bestMs(() => readWorkbook(bytes));
  // Baseline: exceljs writing and reading a plain sheet of the same 1,000 × 11 values, no template.
  const rows = big.eval.indicators.map((r) => [
    r.level1,
    r.level2,
    r.name,
    r.target,
    r.actual,
    0.09,
    0.08,
    r.deviation,
    null,
    null,
    null,
  ]);
  let plain: ArrayBuffer = new ArrayBuffer(0);
  const plainWriteMs = await bestMs(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("plain").addRows(rows);
    plain = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  });
  const plainReadMs = await bestMs(() => new ExcelJS.Workbook().xlsx.load(plain));
  emit({
    name: "xlsx: import 1,000 indicator rows (jxzp import)",
    ms: importMs,
    baseline: "exceljs plain write, same values",
    baselineMs: plainWriteMs,
    ratio: Number((importMs / plainWriteMs).toFixed(2)),
    bytes: bytes.byteLength,
  });
  emit({
    name: "xlsx: export 1,000 indicator rows (jxzp export)",
    ms: exportMs,
    baseline: "exceljs plain read, same values",
    baselineMs: plainReadMs,
    ratio: Number((exportMs / plainReadMs).toFixed(2)),
  });
}

const BUNDLE_GOALS: Record<string, number> = { "functions.js": 60 * 1024 };
for (const file of [
  "taskpane.js",
  "report.js",
  "functions.js",
  "commands.js",
  "functions.json",
  "functions.zh-cn.json",
]) {
  const path = join(ROOT, "dist", file);
  if (!existsSync(path)) {
    emit({ name: `bundle: ${file}`, note: "dist/ missing: run npm run build first" });
    continue;
  }
  const gzipBytes = gzipSync(readFileSync(path)).length;
  const goal = BUNDLE_GOALS[file];
  emit({
    name: `bundle: ${file}`,
    bytes: statSync(path).size,
    gzipBytes,
    ...(goal ? { gzipGoalBytes: goal, withinGoal: gzipBytes <= goal } : {}),
  });
}

/** Median wall time of `runs` calls of a heavy `fn`, after a few warm-up calls. */
function medianMs(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 3; i++) fn();
  const times = Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/** A model with `n` indicators: the 株洲 rows repeated, weights and scores as typed. */
function modelWith(n: number) {
  const json = JSON.parse(sampleText);
  json.eval.indicators = Array.from({ length: n }, (_, i) => ({
    ...json.eval.indicators[i % json.eval.indicators.length],
    name: `指标${i + 1}`,
  }));
  return workbookModel.parse(json);
}

/** The validator: cost per model and per indicator row, against compute() alone on the same model. */
function validationFigures(): void {
  const perRow: number[] = [];
  for (const [n, goalMs] of [
    [200, 5],
    [10_000, 250],
  ] as const) {
    const model = modelWith(n);
    const runs = n > 1000 ? 10 : 200;
    const ms = medianMs(() => validate(model), runs);
    const computeMs = medianMs(() => compute(model), runs);
    perRow.push(ms / n);
    emit({
      name: `validate: a model with ${n} indicators`,
      ms: Number(ms.toFixed(3)),
      goalMs,
      withinGoal: ms < goalMs,
      baseline: "compute() alone, same model",
      baselineMs: Number(computeMs.toFixed(3)),
      ratio: Number((ms / computeMs).toFixed(2)),
    });
  }
  emit({
    name: "validate: cost per row, 10,000 rows vs 200 (1.00 = linear)",
    ratio: Number((perRow[1]! / perRow[0]!).toFixed(2)),
  });
}

/** Office.js round trips, counted on the in-memory Excel (the figure that matters in Excel on the web). */
async function officeFigures(): Promise<void> {
  const fake = new FakeContext();
  const excel = excelContext(fake);
  const count = async (name: string, run: () => Promise<unknown>) => {
    const [syncs, operations] = [fake.syncCount, fake.operationCount];
    const start = process.hrtime.bigint();
    await run();
    const ms = Number((Number(process.hrtime.bigint() - start) / 1e6).toFixed(1));
    emit({ name, syncs: fake.syncCount - syncs, operations: fake.operationCount - operations, msOnFake: ms });
  };
  await count("office: 安装模板 into a new workbook", () => installTemplates(excel));
  typeModel(fake, workbookModel.parse(JSON.parse(sampleText)));
  await count("office: read the whole filled workbook", () => readExcelWorkbook(excel));
  await count("office: 安装模板 again over the filled workbook", () => installTemplates(excel));
  await count("office: 校验 (read the whole workbook and validate)", () => validateOpenWorkbook(excel));
  await count("office: select a finding's cell", () => selectCell(excel, "附件2 自评表", "F29"));
  fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
  await count("office: upgrade a filled 0.9.0 workbook", () => installTemplates(excel));
  // 附件3: the syncs stay the same whatever the number of project tables (issue 17).
  for (const projects of [0, 5, 20]) {
    const fresh = new FakeContext();
    const context = excelContext(fresh);
    const syncs = async (run: () => Promise<unknown>) => {
      const before = fresh.syncCount;
      await run();
      return fresh.syncCount - before;
    };
    const install = await syncs(() => installTemplates(context, { projects }));
    const validation = await syncs(() => validateOpenWorkbook(context));
    fresh.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
    const upgrade = await syncs(() => installTemplates(context));
    const add = await syncs(() => addProject(context));
    const remove = await syncs(() => removeProject(context, 1));
    emit({ name: `office: syncs with ${projects} project tables`, install, validation, upgrade, add, remove });
  }
}

/**
 * 附件3 (issue 17): a workbook with 20 project tables of 30 indicators each validated (goal < 50 ms), against the
 * same workbook without its projects (each project is checked by 附件2's rules on its own view).
 */
function projectValidationFigures(): void {
  const model = workbookModel.parse(JSON.parse(sampleText));
  const project = JSON.parse(readFileSync(join(__dirname, "..", "samples", "zhuzhou-kjj-2024-projects.json"), "utf8"))
    .projects[1];
  const withProjects = workbookModel.parse({
    ...JSON.parse(sampleText),
    projects: Array.from({ length: 20 }, (_, p) => ({
      ...project,
      name: `项目${p + 1}`,
      indicators: Array.from({ length: 30 }, (_, i) => ({
        ...project.indicators[i % project.indicators.length],
        name: `指标${i + 1}`,
      })),
    })),
  });
  const ms = medianMs(() => validate(withProjects), 30);
  const withoutMs = medianMs(() => validate(model), 200);
  emit({
    name: "validate: 20 project tables × 30 indicators (附件3), with 附件1 and 附件2",
    ms: Number(ms.toFixed(3)),
    goalMs: 50,
    withinGoal: ms < 50,
    baseline: "the same workbook without its project tables",
    baselineMs: Number(withoutMs.toFixed(3)),
    ratio: Number((ms / withoutMs).toFixed(2)),
  });
}

validationFigures();
projectValidationFigures();

/** The 株洲 report: content and .docx from a read workbook (goal < 300 ms), against validation alone. */
async function reportFigures(): Promise<void> {
  const model = workbookModel.parse(completedSample());
  const workbook = await inspectWorkbook((await buildWorkbook(model).xlsx.writeBuffer()) as ArrayBuffer);
  const ms = await bestMs(() => generateReport(workbook), 5);
  const validateMs = await bestMs(async () => validateWorkbook(workbook), 5);
  emit({
    name: "report: 株洲 2024 .docx from the read workbook (validate, content, render)",
    ms,
    goalMs: 300,
    withinGoal: ms < 300,
    baseline: "validation alone",
    baselineMs: validateMs,
    ratio: Number((ms / Math.max(validateMs, 0.1)).toFixed(1)),
  });
  // Linearity: the report of the sample's indicators repeated to 200, 2,000 and 20,000 rows, each size in a
  // child process with its own heap (bench/report-child.ts). msPerRow stays flat when the time is linear;
  // ratio is msPerRow over the 200-row figure's, for the whole report and for validation + content alone.
  let perRowAt200 = { total: 0, content: 0 };
  for (const rows of [200, 2000, 20000]) {
    const figure = JSON.parse(
      execFileSync(
        process.execPath,
        ["--max-old-space-size=8192", "--require", "tsx/cjs", join(__dirname, "report-child.ts"), String(rows)].concat(
          String(rows >= 20000 ? 1 : 3),
        ),
        { encoding: "utf8" },
      ).trim(),
    ) as { contentMs: number; docxMs: number; peakMb: number };
    const total = figure.contentMs + figure.docxMs;
    const perRow = { total: total / rows, content: figure.contentMs / rows };
    if (rows === 200) perRowAt200 = perRow;
    emit({
      name: `report: ${rows.toLocaleString("en-US")} indicator rows (validate, content, .docx; draft)`,
      rows,
      ms: Number(total.toFixed(1)),
      validateAndContentMs: figure.contentMs,
      docxMs: figure.docxMs,
      peakMb: figure.peakMb,
      msPerRow: Number(perRow.total.toFixed(3)),
      baseline: "ms per row at 200 rows",
      ratio: Number((perRow.total / perRowAt200.total).toFixed(2)),
      contentRatio: Number((perRow.content / perRowAt200.content).toFixed(2)),
    });
  }
}
/** One JSON line from bench/batch-child.ts, run in a process of its own (its time and peak memory). */
function batchChild(...args: string[]): Record<string, number> {
  return JSON.parse(
    execFileSync(process.execPath, ["--require", "tsx/cjs", join(__dirname, "batch-child.ts"), ...args], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    }).trim(),
  );
}

/**
 * The finance bureau's batch: 1,000 realistic workbooks (20–60 indicators; 100 distinct departments,
 * each file its own copy) generated once into the temp directory (benchWorkbooks), then jxzp summary over
 * them against three readings of the same files, each in a child process of its own: exceljs and SheetJS
 * reading them (what a batch cost before the zip reader, and the fastest general reader), and zlib merely
 * inflating the parts the reader needs (the floor). Then peak memory over 4,000 files, which should not grow.
 */
async function batchFigures(): Promise<void> {
  const dir = await benchWorkbooks(1000);
  const exceljs = batchChild("bare", dir);
  const sheetjs = batchChild("sheetjs", dir);
  const floor = batchChild("zlib", dir);
  const times = (a: number, b: number) => Number((a / b).toFixed(2));
  for (const jobs of [...new Set([1, availableParallelism()])]) {
    const ours = batchChild("summary", dir, String(jobs));
    emit({
      name: `batch: jxzp summary over 1,000 workbooks, --jobs ${jobs}`,
      ms: ours.ms,
      goalMs: jobs === 1 ? 2000 : undefined,
      withinGoal: jobs === 1 ? ours.ms <= 2000 : undefined,
      peakMb: ours.peakMb,
      read: ours.read,
      withErrors: ours.withErrors,
      exceljsMs: exceljs.ms,
      fasterThanExceljs: times(exceljs.ms!, ours.ms!),
      fasterThanExceljsGoal: 4,
      sheetjsMs: sheetjs.ms,
      fasterThanSheetjs: times(sheetjs.ms!, ours.ms!),
      fasterThanSheetjsGoal: 2,
      zlibFloorMs: floor.ms,
      ratioToFloor: times(ours.ms!, floor.ms!),
      cpus: availableParallelism(),
    });
  }
  const large = await benchWorkbooks(4000);
  const thousand = batchChild("summary", dir, "1");
  const fourThousand = batchChild("summary", large, "1");
  emit({
    name: "batch: peak memory, 1,000 vs 4,000 workbooks, --jobs 1",
    peakMb1000: thousand.peakMb,
    peakMb4000: fourThousand.peakMb,
    ms4000: fourThousand.ms,
    read4000: fourThousand.read,
    memoryRatio: times(fourThousand.peakMb!, thousand.peakMb!),
  });
  await singleValidateFigures();
}

/**
 * One workbook: `jxzp validate` end to end (a process of its own, as a user runs it) against the same
 * process doing nothing (`jxzp --version`: Node, the CLI's modules) and against reading and validating in
 * a running process. Reading should be a small share of the command.
 */
async function singleValidateFigures(): Promise<void> {
  const file = join(tmpdir(), "jxzp-bench-zhuzhou.xlsx");
  const bytes = new Uint8Array(await buildWorkbook(sample).xlsx.writeBuffer());
  writeFileSync(file, bytes);
  const jxzp = join(ROOT, "bin", "jxzp.js");
  const best = (args: string[]) =>
    Math.min(
      ...[1, 2, 3, 4, 5].map(() => {
        const start = process.hrtime.bigint();
        try {
          execFileSync(process.execPath, [jxzp, ...args], { stdio: "ignore" });
        } catch {
          // validate exits 1 when it finds errors; the time is what counts here.
        }
        return Number(process.hrtime.bigint() - start) / 1e6;
      }),
    );
  const startMs = best(["--version"]);
  const validateMs = best(["validate", file]);
  const inProcess = await bestMs(async () => validateWorkbook(await inspectWorkbook(bytes)), 20);
  emit({
    name: "jxzp validate, one workbook (株洲), end to end",
    ms: Math.round(validateMs),
    processStartMs: Math.round(startMs),
    readAndValidateInProcessMs: Number(inProcess.toFixed(2)),
    startShare: Number((startMs / validateMs).toFixed(2)),
    compiled: existsSync(join(ROOT, "lib", "src", "cli", "main.js")),
  });
}

/**
 * The same 1,000 workbooks with 20 hostile ones mixed in (test/batch/hostile-files.ts: zips whose directory
 * lies about sizes, amounts like 1e9000000000000000, tables declared to row 999,999,999,999, a unit name with
 * U+FFFE, OLE files, text files named .xlsx): jxzp summary, --jobs 1 and 2, completes with every good file
 * read and every bad one unreadable with its reason; time and peak memory.
 */
async function hostileBatchFigures(): Promise<void> {
  const good = await benchWorkbooks(1000);
  const dir = join(tmpdir(), "jxzp-bench-hostile");
  if (!existsSync(join(dir, "ready"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(good).filter((f) => f.endsWith(".xlsx")))
      copyFileSync(join(good, file), join(dir, file));
    const base = await goodWorkbook(3);
    const hostile: Array<Promise<Uint8Array> | Uint8Array> = [];
    for (let i = 0; i < 4; i++) hostile.push(lyingZip(base, 200));
    for (let i = 0; i < 4; i++) hostile.push(amountText(i, i % 2 ? "1e50000000" : "1e9000000000000000"));
    for (let i = 0; i < 4; i++)
      hostile.push(withTableRange(base, "绩效指标", (ref) => ref.replace(/\d+$/, "999999999999")));
    for (let i = 0; i < 4; i++) hostile.push(unitWithFFFE(i));
    for (let i = 0; i < 2; i++) hostile.push(oleFile());
    for (let i = 0; i < 2; i++) hostile.push(new TextEncoder().encode("这不是工作簿"));
    for (const [i, bytes] of (await Promise.all(hostile)).entries())
      writeFileSync(join(dir, `${String(i * 50 + 25).padStart(4, "0")}-hostile.xlsx`), bytes);
    writeFileSync(join(dir, "ready"), "");
  }
  for (const jobs of [...new Set([1, Math.min(2, availableParallelism())])]) {
    const ours = JSON.parse(
      execFileSync(
        process.execPath,
        ["--require", "tsx/cjs", join(__dirname, "batch-child.ts"), "summary", dir, String(jobs)],
        { encoding: "utf8", maxBuffer: 1 << 26 },
      ).trim(),
    );
    emit({
      name: `batch: 1,000 good workbooks + 20 hostile, --jobs ${jobs}`,
      ms: ours.ms,
      peakMb: ours.peakMb,
      files: ours.files,
      read: ours.read,
      unreadable: ours.unreadable,
      completed: ours.files === 1020,
    });
  }
}

void workbookFigures()
  .then(officeFigures)
  .then(reportFigures)
  .then(batchFigures)
  .then(hostileBatchFigures)
  .then(pageFigures);
