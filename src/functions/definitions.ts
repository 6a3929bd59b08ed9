/**
 * The JXZP functions, each defined once: Excel's metadata in both languages (metadata.ts), the Excel
 * entry points (functions.ts), `jxzp fn` and the task pane's list all come from here. A rate comes back
 * as a number (the cell's format shows it as a percentage) or the text 不适用, which SUM ignores.
 * Ids are stable: cells in saved workbooks refer to them.
 */
import { Dec, formatPercent } from "../domain/decimal";
import { DEFAULT_PROFILE, getProfile, gradeRuleText, PROFILE_IDS, PROFILE_WORD } from "../domain/profiles";
import { changeRate, NOT_APPLICABLE, rateNumber, ratio } from "../domain/rates";
import { executionScore, gradeOf, scoreIndicator, totalScore } from "../domain/scoring";
import { completionOf, parseMeasure } from "../domain/targets";
import { FunctionInputError, invalid, type ArgumentTypes, type CellResult } from "./arguments";
import { defineFunction, type JxzpFunction, type ParamDefinition } from "./define";

// Parameters several functions share.
const EXECUTED = {
  name: "executed",
  zhName: "全年执行数",
  type: "amount",
  description: "全年执行数（万元）",
  descriptionEn: "Amount spent in the year (10,000 yuan)",
} as const satisfies ParamDefinition;
const BUDGET = {
  name: "budget",
  zhName: "全年预算数",
  type: "amount",
  description: "全年预算数（万元）",
  descriptionEn: "Full-year budget (10,000 yuan)",
} as const satisfies ParamDefinition;
const TARGET = {
  name: "target",
  zhName: "年度指标值",
  type: "measure",
  description: "年度指标值，如“≥95%”“120亿元”“12月底前”",
  descriptionEn: 'Annual target, e.g. "≥95%", "120亿元", "12月底前"',
} as const satisfies ParamDefinition;
const ACTUAL = {
  name: "actual",
  zhName: "实际完成值",
  type: "measure",
  description: "实际完成值，如“97%”“115.49亿元”“12月”",
  descriptionEn: 'Actual value achieved, e.g. "97%", "115.49亿元", "12月"',
} as const satisfies ParamDefinition;
const PROFILE = {
  name: "profile",
  zhName: PROFILE_WORD,
  type: "profile",
  optional: true,
  description: `${PROFILE_WORD}：${PROFILE_IDS.join("、")} 或中文名，或自定义口径文件的 JSON 所在单元格；不填为 ${DEFAULT_PROFILE}`,
  descriptionEn:
    `Scoring profile: ${PROFILE_IDS.join(", ")} or its Chinese name, or a cell holding a custom profile's JSON; ` +
    `${DEFAULT_PROFILE} when omitted`,
} as const satisfies ParamDefinition;

/**
 * The row's 一级/二级/三级指标: a direction can belong to the indicator (项目成本, 控制率 … are less-is-better
 * even typed without ≤), so the helper columns pass them and score as the validator does.
 */
const INDICATOR = [
  {
    name: "level1",
    zhName: "一级指标",
    type: "text",
    optional: true,
    description: "一级指标，如“成本指标”",
    descriptionEn: "Level-1 indicator, e.g. 成本指标 (cost)",
  },
  {
    name: "level2",
    zhName: "二级指标",
    type: "text",
    optional: true,
    description: "二级指标，如“经济成本指标”",
    descriptionEn: "Level-2 indicator, e.g. 经济成本指标 (economic cost)",
  },
  {
    name: "name",
    zhName: "三级指标",
    type: "text",
    optional: true,
    description: "三级指标名称，如“项目成本”",
    descriptionEn: "Level-3 indicator name, e.g. 项目成本 (project cost)",
  },
] as const satisfies readonly ParamDefinition[];

/** A rate from rateNumber as a cell shows it; a result too large for Excel (a tiny denominator) is refused. */
function fromRateNumber(result: number | string): CellResult {
  if (typeof result !== "number") return NOT_APPLICABLE;
  if (!Number.isFinite(result)) throw invalid("结果超出 Excel 能表示的范围，请检查分母");
  return result;
}

type Measure = ArgumentTypes["measure"];

/**
 * 年度指标值 and 实际完成值 as texts. A cell formatted as a percentage sends 0.97 for "97%": where the
 * other side is a percentage, such a number is read as one. Numbers are written out in full (1e-7 is
 * "0.0000001", not "1e-7", which the parser would read as two numbers); coercion keeps them within bounds.
 */
function measureTexts(target: Measure, actual: Measure): [string, string] {
  const asText = (value: Measure, other: Measure) => {
    if (typeof value !== "number") return value;
    const number = new Dec(String(value));
    return parseMeasure(typeof other === "number" ? "" : other).unit === "%"
      ? `${number.times(100).toFixed()}%`
      : number.toFixed();
  };
  return [asText(target, actual), asText(actual, target)];
}

export const EXECRATE = defineFunction({
  id: "EXECRATE",
  zhName: "执行率",
  description: "预算执行率 = 全年执行数 / 全年预算数；预算为 0 时返回“不适用”。",
  descriptionEn:
    "Budget execution rate = amount spent / full-year budget; 不适用 (not applicable) when the budget is 0.",
  params: [EXECUTED, BUDGET],
  result: "执行率（小数，四位）或“不适用”",
  example: { args: "1387.53, 1387.53", result: "100.00%" },
  implement: ({ executed, budget }) => fromRateNumber(rateNumber(executed, budget)),
});

export const CONTROLRATE = defineFunction({
  id: "CONTROLRATE",
  zhName: "控制率",
  description: "控制率 = 实际数 / 计划数（在职/编制、决算/预算、实际/批复）；计划数为 0 时返回“不适用”。",
  descriptionEn:
    "Control rate = actual / planned (staff / authorized, final accounts / budget, actual / approved); " +
    "不适用 (not applicable) when planned is 0.",
  params: [
    { name: "actual", zhName: "实际数", type: "amount", description: "实际数", descriptionEn: "Actual amount" },
    {
      name: "planned",
      zhName: "计划数",
      type: "amount",
      description: "计划数（编制数、预算数或批复数）",
      descriptionEn: "Planned amount (authorized staff, budget or approved amount)",
    },
  ],
  result: "控制率（小数，四位）或“不适用”",
  example: { args: "32, 39", result: "82.05%" },
  implement: ({ actual, planned }) => fromRateNumber(rateNumber(actual, planned)),
});

export const CHANGERATE = defineFunction({
  id: "CHANGERATE",
  zhName: "变动率",
  description: "变动率 = (本期数 − 上期数) / 上期数；上期数为 0 时返回“不适用”。",
  descriptionEn: "Change rate = (current − previous) / previous; 不适用 (not applicable) when previous is 0.",
  params: [
    {
      name: "current",
      zhName: "本期数",
      type: "amount",
      description: "本期数（如本年决算数）",
      descriptionEn: "Current amount (e.g. this year's final accounts)",
    },
    {
      name: "previous",
      zhName: "上期数",
      type: "amount",
      description: "上期数（如上年决算数）",
      descriptionEn: "Previous amount (e.g. last year's final accounts)",
    },
  ],
  result: "变动率（小数，四位）或“不适用”",
  example: { args: "38.67, 18.24", result: "112.01%" },
  implement: ({ current, previous }) => {
    const rate = changeRate(current, previous);
    return rate.kind === "value" ? rate.value.toNumber() : NOT_APPLICABLE;
  },
});

export const COMPLETIONRATE = defineFunction({
  id: "COMPLETIONRATE",
  zhName: "完成率",
  description:
    "指标完成率：实际完成值 / 年度指标值（“≤”“不超过”等越低越好的指标为年度指标值 / 实际完成值）；" +
    "时间指标返回“按期完成”或“未按期完成”。",
  descriptionEn:
    "Indicator completion rate: actual / target (target / actual for less-is-better targets such as ≤); " +
    "a time target gives 按期完成 (on time) or 未按期完成 (late).",
  params: [TARGET, ACTUAL, ...INDICATOR],
  result: "完成率（小数，四位）或文字",
  example: { args: '"8%", "7.42%"', result: "92.75%" },
  implement: ({ target, actual, level1, level2, name }) => {
    const [targetText, actualText] = measureTexts(target, actual);
    const completion = completionOf(parseMeasure(targetText), parseMeasure(actualText), { level1, level2, name });
    switch (completion.kind) {
      case "quantitative":
        return completion.rate.kind === "value" ? completion.rate.value.toNumber() : NOT_APPLICABLE;
      case "time":
        return completion.met ? "按期完成" : "未按期完成";
      case "qualitative":
        throw new FunctionInputError(
          "notAvailable",
          `定性指标「${targetText}」没有完成率，请按达成/部分达成/未达成评分`,
        );
      case "unscorable":
        throw invalid(completion.reason);
    }
  },
});

export const BUDGETSCORE = defineFunction({
  id: "BUDGETSCORE",
  zhName: "执行率得分",
  description: "执行率得分 = 分值 × min(执行率, 100%)，保留两位小数。",
  descriptionEn: "Execution score = weight × min(execution rate, 100%), rounded to 2 decimals.",
  params: [
    {
      name: "weight",
      zhName: "分值",
      type: "weight",
      description: "分值（通常为 10）",
      descriptionEn: "Weight (usually 10)",
    },
    EXECUTED,
    BUDGET,
    // A profile may fix the weight (河北: 20) or leave the rate uncapped (rule executionRate).
    PROFILE,
  ],
  result: "执行率得分或“不适用”",
  example: { args: "10, 1387.53, 1387.53", result: "10.00" },
  implement: ({ weight, executed, budget, profile }) =>
    executionScore(weight, executed, budget, profile).score?.toNumber() ?? NOT_APPLICABLE,
});

export const INDICATORSCORE = defineFunction({
  id: "INDICATORSCORE",
  zhName: "指标得分",
  description: "指标建议得分：完成年度指标得满分，未完成按完成值与指标值的比例记分；定性指标按评价档次。",
  descriptionEn:
    "Suggested indicator score: the full weight when the target is met, otherwise in proportion to the " +
    "completion; a qualitative indicator scores by its band.",
  params: [
    { name: "weight", zhName: "分值", type: "weight", description: "分值", descriptionEn: "Weight" },
    TARGET,
    ACTUAL,
    {
      name: "band",
      zhName: "评价档次",
      type: "band",
      optional: true,
      description: "评价档次（定性指标）：达成、部分达成、未达成，或 1、2、3",
      descriptionEn: "Band of a qualitative indicator: 达成, 部分达成, 未达成 (met, partly met, not met) or 1, 2, 3",
    },
    PROFILE,
    ...INDICATOR,
  ],
  result: "建议得分（两位小数）",
  example: { args: '5, "120亿元", "115.49亿元"', result: "4.81" },
  implement: ({ weight, target, actual, band, profile, level1, level2, name }) => {
    const [targetText, actualText] = measureTexts(target, actual);
    const input = { weight, target: targetText, actual: actualText, band: band?.id, level1, level2, name };
    const result = scoreIndicator(input, profile);
    if (result.suggested) return result.suggested.toNumber();
    if (result.basis === "unscorable") throw invalid(result.note);
    throw new FunctionInputError("notAvailable", result.note.replace("，保留填报得分", "，请手工评分"));
  },
});

export const TOTALSCORE = defineFunction({
  id: "TOTALSCORE",
  // Three characters at least: Microsoft's rule for function names (总分 alone would break it).
  zhName: "绩效总分",
  description: "总分 = 执行率得分 + 各指标得分；给出分值区域时，其合计（含执行率分值）须为 100。",
  descriptionEn:
    "Total score = execution score + indicator scores; a weights range given (the execution weight " +
    "included) must total 100.",
  params: [
    {
      name: "executionScore",
      zhName: "执行率得分",
      type: "score",
      description: "执行率得分",
      descriptionEn: "Execution score",
    },
    {
      name: "scores",
      zhName: "得分区域",
      type: "range",
      description: "各指标得分区域（空单元格跳过）",
      descriptionEn: "Range of indicator scores (empty cells skipped)",
    },
    {
      name: "weights",
      zhName: "分值区域",
      type: "range",
      optional: true,
      description: "分值区域（含执行率分值，可用 VSTACK 合并）",
      descriptionEn: "Range of weights, the execution weight included (VSTACK can join them)",
    },
    {
      name: "executionRate",
      zhName: "执行率",
      type: "rate",
      optional: true,
      description: "执行率（platform 口径按执行率限制总分）",
      descriptionEn: "Execution rate (the platform profile caps the total by it)",
    },
    PROFILE,
  ],
  result: "总分（两位小数）",
  example: { args: "10, G14:G28", result: "98.00" },
  implement: ({ executionScore, scores, weights, executionRate, profile }) => {
    if (weights) {
      const sum = weights.reduce((a, b) => a.plus(b), new Dec(0));
      if (!sum.equals(100))
        throw invalid(`分值合计为 ${sum.toString()}，应为 100（含执行率分值，可用 VSTACK(执行率分值, 指标分值区域)）`);
    }
    const rate = executionRate === null ? ratio(null, null) : ratio(executionRate, 1);
    return totalScore(executionScore, scores ?? [], rate, profile).total.toNumber();
  },
});

export const GRADE = defineFunction({
  id: "GRADE",
  zhName: "绩效等次",
  description: `绩效等次：${gradeRuleText(getProfile())}。`,
  descriptionEn:
    "Grade 优/良/中/差 (excellent/good/fair/poor) of a total score: " +
    `${gradeRuleText(getProfile()).replace(/，/g, ", ")}.`,
  params: [
    { name: "total", zhName: "总分", type: "number", description: "总分", descriptionEn: "Total score" },
    PROFILE,
  ],
  result: "优、良、中或差",
  example: { args: "98", result: "优" },
  implement: ({ total, profile }) => gradeOf(new Dec(total.toString()), profile),
});

export const PERCENTTEXT = defineFunction({
  id: "PERCENTTEXT",
  zhName: "百分比文本",
  description: "把比率写成报告用的文字：82.05% 或“不适用”。",
  descriptionEn: "A rate as report text: 82.05% or 不适用 (not applicable).",
  params: [
    {
      name: "rate",
      zhName: "比率",
      type: "rate",
      description: "比率（小数）或“不适用”",
      descriptionEn: "A rate (fraction) or 不适用",
    },
  ],
  result: "百分比文字",
  example: { args: "0.8205", result: '"82.05%"' },
  implement: ({ rate }) => (rate === null ? NOT_APPLICABLE : formatPercent(new Dec(rate.toString()))),
});

/** Every JXZP function, in the order Excel and the task pane list them. */
export const JXZP_FUNCTIONS = [
  EXECRATE,
  CONTROLRATE,
  CHANGERATE,
  COMPLETIONRATE,
  BUDGETSCORE,
  INDICATORSCORE,
  TOTALSCORE,
  GRADE,
  PERCENTTEXT,
] as const;

export type FunctionId = (typeof JXZP_FUNCTIONS)[number]["id"];

/** The functions as calls over raw cell values, by id: `JXZP.EXECRATE(1387.53, 1387.53)`. */
export const JXZP = Object.fromEntries(
  JXZP_FUNCTIONS.map((fn) => [fn.id, (...args: unknown[]) => fn.invoke(args)]),
) as Record<FunctionId, (...args: unknown[]) => CellResult>;

/** A function by id (any case) or Chinese name; undefined for anything else. */
export function findFunction(idOrName: string): JxzpFunction | undefined {
  return JXZP_FUNCTIONS.find((fn) => fn.id === idOrName.toUpperCase() || fn.zhName === idOrName);
}
