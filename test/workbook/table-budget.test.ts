/**
 * A hostile workbook that declares many long tables (200 project tables of 20,000 rows each) is read within a
 * bound: at most TABLE_ROWS_READ table rows in all, the rest said in a problem, never 4,000,000 row lookups.
 */
import { assembleWorkbook, TABLE_ROWS_READ, type WorkbookSource } from "../../src/workbook/assemble";
import { MAX_PROJECTS, projectSheetName, projectTableName } from "../../src/domain/projects/contract";
import { SHEETS } from "../../src/domain/contract";

test("200 project tables declared to row 20,000: reading stops at the workbook's table-row bound", () => {
  const sheets = new Set([...Object.values(SHEETS).map((s) => s.name)]);
  for (let slot = 1; slot <= MAX_PROJECTS; slot++) sheets.add(projectSheetName(slot));
  let lookups = 0;
  const source: WorkbookSource = {
    hasSheet: (name) => sheets.has(name),
    name: () => null,
    lookup: () => {
      lookups += 1;
      return { value: null, formula: null };
    },
    table: (name) => {
      const slot = /^项目(\d+)_绩效指标$/.exec(name)?.[1];
      if (!slot || name !== projectTableName(Number(slot))) return null;
      const headers = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
      return { sheet: projectSheetName(Number(slot)), range: "A12:K20000", headers };
    },
  };
  const read = assembleWorkbook(source, { lenient: true });
  expect(read.model.projects).toHaveLength(MAX_PROJECTS);
  // Each row read looks up its 7 columns; the rest of the workbook's cells are a few hundred.
  expect(lookups).toBeLessThan(TABLE_ROWS_READ * 7 + 5000);
});
