/**
 * The browser page (网页版) in headless Chromium, served over http from 127.0.0.1: what it loads at
 * startup (gzip, against the 350 KB goal) and its lazily loaded chunks; the time to validate the 株洲
 * workbook opened in it, against inspectWorkbook + validateWorkbook in Node on the same bytes; and a
 * 200-workbook 批量汇总 in it, against the CLI's inspectAll on the same files. Builds dist/web first when
 * it is missing or older than the sources. Run alone with `npx tsx bench/page.ts`; npm run bench runs it last.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { inspectAll } from "../src/batch/pool";
import { workbookModel } from "../src/domain";
import { validateWorkbook } from "../src/usecases/validate-workbook";
import { inspectWorkbook } from "../src/workbook/xlsx/read";
import { buildKeepingStatements, buildWorkbook } from "../src/workbook/xlsx/write";
import { variedModel } from "../scripts/batch-samples";
import { SAMPLE } from "../scripts/completed-sample";
import { launchBrowser } from "../test/browser/browser";
import { serveStatic } from "../test/browser/static-server";

const ROOT = join(__dirname, "..");
const WEB = join(ROOT, "dist", "web");
const INITIAL_GOAL_BYTES = 350 * 1024;
const BATCH_SIZE = 200;

function emit(figure: Record<string, unknown>): void {
  console.log(JSON.stringify(figure));
}

const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const round = (ms: number) => Number(ms.toFixed(1));

/**
 * `count` realistic workbooks (100 distinct departments, each file its own copy), generated once into the
 * temp directory and kept there (a `ready` file marks a complete set). Shared with run.ts's batch figures.
 */
export async function benchWorkbooks(count: number): Promise<string> {
  const dir = join(tmpdir(), `jxzp-bench-${count}`);
  if (!existsSync(join(dir, "ready"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const distinct: Buffer[] = [];
    for (let i = 0; i < Math.min(100, count); i++)
      distinct.push(Buffer.from(await buildWorkbook(variedModel(i).model).xlsx.writeBuffer()));
    for (let i = 0; i < count; i++)
      writeFileSync(join(dir, `${String(i).padStart(4, "0")}.xlsx`), distinct[i % distinct.length]!);
    writeFileSync(join(dir, "ready"), "");
  }
  return dir;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the page (webpack's "page" config) when dist/web is missing or older than its sources. */
function ensurePage(): string | null {
  const built = join(WEB, "index.html");
  const sources = Math.max(
    newestMtime(join(ROOT, "src")),
    newestMtime(join(ROOT, "assets")),
    statSync(join(ROOT, "webpack.config.js")).mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return null;
  // webpack's report goes to stderr: stdout holds one JSON figure a line.
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--config-name", "page"],
    { cwd: ROOT, stdio: ["ignore", 2, 2] },
  );
  if (result.status !== 0 || !existsSync(built)) return "webpack build of the page failed";
  // webpack leaves unchanged files untouched; mark the build as current.
  const now = new Date();
  utimesSync(built, now, now);
  return "built";
}

/** dist/web files named by the paths the server was asked for (in order, once each, existing files only). */
function servedFiles(paths: readonly string[]): string[] {
  const files = paths.map((p) => (p === "/" ? "index.html" : decodeURIComponent(p.slice(1))));
  return [...new Set(files)].filter((f) => existsSync(join(WEB, f)) && statSync(join(WEB, f)).isFile());
}

interface LazyChunks {
  /** The named chunks, each with the shared chunks webpack loads with it. */
  readonly chunks: Array<{ name: string; gzipBytes: number; with: string[]; totalGzipBytes: number }>;
  /** The shared chunks (exceljs, JSZip, decimal.js…: webpack numbers them) and who loads them. */
  readonly shared: Array<{ file: string; gzipBytes: number; usedBy: string[] }>;
}

/**
 * The page's lazily loaded chunks by name, read from the webpack runtime in the built scripts: its
 * chunk-name map and every `Promise.all([r.e(…), …])` or lone `r.e(…).then`. A group without a named
 * chunk belongs to the script that asks for it (the worker's exceljs, batch's summary).
 */
function lazyChunks(startup: ReadonlySet<string>): LazyChunks {
  const scripts = readdirSync(WEB).filter((f) => f.endsWith(".js") && !startup.has(f));
  const names = new Map<string, string>();
  const map = /\.u=\w+=>\(\(\{([^}]*)\}\[\w+\]\|\|\w+\)\+"\.js"\)/.exec(readFileSync(join(WEB, "page.js"), "utf8"));
  for (const [, id, name] of (map?.[1] ?? "").matchAll(/(\d+):"([^"]+)"/g)) names.set(id!, name!);
  const fileOf = (id: string) => `${names.get(id) ?? id}.js`;
  const withOf = new Map<string, Set<string>>(
    [...names.values()].map((name) => [`${name}.js`, new Set<string>()] as [string, Set<string>]),
  );
  for (const script of [...startup, ...scripts].filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(join(WEB, script), "utf8");
    const groups = [
      ...[...text.matchAll(/Promise\.all\(\[((?:\w+\.e\(\d+\),?)+)\]\)/g)].map((m) =>
        [...m[1]!.matchAll(/\.e\((\d+)\)/g)].map((e) => e[1]!),
      ),
      ...[...text.matchAll(/\w\.e\((\d+)\)\.then/g)].map((m) => [m[1]!]),
    ];
    for (const ids of groups) {
      const files = ids.map(fileOf);
      const named = ids.filter((id) => names.has(id)).map(fileOf);
      for (const owner of named.length > 0 ? named : [script])
        files.filter((f) => f !== owner).forEach((f) => withOf.get(owner)?.add(f));
    }
  }
  const size = (file: string) => (existsSync(join(WEB, file)) ? gzipBytes(join(WEB, file)) : 0);
  const chunks = [...withOf]
    .filter(([file]) => !startup.has(file) && existsSync(join(WEB, file)))
    .map(([file, shared]) => {
      const loads = [...shared].filter((f) => !startup.has(f));
      const own = size(file);
      return {
        name: file.replace(/\.js$/, ""),
        gzipBytes: own,
        with: loads,
        totalGzipBytes: own + loads.reduce((sum, f) => sum + size(f), 0),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const shared = scripts
    .filter((file) => !withOf.has(file))
    .map((file) => ({
      file,
      gzipBytes: size(file),
      usedBy: chunks.filter((c) => c.with.includes(file)).map((c) => c.name),
    }));
  return { chunks, shared };
}

/**
 * Chooses `files` in the file input `testId` and answers the milliseconds from the input's change event
 * to the moment `text` is (again) in the page, taken in the page by a MutationObserver (no polling). A
 * text already shown from the previous choice counts only once it has gone and come back.
 */
async function timeChoice(page: Page, testId: string, files: string[], text: RegExp, timeoutMs: number) {
  // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks. It
  // answers undefined: evaluate would wait for a promise.
  await page.evaluate(`void (window.benchDone = new Promise((resolve, reject) => {
    const pattern = new RegExp(${JSON.stringify(text.source)});
    const input = document.querySelector('[data-testid="${testId}"]');
    let start = -1;
    let cleared = false;
    const timer = setTimeout(() => reject(new Error("no " + pattern + " within ${timeoutMs} ms")), ${timeoutMs});
    const observer = new MutationObserver(() => check());
    function check() {
      if (start < 0) return;
      if (!pattern.test(document.body.textContent || "")) cleared = true;
      else if (cleared) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now() - start);
      }
    }
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    // Capturing on the input itself: before React's handler, which listens at the root.
    input.addEventListener("change", () => ((start = performance.now()), check()), { once: true, capture: true });
  }))`);
  await page.getByTestId(testId).setInputFiles(files);
  return round(await page.evaluate<number>("window.benchDone"));
}

async function bestOf(runs: number, fn: () => Promise<number>): Promise<{ best: number; first: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn());
  return { best: Math.min(...times), first: times[0]! };
}

async function wallMs(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return round(Number(process.hrtime.bigint() - start) / 1e6);
}

export async function pageFigures(): Promise<void> {
  const build = ensurePage();
  if (build === "built") emit({ name: "page: dist/web built (missing or older than the sources)" });
  if (build !== null && build !== "built") {
    emit({ name: "page", note: `${build}: page figures skipped` });
    return;
  }

  // The 株洲 workbook and its CLI baseline: inspectWorkbook + validateWorkbook on the same bytes.
  const temp = mkdtempSync(join(tmpdir(), "jxzp-bench-page-"));
  const model = workbookModel.parse(JSON.parse(readFileSync(SAMPLE, "utf8")));
  const bytes = new Uint8Array(await buildKeepingStatements(model).workbook.xlsx.writeBuffer());
  const zhuzhou = join(temp, "株洲市科学技术局-2024.xlsx");
  writeFileSync(zhuzhou, bytes);
  const batchDir = await benchWorkbooks(BATCH_SIZE);
  const batchFiles = readdirSync(batchDir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => join(batchDir, f));

  const server = await serveStatic({ "/": WEB });
  const browser = await launchBrowser();
  try {
    // Single-process Chromium: one page for everything, navigated afresh for each group.
    const page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(120_000);
    const open = async () => {
      const from = server.requests.length;
      await page.goto(`${server.origin}/index.html`);
      await page.getByRole("heading", { level: 1 }).waitFor({ state: "visible" });
      await page.waitForLoadState("networkidle");
      return from;
    };
    const since = (from: number) => servedFiles(server.requests.slice(from));

    // 1. What the page loads before a workbook or a batch is opened.
    const startup = since(await open());
    const counted = startup.filter((f) => f.endsWith(".html") || f.endsWith(".js"));
    const files = Object.fromEntries(counted.map((f) => [f, gzipBytes(join(WEB, f))]));
    const initial = Object.values(files).reduce((sum, n) => sum + n, 0);
    emit({
      name: "page: initial load, index.html and its startup scripts (gzip -9)",
      gzipBytes: initial,
      gzipGoalBytes: INITIAL_GOAL_BYTES,
      withinGoal: initial <= INITIAL_GOAL_BYTES,
      files,
      alsoLoaded: startup.filter((f) => !counted.includes(f)),
    });
    emit({ name: "page: lazily loaded chunks (gzip -9)", ...lazyChunks(new Set(counted)) });

    // 2. The 株洲 workbook opened in the page, re-opened four times; the page against Node on the same bytes.
    const hardwareConcurrency = await page.evaluate(() => navigator.hardwareConcurrency);
    const workers = Math.max(1, Math.min(4, (hardwareConcurrency || 2) - 1));
    const beforeOpen = server.requests.length;
    const single = await bestOf(5, () => timeChoice(page, "open-workbook", [zhuzhou], /总分 .* · 等次/, 120_000));
    const mode = (await page.getByText("在后台线程中处理").count())
      ? "worker"
      : (await page.getByText("在本页中处理").count())
        ? "page"
        : "unknown";
    const node = await bestOf(5, () => wallMs(async () => validateWorkbook(await inspectWorkbook(bytes))));
    emit({
      name: "page: open and validate the 株洲 2024 workbook (best of 5)",
      ms: single.best,
      firstMs: single.first,
      mode,
      loaded: since(beforeOpen),
      baseline: "inspectWorkbook + validateWorkbook in Node, same bytes",
      baselineMs: node.best,
      ratio: Number((single.best / node.best).toFixed(2)),
      bytes: bytes.byteLength,
    });

    // 3. 批量汇总 of 200 workbooks in a fresh page, against the CLI's pool on the same files.
    await open();
    const beforeBatch = server.requests.length;
    await page.getByRole("tab", { name: "批量汇总" }).click();
    await page.getByTestId("batch-files").waitFor({ state: "attached" });
    const batchTab = since(beforeBatch);
    const beforeRun = server.requests.length;
    const pageMs = await timeChoice(page, "batch-files", batchFiles, /读取 \d+ 个，其中有错误/, 600_000);
    const summary = await page.getByText(/读取 \d+ 个，其中有错误/).textContent();
    const batchRun = since(beforeRun);
    for (const jobs of [...new Set([workers, 1])]) {
      let results: Awaited<ReturnType<typeof inspectAll>> = [];
      const cliMs = await wallMs(async () => (results = await inspectAll(batchFiles, { jobs })));
      emit({
        name: `page: 批量汇总 of ${batchFiles.length} workbooks vs the CLI, --jobs ${jobs}`,
        ms: pageMs,
        summary,
        hardwareConcurrency,
        workers,
        ranOnWorkers: batchRun.includes("worker.js"),
        loaded: { tab: batchTab, run: batchRun },
        baseline: `inspectAll in Node (jxzp summary's pool), --jobs ${jobs}`,
        baselineMs: cliMs,
        baselineRead: results.filter((r) => r.status !== "unreadable").length,
        ratio: Number((pageMs / cliMs).toFixed(2)),
      });
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

if (require.main === module)
  pageFigures().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
