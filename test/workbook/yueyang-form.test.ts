/**
 * 表式报告（岳阳） through a real workbook: seed 001 typed in (samples/yueyang-kjj-2021.json), written with
 * exceljs, read back with the zip reader and validated — its form's findings are the ones a reviewer makes (the
 * two 0.01 roundings said once, on the 机构 row that carries them, and the 固定资产 that misses 21.40) and nothing
 * else about the form; a workbook with three 二级机构; an older workbook without the sheet.
 */
import { workbookModel } from "../../src/domain";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { inspectWorkbook } from "../../src/workbook/xlsx/read";
import { validateWorkbook } from "../../src/usecases/validate-workbook";
import { SEED_001 } from "../domain/yueyang/seed-001";

const SHEET = "表式报告（岳阳）";

async function roundTrip(input: unknown) {
  const workbook = buildWorkbook(workbookModel.parse(input));
  return inspectWorkbook((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

test("seed 001 typed in: the form reads back as typed and gives its two findings, on their cells", async () => {
  const workbook = await roundTrip(SEED_001);
  expect(workbook.model.form.income.map((row) => row.total?.toFixed(2))).toEqual(["1156.44", "874.61", "281.83"]);
  expect(workbook.model.form.assets[0]!.other).toBeNull();
  const validation = validateWorkbook(workbook);
  const form = validation.findings.filter((f) => f.key.startsWith("form."));
  expect(form.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
    ["form.rowTotal", "error", SHEET, "B44"],
    ["form.rounding", "info", SHEET, "C29"],
  ]);
  expect(form[0]!.message).toContain(
    "固定资产「1、局机关」固定资产合计 80.86 ≠ 在用固定资产 59.46 + 出租固定资产 0.00 + 其他 空",
  );
  expect(form[0]!.message).toContain("相差 21.40（汇总行同样相差 21.40）：其他未填写？");
  expect(form[1]!.message).toContain("「2、科技事务中心」基本支出 258.87 ≠ 人员支出 233.59 + 公用支出 25.27 = 258.86");
  // The report published no 附件2 figures (budgets, weights, scores): those are the other findings, none on the form.
  expect(validation.findings.filter((f) => f.sheet === SHEET)).toEqual(form);
});

test("three 二级机构: 汇总 and five 机构 rows in every block, read and checked row by row", async () => {
  const row = (unit: string, reception: number, operation: number) => ({
    unit,
    total: reception + operation,
    reception,
    vehicleOperation: operation,
    vehiclePurchase: 0,
    overseas: 0,
  });
  const threePublic = [
    row("局机关及二级机构汇总", 6, 4),
    row("1、局机关", 2, 2),
    row("2、科技事务中心", 1, 1),
    row("3、科技情报研究所", 1, 1),
    row("4、生产力促进中心", 2, 0),
  ];
  const workbook = await roundTrip({ form: { threePublic } });
  expect(workbook.model.form.threePublic.map((r) => r.unit)).toEqual(threePublic.map((r) => r.unit));
  expect(validateWorkbook(workbook).findings.filter((f) => f.key.startsWith("form."))).toEqual([]);
  threePublic[4]!.reception = 3;
  threePublic[4]!.total = 3;
  const off = validateWorkbook(await roundTrip({ form: { threePublic } })).findings.filter((f) =>
    f.key.startsWith("form."),
  );
  expect(off.map((f) => [f.rule, f.key])).toEqual([
    ["form.units", "form.threePublic[1].total"],
    ["form.units", "form.threePublic[1].reception"],
  ]);
});

test("an older workbook without the sheet reads the form as empty, with no finding about it", async () => {
  const workbook = buildWorkbook(workbookModel.parse({ basic: { unit: "示例局" } }));
  workbook.removeWorksheet(workbook.getWorksheet(SHEET)!.id);
  // Its names now point at a sheet that is gone, as in a workbook whose sheet was deleted.
  const read = await inspectWorkbook((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  expect(read.model.form.income).toEqual([]);
  expect(read.fallbacks.filter((f) => f.key.startsWith("form."))).toEqual([]);
  expect(validateWorkbook(read).findings.filter((f) => f.key.startsWith("form.") || f.sheet === SHEET)).toEqual([]);
});
