/**
 * 评分口径 in the task pane at its narrowest (320 px), inside "Excel" (the in-memory one of the validation
 * tests, holding the 株洲 workbook): a finding's 依据, 口径对比 fitting the pane, and a bureau's profile file —
 * used at once, written to the 评分口径 cell only after 确定 (cancelled: nothing written). Accessibility
 * checked with the compare open; a screenshot kept in docs/.
 */
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { SHEETS } from "../../src/domain/contract";
import { seriousViolations } from "./axe";
import { openPane, ROOT, useChineseFont, type OpenPane } from "./pane";

jest.setTimeout(120000);

const WIDTH = 320;
let pane: OpenPane;
let page: Page;

/** The 评分口径 cell as the in-memory Excel holds it. */
const profileCell = () =>
  page.evaluate(
    `globalThis.__fake.workbook.sheets.find((s) => s.nameValue === ${JSON.stringify(SHEETS.report.name)})` +
      `.cellMap.get("B12")?.formula ?? null`,
  ) as Promise<unknown>;

/** Whether anything in the pane is wider than the pane. */
const overflows = () =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

function cityProfileFile(): string {
  const national = JSON.parse(readFileSync(join(ROOT, "src/domain/profiles/data/national.json"), "utf8"));
  const grades = national.grades.map((band: object, i: number) => ({ ...band, grade: "甲乙丙丁"[i] }));
  const file = join(mkdtempSync(join(tmpdir(), "jxzp-pane-")), "某市口径.json");
  writeFileSync(file, JSON.stringify({ ...national, id: "zz-city", name: "某市口径", grades }));
  return file;
}

beforeAll(async () => {
  const harness = await build({
    entryPoints: [join(__dirname, "pages/office-harness.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  });
  pane = await openPane({ width: WIDTH, height: 900, officeJs: harness.outputFiles[0]!.text });
  page = pane.page;
  await page.getByRole("button", { name: "校验", exact: true }).click();
  await page.getByText("总分 108.00 · 等次 优 · 全国通用").waitFor();
});

afterAll(async () => {
  await pane?.close();
});

test("a finding a profile rule made shows its 依据", async () => {
  const item = page.getByRole("listitem").filter({ hasText: "score.overAchievement" }).first();
  expect(await item.textContent()).toMatch(/按“全国通用”：超额完成不加减分.*依据：财政部/);
});

test("口径对比 fits the 320 px pane: real tables with headers, no sideways scrolling", async () => {
  await page.getByRole("button", { name: "口径对比" }).click();
  await page
    .getByRole("group", { name: "对比的口径" })
    .getByRole("checkbox", { name: "一体化平台（后期等次）" })
    .check();
  const totals = page.getByRole("table", { name: "各口径的执行率得分、总分和等次" });
  const rows = page.getByRole("table", { name: "各口径建议得分不同的指标" });
  await rows.waitFor();
  expect(await totals.getByRole("columnheader").allTextContents()).toEqual([
    "口径",
    "全国通用",
    "一体化平台（后期等次）",
  ]);
  expect(await totals.getByRole("rowheader").allTextContents()).toEqual([
    "执行率得分",
    "总分·等次（填报得分）",
    "总分·等次（按口径建议）",
  ]);
  expect(await rows.getByRole("columnheader").count()).toBe(5);
  expect(await rows.getByRole("rowheader").count()).toBeGreaterThan(0);
  expect(await overflows()).toBe(false);
  for (const table of [totals, rows])
    expect(await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
});

test("axe-core at 320 px with the compare open: no serious or critical violation", async () => {
  expect(await seriousViolations(page, pane.server.origin)).toEqual([]);
});

test("screenshot with a CJK font (docs/taskpane-compare.png)", async () => {
  await useChineseFont(pane);
  const start = await page.getByRole("heading", { name: "校验", level: 2 }).boundingBox();
  const end = await page.getByRole("table", { name: "各口径建议得分不同的指标" }).boundingBox();
  const png = await page.screenshot({
    path: join(ROOT, "docs", "taskpane-compare.png"),
    fullPage: true,
    clip: { x: 0, y: start!.y - 12, width: WIDTH, height: end!.y + end!.height - start!.y + 24 },
  });
  expect(png.length).toBeGreaterThan(10000);
});

test("a profile file: used at once; the 评分口径 cell is written only after 确定", async () => {
  const before = await profileCell();
  await page.getByTestId("profile-file").setInputFiles(cityProfileFile());
  const dialog = page.getByRole("dialog", { name: "写入评分口径" });
  await dialog.waitFor();
  const select = page.getByRole("combobox", { name: "评分口径" });
  const label = await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.text);
  expect(label).toMatch(/^某市口径（自定义 [0-9a-f]{8}）$/);
  expect(await dialog.textContent()).toContain(
    `将 ${SHEETS.report.name}!B12 改为「${label}」。Excel 不能用 Ctrl+Z 撤销加载项所做的修改`,
  );
  // 取消: validated with the file, nothing written.
  await dialog.getByRole("button", { name: "取消" }).click();
  await page.getByText("总分 108.00 · 等次 甲 · 某市口径").waitFor();
  expect(await profileCell()).toEqual(before);

  // Chosen again: asked again; 确定 writes the label.
  await select.selectOption("national");
  await select.selectOption({ label });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "确定" }).click();
  await page.waitForFunction(
    `globalThis.__fake.workbook.sheets.find((s) => s.nameValue === ${JSON.stringify(SHEETS.report.name)})` +
      `.cellMap.get("B12")?.formula === ${JSON.stringify(label)}`,
  );
  await page.getByText("总分 108.00 · 等次 甲 · 某市口径").waitFor();
  // The workbook now names the profile and the file is given: no 评分口径 warning.
  expect(await page.getByRole("listitem").filter({ hasText: "review.profile" }).count()).toBe(0);
  expect(await overflows()).toBe(false);
});
