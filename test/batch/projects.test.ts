/**
 * The batch and the project tables (附件3): each workbook's projects cross the worker threads with its row, the
 * summary's 项目 sheet lists one row per project with its errors, and the problem list places a project's
 * findings on its sheet and cell.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { SummaryRow } from "../../src/batch/inspect";
import { inspectAll } from "../../src/batch/pool";
import { summaryWorkbook } from "../../src/batch/summary-workbook";
import { runAsync } from "../../src/cli/main";
import { workbookModel } from "../../src/domain";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { loadProjectSample } from "../support/model-inputs";

jest.setTimeout(60000);
const dir = mkdtempSync(join(tmpdir(), "jxzp-batch-projects-"));
const files: string[] = [];

beforeAll(async () => {
  const json = JSON.parse(JSON.stringify(loadProjectSample()));
  Object.assign(json.basic, { preparer: "李明", filledOn: "2025-04-20" });
  Object.assign(json.eval, { preparer: "李明", filledOn: "2025-04-20" });
  const clean = workbookModel.parse(json);
  // 附件3-1's 全年预算数 330 where its sources add up to 320: an error on its D5; 附件3-3 added blank.
  json.projects[0].funds.fullYearBudget = 330;
  json.projects.push({});
  const slipped = workbookModel.parse(json);
  for (const [name, model] of [
    ["a-clean.xlsx", clean],
    ["b-slipped.xlsx", slipped],
  ] as const) {
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(await buildWorkbook(model).xlsx.writeBuffer()));
    files.push(path);
  }
});

test("each row carries its projects, computed and counted, across the worker threads", async () => {
  const results = (await inspectAll(files, { jobs: 2 })) as SummaryRow[];
  expect(results.map((r) => r.status)).toEqual(["read", "read"]);
  const [clean, slipped] = results as [SummaryRow, SummaryRow];
  expect(clean.projects).toEqual([
    {
      slot: 1,
      sheet: "附件3-1 项目支出绩效自评表",
      name: "科技创新平台建设",
      blank: false,
      budget: "320.00",
      executed: "300.50",
      executionRate: "93.91%",
      total: "98.39",
      grade: "优",
      provisional: null,
      errors: 0,
      warnings: 0,
    },
    expect.objectContaining({ slot: 2, name: "科普活动", executionRate: "90.00%", total: "99.00", errors: 0 }),
  ]);
  expect(slipped.projects.map((p) => [p.slot, p.budget, p.executionRate, p.errors, p.warnings, p.blank])).toEqual([
    [1, "330.00", "91.06%", 1, 0, false],
    [2, "50.00", "90.00%", 0, 0, false],
    [3, null, "不适用", 0, 1, true],
  ]);
  // The error counted on 附件3-1 is the project's own finding, on its sheet and cell.
  const finding = slipped.findings.find((f) => f.rule === "sum.projectFunds")!;
  expect(finding).toMatchObject({
    key: "projects[1].funds.fullYearBudget",
    sheet: "附件3-1 项目支出绩效自评表",
    cell: "D5",
    severity: "error",
  });
  expect(finding.message).toMatch(/^项目「科技创新平台建设」（附件3-1）：/);
  // The same rows in one thread as on two.
  expect(await inspectAll(files, { jobs: 1 })).toEqual(results);
});

test("the summary's 项目 sheet: a row per project of every workbook; the problem list names sheet and cell", async () => {
  const results = await inspectAll(files, { jobs: 1 });
  const wb = summaryWorkbook(results);
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(["汇总", "项目", "问题清单", "无法读取"]);
  const projects = wb.getWorksheet("项目")!;
  expect(projects.getRow(1).values).toEqual([
    undefined,
    "文件",
    "单位",
    "附件",
    "项目名称",
    "全年预算数（万元）",
    "全年执行数（万元）",
    "执行率",
    "总分",
    "等次",
    "错误",
    "警告",
  ]);
  expect(projects.rowCount).toBe(1 + 2 + 3);
  expect(projects.getRow(2).values).toEqual([
    undefined,
    files[0],
    "株洲市科学技术局",
    "附件3-1",
    "科技创新平台建设",
    320,
    300.5,
    0.9391,
    98.39,
    "优",
    0,
    0,
  ]);
  expect(projects.getCell("J4").value).toBe(1); // b-slipped's 附件3-1
  expect(projects.getRow(6).values).toEqual([
    undefined,
    files[1],
    "株洲市科学技术局",
    "附件3-3",
    "（空表）",
    ...Array(4),
    "空表",
    0,
    1,
  ]);
  expect(projects.getColumn(7).numFmt).toBe("0.00%");
  const problems = wb.getWorksheet("问题清单")!;
  const rows = problems.getSheetValues().slice(2) as unknown[][];
  expect(rows.find((row) => row[6] === "sum.projectFunds")?.slice(1, 6)).toEqual([
    files[1],
    "株洲市科学技术局",
    "错误",
    "附件3-1 项目支出绩效自评表",
    "D5",
  ]);
  // The file round-trips as Excel would read it.
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  expect(back.getWorksheet("项目")!.rowCount).toBe(6);
});

test("jxzp summary --json: each row's projects, and every project in one list", async () => {
  let json = "";
  const code = await runAsync(["summary", ...files, "--json", "--jobs", "1"], {
    out: (s) => (json += s),
    err: () => undefined,
  });
  expect(code).toBe(1);
  const parsed = JSON.parse(json);
  expect(parsed.rows.map((r: SummaryRow) => r.projects.length)).toEqual([2, 3]);
  expect(parsed.projects).toHaveLength(5);
  expect(parsed.projects[2]).toMatchObject({ file: files[1], unit: "株洲市科学技术局", slot: 1, errors: 1 });
});
