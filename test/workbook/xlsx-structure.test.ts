/**
 * Files that Excel opens without repairing them: the structural check (test/support/xlsx-structure.ts)
 * finds each defect in a file broken on purpose, and finds none in what we write.
 */
import type ExcelJS from "exceljs";
import fc from "fast-check";
import { workbookModel, type WorkbookModel } from "../../src/domain";
import { inspectBytes, unreadable } from "../../src/batch/inspect";
import { summaryWorkbook } from "../../src/batch/summary-workbook";
import { buildKeepingStatements, buildWorkbook, templateWorkbook } from "../../src/workbook/xlsx/write";
import { variedModel } from "../../scripts/batch-samples";
import { loadProjectSample, loadSample } from "../support/model-inputs";
import { editPart, MAX_CELL_CHARS, partText, structuralProblems } from "../support/xlsx-structure";

jest.setTimeout(60000);

const bytesOf = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());
const BASIC = "xl/worksheets/sheet1.xml";

let good: Uint8Array;
beforeAll(async () => {
  good = await bytesOf(buildWorkbook(loadSample()));
});

describe("the check finds each defect in a file broken on purpose", () => {
  test("the good file is clean (so each problem below is the defect's)", () => {
    expect(structuralProblems(good)).toEqual([]);
  });

  test("a data validation whose formula is NaN (the date rule exceljs wrote from DATE(2000,1,1))", () => {
    const broken = editPart(good, BASIC, (xml) =>
      xml.replace("<formula1>36526</formula1>", "<formula1>NaN</formula1>"),
    );
    expect(structuralProblems(broken)).toEqual([expect.stringMatching(/data validation D30 formula1 "NaN"/)]);
  });

  test.each([
    ["empty", "<formula1></formula1>", /empty formula/],
    ["undefined", "<formula1>undefined</formula1>", /is not a formula/],
    ["[object Object]", "<formula1>[object Object]</formula1>", /is not a formula/],
    ["an unbalanced quote", '<formula1>"达成,部分达成</formula1>', /unbalanced quotes/],
    ["unbalanced parentheses", "<formula1>DATE(2000,1,1</formula1>", /unbalanced parentheses/],
    ["an unknown function", "<formula1>DATUM(2000,1,1)</formula1>", /unknown function DATUM/],
    ["a name that does not exist", "<formula1>列表_没有</formula1>", /unknown name "列表_没有"/],
  ])("a data validation formula: %s", (_what, formula, problem) => {
    const broken = editPart(good, BASIC, (xml) => xml.replace("<formula1>36526</formula1>", formula));
    expect(structuralProblems(broken)).toEqual([expect.stringMatching(problem)]);
  });

  test("a defined name pointing at a sheet that does not exist, or at an invalid range", () => {
    const missingSheet = editPart(good, "xl/workbook.xml", (xml) =>
      xml.replace(/&apos;附件1 基础数据表&apos;!\$B\$5</, "&apos;附件9 不存在&apos;!$B$5<"),
    );
    expect(structuralProblems(missingSheet)).toEqual([expect.stringMatching(/unknown sheet "附件9 不存在"/)]);
    const badRange = editPart(good, "xl/workbook.xml", (xml) => xml.replace(/!\$B\$5</, "!$B$0<"));
    expect(structuralProblems(badRange)).toEqual([expect.stringMatching(/invalid range "\$B\$0"/)]);
    const deleted = editPart(good, "xl/workbook.xml", (xml) =>
      xml.replace(/&apos;附件1 基础数据表&apos;!\$B\$5</, "#REF!<"),
    );
    expect(structuralProblems(deleted)).toEqual([expect.stringMatching(/#REF!/)]);
    const noTable = editPart(good, "xl/workbook.xml", (xml) =>
      xml.replace(/&apos;附件1 基础数据表&apos;!\$B\$5</, "没有的表<"),
    );
    expect(structuralProblems(noTable)).toEqual([
      expect.stringMatching(/neither a sheet's range nor an existing table/),
    ]);
  });

  test("a cell text over 32,767 characters, shared or inline", () => {
    const long = "长".repeat(MAX_CELL_CHARS + 1);
    const shared = editPart(good, "xl/sharedStrings.xml", (xml) => xml.replace("<t>单位名称</t>", `<t>${long}</t>`));
    expect(structuralProblems(shared)).toEqual([expect.stringMatching(/has 32768 characters/)]);
    const inline = editPart(good, BASIC, (xml) =>
      xml.replace(/<c r="A2"([^>]*) t="s"><v>\d+<\/v><\/c>/, `<c r="A2"$1 t="inlineStr"><is><t>${long}</t></is></c>`),
    );
    expect(structuralProblems(inline)).toEqual([expect.stringMatching(/A2: inline string of 32768 characters/)]);
    // Exactly 32,767 is allowed.
    const longest = editPart(good, "xl/sharedStrings.xml", (xml) =>
      xml.replace("<t>单位名称</t>", `<t>${"长".repeat(MAX_CELL_CHARS)}</t>`),
    );
    expect(structuralProblems(longest)).toEqual([]);
  });

  test("malformed XML", () => {
    const broken = editPart(good, BASIC, (xml) => xml.replace("</sheetData>", "</sheetDta>"));
    expect(structuralProblems(broken)).toEqual([expect.stringMatching(/sheet1\.xml: not well-formed XML/)]);
    const control = editPart(good, "xl/sharedStrings.xml", (xml) =>
      xml.replace("<t>单位名称</t>", "<t>单位\u0001名称</t>"),
    );
    expect(structuralProblems(control)).toEqual([expect.stringMatching(/sharedStrings\.xml: not well-formed XML/)]);
  });

  test("a formula cell without a cached value, and NaN in a numeric cell", () => {
    const noCache = editPart(good, BASIC, (xml) => xml.replace(/(<c r="D5"[^>]*><f>[^<]*<\/f>)<v>[^<]*<\/v>/, "$1"));
    expect(structuralProblems(noCache)).toEqual([expect.stringMatching(/D5: formula without a cached value/)]);
    const nan = editPart(good, BASIC, (xml) =>
      xml.replace(/(<c r="D5"[^>]*><f>[^<]*<\/f>)<v>[^<]*<\/v>/, "$1<v>NaN</v>"),
    );
    expect(structuralProblems(nan)).toEqual([expect.stringMatching(/D5: numeric cell holds "NaN"/)]);
  });
});

describe("what we write is clean", () => {
  test("the blank template: and its date rule's bound is the serial of 2000-01-01", async () => {
    const blank = await bytesOf(buildWorkbook());
    expect(structuralProblems(blank)).toEqual([]);
    const dateRules = partText(blank, BASIC).match(/<dataValidation [^>]*type="date"[^>]*>.*?<\/dataValidation>/g)!;
    expect(dateRules).toHaveLength(1);
    expect(dateRules[0]).toContain('operator="greaterThanOrEqual"');
    expect(dateRules[0]).toContain("<formula1>36526</formula1>");
  });

  test("the 株洲 sample, and a model whose stated 总分 is kept as a value", async () => {
    expect(structuralProblems(good)).toEqual([]);
    const json = JSON.parse(JSON.stringify(loadSample()));
    json.eval.total = 90;
    const { workbook, kept } = buildKeepingStatements(workbookModel.parse(json));
    expect(kept.map((k) => k.value.key)).toContain("eval.total");
    expect(structuralProblems(await bytesOf(workbook))).toEqual([]);
  });

  test("texts with XML's special characters, control characters, and the longest text a cell holds", async () => {
    const json = JSON.parse(JSON.stringify(loadSample()));
    json.basic.unit = `<单位> & "引号" 'x' ]]> =1+1 \u0001\u000b\ud800`;
    json.report.achievements = "长".repeat(MAX_CELL_CHARS);
    expect(structuralProblems(await bytesOf(buildWorkbook(workbookModel.parse(json))))).toEqual([]);
  });

  test("the batch's summary workbook", async () => {
    const results = await Promise.all(
      [0, 1, 2].map(async (i) => inspectBytes(`unit-${i}.xlsx`, await bytesOf(buildWorkbook(variedModel(i).model)))),
    );
    const evil = { ...results[0]!, file: "evil.xlsx", unit: '=HYPERLINK("http://x","点我")' };
    const summary = summaryWorkbook([...results, evil, unreadable("bad.xlsx", "不是 .xlsx 工作簿（不是 zip 格式）")]);
    expect(structuralProblems(await bytesOf(summary))).toEqual([]);
  });

  test("project tables: the template with three blank ones, two filled ones with a longer table", async () => {
    expect(structuralProblems(await bytesOf(templateWorkbook(3)))).toEqual([]);
    expect(structuralProblems(await bytesOf(buildWorkbook(loadProjectSample())))).toEqual([]);
  });

  test("varied models (the batch's samples, 20–60 indicators)", async () => {
    for (let i = 0; i < 6; i++)
      expect(structuralProblems(await bytesOf(buildWorkbook(variedModel(i).model)))).toEqual([]);
  });

  test("property: random models", async () => {
    const amount = fc.option(
      fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((c) => c / 100),
      { nil: null },
    );
    const text = fc.option(fc.string({ maxLength: 40 }), { nil: null });
    const row = fc.record({
      level1: fc.constantFrom("产出指标", "效益指标", "满意度指标", "其他"),
      level2: text,
      name: text,
      target: fc.option(fc.constantFrom("100%", "≥95%", "10个", "按期完成", "提高", "≤50万元", "abc"), { nil: null }),
      actual: fc.option(fc.constantFrom("100%", "98%", "8个", "按期完成", "未完成", "提高", "60万元"), { nil: null }),
      weight: amount,
      score: amount,
      band: fc.option(fc.constantFrom("达成", "部分达成", "未达成", "其他"), { nil: null }),
    });
    const model = fc.record({
      year: fc.option(fc.integer({ min: 2000, max: 2099 }), { nil: null }),
      unit: text,
      budget: amount,
      executed: amount,
      weight: amount,
      filledOn: fc.option(fc.constantFrom("2025-01-31", "2000-01-01", "2099-12-31"), { nil: null }),
      indicators: fc.array(row, { maxLength: 30 }),
      projects: fc.array(
        fc.record({
          name: text,
          budget: amount,
          executed: amount,
          weight: amount,
          total: amount,
          indicators: fc.array(row, { maxLength: 15 }),
        }),
        { maxLength: 3 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(model, async (m) => {
        const json = JSON.parse(JSON.stringify(loadSample()));
        json.basic.year = json.eval.year = m.year;
        json.basic.unit = json.eval.unit = m.unit;
        json.basic.filledOn = json.eval.filledOn = m.filledOn;
        Object.assign(json.eval.funds, { fullYearBudget: m.budget, executed: m.executed, weight: m.weight });
        json.eval.indicators = m.indicators;
        json.projects = m.projects.map((p) => ({
          name: p.name,
          year: m.year,
          funds: { fullYearBudget: p.budget, executed: p.executed, weight: p.weight },
          indicators: p.indicators,
          total: p.total, // a stated 总分, kept as a value where the scores do not give it
        }));
        let parsed: WorkbookModel;
        try {
          parsed = workbookModel.parse(json);
        } catch {
          return; // the schema refuses it (a negative amount): nothing to write
        }
        expect(structuralProblems(await bytesOf(buildWorkbook(parsed)))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
