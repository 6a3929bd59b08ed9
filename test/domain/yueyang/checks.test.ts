/**
 * The 岳阳 form's relations (SPEC §11) on seed 001 as published, and each relation passing and failing.
 */
import { Dec, emptyModel, workbookModel } from "../../../src/domain";
import { checkForm } from "../../../src/domain/yueyang/checks";
import { yueyangForm } from "../../../src/domain/yueyang/form";
import { SEED_001_FORM } from "./seed-001";

const seed = () => yueyangForm.parse(structuredClone(SEED_001_FORM));

test("seed 001 as published: its two 0.01 roundings and the 固定资产 that misses 21.40, and nothing else", () => {
  const findings = checkForm(seed(), emptyModel(), null);
  expect(findings.map((f) => [f.rule, f.severity, f.key, f.message])).toEqual([
    [
      "form.rounding",
      "info",
      "form.spending[3].basic",
      "年度支出和结余情况「2、科技事务中心」基本支出 258.87 ≠ 人员支出 233.59 + 公用支出 25.27 = 258.86，相差 0.01" +
        "（汇总行同样相差 0.01）：四舍五入所致",
    ],
    [
      "form.rowTotal",
      "error",
      "form.assets[2].total",
      "固定资产「1、局机关」固定资产合计 80.86 ≠ 在用固定资产 59.46 + 出租固定资产 0.00 + 其他 空 = 59.46，相差 21.40" +
        "（汇总行同样相差 21.40）：其他未填写？",
    ],
  ]);
});

test("a 汇总 that is not the sum of its 机构: an error beyond 0.01 per 机构, an info within", () => {
  const form = seed();
  form.income[0]!.carryover = new Dec("186.62");
  form.threePublic[0]!.reception = new Dec("1.75");
  const found = checkForm(form, emptyModel(), null).filter(
    (f) => f.key.startsWith("form.income[1]") || f.key.startsWith("form.threePublic[1]"),
  );
  expect(found.map((f) => [f.rule, f.key])).toEqual(
    expect.arrayContaining([
      ["form.units", "form.income[1].carryover"],
      ["form.rounding", "form.threePublic[1].reception"],
    ]),
  );
  expect(found.find((f) => f.key === "form.income[1].carryover")!.message).toBe(
    "年度收入情况汇总行上年结转 186.62 ≠ 1、局机关 162.13 + 2、科技事务中心 24.59 = 186.72，相差 0.10",
  );
});

test("支出合计 = 基本 + 项目, 收入合计 = its parts, 三公 合计 = its parts: each passing and failing", () => {
  const ok = checkForm(seed(), emptyModel(), null).filter(
    (f) => !f.key.startsWith("form.assets") && f.rule !== "form.rounding",
  );
  expect(ok).toEqual([]);
  const form = seed();
  form.spending[1]!.total = new Dec("842.45");
  form.income[2]!.total = new Dec("291.83");
  form.threePublic[1]!.total = new Dec("2.58");
  const keys = checkForm(form, emptyModel(), null)
    .filter((f) => f.rule === "form.rowTotal")
    .map((f) => f.key);
  expect(keys).toEqual(
    expect.arrayContaining(["form.spending[2].total", "form.income[3].total", "form.threePublic[2].total"]),
  );
});

test("three 二级机构: 汇总 = Σ of all four 机构 rows", () => {
  const form = yueyangForm.parse({
    threePublic: [
      { unit: "局机关及二级机构汇总", total: 10, reception: 6, vehicleOperation: 4, vehiclePurchase: 0, overseas: 0 },
      { unit: "1、局机关", total: 4, reception: 2, vehicleOperation: 2, vehiclePurchase: 0, overseas: 0 },
      { unit: "2、科技事务中心", total: 2, reception: 1, vehicleOperation: 1, vehiclePurchase: 0, overseas: 0 },
      { unit: "3、科技情报所", total: 2, reception: 1, vehicleOperation: 1, vehiclePurchase: 0, overseas: 0 },
      { unit: "4、生产力促进中心", total: 2, reception: 2, vehicleOperation: 0, vehiclePurchase: 0, overseas: 0 },
    ],
  });
  expect(checkForm(form, emptyModel(), null)).toEqual([]);
  form.threePublic[4]!.total = new Dec(3);
  form.threePublic[4]!.reception = new Dec(3);
  expect(checkForm(form, emptyModel(), null).map((f) => [f.rule, f.key])).toEqual([
    ["form.units", "form.threePublic[1].total"],
    ["form.units", "form.threePublic[1].reception"],
  ]);
});

test("agreement with 附件1: where 附件1 holds 局机关's 三公 and the form the 汇总, the finding says which is which", () => {
  const model = workbookModel.parse({
    basic: { year: 2021, threePublic: { total: { final: 1.58 }, reception: { final: 1.74 } } },
  });
  const found = checkForm(seed(), model, null).filter((f) => f.rule === "form.agreement");
  expect(found.map((f) => f.message)).toEqual([
    "三公经费汇总行三公经费合计 1.86 ≠ 附件1 三公经费2021年决算数 1.58，相差 0.28：附件1 三公经费2021年决算数 与本表「1、局机关」一致，" +
      "本表汇总含全部机构；请确认附件1 应填部门汇总数还是1、局机关的数，统一口径",
  ]);
});

test("绩效自评综合得分 and 评价等次 against 附件2's 总分 and the profile's words", () => {
  expect(
    checkForm(seed(), emptyModel(), { total: new Dec(97), grade: "优秀" }).filter((f) => f.rule === "form.score"),
  ).toEqual([]);
  const found = checkForm(seed(), emptyModel(), { total: new Dec("88.5"), grade: "良好" }).filter(
    (f) => f.rule === "form.score",
  );
  expect(found.map((f) => f.message)).toEqual([
    "绩效自评综合得分 97.00 ≠ 自评表总分 88.50",
    "评价等次「优秀」，按自评表总分应为「良好」",
  ]);
});
