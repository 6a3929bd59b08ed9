/** jxzp import keeps what a published table states in its computed cells, and validation names the difference. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, sampleWorkbook, type Json } from "../support/cli";
import { structuralProblems } from "../support/xlsx-structure";
import { completedSample } from "../../scripts/completed-sample";

const dir = mkdtempSync(join(tmpdir(), "jxzp-import-"));

function modelFile(name: string, edit: (json: Json) => void): string {
  const json = completedSample();
  edit(json);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

test("a published 总分 and 执行率 that the numbers do not give are kept, said on import and found by validate", async () => {
  const model = modelFile("published", (json) => {
    json.eval.total = 110; // the published sheet: scores that add to 98
    json.eval.funds.executionRate = 0; // 执行率 0 over money fully spent
  });
  const xlsx = join(dir, "published.xlsx");
  const imported = await cli("import", model, "--out", xlsx);
  expect(imported.code).toBe(0);
  expect(imported.out).toContain("保留了模型中与计算结果不同的 2 个填报值");
  expect(imported.out).toContain("总分：填报 110.00，按公式应为 98.00（附件2 自评表!G29）");
  expect(imported.out).toContain("预算执行率：填报 0.00%，按公式应为 100.00%（附件2 自评表!G4）");

  const exported = JSON.parse((await cli("export", xlsx)).out);
  expect(exported.eval.total).toBe("110");
  const validation = JSON.parse((await cli("validate", xlsx, "--json")).out);
  const on = (key: string) => validation.findings.filter((f: Json) => f.key === key).map((f: Json) => f.rule);
  expect(on("eval.total")).toContain("recomputed.value");
  expect(on("eval.funds.executionRate")).toContain("recomputed.value");
});

test("values that agree with the numbers are written as formulas, and nothing is said", async () => {
  const model = modelFile("agreeing", () => undefined);
  const imported = await cli("import", model, "--out", join(dir, "agreeing.xlsx"));
  expect(imported.out).not.toContain("保留了");
});

test("a printed 等次 over a table with no 得分 yet is kept too (the formula would show nothing)", async () => {
  const model = modelFile("grade-only", (json) => {
    for (const row of json.eval.indicators) row.score = null;
    json.eval.grade = "优秀";
  });
  const xlsx = join(dir, "grade-only.xlsx");
  const imported = await cli("import", model, "--out", xlsx);
  expect(imported.out).toContain("绩效等次：填报 优秀，表中得分不完整或无从计算，无法核对");
  expect(JSON.parse((await cli("export", xlsx)).out).eval.grade).toBe("优秀");
});

test("a printed 执行率得分 over a 全年预算数 of 0 is kept, and validation asks nobody to overwrite it", async () => {
  const model = modelFile("budget-zero", (json) => {
    json.eval.funds.fullYearBudget = 0;
    json.eval.funds.score = 10;
  });
  const xlsx = join(dir, "budget-zero.xlsx");
  const imported = await cli("import", model, "--out", xlsx);
  expect(imported.out).toContain("执行率得分：填报 10.00，表中得分不完整或无从计算，无法核对");
  expect(JSON.parse((await cli("export", xlsx)).out).eval.funds.score).toBe("10");
  const validation = JSON.parse((await cli("validate", xlsx, "--json")).out);
  const onScore = validation.findings.filter((f: Json) => f.key === "eval.funds.score").map((f: Json) => f.rule);
  expect(onScore).toEqual([]);
  expect(validation.score.provisional).toMatch(/^全年预算数为 0/);
});

describe("text no cell can hold", () => {
  test("characters XML refuses and text over 32,767 characters give a workbook that reads back", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jxzp-import-text-"));
    const long = "说".repeat(40_000);
    const file = await sampleWorkbook(dir, "hostile", (json) => {
      json.basic.unit = "某某局\uFFFE财务科\u0001";
      json.report = { ...(json.report ?? {}), duties: long };
    });
    expect(structuralProblems(readFileSync(file))).toEqual([]);
    const back = await cli("export", file, "--json");
    expect(back.code).toBe(0);
    const model = JSON.parse(back.out);
    expect(model.basic.unit).toBe("某某局\uFFFD财务科");
    expect(model.report.duties).toHaveLength(32_767);
  });
});

test("whatever text the cells hold, every XML part written is well-formed (property)", async () => {
  const { default: fc } = await import("fast-check");
  const { buildWorkbook } = await import("../../src/workbook/xlsx/write");
  const { workbookModel } = await import("../../src/domain/model");
  const base = completedSample();
  // Any character, with the ones XML refuses and the ones it escapes drawn often.
  const unit = fc.oneof(
    fc.string({ unit: "binary", maxLength: 1 }),
    fc.constantFrom("\u0001", "\u001B", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "<", "&", "]]>", "_x0001_", "\r"),
  );
  const text = fc.array(unit, { maxLength: 40 }).map((units) => units.join(""));
  await fc.assert(
    fc.asyncProperty(text, text, async (name, indicator) => {
      const json = structuredClone(base);
      json.basic.unit = name;
      json.eval.indicators[0].name = indicator;
      const bytes = new Uint8Array(await buildWorkbook(workbookModel.parse(json)).xlsx.writeBuffer());
      expect(structuralProblems(bytes)).toEqual([]);
    }),
    { numRuns: 25 },
  );
}, 120_000);
