/**
 * The task pane inside "Excel": the built page in headless Chromium with office.js replaced by the
 * in-memory Excel holding the 株洲 workbook with typical mistakes. Press 校验, read the findings, click
 * one and see Excel's selection move, fix one after confirming; accessibility and network checked;
 * a screenshot kept in docs/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import type { FakeContext } from "../support/fake-excel";
import { openPane, ROOT, useChineseFont, type OpenPane } from "./pane";
import { seriousViolations } from "./axe";

jest.setTimeout(120000);

let pane: OpenPane;
let page: Page;

/** Reads the in-memory Excel in the page (the harness's globalThis.__fake). */
const fakeState = <T>(read: (fake: FakeContext) => T) =>
  page.evaluate(`(${read.toString()})(globalThis.__fake)`) as Promise<T>;
/** Waits until `holds` is true of the in-memory Excel in the page. */
const fakeUntil = (holds: (fake: FakeContext) => boolean) =>
  page.waitForFunction(`(${holds.toString()})(globalThis.__fake)`);

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
  pane = await openPane({ width: 380, height: 900, officeJs: harness.outputFiles[0]!.text, acceptDownloads: true });
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

test("inside Excel, 校验 reads the workbook in one sync and lists the findings by severity", async () => {
  expect(await page.getByRole("button", { name: "安装模板" }).isDisabled()).toBe(false);
  await page.getByRole("button", { name: "校验", exact: true }).click();
  await page.getByRole("heading", { level: 3, name: "附件2 自评表" }).waitFor();
  const headings = await page.getByRole("heading", { level: 3 }).allTextContents();
  expect(headings).toEqual(["附件1 基础数据表", "附件2 自评表"]);
  expect(await fakeState((fake) => fake.syncCount)).toBe(1);
  expect(await page.getByText("总分 108.00 · 等次 优 · 全国通用").count()).toBe(1);
  const filters = await page.getByRole("group", { name: "校验" }).getByRole("button").allTextContents();
  expect(filters).toEqual(["全部 9", "错误 1", "警告 2", "提示 6", "已说明 0"]);
});

test("filters show one severity at a time", async () => {
  await page.getByRole("button", { name: /^错误 \d+$/ }).click();
  const items = page.getByRole("listitem").filter({ hasText: "错误" });
  expect(await items.count()).toBe(1);
  expect(await items.first().textContent()).toContain("分值合计 110.00 ≠ 100");
  await page.getByRole("button", { name: /^全部 \d+$/ }).click();
});

test("clicking a finding selects its cell in Excel", async () => {
  await page.getByRole("listitem").filter({ hasText: "分值合计 110.00" }).getByRole("button").first().click();
  await fakeUntil((fake) => fake.workbook.selection !== null);
  expect(await fakeState((fake) => fake.workbook.selection)).toEqual({ sheet: "附件2 自评表", address: "F29" });
});

test("cell text is shown as text, never as HTML", async () => {
  const item = page.getByRole("listitem").filter({ hasText: "新增省级以上科技创新平台" });
  expect(await item.count()).toBe(1);
  expect(await item.textContent()).toContain("「<b>新增省级以上科技创新平台</b>」");
  expect(await item.locator("b").count()).toBe(0);
});

test("修正 asks first, then turns the text into a number and validates again", async () => {
  const item = page.getByRole("listitem").filter({ hasText: "是文本（含全角字符）" });
  await item.getByRole("button", { name: "修正" }).click();
  const dialog = page.getByRole("dialog");
  expect(await dialog.textContent()).toContain("将 附件2 自评表!E4 改为数字 1387.53。Excel 不能用 Ctrl+Z 撤销");
  await dialog.getByRole("button", { name: "确定" }).click();
  await page.getByRole("button", { name: /^警告 1$/ }).waitFor();
  expect(
    await fakeState(
      (fake) => fake.workbook.sheets.find((s) => s.nameValue === "附件2 自评表")!.cellMap.get("E4")!.formula,
    ),
  ).toBe(1387.53);
});

test("生成报告: refused with errors; as a draft, previewed in the pane and saved as a .docx", async () => {
  await page.getByRole("button", { name: "生成报告" }).click();
  await page.getByText("工作簿有 1 个错误，未生成报告").waitFor();
  await page.getByRole("switch").check();
  await page.getByRole("button", { name: "生成报告" }).click();
  const preview = page.getByRole("document", { name: "报告预览" });
  await preview.waitFor({ timeout: 30000 });
  expect(await preview.textContent()).toContain(
    "株洲市科学技术局编制数39人，2024年末实际在职人数32人，在职人员控制率为82.05%",
  );
  expect(await preview.locator("mark").first().textContent()).toBe("【请填写：部门职责与机构设置（报告文字）】");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "保存 .docx" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("株洲市科学技术局-2024年度绩效自评报告（草稿）.docx");
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  expect(bytes.length).toBeGreaterThan(10000);
});

test("has no serious accessibility violations (axe-core)", async () => {
  const violations = await seriousViolations(page, pane.server.origin);
  expect(violations).toEqual([]);
});

test("requests nothing from another origin", () => {
  expect(pane.foreignRequests).toEqual([]);
});

test("screenshots with a CJK font (docs/taskpane-validation.png, docs/taskpane-report.png)", async () => {
  await useChineseFont(pane);
  const section = page.locator("section[aria-labelledby='validate-heading']");
  const png = await section.screenshot({ path: join(ROOT, "docs", "taskpane-validation.png") });
  expect(png.length).toBeGreaterThan(10000);
  const report = await page
    .locator("section[aria-labelledby='report-heading']")
    .screenshot({ path: join(ROOT, "docs", "taskpane-report.png") });
  expect(report.length).toBeGreaterThan(10000);
});

test("a 全年预算数 of 0: the pane says 总分 and 等次 are provisional, and why", async () => {
  await page.evaluate(`globalThis.__fake.workbook.sheet("附件2 自评表").cell("D4").formula = 0`);
  await page.getByRole("button", { name: "校验", exact: true }).click();
  const reason = "全年预算数为 0，预算执行率不适用：执行率得分无法计算，总分与等次为暂定";
  // The bar under the total (the live region), besides the funds.provisional finding in the list.
  await page.locator("[aria-live='polite']").getByText(reason, { exact: true }).waitFor();
  await page.screenshot({ path: "/tmp/pane-provisional.png" });
});
