/**
 * After `npm run build`: checks that dist/ holds what Office loads (run by .ci/run). Exits 1 with the
 * list of what is missing or wrong.
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { JXZP_FUNCTIONS } from "../src/functions/definitions";

const DIST = join(__dirname, "..", "dist");
const problems: string[] = [];
const read = (file: string) => readFileSync(join(DIST, file), "utf8");

const required = [
  "taskpane.html",
  "taskpane.js",
  "functions.js",
  "functions.json",
  "functions.zh-cn.json",
  "commands.js",
  "manifest.xml",
  "office-js/office.js",
  ...[16, 32, 64, 80].map((size) => `assets/icon-${size}.png`),
  "lib/src/cli/main.js",
  // 网页版: the page, its worker, and the zip a finance officer unzips and double-clicks.
  "web/index.html",
  "web/page.js",
  "web/worker.js",
  "绩效自评助手-网页版.zip",
];
for (const file of required) {
  const path = file.startsWith("lib/") ? join(__dirname, "..", file) : join(DIST, file);
  if (!existsSync(path)) problems.push(`missing ${file}`);
}

if (problems.length === 0) {
  const ids = (JSON.parse(read("functions.json")) as { functions: Array<{ id: string }> }).functions
    .map((f) => f.id)
    .sort();
  const expected = JXZP_FUNCTIONS.map((f) => f.id).sort();
  if (ids.join() !== expected.join())
    problems.push(`functions.json ids ${ids.join()} ≠ definitions ${expected.join()}`);
  const zhIds = (JSON.parse(read("functions.zh-cn.json")) as { functions: Array<{ id: string }> }).functions
    .map((f) => f.id)
    .sort();
  if (zhIds.join() !== ids.join())
    problems.push(`functions.zh-cn.json ids ${zhIds.join()} ≠ functions.json ${ids.join()}`);

  const html = read("taskpane.html");
  for (const script of ["office-js/office.js", "functions.js", "commands.js", "taskpane.js"]) {
    if (!html.includes(`src=${script}`) && !html.includes(`src="${script}"`))
      problems.push(`taskpane.html does not load ${script}`);
  }
  if (/(src|href)=["']?https?:/i.test(html)) problems.push("taskpane.html loads something from another origin");

  const page = read("web/index.html");
  if (!page.includes("src=page.js") && !page.includes('src="page.js"'))
    problems.push("web/index.html does not load page.js");
  if (/(src|href)=["']?(https?:)?\/\//i.test(page)) problems.push("web/index.html loads something from another origin");
  if (!page.includes("connect-src 'none'"))
    problems.push("web/index.html's Content Security Policy allows connections");

  // Run functions.js against a stand-in runtime: what it associates on load is what Excel can call.
  const associated: string[] = [];
  const runtime = { associate: (id: string) => associated.push(id), Error, ErrorCode: {} };
  try {
    runInNewContext(read("functions.js"), { CustomFunctions: runtime });
  } catch (error) {
    problems.push(`functions.js fails on load: ${(error as Error).message}`);
  }
  associated.sort();
  if (associated.join() !== expected.join())
    problems.push(`functions.js associates ${associated.join()} ≠ ${expected.join()}`);
  // The functions runtime loads functions.js before any cell can compute: keep it small (no zod, no React).
  const functionsGzip = gzipSync(readFileSync(join(DIST, "functions.js"))).length;
  if (functionsGzip > 60 * 1024) problems.push(`functions.js is ${functionsGzip} bytes gzipped, over the 60 KB budget`);
  if (!read("manifest.xml").includes('<Runtime resid="Taskpane.Url" lifetime="long"/>'))
    problems.push("dist/manifest.xml lacks the shared runtime");
}

if (problems.length > 0) {
  console.error(`dist/ is not complete:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(
  "dist/: taskpane.html, functions.js (associates every id), functions.json, functions.zh-cn.json, commands.js, " +
    "office.js, icons, manifest.xml; web/ and its zip (网页版); lib/: CLI — all present",
);
