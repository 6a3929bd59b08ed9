/** 校验 through Office.js on the in-memory Excel: one sync to read, one to select, one to fix or explain. */
import type { Fix } from "../../../src/domain/validation";
import { installTemplates } from "../../../src/workbook/office/install";
import { explainWarning, applyFix, selectCell, validateOpenWorkbook } from "../../../src/workbook/office/review";
import type { LocatedFinding } from "../../../src/usecases/validate-workbook";
import { loadSample } from "../../support/model-inputs";
import { excelContext, FakeContext } from "../../support/fake-excel";
import { typeModel } from "../../support/type-model";

async function zhuzhou(): Promise<FakeContext> {
  const fake = new FakeContext();
  await installTemplates(excelContext(fake));
  const model = loadSample();
  typeModel(fake, {
    ...model,
    basic: { ...model.basic, preparer: "李明", filledOn: "2025-04-20" },
    eval: { ...model.eval, preparer: "李明", filledOn: "2025-04-20" },
  });
  fake.syncCount = 0;
  return fake;
}

test("the 株洲 workbook validates in one sync: no error, the 项目支出 warning on its cell", async () => {
  const fake = await zhuzhou();
  const result = await validateOpenWorkbook(excelContext(fake));
  expect(result.syncs).toBe(1);
  expect(fake.syncCount).toBe(1);
  expect(result.summary).toMatchObject({ errors: 0, warnings: 1, infos: 6 });
  expect(result.findings[0]).toMatchObject({ rule: "cross.projects", sheet: "附件1 基础数据表", cell: "D13" });
});

test("clicking a finding selects its cell in one sync", async () => {
  const fake = await zhuzhou();
  const { findings } = await validateOpenWorkbook(excelContext(fake));
  const finding = findings.find((f) => f.key === "eval.indicators[12].score")!;
  fake.syncCount = 0;
  await selectCell(excelContext(fake), finding.sheet!, finding.cell!);
  expect(fake.syncCount).toBe(1);
  expect(fake.workbook.activeSheet).toBe("附件2 自评表");
  expect(fake.workbook.selection).toEqual({ sheet: "附件2 自评表", address: "G25" });
});

test("修正: a number stored as text becomes the number; a value typed over a formula gets the formula back", async () => {
  const fake = await zhuzhou();
  fake.workbook.sheet("附件2 自评表")!.cell("E4").formula = "１３８７.５３";
  fake.workbook.sheet("附件1 基础数据表")!.cell("D5").formula = 0.8;
  const before = await validateOpenWorkbook(excelContext(fake));
  const fixable = before.findings.filter((f): f is LocatedFinding & { fix: Fix } => f.fix !== undefined);
  // 0.8 typed over the 控制率 formula (82.05%): one cause, one finding, carrying the formula back.
  expect(fixable.map((f) => [f.rule, f.cell]).sort()).toEqual([
    ["recomputed.value", "D5"],
    ["slip.textNumber", "E4"],
  ]);
  fake.syncCount = 0;
  for (const finding of fixable) await applyFix(excelContext(fake), finding);
  expect(fake.syncCount).toBe(2);
  expect(fake.workbook.sheet("附件2 自评表")!.cell("E4").formula).toBe(1387.53);
  expect(fake.workbook.sheet("附件1 基础数据表")!.cell("D5").formula).toMatch(/^=IF\(N\(基础_编制数\)=0/);
  const after = await validateOpenWorkbook(excelContext(fake));
  expect(after.findings.filter((f) => f.fix)).toEqual([]);
});

test("说明: a warning's explanation is kept in 已说明的提示 and the warning is no longer open", async () => {
  const fake = await zhuzhou();
  const { findings } = await validateOpenWorkbook(excelContext(fake));
  const warning = findings.find((f) => f.rule === "cross.projects")!;
  fake.syncCount = 0;
  await explainWarning(excelContext(fake), warning, "附件1 含代管的市级专项资金");
  expect(fake.syncCount).toBe(1);
  const after = await validateOpenWorkbook(excelContext(fake));
  expect(after.summary).toMatchObject({ errors: 0, warnings: 0, acknowledged: 1 });
  expect(after.findings.find((f) => f.rule === "cross.projects")!.acknowledged).toBe("附件1 含代管的市级专项资金");
  await expect(explainWarning(excelContext(fake), { ...warning, severity: "error" }, "不行")).rejects.toThrow(
    "只有警告可以说明",
  );
});

describe.each([["附件1 基础数据表"], ["附件2 自评表"], ["报告文字"]])("%s renamed by the user", (sheet) => {
  const renamed = `${sheet}（我的）`;
  let fake: FakeContext;

  beforeEach(async () => {
    fake = await zhuzhou();
    fake.workbook.renameSheet(sheet, renamed);
    fake.syncCount = 0;
  });

  test("validates in one sync, as before, its findings naming the sheet as it is called now", async () => {
    const result = await validateOpenWorkbook(excelContext(fake));
    expect(result.syncs).toBe(1);
    expect(result.summary).toMatchObject({ errors: 0, warnings: 1, infos: 6 });
    const sheets = new Set(result.findings.map((f) => f.sheet));
    expect(sheets.has(sheet)).toBe(false);
    if (sheet !== "报告文字") expect(sheets.has(renamed)).toBe(true);
  });

  test("a finding's cell is selected, fixed and explained on the renamed sheet", async () => {
    const target = sheet === "附件1 基础数据表" ? "D5" : sheet === "附件2 自评表" ? "E4" : null;
    if (target) fake.workbook.sheet(renamed)!.cell(target).formula = target === "D5" ? 0.8 : "１３８７.５３";
    const { findings } = await validateOpenWorkbook(excelContext(fake));
    const warning = findings.find((f) => f.rule === "cross.projects")!;
    await selectCell(excelContext(fake), warning.sheet!, warning.cell!);
    expect(fake.workbook.selection).toEqual({ sheet: warning.sheet, address: "D13" });
    for (const finding of findings.filter((f): f is LocatedFinding & { fix: Fix } => f.fix !== undefined)) {
      expect(finding.sheet).toBe(renamed);
      await applyFix(excelContext(fake), finding);
    }
    await explainWarning(excelContext(fake), warning, "附件1 含代管的市级专项资金");
    const after = await validateOpenWorkbook(excelContext(fake));
    expect(after.findings.filter((f) => f.fix)).toEqual([]);
    expect(after.summary).toMatchObject({ errors: 0, warnings: 0, acknowledged: 1 });
  });
});

test("a sheet renamed after the 校验: selecting its finding says so in Chinese", async () => {
  const fake = await zhuzhou();
  const { findings } = await validateOpenWorkbook(excelContext(fake));
  fake.workbook.renameSheet("附件1 基础数据表", "基础");
  const warning = findings.find((f) => f.rule === "cross.projects")!;
  await expect(selectCell(excelContext(fake), warning.sheet!, warning.cell!)).rejects.toThrow(
    "找不到工作表「附件1 基础数据表」（校验之后可能被改名或删除）：请重新校验。",
  );
});

test.each([" =见附件说明 ", " +3 个百分点 ", "\t-5%（较上年） ", " @全体科室 ", " 1/2 "])(
  "去除空格 writes 「%s」 trimmed as text: formatted as text first, never a formula, a number or a date",
  async (typed) => {
    const fake = await zhuzhou();
    const cell = fake.workbook.sheet("附件2 自评表")!.cell("H14");
    cell.formula = typed;
    cell.numberFormat = "General"; // the user pasted a cell with its format over the template's text format
    const { findings } = await validateOpenWorkbook(excelContext(fake));
    const spaces = findings.find((f): f is LocatedFinding & { fix: Fix } => f.rule === "slip.spaces")!;
    expect(spaces).toMatchObject({ cell: "H14", fix: { kind: "text", value: typed.trim() } });
    fake.syncCount = 0;
    await applyFix(excelContext(fake), spaces);
    expect(fake.syncCount).toBe(1);
    expect(cell).toMatchObject({ formula: typed.trim(), text: true, numberFormat: "@" });
    const after = await validateOpenWorkbook(excelContext(fake));
    expect(after.result.findings.filter((f) => f.key.startsWith("eval.indicators[1].deviation"))).toEqual([]);
  },
);

test("the fake takes a text beginning with = as a formula, unless the cell is formatted as text", async () => {
  const fake = await zhuzhou();
  const sheet = fake.api.workbook.worksheets.getItem("附件2 自评表");
  sheet.getRange("M1").values = [["=1+1"]];
  const text = sheet.getRange("M2");
  text.numberFormat = [["@"]];
  text.values = [["=1+1"]];
  const read = sheet.getRange("M1:M2").load("values,formulas,valueTypes");
  await fake.sync();
  expect(read.formulas).toEqual([["=1+1"], ["=1+1"]]);
  expect(read.values).toEqual([[""], ["=1+1"]]); // M1 is a formula (the fake leaves its result to tests)
  expect(fake.workbook.sheet("附件2 自评表")!.cell("M2").text).toBe(true);
});
