/**
 * 评分口径 as data (issue 20, SPEC §12): every shipped profile file is valid and cites its sources; each rule
 * variant shows its difference on a row made to show it; a bureau's own file is read with Chinese errors
 * and kept in the workbook by name and hash; findings and scores say which rule made them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  compareProfiles,
  customLabel,
  Dec,
  executionScore,
  formatAmount,
  getProfile,
  gradeOf,
  parseProfileFile,
  profileHash,
  PROFILES,
  resolveProfile,
  RULE_IDS,
  ruleText,
  scoreIndicator,
  validate,
  workbookModel,
  type IndicatorInput,
  type ScoringProfile,
} from "../../src/domain";
import { compute } from "../../src/domain/compute";
import { loadSample } from "../support/model-inputs";

const suggested = (input: IndicatorInput, id: string) => {
  const score = scoreIndicator(input, getProfile(id));
  return { suggested: score.suggested ? formatAmount(score.suggested) : null, rule: score.rule, note: score.note };
};

describe("the shipped profiles", () => {
  test.each(Object.keys(PROFILES))(
    "%s: every rule has a basis whose source is listed, and says what is confirmed",
    (id) => {
      const profile = PROFILES[id]!;
      expect(profile.confirmed.length).toBeGreaterThan(5);
      expect(profile.unconfirmed.length).toBeGreaterThan(5);
      for (const rule of RULE_IDS) {
        expect(profile.sources.map((s) => s.id)).toContain(profile.basis[rule].source);
        expect(ruleText(profile, rule)).not.toBe("");
      }
    },
  );

  test("the national default is unchanged: 10, capped, ratio, bands 80/60, grades 90/80/60, no caps", () => {
    const national = getProfile();
    expect(national.id).toBe("national");
    expect(national.executionRate).toEqual({ weight: null, capped: true });
    expect(national.totalCaps).toEqual([]);
    expect(national.grades.map((g) => `${g.grade}${g.minTotal}`)).toEqual(["优90", "良80", "中60", "差-Infinity"]);
  });
});

describe("each rule variant, on a row made to show the difference", () => {
  test("less-is-better missed at 1.25 × the target: 0.80 of the weight (目标/实际) vs 0.75 (linear)", () => {
    const row = { name: "项目成本", target: "≤100万元", actual: "125万元", weight: 10 };
    expect(suggested(row, "national")).toMatchObject({ suggested: "8.00", rule: "lessIsBetter" });
    expect(suggested(row, "platform")).toMatchObject({ suggested: "7.50", rule: "lessIsBetter" });
    // Twice the target: nothing left under the linear rule.
    expect(suggested({ ...row, actual: "210万元" }, "platform").suggested).toBe("0.00");
  });

  test("scores are one division from the measures, rounded once (half-up at the third decimal)", () => {
    // 3 × 5/24 = 0.625 → 0.63 and 3 × (48 − 25)/24 = 2.875 → 2.88, as Excel's ROUND gives them.
    expect(suggested({ name: "完成数", target: "≥24个", actual: "5个", weight: 3 }, "national").suggested).toBe("0.63");
    expect(suggested({ name: "成本", target: "≤24万元", actual: "25万元", weight: 3 }, "platform").suggested).toBe(
      "2.88",
    );
  });

  test("a 0 起 target missed by one: the entered score stands nationally, 0 on the platform", () => {
    const row = { name: "安全事故", target: "0起", actual: "1起", weight: 5, score: 4 };
    expect(suggested(row, "national")).toMatchObject({ suggested: "4.00", rule: "zeroTarget" });
    expect(suggested(row, "platform")).toMatchObject({ suggested: "0.00", rule: "zeroTarget" });
  });

  test("执行率 76 %: 7.60 with weight 10, 15.20 with weight 20 (河北's form fixes 20)", () => {
    expect(formatAmount(executionScore(10, 76, 100, getProfile("national")).score!)).toBe("7.60");
    expect(formatAmount(executionScore(10, 76, 100, getProfile("hebei")).score!)).toBe("15.20");
    expect(formatAmount(executionScore(null, 76, 100, getProfile("hebei")).score!)).toBe("15.20");
  });

  test("执行率得分 capped at the weight unless the profile says not", () => {
    const uncapped: ScoringProfile = { ...getProfile(), executionRate: { weight: null, capped: false } };
    expect(formatAmount(executionScore(10, 110, 100).score!)).toBe("10.00");
    expect(formatAmount(executionScore(10, 110, 100, uncapped).score!)).toBe("11.00");
  });

  test("总分 85: 良 under 90/80/60, 优 under 80/70/60; 岳阳 writes 优秀", () => {
    expect(gradeOf(new Dec(85), getProfile("national"))).toBe("良");
    expect(gradeOf(new Dec(85), getProfile("platform-80"))).toBe("优");
    expect(gradeOf(new Dec(92), getProfile("yueyang"))).toBe("优秀");
    expect(gradeOf(new Dec(85), getProfile("yueyang"))).toBe("良好");
  });

  test("qualitative bands 80/60 vs 80/50 (江西): 部分达成 spans 6–8 or 5–8 of 10 points", () => {
    const row = { name: "服务对象满意度", target: "提高", actual: "有所提高", weight: 10, band: "部分达成" };
    const range = (id: string) => {
      const score = scoreIndicator(row, getProfile(id));
      return [formatAmount(score.range!.min), formatAmount(score.range!.max), score.rule];
    };
    expect(range("national")).toEqual(["6.00", "8.00", "qualitativeBands"]);
    expect(range("jiangxi")).toEqual(["5.00", "8.00", "qualitativeBands"]);
  });

  test("over-achievement: −2 at 130 % (platform), 0 beyond ±30 % for 数量指标 (遂宁), nothing nationally", () => {
    const row = { level2: "数量指标", name: "培训人次", target: "≥100人次", actual: "135人次", weight: 10 };
    expect(suggested(row, "national")).toMatchObject({ suggested: "10.00", rule: "proportional" });
    expect(suggested(row, "platform")).toMatchObject({ suggested: "8.00", rule: "overAchievement" });
    expect(suggested(row, "suining")).toMatchObject({ suggested: "0.00", rule: "overAchievement" });
    // Short by 35 %: proportional nationally, 0 in 遂宁; a 质量指标 is not a 数量指标.
    expect(suggested({ ...row, actual: "65人次" }, "national").suggested).toBe("6.50");
    expect(suggested({ ...row, actual: "65人次" }, "suining").suggested).toBe("0.00");
    expect(suggested({ ...row, level2: "质量指标" }, "suining").suggested).toBe("10.00");
    // Exactly 30 % off is not beyond 30 %.
    expect(suggested({ ...row, actual: "130人次" }, "suining").suggested).toBe("10.00");
  });

  test("三公经费变动率 on 决算 (default) or on 预算 (财预〔2013〕53号)", () => {
    const model = loadSample();
    const rate = (profile: ScoringProfile) =>
      compute(model, profile).values.find((v) => v.key === "basic.threePublic.changeRate");
    const onBudget: ScoringProfile = { ...getProfile(), threePublicChange: "budget" };
    const { prev, budget, final } = model.basic.threePublic.total;
    const expected = (n: Dec) => n.minus(prev!).dividedBy(prev!).toDecimalPlaces(4).toString();
    expect(rate(getProfile())).toMatchObject({ rate: { kind: "value" } });
    const shown = (r: ReturnType<typeof rate>) =>
      r?.type === "rate" && r.rate.kind === "value" ? r.rate.value.toString() : null;
    expect(shown(rate(getProfile()))).toBe(expected(final!));
    expect(shown(rate(onBudget))).toBe(expected(budget!));
  });
});

describe("a bureau's own profile file", () => {
  const national = JSON.parse(readFileSync(join(__dirname, "../../src/domain/profiles/data/national.json"), "utf8"));

  test("a valid file is read; its hash ignores key order and spacing", () => {
    const own = { ...national, id: "zz-city", name: "某市口径" };
    const read = parseProfileFile(JSON.stringify(own, null, 2), "某市.json");
    expect("profile" in read).toBe(true);
    const reordered = Object.fromEntries(Object.entries(own).reverse());
    const again = parseProfileFile(JSON.stringify(reordered), "某市.json");
    if (!("profile" in read) || !("profile" in again)) throw new Error("unreadable");
    expect(profileHash(read.profile)).toBe(profileHash(again.profile));
    expect(customLabel(read.profile)).toMatch(/^某市口径（自定义 [0-9a-f]{8}）$/);
  });

  test("errors name the field, in Chinese", () => {
    const broken = {
      ...national,
      id: "Bad Id",
      lessIsBetter: "log",
      grades: [
        { grade: "优", minTotal: "90" },
        { grade: "差", minTotal: "0" },
      ],
      basis: { ...national.basis, grades: { source: "无此出处", confirmed: true } },
    };
    delete broken.zeroTarget;
    const read = parseProfileFile(JSON.stringify(broken), "坏.json");
    expect("problems" in read && read.problems).toEqual(
      expect.arrayContaining([
        "坏.json：id：id 只能用小写字母、数字和连字符，如 yueyang",
        "坏.json：lessIsBetter：lessIsBetter 只能是 ratio 或 linear",
        "坏.json：zeroTarget：缺少这一项",
      ]),
    );
    expect(parseProfileFile("{", "坏.json")).toEqual({
      problems: [expect.stringMatching(/^坏\.json 不是有效的 JSON/)],
    });
    const refine = parseProfileFile(
      JSON.stringify({ ...broken, id: "ok", lessIsBetter: "ratio", zeroTarget: "entered" }),
      "坏.json",
    );
    expect("problems" in refine && refine.problems).toEqual(
      expect.arrayContaining([
        "坏.json：basis.grades.source：规则 grades 的出处「无此出处」不在 sources 中",
        '坏.json：grades：最后一个等次的下限应为 "-Infinity"（其余分数都归它）',
      ]),
    );
  });

  test("kept in the workbook by name and hash: used when the file is given, said when it is not or differs", () => {
    const read = parseProfileFile(JSON.stringify({ ...national, id: "zz-city", name: "某市口径" }), "某市.json");
    if (!("profile" in read)) throw new Error("unreadable");
    const label = customLabel(read.profile);
    expect(resolveProfile(label, read.profile)).toEqual({ profile: read.profile, savedProblem: null });
    expect(resolveProfile(label).savedProblem).toMatch(/是自定义口径，需要它的口径文件.*现按“全国通用”校验/);
    const changed = { ...read.profile, grades: getProfile("platform-80").grades };
    expect(resolveProfile(label, changed).savedProblem).toMatch(/与给出的口径文件（某市口径，[0-9a-f]{8}）内容不同/);
  });
});

describe("every score and finding says which rule made it", () => {
  test("a hand score that differs from the suggestion carries the rule and its source", () => {
    const model = workbookModel.parse({
      ...JSON.parse(JSON.stringify(loadSample())),
    });
    const findings = validate(model).findings.filter((f) => f.rule === "score.suggested");
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.basis).toMatch(/^按“全国通用”：.+。依据：/);
    const platform = validate(model, { profile: "platform" }).findings.find((f) => f.rule === "score.inflation");
    if (platform) expect(platform.basis).toMatch(/依据：预算管理一体化系统 绩效模块/);
  });

  test("compare: 总分 and 等次 under each profile and the rows that score differently", () => {
    const model = loadSample();
    const comparison = compareProfiles(model, ["national", "platform", "platform-80"]);
    expect(comparison.columns.map((c) => c.profile.id)).toEqual(["national", "platform", "platform-80"]);
    for (const column of comparison.columns) expect(column.grade).not.toBe("");
    // The same entered scores: the same 总分 unless a cap applies; the grade lines differ.
    expect(comparison.columns[0]!.total.toString()).toBe(comparison.columns[2]!.total.toString());
    for (const row of comparison.rows)
      expect(new Set(row.scores.map((s) => s.suggested?.toString())).size).toBeGreaterThan(1);
  });
});
