/**
 * A table's declared range is checked against what is there (src/workbook/assemble.ts, xlsx/read.ts):
 * never beyond Excel's 1,048,576 rows or the sheet's last row, ending above the footer (分值合计, 总分,
 * 填表人 …) whatever the range says, and a range that is not a range is a problem in Chinese.
 */
import { assembleWorkbook, type WorkbookSource } from "../../src/workbook/assemble";
import { inspectSource, inspectWorkbook } from "../../src/workbook/xlsx/read";
import { goodWorkbook, withTableRange } from "../batch/hostile-files";

jest.setTimeout(30000);

const end = (row: string) => (ref: string) => ref.replace(/\d+$/, row);

test.each(["999999999999", "1048576", "200"])(
  "绩效指标 declared to row %s: the same indicators (a row-by-row walk would exceed the time limit)",
  async (row) => {
    const good = await goodWorkbook(5);
    const expected = (await inspectWorkbook(good)).model.eval.indicators;
    const read = await inspectWorkbook(withTableRange(good, "绩效指标", end(row)));
    expect(JSON.stringify(read.model.eval.indicators)).toBe(JSON.stringify(expected));
    expect(read.model.eval.indicators.some((r) => /总分|合计|填表/.test(`${r.level1}${r.name}`))).toBe(false);
  },
);

test("a source that does not cut ranges at the sheet's end: the footer still ends the table", async () => {
  const source = await inspectSource(await goodWorkbook(6));
  const expected = assembleWorkbook(source, { lenient: true }).model.eval.indicators;
  const lying: WorkbookSource = {
    ...source,
    table: (name) => {
      const found = source.table(name);
      return found && name === "绩效指标" ? { ...found, range: end("1048576")(found.range), totalsRow: false } : found;
    },
  };
  const read = assembleWorkbook(lying, { lenient: true });
  expect(read.model.eval.indicators).toEqual(expected);
});

test.each(["A13:K", "13:K20", "A0:K20", "XFE13:K20"])(
  "a range that is not one (%s) is a problem in Chinese",
  async (range) => {
    const source = await inspectSource(await goodWorkbook(7));
    const broken: WorkbookSource = {
      ...source,
      table: (name) => (name === "绩效指标" ? { ...source.table(name)!, range } : source.table(name)),
    };
    const read = assembleWorkbook(broken, { lenient: true });
    expect(read.model.eval.indicators).toEqual([]);
    expect(() => assembleWorkbook(broken)).toThrow(/表格「绩效指标」的区域「.*」无效：请重新安装模板/);
  },
);
