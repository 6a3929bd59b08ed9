/**
 * The built task pane in headless Chromium, served from dist/ as Office would load it, with our fonts
 * and axe-core on the same origin. Every request to another origin is recorded. `officeJs` replaces
 * office-js/office.js (the in-memory Excel of the validation tests).
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { serveStatic, type StaticServer } from "./static-server";

export const ROOT = join(__dirname, "../..");

export interface OpenPane {
  readonly browser: Browser;
  readonly server: StaticServer;
  readonly page: Page;
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

export async function openPane(options: {
  width: number;
  height: number;
  officeJs?: string;
  acceptDownloads?: boolean;
  /** A script run in the page before any of its own (data for the office.js stand-in). */
  init?: string;
}): Promise<OpenPane> {
  const server = await serveStatic({
    "/fonts/": join(ROOT, "node_modules/@fontsource/noto-sans-sc"),
    "/axe/": join(ROOT, "node_modules/axe-core"),
    "/": join(ROOT, "dist"),
  });
  const browser = await launchBrowser();
  const page = await browser.newPage({
    viewport: { width: options.width, height: options.height },
    locale: "zh-CN",
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const foreignRequests: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(server.origin) && !request.url().startsWith("data:"))
      foreignRequests.push(request.url());
  });
  if (options.officeJs !== undefined) {
    const body = options.officeJs;
    await page.route(`${server.origin}/office-js/office.js`, (route) =>
      route.fulfill({ contentType: "application/javascript", body }),
    );
  }
  if (options.init !== undefined) await page.addInitScript(options.init);
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByRole("heading", { level: 1 }).waitFor({ timeout: 30000 });
  return {
    browser,
    server,
    page,
    foreignRequests,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Noto Sans SC from our own server, so screenshots show Chinese (headless Chromium has no CJK font). */
export async function useChineseFont(pane: OpenPane): Promise<void> {
  for (const weight of [400, 600])
    await pane.page.addStyleTag({ url: `${pane.server.origin}/fonts/chinese-simplified-${weight}.css` });
  await pane.page.addStyleTag({ content: "body, body * { font-family: 'Noto Sans SC', sans-serif !important; }" });
  await pane.page.evaluate(() => document.fonts.ready);
}
