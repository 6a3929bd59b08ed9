/** The JXZP functions as cells compute them: raw cell values in, what the cell shows (or the refusal) out. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JXZP, JXZP_FUNCTIONS } from "../../src/functions/definitions";
import { refusal } from "../support/refusal";

const SAMPLE = JSON.parse(readFileSync(join(__dirname, "../../samples/zhuzhou-kjj-2024.json"), "utf8"));
const indicators: Array<{ target: string; actual: string; weight: number; score: number }> = SAMPLE.eval.indicators;

describe("株洲 2024 through the functions", () => {
  test("控制率 0.8205, 执行率 1, 执行率得分 10", () => {
    expect(JXZP.CONTROLRATE(32, 39)).toBe(0.8205);
    expect(JXZP.EXECRATE(1387.53, 1387.53)).toBe(1);
    expect(JXZP.BUDGETSCORE(10, 1387.53, 1387.53)).toBe(10);
  });

  test("the 成本指标 suggest 4.64 and 4.81; every other indicator its full weight", () => {
    const suggested = indicators.map((row) => JXZP.INDICATORSCORE(row.weight, row.target, row.actual));
    expect(suggested).toEqual([10, 10, 5, 5, 5, 5, 5, 5, 5, 5, 10, 4.64, 4.81, 5, 5]);
  });

  test("total 98 from the entered scores (weights 100 with 执行率's 10), grade 优", () => {
    const scores = indicators.map((row) => [row.score]);
    const weights = [[10], ...indicators.map((row) => [row.weight])];
    expect(JXZP.TOTALSCORE(10, scores, weights)).toBe(98);
    expect(JXZP.GRADE(98)).toBe("优");
  });

  test("楼堂馆所 0/0 is 不适用", () => {
    expect(JXZP.CONTROLRATE(0, 0)).toBe("不适用");
    expect(JXZP.PERCENTTEXT(JXZP.CONTROLRATE(0, 0))).toBe("不适用");
  });
});

describe("EXECRATE, CONTROLRATE, CHANGERATE", () => {
  test("null, empty text and 0 denominators", () => {
    expect(JXZP.EXECRATE(5, 0)).toBe("不适用");
    expect(refusal(() => JXZP.EXECRATE(null, 10))).toEqual({ code: "invalidValue", message: "全年执行数未填写" });
    expect(refusal(() => JXZP.EXECRATE(10, ""))).toEqual({ code: "invalidValue", message: "全年预算数未填写" });
  });

  test("text numbers, full-width digits and thousands separators are read exactly", () => {
    expect(JXZP.EXECRATE("900", "1,000")).toBe(0.9);
    expect(JXZP.CONTROLRATE("３２", "３９")).toBe(0.8205);
  });

  test("a comma that is not a thousands separator is not ignored", () => {
    expect(refusal(() => JXZP.EXECRATE("38,67", 100)).message).toBe("全年执行数应为数字，实际为「38,67」");
    expect(JXZP.EXECRATE("1,387.53", "1,387.53")).toBe(1);
  });

  test("overflowing numbers are refused, never Infinity or NaN", () => {
    expect(refusal(() => JXZP.EXECRATE("1e99999999999999999", 5)).message).toBe(
      "全年执行数数值过大（绝对值应小于 1e15），实际为「1e99999999999999999」",
    );
    expect(refusal(() => JXZP.EXECRATE(5, 5e-324)).message).toBe(
      "全年预算数数值过小（非零时绝对值应不小于 1e-20），实际为 5e-324",
    );
    expect(JXZP.PERCENTTEXT(-0.00004)).toBe("0.00%");
  });

  test("negative amounts and words are refused, naming the value", () => {
    expect(refusal(() => JXZP.EXECRATE(-1, 10)).message).toBe("全年执行数不能为负数，实际为 -1");
    expect(refusal(() => JXZP.CONTROLRATE("三十二", 39)).message).toBe("实际数应为数字，实际为「三十二」");
    expect(refusal(() => JXZP.CONTROLRATE(true, 39)).message).toBe("实际数应为数字，实际为 true");
  });

  test("变动率 may be negative and is 不适用 without a previous year", () => {
    expect(JXZP.CHANGERATE(38.67, 18.24)).toBe(1.1201);
    expect(JXZP.CHANGERATE(10, 20)).toBe(-0.5);
    expect(JXZP.CHANGERATE(10, 0)).toBe("不适用");
  });
});

describe("COMPLETIONRATE", () => {
  test("direction aware, with 亿元 and time targets", () => {
    expect(JXZP.COMPLETIONRATE("8%", "7.42%")).toBe(0.9275);
    expect(JXZP.COMPLETIONRATE("120亿元", "115.49亿元")).toBe(0.9624);
    expect(JXZP.COMPLETIONRATE("≤3%", "4%")).toBe(0.75);
    expect(JXZP.COMPLETIONRATE("12月", "12月")).toBe("按期完成");
    expect(JXZP.COMPLETIONRATE("6月底前", "8月")).toBe("未按期完成");
  });

  test("a percent-formatted cell (0.97 for 97%) compares with a percentage target", () => {
    expect(JXZP.COMPLETIONRATE("≥95%", 0.97)).toBe(1.0211);
    expect(JXZP.INDICATORSCORE(10, "≥95%", 0.9)).toBe(9.47);
  });

  test("qualitative targets and mismatched units are errors that say why", () => {
    expect(refusal(() => JXZP.COMPLETIONRATE("提高", "有所提高")).code).toBe("notAvailable");
    expect(refusal(() => JXZP.COMPLETIONRATE("1300 家", "95%")).message).toContain("单位不一致");
  });
});

describe("BUDGETSCORE, INDICATORSCORE", () => {
  test("execution over 100% scores the weight; a weight over 100 is refused", () => {
    expect(JXZP.BUDGETSCORE(10, 1200, 1000)).toBe(10);
    expect(JXZP.BUDGETSCORE(10, 1, 3)).toBe(3.33);
    expect(JXZP.BUDGETSCORE(10, 0, 0)).toBe("不适用");
    expect(refusal(() => JXZP.BUDGETSCORE(110, 1, 1)).message).toBe("分值不能大于 100，实际为 110");
  });

  test("qualitative indicators take the band: 达成/部分达成/未达成 or 1/2/3", () => {
    expect(JXZP.INDICATORSCORE(10, "提高", "有所提高", "达成")).toBe(10);
    expect(JXZP.INDICATORSCORE(10, "提高", "有所提高", 2)).toBe(8);
    expect(JXZP.INDICATORSCORE(10, "提高", "有所提高", "未达成")).toBe(6);
    expect(refusal(() => JXZP.INDICATORSCORE(10, "提高", "有所提高")).code).toBe("notAvailable");
    expect(refusal(() => JXZP.INDICATORSCORE(10, "提高", "有所提高", "很好")).message).toContain(
      "评价档次「很好」无法识别",
    );
  });

  test("the platform profile, by id or Chinese name", () => {
    expect(JXZP.INDICATORSCORE(10, "5 个", "16 个", null, "platform")).toBe(8);
    expect(JXZP.INDICATORSCORE(10, "5 个", "16 个", null, "预算管理一体化平台")).toBe(8);
    expect(JXZP.INDICATORSCORE(10, "5 个", "16 个")).toBe(10);
    expect(refusal(() => JXZP.INDICATORSCORE(10, "5", "6", null, "mars")).message).toContain("未知的评分口径「mars」");
  });

  test("time targets: on time full weight, late needs a hand score", () => {
    expect(JXZP.INDICATORSCORE(5, "12月", "12月")).toBe(5);
    expect(refusal(() => JXZP.INDICATORSCORE(5, "6月底前", "8月")).message).toContain("请按实际情况评分");
  });
});

describe("TOTALSCORE, GRADE, PERCENTTEXT", () => {
  test("empty cells in ranges are skipped; a weights total other than 100 says the sum", () => {
    expect(JXZP.TOTALSCORE(10, [[40], [null], [""], [30]])).toBe(80);
    expect(refusal(() => JXZP.TOTALSCORE(10, [[40]], [[10], [50], [50]])).message).toContain(
      "分值合计为 110，应为 100",
    );
    expect(refusal(() => JXZP.TOTALSCORE(10, [[40], ["四十"]])).message).toBe("得分第2行第1列应为数字，实际为「四十」");
    expect(JXZP.TOTALSCORE(10, [[40], 30, null] as unknown as unknown[][])).toBe(80); // ragged input from the CLI
    expect(JXZP.TOTALSCORE(10, 40)).toBe(50);
  });

  test("the platform caps the total by execution rate", () => {
    expect(JXZP.TOTALSCORE(7.5, [[85]], null, 0.75, "platform")).toBe(89);
    expect(JXZP.TOTALSCORE(7.5, [[85]], null, 0.75)).toBe(92.5);
  });

  test("等次 boundaries and report text", () => {
    expect([90, 89.99, 80, 79.99, 60, 59.99].map((t) => JXZP.GRADE(t))).toEqual(["优", "良", "良", "中", "中", "差"]);
    expect(JXZP.PERCENTTEXT(0.8205)).toBe("82.05%");
    expect(JXZP.PERCENTTEXT(1.12005)).toBe("112.01%");
  });
});

test("every id is defined once, and JXZP calls each definition", () => {
  const ids = JXZP_FUNCTIONS.map((f) => f.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(Object.keys(JXZP).sort()).toEqual([...ids].sort());
});
