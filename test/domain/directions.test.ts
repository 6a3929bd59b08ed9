/**
 * Directions and units (issue 13; SPEC section 12: "a direction belongs to the indicator, not only to its
 * comparator"). Examples are rows of published self-evaluation tables (seed 000 桃源县科技局 2023, seed
 * 001 岳阳, 株洲 2024) and variants of them.
 */
import {
  completionOf,
  directionOf,
  DIRECTION_CUES,
  formatAmount,
  formatRate,
  getProfile,
  parseMeasure,
  scoreIndicator,
  unitsAgree,
  type IndicatorInput,
} from "../../src/domain";

const national = getProfile("national");
const platform = getProfile("platform");

/** What a reviewer reads off one row: direction, met, completion, basis and suggested score. */
function row(input: IndicatorInput, profile = national) {
  const s = scoreIndicator(input, profile);
  const c = s.completion;
  return {
    direction: s.target.direction,
    met: c.kind === "quantitative" || c.kind === "time" || c.kind === "qualitative" ? (c.met ?? null) : null,
    completion: c.kind === "quantitative" ? formatRate(c.rate) : null,
    basis: s.basis,
    suggested: s.suggested ? formatAmount(s.suggested) : null,
  };
}

const cost = (name: string, target: string, actual: string, extra: Partial<IndicatorInput> = {}) =>
  ({ level1: "产出指标", level2: "成本指标", name, target, actual, weight: 10, ...extra }) as IndicatorInput;

describe("less-is-better belongs to the indicator", () => {
  test("成本指标 「办公经费控制率」 ≤ 100% with 98%: met (the comparator says so, the name agrees)", () => {
    expect(row({ level1: "成本指标", level2: "经济成本指标", ...cost("办公经费控制率", "≤ 100%", "98%") })).toEqual({
      direction: "negative",
      met: true,
      completion: "102.04%",
      basis: "met",
      suggested: "10.00",
    });
  });

  test("「办公经费控制率」 100% typed without ≤: 98% is met, 102% is missed (target/actual)", () => {
    expect(row(cost("办公经费控制率", "100%", "98%"))).toMatchObject({ direction: "negative", met: true });
    expect(row(cost("办公经费控制率", "100%", "102%"))).toEqual({
      direction: "negative",
      met: false,
      completion: "98.04%",
      basis: "proportional",
      suggested: "9.80",
    });
    // Without the name the same texts are more-is-better: 98% of 100% is a miss.
    expect(row({ weight: 10, target: "100%", actual: "98%" })).toMatchObject({ direction: "positive", met: false });
  });

  test("「项目成本」 297.55万元 (a cap typed without ≤) with 310万元: missed, 95.98 %, score ∝ target/actual", () => {
    expect(row(cost("项目成本", "297.55万元", "310万元"))).toEqual({
      direction: "negative",
      met: false,
      completion: "95.98%",
      basis: "proportional",
      suggested: "9.60",
    });
    expect(row(cost("项目成本", "297.55万元", "290万元"))).toMatchObject({ met: true, basis: "met" });
    const s = scoreIndicator(cost("项目成本", "297.55万元", "310万元"), national);
    expect(s.note).toBe(
      "超过年度指标值（越低越好），按指标值与完成值的比例记分；三级指标「项目成本」含“成本”：成本不超过年度指标值为达成",
    );
    expect(s.direction).toMatchObject({ direction: "negative", source: "name" });
  });

  test("seed 000 成本指标: 基本支出控制额 297.55万元 → 295.09万元 and 项目支出控制额 1105.52万元 → 886.83万元 are met", () => {
    expect(row(cost("基本支出控制额", "297.55万元", "295.09万元"))).toMatchObject({ met: true, basis: "met" });
    // Spending well under a cap is not over-achievement: no −2 in the platform profile.
    expect(row(cost("项目支出控制额", "1105.52万元", "886.83万元"), platform)).toEqual({
      direction: "negative",
      met: true,
      completion: "124.66%",
      basis: "met",
      suggested: "10.00",
    });
  });

  test("安全事故 0 起 with 0起: met; with 2起: missed — the entered score nationally, 0 on the platform", () => {
    expect(row({ name: "安全事故", target: "0 起", actual: "0起", weight: 5 })).toMatchObject({
      direction: "negative",
      met: true,
      suggested: "5.00",
    });
    // The national text gives no rule for a missed "= 0" target: 目标/实际 is 0 for any miss.
    expect(row({ name: "安全事故", target: "0 起", actual: "2起", weight: 5, score: 3 })).toMatchObject({
      met: false,
      basis: "entered",
      suggested: "3.00",
    });
    expect(row({ name: "安全事故", target: "0 起", actual: "2起", weight: 5, score: 3 }, platform)).toMatchObject({
      met: false,
      basis: "proportional",
      suggested: "0.00",
    });
    // "=0" is the same target as "0起" (it used to count any actual ≥ 0 as met).
    expect(row({ name: "安全事故", target: "=0", actual: "2", weight: 5 })).toMatchObject({ met: false });
  });

  test.each([
    ["在职人员控制率", "100%", "95%", "105%"],
    ["预算调整率", "10%", "8%", "12%"],
    ["资金结转结余率", "5%", "3%", "9%"],
    ["三公经费控制数", "12万元", "11.5万元", "13万元"],
    ["人均培训成本", "0.2万元", "0.18万元", "0.25万元"],
    ["安全事故发生率", "1%", "0.5%", "2%"],
    ["有效投诉件数", "5件", "3件", "8件"],
    ["财务差错率", "1%", "0.5%", "1.5%"],
    ["超支金额", "2万元", "1万元", "3万元"],
  ])("「%s」 %s: %s is met, %s is missed", (name, target, under, over) => {
    expect(row({ name, target, actual: under, weight: 5 })).toMatchObject({ direction: "negative", met: true });
    expect(row({ name, target, actual: over, weight: 5 })).toMatchObject({ direction: "negative", met: false });
  });

  test("a 成本指标 level makes an amount of money a cap", () => {
    const input = { level1: "成本指标", level2: "经济成本指标", name: "项目支出", weight: 5 };
    expect(row({ ...input, target: "100万元", actual: "90万元" })).toMatchObject({ direction: "negative", met: true });
    expect(row({ ...input, target: "100万元", actual: "125万元" })).toMatchObject({
      met: false,
      completion: "80.00%",
      suggested: "4.00",
    });
    expect(directionOf(input, parseMeasure("100万元")).why).toBe(
      "一级指标「成本指标」含“成本”：成本指标（经济成本、社会成本、生态环境成本）的金额是上限，不超过年度指标值为达成",
    );
  });

  test("株洲 2024 files more-is-better rows under 成本指标: they stay more-is-better, as the department scored them", () => {
    const zz = { level1: "成本指标", weight: 5 };
    // 地方财政科技支出占比 8% → 7.42%: the department gave 4 with a 偏差原因 (a miss).
    expect(row({ ...zz, level2: "经济成本指标", name: "地方财政科技支出占比", target: "8%", actual: "7.42%" })).toEqual(
      {
        direction: "positive",
        met: false,
        completion: "92.75%",
        basis: "proportional",
        suggested: "4.64",
      },
    );
    // 全社会研发投入总量 120亿元 → 115.49亿元: money, but 投入 is more-is-better.
    expect(
      row({ ...zz, level2: "经济成本指标", name: "全社会研发投入总量", target: "120亿元", actual: "115.49亿元" }),
    ).toMatchObject({ direction: "positive", met: false, completion: "96.24%" });
    expect(
      row({ ...zz, level2: "社会成本指标", name: "科普及科技宣传活动", target: "8场", actual: "12场" }),
    ).toMatchObject({ direction: "positive", met: true });
  });

  test("more-is-better words beat the less-is-better ones they contain", () => {
    for (const name of ["成本节约率", "投诉处理率", "事故隐患整改率", "投诉处理满意度", "成本控制达标率"]) {
      expect(directionOf({ name }, parseMeasure("90%")).direction).toBe("positive");
    }
    expect(row({ name: "投诉处理率", target: "95%", actual: "98%", weight: 5 })).toMatchObject({ met: true });
  });

  test("an explicit comparator wins, and the cue it beat is kept for a finding", () => {
    expect(row(cost("项目成本", "≥297.55万元", "310万元"))).toMatchObject({ direction: "positive", met: true });
    const decision = directionOf({ name: "项目成本" }, parseMeasure("≥297.55万元"));
    expect(decision).toEqual({
      direction: "positive",
      source: "comparator",
      why: "年度指标值「≥297.55万元」写明了下限：越高越好",
      overridden: "三级指标「项目成本」含“成本”：成本不超过年度指标值为达成",
    });
    expect(directionOf({ name: "项目成本" }, parseMeasure("≤297.55万元")).overridden).toBeNull();
  });

  test("the texts alone decide where no indicator is given (the JXZP functions)", () => {
    expect(directionOf(null, parseMeasure("297.55万元"))).toMatchObject({ direction: "positive", source: "default" });
    expect(directionOf(undefined, parseMeasure("≤3%"))).toMatchObject({ direction: "negative", source: "comparator" });
    expect(directionOf({}, parseMeasure("12月"))).toMatchObject({ direction: "negative", source: "deadline" });
    expect(directionOf({}, parseMeasure("0起"))).toMatchObject({ direction: "negative", source: "zero" });
    expect(directionOf({}, parseMeasure("第35位"))).toMatchObject({ direction: "negative", source: "ranking" });
    const c = completionOf(parseMeasure("297.55万元"), parseMeasure("310万元"));
    expect(c.kind === "quantitative" && c.direction).toBe("positive");
    const named = completionOf(parseMeasure("297.55万元"), parseMeasure("310万元"), { name: "项目成本" });
    expect(named.kind === "quantitative" && formatRate(named.rate)).toBe("95.98%");
  });

  test("every cue says why, and less-is-better cues come after the exceptions they would swallow", () => {
    for (const cue of DIRECTION_CUES) expect(cue.why.length).toBeGreaterThan(4);
    const firstNegative = DIRECTION_CUES.findIndex((cue) => cue.direction === "negative");
    expect(DIRECTION_CUES.slice(firstNegative).every((cue) => cue.direction === "negative")).toBe(true);
  });
});

describe("控制在预算内 compares the actual with the budget", () => {
  test.each(["控制在预算内", "在预算范围内", "未超支", "没有超出预算", "预算内"])(
    "「%s」 is met: full weight",
    (actual) => {
      expect(row(cost("成本", "控制在预算内", actual, { weight: 5 }))).toEqual({
        direction: "negative",
        met: true,
        completion: null,
        basis: "met",
        suggested: "5.00",
      });
    },
  );

  test("an overrun is missed: the entered score stays, with a reason", () => {
    const s = scoreIndicator(cost("成本", "控制在预算内", "超支5万元", { score: 3 }), national);
    expect([s.basis, s.suggested?.toFixed(2), s.note]).toEqual([
      "entered",
      "3.00",
      "实际完成值「超支5万元」表明超出预算，请按实际情况评分并说明偏差原因",
    ]);
  });

  test("a share of the budget compares with 100%", () => {
    expect(row(cost("成本", "控制在预算内", "98%"))).toMatchObject({ met: true, completion: "102.04%" });
    expect(row(cost("成本", "不超预算", "104%"))).toMatchObject({
      met: false,
      completion: "96.15%",
      suggested: "9.62",
    });
  });

  test("an amount with no budget to compare it with, or other words, is left to the band", () => {
    expect(row(cost("成本", "控制在预算内", "297万元"))).toMatchObject({ basis: "entered", met: null });
    expect(row(cost("成本", "控制在预算内", "297万元", { band: "达成" }))).toMatchObject({ basis: "band" });
    // A band the user picked beats the words.
    expect(row(cost("成本", "控制在预算内", "未超支", { band: "部分达成" }))).toMatchObject({ basis: "band" });
  });
});

describe("the platform's −2 for ≥ 130 % is a more-is-better rule", () => {
  test("more-is-better: 5 个 → 16 个 loses 2 points", () => {
    expect(
      row({ name: "新增省级以上科技创新平台", target: "5 个", actual: "16 个", weight: 10 }, platform),
    ).toMatchObject({ basis: "overAchievement", suggested: "8.00" });
  });

  test("less-is-better: beating a cap by far keeps full weight", () => {
    expect(row({ target: "≤3%", actual: "1%", weight: 10 }, platform)).toMatchObject({
      completion: "300.00%",
      basis: "met",
      suggested: "10.00",
    });
    expect(row(cost("项目成本", "200万元", "100万元"), platform)).toMatchObject({
      completion: "200.00%",
      basis: "met",
      suggested: "10.00",
    });
    expect(row(cost("成本", "控制在预算内", "60%"), platform)).toMatchObject({ basis: "met", suggested: "10.00" });
  });
});

describe("counts agree across classifiers; persons and attendances do not", () => {
  test.each([
    ["≥10个", "12家"],
    ["10项", "12件"],
    ["8次", "12场"],
    ["0起", "0次"],
    ["3所", "3个"],
    ["100名", "102人"],
    ["≤5天", "4日"],
  ])("%s vs %s compare", (target, actual) => {
    const c = completionOf(parseMeasure(target), parseMeasure(actual));
    expect(c.kind === "quantitative" && c.met).toBe(true);
  });

  test.each([
    ["100人", "300人次"],
    ["8次", "300人次"],
    ["50户", "120人"],
    ["5天", "4个工作日"],
    ["1300 家", "95%"],
  ])("%s vs %s do not", (target, actual) => {
    const c = completionOf(parseMeasure(target), parseMeasure(actual));
    expect(c.kind === "unscorable" && c.reason).toContain("单位不一致");
  });

  test("unitsAgree", () => {
    expect(unitsAgree("个", "家")).toBe(true);
    expect(unitsAgree("次", "人次")).toBe(false);
    expect(unitsAgree("万元", "万元")).toBe(true);
    expect(unitsAgree("个", "万元")).toBe(false);
  });

  test("money converts: 亿元, 元 and the spoken 个亿 (seed 000: 大于等于3个亿, 完成20个亿)", () => {
    const c = completionOf(parseMeasure("大于等于3个亿"), parseMeasure("20亿元"));
    expect(c.kind === "quantitative" && [c.met, formatRate(c.rate)]).toEqual([true, "666.67%"]);
  });
});

describe("one deadline, however it is written", () => {
  test.each([
    ["2023年内", "在2023年内全部完成"],
    ["2023年内", "2023年内全部完成"],
    ["2023年内全部完成", "2023年12月"],
    ["2023年底前完成", "2023年11月"],
    ["年底前", "12月"],
    ["年内完成", "2023年12月"],
    ["本年度内", "11月"],
    ["全年", "全年"],
    ["12月底前全部完成", "12月"],
    ["按期完成", "已按期完成"],
    ["按期完成", "按时完成"],
    ["及时", "及时"],
  ])("%s, actual %s: met", (target, actual) => {
    expect(completionOf(parseMeasure(target), parseMeasure(actual))).toEqual({ kind: "time", met: true });
    expect(row({ target, actual, weight: 5 })).toMatchObject({ basis: "met", suggested: "5.00" });
  });

  test.each([
    ["2023年内", "2024年3月"],
    ["6月底前", "8月"],
    ["12月", "未按期完成"],
    ["2023年内", "延期完成"],
    ["按期完成", "逾期"],
    ["年底前", "未完成"],
  ])("%s, actual %s: missed", (target, actual) => {
    expect(completionOf(parseMeasure(target), parseMeasure(actual))).toEqual({ kind: "time", met: false });
  });

  test("2023年内 and 2023年内全部完成 are the same point", () => {
    expect(parseMeasure("2023年内全部完成").time).toEqual(parseMeasure("2023年内").time);
    expect(parseMeasure("年内完成").time).toEqual(parseMeasure("12月").time);
  });

  test("a dated deadline needs a dated actual; a dateless one with a date is the user's to judge", () => {
    const c = completionOf(parseMeasure("12月"), parseMeasure("按时完成"));
    expect(c.kind === "unscorable" && c.reason).toBe(
      "实际完成值「按时完成」没有写明完成时间，无法与年度指标值「12月」比较",
    );
    expect(completionOf(parseMeasure("按期完成"), parseMeasure("11月"))).toEqual({ kind: "qualitative" });
    expect(parseMeasure("按时间节点完成各阶段任务").kind).toBe("qualitative");
  });
});

describe("review follow-ups", () => {
  const profile = getProfile();
  it("项目投入成本 is a cost (投入 does not make it more-is-better)", () => {
    const score = scoreIndicator({ weight: 10, target: "100万元", actual: "120万元", name: "项目投入成本" }, profile);
    expect(score.target.direction).toBe("negative");
    expect(score.suggested?.toFixed(2)).toBe("8.33");
  });
  it("a 时限 of 5 个工作日 met in 3 is met", () => {
    const score = scoreIndicator({ weight: 5, target: "5个工作日", actual: "3个工作日", name: "办理时限" }, profile);
    expect(score.basis).toBe("met");
  });
});
