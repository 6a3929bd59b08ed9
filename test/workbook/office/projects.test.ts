/**
 * Project tables (附件3) through Office.js, against the in-memory Excel: installed with the template, carried
 * through upgrades and repairs (a lossless property over 0–5 random project tables), added and removed
 * (the later projects moving up a slot with everything typed in them), read for 校验 — each in a number of
 * syncs that does not depend on how many projects there are.
 */
import fc from "fast-check";
import { SHEETS, TEMPLATE_VERSION } from "../../../src/domain/contract";
import { workbookModel, type ProjectSheet } from "../../../src/domain/model";
import { projectSheetName } from "../../../src/domain/projects/contract";
import { installTemplates, InstallError } from "../../../src/workbook/office/install";
import { reenterHelperFormulas } from "../../../src/workbook/office/functions-check";
import { addProject, removeProject, renumberFormula } from "../../../src/workbook/office/projects";
import { readExcelWorkbook } from "../../../src/workbook/office/read";
import { validateOpenWorkbook } from "../../../src/workbook/office/review";
import { projectInput } from "../../support/model-arbitrary";
import { inputsOf, loadSample } from "../../support/model-inputs";
import { excelContext, FakeContext, FakeExcelError, type FakeExcelOptions } from "../../support/fake-excel";
import { typeModel } from "../../support/type-model";
import { projectInputs, typeProjects } from "./type-projects";

jest.setTimeout(60000);

const sample = loadSample();

/** Three projects, each recognisable: their names, funds and indicator rows (the first beyond the 10 blank rows). */
const PROJECTS: ProjectSheet[] = workbookModel.parse({
  projects: [1, 2, 3].map((n) => ({
    name: `项目${"甲乙丙"[n - 1]}`,
    department: "株洲市科学技术局",
    implementer: `实施单位${n}`,
    year: 2024,
    funds: {
      initialBudget: 100 * n,
      fullYearBudget: 110 * n,
      executed: 100 * n + 0.5,
      weight: 10,
      current: { initialBudget: 100 * n, fullYearBudget: 100 * n, executed: 95 * n },
      carryover: { fullYearBudget: 10 * n, executed: 5 * n },
    },
    goal: { expected: `预期${n}`, actual: `完成${n}` },
    indicators: Array.from({ length: n === 1 ? 13 : n + 1 }, (_, r) => ({
      level1: "产出指标",
      level2: "数量指标",
      name: `指标${n}-${r + 1}`,
      target: `${r + 1}个`,
      actual: `${r + 1}个`,
      weight: 5,
      score: 5,
      deviation: null,
    })),
  })),
}).projects;

/** A filled workbook with the template and `projects` typed into as many project tables. */
async function filled(projects: readonly ProjectSheet[], options: FakeExcelOptions = {}): Promise<FakeContext> {
  const fake = new FakeContext(options);
  await installTemplates(excelContext(fake), { projects: projects.length });
  typeModel(fake, sample);
  typeProjects(fake, projects);
  fake.syncCount = 0;
  return fake;
}

/** Everything the fake workbook holds, for before/after comparisons. */
const stateOf = (fake: FakeContext) =>
  JSON.stringify({
    sheets: fake.workbook.sheets.map((s) => [s.nameValue, s.idValue, [...s.cellMap], s.merges]),
    names: [...fake.workbook.names].sort(),
    tables: fake.workbook.tables
      .filter((t) => fake.workbook.sheets.includes(t.sheet))
      .map((t) => [t.nameValue, t.addressLocal])
      .sort(),
  });

/** Formula cells of the workbook that show #NAME? (a name or table they use is not there), by sheet!cell. */
function nameErrors(fake: FakeContext): string[] {
  return fake.workbook.sheets.flatMap((sheet) =>
    [...sheet.cellMap]
      .filter(([, c]) => !c.text && typeof c.formula === "string" && c.formula.startsWith("="))
      .filter(([, c]) => fake.workbook.missingName(c.formula as string))
      .map(([address]) => `${sheet.nameValue}!${address}`),
  );
}

const sheetNames = (fake: FakeContext) => fake.workbook.sheets.map((s) => s.nameValue);

/** Explanations typed into 已说明的提示 (rule, reason, key), as a user types them into its text cells. */
async function typeAcknowledgements(fake: FakeContext, rows: string[][]): Promise<void> {
  const table = fake.workbook.table("已说明的提示")!;
  const first = Number(table.addressLocal.split(":")[0]!.replace(/^[A-Z]+/, "")) + 1;
  const range = `A${first}:C${first + rows.length - 1}`;
  fake.api.workbook.worksheets.getItem(table.sheet.nameValue).getRange(range).formulas = rows;
  await fake.sync();
  fake.syncCount = 0;
}

describe("installing the template with project tables", () => {
  let fake: FakeContext;
  let result: Awaited<ReturnType<typeof installTemplates>>;

  beforeAll(async () => {
    fake = new FakeContext();
    result = await installTemplates(excelContext(fake), { projects: 2 });
  });

  test("a project sheet for each, after the three, in the same three syncs", () => {
    expect(result).toMatchObject({ status: "installed", syncs: 3 });
    expect(result.projectSheets).toEqual([projectSheetName(1), projectSheetName(2)]);
    expect(sheetNames(fake)).toEqual(["字典", ...Object.values(SHEETS).map((s) => s.name), ...result.projectSheets]);
  });

  test("its names carry the slot; its indicator table is 项目n_绩效指标, with 附件2's columns and rules", () => {
    expect(fake.workbook.names.get("项目2_项目名称")).toBe(`='${projectSheetName(2)}'!$B$2`);
    expect(fake.workbook.names.get("项目1_当年财政拨款_全年执行数")).toBe(`='${projectSheetName(1)}'!$E$6`);
    expect(fake.workbook.names.has("项目1_绩效指标")).toBe(false); // the table's own name: Excel allows no other
    expect(fake.workbook.table("项目1_绩效指标")!.addressLocal).toBe("A12:K22");
    const sheet = fake.workbook.sheet(projectSheetName(1))!;
    expect(sheet.cell("C12").formula).toBe("三级指标");
    expect(sheet.cell("A13").validation).toMatchObject({ rule: { list: { source: "=列表_一级指标" } } });
    expect(sheet.cell("B15").validation).toMatchObject({ rule: { list: { source: '=INDIRECT("列表_"&$A15)' } } });
    expect(sheet.cell("F13").validation).toMatchObject({ rule: { decimal: { formula2: 100 } } });
    expect(sheet.cell("E5").numberFormat).toBe("0.00");
    expect(sheet.cell("G6").numberFormat).toBe("0.00%");
  });

  test("native formulas over the project's own names; helper columns call the JXZP functions", () => {
    const sheet = fake.workbook.sheet(projectSheetName(2))!;
    expect(sheet.cell("G5").formula).toBe(
      '=IF(N(项目2_全年预算数)=0,"不适用",ROUND(项目2_全年执行数/项目2_全年预算数,4))',
    );
    expect(sheet.cell("G23").formula).toContain("SUM(项目2_绩效指标[得分])");
    expect(sheet.cell("A1").formula).toContain("项目2_年度");
    expect(sheet.cell("J13").formula).toContain("JXZP.COMPLETIONRATE(项目2_绩效指标[[#This Row],[年度指标值]]");
    expect(nameErrors(fake)).toEqual([]);
  });

  test("installing again changes nothing (two syncs) and lists the project sheets", async () => {
    typeProjects(fake, PROJECTS.slice(0, 2));
    const before = stateOf(fake);
    fake.syncCount = 0;
    const again = await installTemplates(excelContext(fake));
    expect(again).toMatchObject({ status: "alreadyInstalled", syncs: 2, previousVersion: TEMPLATE_VERSION });
    expect(again.projectSheets).toEqual([projectSheetName(1), projectSheetName(2)]);
    expect(stateOf(fake)).toBe(before);
  });
});

describe("the number of syncs does not depend on the number of projects", () => {
  const counts = [0, 1, 5];
  const syncsFor = async (run: (projects: number) => Promise<number>) => Promise.all(counts.map((n) => run(n)));

  test("install, reinstall, upgrade, read, add, remove", async () => {
    const fresh = await syncsFor(
      async (n) => (await installTemplates(excelContext(new FakeContext()), { projects: n })).syncs,
    );
    const again = await syncsFor(async (n) => {
      const fake = await filled(PROJECTS.slice(0, Math.min(n, 3)).concat(Array(Math.max(0, n - 3)).fill(PROJECTS[2])));
      return (await installTemplates(excelContext(fake))).syncs;
    });
    const upgrade = await syncsFor(async (n) => {
      const fake = await filled(Array(n).fill(PROJECTS[0]));
      fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
      return (await installTemplates(excelContext(fake))).syncs;
    });
    const add = await syncsFor(
      async (n) => (await addProject(excelContext(await filled(Array(n).fill(PROJECTS[1]))))).syncs,
    );
    const remove = await syncsFor(async (n) => {
      const fake = await filled(Array(n + 1).fill(PROJECTS[1]));
      return (await removeProject(excelContext(fake), 1)).syncs;
    });
    expect({ fresh, again, upgrade, add, remove }).toEqual({
      fresh: [3, 3, 3],
      again: [2, 2, 2],
      upgrade: [4, 4, 4],
      add: [3, 3, 3],
      remove: [3, 3, 3],
    });
    // Reading for 校验: one sync without projects, one more for all of them.
    const reads = await syncsFor(
      async (n) => (await readExcelWorkbook(excelContext(await filled(Array(n).fill(PROJECTS[0]))))).syncs,
    );
    expect(reads).toEqual([1, 2, 2]);
  });

  test("with the helper columns falling back to values: the same count for 0, 1 and 5 projects", async () => {
    const fallback = await Promise.all(
      counts.map(async (n) => {
        const fake = new FakeContext({ functionsRegistered: false });
        const result = await installTemplates(excelContext(fake), { projects: n });
        expect(result.functionsFallback).toBe("values");
        return result.syncs;
      }),
    );
    expect(fallback).toEqual([5, 5, 5]);
  });
});

describe("upgrading or repairing keeps every project table and everything typed in it", () => {
  test("an older version: every project's inputs back by key, the old project sheets kept as backups", async () => {
    const fake = await filled(PROJECTS);
    fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
    const oldIds = fake.workbook.sheets.map((s) => s.idValue);
    const result = await installTemplates(excelContext(fake));
    expect(result).toMatchObject({ status: "upgraded", syncs: 4 });
    expect(result.projectSheets).toEqual([1, 2, 3].map(projectSheetName));
    expect(result.backupSheets).toEqual(
      expect.arrayContaining([1, 2, 3].map((n) => `${projectSheetName(n)} (旧版 0.9.0)`)),
    );
    for (const name of result.backupSheets) expect(oldIds).toContain(fake.workbook.sheet(name)!.idValue);
    expect(fake.workbook.table("项目1_绩效指标")!.addressLocal).toBe("A12:K25"); // 13 rows: the table grew
    expect(fake.workbook.table("项目1_绩效指标_旧版")).toBeDefined();
    const read = await readExcelWorkbook(excelContext(fake));
    expect(projectInputs(read.model.projects)).toEqual(projectInputs(PROJECTS));
    expect(inputsOf({ ...read.model, projects: [] })).toEqual(inputsOf(sample));
    expect(nameErrors(fake).filter((cell) => !cell.includes("旧版"))).toEqual([]);
  });

  test("a project's names deleted (#REF!) are repaired; what they no longer reach is the only loss", async () => {
    const fake = await filled(PROJECTS);
    fake.workbook.names.set("项目2_全年执行数", "=#REF!");
    fake.workbook.names.delete("项目3_总分");
    const result = await installTemplates(excelContext(fake));
    expect(result).toMatchObject({ status: "repaired", syncs: 4 });
    expect(fake.workbook.names.get("项目3_总分")).toBe(`='${projectSheetName(3)}'!$G$23`);
    const read = await readExcelWorkbook(excelContext(fake));
    const expected = projectInputs(PROJECTS) as Array<Record<string, unknown>>;
    expected[1] = { ...expected[1], "funds.executed": null };
    expect(projectInputs(read.model.projects)).toEqual(expected);
  });

  test("a project's table converted to a range (转换为区域): repaired with every row typed in the range", async () => {
    const fake = await filled(PROJECTS);
    fake.workbook.convertToRange("项目1_绩效指标");
    const result = await installTemplates(excelContext(fake));
    expect(result).toMatchObject({ status: "repaired", syncs: 4 });
    const read = await readExcelWorkbook(excelContext(fake));
    expect(projectInputs(read.model.projects)).toEqual(projectInputs(PROJECTS));
  });

  test("a renamed project sheet is still ours: installed, and its backup carries its name", async () => {
    const fake = await filled(PROJECTS.slice(0, 2));
    fake.workbook.renameSheet(projectSheetName(2), "科普");
    const again = await installTemplates(excelContext(fake));
    expect(again).toMatchObject({ status: "alreadyInstalled", projectSheets: [projectSheetName(1), "科普"] });
    fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
    const upgraded = await installTemplates(excelContext(fake));
    expect(upgraded.backupSheets).toContain("科普 (旧版 0.9.0)");
    const read = await readExcelWorkbook(excelContext(fake));
    expect(projectInputs(read.model.projects)).toEqual(projectInputs(PROJECTS.slice(0, 2)));
  });

  test("a failed upgrade is undone, project sheets, tables and names included", async () => {
    for (const failAt of [3, 40, 2500]) {
      const fake = await filled(PROJECTS);
      fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
      const before = stateOf(fake);
      fake.workbook.failOnSync = 3;
      fake.workbook.failAtOperation = failAt;
      const error = await installTemplates(excelContext(fake)).catch((e: unknown) => e);
      expect((error as InstallError).message).toMatch(/^安装模板失败，工作簿未作改动/);
      expect(fake.syncCount).toBe(5);
      expect(stateOf(fake)).toBe(before);
    }
  });

  /** How a workbook can need 安装模板 again without anything typed being out of reach. */
  const damages = {
    older: (fake: FakeContext) => void (fake.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0"),
    computedNameDeleted: (fake: FakeContext, slot: number) => void fake.workbook.names.delete(`项目${slot}_总分`),
    tableConverted: (fake: FakeContext, slot: number) => fake.workbook.convertToRange(`项目${slot}_绩效指标`),
    sheetRenamed: (fake: FakeContext, slot: number) => fake.workbook.renameSheet(projectSheetName(slot), `项目${slot}`),
  };

  test("property: 0–5 project tables of random lengths and values, damaged or older, come back whole", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(projectInput, { maxLength: 5 }),
        fc.constantFrom(...(Object.keys(damages) as Array<keyof typeof damages>)),
        fc.nat(),
        async (input, damage, pick) => {
          const projects = workbookModel.parse({ projects: input }).projects;
          const fake = new FakeContext();
          await installTemplates(excelContext(fake), { projects: projects.length });
          typeProjects(fake, projects);
          const slot = projects.length === 0 ? 0 : (pick % projects.length) + 1;
          if (slot === 0 || damage === "older") damages.older(fake);
          else damages[damage](fake, slot);
          fake.syncCount = 0;
          const result = await installTemplates(excelContext(fake));
          expect(result.syncs).toBe(damage === "sheetRenamed" && slot > 0 ? 2 : 4);
          const read = await readExcelWorkbook(excelContext(fake), { lenient: true });
          expect(read.model.projects).toHaveLength(projects.length);
          expect(projectInputs(read.model.projects)).toEqual(projectInputs(projects));
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("reading project tables for 校验", () => {
  test("every project reads, located on its sheet as it is called now", async () => {
    const fake = await filled(PROJECTS);
    fake.workbook.renameSheet(projectSheetName(3), "科普活动");
    const read = await readExcelWorkbook(excelContext(fake));
    expect(read.syncs).toBe(2);
    expect(projectInputs(read.model.projects)).toEqual(projectInputs(PROJECTS));
    expect(read.locations.get("projects[2].funds.executed")).toEqual({ sheet: projectSheetName(2), address: "E5" });
    expect(read.locations.get("projects[3].total")).toEqual({ sheet: "科普活动", address: "G23" });
    expect(read.locations.get("projects[1].indicators[13].score")).toEqual({
      sheet: projectSheetName(1),
      address: "G25",
    });
  });

  test("validation finds a project's slip on its own sheet and cell", async () => {
    const fake = await filled(PROJECTS.slice(0, 2));
    fake.workbook.sheet(projectSheetName(2))!.cell("E5").formula = "２０.５"; // a number typed as full-width text
    const validation = await validateOpenWorkbook(excelContext(fake));
    expect(validation.syncs).toBe(2);
    const slip = validation.findings.find((f) => f.rule === "slip.textNumber");
    expect(slip).toMatchObject({ sheet: projectSheetName(2), cell: "E5" });
    expect(slip!.message).toMatch(/^项目「项目乙」（附件3-2）/);
  });
});

test("重新计算 enters the project tables' helper formulas again too, all of them in one more sync", async () => {
  const counts = await Promise.all(
    [0, 2].map(async (n) => {
      const fake = await filled(PROJECTS.slice(1, 1 + n));
      const entered = await reenterHelperFormulas(excelContext(fake));
      return [entered, fake.syncCount];
    }),
  );
  // 附件2's 15 rows × 2 columns, and each project table's 10 rows × 2 columns.
  expect(counts).toEqual([
    [30, 2],
    [30 + 2 * 20, 3],
  ]);
});

describe("添加项目表", () => {
  test("a blank project sheet after the last, with the workbook's 年度 and the name given, in three syncs", async () => {
    const fake = await filled(PROJECTS.slice(0, 2));
    const added = await addProject(excelContext(fake), { name: "新项目" });
    expect(added).toMatchObject({ slot: 3, sheetName: projectSheetName(3), projects: 3, syncs: 3 });
    expect(added.functionsFallback).toBeUndefined();
    expect(fake.workbook.activeSheet).toBe(projectSheetName(3));
    expect(fake.workbook.table("项目3_绩效指标")!.addressLocal).toBe("A12:K22");
    expect(nameErrors(fake)).toEqual([]);
    const read = await readExcelWorkbook(excelContext(fake));
    expect(read.model.projects).toHaveLength(3);
    expect(read.model.projects[2]).toMatchObject({ name: "新项目", year: sample.eval.year, indicators: [] });
    expect(projectInputs(read.model.projects.slice(0, 2))).toEqual(projectInputs(PROJECTS.slice(0, 2)));
  });

  test("into a workbook without projects: 附件3-1; a sheet of the user's under that name is left alone", async () => {
    const fake = await filled([]);
    fake.api.workbook.worksheets.add(projectSheetName(1));
    await fake.sync();
    const added = await addProject(excelContext(fake));
    expect(added).toMatchObject({ slot: 1, sheetName: `${projectSheetName(1)} (2)` });
    expect(fake.workbook.names.get("项目1_项目名称")).toBe(`='${projectSheetName(1)} (2)'!$B$2`);
  });

  test("refused without the template, or over an older one, nothing changed", async () => {
    const bare = new FakeContext();
    await expect(addProject(excelContext(bare))).rejects.toThrow(/请先按「安装模板」安装或修复模板/);
    expect(bare.workbook.sheets).toEqual([]);
    const old = await filled([]);
    old.workbook.sheet("报告文字")!.cell("A10").formula = "0.9.0";
    const before = stateOf(old);
    await expect(addProject(excelContext(old))).rejects.toThrow(/请先按「安装模板」升级/);
    expect(stateOf(old)).toBe(before);
  });

  test("a failed add is undone: no sheet, no name of the new slot", async () => {
    const fake = await filled(PROJECTS.slice(0, 1));
    const before = stateOf(fake);
    fake.workbook.failOnSync = 2;
    fake.workbook.failAtOperation = 200;
    const error = await addProject(excelContext(fake)).catch((e: unknown) => e);
    expect((error as InstallError).message).toMatch(/^添加项目表失败，工作簿未作改动/);
    expect(stateOf(fake)).toBe(before);
  });

  test("functions.js could not associate the functions: no JXZP formula written, and the result says so", async () => {
    const fake = await filled([]);
    const added = await addProject(excelContext(fake), { functions: { state: "failed", error: "no runtime" } });
    expect(added).toMatchObject({ functionsFallback: "values", syncs: 2 });
    expect(fake.workbook.sheet(projectSheetName(1))!.cell("J13").formula).toBeNull();
  });

  test("where the functions show #NAME?, the new table's helper columns fall back like 安装模板's", async () => {
    const fake = await filled([], { locale: "zh-CN", idsResolveInLocale: false });
    const added = await addProject(excelContext(fake), { language: "zh-CN" });
    expect(added).toMatchObject({ functionsFallback: "localized", syncs: 4 });
    expect(fake.workbook.sheet(projectSheetName(1))!.cell("J13").formula).toContain("JXZP.COMPLETIONRATE(");
  });
});

describe("删除项目表", () => {
  test("removing the middle one: the third moves up with everything typed in it, its sheet kept", async () => {
    const fake = await filled(PROJECTS);
    const thirdId = fake.workbook.sheet(projectSheetName(3))!.idValue;
    fake.workbook.sheet(projectSheetName(3))!.cell("M1").formula = "我的备注";
    const removed = await removeProject(excelContext(fake), 2, "项目乙");
    expect(removed).toMatchObject({
      slot: 2,
      sheetName: projectSheetName(2),
      moved: [{ from: projectSheetName(3), to: projectSheetName(2) }],
      projects: 2,
      syncs: 3,
    });
    expect(fake.workbook.sheet(projectSheetName(2))!.idValue).toBe(thirdId);
    expect(fake.workbook.sheet(projectSheetName(2))!.cell("M1").formula).toBe("我的备注");
    expect(fake.workbook.sheet(projectSheetName(3))).toBeUndefined();
    expect([...fake.workbook.names.keys()].filter((n) => n.startsWith("项目3_"))).toEqual([]);
    expect(fake.workbook.table("项目2_绩效指标")!.sheet.idValue).toBe(thirdId);
    expect(fake.workbook.sheet(projectSheetName(2))!.cell("G5").formula).toBe(
      '=IF(N(项目2_全年预算数)=0,"不适用",ROUND(项目2_全年执行数/项目2_全年预算数,4))',
    );
    expect(nameErrors(fake)).toEqual([]);
    const read = await readExcelWorkbook(excelContext(fake));
    expect(projectInputs(read.model.projects)).toEqual(projectInputs([PROJECTS[0]!, PROJECTS[2]!]));
    // Installing again finds it complete: nothing to repair.
    expect((await installTemplates(excelContext(fake))).status).toBe("alreadyInstalled");
  });

  test("removing the first of five: every later one a slot up, in order", async () => {
    const five = [...PROJECTS, PROJECTS[0]!, PROJECTS[1]!];
    const fake = await filled(five);
    const removed = await removeProject(excelContext(fake), 1);
    expect(removed.moved.map((m) => m.to)).toEqual([1, 2, 3, 4].map(projectSheetName));
    const read = await readExcelWorkbook(excelContext(fake));
    expect(projectInputs(read.model.projects)).toEqual(projectInputs(five.slice(1)));
    expect(nameErrors(fake)).toEqual([]);
  });

  test("removing the last: its sheet and names gone, the others untouched", async () => {
    const fake = await filled(PROJECTS);
    const others = JSON.stringify([1, 2].map((n) => [...fake.workbook.sheet(projectSheetName(n))!.cellMap]));
    const removed = await removeProject(excelContext(fake), 3, "项目丙");
    expect(removed).toMatchObject({ moved: [], projects: 2 });
    expect(sheetNames(fake)).not.toContain(projectSheetName(3));
    expect([...fake.workbook.names.keys()].some((n) => n.startsWith("项目3_"))).toBe(false);
    expect(JSON.stringify([1, 2].map((n) => [...fake.workbook.sheet(projectSheetName(n))!.cellMap]))).toBe(others);
  });

  test("a later sheet the user renamed keeps its name; the explanations of its warnings follow its slot", async () => {
    const fake = await filled(PROJECTS);
    fake.workbook.renameSheet(projectSheetName(3), "科普");
    await typeAcknowledgements(fake, [
      ["funds.overExecution", "追加预算", "projects[3].funds.executed"],
      ["score.missed", "已说明", "projects[2].indicators[1].score"],
      ["cross.projects", "附件1 口径", "basic.projects.total.final"],
    ]);
    const removed = await removeProject(excelContext(fake), 2);
    expect(removed.moved).toEqual([{ from: "科普", to: "科普" }]);
    expect(fake.workbook.names.get("项目2_项目名称")).toBe("='科普'!$B$2");
    const read = await readExcelWorkbook(excelContext(fake));
    expect(read.model.review.acknowledgements).toEqual([
      { rule: "funds.overExecution", reason: "追加预算", key: "projects[2].funds.executed" },
      { rule: "cross.projects", reason: "附件1 口径", key: "basic.projects.total.final" },
    ]);
  });

  test("refused, nothing changed, when the project is not the one confirmed or not there", async () => {
    const fake = await filled(PROJECTS);
    const before = stateOf(fake);
    await expect(removeProject(excelContext(fake), 2, "项目甲")).rejects.toThrow(
      "附件3-2 的项目名称现在是「项目乙」，不是确认删除时的「项目甲」：未删除，请重新选择。",
    );
    await expect(removeProject(excelContext(fake), 4)).rejects.toThrow("没有第 4 个项目表（共 3 个）");
    expect(stateOf(fake)).toBe(before);
  });

  test("a name typed with a stray space is still the one confirmed (as the model reads it, trimmed)", async () => {
    const fake = await filled(PROJECTS);
    fake.workbook.sheet(projectSheetName(2))!.cell("B2").formula = "项目乙 ";
    await expect(removeProject(excelContext(fake), 2, "项目乙")).resolves.toMatchObject({ slot: 2 });
  });

  /** Operations in a remove's write batch (its third sync), run on a copy of the same workbook. */
  async function writeBatchSize(): Promise<number> {
    const fake = await filled(PROJECTS);
    await typeAcknowledgements(fake, [["score.missed", "已说明", "projects[3].total"]]);
    let start = 0;
    fake.workbook.onSync = (sync) => void (sync === 3 && (start = fake.operationCount));
    await removeProject(excelContext(fake), 1);
    return fake.operationCount - start;
  }

  test("a remove failing anywhere in its write is undone, up to its last step (deleting the sheet)", async () => {
    const size = await writeBatchSize();
    for (const failAt of [0, 1, 5, 60, Math.floor(size / 2), size - 2, size - 1]) {
      const fake = await filled(PROJECTS);
      await typeAcknowledgements(fake, [["score.missed", "已说明", "projects[3].total"]]);
      const before = stateOf(fake);
      fake.workbook.failOnSync = 3;
      fake.workbook.failAtOperation = failAt;
      const error = await removeProject(excelContext(fake), 1).catch((e: unknown) => e);
      expect([failAt, (error as InstallError).message]).toEqual([
        failAt,
        expect.stringMatching(/^删除项目表失败，工作簿未作改动/),
      ]);
      expect(fake.syncCount).toBe(5);
      expect(stateOf(fake)).toBe(before);
    }
  });
});

describe("the in-memory Excel fails like Excel where projects need it", () => {
  test("a defined name cannot take a table's name, nor a table a defined name's", async () => {
    const fake = new FakeContext();
    const sheet = fake.api.workbook.worksheets.add("s");
    sheet.tables.add("A1:B3", true).name = "项目1_绩效指标";
    await fake.sync();
    fake.api.workbook.names.add("项目1_绩效指标", "=项目1_绩效指标");
    await expect(fake.sync()).rejects.toThrow(FakeExcelError);
    fake.workbook.names.set("已用", "='s'!$A$1");
    fake.api.workbook.tables.getItem("项目1_绩效指标").name = "已用";
    await expect(fake.sync()).rejects.toThrow("already in use");
  });

  test("a missing name shows #NAME?; a deleted sheet leaves #REF! names; a renamed table is followed", async () => {
    const fake = new FakeContext();
    const a = fake.api.workbook.worksheets.add("a");
    const b = fake.api.workbook.worksheets.add("b");
    b.tables.add("A1:B3", true).name = "表甲";
    a.getRange("A1:C1").formulas = [["=未定义的名称+1", '=IFERROR(未定义的名称,"")', "=SUM(表甲[金额])"]];
    fake.api.workbook.names.add("甲", "='b'!$A$2");
    await fake.sync();
    const shown = a.getRange("A1:C1").load("values");
    await fake.sync();
    expect(shown.values).toEqual([["#NAME?", "", ""]]);
    fake.api.workbook.tables.getItem("表甲").name = "表乙";
    await fake.sync();
    expect(fake.workbook.sheet("a")!.cell("C1").formula).toBe("=SUM(表乙[金额])");
    fake.workbook.deleteSheet(fake.workbook.sheet("b")!);
    expect(fake.workbook.names.get("甲")).toBe("=#REF!$A$2");
    expect(fake.workbook.table("表乙")).toBeUndefined();
  });

  test("renumbering a formula changes the slot's names, not a longer slot's nor a string", () => {
    expect(renumberFormula('=项目3_总分+项目13_总分+LEN("项目3_")+SUM(项目3_绩效指标[得分])', 3, 2)).toBe(
      '=项目2_总分+项目13_总分+LEN("项目3_")+SUM(项目2_绩效指标[得分])',
    );
  });
});
