/**
 * The attachments as the report prints them: the rows the user filled (not the template's blank rows),
 * 一级指标 and 二级指标 merged over their rows as the official form shows, no empty spacer rows, and the
 * table's end kept together with its 总分.
 */
import { attachmentGrid, compute, workbookModel, type Grid, type WorkbookModel } from "../../../src/domain";
import { loadSample } from "../../support/model-inputs";

const gridOf = (model: WorkbookModel, sheet: "basic" | "eval" = "eval") => attachmentGrid(sheet, model, compute(model));
const texts = (grid: Grid) => grid.rows.map((row) => row.map((cell) => cell?.text ?? null));
const rowIndex = (grid: Grid, first: string) => grid.rows.findIndex((row) => row[0]?.text === first);

function withIndicators(indicators: unknown[]): WorkbookModel {
  const json = JSON.parse(JSON.stringify(loadSample()));
  json.eval.indicators = indicators;
  return workbookModel.parse(json);
}

const row = (level1: string | null, level2: string | null, name: string | null, score: number | null = 5) => ({
  level1,
  level2,
  name,
  target: name ? "10个" : null,
  actual: name ? "10个" : null,
  weight: name ? 5 : null,
  score: name ? score : null,
});

describe("附件2 prints the rows the user filled", () => {
  const model = withIndicators([
    row("产出指标", "数量指标", "甲"),
    row(null, null, null),
    row("产出指标", "数量指标", "乙"),
    row("产出指标", "质量指标", "丙"),
    row(null, null, null),
  ]);
  const grid = gridOf(model);

  test("three filled rows, then 总分 straight after: no template blank rows", () => {
    const header = rowIndex(grid, "一级指标");
    const total = rowIndex(grid, "总分");
    expect(total - header - 1).toBe(3);
    expect(texts(grid)[header + 1]!.slice(2, 3)).toEqual(["甲"]);
    expect(texts(grid)[header + 3]!.slice(2, 3)).toEqual(["丙"]);
  });

  test("no row with nothing in it", () => {
    for (const r of grid.rows)
      expect(r.some((cell) => cell === null || cell.text !== "" || cell.rowSpan > 1)).toBe(true);
  });

  test("一级指标 merged over its run, 二级指标 within it", () => {
    const header = rowIndex(grid, "一级指标");
    const [a, b, c] = [grid.rows[header + 1]!, grid.rows[header + 2]!, grid.rows[header + 3]!];
    expect(a[0]).toMatchObject({ text: "产出指标", rowSpan: 3 });
    expect([b[0], c[0]]).toEqual([null, null]);
    expect(a[1]).toMatchObject({ text: "数量指标", rowSpan: 2 });
    expect(b[1]).toBeNull();
    expect(c[1]).toMatchObject({ text: "质量指标", rowSpan: 1 });
  });

  test("the table's last row, 总分 and what follows are kept together", () => {
    const total = rowIndex(grid, "总分");
    expect(grid.keepWithNext[total - 1]).toBe(true);
    expect(grid.keepWithNext[total]).toBe(true);
    expect(grid.keepWithNext[grid.keepWithNext.length - 1]).toBe(false);
    expect(grid.keepWithNext).toHaveLength(grid.rows.length);
  });

  test("a 二级指标 never merges across two 一级指标", () => {
    const split = gridOf(withIndicators([row("产出指标", "数量指标", "甲"), row("效益指标", "数量指标", "乙")]));
    const header = rowIndex(split, "一级指标");
    expect(split.rows[header + 1]![1]).toMatchObject({ text: "数量指标", rowSpan: 1 });
    expect(split.rows[header + 2]![1]).toMatchObject({ text: "数量指标", rowSpan: 1 });
  });

  test("empty 一级指标 cells are not merged", () => {
    const blanks = gridOf(withIndicators([row(null, null, "甲"), row(null, null, "乙")]));
    const header = rowIndex(blanks, "一级指标");
    expect(blanks.rows[header + 1]![0]).toMatchObject({ text: "", rowSpan: 1 });
    expect(blanks.rows[header + 2]![0]).toMatchObject({ text: "", rowSpan: 1 });
  });

  test("the 株洲 table: 15 rows, 成本指标 once over its four rows", () => {
    const zhuzhou = gridOf(loadSample());
    const header = rowIndex(zhuzhou, "一级指标");
    expect(rowIndex(zhuzhou, "总分") - header - 1).toBe(15);
    const cost = zhuzhou.rows.flat().filter((cell) => cell?.text === "成本指标");
    expect(cost).toEqual([expect.objectContaining({ rowSpan: 4 })]);
  });
});

test("附件1 prints the project lines the user filled", () => {
  const json = JSON.parse(JSON.stringify(loadSample()));
  json.basic.projects.lines = [{ name: "业务经费", prev: 1, budget: 2, final: 3 }, {}];
  const grid = gridOf(workbookModel.parse(json), "basic");
  const header = rowIndex(grid, "项目名称");
  expect(texts(grid)[header + 1]).toEqual(["业务经费", "1.00", "2.00", "3.00"]);
  expect(texts(grid)[header + 2]![0]).toBe("公用经费");
});

describe("附件2's 等次 only where the narrative states one", () => {
  const grade = (model: WorkbookModel) => {
    const grid = gridOf(model);
    return grid.rows[rowIndex(grid, "总分")]!.filter(Boolean).pop()!.text;
  };
  test("every score in: the grade", () => expect(grade(loadSample())).toBe("绩效等次：优"));
  test("a score missing: none", () => {
    const json = JSON.parse(JSON.stringify(loadSample()));
    json.eval.indicators[0].score = null;
    expect(grade(workbookModel.parse(json))).toBe("绩效等次");
  });
  test("执行率 不适用: marked 暂定", () => {
    const json = JSON.parse(JSON.stringify(loadSample()));
    json.eval.funds.fullYearBudget = 0;
    expect(grade(workbookModel.parse(json))).toMatch(/^绩效等次：.（暂定）$/);
  });
});
