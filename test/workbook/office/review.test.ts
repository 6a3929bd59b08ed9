/** 校验 through Office.js on the in-memory Excel: one sync to read, one to select, one to fix or explain. */
import type { Fix } from "../../../src/domain/validation";
import { installTemplates } from "../../../src/workbook/office/install";
import { explainWarning, applyFix, selectCell, validateOpenWorkbook } from "../../../src/workbook/office/review";
import type { LocatedFinding } from "../../../src/usecases/validate-workbook";
import { loadSample } from "../../support/model-inputs";
import { excelContext, FakeContext } from "../../support/fake-excel";
import { typeModel } from "../../support/type-model";

async function zhuzhou(): Promise<FakeContext> {
  const fake = new FakeContext();
  await installTemplates(excelContext(fake));
  const model = loadSample();
  typeModel(fake, {
    ...model,
    basic: { ...model.basic, preparer: "李明", filledOn: "2025-04-20" },
    eval: { ...model.eval, preparer: "李明", filledOn: "2025-04-20" },
  });
  fake.syncCount = 0;
  return fake;
}

test("the 株洲 workbook validates in one sync: no error, the 项目支出 warning on its cell", async () => {
  const fake = await zhuzhou();
  const result = await validateOpenWorkbook(excelContext(fake));
  expect(result.syncs).toBe(1);
  expect(fake.syncCount).toBe(1);
  expect(result.summary).toMatchObject({ errors: 0, warnings: 1, infos: 6 });
  expect(result.findings[0]).toMatchObject({ rule: "cross.projects", sheet: "附件1 基础数据表", cell: "D13" });
});

test("clicking a finding selects its cell in one sync", async () => {
  const fake = await zhuzhou();
  const { findings } = await validateOpenWorkbook(excelContext(fake));
  const finding = findings.find((f) => f.key === "eval.indicators[12].score")!;
  fake.syncCount = 0;
  await selectCell(excelContext(fake), finding.sheet!, finding.cell!);
  expect(fake.syncCount).toBe(1);
  expect(fake.workbook.activeSheet).toBe("附件2 自评表");
  expect(fake.workbook.selection).toEqual({ sheet: "附件2 自评表", address: "G25" });
});

test("修正: a number stored as text becomes the number; a value typed over a formula gets the formula back", async () => {
  const fake = await zhuzhou();
  fake.workbook.sheet("附件2 自评表")!.cell("E4").formula = "１３８７.５３";
  fake.workbook.sheet("附件1 基础数据表")!.cell("D5").formula = 0.8;
  const before = await validateOpenWorkbook(excelContext(fake));
  const fixable = before.findings.filter((f): f is LocatedFinding & { fix: Fix } => f.fix !== undefined);
  // 0.8 typed over the 控制率 formula (82.05%): one cause, one finding, carrying the formula back.
  expect(fixable.map((f) => [f.rule, f.cell]).sort()).toEqual([
    ["recomputed.value", "D5"],
    ["slip.textNumber", "E4"],
  ]);
  fake.syncCount = 0;
  for (const finding of fixable) await applyFix(excelContext(fake), finding);
  expect(fake.syncCount).toBe(2);
  expect(fake.workbook.sheet("附件2 自评表")!.cell("E4").formula).toBe(1387.53);
  expect(fake.workbook.sheet("附件1 基础数据表")!.cell("D5").formula).toMatch(/^=IF\(N\(基础_编制数\)=0/);
  const after = await validateOpenWorkbook(excelContext(fake));
  expect(after.findings.filter((f) => f.fix)).toEqual([]);
});

test("说明: a warning's explanation is kept in 已说明的提示 and the warning is no longer open", async () => {
  const fake = await zhuzhou();
  const { findings } = await validateOpenWorkbook(excelContext(fake));
  const warning = findings.find((f) => f.rule === "cross.projects")!;
  fake.syncCount = 0;
  await explainWarning(excelContext(fake), warning, "附件1 含代管的市级专项资金");
  expect(fake.syncCount).toBe(1);
  const after = await validateOpenWorkbook(excelContext(fake));
  expect(after.summary).toMatchObject({ errors: 0, warnings: 0, acknowledged: 1 });
  expect(after.findings.find((f) => f.rule === "cross.projects")!.acknowledged).toBe("附件1 含代管的市级专项资金");
  await expect(explainWarning(excelContext(fake), { ...warning, severity: "error" }, "不行")).rejects.toThrow(
    "只有警告可以说明",
  );
});
