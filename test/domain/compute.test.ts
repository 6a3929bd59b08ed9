/**
 * Compute once: the helper columns (完成率, 建议得分) that compute() hands to the xlsx writer are exactly
 * what the JXZP functions return in those cells, given the row's 一级/二级/三级指标 and the 评分口径 as the
 * formulas pass them (null where the cell's IFERROR shows it empty); and what the sheet's formulas show
 * (总分 without a cap, no 等次 before any score) comes from the same record.
 */
import fc from "fast-check";
import { compute, getProfile, sheetValues, workbookModel } from "../../src/domain";
import { COMPLETIONRATE, INDICATORSCORE } from "../../src/functions/definitions";

const TEXTS = [
  "≥95%",
  "97%",
  "90%",
  "120亿元",
  "115.49亿元",
  "≤3%",
  "5%",
  "12月底前",
  "12月",
  "次年1月",
  "≥10个",
  "12个",
  "好",
  "达成",
  "=0",
  "0",
  "控制在预算内",
  "abc",
  "",
  "100%",
  "≥-5%",
  "-10%",
];
const BANDS = [null, "达成", "部分达成", "未达成", "2", "优秀"];
const WEIGHTS = [null, "0", "5", "10", "12.5", "100", "120", "-3"];

/** What the cell shows: the function's result, or null where it refuses (IFERROR → ""). */
function cell(call: () => number | string): number | string | null {
  try {
    return call();
  } catch {
    return null;
  }
}

test("helper-column values computed once equal the JXZP functions in the cell", () => {
  const row = fc.record({
    target: fc.constantFrom(...TEXTS),
    actual: fc.constantFrom(...TEXTS),
    weight: fc.constantFrom(...WEIGHTS),
    band: fc.constantFrom(...BANDS),
    score: fc.constantFrom(null, "0", "3", "5", "10"),
    level1: fc.constantFrom(null, "产出指标", "成本指标"),
    level2: fc.constantFrom(null, "数量指标", "经济成本指标"),
    name: fc.constantFrom(null, "项目成本", "办公经费控制率", "安全事故", "高新技术企业数", "投诉处理及时率"),
  });
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.constantFrom("national", "platform"), (rows, id) => {
      const model = workbookModel.parse({ eval: { indicators: rows } });
      const computation = compute(model, id);
      computation.indicators.forEach((indicator, i) => {
        const r = model.eval.indicators[i]!;
        const weight = r.weight === null ? null : r.weight.toNumber();
        const levels = [r.level1, r.level2, r.name];
        expect(indicator.helper.completion).toEqual(cell(() => COMPLETIONRATE.invoke([r.target, r.actual, ...levels])));
        expect(indicator.helper.suggestedScore).toEqual(
          cell(() => INDICATORSCORE.invoke([weight, r.target, r.actual, r.band, getProfile(id).name, ...levels])),
        );
      });
    }),
    { numRuns: 400 },
  );
});

test("the sheet's own 总分 is uncapped and its 等次 waits for a score", () => {
  const platform = workbookModel.parse({
    eval: {
      funds: { fullYearBudget: 100, executed: 40, weight: 10 },
      indicators: [{ weight: 90, score: 90, target: "1", actual: "1" }],
    },
  });
  const computation = compute(platform, "platform");
  expect(computation.total.total.toFixed(2)).toBe("59.00");
  expect(computation.sheet.total.toFixed(2)).toBe("94.00");
  expect(sheetValues(computation).find((v) => v.key === "eval.grade")).toMatchObject({ text: "优" });
  const unscored = compute(workbookModel.parse({ eval: { indicators: [{ weight: 90 }] } }));
  expect(unscored.scored).toBe(false);
  expect(sheetValues(unscored).some((v) => v.key === "eval.grade")).toBe(false);
});

test("总分 is provisional when 执行率得分 cannot be scored, and says why", () => {
  const noBudget = workbookModel.parse({ eval: { funds: { fullYearBudget: 0, executed: 12.5, weight: 10 } } });
  expect(compute(noBudget).provisional).toBe("全年预算数为 0，预算执行率不适用：执行率得分无法计算，总分与等次为暂定");
  const noWeight = workbookModel.parse({ eval: { funds: { fullYearBudget: 100, executed: 80 } } });
  expect(compute(noWeight).provisional).toBe("执行率分值未填写：执行率得分无法计算，总分与等次为暂定");
  const complete = workbookModel.parse({ eval: { funds: { fullYearBudget: 100, executed: 80, weight: 10 } } });
  expect(compute(complete).provisional).toBeNull();
});

test("预算调整率 is the 基本支出 adjustment over the 基本支出 it adjusts", () => {
  const model = workbookModel.parse({
    basic: { budgetAdjustment: { budget: 0, final: 8.58 } },
    eval: { funds: { initialBudget: 974.62, expense: { basic: 965.72, project: 421.81 } } },
  });
  const rate = compute(model).values.find((v) => v.key === "basic.budgetAdjustment.rate");
  expect(rate).toMatchObject({ label: "预算调整率", type: "rate" });
  expect(rate?.type === "rate" && rate.rate.kind === "value" ? rate.rate.value.toFixed(4) : null).toBe("0.0089");
});
