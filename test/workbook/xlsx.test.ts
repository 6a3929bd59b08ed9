/** The .xlsx adapter: templates written with exceljs and read back through the contract. */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { CONTRACT, emptyModel, workbookModel, type WorkbookModel } from "../../src/domain";
import {
  formulaCellText,
  HELPER_COLUMN_KEYS,
  HELPER_COLUMN_NOTE,
  KIND_INPUT_RULES,
  TEMPLATE_SHEETS,
} from "../../src/domain/template";
import { inputsOf as inputs, loadSample } from "../support/model-inputs";
import { modelInput } from "../support/model-arbitrary";
import { readWorkbook, WorkbookReadError } from "../../src/workbook/xlsx/read";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { formulaCells, structuralProblems } from "../support/xlsx-structure";

const sample = loadSample();

async function roundTrip(model: WorkbookModel): Promise<WorkbookModel> {
  const buffer = await buildWorkbook(model).xlsx.writeBuffer();
  // Every file we write is one Excel opens without repairing it (test/workbook/xlsx-structure.test.ts).
  expect(structuralProblems(new Uint8Array(buffer))).toEqual([]);
  return readWorkbook(buffer as ArrayBuffer);
}

describe("the .xlsx template", () => {
  test("the 株洲 sample survives writing and reading, and the computed cells carry the computed values", async () => {
    const back = await roundTrip(sample);
    expect(inputs(back)).toEqual(inputs(sample));
    expect(back.basic.staff.controlRate!.toString()).toBe("0.8205");
    expect(back.basic.buildings.areaControlRate).toBe("不适用");
    expect(back.eval.total!.toString()).toBe("98");
    expect(back.eval.grade).toBe("优");
    expect(back.eval.indicators[11]!.suggestedScore!.toString()).toBe("4.64");
  });

  test("the blank template reads back as an empty model", async () => {
    const back = await roundTrip(emptyModel());
    expect(inputs(back)).toEqual(inputs(emptyModel()));
    expect(back.eval.grade).toBeNull();
  });

  test("every contract key has its defined name, and tables are Excel tables", async () => {
    const wb = buildWorkbook(sample);
    for (const entry of CONTRACT) expect(wb.definedNames.getRanges(entry.name).ranges.length).toBe(1);
    const sheet = wb.getWorksheet("附件2 自评表")!;
    expect(wb.getWorksheet("附件1 基础数据表")!.getCell("D5").value).toMatchObject({
      formula: expect.stringContaining("基础_编制数"),
      result: 0.8205,
    });
    expect(sheet.getCell("G4").value).toMatchObject({ formula: expect.stringContaining("自评_全年预算数"), result: 1 });
  });

  test("the titles with the year cache what their formulas show, with the year and without", async () => {
    const filled = buildWorkbook(sample).getWorksheet("附件1 基础数据表")!;
    expect(filled.getCell("A1").value).toMatchObject({
      formula: expect.stringContaining("基础_年度"),
      result: "2024年度部门（单位）整体支出绩效评价基础数据表",
    });
    expect(filled.getCell("B6").value).toMatchObject({ result: "2023年决算数" });
    const blank = buildWorkbook().getWorksheet("附件1 基础数据表")!;
    expect(blank.getCell("A1").value).toMatchObject({ result: "部门（单位）整体支出绩效评价基础数据表" });
    expect(blank.getCell("B6").value).toMatchObject({ result: "上年决算数" });
    // Every formula cell of the templates has both texts.
    for (const cell of TEMPLATE_SHEETS.flatMap((sheet) => sheet.cells).filter((c) => c.formula)) {
      expect(formulaCellText(cell, 2024)).toMatch(/2024|2023/);
      expect(formulaCellText(cell, null)).not.toMatch(/\{|\d/);
      expect(formulaCellText(cell, null)).not.toBe("");
    }
  });

  test("every formula cell we write has its cached value, and none calls the add-in", async () => {
    for (const model of [emptyModel(), sample]) {
      const cells = formulaCells(new Uint8Array(await buildWorkbook(model).xlsx.writeBuffer()));
      expect(cells.size).toBeGreaterThanOrEqual(14);
      for (const [where, cell] of cells) {
        expect([where, cell.value]).not.toEqual([where, null]);
        expect(cell.formula).not.toContain("JXZP.");
      }
    }
  });

  test("the helper columns 完成率/建议得分 hold compute()'s values, under a header note that says what they are", () => {
    const sheet = buildWorkbook(sample).getWorksheet("附件2 自评表")!;
    expect([...HELPER_COLUMN_KEYS]).toEqual(["eval.indicators.completion", "eval.indicators.suggestedScore"]);
    // Row 12 of the table (sheet row 25): 完成率 92.75 %, 建议得分 4.64; a time target says 按期完成.
    expect(sheet.getCell("J25").value).toBe(0.9275);
    expect(sheet.getCell("K25").value).toBe(4.64);
    expect(sheet.getCell("J19").value).toBe("按期完成");
    for (const address of ["J13", "K13"]) {
      expect(sheet.getCell(address).note).toBe(HELPER_COLUMN_NOTE);
    }
    expect(sheet.getCell("J13").value).toBe("完成率");
    // Beyond the data the helper cells are empty, not "".
    const blank = buildWorkbook().getWorksheet("附件2 自评表")!;
    expect(blank.getCell("J14").value).toBeNull();
    expect(blank.getCell("K14").value).toBeNull();
  });

  test("more rows than the template has push the rows below down, and read back", async () => {
    const long = workbookModel.parse({
      ...JSON.parse(JSON.stringify(sample)),
      eval: {
        ...JSON.parse(JSON.stringify(sample)).eval,
        indicators: Array.from({ length: 40 }, (_, i) => ({
          level1: "产出指标",
          level2: "数量指标",
          name: `指标${i + 1}`,
          target: "10个",
          actual: "10个",
          weight: 2,
          score: 2,
        })),
      },
    });
    const back = await roundTrip(long);
    expect(back.eval.indicators).toHaveLength(40);
    expect(back.eval.preparer).toBe(long.eval.preparer);
    expect(inputs(back)).toEqual(inputs(long));
  });

  test("a file that is not a workbook, or lacks our sheets, is refused in Chinese", async () => {
    await expect(readWorkbook(Buffer.from("not a zip"))).rejects.toThrow(/不是(有效的)? \.xlsx 工作簿/);
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Sheet1");
    await expect(readWorkbook((await other.xlsx.writeBuffer()) as ArrayBuffer)).rejects.toThrow(
      "缺少工作表「附件1 基础数据表」",
    );
  });

  test("a cell of the wrong type is named by sheet and cell", async () => {
    const wb = buildWorkbook(sample);
    wb.getWorksheet("附件1 基础数据表")!.getCell("C5").value = "三十二";
    const error = await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer).catch((e: WorkbookReadError) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).problems).toEqual([
      "「附件1 基础数据表」C5（basic.staff.actual（实际在职人数）：应为整数，实际为「三十二」）",
    ]);
  });
});

describe("property: reading what we wrote gives back every input, project tables (0–5, 0–25 rows) included", () => {
  test("export(import(model)) == model", async () => {
    await fc.assert(
      fc.asyncProperty(modelInput, async (input) => {
        const parsed = workbookModel.parse(input);
        const back = await roundTrip(parsed);
        expect(inputs(back)).toEqual(inputs(parsed));
      }),
      { numRuns: 25 },
    );
  }, 120000);
});

describe("data validation", () => {
  const wb = buildWorkbook(sample);
  const evalSheet = wb.getWorksheet("附件2 自评表")!;
  const basicSheet = wb.getWorksheet("附件1 基础数据表")!;

  test("一级指标 from the vocabulary; 二级指标 limited to its row's 一级指标", () => {
    expect(evalSheet.getCell("A14").dataValidation).toMatchObject({
      type: "list",
      formulae: ["列表_一级指标"],
      errorStyle: "stop",
    });
    expect(evalSheet.getCell("B20").dataValidation).toMatchObject({
      type: "list",
      formulae: ['INDIRECT("列表_"&$A20)'],
    });
    expect(wb.definedNames.getRanges("列表_产出指标").ranges).toHaveLength(1);
    expect(wb.getWorksheet("字典")!.state).toBe("hidden");
  });

  test("headcounts whole, amounts non-negative, dates dates, with Chinese messages", () => {
    expect(basicSheet.getCell("B5").dataValidation).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      prompt: expect.stringContaining("整数"),
    });
    expect(basicSheet.getCell("C7").dataValidation).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      error: expect.stringContaining("万元"),
    });
    expect(evalSheet.getCell("F14").dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
    // The bound of a date rule is a date (exceljs writes its serial, 36526); the text DATE(2000,1,1) became NaN.
    expect(basicSheet.getCell("D30").dataValidation).toMatchObject({
      type: "date",
      operator: "greaterThanOrEqual",
      formulae: [new Date("2000-01-01T00:00:00Z")],
    });
    expect(evalSheet.getCell("D31").dataValidation).toMatchObject({ type: "date" });
    // The Office.js installer passes the rule's formula to Excel's API: the same day.
    expect(KIND_INPUT_RULES.date).toMatchObject({ formula: "DATE(2000,1,1)", minimumDate: "2000-01-01" });
    expect(basicSheet.getCell("D5").dataValidation?.type).toBeUndefined(); // computed: no input rule
  });
});
