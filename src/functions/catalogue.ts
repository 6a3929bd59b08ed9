/** The JXZP functions as users see them (ids are stable; names localised). Shown in the task pane. */
export interface FunctionInfo {
  readonly id: string;
  readonly zhName: string;
  readonly signature: string;
  readonly description: string;
  readonly example: string;
}

export const FUNCTION_CATALOGUE: readonly FunctionInfo[] = [
  { id: "EXECRATE", zhName: "执行率", signature: "EXECRATE(全年执行数, 全年预算数)", description: "预算执行率；预算为 0 时为“不适用”。", example: "=JXZP.EXECRATE(1387.53, 1387.53) → 100.00%" },
  { id: "CONTROLRATE", zhName: "控制率", signature: "CONTROLRATE(实际数, 计划数)", description: "在职/编制、决算/预算、实际/批复。", example: "=JXZP.CONTROLRATE(32, 39) → 82.05%" },
  { id: "CHANGERATE", zhName: "变动率", signature: "CHANGERATE(本期数, 上期数)", description: "(本期 − 上期) / 上期；上期为 0 时为“不适用”。", example: "=JXZP.CHANGERATE(38.67, 18.24) → 112.01%" },
];
