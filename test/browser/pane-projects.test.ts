/**
 * Project tables (附件3) in the task pane, inside "Excel" (the in-memory one) holding the 株洲 workbook with two
 * project tables, 附件3-2's 全年执行数 typed as full-width text: 校验 lists each project's findings in its own
 * section titled with its 项目名称, clicking one selects its cell on the project's sheet; 添加项目表 adds a third;
 * 删除项目表 asks first, naming what the table holds, then removes it and the third moves up. Accessibility
 * checked; a screenshot kept in docs/.
 */
import { join } from "node:path";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { projectSheetName } from "../../src/domain/projects/contract";
import type { FakeContext } from "../support/fake-excel";
import { loadProjectSample } from "../support/model-inputs";
import { seriousViolations } from "./axe";
import { openPane, ROOT, useChineseFont, type OpenPane } from "./pane";

jest.setTimeout(120000);

let pane: OpenPane;
let page: Page;

const fakeState = <T>(read: (fake: FakeContext) => T) =>
  page.evaluate(`(${read.toString()})(globalThis.__fake)`) as Promise<T>;
const fakeUntil = (holds: (fake: FakeContext) => boolean) =>
  page.waitForFunction(`(${holds.toString()})(globalThis.__fake)`);

/** A dialog closed, and the rest of the pane no longer hidden from assistive technology behind it. */
const dialogGone = () =>
  page.waitForFunction(
    () =>
      !document.querySelector("[role='dialog']") && !document.querySelector("main")?.closest("[aria-hidden='true']"),
  );

const validate = async () => {
  await page.getByRole("button", { name: "校验", exact: true }).click();
  await page.getByRole("heading", { level: 3, name: "附件2 自评表" }).waitFor();
};

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
  const json = JSON.parse(JSON.stringify(loadProjectSample()));
  for (const part of [json.basic, json.eval]) Object.assign(part, { preparer: "李明", filledOn: "2025-04-20" });
  const cells = [[projectSheetName(2), "E5", "４５"]]; // a number typed as full-width text
  pane = await openPane({
    width: 380,
    height: 900,
    officeJs: harness.outputFiles[0]!.text,
    init: `globalThis.__harnessModel = ${JSON.stringify(json)}; globalThis.__harnessCells = ${JSON.stringify(cells)};`,
  });
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

test("校验: each project its own section, titled with its name, after 附件2, in one read of two syncs", async () => {
  await validate();
  const headings = await page.getByRole("heading", { level: 3 }).allTextContents();
  const projects = ["附件3-1 项目支出绩效自评表 · 科技创新平台建设", "附件3-2 项目支出绩效自评表 · 科普活动"];
  expect(headings.filter((h) => h.startsWith("附件3-"))).toEqual(projects);
  expect(headings.indexOf(projects[0]!)).toBeGreaterThan(headings.indexOf("附件2 自评表"));
  expect(await fakeState((fake) => fake.syncCount)).toBe(2);
  const slip = page.getByRole("listitem").filter({ hasText: "「４５」是文本" });
  expect(await slip.textContent()).toContain("项目「科普活动」（附件3-2）");
});

test("clicking a project's finding selects its cell on the project's sheet", async () => {
  await page.getByRole("listitem").filter({ hasText: "「４５」是文本" }).getByRole("button").first().click();
  await fakeUntil((fake) => fake.workbook.selection !== null);
  expect(await fakeState((fake) => fake.workbook.selection)).toEqual({ sheet: projectSheetName(2), address: "E5" });
});

test("screenshot with a CJK font (docs/taskpane-projects.png)", async () => {
  await useChineseFont(pane);
  await page.evaluate(() => window.scrollTo(0, 0)); // boxes in page coordinates, for a full-page clip
  const section = page.locator("section[aria-labelledby='validate-heading']");
  const top = await page.getByRole("heading", { level: 3, name: /^附件3-1/ }).boundingBox();
  const box = await section.boundingBox();
  const end = await page
    .getByRole("heading", { level: 3, name: /^附件3-2/ })
    .locator("..")
    .boundingBox();
  const png = await page.screenshot({
    path: join(ROOT, "docs", "taskpane-projects.png"),
    fullPage: true,
    clip: { x: box!.x, y: top!.y - 8, width: box!.width, height: end!.y + end!.height - top!.y + 16 },
  });
  expect(png.length).toBeGreaterThan(10000);
});

test("添加项目表: a third table, named as typed, after the two; 校验 runs again and lists it", async () => {
  await page.getByRole("textbox", { name: "项目名称（可不填）" }).fill("乡村振兴科技特派员");
  await page.getByRole("button", { name: "添加项目表" }).click();
  await page.getByText(`已添加「${projectSheetName(3)}」`).waitFor();
  const sheets = await fakeState((fake) => fake.workbook.sheets.map((s) => s.nameValue));
  expect(sheets.slice(-3)).toEqual([1, 2, 3].map(projectSheetName));
  await page.getByRole("heading", { level: 3, name: `${projectSheetName(3)} · 乡村振兴科技特派员` }).waitFor();
});

test("删除项目表: chosen, confirmed with what it holds; the later table moves up, its name kept", async () => {
  await page.getByRole("button", { name: "删除项目表…" }).click();
  const choose = page.getByRole("combobox", { name: "要删除的项目表" });
  await choose.waitFor();
  expect(await choose.locator("option").allTextContents()).toEqual([
    `${projectSheetName(1)} · 科技创新平台建设`,
    `${projectSheetName(2)} · 科普活动`,
    `${projectSheetName(3)} · 乡村振兴科技特派员`,
  ]);
  await choose.selectOption({ label: `${projectSheetName(2)} · 科普活动` });
  expect(await seriousViolations(page, pane.server.origin)).toEqual([]);
  await page.getByRole("button", { name: "删除", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "删除项目表" });
  const text = await dialog.textContent();
  expect(text).toContain(`将删除「${projectSheetName(2)} · 科普活动」，其中已填写：项目名称、主管部门、实施单位`);
  expect(text).toContain("绩效指标 3 行");
  expect(text).toContain(`其后的 ${projectSheetName(3)} 依次前移一位，所填内容不变`);
  expect(text).toContain("Excel 不能用 Ctrl+Z 撤销");
  await dialog.getByRole("button", { name: "删除" }).click();
  await page.getByText(`已删除「${projectSheetName(2)}」`).waitFor();
  const names = await fakeState((fake) => [
    fake.workbook.sheets.map((s) => s.nameValue).filter((n) => n.startsWith("附件3-")),
    fake.workbook.names.get("项目2_项目名称"),
    fake.workbook.sheets.find((s) => s.nameValue.startsWith("附件3-2"))!.cellMap.get("B2")!.formula,
  ]);
  expect(names).toEqual([
    [projectSheetName(1), projectSheetName(2)],
    `='${projectSheetName(2)}'!$B$2`,
    "乡村振兴科技特派员",
  ]);
  await page.getByRole("heading", { level: 3, name: `${projectSheetName(2)} · 乡村振兴科技特派员` }).waitFor();
});

test("cancelling the removal changes nothing", async () => {
  const before = await fakeState((fake) => fake.workbook.sheets.length);
  await page.getByRole("button", { name: "删除项目表…" }).click();
  await page.getByRole("button", { name: "删除", exact: true }).click();
  await page.getByRole("dialog", { name: "删除项目表" }).getByRole("button", { name: "取消" }).click();
  await dialogGone();
  expect(await fakeState((fake) => fake.workbook.sheets.length)).toBe(before);
});

test("has no serious accessibility violations (axe-core), and requests nothing from another origin", async () => {
  expect(await seriousViolations(page, pane.server.origin)).toEqual([]);
  expect(pane.foreignRequests).toEqual([]);
});
