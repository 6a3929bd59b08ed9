import { describeModelIssues, parseModel, workbookModel } from "../../src/domain";

const issues = (input: unknown) => {
  const parsed = parseModel(input);
  return parsed.success ? [] : describeModelIssues(parsed.error);
};

describe("the model schema", () => {
  test("amounts accept JSON numbers and decimal strings, exactly", () => {
    const model = workbookModel.parse({
      basic: { threePublic: { total: { prev: 18.24, budget: "46", final: "38.67" } } },
    });
    expect(model.basic.threePublic.total.budget!.toString()).toBe("46");
    expect(model.basic.threePublic.total.final!.plus(model.basic.threePublic.total.prev!).toString()).toBe("56.91");
  });

  test("an empty cell (null) is distinct from 0", () => {
    const model = workbookModel.parse({ basic: { procurement: { prev: null, budget: 0 } } });
    expect(model.basic.procurement.prev).toBeNull();
    expect(model.basic.procurement.budget!.isZero()).toBe(true);
    expect(model.basic.procurement.final).toBeNull();
  });

  test("full-width digits and separators in amount text are read", () => {
    expect(
      workbookModel.parse({ eval: { funds: { executed: "１，３８７．５３" } } }).eval.funds.executed!.toString(),
    ).toBe("1387.53");
  });

  test("text cells are trimmed and empty text is an empty cell", () => {
    const model = workbookModel.parse({ basic: { unit: "  株洲市科学技术局 ", savingMeasures: "" } });
    expect(model.basic.unit).toBe("株洲市科学技术局");
    expect(model.basic.savingMeasures).toBeNull();
  });

  test("entered rates accept fractions, percentage text and 不适用", () => {
    const model = workbookModel.parse({
      basic: { staff: { controlRate: "82.05%" }, buildings: { areaControlRate: "不适用", investmentControlRate: 0.5 } },
    });
    expect(model.basic.staff.controlRate!.toString()).toBe("0.8205");
    expect(model.basic.buildings.areaControlRate).toBe("不适用");
    expect(workbookModel.safeParse({ basic: { staff: { controlRate: "1e99999999999999999%" } } }).success).toBe(false);
  });

  test("errors name the key path and label in Chinese, with the value found", () => {
    expect(issues({ basic: { staff: { actual: 32.5 } } })).toEqual([
      "basic.staff.actual（实际在职人数）：应为整数，实际为 32.5",
    ]);
    expect(issues({ basic: { threePublic: { total: { final: "三十八" } } } })).toEqual([
      "basic.threePublic.total.final（三公经费·N年决算数）：应为数字，实际为「三十八」",
    ]);
    expect(issues({ basic: { staff: { authorised: 39 } } })).toEqual([
      "basic.staff：有未知的键：authorised（键名见 jxzp contract）",
    ]);
    expect(issues({ eval: { indicators: [{ name: "a" }, { weight: "x" }] } })).toEqual([
      "eval.indicators[2].weight（绩效指标·分值）：应为数字，实际为「x」",
    ]);
    expect(issues({ basic: { filledOn: "2024/5/15" } })).toEqual([
      "basic.filledOn（填报日期）：应为日期，格式 YYYY-MM-DD，实际为「2024/5/15」",
    ]);
  });
});
