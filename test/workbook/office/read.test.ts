/** Reading the open workbook through Office.js: the whole template in one sync, problems named by cell. */
import { WorkbookReadError } from "../../../src/workbook/assemble";
import { installTemplates } from "../../../src/workbook/office/install";
import { parseRangeAddress, readExcelWorkbook } from "../../../src/workbook/office/read";
import { inputsOf, loadSample } from "../../support/model-inputs";
import { excelContext, FakeContext } from "../../support/fake-excel";
import { typeModel } from "../../support/type-model";

const sample = loadSample();

/** The sample with more 项目支出 lines and indicators than the template's blank rows. */
const longer = {
  ...sample,
  basic: {
    ...sample.basic,
    projects: {
      ...sample.basic.projects,
      lines: [...sample.basic.projects.lines, ...sample.basic.projects.lines.slice(0, 2)],
    },
  },
  eval: { ...sample.eval, indicators: [...sample.eval.indicators, ...sample.eval.indicators.slice(0, 6)] },
};

async function filled(model = sample): Promise<FakeContext> {
  const fake = new FakeContext();
  await installTemplates(excelContext(fake));
  typeModel(fake, model);
  fake.syncCount = 0;
  return fake;
}

test("the 株洲 sample typed into the installed template reads back in one sync", async () => {
  const fake = await filled();
  const read = await readExcelWorkbook(excelContext(fake));
  expect(read.syncs).toBe(1);
  expect(fake.syncCount).toBe(1);
  expect(inputsOf(read.model)).toEqual(inputsOf(sample));
  expect(read.locations.get("basic.staff.actual")).toEqual({ sheet: "附件1 基础数据表", address: "C5" });
  // paths count rows from 1
  expect(read.locations.get("eval.indicators[3].score")).toEqual({ sheet: "附件2 自评表", address: "G16" });
});

test("rows added to the tables the Excel way are read, and the cells below them are found by name", async () => {
  const fake = await filled(longer);
  const read = await readExcelWorkbook(excelContext(fake));
  expect(read.syncs).toBe(1);
  expect(read.model.eval.indicators).toHaveLength(21);
  expect(read.model.basic.projects.lines).toHaveLength(5);
  expect(inputsOf(read.model)).toEqual(inputsOf(longer));
  expect(read.locations.get("eval.filledOn")!.address).toBe(`D${13 + 21 + 3}`);
});

test("a cell showing an Excel error and a text in a number cell are named by sheet and cell", async () => {
  const fake = await filled();
  const basic = fake.workbook.sheet("附件1 基础数据表")!;
  basic.cell("C5").formula = "=1/0";
  basic.cell("C5").value = "#DIV/0!";
  basic.cell("B5").formula = "三十九";
  const error = await readExcelWorkbook(excelContext(fake)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookReadError);
  const problems = (error as WorkbookReadError).problems.join("\n");
  expect(problems).toContain("「附件1 基础数据表」C5：单元格显示错误 #DIV/0!");
  expect(problems).toMatch(/「附件1 基础数据表」B5（basic\.staff\.authorized（编制数）：.*三十九/);
});

test("a deleted name or table: the failed read is diagnosed in a second sync", async () => {
  const fake = await filled();
  fake.workbook.names.delete("基础_编制数");
  fake.workbook.tables.splice(
    fake.workbook.tables.findIndex((t) => t.nameValue === "绩效指标"),
    1,
  );
  const error = await readExcelWorkbook(excelContext(fake)).catch((e: unknown) => e);
  expect(fake.syncCount).toBe(2);
  expect((error as WorkbookReadError).problems).toEqual([
    "缺少名称「基础_编制数」（编制数）",
    "表格「绩效指标」已不存在（可能被“转换为区域”），已填写的内容仍在工作表上",
    "请按「安装模板」补全模板：已填写的内容会保留（原工作表留作备份）。",
  ]);
});

test.each(["附件1 基础数据表", "附件2 自评表", "报告文字", "字典"])(
  "a renamed %s reads in one sync, every place named by the sheet as it is called now",
  async (sheet) => {
    const fake = await filled();
    fake.workbook.renameSheet(sheet, "改名了");
    const read = await readExcelWorkbook(excelContext(fake));
    expect(read.syncs).toBe(1);
    expect(inputsOf(read.model)).toEqual(inputsOf(sample));
    const places = new Set([...read.locations.values()].map((l) => l.sheet));
    expect(places.has(sheet)).toBe(false);
    if (sheet !== "字典") expect(places.has("改名了")).toBe(true);
  },
);

test("all three renamed, and a sheet of the user's under our old name: ours are read, not the user's", async () => {
  const fake = await filled();
  fake.workbook.renameSheet("附件1 基础数据表", "基础");
  fake.workbook.renameSheet("附件2 自评表", "自评");
  fake.workbook.renameSheet("报告文字", "报告");
  fake.api.workbook.worksheets.add("附件2 自评表");
  await fake.sync();
  fake.syncCount = 0;
  const read = await readExcelWorkbook(excelContext(fake));
  expect(fake.syncCount).toBe(1);
  expect(inputsOf(read.model)).toEqual(inputsOf(sample));
  expect(read.locations.get("eval.indicators[3].score")).toEqual({ sheet: "自评", address: "G16" });
  expect(read.snapshot.sheetName("eval")).toBe("自评");
});

test("a table converted to a range (转换为区域): what happened and how to repair, in a second sync", async () => {
  const fake = await filled();
  fake.workbook.convertToRange("绩效指标");
  expect(fake.workbook.names.get("自评_绩效指标")).toBe("='附件2 自评表'!$A$14:$K$28");
  const error = await readExcelWorkbook(excelContext(fake)).catch((e: unknown) => e);
  expect(fake.syncCount).toBe(2);
  expect((error as WorkbookReadError).problems).toEqual([
    "表格「绩效指标」已不存在（可能被“转换为区域”），已填写的内容仍在工作表上",
    "请按「安装模板」补全模板：已填写的内容会保留（原工作表留作备份）。",
  ]);
});

test("the optional 已说明的提示 converted to a range is said too (its explanations would be lost)", async () => {
  const fake = await filled();
  fake.workbook.convertToRange("已说明的提示");
  const error = await readExcelWorkbook(excelContext(fake)).catch((e: unknown) => e);
  expect((error as WorkbookReadError).problems[0]).toBe(
    "表格「已说明的提示」已不存在（可能被“转换为区域”），已填写的内容仍在工作表上",
  );
});

test("a name whose cells were deleted (#REF!) and a deleted sheet are named as such, not a failed read", async () => {
  const fake = await filled();
  fake.workbook.names.set("自评_全年预算数", "=#REF!");
  const basic = fake.workbook.sheet("附件1 基础数据表")!;
  fake.workbook.sheets.splice(fake.workbook.sheets.indexOf(basic), 1);
  const error = await readExcelWorkbook(excelContext(fake)).catch((e: unknown) => e);
  expect((error as WorkbookReadError).problems).toEqual([
    "缺少工作表「附件1 基础数据表」",
    "名称「自评_全年预算数」（全年预算数）已失效（=#REF!）",
    "请按「安装模板」补全模板：已填写的内容会保留（原工作表留作备份）。",
  ]);
});

test("a text starting with = in a text cell is read as the text, not as a formula", async () => {
  const fake = await filled();
  const evalSheet = fake.workbook.sheet("附件2 自评表")!;
  fake.api.workbook.worksheets.getItem("附件2 自评表").getRange("H14").values = [["=见附件说明"]];
  await fake.sync();
  expect(evalSheet.cell("H14")).toMatchObject({ formula: "=见附件说明", text: true, numberFormat: "@" });
  const read = await readExcelWorkbook(excelContext(fake), { lenient: true });
  expect(read.model.eval.indicators[0]!.deviation).toBe("=见附件说明");
  expect(read.cells.find((c) => c.key === "eval.indicators[1].deviation")).toMatchObject({
    value: "=见附件说明",
    formula: null,
  });
});

test("range addresses as Excel writes them", () => {
  expect(parseRangeAddress("'附件1 基础数据表'!B5:D5")).toEqual({ sheet: "附件1 基础数据表", start: "B5", end: "D5" });
  expect(parseRangeAddress("Sheet1!A1")).toEqual({ sheet: "Sheet1", start: "A1", end: "A1" });
  expect(parseRangeAddress("'it''s'!$C$3")).toEqual({ sheet: "it's", start: "C3", end: "C3" });
});

test("a workbook without the optional 已说明的提示 table (an older template) reads in a second try", async () => {
  const fake = await filled();
  fake.workbook.tables.splice(
    fake.workbook.tables.findIndex((t) => t.nameValue === "已说明的提示"),
    1,
  );
  const read = await readExcelWorkbook(excelContext(fake));
  expect(read.syncs).toBe(3); // the read, what is missing, the read without it
  expect(read.model.review.acknowledgements).toEqual([]);
  expect(inputsOf(read.model)).toEqual(inputsOf(sample));
});

test("a table's 汇总行 (total row) is not read as a data row", async () => {
  const fake = await filled();
  const table = fake.workbook.table("绩效指标")!;
  fake.workbook.insertRows("附件2 自评表", 29, 1); // the total row goes below the last data row
  table.addressLocal = "A13:K29";
  table.showTotalsValue = true;
  const sheet = fake.workbook.sheet("附件2 自评表")!;
  sheet.cell("F29").formula = "=SUBTOTAL(109,[分值])";
  sheet.cell("F29").value = 90;
  sheet.cell("A29").formula = "汇总";
  const read = await readExcelWorkbook(excelContext(fake));
  expect(read.model.eval.indicators).toHaveLength(15);
});

test("a workbook without the optional 表式报告（岳阳） (an older template, or deleted) reads with the form empty", async () => {
  const fake = await filled();
  const form = fake.workbook.sheet("表式报告（岳阳）")!;
  fake.workbook.deleteSheet(form);
  for (const name of [...fake.workbook.names.keys()]) if (name.startsWith("表式_")) fake.workbook.names.delete(name);
  const read = await readExcelWorkbook(excelContext(fake));
  expect(read.model.form.income).toEqual([]);
  expect(read.model.form.budgetCode).toBeNull();
  expect(inputsOf(read.model)).toEqual(inputsOf(sample));
  expect(read.fallbacks.filter((f) => f.key.startsWith("form."))).toEqual([]);
});
