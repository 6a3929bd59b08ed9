/**
 * The helper columns' JXZP formulas against the in-memory Excel with and without the functions
 * registered, in English and Chinese Excel: the installer keeps them where the probe resolves them, or
 * falls back to the local form, or to the values compute() gives; 重新计算 enters them again.
 */
import { compute } from "../../../src/domain/compute";
import { FORMULAS, LISTS } from "../../../src/domain/template";
import { columnLetter } from "../../../src/domain/a1";
import {
  HELPER_COLUMNS,
  localFormula,
  namesAreChinese,
  reenterHelperFormulas,
} from "../../../src/workbook/office/functions-check";
import { installTemplates } from "../../../src/workbook/office/install";
import { readExcelWorkbook } from "../../../src/workbook/office/read";
import { loadSample } from "../../support/model-inputs";
import { excelContext, FakeContext, type FakeExcelOptions } from "../../support/fake-excel";
import { typeModel } from "../../support/type-model";

const sample = loadSample();
const EVAL = "附件2 自评表";
/** 绩效指标 is A13:K28: 完成率 in J, 建议得分 in K, rows 14–28. */
const ROWS = Array.from({ length: 15 }, (_, i) => 14 + i);
const cellOf = (fake: FakeContext, address: string) => fake.workbook.sheet(EVAL)!.cell(address);
/** The probe's cells on 字典, right of the lists. */
const probeCells = (fake: FakeContext) =>
  [1, 2].flatMap((row) =>
    HELPER_COLUMNS.map((_, i) => fake.workbook.sheet("字典")!.cell(`${columnLetter(LISTS.length + 2 + i)}${row}`)),
  );

/** A workbook of this version's template, filled with the 株洲 sample, installed in a registered Excel. */
async function filledOld(options: FakeExcelOptions): Promise<FakeContext> {
  const fake = new FakeContext();
  await installTemplates(excelContext(fake));
  typeModel(fake, sample);
  fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0"; // so that installing again upgrades
  Object.assign(fake.workbook, {
    locale: options.locale ?? "en-US",
    functionsRegistered: options.functionsRegistered ?? true,
    idsResolveInLocale: options.idsResolveInLocale ?? true,
  });
  fake.syncCount = 0;
  return fake;
}

describe("the fake models how Excel resolves custom function names", () => {
  test("unregistered: #NAME? that IFERROR hides; registering later does not resolve what was entered", async () => {
    const fake = new FakeContext({ functionsRegistered: false });
    const sheet = fake.api.workbook.worksheets.add("s");
    sheet.getRange("A1:B1").formulas = [["=JXZP.PERCENTTEXT(1)", '=IFERROR(JXZP.PERCENTTEXT(1),"")']];
    await fake.sync();
    fake.workbook.registerFunctions();
    fake.api.application.calculate("Full");
    const read = sheet.getRange("A1:B1").load("values,valueTypes");
    await fake.sync();
    expect(read.values).toEqual([["#NAME?", ""]]);
    expect(read.valueTypes).toEqual([["Error", "Empty"]]);
    sheet.getRange("A1").formulas = [["=JXZP.PERCENTTEXT(1)"]]; // entered again: resolves now
    const again = sheet.getRange("A1").load("values");
    await fake.sync();
    expect(again.values).toEqual([[""]]);
  });

  test("formulasLocal takes the names of the Excel's language and stores the id", async () => {
    const zh = new FakeContext({ locale: "zh-CN" });
    const sheet = zh.api.workbook.worksheets.add("s");
    sheet.getRange("A1:B1").formulasLocal = [["=JXZP.百分比文本(1)", "=JXZP.PERCENTTEXT(1)"]];
    const read = sheet.getRange("A1:B1").load("values,formulas");
    await zh.sync();
    expect(read.formulas).toEqual([["=JXZP.PERCENTTEXT(1)", "=JXZP.PERCENTTEXT(1)"]]);
    expect(read.values).toEqual([["", "#NAME?"]]); // a Chinese Excel's local form has no English names
    const en = new FakeContext();
    const enSheet = en.api.workbook.worksheets.add("s");
    enSheet.getRange("A1").formulasLocal = [["=JXZP.百分比文本(1)"]];
    const enRead = enSheet.getRange("A1").load("values");
    await en.sync();
    expect(enRead.values).toEqual([["#NAME?"]]);
    expect(en.workbook.formulasLocalWrites).toBe(1);
  });

  test("a load reads the state where it stands in the batch", async () => {
    const fake = new FakeContext();
    const sheet = fake.api.workbook.worksheets.add("s");
    sheet.getRange("A1").formulas = [["kept"]];
    const before = sheet.getRange("A1").load("values");
    sheet.getRange("A1").formulas = [[""]];
    await fake.sync();
    expect(before.values).toEqual([["kept"]]);
    expect(fake.operationCount).toBe(3); // loads are not operations
  });
});

describe("installing where the functions are registered (English Excel)", () => {
  test("the helper formulas stay by id; the probe is read back and cleared; 3 syncs", async () => {
    const fake = new FakeContext();
    const result = await installTemplates(excelContext(fake));
    expect(result).toMatchObject({ status: "installed", syncs: 3 });
    expect(result.functionsFallback).toBeUndefined();
    for (const row of ROWS) {
      expect(cellOf(fake, `J${row}`).formula).toBe(`=${FORMULAS["eval.indicators.completion"]}`);
      expect(cellOf(fake, `K${row}`).unresolved).toBeUndefined();
    }
    expect(probeCells(fake).map((cell) => cell.formula ?? "")).toEqual(probeCells(fake).map(() => ""));
    expect(fake.workbook.formulasLocalWrites).toBe(0);
  });

  test("a Chinese Excel that resolves ids keeps them too (the local probe is written, not needed)", async () => {
    const fake = new FakeContext({ locale: "zh-CN" });
    const result = await installTemplates(excelContext(fake), { language: "zh-CN" });
    expect(result).toMatchObject({ syncs: 3 });
    expect(result.functionsFallback).toBeUndefined();
    expect(fake.workbook.formulasLocalWrites).toBe(1); // the probe's local row only
  });
});

describe("a Chinese Excel that refuses the ids (office-js#891): the local form", () => {
  let fake: FakeContext;
  let result: Awaited<ReturnType<typeof installTemplates>>;
  beforeAll(async () => {
    fake = await filledOld({ locale: "zh-CN", idsResolveInLocale: false });
    result = await installTemplates(excelContext(fake), { language: "zh-CN" });
  });

  test("upgraded, the helper columns entered again through formulasLocal: 5 syncs", () => {
    expect(result).toMatchObject({ status: "upgraded", functionsFallback: "localized", syncs: 5 });
  });

  test("they resolve, and Excel stores them by id (the form the .xlsx and the validator know)", () => {
    for (const row of ROWS) {
      const completion = cellOf(fake, `J${row}`);
      expect(completion.unresolved).toBeUndefined();
      expect(completion.formula).toBe(
        "=IFERROR(JXZP.COMPLETIONRATE(绩效指标[@[年度指标值]],绩效指标[@[实际完成值]]," +
          '绩效指标[@[一级指标]],绩效指标[@[二级指标]],绩效指标[@[三级指标]]),"")',
      );
      expect(cellOf(fake, `K${row}`).unresolved).toBeUndefined();
    }
  });

  test("the inputs came across", async () => {
    const read = await readExcelWorkbook(excelContext(fake));
    expect(read.model.eval.indicators).toHaveLength(sample.eval.indicators.length);
  });
});

describe("functions not registered: the values compute() gives", () => {
  test.each([
    ["English", { functionsRegistered: false }, "en-US"],
    ["Chinese", { functionsRegistered: false, locale: "zh-CN" as const }, "zh-CN"],
  ])("%s Excel: upgraded with the helper columns as values, 6 syncs", async (_name, options, language) => {
    const fake = await filledOld(options);
    const result = await installTemplates(excelContext(fake), { language });
    // look, read, write, probe, read the workbook, write the values
    expect(result).toMatchObject({ status: "upgraded", functionsFallback: "values", syncs: 6 });
    const computation = compute(sample);
    computation.indicators.forEach((indicator, i) => {
      expect(cellOf(fake, `J${14 + i}`).formula).toBe(indicator.helper.completion ?? "");
      expect(cellOf(fake, `K${14 + i}`).formula).toBe(indicator.helper.suggestedScore ?? "");
    });
    expect(cellOf(fake, "K25").formula).toBe(4.64); // the 成本指标 of 株洲
    expect(cellOf(fake, "K26").formula).toBe(4.81);
    // The official numbers are Excel's own formulas, whatever happened to the helper columns.
    expect(cellOf(fake, "G29").formula).toContain("SUM(绩效指标[得分])");
  });

  test("a new workbook: installed, helper columns empty values, 5 syncs", async () => {
    const fake = new FakeContext({ functionsRegistered: false });
    const result = await installTemplates(excelContext(fake));
    expect(result).toMatchObject({ status: "installed", functionsFallback: "values", syncs: 5 });
    for (const row of ROWS) expect(cellOf(fake, `J${row}`).formula).toBe("");
  });

  test("functions.js failed to associate: no JXZP formula is ever written, values at once (4 syncs)", async () => {
    const fake = new FakeContext();
    const result = await installTemplates(excelContext(fake), { functions: { state: "failed", error: "x" } });
    expect(result).toMatchObject({ status: "installed", functionsFallback: "values", syncs: 4 });
    const formulas = fake.workbook.sheets.flatMap((sheet) => [...sheet.cellMap.values()].map((c) => String(c.formula)));
    expect(formulas.filter((f) => f.includes("JXZP."))).toEqual([]);
    expect(fake.workbook.calculations).toEqual([]); // no probe
  });
});

describe("重新计算 enters the helper formulas again", () => {
  test("a #NAME? left from a formula entered before registration goes; 2 syncs", async () => {
    const fake = new FakeContext({ functionsRegistered: false });
    // As a workbook saved where the add-in was absent: the helper formulas never resolved.
    await installTemplates(excelContext(fake), { functions: { state: "associated", ids: [] } });
    for (const row of ROWS) {
      cellOf(fake, `J${row}`).formula = `=${FORMULAS["eval.indicators.completion"]}`;
      cellOf(fake, `J${row}`).unresolved = "COMPLETIONRATE";
    }
    fake.workbook.registerFunctions();
    fake.syncCount = 0;
    const entered = await reenterHelperFormulas(excelContext(fake));
    expect(fake.syncCount).toBe(2);
    expect(entered).toBe(ROWS.length); // J's formulas; K holds the values of the fallback, written back as they are
    for (const row of ROWS) {
      expect(cellOf(fake, `J${row}`).unresolved).toBeUndefined();
      expect(cellOf(fake, `J${row}`).formula).toBe(`=${FORMULAS["eval.indicators.completion"]}`);
      expect(cellOf(fake, `K${row}`).formula).toBe("");
    }
    expect(fake.workbook.calculations.at(-1)).toBe("Full");
  });

  test("a Chinese Excel that refuses ids: entered again in the local form, so they keep resolving", async () => {
    const fake = await filledOld({ locale: "zh-CN", idsResolveInLocale: false });
    await installTemplates(excelContext(fake), { language: "zh-CN" });
    fake.syncCount = 0;
    const entered = await reenterHelperFormulas(excelContext(fake), "zh-CN");
    expect(entered).toBe(2 * ROWS.length);
    for (const row of ROWS)
      for (const column of ["J", "K"]) expect(cellOf(fake, `${column}${row}`).unresolved).toBeUndefined();
    // Entered by id instead, they would not resolve in this Excel:
    await reenterHelperFormulas(excelContext(fake), "en-US");
    expect(cellOf(fake, "J14").unresolved).toBe("COMPLETIONRATE");
  });

  test("a workbook without the template is only recalculated", async () => {
    const fake = new FakeContext();
    expect(await reenterHelperFormulas(excelContext(fake))).toBe(0);
    expect(fake.workbook.calculations).toEqual(["Full"]);
    expect(fake.syncCount).toBe(2);
  });
});

test("the local form: Chinese names, this-row references by @, nothing else changed", () => {
  expect(localFormula('IFERROR(JXZP.INDICATORSCORE(绩效指标[[#This Row],[评价档次（定性指标）]],1),"")')).toBe(
    'IFERROR(JXZP.指标得分(绩效指标[@[评价档次（定性指标）]],1),"")',
  );
  expect(localFormula("JXZP.TOTALSCORE(10,G14:G28)")).toBe("JXZP.绩效总分(10,G14:G28)");
  expect(HELPER_COLUMNS.map((h) => h.column.label)).toEqual(["完成率", "建议得分"]);
  expect(["zh-CN", "zh-cn", "zh-Hans-CN"].map(namesAreChinese)).toEqual([true, true, true]);
  expect(["en-US", "zh-TW", undefined].map(namesAreChinese)).toEqual([false, false, false]);
});
