/** 附件3 in the .xlsx adapter: one sheet per project, rendered as 附件2 is, read back into model.projects. */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { emptyModel, workbookModel, type WorkbookModel } from "../../src/domain";
import { sheetValues } from "../../src/domain/compute";
import { isBlankProject } from "../../src/domain/validation/rules/projects";
import { MAX_PROJECTS, projectEntries, projectSheetName, projectTableName } from "../../src/domain/projects/contract";
import { projectFormulas } from "../../src/domain/projects/template";
import { computeProject, projectKeyOf } from "../../src/domain/projects/view";
import { withBlankProjects, withProjectAdded, withProjectRemoved } from "../../src/domain/projects/editing";
import { HELPER_COLUMN_NOTE } from "../../src/domain/template";
import { readWorkbook } from "../../src/workbook/xlsx/read";
import { buildKeepingStatements, buildWorkbook, templateWorkbook } from "../../src/workbook/xlsx/write";
import { inputsOf, loadProjectSample } from "../support/model-inputs";
import { formulaCells, structuralProblems } from "../support/xlsx-structure";

const model = loadProjectSample();
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

async function roundTrip(given: WorkbookModel): Promise<WorkbookModel> {
  const bytes = await bytesOf(buildWorkbook(given));
  expect(structuralProblems(bytes)).toEqual([]);
  return readWorkbook(bytes);
}

describe("a workbook with two project tables", () => {
  const wb = buildWorkbook(model);
  const first = wb.getWorksheet(projectSheetName(1))!;
  const second = wb.getWorksheet(projectSheetName(2))!;

  test("one sheet per project, after 附件2 and before 报告文字", () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      "附件1 基础数据表",
      "附件2 自评表",
      "附件3-1 项目支出绩效自评表",
      "附件3-2 项目支出绩效自评表",
      "报告文字",
      "表式报告（岳阳）",
      "字典",
    ]);
  });

  test("each cell of a project has its defined name 项目n_…, on its own sheet, moved below a longer table", () => {
    for (const slot of [1, 2]) {
      for (const entry of projectEntries(slot).filter((e) => !e.table)) {
        const ranges = wb.definedNames.getRanges(entry.name).ranges;
        expect([entry.name, ranges.length]).toEqual([entry.name, 1]);
        expect(ranges[0]).toContain(`'${projectSheetName(slot)}'!`);
      }
    }
    expect(wb.definedNames.getRanges("项目1_全年预算数").ranges).toEqual(["'附件3-1 项目支出绩效自评表'!$D$5"]);
    // 附件3-1 has 12 indicator rows, two beyond a new table's 10: its 总分 row is 25, not 23.
    expect(wb.definedNames.getRanges("项目1_总分").ranges).toEqual(["'附件3-1 项目支出绩效自评表'!$G$25"]);
    expect(wb.definedNames.getRanges("项目2_总分").ranges).toEqual(["'附件3-2 项目支出绩效自评表'!$G$23"]);
    expect(first.getCell("A25").value).toBe("总分");
  });

  test("the indicator table 项目n_绩效指标 has 附件2's columns, and is not also a defined name", async () => {
    const evalTable = wb.getWorksheet("附件2 自评表")!.getTable("绩效指标");
    const headers = (table: ExcelJS.Table) =>
      (table as unknown as { table: { columns: Array<{ name: string }> } }).table.columns.map((c) => c.name);
    for (const [ws, slot] of [
      [first, 1],
      [second, 2],
    ] as const) {
      const table = ws.getTable(projectTableName(slot));
      expect(headers(table)).toEqual(headers(evalTable));
      expect(wb.definedNames.getRanges(projectTableName(slot)).ranges).toEqual([]);
    }
    // In the file: a defined name that is also a table's name makes Excel repair the workbook.
    const parts = unzipSync(await bytesOf(wb));
    const names = [...strFromU8(parts["xl/workbook.xml"]!).matchAll(/<definedName name="([^"]+)"/g)].map((m) => m[1]);
    const tables = Object.keys(parts)
      .filter((path) => /^xl\/tables\/[^/]+\.xml$/.test(path))
      .map((path) => /<table [^>]*name="([^"]+)"/.exec(strFromU8(parts[path]!))![1]);
    expect(tables).toEqual(expect.arrayContaining(["绩效指标", "项目1_绩效指标", "项目2_绩效指标"]));
    expect(names.filter((name) => tables.includes(name))).toEqual([]);
  });

  test("执行率, 得分, 分值合计, 总分, 等次 and each source's 执行率 are formulas caching computeProject's values", () => {
    for (const [ws, index] of [
      [first, 0],
      [second, 1],
    ] as const) {
      const slot = index + 1;
      const computation = computeProject(model, index);
      const formulas = projectFormulas(slot);
      const byKey = new Map(sheetValues(computation).map((v) => [projectKeyOf(slot, v.key), v]));
      const rows = model.projects[index]!.indicators.length;
      const footer = 12 + Math.max(10, rows) + 1;
      const cells: Record<string, string> = {
        [`projects[${slot}].funds.executionRate`]: "G5",
        [`projects[${slot}].funds.score`]: "H5",
        [`projects[${slot}].weightTotal`]: `F${footer}`,
        [`projects[${slot}].total`]: `G${footer}`,
        [`projects[${slot}].grade`]: `I${footer}`,
      };
      for (const [key, address] of Object.entries(cells)) {
        const value = byKey.get(key)!;
        const expected =
          value.type === "rate"
            ? value.rate.kind === "value"
              ? value.rate.value.toNumber()
              : "不适用"
            : value.type === "amount"
              ? value.amount!.toNumber()
              : value.text;
        expect([key, ws.getCell(address).value]).toEqual([key, { formula: formulas[key], result: expected }]);
      }
    }
    expect(first.getCell("G25").value).toMatchObject({ formula: expect.stringContaining("项目1_绩效指标[得分]") });
    expect(first.getCell("G25").value).toMatchObject({ result: 98.39 });
    expect(first.getCell("I25").value).toMatchObject({ result: "优" });
    expect(first.getCell("G5").value).toMatchObject({
      formula: expect.stringContaining("项目1_全年执行数"),
      result: 0.9391,
    });
    // 当年财政拨款 285.5 / 300; 上年结转资金 15 / 20; 其他资金 0 / 0 is 不适用.
    expect(first.getCell("G6").value).toMatchObject({ result: 0.9517 });
    expect(first.getCell("G7").value).toMatchObject({ result: 0.75 });
    expect(first.getCell("G8").value).toMatchObject({ result: "不适用" });
  });

  test("the titles show each project's year", () => {
    expect(first.getCell("A1").value).toMatchObject({
      formula: expect.stringContaining("项目1_年度"),
      result: "2024年度项目支出绩效自评表",
    });
    const blank = templateWorkbook(1).getWorksheet(projectSheetName(1))!;
    expect(blank.getCell("A1").value).toMatchObject({ result: "项目支出绩效自评表" });
  });

  test("the helper columns hold computeProject's values under 附件2's note", () => {
    const helpers = computeProject(model, 0).indicators.map((i) => i.helper);
    expect(first.getCell("J12").note).toBe(HELPER_COLUMN_NOTE);
    expect(first.getCell("K12").note).toBe(HELPER_COLUMN_NOTE);
    helpers.forEach((helper, i) => {
      expect(first.getCell(`J${13 + i}`).value).toBe(helper.completion);
      expect(first.getCell(`K${13 + i}`).value).toBe(helper.suggestedScore);
    });
    expect(first.getCell("K15").value).toBe(9); // 36家 of ≥40家: 90 % of 10
    expect(second.getCell("J16").value).toBeNull(); // beyond the data
  });

  test("the project table's columns have 附件2's dropdowns and number rules; the cells above, their kind's", () => {
    expect(second.getCell("A13").dataValidation).toMatchObject({ type: "list", formulae: ["列表_一级指标"] });
    expect(second.getCell("B22").dataValidation).toMatchObject({ type: "list", formulae: ['INDIRECT("列表_"&$A22)'] });
    expect(first.getCell("B24").dataValidation).toMatchObject({ type: "list", formulae: ['INDIRECT("列表_"&$A24)'] });
    expect(second.getCell("F13").dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
    expect(second.getCell("I13").dataValidation).toMatchObject({ type: "list", formulae: ['"达成,部分达成,未达成"'] });
    expect(second.getCell("D5").dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual" });
    expect(second.getCell("H2").dataValidation).toMatchObject({ type: "whole" });
    expect(second.getCell("G5").dataValidation?.type).toBeUndefined(); // computed: no input rule
  });

  test("every formula cell has its cached value, and none calls the add-in", async () => {
    const cells = formulaCells(await bytesOf(wb));
    const project = [...cells].filter(([where]) => where.startsWith("附件3-"));
    expect(project.length).toBe(2 * 9); // per sheet: the title, 4 rates, 执行率得分, 分值合计, 总分, 等次
    for (const [where, cell] of project) {
      expect([where, cell.value]).not.toEqual([where, null]);
      expect(cell.formula).not.toContain("JXZP.");
    }
  });

  test("reading it back gives the same projects, inputs and computed cells", async () => {
    const back = await roundTrip(model);
    expect(inputsOf(back)).toEqual(inputsOf(model));
    expect(back.projects.map((p) => [p.name, String(p.total), p.grade, String(p.funds.executionRate)])).toEqual([
      ["科技创新平台建设", "98.39", "优", "0.9391"],
      ["科普活动", "99", "优", "0.9"],
    ]);
  });
});

describe("blank project tables, added and removed on the model", () => {
  test("the template with three blank project tables reads back as three blank projects", async () => {
    const wb = templateWorkbook(3);
    expect(wb.worksheets.map((ws) => ws.name).filter((name) => name.startsWith("附件3-"))).toHaveLength(3);
    const back = await roundTrip(withBlankProjects(emptyModel(), 3));
    expect(back.projects).toHaveLength(3);
    expect(back.projects.every(isBlankProject)).toBe(true);
    expect(inputsOf({ ...back, projects: [] })).toEqual(inputsOf(emptyModel()));
  });

  test("a project added after two keeps theirs; removing the first renumbers the rest", async () => {
    const added = withProjectAdded(model, "农业科技推广");
    expect(added.projects[2]).toMatchObject({ name: "农业科技推广", year: 2024, indicators: [] });
    const back = await roundTrip(added);
    expect(inputsOf(back)).toEqual(inputsOf(added));
    const removed = await roundTrip(withProjectRemoved(back, 1));
    expect(removed.projects.map((p) => p.name)).toEqual(["科普活动", "农业科技推广"]);
    expect(inputsOf(removed.projects[0] && { ...removed, projects: [removed.projects[0]] })).toEqual(
      inputsOf({ ...model, projects: [model.projects[1]!] }),
    );
  });

  test("removing a project renumbers the explanations of the later ones' warnings and drops its own", () => {
    const json = JSON.parse(JSON.stringify(withProjectAdded(model, "第三个")));
    json.review.acknowledgements = [
      { rule: "score.inflation", reason: "一", key: "projects[1].total" },
      { rule: "score.inflation", reason: "二", key: "projects[2].total" },
      { rule: "project.blank", reason: "三", key: "projects[3].name" },
      { rule: "cross.projects", reason: "附件1", key: "basic.projects.total.final" },
    ];
    const removed = withProjectRemoved(workbookModel.parse(json), 2);
    expect(removed.review.acknowledgements.map((a) => [a.reason, a.key])).toEqual([
      ["一", "projects[1].total"],
      ["三", "projects[2].name"],
      ["附件1", "basic.projects.total.final"],
    ]);
    expect(() => withProjectRemoved(removed, 3)).toThrow(RangeError);
  });

  test("at most MAX_PROJECTS tables", () => {
    expect(() => withBlankProjects(emptyModel(), MAX_PROJECTS + 1)).toThrow(RangeError);
  });
});

describe("a project's stated computed values are kept as 附件2's are", () => {
  test("a stated 总分 and 执行率 the numbers do not give stay as values, read by the formulas over them", async () => {
    const json = JSON.parse(JSON.stringify(model));
    json.projects[0].total = 100;
    json.projects[0].funds.current.executionRate = "90%";
    json.projects[1].funds.score = 8; // 10 × 90 % = 9: 总分 adds the stated 8
    const stated = workbookModel.parse(json);
    const { workbook, kept } = buildKeepingStatements(stated);
    expect(kept.map((p) => p.value.key)).toEqual(
      expect.arrayContaining([
        "projects[1].total",
        "projects[1].funds.current.executionRate",
        "projects[2].funds.score",
      ]),
    );
    const first = workbook.getWorksheet(projectSheetName(1))!;
    const second = workbook.getWorksheet(projectSheetName(2))!;
    expect(first.getCell("G25").value).toBe(100);
    expect(first.getCell("G6").value).toBe(0.9);
    expect(second.getCell("H5").value).toBe(8);
    expect(second.getCell("G23").value).toMatchObject({ formula: expect.any(String), result: 98 });
    const back = await readWorkbook(await bytesOf(workbook));
    expect(String(back.projects[0]!.total)).toBe("100");
    expect(String(back.projects[1]!.total)).toBe("98");
  });
});
