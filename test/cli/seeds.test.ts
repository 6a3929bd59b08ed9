/**
 * The published reports we have (seeds 000–003, typed into test/fixtures/seeds as they were printed, mistakes
 * included): the findings a careful reviewer makes, one per cause, and a draft report that states nothing the
 * tables do not support.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { cli, type Json } from "../support/cli";

jest.setTimeout(60000);
const dir = mkdtempSync(join(tmpdir(), "jxzp-seeds-"));
const fixture = (n: string) => join(__dirname, `../fixtures/seeds/seed-${n}.json`);

async function validated(n: string): Promise<{ json: Json; xlsx: string }> {
  const xlsx = join(dir, `seed-${n}.xlsx`);
  expect((await cli("import", fixture(n), "--out", xlsx, "--force")).code).toBe(0); // some seeds are read twice
  return { json: JSON.parse((await cli("validate", xlsx, "--json")).out), xlsx };
}

const rules = (json: Json) => json.findings.map((f: Json) => f.rule) as string[];
const count = (json: Json, rule: string) => rules(json).filter((r) => r === rule).length;

async function reportText(xlsx: string, n: string): Promise<string> {
  const docx = join(dir, `seed-${n}.docx`);
  expect((await cli("report", xlsx, "--out", docx, "--draft")).code).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(docx));
  const xml = await zip.file("word/document.xml")!.async("string");
  return xml.replace(/<[^>]+>/g, "");
}

test("seed 000 (桃源 2023, 33 indicators without 分值): one finding for the missing 分值, not 66", async () => {
  const { json, xlsx } = await validated("000");
  expect(count(json, "weights.missing")).toBe(1);
  expect(json.findings.find((f: Json) => f.rule === "weights.missing").message).toContain("共 33 行");
  expect(count(json, "score.unscorable")).toBeLessThanOrEqual(1);
  expect(rules(json)).toContain("sum.totalMissing"); // the 三公 budget total left blank beside its parts
  expect(json.score.provisional).toMatch(/总分与等次为暂定$/);
  const text = await reportText(xlsx, "000");
  expect(text).not.toContain("各项绩效指标均得满分");
  expect(text).not.toContain("绩效指标得分0.00分");
  expect(text).not.toMatch(/【未填写】/);
});

test("seed 001 (岳阳 2021, no 全年预算数): the score is provisional and says why; 总分 97 is kept as printed", async () => {
  const { json } = await validated("001");
  expect(rules(json)).toContain("funds.provisional");
  expect(json.score.provisional).toBe("全年预算数未填写，预算执行率不适用：执行率得分无法计算，总分与等次为暂定");
  expect(rules(json)).not.toContain("sum.threePublic"); // the form has no 公务用车 subtotal: one finding for it
  const exported = JSON.parse((await cli("export", join(dir, "seed-001.xlsx"))).out);
  expect([exported.eval.total, exported.eval.grade]).toEqual(["97", "优秀"]);
});

test("seed 002 (株洲 2024 as printed): no error but the blank signatures; 0 printed for 0/0 is an info", async () => {
  const { json, xlsx } = await validated("002");
  expect(json.findings.filter((f: Json) => f.severity === "error").map((f: Json) => f.rule)).toEqual(
    Array(4).fill("required.signature"),
  );
  expect(count(json, "recomputed.notApplicable")).toBe(2);
  expect(json.findings.filter((f: Json) => f.rule === "score.suggested").map((f: Json) => f.cell)).toEqual([
    "G25",
    "G26",
  ]);
  expect(rules(json)).toContain("cross.projects");
  const text = await reportText(xlsx, "002");
  expect(text).toContain("98.00");
  expect(text).not.toContain("各项绩效指标均得满分"); // two rows scored 4 of 5
});

test("seed 003 (保靖 2023, no indicators): no 满分 claim and no total stated", async () => {
  const { json, xlsx } = await validated("003");
  expect(rules(json)).toContain("required.indicators");
  const text = await reportText(xlsx, "003");
  expect(text).not.toContain("各项绩效指标均得满分");
  expect(text).not.toMatch(/自评得分\d/);
});

test("seed 001's own 一级 labels (产出目标 on several rows) are one weights.levels finding per label", async () => {
  const { json } = await validated("001");
  const levels = json.findings.filter((f: Json) => f.rule === "weights.levels").map((f: Json) => f.message);
  expect(new Set(levels).size).toBe(levels.length);
  expect(levels.length).toBeLessThan(9);
  expect(levels.some((m: string) => /^绩效指标第\d+(、\d+)+行的一级指标「/.test(m))).toBe(true);
});
