import fc from "fast-check";
import { completionOf, formatRate, parseMeasure } from "../../src/domain";

const parsed = (text: string) => {
  const m = parseMeasure(text);
  return {
    kind: m.kind,
    comparator: m.comparator,
    value: m.value?.toString() ?? null,
    unit: m.unit,
    direction: m.direction,
  };
};

describe("parseMeasure: the texts seen in published tables (SPEC section 6)", () => {
  test.each([
    ["1300 家", { kind: "quantitative", comparator: null, value: "1300", unit: "家", direction: "positive" }],
    ["≥95%", { kind: "quantitative", comparator: ">=", value: "95", unit: "%", direction: "positive" }],
    ["3.1%", { kind: "quantitative", comparator: null, value: "3.1", unit: "%", direction: "positive" }],
    ["120亿元", { kind: "quantitative", comparator: null, value: "1200000", unit: "万元", direction: "positive" }],
    ["8次", { kind: "quantitative", comparator: null, value: "8", unit: "次", direction: "positive" }],
    ["≤3%", { kind: "quantitative", comparator: "<=", value: "3", unit: "%", direction: "negative" }],
    ["0%", { kind: "quantitative", comparator: "<=", value: "0", unit: "%", direction: "negative" }],
    ["0起", { kind: "quantitative", comparator: "<=", value: "0", unit: "起", direction: "negative" }],
    ["5天内", { kind: "quantitative", comparator: "<=", value: "5", unit: "天", direction: "negative" }],
    ["≤5个工作日", { kind: "quantitative", comparator: "<=", value: "5", unit: "个工作日", direction: "negative" }],
    ["第35位", { kind: "quantitative", comparator: "<=", value: "35", unit: "位", direction: "negative" }],
    ["1.2万人次", { kind: "quantitative", comparator: null, value: "12000", unit: "人次", direction: "positive" }],
    ["不晚于12月", { kind: "time", comparator: "<=", value: null, unit: null, direction: "negative" }],
    ["2024年底前完成", { kind: "time", comparator: "<=", value: null, unit: null, direction: "negative" }],
    ["1387.12", { kind: "quantitative", comparator: null, value: "1387.12", unit: null, direction: "positive" }],
    ["最多3次", { kind: "quantitative", comparator: "<=", value: "3", unit: "次", direction: "negative" }],
    ["100%", { kind: "quantitative", comparator: null, value: "100", unit: "%", direction: "positive" }],
    ["不低于90%", { kind: "quantitative", comparator: ">=", value: "90", unit: "%", direction: "positive" }],
    ["不少于10个", { kind: "quantitative", comparator: ">=", value: "10", unit: "个", direction: "positive" }],
    ["不超过5万元", { kind: "quantitative", comparator: "<=", value: "5", unit: "万元", direction: "negative" }],
    ["不高于2‰", { kind: "quantitative", comparator: "<=", value: "0.2", unit: "%", direction: "negative" }],
    ["3%以上", { kind: "quantitative", comparator: ">=", value: "3", unit: "%", direction: "positive" }],
    ["5天以内", { kind: "quantitative", comparator: "<=", value: "5", unit: "天", direction: "negative" }],
    ["＞９５％", { kind: "quantitative", comparator: ">", value: "95", unit: "%", direction: "positive" }],
    ["１，３００家", { kind: "quantitative", comparator: null, value: "1300", unit: "家", direction: "positive" }],
    ["1,300.5 万元", { kind: "quantitative", comparator: null, value: "1300.5", unit: "万元", direction: "positive" }],
    ["50000元", { kind: "quantitative", comparator: null, value: "5", unit: "万元", direction: "positive" }],
    ["1200平方米", { kind: "quantitative", comparator: null, value: "1200", unit: "m²", direction: "positive" }],
    ["1200㎡", { kind: "quantitative", comparator: null, value: "1200", unit: "m²", direction: "positive" }],
    ["达到95%", { kind: "quantitative", comparator: null, value: "95", unit: "%", direction: "positive" }],
    ["提高", { kind: "qualitative", comparator: null, value: null, unit: null, direction: "positive" }],
    ["持续创建", { kind: "qualitative", comparator: null, value: null, unit: null, direction: "positive" }],
    ["长期坚持", { kind: "qualitative", comparator: null, value: null, unit: null, direction: "positive" }],
    [
      "按时间节点完成各阶段任务",
      { kind: "qualitative", comparator: null, value: null, unit: null, direction: "positive" },
    ],
    ["", { kind: "empty", comparator: null, value: null, unit: null, direction: "positive" }],
  ])("%s", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  test.each([
    ["12月", { year: null, month: 12, day: null }],
    ["12月底前", { year: null, month: 12, day: null }],
    ["2023年内", { year: 2023, month: 12, day: null }],
    ["2024年6月30日前", { year: 2024, month: 6, day: 30 }],
    ["2024-09-30", { year: 2024, month: 9, day: 30 }],
  ])("time target %s", (text, time) => {
    const m = parseMeasure(text);
    expect(m.kind).toBe("time");
    expect(m.time).toEqual(time);
    expect(m.direction).toBe("negative");
  });

  test.each([
    ["2023年内全部完成", { year: 2023, month: 12, day: null }],
    ["在2023年内全部完成", { year: 2023, month: 12, day: null }],
    ["2024年底前完成", { year: 2024, month: 12, day: null }],
    ["年底前", { year: null, month: 12, day: null }],
    ["年内完成", { year: null, month: 12, day: null }],
    ["本年度内", { year: null, month: 12, day: null }],
    ["全年", { year: null, month: 12, day: null }],
    ["12月底前全部完成", { year: null, month: 12, day: null }],
  ])("deadline phrasing %s", (text, time) => {
    const m = parseMeasure(text);
    expect([m.kind, m.direction, m.directionBasis]).toEqual(["time", "negative", "deadline"]);
    expect(m.time).toEqual(time);
  });

  test.each([
    ["按期完成", true],
    ["已按时完成", true],
    ["如期完成", true],
    ["及时", true],
    ["未按期完成", false],
    ["延期完成", false],
    ["未完成", false],
  ])("dateless schedule statement %s", (text, onTime) => {
    const m = parseMeasure(text);
    expect([m.kind, m.time, m.onTime]).toEqual(["time", null, onTime]);
  });

  test("what states a direction in the text itself", () => {
    expect(parseMeasure("≥95%").directionBasis).toBe("comparator");
    expect(parseMeasure("控制在预算内")).toMatchObject({
      kind: "qualitative",
      direction: "negative",
      directionBasis: "comparator",
    });
    expect(parseMeasure("不超支")).toMatchObject({ kind: "qualitative", direction: "negative" });
    expect(parseMeasure("=0")).toMatchObject({ comparator: "=", direction: "negative", directionBasis: "zero" });
    expect(parseMeasure("0起").directionBasis).toBe("zero");
    expect(parseMeasure("第35位").directionBasis).toBe("ranking");
    expect(parseMeasure("297.55万元")).toMatchObject({ direction: "positive", directionBasis: null });
    expect(parsed("3个亿")).toEqual({
      kind: "quantitative",
      comparator: null,
      value: "30000",
      unit: "万元",
      direction: "positive",
    });
  });

  test("text with two numbers is reported as unreadable, with the reason", () => {
    const m = parseMeasure("3-5个");
    expect(m.kind).toBe("unreadable");
    expect(m.problem).toContain("多个数字");
  });

  test("property: the parser never throws, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.string({ unit: fc.constantFrom(..."≥≤<>=%万亿元家个月年日底前内0123456789.,， 以上不超过") }),
        ),
        (text) => {
          const m = parseMeasure(text);
          return ["quantitative", "qualitative", "time", "empty", "unreadable"].includes(m.kind);
        },
      ),
      { numRuns: 2000 },
    );
    for (const odd of [null, undefined, 42, {}, "\u0000", "9".repeat(5000), "1e999999999"])
      expect(() => parseMeasure(odd)).not.toThrow();
  });
});

describe("completionOf", () => {
  const completion = (target: string, actual: string) => completionOf(parseMeasure(target), parseMeasure(actual));

  test("positive: actual / target", () => {
    const c = completion("8%", "7.42%");
    expect(c.kind === "quantitative" && { met: c.met, rate: formatRate(c.rate) }).toEqual({
      met: false,
      rate: "92.75%",
    });
  });

  test("亿元 and 万元 convert before comparing", () => {
    const c = completion("120亿元", "1154900万元");
    expect(c.kind === "quantitative" && formatRate(c.rate)).toBe("96.24%");
  });

  test("negative: target / actual, met when actual ≤ target", () => {
    const met = completion("≤3%", "2%");
    expect(met.kind === "quantitative" && met.met).toBe(true);
    const missed = completion("≤3%", "4%");
    expect(missed.kind === "quantitative" && { met: missed.met, rate: formatRate(missed.rate) }).toEqual({
      met: false,
      rate: "75.00%",
    });
  });

  test("an actual without a unit takes the target's", () => {
    const c = completion("≥95%", "97");
    expect(c.kind === "quantitative" && c.met).toBe(true);
  });

  test("units that disagree cannot be scored, and say why", () => {
    const c = completion("1300 家", "95%");
    expect(c.kind).toBe("unscorable");
    expect(c.kind === "unscorable" && c.reason).toContain("单位不一致");
  });

  test("time targets compare as dates", () => {
    expect(completion("12月", "12月")).toEqual({ kind: "time", met: true });
    expect(completion("12月底前", "11月")).toEqual({ kind: "time", met: true });
    expect(completion("2024年6月30日前", "2024年7月5日")).toEqual({ kind: "time", met: false });
    expect(completion("12月", "按时完成").kind).toBe("unscorable");
  });

  test("qualitative targets need a band, not a computation", () => {
    expect(completion("提高", "有所提高")).toEqual({ kind: "qualitative" });
  });

  test("a target of 0 means none at all: 0 is met, anything more is not", () => {
    const none = completion("0起", "0起");
    expect(none.kind === "quantitative" && { met: none.met, rate: formatRate(none.rate) }).toEqual({
      met: true,
      rate: "不适用",
    });
    const some = completion("0起", "3起");
    expect(some.kind === "quantitative" && { met: some.met, rate: formatRate(some.rate) }).toEqual({
      met: false,
      rate: "0.00%",
    });
  });

  test("counting classifiers agree (个/家/项/件/次/场/起…); 人 and 人次 do not", () => {
    const counts = completion("≥10个", "12家");
    expect(counts.kind === "quantitative" && { met: counts.met, rate: formatRate(counts.rate) }).toEqual({
      met: true,
      rate: "120.00%",
    });
    expect(completion("100人", "300人次").kind).toBe("unscorable");
  });

  test("the indicator's name can make a target less-is-better (the comparator, when typed, still wins)", () => {
    const named = (target: string, actual: string, name: string) =>
      completionOf(parseMeasure(target), parseMeasure(actual), { name });
    const cost = named("297.55万元", "310万元", "项目成本");
    expect(cost.kind === "quantitative" && { met: cost.met, rate: formatRate(cost.rate) }).toEqual({
      met: false,
      rate: "95.98%",
    });
    const typed = named("≥297.55万元", "310万元", "项目成本");
    expect(typed.kind === "quantitative" && typed.direction).toBe("positive");
  });

  test("万 multiplies counting units; rankings are better when lower", () => {
    const visits = completion("1.2万人次", "12000人次");
    expect(visits.kind === "quantitative" && visits.met).toBe(true);
    const rank = completion("第35位", "第30位");
    expect(rank.kind === "quantitative" && rank.met).toBe(true);
  });
});
