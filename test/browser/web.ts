/**
 * The browser page in headless Chromium, opened as a user would: dist/web from a local static server (an
 * intranet host), or the shared zip unzipped into a folder and its index.html opened (file://, no server).
 * Every request beyond the page's own origin (or folder) is recorded.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { serveStatic, type StaticServer } from "./static-server";

export const ROOT = join(__dirname, "../..");
export const PAGE_DIR = join(ROOT, "dist", "web");

export const PAGE_ZIP = join(ROOT, "dist", "绩效自评助手-网页版.zip");

export type PageMode = "http" | "file";

let unzipped: string | null = null;
/** The folder a finance officer gets by unzipping the shared zip (once per test file). */
export function unzippedPage(): string {
  if (unzipped) return unzipped;
  const dir = mkdtempSync(join(tmpdir(), "jxzp-web-"));
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(PAGE_ZIP)))) {
    if (name.endsWith("/")) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  return (unzipped = join(dir, "绩效自评助手-网页版"));
}

export interface OpenWeb {
  readonly mode: PageMode;
  readonly browser: Browser;
  readonly page: Page;
  readonly server: StaticServer | null;
  /** Requests that left the page's origin (http) or folder (file://). */
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

export async function openWeb(
  mode: PageMode,
  options: { width?: number; height?: number; blockWorkers?: boolean; colorScheme?: "light" | "dark" } = {},
): Promise<OpenWeb> {
  const server =
    mode === "http" ? await serveStatic({ "/axe/": join(ROOT, "node_modules/axe-core"), "/": PAGE_DIR }) : null;
  const base = server ? `${server.origin}/` : pathToFileURL(unzippedPage()).href + "/";
  const browser = await launchBrowser();
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: "zh-CN",
    acceptDownloads: true,
    colorScheme: options.colorScheme ?? "light",
  });
  const foreignRequests: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("blob:")) foreignRequests.push(url);
  });
  // A browser that refuses worker scripts (Chromium on file://): the page must do the work itself.
  if (options.blockWorkers) await page.route(/\/worker\.js$/, (route) => route.abort());
  await page.goto(`${base}index.html`);
  await page.getByRole("heading", { level: 1 }).waitFor({ timeout: 30000 });
  return {
    mode,
    browser,
    page,
    server,
    foreignRequests,
    close: async () => {
      await browser.close();
      await server?.close();
    },
  };
}

/** Clicks `button` and returns the bytes and name of the download it starts. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const { readFileSync } = await import("node:fs");
  const [event] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: event.suggestedFilename(), bytes: readFileSync((await event.path())!) };
}
