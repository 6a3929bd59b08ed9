/**
 * The 岳阳 form as a layout file filled with a workbook's data: every binding the layout names is data the
 * builder gives, the seed's numbers land in the seed's cells, spans and merges as the printed form has them.
 */
import { compute, workbookModel } from "../../../src/domain";
import { bindingsOf, fillForm, type FormDocument } from "../../../src/domain/forms/layout";
import { FORM_LAYOUTS, yueyangData } from "../../../src/domain/forms/yueyang";
import { yueyangForm } from "../../../src/domain/yueyang/form";
import { SEED_001_FORM } from "../yueyang/seed-001";

const model = workbookModel.parse({
  basic: { unit: "岳阳市科学技术局", year: 2021, staff: { authorized: 41, actual: 38 } },
  eval: {
    indicators: [
      { level1: "产出指标", level2: "质量指标", name: "科技金融", target: "出台实施意见", actual: "已出台" },
      { level1: "产出指标", level2: "数量指标", name: "向上争取科技项目", target: "200个", actual: "271个" },
      { level1: "产出指标", level2: "数量指标", name: "科技型中小企业入库", target: "500家", actual: "529家" },
      { level1: "效益指标", level2: "经济效益指标", name: "争取项目资金", target: "5000万元", actual: "9783.6万元" },
    ],
  },
});
const form = yueyangForm.parse(structuredClone(SEED_001_FORM));
const data = yueyangData(model, form, compute(model), false);
const document: FormDocument = fillForm(FORM_LAYOUTS.yueyang!, data);
const tables = document.parts.flatMap((part) =>
  part.items.flatMap((item) => (item.kind === "table" ? [item.grid] : [])),
);
const texts = (grid: (typeof tables)[number]) => grid.rows.map((row) => row.map((cell) => cell?.text ?? null));

test("every name the layout binds is data the builder gives", () => {
  const { scalars, lists } = bindingsOf(FORM_LAYOUTS.yueyang!);
  const scopes = [data, ...Object.values(data).flatMap((v) => (Array.isArray(v) ? v.slice(0, 1) : []))];
  for (const name of scalars) expect(scopes.some((scope) => name in scope)).toBe(true);
  for (const name of lists) expect(Array.isArray(data[name])).toBe(true);
});

test("the cover: the year, the unit, 预算编码, 报告日期 and 岳阳市财政局（制）", () => {
  expect(document.cover.map((line) => line.text)).toEqual([
    "岳阳市2021年度部门（单位）整体支出",
    "绩效评价自评报告",
    "部门（单位）名称：岳阳市科学技术局",
    "预算编码：21201",
    "评价方式：部门（单位）绩效自评",
    "评价机构：部门（单位）评价组",
    "报告日期：2022 年 06 月 10 日",
    "岳阳市财政局（制）",
  ]);
  expect(document.parts.map((part) => part.heading)).toEqual([
    "一、部门（单位）基本概况",
    "二、部门（单位）收支情况",
    "三、部门（单位）整体支出绩效自评情况",
    "四、评价人员",
    "五、评价报告综述（文字部分）",
  ]);
});

test("收入: two header rows (机构名称 and 收入合计 spanning both), then one row per 机构 with the seed's numbers", () => {
  const income = tables[1]!;
  expect(income.title).toBe("年度收入情况（万元）");
  expect(income.rows[0]![0]).toMatchObject({ text: "机构名称", rowSpan: 2 });
  expect(income.rows[0]![2]).toMatchObject({ text: "其中：", colSpan: 5 });
  expect(texts(income).slice(2)).toEqual([
    ["局机关及二级机构汇总", "1156.44", "186.72", "932.66", "0.00", "0.00", "37.06"],
    ["1、局机关", "874.61", "162.13", "675.42", "0.00", "0.00", "37.06"],
    ["2、科技事务中心", "281.83", "24.59", "257.24", "0.00", "0.00", "0.00"],
  ]);
});

test("支出和结余: three header rows; an empty 当年结余 prints empty, never 0", () => {
  const spending = tables[2]!;
  expect(spending.rows[1]![2]).toMatchObject({ text: "基本支出", rowSpan: 2 });
  expect(texts(spending)[3]).toEqual([
    "局机关及二级机构汇总",
    "1091.32",
    "828.54",
    "783.26",
    "45.27",
    "262.78",
    "",
    "65.12",
  ]);
  expect(texts(tables[4]!)[2]).toEqual(["局机关及二级机构汇总", "144.71", "123.31", "0.00", ""]);
});

test("三、定性 pairs and 定量 rows: 评价内容 in the form's words, 一级 merged over its rows, 二级 within it", () => {
  const grid = tables[5]!;
  const rows = texts(grid);
  expect(grid.rows[0]![0]).toMatchObject({ text: "整体支出绩效定性目标及实施计划完成情况", rowSpan: 2 });
  expect(grid.rows[2]![0]).toMatchObject({ text: "整体支出绩效定量目标及实施计划完成情况", rowSpan: 5 });
  expect(grid.rows[3]![1]).toMatchObject({ text: "产出目标", rowSpan: 3 });
  expect(grid.rows[4]![2]).toMatchObject({ text: "数量指标", rowSpan: 2 });
  expect(rows[4]!.slice(3)).toEqual(["向上争取科技项目：200个", "271个"]);
  expect(rows[6]![1]).toBe("效益目标（预期实现的效益）");
  expect(rows[6]![2]).toBe("经济效益");
  expect(rows.slice(-2)).toEqual([
    ["绩效自评综合得分", null, null, "97.00", null],
    ["评价等次", null, null, "优秀", null],
  ]);
});

test("四、评价人员: one row each, blank 签字, then the signature blocks", () => {
  const rows = texts(tables[6]!);
  expect(rows[1]).toEqual(["徐杰峰", "党组书记、局长", "岳阳市科技局", ""]);
  expect(rows.slice(-3).map((row) => row[0]!.split("\n")[0])).toEqual([
    "评价组组长（签字）：",
    "部门（单位）意见：",
    "财政部门归口业务科室意见：",
  ]);
});
