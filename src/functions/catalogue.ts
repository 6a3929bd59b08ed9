/**
 * The JXZP functions as users see them: stable ids (also the en-US names), Chinese names, parameter names
 * in both languages. functions.ts must declare exactly these (a test checks), the zh-CN metadata file is
 * generated from this list, and the task pane shows it.
 */
export interface FunctionParam {
  /** Name in functions.ts and in the en-US metadata. */
  readonly name: string;
  readonly zhName: string;
  readonly optional?: boolean;
}

export interface FunctionInfo {
  readonly id: string;
  readonly zhName: string;
  readonly params: readonly FunctionParam[];
  readonly description: string;
  /** An example call's arguments and the result a cell shows. */
  readonly example: { readonly args: string; readonly result: string };
}

const p = (name: string, zhName: string, optional = false): FunctionParam => ({ name, zhName, optional });

export const FUNCTION_CATALOGUE: readonly FunctionInfo[] = [
  {
    id: "EXECRATE",
    zhName: "执行率",
    params: [p("executed", "全年执行数"), p("budget", "全年预算数")],
    description: "预算执行率；预算为 0 时为“不适用”。",
    example: { args: "1387.53, 1387.53", result: "100.00%" },
  },
  {
    id: "CONTROLRATE",
    zhName: "控制率",
    params: [p("actual", "实际数"), p("planned", "计划数")],
    description: "在职/编制、决算/预算、实际/批复。",
    example: { args: "32, 39", result: "82.05%" },
  },
  {
    id: "CHANGERATE",
    zhName: "变动率",
    params: [p("current", "本期数"), p("previous", "上期数")],
    description: "(本期 − 上期) / 上期；上期为 0 时为“不适用”。",
    example: { args: "38.67, 18.24", result: "112.01%" },
  },
  {
    id: "COMPLETIONRATE",
    zhName: "完成率",
    params: [p("target", "年度指标值"), p("actual", "实际完成值")],
    description: "实际/目标（越低越好的指标为目标/实际）；时间指标为“按期完成”或“未按期完成”。",
    example: { args: '"8%", "7.42%"', result: "92.75%" },
  },
  {
    id: "BUDGETSCORE",
    zhName: "执行率得分",
    params: [
      p("weight", "分值"),
      p("executed", "全年执行数"),
      p("budget", "全年预算数"),
      p("profile", "评分规则", true),
    ],
    description: "分值 × min(执行率, 100%)，保留两位小数。",
    example: { args: "10, 1387.53, 1387.53", result: "10.00" },
  },
  {
    id: "INDICATORSCORE",
    zhName: "指标得分",
    params: [
      p("weight", "分值"),
      p("target", "年度指标值"),
      p("actual", "实际完成值"),
      p("band", "评价档次", true),
      p("profile", "评分规则", true),
    ],
    description: "建议得分：完成得满分，未完成按比例；定性指标按评价档次（达成/部分达成/未达成）。",
    example: { args: '5, "120亿元", "115.49亿元"', result: "4.81" },
  },
  {
    id: "TOTALSCORE",
    zhName: "总分",
    params: [
      p("executionScore", "执行率得分"),
      p("scores", "得分区域"),
      p("weights", "分值区域", true),
      p("executionRate", "执行率", true),
      p("profile", "评分规则", true),
    ],
    description: "执行率得分 + 各指标得分；给出分值区域时其合计（含执行率分值）须为 100。",
    example: { args: "10, G14:G28", result: "98.00" },
  },
  {
    id: "GRADE",
    zhName: "绩效等次",
    params: [p("total", "总分"), p("profile", "评分规则", true)],
    description: "优 ≥ 90，良 80–90，中 60–80，差 < 60。",
    example: { args: "98", result: "优" },
  },
  {
    id: "PERCENTTEXT",
    zhName: "百分比文本",
    params: [p("rate", "比率")],
    description: "把比率写成报告用的文字：82.05% 或“不适用”。",
    example: { args: "0.8205", result: '"82.05%"' },
  },
];

/** The name Excel shows: Chinese in Chinese Excel (functions.zh-cn.json), the id elsewhere. */
export function nameOf(fn: FunctionInfo, language: "zh" | "en" = "zh"): string {
  return language === "zh" ? fn.zhName : fn.id;
}

/** "全年执行数, 全年预算数" (optional parameters in brackets). */
export function paramsOf(fn: FunctionInfo, language: "zh" | "en" = "zh"): string {
  return fn.params
    .map((param) => {
      const name = language === "zh" ? param.zhName : param.name;
      return param.optional ? `[${name}]` : name;
    })
    .join(", ");
}

/** "EXECRATE(全年执行数, 全年预算数)": the id as typed on the command line, with Chinese parameter names. */
export function signatureOf(fn: FunctionInfo): string {
  return `${fn.id}(${paramsOf(fn)})`;
}

/** "=JXZP.执行率(1387.53, 1387.53) → 100.00%". */
export function exampleOf(fn: FunctionInfo, language: "zh" | "en" = "zh"): string {
  return `=JXZP.${nameOf(fn, language)}(${fn.example.args}) → ${fn.example.result}`;
}
