/** 安装模板 through Office.js, against the in-memory Excel: what lands in the workbook, in how many syncs. */
import { CONTRACT, SHEETS, TEMPLATE_VERSION } from "../../../src/domain/contract";
import { VERSION_NAME } from "../../../src/domain/template";
import {
  backupName,
  compareVersions,
  freeName,
  InstallError,
  installTemplates,
} from "../../../src/workbook/office/install";
import { readExcelWorkbook } from "../../../src/workbook/office/read";
import { inputsOf, loadSample } from "../../support/model-inputs";
import { excelContext, FakeContext, FakeExcelError, FakeWorksheet } from "../../support/fake-excel";
import { typeModel } from "../../support/type-model";
import { workbookModel } from "../../../src/domain/model";
import { SEED_001 } from "../../domain/yueyang/seed-001";

const sample = loadSample();
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

describe("installTemplates into a new workbook", () => {
  const fake = new FakeContext();
  let result: Awaited<ReturnType<typeof installTemplates>>;

  beforeAll(async () => {
    result = await installTemplates(excelContext(fake));
  });

  test("three syncs: look, write, read the functions' probe back; calculation suspended for the write", () => {
    expect(result.status).toBe("installed");
    expect(result.functionsFallback).toBeUndefined();
    expect(result.syncs).toBe(3);
    expect(fake.syncCount).toBe(3);
    expect(fake.workbook.calculationSuspensions).toBe(1);
    expect(fake.workbook.calculations).toEqual(["Recalculate"]);
  });

  test("the three sheets and the hidden 字典", () => {
    expect(fake.workbook.sheets.map((s) => s.nameValue)).toEqual(["字典", ...Object.values(SHEETS).map((s) => s.name)]);
    expect(fake.workbook.sheet("字典")!.visibilityValue).toBe("Hidden");
  });

  test("a workbook-scoped name for every contract key, and the version", () => {
    for (const entry of CONTRACT) expect(fake.workbook.names.has(entry.name)).toBe(true);
    expect(fake.workbook.names.get("基础_编制数")).toBe("='附件1 基础数据表'!$B$5");
    expect(fake.workbook.names.get(VERSION_NAME)).toBe("='报告文字'!$A$10");
    expect(fake.workbook.sheet("报告文字")!.cell("A10").formula).toBe(TEMPLATE_VERSION);
  });

  test("Excel tables for the variable rows, with calculated columns", () => {
    expect(fake.workbook.tables.map((t) => [t.nameValue, t.addressLocal])).toEqual([
      ["项目支出明细", "A14:D17"],
      ["绩效指标", "A13:K28"],
      ["已说明的提示", "A14:C19"],
      ["表式工作任务", "A9:A15"],
      ["表式收入", "A18:G23"],
      ["表式支出", "A26:H31"],
      ["表式三公经费", "A34:F39"],
      ["表式固定资产", "A42:E47"],
      ["表式定性目标", "A50:B53"],
      ["表式评价人员", "A56:C62"],
    ]);
    const evalSheet = fake.workbook.sheet("附件2 自评表")!;
    expect(evalSheet.cell("C13").formula).toBe("三级指标");
    expect(evalSheet.cell("J20").formula).toContain("JXZP.COMPLETIONRATE(绩效指标[[#This Row],[年度指标值]]");
  });

  test("computed cells are native formulas over the names, in English function syntax", () => {
    const basic = fake.workbook.sheet("附件1 基础数据表")!;
    expect(basic.cell("D5").formula).toBe('=IF(N(基础_编制数)=0,"不适用",ROUND(基础_实际在职人数/基础_编制数,4))');
    expect(basic.cell("D5").numberFormat).toBe("0.00%");
    expect(fake.workbook.sheet("附件2 自评表")!.cell("G29").formula).toContain("SUM(绩效指标[得分])");
  });

  test("validation with Chinese messages; dropdowns from the vocabulary", () => {
    const evalSheet = fake.workbook.sheet("附件2 自评表")!;
    expect(evalSheet.cell("A14").validation).toMatchObject({
      rule: { list: { source: "=列表_一级指标" } },
      errorAlert: { style: "Stop" },
    });
    expect(evalSheet.cell("B21").validation).toMatchObject({ rule: { list: { source: '=INDIRECT("列表_"&$A21)' } } });
    expect(fake.workbook.sheet("附件1 基础数据表")!.cell("B5").validation).toMatchObject({
      rule: { wholeNumber: { operator: "GreaterThanOrEqualTo" } },
      prompt: { message: expect.stringContaining("整数") },
    });
  });

  test("layout: merges, frozen header, A4 print setup", () => {
    const evalSheet = fake.workbook.sheet("附件2 自评表")!;
    expect(evalSheet.merges).toContain("A1:K1");
    expect(evalSheet.frozenRows).toBe(1);
    expect(evalSheet.pageLayoutSettings).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$1",
    });
  });
});

/** Everything the fake workbook holds, for before/after comparisons. */
const stateOf = (fake: FakeContext) =>
  JSON.stringify({
    sheets: fake.workbook.sheets.map((s) => [s.nameValue, s.idValue, [...s.cellMap], s.merges]),
    names: [...fake.workbook.names],
    tables: fake.workbook.tables
      .filter((t) => fake.workbook.sheets.includes(t.sheet))
      .map((t) => [t.nameValue, t.addressLocal]),
  });

test("installing again over a filled workbook changes nothing, in two syncs (look, read the version)", async () => {
  const fake = new FakeContext();
  await installTemplates(excelContext(fake));
  typeModel(fake, sample);
  const before = stateOf(fake);
  const again = await installTemplates(excelContext(fake));
  expect(again).toMatchObject({ status: "alreadyInstalled", previousVersion: TEMPLATE_VERSION, syncs: 2 });
  expect(stateOf(fake)).toBe(before);
});

describe("upgrading a filled workbook of an older template version", () => {
  const fake = new FakeContext();
  let result: Awaited<ReturnType<typeof installTemplates>>;
  const oldIds: string[] = [];

  beforeAll(async () => {
    await installTemplates(excelContext(fake));
    typeModel(fake, longer);
    // The older version kept 编制数 elsewhere: its name points there, and that is where the value is.
    const basic = fake.workbook.sheet("附件1 基础数据表")!;
    basic.cell("F40").formula = basic.cell("B5").formula;
    basic.cell("B5").formula = null;
    fake.workbook.names.set("基础_编制数", "='附件1 基础数据表'!$F$40");
    fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
    oldIds.push(...fake.workbook.sheets.map((s) => s.idValue));
    fake.syncCount = 0;
    result = await installTemplates(excelContext(fake));
  });

  test("four syncs: look, read everything, write, read the functions' probe back", () => {
    expect(result).toMatchObject({ status: "upgraded", previousVersion: "0.9.0", syncs: 4 });
    expect(result.functionsFallback).toBeUndefined();
    expect(fake.syncCount).toBe(4);
  });

  test("every input is moved by key, every added row kept", async () => {
    expect(fake.workbook.names.get("基础_编制数")).toBe("='附件1 基础数据表'!$B$5");
    expect(fake.workbook.tables.filter((t) => t.nameValue === "绩效指标").map((t) => t.addressLocal)).toEqual([
      "A13:K34",
    ]);
    const read = await readExcelWorkbook(excelContext(fake));
    expect(inputsOf(read.model)).toEqual(inputsOf(longer));
    expect(fake.workbook.sheet("报告文字")!.cell("A10").formula).toBe(TEMPLATE_VERSION);
  });

  test("the old sheets are kept aside as backups; the old 字典 is replaced", () => {
    expect(result.backupSheets).toEqual([
      "附件1 基础数据表 (旧版 0.9.0)",
      "附件2 自评表 (旧版 0.9.0)",
      "报告文字 (旧版 0.9.0)",
      "表式报告（岳阳） (旧版 0.9.0)",
    ]);
    for (const name of result.backupSheets) expect(oldIds).toContain(fake.workbook.sheet(name)!.idValue);
    expect(fake.workbook.sheet("附件1 基础数据表 (旧版 0.9.0)")!.cell("F40").formula).toBe(
      longer.basic.staff.authorized,
    );
    expect(fake.workbook.sheets.filter((s) => s.nameValue.startsWith("字典")).map((s) => s.nameValue)).toEqual([
      "字典",
    ]);
    expect(
      fake.workbook.tables
        .filter((t) => fake.workbook.sheets.includes(t.sheet))
        .map((t) => t.nameValue)
        .sort(),
    ).toEqual(
      [
        ...["已说明的提示", "绩效指标", "项目支出明细"],
        ...["表式工作任务", "表式收入", "表式支出", "表式三公经费", "表式固定资产", "表式定性目标", "表式评价人员"],
      ]
        .flatMap((name) => [name, `${name}_旧版`])
        .sort(),
    );
  });
});

test.each([2, 6, 900])(
  "an upgrade failing at operation %i is undone: sheets, tables and names as they were",
  async (failAt) => {
    const fake = new FakeContext();
    await installTemplates(excelContext(fake));
    typeModel(fake, sample);
    fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
    const before = stateOf(fake);
    fake.syncCount = 0;
    fake.workbook.failOnSync = 3; // the write: while setting the old sheets aside, or part-way through
    fake.workbook.failAtOperation = failAt;
    const error = await installTemplates(excelContext(fake)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstallError);
    expect(fake.syncCount).toBe(5);
    expect(stateOf(fake)).toBe(before);
  },
);

test("a user's sheet under one of our names is never overwritten: ours gets a free name", async () => {
  const fake = new FakeContext();
  fake.api.workbook.worksheets.add("附件2 自评表");
  await fake.sync();
  fake.workbook.sheet("附件2 自评表")!.cell("A1").formula = "我的表";
  const result = await installTemplates(excelContext(fake));
  expect(result.sheetNames.eval).toBe("附件2 自评表 (2)");
  expect(fake.workbook.sheet("附件2 自评表")!.cell("A1").formula).toBe("我的表");
  expect(fake.workbook.names.get("自评_全年预算数")).toBe("='附件2 自评表 (2)'!$D$4");
  expect(freeName("a", new Set(["a", "a (2)"]))).toBe("a (3)");
});

test("a failed write leaves the workbook as it was and says so in Chinese", async () => {
  const fake = new FakeContext();
  fake.workbook.failAtOperation = 500; // part-way through the write batch
  const error = await installTemplates(excelContext(fake)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InstallError);
  expect((error as InstallError).message).toMatch(/^安装模板失败，工作簿未作改动/);
  expect((error as InstallError).reason).toBeInstanceOf(FakeExcelError);
  expect(fake.workbook.sheets).toEqual([]);
  expect(fake.workbook.names.size).toBe(0);
  expect(fake.syncCount).toBe(4); // look, write (fails), look at what landed, undo it
});

test("the fake fails like Excel: unloaded properties, duplicate names, bad addresses", async () => {
  const fake = new FakeContext();
  const sheets = fake.api.workbook.worksheets;
  expect(() => sheets.items).toThrow("is not available");
  fake.api.workbook.names.add("x", "=A1");
  fake.api.workbook.names.add("x", "=A2");
  await expect(fake.sync()).rejects.toThrow("already exists");
  expect(() => fake.api.workbook.worksheets.add("s").getRange("not an address")).toThrow("invalid");
});

describe("damaged or newer templates", () => {
  test("a name whose cells were deleted (#REF!) is repaired by installing again, inputs kept", async () => {
    const fake = new FakeContext();
    await installTemplates(excelContext(fake));
    typeModel(fake, sample);
    fake.workbook.names.set("基础_编制数", "=#REF!");
    fake.workbook.sheet("附件1 基础数据表")!.cell("B5").formula = null;
    fake.syncCount = 0;
    const result = await installTemplates(excelContext(fake));
    expect(result).toMatchObject({ status: "repaired", syncs: 4 });
    const read = await readExcelWorkbook(excelContext(fake));
    expect(read.model.basic.staff.authorized).toBeNull(); // its cell was gone; everything else came across
    expect(read.model.eval.indicators).toHaveLength(sample.eval.indicators.length);
    expect(read.model.basic.threePublic.total.final!.toString()).toBe("38.67");
  });

  test("a template newer than the add-in is refused, nothing changed", async () => {
    const fake = new FakeContext();
    await installTemplates(excelContext(fake));
    fake.workbook.sheet("报告文字")!.cell("A10").formula = "9.0.0";
    const before = stateOf(fake);
    await expect(installTemplates(excelContext(fake))).rejects.toThrow(
      /工作簿中的模板是 9\.0\.0 版，比本加载项的 .* 版新，工作簿未作改动/,
    );
    expect(stateOf(fake)).toBe(before);
  });

  test("versions compare by number; backup names are valid sheet names", () => {
    expect(compareVersions("1.10.0", "1.9.2")).toBeGreaterThan(0);
    expect(compareVersions("1.1.0", "1.1.0")).toBe(0);
    const name = backupName("附件1 基础数据表", "1/2:3*", new Set());
    expect(name).toBe("附件1 基础数据表 (旧版 1-2-3-)");
    const long = backupName(
      "一个很长很长很长很长很长很长的工作表名称",
      "10.20.30",
      new Set(["一个很长很长很长很长很长很长的工作表名称 (旧版 10".slice(0, 27)]),
    );
    expect(long.length).toBeLessThanOrEqual(31);
  });
});

describe("sheets the user renamed (Excel keeps our names pointing at them)", () => {
  test.each(["附件1 基础数据表", "附件2 自评表", "报告文字", "字典"])(
    "with %s renamed, 安装模板 finds the template installed, changes nothing, and the workbook reads",
    async (sheet) => {
      const fake = new FakeContext();
      await installTemplates(excelContext(fake));
      typeModel(fake, sample);
      fake.workbook.renameSheet(sheet, "我的表");
      const before = stateOf(fake);
      fake.syncCount = 0;
      const again = await installTemplates(excelContext(fake));
      expect(again).toMatchObject({ status: "alreadyInstalled", syncs: 2 });
      const id = Object.values(SHEETS).find((s) => s.name === sheet)?.id;
      if (id) expect(again.sheetNames[id]).toBe("我的表");
      expect(stateOf(fake)).toBe(before);
      const read = await readExcelWorkbook(excelContext(fake));
      expect(inputsOf(read.model)).toEqual(inputsOf(sample));
    },
  );

  test("an older template on renamed sheets is upgraded: the renamed sheets are its backups, inputs kept", async () => {
    const fake = new FakeContext();
    await installTemplates(excelContext(fake));
    typeModel(fake, longer);
    fake.workbook.renameSheet("附件2 自评表", "自评");
    fake.api.workbook.worksheets.add("附件1 基础数据表 (2)"); // a sheet of the user's, never touched
    await fake.sync();
    fake.workbook.renameSheet("附件1 基础数据表", "基础");
    fake.api.workbook.worksheets.add("附件1 基础数据表"); // the user's, under our old name
    await fake.sync();
    fake.workbook.sheet("附件1 基础数据表")!.cell("A1").formula = "我的";
    fake.workbook.sheet("自评")!.cell("A10").formula = null;
    fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
    fake.syncCount = 0;
    const result = await installTemplates(excelContext(fake));
    expect(result).toMatchObject({ status: "upgraded", syncs: 4 });
    expect(result.backupSheets).toEqual([
      "基础 (旧版 0.9.0)",
      "自评 (旧版 0.9.0)",
      "报告文字 (旧版 0.9.0)",
      "表式报告（岳阳） (旧版 0.9.0)",
    ]);
    expect(result.sheetNames).toEqual({
      basic: "附件1 基础数据表 (3)",
      eval: "附件2 自评表",
      report: "报告文字",
      form: "表式报告（岳阳）",
    });
    expect(fake.workbook.sheet("附件1 基础数据表")!.cell("A1").formula).toBe("我的");
    const read = await readExcelWorkbook(excelContext(fake));
    expect(inputsOf(read.model)).toEqual(inputsOf(longer));
  });
});

describe("someone else (a co-author, the user) works in the workbook while 安装模板 runs", () => {
  /** A sheet and a name added by someone else as the given syncs begin. */
  function coAuthor(fake: FakeContext, syncs: number[]): void {
    fake.workbook.onSync = (sync) => {
      if (!syncs.includes(sync)) return;
      const sheet = new FakeWorksheet(fake, `同事的表${sync}`);
      sheet.cell("A1").formula = "同事写的";
      fake.workbook.sheets.push(sheet);
      fake.workbook.names.set(`同事的名称${sync}`, `='同事的表${sync}'!$A$1`);
    };
  }
  const theirs = (fake: FakeContext) => ({
    sheets: fake.workbook.sheets.map((s) => s.nameValue).filter((n) => n.startsWith("同事")),
    names: [...fake.workbook.names.keys()].filter((n) => n.startsWith("同事")),
  });

  test("a failed first install undoes only its own sheets and names: theirs stay", async () => {
    const fake = new FakeContext();
    coAuthor(fake, [2, 3]); // before the write, and between the write and the undo
    fake.workbook.failOnSync = 2;
    fake.workbook.failAtOperation = 500;
    const error = await installTemplates(excelContext(fake)).catch((e: unknown) => e);
    expect((error as InstallError).message).toMatch(/^安装模板失败，工作簿未作改动/);
    expect(fake.syncCount).toBe(4);
    expect(theirs(fake)).toEqual({ sheets: ["同事的表2", "同事的表3"], names: ["同事的名称2", "同事的名称3"] });
    expect(fake.workbook.sheets).toHaveLength(2);
    expect(fake.workbook.names.size).toBe(2);
  });

  test("a failed upgrade puts back its renamed sheets, tables and names, and leaves theirs", async () => {
    const fake = new FakeContext();
    await installTemplates(excelContext(fake));
    typeModel(fake, sample);
    fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
    const before = stateOf(fake);
    fake.syncCount = 0;
    coAuthor(fake, [3, 4]);
    fake.workbook.failOnSync = 3;
    fake.workbook.failAtOperation = 900;
    const error = await installTemplates(excelContext(fake)).catch((e: unknown) => e);
    expect((error as InstallError).message).toMatch(/^安装模板失败，工作簿未作改动/);
    expect(fake.syncCount).toBe(5);
    expect(theirs(fake)).toEqual({ sheets: ["同事的表3", "同事的表4"], names: ["同事的名称3", "同事的名称4"] });
    for (const sync of [3, 4]) {
      fake.workbook.sheets.splice(fake.workbook.sheets.indexOf(fake.workbook.sheet(`同事的表${sync}`)!), 1);
      fake.workbook.names.delete(`同事的名称${sync}`);
    }
    expect(stateOf(fake)).toBe(before);
  });

  test("a sheet someone else renamed meanwhile keeps their name", async () => {
    const fake = new FakeContext();
    fake.api.workbook.worksheets.add("Sheet1");
    await fake.sync();
    fake.syncCount = 0;
    fake.workbook.onSync = (sync) => sync === 2 && fake.workbook.renameSheet("Sheet1", "预算");
    fake.workbook.failOnSync = 2;
    fake.workbook.failAtOperation = 500;
    await expect(installTemplates(excelContext(fake))).rejects.toThrow(InstallError);
    expect(fake.workbook.sheets.map((s) => s.nameValue)).toEqual(["预算"]);
  });
});

describe("a table converted to a range (转换为区域)", () => {
  test("安装模板 repairs the template with what was typed in the range: every row kept", async () => {
    const fake = new FakeContext();
    await installTemplates(excelContext(fake));
    typeModel(fake, longer);
    fake.workbook.convertToRange("绩效指标");
    fake.syncCount = 0;
    const result = await installTemplates(excelContext(fake));
    expect(result).toMatchObject({ status: "repaired", syncs: 4 });
    expect(fake.workbook.table("绩效指标")!.addressLocal).toBe("A13:K34");
    const read = await readExcelWorkbook(excelContext(fake));
    expect(inputsOf(read.model)).toEqual(inputsOf(longer));
  });

  test("the optional 已说明的提示 converted: repaired too (not 'already installed'), explanations kept", async () => {
    const fake = new FakeContext();
    await installTemplates(excelContext(fake));
    typeModel(fake, sample);
    const report = fake.workbook.table("已说明的提示")!;
    const row = Number(report.addressLocal.split(":")[0]!.replace(/^[A-Z]+/, "")) + 1;
    report.sheet.cell(`A${row}`).formula = "cross.projects";
    report.sheet.cell(`B${row}`).formula = "附件1 含代管的市级专项资金";
    report.sheet.cell(`C${row}`).formula = "basic.projects.total.final";
    fake.workbook.convertToRange("已说明的提示");
    const result = await installTemplates(excelContext(fake));
    expect(result.status).toBe("repaired");
    const read = await readExcelWorkbook(excelContext(fake));
    expect(read.model.review.acknowledgements).toEqual([
      { rule: "cross.projects", reason: "附件1 含代管的市级专项资金", key: "basic.projects.total.final" },
    ]);
  });
});

test("a deleted sheet of ours (its names now dangle) is repaired by 安装模板, not refused", async () => {
  const fake = new FakeContext();
  await installTemplates(excelContext(fake));
  typeModel(fake, sample);
  fake.workbook.sheets.splice(fake.workbook.sheets.indexOf(fake.workbook.sheet("附件1 基础数据表")!), 1);
  const result = await installTemplates(excelContext(fake));
  expect(result).toMatchObject({ status: "repaired", syncs: 4 });
  const read = await readExcelWorkbook(excelContext(fake), { lenient: true });
  expect(read.model.eval.indicators).toHaveLength(sample.eval.indicators.length);
});

test("upgrading a 1.1.0 workbook keeps the 表式报告 blocks typed in it, one longer than its blank rows", async () => {
  const seed = workbookModel.parse(SEED_001);
  const longer = {
    ...seed,
    form: {
      ...seed.form,
      threePublic: [...seed.form.threePublic, ...seed.form.threePublic.slice(1), ...seed.form.threePublic.slice(1)],
    },
  };
  const fake = new FakeContext();
  await installTemplates(excelContext(fake));
  typeModel(fake, longer);
  fake.workbook.sheet("报告文字")!.cell("A10").formula = "1.1.0";
  const result = await installTemplates(excelContext(fake));
  expect(result).toMatchObject({ status: "upgraded", previousVersion: "1.1.0", syncs: 4 });
  const read = await readExcelWorkbook(excelContext(fake));
  expect(read.model.form.threePublic).toHaveLength(7);
  expect(inputsOf(read.model)).toEqual(inputsOf(longer));
});
