/** jxzp validate on real .xlsx files: the 株洲 sample and deliberately broken variants. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { cli, sampleWorkbook, type Json } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "jxzp-validate-"));
const workbook = (name: string, edit?: (json: Json) => void) => sampleWorkbook(dir, name, edit);

const rulesOf = (json: { findings: Array<{ rule: string; severity: string }> }, severity: string) =>
  json.findings.filter((f) => f.severity === severity).map((f) => f.rule);

test("the 株洲 workbook: exit 0, JSON with summary, score and findings placed on their cells", async () => {
  const file = await workbook("zhuzhou");
  const { code, out } = await cli("validate", file, "--json");
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(json).toMatchObject({
    file,
    profile: "national",
    summary: { errors: 0, warnings: 1, infos: 6 },
    score: { total: "98.00", grade: "优" },
  });
  expect(json.findings[0]).toEqual({
    rule: "cross.projects",
    severity: "warning",
    key: "basic.projects.total.final",
    sheet: "附件1 基础数据表",
    cell: "D13",
    message:
      "附件1 项目支出2024年决算数 1864.05 ≠ 附件2 按支出性质分的项目支出 421.81，相差 1442.24：请核对，或说明口径差异（如代管的专项资金）",
  });
  expect(json.findings.find((f: Json) => f.key === "eval.indicators[12].score")).toMatchObject({
    sheet: "附件2 自评表",
    cell: "G25",
  });
});

test("human output is grouped by sheet", async () => {
  const { code, out } = await cli("validate", await workbook("zhuzhou-text"));
  expect(code).toBe(0);
  expect(out).toMatch(/评分口径：全国通用 · 总分：98\.00 · 等次：优\n错误 0 · 警告 1 · 提示 6/);
  expect(out.indexOf("附件1 基础数据表")).toBeLessThan(out.indexOf("附件2 自评表"));
  expect(out).toMatch(/ {2}警告 {2}D13 {2}cross\.projects/);
});

test.each<[string, (j: Json) => void, string, string]>([
  ["weights 110", (j) => (j.eval.indicators[0].weight = 20), "weights.total", "F29"],
  ["a missing 偏差原因", (j) => (j.eval.indicators[11].deviation = ""), "score.reason", "H25"],
  [
    "在职 > 编制 (a warning) with a year that differs (an error)",
    (j) => {
      j.basic.staff.actual = 41;
      j.eval.year = 2023;
    },
    "year.same",
    "H2",
  ],
  ["splits not summing", (j) => (j.basic.threePublic.total.final = 39.67), "sum.threePublic", "D7"],
])("%s: exit 1 and the finding on its cell", async (name, edit, rule, cell) => {
  const { code, out } = await cli("validate", await workbook(name.replace(/\W+/g, "-"), edit), "--json");
  expect(code).toBe(1);
  const json = JSON.parse(out);
  expect(rulesOf(json, "error")).toContain(rule);
  expect(json.findings.find((f: Json) => f.rule === rule).cell).toBe(cell);
});

test("a total that is not the sum of its scores: a value typed over the formula", async () => {
  const file = await workbook("typed-total");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet("附件2 自评表")!.getCell("G29").value = 97;
  await wb.xlsx.writeFile(file);
  const json = JSON.parse((await cli("validate", file, "--json")).out);
  expect(json.findings.filter((f: Json) => f.cell === "G29").map((f: Json) => [f.rule, f.message])).toEqual([
    ["recomputed.value", "总分填的是 97.00，按执行率得分 + 各指标得分应为 98.00"],
  ]);
  // One cause, one finding: the value typed over the formula is that finding, and its fix puts the formula back.
  expect(json.findings.find((f: Json) => f.cell === "G29").fix).toMatchObject({ kind: "formula" });
});

test(
  "a number stored as text is read, reported with a fix, " + "and the wrong type elsewhere is an error on its cell",
  async () => {
    const file = await workbook("text-number");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet("附件2 自评表")!.getCell("E4").value = "１３８７.５３";
    wb.getWorksheet("附件1 基础数据表")!.getCell("B5").value = "三十九";
    await wb.xlsx.writeFile(file);
    const { code, out } = await cli("validate", file, "--json");
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.findings.find((f: Json) => f.rule === "slip.textNumber")).toMatchObject({
      cell: "E4",
      fix: { kind: "number", value: 1387.53 },
    });
    expect(json.findings.find((f: Json) => f.rule === "type.cell")).toMatchObject({
      cell: "B5",
      severity: "error",
      message: "编制数：应为整数，实际为「三十九」",
    });
  },
);

test("a file that cannot be read: exit 2 with a Chinese reason", async () => {
  const bad = join(dir, "not-a-workbook.xlsx");
  writeFileSync(bad, "hello");
  const { code, err } = await cli("validate", bad);
  expect(code).toBe(2);
  expect(err).toContain(`${bad} 是文本文件，不是工作簿：validate 需要 .xlsx 工作簿`);
  expect((await cli("validate", join(dir, "missing.xlsx"))).err).toMatch(/文件不存在/);
});

test("--profile takes a 评分口径 by id or by its Chinese name, as the workbook stores it", async () => {
  const file = await workbook("zhuzhou-profile");
  const byName = await cli("validate", file, "--json", "--profile", "预算管理一体化平台");
  const byId = await cli("validate", file, "--json", "--profile", "platform");
  expect(byName.code).toBe(byId.code);
  expect(JSON.parse(byName.out).profile).toBe("platform");
  expect(JSON.parse(byName.out).findings).toEqual(JSON.parse(byId.out).findings);
  expect(JSON.parse((await cli("validate", file, "--json", "--profile", "全国通用")).out).profile).toBe("national");
  const unknown = await cli("validate", file, "--profile", "某某口径");
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain(
    "未知的评分口径「某某口径」，可选：national（全国通用）、platform（预算管理一体化平台）",
  );
});

test("a 全年预算数 of 0 over money spent: 总分 and 等次 are provisional, and the output says why", async () => {
  const file = await workbook("zero-budget", (json) => {
    json.eval.funds.fullYearBudget = 0;
  });
  const json = JSON.parse((await cli("validate", file, "--json")).out);
  expect(json.score.provisional).toBe("全年预算数为 0，预算执行率不适用：执行率得分无法计算，总分与等次为暂定");
  const text = (await cli("validate", file)).out;
  expect(text.split("\n")[2]).toBe("全年预算数为 0，预算执行率不适用：执行率得分无法计算，总分与等次为暂定");
  const complete = JSON.parse((await cli("validate", await workbook("complete"), "--json")).out);
  expect(complete.score.provisional).toBeNull();
});

describe("a defined name missing or broken: read where the template puts it, and said", () => {
  const REPAIR = "请在 Excel 中按「安装模板」修复（已填写的内容会保留）";
  /** The sample workbook with its workbook.xml (where the defined names are) edited. */
  async function withNames(name: string, edit: (xml: string) => string): Promise<string> {
    const file = await workbook(name);
    const parts = unzipSync(readFileSync(file));
    const before = strFromU8(parts["xl/workbook.xml"]!);
    const after = edit(before);
    expect(after).not.toBe(before);
    parts["xl/workbook.xml"] = strToU8(after);
    writeFileSync(file, zipSync(parts));
    return file;
  }
  const budgetName = /(<definedName name="自评_全年预算数"[^>]*>)[^<]*(<\/definedName>)/;

  test.each<[string, (xml: string) => string]>([
    ["#REF! (its cells deleted)", (xml) => xml.replace(budgetName, "$1#REF!$2")],
    ["deleted", (xml) => xml.replace(budgetName, "")],
    ["pointing at a sheet that is gone", (xml) => xml.replace(budgetName, "$1&apos;附件9 不存在&apos;!$$D$$4$2")],
  ])("%s: one warning naming it and the cell read instead; the value is still read", async (what, edit) => {
    const file = await withNames(`name-${what.replace(/\W+/g, "-")}`, edit);
    const { code, out } = await cli("validate", file, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.findings.filter((f: Json) => f.rule === "names.fallback")).toEqual([
      {
        rule: "names.fallback",
        severity: "warning",
        key: "eval.funds.fullYearBudget",
        sheet: "附件2 自评表",
        cell: "D4",
        message: `名称「自评_全年预算数」（全年预算数）缺失或已失效：已按模板位置「附件2 自评表」D4 读取。${REPAIR}`,
      },
    ]);
    // 全年预算数 was read: the same score, nothing provisional, no other finding than the 株洲 ones.
    expect(json).toMatchObject({
      summary: { errors: 0, warnings: 2, infos: 6 },
      score: { total: "98.00", grade: "优" },
    });
    expect(json.score.provisional).toBeNull();
  });

  test("none of our names at all: one summary note, and the workbook still reads", async () => {
    const file = await withNames("no-names", (xml) => xml.replace(/<definedNames>.*<\/definedNames>/s, ""));
    const { code, out } = await cli("validate", file, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const notes = json.findings.filter((f: Json) => f.rule === "names.fallback");
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toMatch(
      /^工作簿中没有绩效自评助手的名称（\d+ 个均缺失或已失效）：已按模板位置读取全部单元格/,
    );
    expect(json).toMatchObject({
      summary: { errors: 0, warnings: 2, infos: 6 },
      score: { total: "98.00", grade: "优" },
    });
    const text = (await cli("validate", file)).out;
    expect(text).toMatch(/ {2}警告 {2}B2 +names\.fallback {2}工作簿中没有绩效自评助手的名称/);
  });
});
