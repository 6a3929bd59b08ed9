/** The one argument coercion: every kind that can refuse a value names the parameter in its Chinese message. */
import { Dec } from "../../src/domain/decimal";
import { getProfile, PROFILE_WORD } from "../../src/domain/profiles";
import { ARGUMENT_KINDS, coerce, type ArgumentKind } from "../../src/functions/arguments";
import { JXZP_FUNCTIONS } from "../../src/functions/definitions";
import { refusal } from "../support/refusal";

/** For each kind: a value it accepts, and one it refuses (null: it accepts anything). */
const SAMPLES: Record<ArgumentKind, { good: unknown; bad: unknown }> = {
  number: { good: -1, bad: "abc" },
  amount: { good: 1, bad: -1 },
  weight: { good: 10, bad: 120 },
  score: { good: 10, bad: "十" },
  rate: { good: 0.5, bad: "一半" },
  measure: { good: "≥95%", bad: null },
  text: { good: "成本指标", bad: null },
  band: { good: "达成", bad: "很好" },
  profile: { good: "platform", bad: "mars" },
  range: { good: [[1], [null]], bad: [[1], ["四十"]] },
};

test("the samples cover every kind", () => {
  expect(Object.keys(SAMPLES).sort()).toEqual([...ARGUMENT_KINDS].sort());
});

test("today's messages: not a number, not filled in, over 100, negative, a range's cell", () => {
  expect(refusal(() => coerce("amount", "abc", "全年执行数")).message).toBe("全年执行数应为数字，实际为「abc」");
  expect(refusal(() => coerce("amount", null, "全年执行数")).message).toBe("全年执行数未填写");
  expect(refusal(() => coerce("amount", true, "实际数")).message).toBe("实际数应为数字，实际为 true");
  expect(refusal(() => coerce("amount", -1, "全年执行数")).message).toBe("全年执行数不能为负数，实际为 -1");
  expect(refusal(() => coerce("weight", 120, "分值")).message).toBe("分值不能大于 100，实际为 120");
  expect(refusal(() => coerce("number", Infinity, "总分")).message).toBe("总分应为数字，实际为 Infinity");
  expect(refusal(() => coerce("range", [[40], ["四十"]], "得分区域")).message).toBe(
    "得分第2行第1列应为数字，实际为「四十」",
  );
  expect(refusal(() => coerce("profile", "mars", PROFILE_WORD)).message).toMatch(/^未知的评分口径「mars」，可选：/);
  expect(refusal(() => coerce("band", "很好", "评价档次")).message).toBe(
    "评价档次「很好」无法识别，可选：达成（1）、部分达成（2）、未达成（3）",
  );
});

test("every kind that refuses a value names the parameter (a range its cells)", () => {
  for (const kind of ARGUMENT_KINDS) {
    const { bad } = SAMPLES[kind];
    if (bad === null) continue;
    // The profile's message names it by the product's word, which is what every profile parameter is called.
    const label = kind === "profile" ? PROFILE_WORD : "某参数区域";
    const { code, message } = refusal(() => coerce(kind, bad, label));
    expect(code).toBe("invalidValue");
    expect(message).toContain(kind === "range" ? "某参数第2行第1列" : label);
  }
});

test("every parameter of every function, given a bad value, is named by its Chinese name", () => {
  for (const fn of JXZP_FUNCTIONS) {
    fn.params.forEach((param, i) => {
      const { bad } = SAMPLES[param.type];
      if (bad === null) return;
      const args = fn.params.map((p, j) => (i === j ? bad : SAMPLES[p.type].good));
      const { message } = refusal(() => fn.invoke(args));
      expect([fn.id, message]).toEqual([fn.id, expect.stringContaining(param.zhName.replace(/区域$/, ""))]);
    });
  }
});

test("typed values: exact text numbers, empty and 不适用 as null where a value may be missing", () => {
  expect(coerce("amount", "1,387.53", "全年执行数")).toEqual(new Dec("1387.53"));
  expect(coerce("amount", 32, "实际数")).toBe(32);
  expect(coerce("score", "不适用", "执行率得分")).toBeNull();
  expect(coerce("rate", "", "执行率")).toBeNull();
  expect(coerce("range", null, "分值区域")).toBeNull();
  expect(coerce("range", [[40], [null], [""], 30], "得分区域")!.map(String)).toEqual(["40", "30"]);
  expect(coerce("measure", 0.97, "实际完成值")).toBe(0.97);
  expect(coerce("measure", null, "实际完成值")).toBe("");
  expect(coerce("band", 2, "评价档次")!.id).toBe("部分达成");
  expect(coerce("band", " ", "评价档次")).toBeNull();
  expect(coerce("profile", "预算管理一体化平台", PROFILE_WORD).id).toBe("platform");
  expect(coerce("profile", null, PROFILE_WORD)).toBe(getProfile());
});
