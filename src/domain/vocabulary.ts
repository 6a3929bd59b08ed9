/** The fixed vocabulary of 一级/二级指标 (SPEC section 3). Level 2 belongs to its level 1. */
export const INDICATOR_LEVELS: Readonly<Record<string, readonly string[]>> = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
};

export const LEVEL1 = Object.keys(INDICATOR_LEVELS);

export function isLevel2Of(level1: string, level2: string): boolean {
  return INDICATOR_LEVELS[level1]?.includes(level2) ?? false;
}

/**
 * Words in an indicator's name (三级指标) or level (一级/二级指标) that tell which way it is better
 * (SPEC section 12: "a direction belongs to the indicator, not only to its comparator"). Read by
 * `directionOf` in targets.ts, the one place a direction is decided. Each cue says why, in Chinese: the
 * reason is shown with the score.
 */
export interface DirectionCue {
  /** Where the words are looked for. */
  readonly field: "name" | "level";
  /** Tested on the text with spaces removed and full-width forms folded (NFKC). */
  readonly pattern: RegExp;
  readonly direction: "positive" | "negative";
  /** Only when the 年度指标值 is an amount of money (万元, 亿元, 元). */
  readonly moneyOnly?: boolean;
  readonly why: string;
}

/**
 * Checked in order; the first match decides. The more-is-better cues come first: they are the
 * exceptions to the words below them (成本节约率, 投诉处理率, 事故隐患整改率, 研发投入).
 */
export const DIRECTION_CUES: readonly DirectionCue[] = [
  // More is better, although the name also says 成本, 投诉, 事故…
  { field: "name", pattern: /节约|节支|节省/, direction: "positive", why: "节约、节支的金额或比例越高越好" },
  {
    field: "name",
    pattern: /(降低|下降|压减|减少)(率|额|金额|比例|幅度)/,
    direction: "positive",
    why: "降低率、压减率衡量减少了多少，越高越好",
  },
  {
    field: "name",
    pattern: /(处理|办结|解决|结案|整改|查处|处置|回复|受理|化解)(及时)?率/,
    direction: "positive",
    why: "对事故、投诉、问题的处理率、办结率、整改率越高越好",
  },
  {
    field: "name",
    pattern: /(达标|合格|完成|执行|到位|覆盖|通过|知晓|及时|兑现|使用|支付|拨付|满意)率|满意度/,
    direction: "positive",
    why: "达标率、完成率、满意度等衡量做到的比例，越高越好",
  },
  {
    field: "name",
    // 投入 but not 投入成本: a cost stays a cost (项目投入成本 100万元 → 120万元 is over, not 120 %).
    pattern: /投入(?!成本)/,
    direction: "positive",
    why: "投入（研发投入、资金投入）越多越好；株洲 2024 自评表把「全社会研发投入总量」列在成本指标下，按越高越好评分",
  },
  // Less is better.
  {
    field: "name",
    pattern: /控制率/,
    direction: "negative",
    why: "控制率 = 实际数 / 批复数（在职人员、三公经费、公用经费、投资概算），不超过年度指标值为达成",
  },
  { field: "name", pattern: /调整率/, direction: "negative", why: "预算调整率：调整越少越好" },
  {
    field: "name",
    pattern: /结转结余|结余率|结转率/,
    direction: "negative",
    why: "结转结余率：年末未用的资金越少越好",
  },
  { field: "name", pattern: /控制额|控制数/, direction: "negative", why: "控制额、控制数是支出上限" },
  { field: "name", pattern: /成本/, direction: "negative", why: "成本不超过年度指标值为达成" },
  { field: "name", pattern: /事故/, direction: "negative", why: "事故（起数、事故率）越少越好" },
  { field: "name", pattern: /投诉/, direction: "negative", why: "投诉（件数、投诉率）越少越好" },
  { field: "name", pattern: /差错/, direction: "negative", why: "差错（次数、差错率）越少越好" },
  { field: "name", pattern: /超支/, direction: "negative", why: "超支越少越好" },
  { field: "name", pattern: /发生率/, direction: "negative", why: "发生率（事故、案件、疫情的发生）越低越好" },
  {
    field: "name",
    pattern: /时限|时长|用时|办理时间|办结时间|响应时间|周期/,
    direction: "negative",
    why: "办理时限、响应时间、周期越短越好（5个工作日的时限用了3个工作日是提前完成）",
  },
  // The level is a weaker sign: published tables file 支出占比 8%, 活动次数, 宣传活动 8场 under 成本指标 and
  // score them more-is-better (株洲 2024), so the level alone decides only a cap in money.
  {
    field: "level",
    pattern: /成本/,
    direction: "negative",
    moneyOnly: true,
    why: "成本指标（经济成本、社会成本、生态环境成本）的金额是上限，不超过年度指标值为达成",
  },
];
