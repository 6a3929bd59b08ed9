/**
 * 网页版 in headless Chromium, from a static server and from file://: the blank template, the 株洲 workbook
 * validated, the report refused with errors and generated without (checked by the CLI's verify; also in the 岳阳
 * table form), a fix and an explanation applied to a copy that differs from the file only in those cells, a
 * 50-workbook batch with
 * two hostile files, the page without workers, accessibility, the keyboard, and no request beyond the page;
 * 评分口径: a finding's 依据, 口径对比 checked against the domain, a bureau's profile file (broken and valid).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { completedSample } from "../../scripts/completed-sample";
import { variedModel } from "../../scripts/batch-samples";
import { compareProfiles } from "../../src/domain/compare";
import { SHEETS } from "../../src/domain/contract";
import { formatAmount } from "../../src/domain/decimal";
import { FORM_LAYOUTS } from "../../src/domain/forms/yueyang";
import { readReport } from "../../src/docx/read";
import { getProfile, parseProfileFile, ruleText } from "../../src/domain/profiles";
import { validate } from "../../src/domain/validation";
import { workbookModel } from "../../src/domain/model";
import { editWorkbookCopy } from "../../src/workbook/xlsx/edit";
import { inspectWorkbook } from "../../src/workbook/xlsx/read";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { cli, sampleWorkbook } from "../support/cli";
import { seriousViolations } from "./axe";
import { download, openWeb, PAGE_ZIP, ROOT, type OpenWeb, type PageMode } from "./web";

jest.setTimeout(180000);

const DIR = mkdtempSync(join(tmpdir(), "jxzp-page-"));
const EVAL = SHEETS.eval.name;

/** Fixtures: the published 株洲 workbook (4 errors, a warning to explain) with an amount typed as full-width text. */
let withErrors: string;
let withErrorsBytes: Uint8Array;
/** The 株洲 workbook completed as submitted: no errors. */
let complete: string;

beforeAll(async () => {
  const published = await sampleWorkbook(DIR, "published", (json) => {
    for (const part of [json.basic, json.eval]) {
      delete part.preparer;
      delete part.filledOn;
    }
  });
  withErrorsBytes = editWorkbookCopy(readFileSync(published), {
    cells: [{ sheet: EVAL, cell: "E4", value: "１３８７.５３" }],
  });
  withErrors = join(DIR, "株洲-有错误.xlsx");
  writeFileSync(withErrors, withErrorsBytes);
  complete = join(DIR, "株洲-完整.xlsx");
  const model = workbookModel.parse(completedSample());
  writeFileSync(complete, Buffer.from(await buildWorkbook(model).xlsx.writeBuffer()));
});

/** Sheet name → its part in the package (xl/worksheets/sheetN.xml). */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const text = (name: string) => new TextDecoder().decode(files[name]);
  const targets = new Map(
    [...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map(
      (m) => [m[1], m[2]!.replace(/^\/?(xl\/)?/, "xl/")],
    ),
  );
  return new Map(
    [...text("xl/workbook.xml").matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)].map((m) => [
      m[1]!,
      targets.get(m[2])!,
    ]),
  );
}

/** Every cell element of a sheet's XML by its address. */
const cellsOf = (xml: string) =>
  new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>.*?<\/c>)/gs)].map((m) => [m[1]!, m[0]]));

test("the shared zip holds the page, its worker and a 使用说明 in one folder", () => {
  const names = Object.keys(unzipSync(readFileSync(PAGE_ZIP))).sort();
  for (const name of ["index.html", "page.js", "worker.js", "使用说明.txt", "assets/icon-80.png"])
    expect(names).toContain(`绩效自评助手-网页版/${name}`);
  expect(names.every((name) => name.startsWith("绩效自评助手-网页版/"))).toBe(true);
  const readme = new TextDecoder().decode(unzipSync(readFileSync(PAGE_ZIP))["绩效自评助手-网页版/使用说明.txt"]);
  expect(readme).toContain("双击 index.html");
});

describe.each<PageMode>(["http", "file"])("the page from %s", (mode) => {
  let web: OpenWeb;

  beforeAll(async () => {
    web = await openWeb(mode);
  });
  afterAll(async () => {
    await web?.close();
  });

  test("下载空白模板: the template the CLI writes, part for part", async () => {
    const { name, bytes } = await download(web.page, () =>
      web.page.getByRole("button", { name: "下载空白模板" }).click(),
    );
    expect(name).toBe("绩效自评模板.xlsx");
    const fromPage = unzipSync(bytes);
    const fromCli = unzipSync(new Uint8Array(await buildWorkbook().xlsx.writeBuffer()));
    expect(Object.keys(fromPage)).toEqual(Object.keys(fromCli));
    // Only the timestamps of docProps/core.xml differ.
    for (const part of Object.keys(fromCli).filter((p) => p !== "docProps/core.xml"))
      expect([part, Buffer.from(fromPage[part]!).equals(Buffer.from(fromCli[part]!))]).toEqual([part, true]);
  });

  test("打开工作簿: the 株洲 workbook's 总分 and findings, each naming 工作表!单元格", async () => {
    await web.page.getByTestId("open-workbook").setInputFiles(withErrors);
    await web.page.getByText("总分 98.00 · 等次 优 · 全国通用").waitFor({ timeout: 30000 });
    const filters = await web.page.getByRole("group", { name: "校验" }).getByRole("button").allTextContents();
    expect(filters).toEqual(["全部 12", "错误 4", "警告 2", "提示 6", "已说明 0"]);
    const headings = await web.page.getByRole("heading", { level: 3 }).allTextContents();
    expect(headings).toEqual([SHEETS.basic.name, EVAL]);
    const slip = web.page.getByRole("listitem").filter({ hasText: "是文本" });
    expect(await slip.textContent()).toContain(`${EVAL}!E4`);
  });

  test("生成报告 is refused while the workbook has errors", async () => {
    await web.page.getByRole("button", { name: "生成报告" }).click();
    await web.page.getByText("工作簿有 4 个错误，未生成报告").waitFor();
  });

  test("修正 and 说明 go to a copy that differs from the file only in those cells", async () => {
    const { page } = web;
    const slip = page.getByRole("listitem").filter({ hasText: "是文本" });
    await slip.getByRole("button", { name: "修正" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.textContent()).toContain(`将副本中的 ${EVAL}!E4 改为数字 1387.53。您打开的文件不会改动`);
    await dialog.getByRole("button", { name: "确定" }).click();
    await page.getByRole("button", { name: /^警告 1$/ }).waitFor();

    const warning = page.getByRole("listitem").filter({ hasText: "口径差异" });
    await warning.getByRole("button", { name: "说明" }).click();
    await warning.getByRole("textbox").fill("附件1 含代管的市级专项资金");
    await warning.getByRole("button", { name: "保存" }).click();
    await page.getByRole("button", { name: /^已说明 1$/ }).waitFor();
    expect(await page.getByText("副本中已作 2 处修改（原文件未改动）").count()).toBe(1);

    const copy = await download(page, () => page.getByRole("button", { name: "下载修改后的副本" }).click());
    expect(copy.name).toBe("株洲-有错误（已修正）.xlsx");
    const before = unzipSync(withErrorsBytes);
    const after = unzipSync(new Uint8Array(copy.bytes));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const parts = sheetParts(before);
    const touched = new Map([
      [parts.get(EVAL)!, ["E4"]],
      [parts.get(SHEETS.report.name)!, ["A15", "B15", "C15"]],
    ]);
    for (const part of Object.keys(before)) {
      const same = Buffer.from(before[part]!).equals(Buffer.from(after[part]!));
      if (!touched.has(part)) {
        expect([part, same]).toEqual([part, true]);
        continue;
      }
      const [old, now] = [before[part]!, after[part]!].map((b) => cellsOf(new TextDecoder().decode(b)));
      for (const address of new Set([...old!.keys(), ...now!.keys()]))
        if (!touched.get(part)!.includes(address))
          expect([address, now!.get(address)]).toEqual([address, old!.get(address)]);
    }
    const read = await inspectWorkbook(copy.bytes);
    const [key] = [...read.locations].find(([, at]) => at.sheet === EVAL && at.address === "E4")!;
    expect(read.cells.find((c) => c.key === key)?.value).toBe(1387.53);
    expect(read.model.review.acknowledgements).toEqual([
      { rule: "cross.projects", reason: "附件1 含代管的市级专项资金", key: "basic.projects.total.final" },
    ]);
  });

  test("生成报告 for a workbook without errors: the .docx the CLI verifies against the workbook", async () => {
    const { page } = web;
    await page.getByTestId("open-workbook").setInputFiles(complete);
    await page.getByText(/总分 \d+\.\d\d · 等次/).waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: "生成报告" }).click();
    const preview = page.getByRole("document", { name: "报告预览" });
    await preview.waitFor({ timeout: 30000 });
    expect(await preview.textContent()).toContain("株洲市科学技术局编制数39人");
    const report = await download(page, () => page.getByRole("button", { name: "保存 .docx" }).click());
    expect(report.name).toBe("株洲市科学技术局-2024年度绩效自评报告.docx");
    const docx = join(DIR, `${mode}.docx`);
    writeFileSync(docx, report.bytes);
    const verified = await cli("verify", docx, complete);
    expect([verified.code, verified.out]).toEqual([0, expect.stringContaining("一致")]);
  });

  test("报告格式 岳阳表式: the .docx in the table form, which the CLI verifies in that form", async () => {
    const { page } = web;
    const layout = FORM_LAYOUTS.yueyang!;
    await page.getByRole("radio", { name: layout.label }).check();
    await page.getByRole("button", { name: "生成报告" }).click();
    await page.getByText(`已按「${layout.name}」生成`).waitFor({ timeout: 30000 });
    const report = await download(page, () => page.getByRole("button", { name: "保存 .docx" }).click());
    expect(report.name).toBe("株洲市科学技术局-2024年度绩效自评报告（表式）.docx");
    expect((await readReport(new Uint8Array(report.bytes))).form).toBe("yueyang");
    const docx = join(DIR, `${mode}-form.docx`);
    writeFileSync(docx, report.bytes);
    const verified = await cli("verify", docx, complete);
    expect([verified.code, verified.out]).toEqual([0, expect.stringContaining(`（${layout.name}）相同`)]);
    // Back to the narrative report: the form's report is no longer offered for saving.
    await page.getByRole("radio", { name: "文字报告" }).check();
    expect(await page.getByRole("button", { name: "保存 .docx" }).count()).toBe(0);
  });

  test("requests nothing beyond the page", () => {
    expect(web.foreignRequests).toEqual([]);
  });
});

/** 50 workbooks from ten departments' variations, a text file named .xlsx and a workbook cut in half. */
function batchFiles(count: number): string[] {
  const dir = mkdtempSync(join(DIR, "batch-"));
  return Array.from({ length: count }, (_, i) => join(dir, `${String(i + 1).padStart(3, "0")}.xlsx`));
}

async function writeBatch(files: string[], hostile: number[]): Promise<void> {
  const distinct = await Promise.all(
    Array.from({ length: 10 }, async (_, i) =>
      Buffer.from(await buildWorkbook(variedModel(i).model).xlsx.writeBuffer()),
    ),
  );
  files.forEach((file, i) => writeFileSync(file, distinct[i % distinct.length]!));
  writeFileSync(files[hostile[0]!]!, "这不是工作簿");
  writeFileSync(files[hostile[1]!]!, distinct[0]!.subarray(0, distinct[0]!.length / 2));
}

describe("批量汇总 from the static server", () => {
  let web: OpenWeb;
  const files = batchFiles(50);

  beforeAll(async () => {
    await writeBatch(files, [7, 31]);
    web = await openWeb("http");
  });
  afterAll(async () => {
    await web?.close();
  });

  test("50 workbooks, two hostile: the summary lists 48 and says why two could not be read", async () => {
    const { page } = web;
    await page.getByRole("tab", { name: "批量汇总" }).click();
    await page.getByTestId("batch-files").setInputFiles(files);
    await page.getByText(/^读取 48 个，其中有错误 \d+ 个；无法读取 2 个。$/).waitFor({ timeout: 120000 });
    const unreadable = page.getByRole("table", { name: "无法读取" });
    expect(await unreadable.getByRole("row").count()).toBe(3);
    expect(await unreadable.textContent()).toContain("不是 .xlsx 工作簿");

    const summary = await download(page, () => page.getByRole("button", { name: "下载汇总.xlsx" }).click());
    expect(summary.name).toBe("汇总.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(summary.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["汇总", "项目", "问题清单", "无法读取"]);
    expect(wb.getWorksheet("汇总")!.rowCount).toBe(49);
    expect(wb.getWorksheet("无法读取")!.getColumn(1).values.slice(2)).toEqual(["008.xlsx", "032.xlsx"]);
    // The same rows the CLI's summary gives for the same files.
    const fromCli = JSON.parse((await cli("summary", ...files, "--json", "--jobs", "1")).out);
    expect(wb.getWorksheet("问题清单")!.rowCount - 1).toBe(
      fromCli.findings.filter((f: { severity: string }) => f.severity !== "info").length,
    );
  });

  test("the problem list sorts by a column", async () => {
    const { page } = web;
    const table = page.getByRole("table", { name: "问题清单" });
    await table.getByRole("button", { name: "按规则排序" }).or(table.getByText("规则")).first().click();
    const rules = await table.locator("tbody tr td:nth-child(5)").allTextContents();
    expect(rules).toEqual([...rules].sort((a, b) => a.localeCompare(b, "zh-CN")));
    expect(rules.length).toBeGreaterThan(0);
  });

  test("screenshot (docs/page-batch.png)", async () => {
    const png = await web.page.screenshot({ path: join(ROOT, "docs", "page-batch.png"), fullPage: false });
    expect(png.length).toBeGreaterThan(10000);
  });

  test("requests nothing beyond the page", () => {
    expect(web.foreignRequests).toEqual([]);
  });
});

describe("where the browser refuses worker scripts", () => {
  let web: OpenWeb;
  const files = batchFiles(6);

  beforeAll(async () => {
    await writeBatch(files, [1, 4]);
    web = await openWeb("http", { blockWorkers: true });
  });
  afterAll(async () => {
    await web?.close();
  });

  test("the page does the work itself and says so", async () => {
    const { page } = web;
    await page.getByTestId("open-workbook").setInputFiles(complete);
    await page.getByText(/总分 \d+\.\d\d · 等次/).waitFor({ timeout: 30000 });
    await page.getByText("在本页中处理（此浏览器不允许从本地文件启动后台线程）").waitFor();
    await page.getByRole("tab", { name: "批量汇总" }).click();
    await page.getByTestId("batch-files").setInputFiles(files);
    await page.getByText(/^读取 4 个，其中有错误 \d+ 个；无法读取 2 个。$/).waitFor({ timeout: 60000 });
  });
});

describe("accessibility and the keyboard", () => {
  let web: OpenWeb;

  beforeAll(async () => {
    web = await openWeb("http", { width: 1100, height: 900 });
    await web.page.getByTestId("open-workbook").setInputFiles(withErrors);
    await web.page.getByText("总分 98.00 · 等次 优 · 全国通用").waitFor({ timeout: 30000 });
  });
  afterAll(async () => {
    await web?.close();
  });

  test("axe-core: no serious or critical violation, single workbook and batch", async () => {
    const { page } = web;
    const scan = () => seriousViolations(page, web.server!.origin);
    expect(await scan()).toEqual([]);
    await page.getByRole("tab", { name: "批量汇总" }).click();
    await page.getByRole("button", { name: "选择工作簿" }).waitFor();
    expect(await scan()).toEqual([]);
    await page.getByRole("tab", { name: "单个工作簿" }).click();
  });

  test("screenshot (docs/page-single.png)", async () => {
    const png = await web.page.screenshot({ path: join(ROOT, "docs", "page-single.png"), fullPage: true });
    expect(png.length).toBeGreaterThan(10000);
  });

  test("keyboard only: Tab reaches 下载空白模板, Enter downloads it; arrow keys switch the tabs", async () => {
    const { page } = web;
    await page.locator("body").focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    for (let i = 0; i < 10 && (await focused()) !== "下载空白模板"; i++) await page.keyboard.press("Tab");
    expect(await focused()).toBe("下载空白模板");
    const template = await download(page, () => page.keyboard.press("Enter"));
    expect(template.name).toBe("绩效自评模板.xlsx");

    await page.getByRole("tab", { name: "单个工作簿" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "选择工作簿" }).waitFor();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await page.getByText("总分 98.00 · 等次 优 · 全国通用").waitFor();
  });
});

/** A bureau's own profile: 全国通用's rules with its grades named 甲乙丙丁, so a grade shows which profile gave it. */
function cityProfileFile(): string {
  const national = JSON.parse(readFileSync(join(ROOT, "src/domain/profiles/data/national.json"), "utf8"));
  const grades = national.grades.map((band: object, i: number) => ({ ...band, grade: "甲乙丙丁"[i] }));
  const file = join(DIR, "某市口径.json");
  writeFileSync(file, JSON.stringify({ ...national, id: "zz-city", name: "某市口径", grades }, null, 2));
  return file;
}

describe("评分口径 in the page: 依据, 口径对比, a bureau's own profile file", () => {
  let web: OpenWeb;

  beforeAll(async () => {
    web = await openWeb("http", { width: 1100, height: 900 });
    await web.page.getByTestId("open-workbook").setInputFiles(withErrors);
    await web.page.getByText("总分 98.00 · 等次 优 · 全国通用").waitFor({ timeout: 30000 });
  });
  afterAll(async () => {
    await web?.close();
  });

  test("a finding a profile rule made shows its 依据 under the message", async () => {
    const model = (await inspectWorkbook(withErrorsBytes)).model;
    const finding = validate(model).findings.find((f) => f.rule === "score.overAchievement" && f.basis)!;
    const item = web.page.getByRole("listitem").filter({ hasText: finding.message });
    expect(await item.textContent()).toContain(finding.basis);
    expect(finding.basis).toMatch(/^按“全国通用”：超额完成不加减分.*依据：财政部/);
  });

  test("口径对比: 全国通用 and 一体化平台（后期等次）, the numbers the domain gives", async () => {
    const { page } = web;
    await page.getByRole("button", { name: "口径对比" }).click();
    const choices = page.getByRole("group", { name: "对比的口径" });
    // 全国通用 (also the workbook's) is ticked to begin with.
    expect(await choices.getByRole("checkbox", { name: "全国通用" }).isChecked()).toBe(true);
    await choices.getByRole("checkbox", { name: "一体化平台（后期等次）" }).check();
    const totals = page.getByRole("table", { name: "各口径的执行率得分、总分和等次" });
    await totals.waitFor();
    const expected = compareProfiles((await inspectWorkbook(withErrorsBytes)).model, ["national", "platform-80"]);
    const row = (measure: string) => totals.getByRole("row", { name: new RegExp(`^${measure}`) }).getByRole("cell");
    expect(await row("执行率得分").allTextContents()).toEqual(
      expected.columns.map((c) => (c.executionScore ? formatAmount(c.executionScore) : "—")),
    );
    expect(await row("总分·等次（填报得分）").allTextContents()).toEqual(
      expected.columns.map((c) => `${formatAmount(c.total)} · ${c.grade}`),
    );
    // 一体化平台（后期等次） deducts for 指标偏离: its suggested total is below 全国通用's.
    expect(await row("总分·等次（按口径建议）").allTextContents()).toEqual(
      expected.columns.map((c) => `${formatAmount(c.suggestedTotal)} · ${c.suggestedGrade}`),
    );
    expect(expected.columns[1]!.suggestedTotal.lessThan(expected.columns[0]!.suggestedTotal)).toBe(true);
    const rows = page.getByRole("table", { name: "各口径建议得分不同的指标" });
    const headers = await rows.getByRole("columnheader").allTextContents();
    expect(headers).toEqual(["指标", "分值", "填报得分", "全国通用", "一体化平台（后期等次）"]);
    expect(await rows.getByRole("rowheader").allTextContents()).toEqual(expected.rows.map((r) => r.name));
    const first = expected.rows[0]!;
    const cells = rows.getByRole("row", { name: new RegExp(`^${first.name}`) }).getByRole("cell");
    expect(await cells.nth(3).textContent()).toBe(`${formatAmount(first.scores[1]!.suggested!)}超额/偏离`);
    expect(await cells.nth(3).getAttribute("title")).toContain(ruleText(getProfile("platform-80"), "overAchievement"));
  });

  test("screenshot (docs/page-compare.png)", async () => {
    const { page } = web;
    const section = await page.locator("section[aria-labelledby='validate-heading']").boundingBox();
    const end = await page.getByRole("table", { name: "各口径建议得分不同的指标" }).boundingBox();
    const png = await page.screenshot({
      path: join(ROOT, "docs", "page-compare.png"),
      fullPage: true,
      clip: { x: 0, y: section!.y - 16, width: 1100, height: end!.y + end!.height - section!.y + 32 },
    });
    expect(png.length).toBeGreaterThan(10000);
  });

  test("a broken profile file is refused, its problems in Chinese", async () => {
    const { page } = web;
    const broken = join(DIR, "坏口径.json");
    writeFileSync(broken, JSON.stringify({ id: "Bad Id", name: "坏口径" }));
    const problems = parseProfileFile(readFileSync(broken, "utf8"), "坏口径.json");
    if (!("problems" in problems)) throw new Error("the broken file was read");
    await page.getByTestId("profile-file").setInputFiles(broken);
    await page.getByText("口径文件有问题，未使用：").waitFor();
    const shown = await page
      .getByText("口径文件有问题，未使用：")
      .locator("..")
      .getByRole("listitem")
      .allTextContents();
    const all = problems.problems;
    expect(shown).toEqual(all.length > 10 ? [...all.slice(0, 10), `另有 ${all.length - 10} 处问题`] : all);
    expect(shown[0]).toBe("坏口径.json：id：id 只能用小写字母、数字和连字符，如 yueyang");
    expect(await page.getByRole("combobox", { name: "评分口径" }).inputValue()).toBe("");
  });

  test("a valid profile file: chosen, written to the copy's 评分口径 after 确定, used for 校验 and the report", async () => {
    const { page } = web;
    await page.getByTestId("profile-file").setInputFiles(cityProfileFile());
    const dialog = page.getByRole("dialog", { name: "写入评分口径" });
    await dialog.waitFor();
    const label = await page
      .getByRole("combobox", { name: "评分口径" })
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.text);
    expect(label).toMatch(/^某市口径（自定义 [0-9a-f]{8}）$/);
    expect(await dialog.textContent()).toContain(`将副本中的 ${SHEETS.report.name}!B12 改为「${label}」`);
    await dialog.getByRole("button", { name: "确定" }).click();
    await page.getByText("总分 98.00 · 等次 甲 · 某市口径").waitFor();
    await page.getByText(`${SHEETS.report.name}!B12 改为「${label}」`).waitFor();
    // The compare offers it too.
    await page.getByRole("group", { name: "对比的口径" }).getByRole("checkbox", { name: label }).waitFor();

    await page.getByRole("switch").check();
    await page.getByRole("button", { name: "生成报告" }).click();
    const preview = page.getByRole("document", { name: "报告预览" });
    await preview.waitFor({ timeout: 30000 });
    expect(await preview.textContent()).toContain("自评等次为“甲”");

    const copy = await download(page, () => page.getByRole("button", { name: "下载修改后的副本" }).click());
    expect((await inspectWorkbook(copy.bytes)).model.review.profile).toBe(label);
  });

  test("axe-core: no serious or critical violation with the compare open; 批量汇总 offers the file too", async () => {
    const { page } = web;
    expect(await seriousViolations(page, web.server!.origin)).toEqual([]);
    await page.getByRole("tab", { name: "批量汇总" }).click();
    const select = page.getByRole("combobox", { name: "评分口径" });
    await select.waitFor();
    expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.text)).toMatch(/^某市口径（自定义/);
    expect(await seriousViolations(page, web.server!.origin)).toEqual([]);
  });
});

describe("in the system's dark scheme", () => {
  let web: OpenWeb;

  beforeAll(async () => {
    web = await openWeb("http", { width: 1100, height: 900, colorScheme: "dark" });
    await web.page.getByTestId("open-workbook").setInputFiles(withErrors);
    await web.page.getByText("总分 98.00 · 等次 优 · 全国通用").waitFor({ timeout: 30000 });
  });
  afterAll(async () => {
    await web?.close();
  });

  test("the page is dark, with no contrast violation (axe-core), screenshot docs/page-dark.png", async () => {
    const { page } = web;
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector("main")!.parentElement!).backgroundColor,
    );
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 80);
    const violations = await seriousViolations(page, web.server!.origin);
    expect(violations).toEqual([]);
    const png = await page.screenshot({ path: join(ROOT, "docs", "page-dark.png") });
    expect(png.length).toBeGreaterThan(10000);
  });
});
