/**
 * After `npm run build`: checks that dist/ holds what Office loads (run by .ci/run). Exits 1 with the
 * list of what is missing or wrong.
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { FUNCTION_CATALOGUE } from "../src/functions/catalogue";

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
];
for (const file of required) {
  const path = file.startsWith("lib/") ? join(__dirname, "..", file) : join(DIST, file);
  if (!existsSync(path)) problems.push(`missing ${file}`);
}

if (problems.length === 0) {
  const ids = (JSON.parse(read("functions.json")) as { functions: Array<{ id: string }> }).functions
    .map((f) => f.id)
    .sort();
  const expected = FUNCTION_CATALOGUE.map((f) => f.id).sort();
  if (ids.join() !== expected.join()) problems.push(`functions.json ids ${ids.join()} ≠ catalogue ${expected.join()}`);
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

  const associated = [...read("functions.js").matchAll(/CustomFunctions\.associate\("(\w+)"/g)].map((m) => m[1]).sort();
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
  "dist/: taskpane.html, functions.js (+ associate calls), functions.json, functions.zh-cn.json, commands.js, office.js, icons, manifest.xml; lib/: CLI — all present",
);
