/**
 * The CLI and the project tables (附件3): template --projects N, project list/add/remove (on the model, written
 * to a new file), and compute, validate and import carrying each project.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { MAX_PROJECTS } from "../../src/domain/projects/contract";
import { readWorkbook } from "../../src/workbook/xlsx/read";
import { cli } from "../support/cli";
import { inputsOf, loadProjectSample } from "../support/model-inputs";

jest.setTimeout(60000);
const dir = mkdtempSync(join(tmpdir(), "jxzp-cli-projects-"));
const path = (name: string) => join(dir, name);
const sheetsOf = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ws.name);
};

/** The project sample as model JSON and as a workbook (signature lines filled). */
let modelFile: string;
let workbook: string;
beforeAll(async () => {
  const json = JSON.parse(JSON.stringify(loadProjectSample()));
  Object.assign(json.basic, { preparer: "李明", filledOn: "2025-04-20" });
  Object.assign(json.eval, { preparer: "李明", filledOn: "2025-04-20" });
  modelFile = path("projects.json");
  writeFileSync(modelFile, JSON.stringify(json));
  workbook = path("projects.xlsx");
  const { code, err } = await cli("import", modelFile, "--out", workbook);
  expect([code, err]).toEqual([0, ""]);
});

describe("jxzp template --projects N", () => {
  test("writes N blank project tables after 附件2, which read back as N blank projects", async () => {
    const out = path("template-2.xlsx");
    const { code, out: text } = await cli("template", "--out", out, "--projects", "2");
    expect(code).toBe(0);
    expect(text).toBe(`已写入空白模板 ${out}（含 2 张项目支出绩效自评表：附件3-1～附件3-2）\n`);
    expect(await sheetsOf(out)).toEqual([
      "附件1 基础数据表",
      "附件2 自评表",
      "附件3-1 项目支出绩效自评表",
      "附件3-2 项目支出绩效自评表",
      "报告文字",
      "表式报告（岳阳）",
      "字典",
    ]);
    const model = await readWorkbook(readFileSync(out));
    expect(model.projects.map((p) => p.name)).toEqual([null, null]);
    // A template with blank project tables holds nothing to lose: the plain template replaces it.
    expect((await cli("template", "--out", out)).code).toBe(0);
    expect(await sheetsOf(out)).not.toContain("附件3-1 项目支出绩效自评表");
  });

  test.each(["-1", String(MAX_PROJECTS + 1), "两张", "1.5"])(
    "--projects %s: a Chinese usage error, exit 2",
    async (n) => {
      const { code, err } = await cli("template", "--out", path("never.xlsx"), `--projects=${n}`);
      expect(code).toBe(2);
      expect(err).toBe(
        `错误：选项 --projects 的值「${n}」无效：应为 0 到 ${MAX_PROJECTS} 之间的整数。用 jxzp template --help 查看用法\n`,
      );
    },
  );

  test("the help says it in Chinese", async () => {
    const { out } = await cli("template", "--help");
    expect(out).toContain("--projects <数量>");
    expect(out).toContain("项目支出绩效自评表");
  });
});

describe("jxzp project list / add / remove", () => {
  test("list: each table with its number, name, funds and rows; --json", async () => {
    const { code, out } = await cli("project", "list", workbook);
    expect(code).toBe(0);
    expect(out).toContain("2 张项目表");
    expect(out).toMatch(/1 {2}附件3-1 项目支出绩效自评表 {2}科技创新平台建设 +320\.00 +300\.50 +12 {2}已填写/);
    const json = JSON.parse((await cli("project", "list", workbook, "--json")).out);
    expect(json.projects.map((p: { name: string; indicators: number }) => [p.name, p.indicators])).toEqual([
      ["科技创新平台建设", 12],
      ["科普活动", 3],
    ]);
  });

  test("add: a new file with one more table, named and in the workbook's year; the input unchanged", async () => {
    const before = readFileSync(workbook);
    const out = path("added.xlsx");
    const { code, out: text } = await cli("project", "add", workbook, "--out", out, "--name", "农业科技推广");
    expect(code).toBe(0);
    expect(text).toContain(`已写入 ${out}：添加了附件3-3 项目支出绩效自评表（项目「农业科技推广」），共 3 张项目表`);
    expect(text).toContain("模板以外的内容");
    expect(readFileSync(workbook).equals(before)).toBe(true);
    const [original, added] = [await readWorkbook(before), await readWorkbook(readFileSync(out))];
    expect(added.projects[2]).toMatchObject({ name: "农业科技推广", year: 2024, indicators: [] });
    expect(inputsOf({ ...added, projects: added.projects.slice(0, 2) })).toEqual(inputsOf(original));
  });

  test("add never writes over its input, even with --force", async () => {
    const { code, err } = await cli("project", "add", workbook, "--out", workbook, "--force");
    expect(code).toBe(2);
    expect(err).toContain("就是输入文件");
  });

  test("remove: a filled table is refused, saying what it holds; --force removes it, the rest move up", async () => {
    const out = path("removed.xlsx");
    const refused = await cli("project", "remove", workbook, "1", "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `错误：${workbook} 的项目「科技创新平台建设」（附件3-1）已填写：项目名称、主管部门、实施单位、` +
        "年初预算数、全年预算数、全年执行数 等 19 项：不会删除。确需删除请加 --force" +
        "（原文件不会改动，删除只写到 --out 指定的新文件）\n",
    );
    const removed = await cli("project", "remove", workbook, "1", "--out", out, "--force");
    expect(removed.code).toBe(0);
    expect(removed.out).toContain("删除了项目「科技创新平台建设」（附件3-1）；其后的项目表依次前移");
    const model = await readWorkbook(readFileSync(out));
    expect(model.projects.map((p) => p.name)).toEqual(["科普活动"]);
    expect(await sheetsOf(out)).toContain("附件3-1 项目支出绩效自评表");
    expect(await sheetsOf(out)).not.toContain("附件3-2 项目支出绩效自评表");
  });

  test("remove: a blank table needs no --force; a number beyond the tables is said", async () => {
    const added = path("with-blank.xlsx");
    expect((await cli("project", "add", workbook, "--out", added)).code).toBe(0);
    const out = path("without-blank.xlsx");
    const { code, out: text } = await cli("project", "remove", added, "3", "--out", out);
    expect(code).toBe(0);
    expect(text).toContain("删除了附件3-3 项目，余 2 张项目表");
    const beyond = await cli("project", "remove", added, "4", "--out", path("never.xlsx"));
    expect(beyond).toMatchObject({ code: 2, err: `错误：${added} 没有附件3-4：只有 3 张项目表（附件3-1～附件3-3）\n` });
    const zero = await cli("project", "remove", added, "0", "--out", path("never.xlsx"));
    expect(zero.code).toBe(2);
    expect(zero.err).toContain("参数 <序号> 的值「0」无效：应为项目表的序号");
  });

  test("help: in Chinese, saying the workbook is rebuilt from the template", async () => {
    const { out } = await cli("project", "--help");
    expect(out).toContain("按模板重新生成");
    expect(out).toContain("remove [选项] <工作簿> <序号>");
  });
});

describe("compute, validate and import carry the projects", () => {
  test("compute: a table of the projects' 执行率, 总分 and 等次; --json: each project under its keys", async () => {
    const { code, out } = await cli("compute", modelFile);
    expect(code).toBe(0);
    expect(out).toContain("项目支出绩效自评表（附件3，2 张）");
    expect(out).toMatch(/附件3-1 {2}科技创新平台建设 +320\.00 +300\.50 +93\.91% +9\.39 +98\.39 {2}优/);
    expect(out).toMatch(/附件3-2 {2}科普活动 +50\.00 +45\.00 +90\.00% +9\.00 +99\.00 {2}优/);
    const json = JSON.parse((await cli("compute", modelFile, "--json")).out);
    expect(json.projects).toHaveLength(2);
    expect(json.projects[0]).toMatchObject({
      slot: 1,
      sheet: "附件3-1 项目支出绩效自评表",
      name: "科技创新平台建设",
      total: "98.39",
      grade: "优",
      totalStatus: "final",
      problems: [],
    });
    expect(json.projects[0].computed["projects[1].funds.executionRate"]).toEqual({
      value: "0.9391",
      display: "93.91%",
    });
    expect(json.projects[0].computed["projects[1].funds.carryover.executionRate"]).toEqual({
      value: "0.7500",
      display: "75.00%",
    });
    expect(json.projects[0].indicators[2]).toMatchObject({ row: 3, suggestedScore: "9.00" });
  });

  test("compute: exit 1 when a project cannot be computed, named by the project", async () => {
    const json = JSON.parse(readFileSync(modelFile, "utf8"));
    json.projects[1].funds.fullYearBudget = null;
    const file = path("incomplete.json");
    writeFileSync(file, JSON.stringify(json));
    const { code, out } = await cli("compute", file);
    expect(code).toBe(1);
    expect(out).toContain("项目「科普活动」（附件3-2）：预算执行率无法计算");
  });

  test("validate: a line per project; its findings under its sheet, headed by the project; --json", async () => {
    const json = JSON.parse(readFileSync(modelFile, "utf8"));
    json.projects[0].funds.fullYearBudget = 330;
    const file = path("slipped.json");
    writeFileSync(file, JSON.stringify(json));
    const slipped = path("slipped.xlsx");
    expect((await cli("import", file, "--out", slipped)).code).toBe(0);
    const { code, out } = await cli("validate", slipped);
    expect(code).toBe(1);
    expect(out).toContain(
      "附件3-1 项目「科技创新平台建设」 · 执行率：91.06% · 总分：98.11 · 等次：优 · 错误 1 · 警告 0",
    );
    expect(out).toContain("附件3-2 项目「科普活动」 · 执行率：90.00% · 总分：99.00 · 等次：优 · 错误 0 · 警告 0");
    expect(out).toMatch(/\n附件3-1 项目支出绩效自评表 · 项目「科技创新平台建设」\n {2}错误 {2}D5 +sum\.projectFunds/);
    expect(out.indexOf("附件2 自评表\n")).toBeLessThan(out.indexOf("附件3-1 项目支出绩效自评表 ·"));
    const parsed = JSON.parse((await cli("validate", slipped, "--json")).out);
    expect(parsed.projects.map((p: { slot: number; errors: number }) => [p.slot, p.errors])).toEqual([
      [1, 1],
      [2, 0],
    ]);
  });

  test("import keeps a project's stated 总分 and says where, naming the project", async () => {
    const json = JSON.parse(readFileSync(modelFile, "utf8"));
    json.projects[0].total = 100;
    const file = path("stated.json");
    writeFileSync(file, JSON.stringify(json));
    const { code, out } = await cli("import", file, "--out", path("stated.xlsx"));
    expect(code).toBe(0);
    expect(out).toContain(
      "  项目「科技创新平台建设」（附件3-1）总分：填报 100.00，按公式应为 98.39（附件3-1 项目支出绩效自评表!G25）",
    );
  });

  test("export gives the projects back as the model has them", async () => {
    const exported = JSON.parse((await cli("export", workbook)).out);
    expect(exported.projects.map((p: { name: string }) => p.name)).toEqual(["科技创新平台建设", "科普活动"]);
    expect(exported.projects[0].indicators).toHaveLength(12);
  });
});
