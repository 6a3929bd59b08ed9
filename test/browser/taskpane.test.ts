/**
 * The task pane in headless Chromium, served from dist/ as Office would load it (outside Office,
 * Office.onReady resolves without a host). Checks what a user sees, accessibility (axe-core), that the
 * page requests nothing from another origin, and writes a screenshot to render-output/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { JXZP_FUNCTIONS as FUNCTION_CATALOGUE } from "../../src/functions/definitions";
import { openPane, ROOT, useChineseFont, type OpenPane } from "./pane";

jest.setTimeout(120000);

let pane: OpenPane;
let page: Page;

beforeAll(async () => {
  pane = await openPane({ width: 360, height: 800 });
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

test("shows the assistant in Chinese, with the JXZP functions", async () => {
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("绩效自评助手");
  expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
  const items = await page.getByRole("listitem").allTextContents();
  expect(items.join("\n")).toContain("JXZP.执行率(全年执行数, 全年预算数)");
  expect(items.join("\n")).toContain('=JXZP.指标得分(5, "120亿元", "115.49亿元") → 4.81');
  expect(items).toHaveLength(FUNCTION_CATALOGUE.length);
  await expect(page.getByText("不会发送到任何地方").count()).resolves.toBe(1);
});

test("outside Excel, 安装模板 is disabled and says why", async () => {
  const button = page.getByRole("button", { name: "安装模板" });
  expect(await button.isDisabled()).toBe(true);
  expect(await page.getByText("请在 Excel 中打开绩效自评助手后安装模板。").count()).toBe(1);
});

test("has no accessibility violations (axe-core)", async () => {
  // Served from our origin: the page's Content Security Policy refuses inline and foreign scripts.
  await page.addScriptTag({ url: `${pane.server.origin}/axe/axe.min.js` });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; help: string }> }> } }
    ).axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  });
  expect(violations).toEqual([]);
});

test("requests nothing from another origin", () => {
  expect(pane.foreignRequests).toEqual([]);
  expect(pane.server.requests).toContain("/office-js/office.js");
});

test("screenshot with a CJK font (render-output/taskpane.png)", async () => {
  await useChineseFont(pane);
  mkdirSync(join(ROOT, "render-output"), { recursive: true });
  const png = await page.screenshot({ path: join(ROOT, "render-output", "taskpane.png"), fullPage: true });
  expect(png.length).toBeGreaterThan(10000);
});
