/**
 * 网页版 over a workbook with two project tables (附件3-1, 附件3-2), written by the CLI's writer, 附件3-2's
 * 全年执行数 typed as text with a stray space: the findings of each project in its own section, titled with its
 * 项目名称, in the workbook's order, each naming 工作表!单元格; a project's fix goes to the copy. Screenshot kept in
 * docs/page-projects.png.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SHEETS } from "../../src/domain/contract";
import { projectSheetName } from "../../src/domain/projects/contract";
import { editWorkbookCopy } from "../../src/workbook/xlsx/edit";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { loadProjectSample } from "../support/model-inputs";
import { seriousViolations } from "./axe";
import { openWeb, ROOT, type OpenWeb } from "./web";

jest.setTimeout(120000);

let web: OpenWeb;
const PROJECTS = [`${projectSheetName(1)} · 科技创新平台建设`, `${projectSheetName(2)} · 科普活动`];

beforeAll(async () => {
  const bytes = new Uint8Array(await buildWorkbook(loadProjectSample()).xlsx.writeBuffer());
  const file = join(mkdtempSync(join(tmpdir(), "jxzp-page-projects-")), "株洲-两个项目.xlsx");
  writeFileSync(file, editWorkbookCopy(bytes, { cells: [{ sheet: projectSheetName(2), cell: "E5", value: "45 " }] }));
  web = await openWeb("http", { width: 1280, height: 900 });
  await web.page.getByTestId("open-workbook").setInputFiles(file);
  await web.page.getByRole("heading", { level: 3, name: PROJECTS[1] }).waitFor({ timeout: 30000 });
});

afterAll(async () => {
  await web?.close();
});

test("each project's findings in its own section, after 附件2, before 报告文字, each naming 工作表!单元格", async () => {
  const headings = await web.page.getByRole("heading", { level: 3 }).allTextContents();
  expect(headings.filter((h) => h.startsWith("附件3-"))).toEqual(PROJECTS);
  const at = (title: string) => headings.indexOf(title);
  expect(at(PROJECTS[0]!)).toBeGreaterThan(Math.max(at(SHEETS.basic.name), at(SHEETS.eval.name)));
  if (at(SHEETS.report.name) >= 0) expect(at(SHEETS.report.name)).toBeGreaterThan(at(PROJECTS[1]!));
  const slip = web.page
    .getByRole("listitem")
    .filter({ hasText: "项目「科普活动」（附件3-2）" })
    .filter({ hasText: "E5" });
  expect(await slip.first().textContent()).toContain(`${projectSheetName(2)}!E5`);
});

test("screenshot (docs/page-projects.png)", async () => {
  const { page } = web;
  await page.evaluate(() => window.scrollTo(0, 0)); // boxes in page coordinates, for a full-page clip
  const section = await page.locator("section[aria-labelledby='validate-heading']").boundingBox();
  const first = await page.getByRole("heading", { level: 3, name: PROJECTS[0] }).boundingBox();
  const last = await page.getByRole("heading", { level: 3, name: PROJECTS[1] }).locator("..").boundingBox();
  const png = await page.screenshot({
    path: join(ROOT, "docs", "page-projects.png"),
    fullPage: true,
    clip: {
      x: section!.x - 16,
      y: first!.y - 8,
      width: section!.width + 32,
      height: last!.y + last!.height - first!.y + 24,
    },
  });
  expect(png.length).toBeGreaterThan(10000);
});

test("a project's fix goes to the copy, and the section no longer lists it", async () => {
  const { page } = web;
  const slip = page
    .getByRole("listitem")
    .filter({ hasText: `${projectSheetName(2)}!E5` })
    .filter({ hasText: "修正" });
  await slip.getByRole("button", { name: "修正" }).click();
  const dialog = page.getByRole("dialog");
  expect(await dialog.textContent()).toContain(`将副本中的 ${projectSheetName(2)}!E5 改为`);
  await dialog.getByRole("button", { name: "确定" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByText("副本中已作 1 处修改（原文件未改动）").waitFor();
  await page
    .getByRole("listitem")
    .filter({ hasText: `${projectSheetName(2)}!E5` })
    .filter({ hasText: "修正" })
    .waitFor({
      state: "detached",
    });
});

test("no serious accessibility violation, nothing requested beyond the page", async () => {
  const { page } = web;
  // The fix's dialog gone, and the page no longer hidden from assistive technology behind it.
  await page.waitForFunction(
    () =>
      !document.querySelector("[role='dialog']") && !document.querySelector("main")?.closest("[aria-hidden='true']"),
  );
  expect(await seriousViolations(page, web.server!.origin)).toEqual([]);
  expect(web.foreignRequests).toEqual([]);
});
