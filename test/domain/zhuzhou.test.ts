/** Recomputes every published number of the 株洲市科学技术局 2024 tables (test/fixtures/shared, the published example). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { computationJson } from "../../src/cli/computation-json";
import { compute, formatAmount, workbookModel } from "../../src/domain";

const sample = workbookModel.parse(
  JSON.parse(readFileSync(join(__dirname, "../../samples/zhuzhou-kjj-2024.json"), "utf8")),
);

describe("株洲 2024: the published figures", () => {
  const computation = compute(sample);
  const json = computationJson(computation);
  const display = (key: string) => json.computed[key]?.display;

  test("控制率 82.05%", () => {
    expect(json.computed["basic.staff.controlRate"]).toEqual({ value: "0.8205", display: "82.05%" });
  });

  test("执行率 100.00% and 执行率得分 10", () => {
    expect(display("eval.funds.executionRate")).toBe("100.00%");
    expect(display("eval.funds.score")).toBe("10.00");
  });

  test("weights total 100, total 98, grade 优", () => {
    expect(display("eval.weightTotal")).toBe("100.00");
    expect(display("eval.total")).toBe("98.00");
    expect(display("eval.grade")).toBe("优");
  });

  test("the two 成本指标 suggest 4.64 and 4.81 where 4 was entered", () => {
    const shortfalls = json.indicators.filter((i) => i.suggestedScore !== i.enteredScore);
    expect(shortfalls.map((i) => [i.name, i.enteredScore, i.suggestedScore])).toEqual([
      ["地方财政科技支出占比", "4.00", "4.64"],
      ["全社会研发投入总量", "4.00", "4.81"],
    ]);
  });

  test("楼堂馆所 rates are 不适用, not 0%", () => {
    expect(json.computed["basic.buildings.areaControlRate"]).toEqual({ value: null, display: "不适用" });
    expect(json.computed["basic.buildings.investmentControlRate"]).toEqual({ value: null, display: "不适用" });
  });

  test("三公经费 控制率 and 变动率, 公用经费控制率, 政府采购执行率", () => {
    expect(display("basic.threePublic.controlRate")).toBe("84.07%"); // 38.67 / 46
    expect(display("basic.threePublic.changeRate")).toBe("112.01%"); // (38.67 − 18.24) / 18.24
    expect(display("basic.publicFunds.controlRate")).toBe("99.98%"); // 244.1 / 244.14
    expect(display("basic.procurement.executionRate")).toBe("64.71%"); // 187 / 289
  });

  test("every indicator can be scored and the tables compute without problems", () => {
    expect(computation.problems).toEqual([]);
    expect(json.indicators.map((i) => i.kind)).toEqual([
      ...Array(5).fill("quantitative"),
      "time",
      ...Array(9).fill("quantitative"),
    ]);
  });

  test("the entered computed cells agree with the recomputed ones", () => {
    expect(sample.basic.staff.controlRate!.toString()).toBe("0.8205");
    expect(formatAmount(sample.eval.funds.score!)).toBe(display("eval.funds.score"));
    expect(formatAmount(sample.eval.total!)).toBe(display("eval.total"));
  });

  test("the platform profile deducts for 指标偏离 and keeps the grade", () => {
    const platform = computationJson(compute(sample, "platform"));
    const deviations = platform.indicators.filter((i) => i.basis === "overAchievement").map((i) => i.name);
    expect(deviations).toEqual([
      "新增省级以上科技创新平台",
      "国省科技计划立项",
      "全国重点实验室数量",
      "科普及科技宣传活动",
    ]);
    expect(platform.computed["eval.grade"]!.display).toBe("优");
  });
});
