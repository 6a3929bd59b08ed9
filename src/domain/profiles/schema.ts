/**
 * The shape of a scoring profile file (评分口径文件): every rule that differs between regions (SPEC §5 and §12)
 * as data, and for each rule where it comes from (a 文号 or document, and where it was found) and whether that
 * source confirms it. The shipped profiles (data/*.json) and a bureau's own file are read by this one schema;
 * `jxzp profile check` explains its errors in Chinese.
 */
import { z } from "zod";

/** A non-negative decimal as text ("0.8", "20"): rules are shares, points and thresholds. */
const decimalText = (what: string) =>
  z.string({ error: `${what}应写成数字文本，如 "0.8"` }).regex(/^\d{1,6}(\.\d{1,10})?$/, {
    error: `${what}应写成不小于 0 的数字文本，如 "0.8"`,
  });

/** A share of the weight: 0–1. */
const shareText = (what: string) =>
  decimalText(what).refine((text) => Number(text) <= 1, { error: `${what}应在 0 到 1 之间` });

/** The rules a profile sets; each has a basis (source) entry of the same id. */
export const RULE_IDS = [
  "executionRate",
  "proportional",
  "lessIsBetter",
  "zeroTarget",
  "qualitativeBands",
  "overAchievement",
  "totalCaps",
  "grades",
  "threePublicChange",
  "scoreInflation",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const sourceSchema = z.object({
  id: z.string().min(1, { error: "出处需要 id（规则的 basis 用它引用）" }),
  /** 文号 or the document's title: 财预〔2020〕10号 */
  title: z.string().min(1, { error: "出处需要 title（文号或文件名）" }),
  /** Where it was found: a URL, a repository path, a published report. */
  where: z.string().min(1, { error: "出处需要 where（在哪里找到）" }),
});

const basisSchema = z.object({
  source: z.string().min(1),
  /** Whether the source states this rule as written (false: inferred, or a reading of practice). */
  confirmed: z.boolean({ error: "confirmed 应为 true 或 false" }),
  note: z.string().optional(),
});

const bandSchema = z.object({
  id: z.enum(["达成", "部分达成", "未达成"], { error: "档次 id 只能是 达成、部分达成、未达成" }),
  label: z.string().min(1),
  min: shareText("档次下限"),
  max: shareText("档次上限"),
});

const gradeSchema = z.object({
  /** The grade as the profile writes it: 优 / 优秀 … */
  grade: z.string().min(1, { error: "等次不能为空" }),
  /** Lowest total (inclusive) for this grade; the last grade takes everything below ("-Infinity"). */
  minTotal: z.union([decimalText("等次下限"), z.literal("-Infinity")], {
    error: '等次下限应写成数字文本，最后一档写 "-Infinity"',
  }),
});

const overAchievementSchema = z.discriminatedUnion(
  "method",
  [
    /** 指标偏离: completion ≥ threshold loses `penalty` points (the platform's manual). */
    z.object({ method: z.literal("penalty"), threshold: decimalText("偏离阈值"), penalty: decimalText("扣分") }),
    /** A 数量 indicator more than `deviation` off its target either way scores 0 (四川遂宁). */
    z.object({
      method: z.literal("zeroBeyond"),
      deviation: decimalText("偏离幅度"),
      /** The 二级指标 it applies to (数量指标); empty for every quantitative indicator. */
      level2: z.array(z.string()),
    }),
  ],
  { error: "overAchievement.method 只能是 penalty 或 zeroBeyond（或整项写 null）" },
);

export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: "id 只能用小写字母、数字和连字符，如 yueyang" }),
    name: z.string().min(1, { error: "name（口径名称）不能为空" }),
    description: z.string().min(1),
    /** What the sources confirm, and what is this profile's reading, in a sentence each. */
    confirmed: z.string(),
    unconfirmed: z.string(),
    sources: z.array(sourceSchema).min(1, { error: "至少列出一个出处（sources）" }),
    executionRate: z.object({
      /** The form fixes 执行率's weight (河北: 20); null: the workbook's 执行率分值. */
      weight: decimalText("执行率分值").nullable(),
      /** 执行率得分 capped at the weight (min(执行率, 100%)). */
      capped: z.boolean(),
    }),
    /** A less-is-better indicator missed: 目标/实际 (10号) or 1 − (实际−目标)/目标, 0 at twice the target. */
    lessIsBetter: z.enum(["ratio", "linear"], { error: "lessIsBetter 只能是 ratio 或 linear" }),
    /** A "= 0" target (0 起) missed: the entered score stands (the national text is silent) or 0. */
    zeroTarget: z.enum(["entered", "allOrNothing"], { error: "zeroTarget 只能是 entered 或 allOrNothing" }),
    qualitativeBands: z.array(bandSchema).length(3, { error: "定性指标应有三个档次：达成、部分达成、未达成" }),
    overAchievement: overAchievementSchema.nullable(),
    totalCaps: z.array(z.object({ executionRateBelow: decimalText("执行率"), maxTotal: decimalText("总分上限") })),
    grades: z.array(gradeSchema).min(2, { error: "至少两个等次" }),
    /** 三公经费变动率 on 决算 (our tables' default) or on 预算 (财预〔2013〕53号). */
    threePublicChange: z.enum(["final", "budget"], { error: "threePublicChange 只能是 final 或 budget" }),
    scoreInflation: z.object({ threshold: decimalText("虚高阈值"), severity: z.enum(["warning", "info"]) }).nullable(),
    basis: z.object(Object.fromEntries(RULE_IDS.map((id) => [id, basisSchema])) as Record<RuleId, typeof basisSchema>),
  })
  .superRefine((profile, ctx) => {
    const sources = new Set(profile.sources.map((s) => s.id));
    for (const id of RULE_IDS) {
      const basis = profile.basis[id];
      if (basis && !sources.has(basis.source))
        ctx.addIssue({
          code: "custom",
          path: ["basis", id, "source"],
          message: `规则 ${id} 的出处「${basis.source}」不在 sources 中`,
        });
    }
    const totals = profile.grades.map((g) => Number(g.minTotal));
    if (totals.some((t, i) => i > 0 && t >= totals[i - 1]!))
      ctx.addIssue({ code: "custom", path: ["grades"], message: "等次应按下限从高到低排列" });
    if (profile.grades[profile.grades.length - 1]?.minTotal !== "-Infinity")
      ctx.addIssue({
        code: "custom",
        path: ["grades"],
        message: '最后一个等次的下限应为 "-Infinity"（其余分数都归它）',
      });
    if (profile.grades.slice(0, -1).some((g) => g.minTotal === "-Infinity"))
      ctx.addIssue({ code: "custom", path: ["grades"], message: '只有最后一个等次的下限可以是 "-Infinity"' });
    profile.qualitativeBands.forEach((band, i) => {
      if (Number(band.min) > Number(band.max))
        ctx.addIssue({ code: "custom", path: ["qualitativeBands", i], message: `档次「${band.id}」的下限大于上限` });
    });
    const ids = profile.qualitativeBands.map((b) => b.id).join(",");
    if (ids !== "达成,部分达成,未达成")
      ctx.addIssue({ code: "custom", path: ["qualitativeBands"], message: "三个档次应依次为 达成、部分达成、未达成" });
  });

export type ProfileFile = z.infer<typeof profileSchema>;
