import {
  Dec,
  executionScore,
  formatAmount,
  formatRate,
  findProfile,
  getProfile,
  gradeRuleText,
  gradeOf,
  ratio,
  resolveProfile,
  scoreIndicator,
  totalScore,
} from "../../src/domain";

const national = getProfile("national");
const platform = getProfile("platform");
const suggested = (input: Parameters<typeof scoreIndicator>[0], profile = national) => {
  const s = scoreIndicator(input, profile);
  return { basis: s.basis, suggested: s.suggested ? formatAmount(s.suggested) : null };
};

describe("执行率得分", () => {
  test("分值 × min(执行率, 100%)", () => {
    expect(formatAmount(executionScore(10, 1387.53, 1387.53).score!)).toBe("10.00");
    expect(formatAmount(executionScore(10, 900, 1000).score!)).toBe("9.00");
    expect(formatAmount(executionScore(10, 1200, 1000).score!)).toBe("10.00");
    expect(formatAmount(executionScore(10, 1, 3).score!)).toBe("3.33");
  });

  test("a 0 budget gives 不适用 and no score", () => {
    const s = executionScore(10, 0, 0);
    expect(formatRate(s.rate)).toBe("不适用");
    expect(s.score).toBeNull();
  });
});

describe("indicator scores", () => {
  test("met: full weight; not met: weight × completion", () => {
    expect(suggested({ weight: 10, target: "1300 家", actual: "1302 家" })).toEqual({
      basis: "met",
      suggested: "10.00",
    });
    expect(suggested({ weight: 5, target: "8%", actual: "7.42%" })).toEqual({
      basis: "proportional",
      suggested: "4.64",
    });
    expect(suggested({ weight: 5, target: "≤3%", actual: "4%" })).toEqual({ basis: "proportional", suggested: "3.75" });
  });

  test("a miss that the ratio cannot score (strict or negative targets) keeps the entered score", () => {
    expect(suggested({ weight: 10, target: ">95%", actual: "95%", score: 9 })).toEqual({
      basis: "entered",
      suggested: "9.00",
    });
    expect(suggested({ weight: 10, target: "≥-5%", actual: "-10%", score: 6 })).toEqual({
      basis: "entered",
      suggested: "6.00",
    });
  });

  test("qualitative: the band picked sets the range; the entered score is kept inside it", () => {
    expect(suggested({ weight: 10, target: "提高", actual: "有所提高", band: "达成" })).toEqual({
      basis: "band",
      suggested: "10.00",
    });
    expect(suggested({ weight: 10, target: "提高", actual: "有所提高", band: "2", score: 9 })).toEqual({
      basis: "band",
      suggested: "8.00",
    });
    expect(suggested({ weight: 10, target: "提高", actual: "有所提高", band: "部分达成", score: 7 })).toEqual({
      basis: "band",
      suggested: "7.00",
    });
    expect(suggested({ weight: 10, target: "提高", actual: "有所提高", band: "未达成", score: 9 })).toEqual({
      basis: "band",
      suggested: "6.00",
    });
    const range = scoreIndicator({ weight: 10, target: "提高", actual: "", band: "部分达成" }, national).range!;
    expect([formatAmount(range.min), formatAmount(range.max)]).toEqual(["6.00", "8.00"]);
  });

  test("qualitative without a band keeps the entered score", () => {
    expect(suggested({ weight: 10, target: "持续创建", actual: "已创建", score: 9 })).toEqual({
      basis: "entered",
      suggested: "9.00",
    });
    expect(suggested({ weight: 10, target: "持续创建", actual: "已创建" })).toEqual({
      basis: "entered",
      suggested: null,
    });
  });

  test("time: on time is full weight; late keeps the entered score", () => {
    expect(suggested({ weight: 5, target: "12月", actual: "12月" })).toEqual({ basis: "met", suggested: "5.00" });
    expect(suggested({ weight: 5, target: "6月底前", actual: "8月", score: 3 })).toEqual({
      basis: "entered",
      suggested: "3.00",
    });
  });

  test("unscorable texts say why", () => {
    const s = scoreIndicator({ weight: 5, target: "1300 家", actual: "95%" }, national);
    expect(s.basis).toBe("unscorable");
    expect(s.note).toContain("单位不一致");
    expect(scoreIndicator({ weight: null, target: "1", actual: "1" }, national).note).toContain("分值未填写");
  });

  test("platform profile: 130% of target or more is 指标偏离, −2", () => {
    expect(suggested({ weight: 10, target: "5 个", actual: "16 个" }, platform)).toEqual({
      basis: "overAchievement",
      suggested: "8.00",
    });
    expect(suggested({ weight: 10, target: "5 个", actual: "6 个" }, platform)).toEqual({
      basis: "met",
      suggested: "10.00",
    });
    expect(suggested({ weight: 10, target: "100", actual: "130" }, platform)).toEqual({
      basis: "overAchievement",
      suggested: "8.00",
    });
    expect(suggested({ weight: 10, target: "5 个", actual: "16 个" }, national)).toEqual({
      basis: "met",
      suggested: "10.00",
    });
  });

  test("platform profile: beating a cap is never 指标偏离 (the −2 is for more-is-better indicators)", () => {
    expect(suggested({ weight: 10, target: "≤3%", actual: "1%" }, platform)).toEqual({
      basis: "met",
      suggested: "10.00",
    });
    expect(suggested({ weight: 10, target: "0起", actual: "0起" }, platform)).toEqual({
      basis: "met",
      suggested: "10.00",
    });
    const cap = {
      weight: 10,
      level1: "产出指标",
      level2: "成本指标",
      name: "项目成本",
      target: "200万元",
      actual: "100万元",
    };
    expect(suggested(cap, platform)).toEqual({ basis: "met", suggested: "10.00" });
    const score = scoreIndicator(cap, platform);
    // The direction decided for the row is the one on its target (validation reads target.direction).
    expect([score.target.direction, score.direction.source]).toEqual(["negative", "name"]);
    expect(score.note).toBe("未超过年度指标值，得满分；三级指标「项目成本」含“成本”：成本不超过年度指标值为达成");
  });

  test("less-is-better by name: missed scores 分值 × 目标/实际 (national)", () => {
    const row = { weight: 10, level1: "产出指标", level2: "成本指标", name: "项目成本", target: "297.55万元" };
    expect(suggested({ ...row, actual: "310万元" })).toEqual({ basis: "proportional", suggested: "9.60" });
    expect(suggested({ ...row, actual: "297.55万元" })).toEqual({ basis: "met", suggested: "10.00" });
  });
});

describe("总分 and 等次", () => {
  const scores = [new Dec(40), new Dec(30), new Dec(15)];

  test("sum of 执行率得分 and indicator scores; empty scores count 0", () => {
    const total = totalScore(new Dec(10), [...scores, null], ratio(1, 1), national);
    expect(formatAmount(total.total)).toBe("95.00");
    expect(total.cap).toBeNull();
  });

  test("platform caps the total by execution rate", () => {
    const cases: Array<[number, string]> = [
      [0.79, "89.00"],
      [0.75, "89.00"],
      [0.65, "79.00"],
      [0.55, "69.00"],
      [0.45, "59.00"],
      [0.8, "95.00"],
    ];
    for (const [rate, expected] of cases) {
      expect(formatAmount(totalScore(new Dec(10), scores, ratio(rate, 1), platform).total)).toBe(expected);
      expect(formatAmount(totalScore(new Dec(10), scores, ratio(rate, 1), national).total)).toBe("95.00");
    }
  });

  test.each([
    ["100", "优"],
    ["90", "优"],
    ["89.995", "优"],
    ["89.99", "良"],
    ["80", "良"],
    ["79.99", "中"],
    ["60", "中"],
    ["59.99", "差"],
    ["0", "差"],
    ["-5", "差"],
  ])("%s → %s", (total, grade) => {
    expect(gradeOf(new Dec(total), national)).toBe(grade);
  });
});

describe("the one profile resolver", () => {
  it("finds a profile by id or Chinese name, trimmed; empty is the default", () => {
    expect(findProfile("platform")).toBe(getProfile("预算管理一体化平台"));
    expect(findProfile(" 全国通用 ")?.id).toBe("national");
    expect(findProfile("")?.id).toBe("national");
    expect(findProfile(null)?.id).toBe("national");
    expect(findProfile("mars")).toBeNull();
    expect(() => getProfile("mars")).toThrow("未知的评分口径「mars」");
  });

  it("the caller's choice beats the workbook's; an unknown saved name falls back to the default and says so", () => {
    expect(resolveProfile("platform").profile.id).toBe("platform");
    expect(resolveProfile("platform", "national").profile.id).toBe("national");
    expect(resolveProfile("某某口径")).toEqual({
      profile: getProfile(),
      savedProblem: expect.stringMatching(/^评分口径「某某口径」不认识，按“全国通用”校验/),
    });
    expect(() => resolveProfile(null, "mars")).toThrow("未知的评分口径");
  });

  it("states grade thresholds from the profile data", () => {
    expect(gradeRuleText(getProfile())).toBe("优 ≥ 90，良 80–90，中 60–80，差 < 60");
  });
});
