/** Jest globalSetup for browser tests: builds dist/ when it is missing or older than the sources. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function buildOnce(): void {
  const built = join(ROOT, "dist", "taskpane.html");
  const sources = Math.max(newestMtime(join(ROOT, "src")), statSync(join(ROOT, "webpack.config.js")).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"],
    // The tests serve dist/ themselves: the add-in is built for the development URL.
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ADDIN_URL: process.env.ADDIN_URL ?? "https://localhost:3000/" },
    },
  );
  if (result.status !== 0) throw new Error("webpack build failed");
  // webpack leaves unchanged files untouched; mark the build as current.
  const now = new Date();
  utimesSync(built, now, now);
}
