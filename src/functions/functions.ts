/**
 * JXZP custom functions: thin entry points over core.ts. custom-functions-metadata reads the JSDoc below
 * into functions.json, and its webpack loader appends CustomFunctions.associate(id, fn) for each one, so
 * every id is associated as soon as this script loads in the shared runtime (no #NAME? after load).
 * Ids are stable: cells in saved workbooks refer to them.
 */
/* global CustomFunctions */
/* eslint-disable @typescript-eslint/no-explicit-any -- metadata type "any": Excel passes the raw cell, so core.ts can say in Chinese what is wrong with it */
import * as core from "./core";

function toExcel(compute: () => core.CellResult): core.CellResult {
  try {
    return compute();
  } catch (error) {
    if (error instanceof core.FunctionInputError) {
      const code =
        error.code === "invalidValue" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
      throw new CustomFunctions.Error(code, error.message);
    }
    throw error;
  }
}

/**
 * 预算执行率 = 全年执行数 / 全年预算数；预算为 0 时返回“不适用”。
 * @customfunction EXECRATE
 * @param executed 全年执行数（万元）
 * @param budget 全年预算数（万元）
 * @returns 执行率（小数，四位）或“不适用”
 */
export function execRate(executed: any, budget: any): number | string {
  return toExcel(() => core.execRate(executed, budget));
}

/**
 * 控制率 = 实际数 / 计划数（在职/编制、决算/预算、实际/批复）；计划数为 0 时返回“不适用”。
 * @customfunction CONTROLRATE
 * @param actual 实际数
 * @param planned 计划数（编制数、预算数或批复数）
 * @returns 控制率（小数，四位）或“不适用”
 */
export function controlRate(actual: any, planned: any): number | string {
  return toExcel(() => core.controlRate(actual, planned));
}

/**
 * 变动率 = (本期数 − 上期数) / 上期数；上期数为 0 时返回“不适用”。
 * @customfunction CHANGERATE
 * @param current 本期数（如本年决算数）
 * @param previous 上期数（如上年决算数）
 * @returns 变动率（小数，四位）或“不适用”
 */
export function changeRate(current: any, previous: any): number | string {
  return toExcel(() => core.changeRateFn(current, previous));
}

/**
 * 指标完成率：实际完成值 / 年度指标值（“≤”“不超过”等越低越好的指标为年度指标值 / 实际完成值）；时间指标返回“按期完成”或“未按期完成”。
 * @customfunction COMPLETIONRATE
 * @param target 年度指标值，如“≥95%”“120亿元”“12月底前”
 * @param actual 实际完成值，如“97%”“115.49亿元”“12月”
 * @returns 完成率（小数，四位）或文字
 */
export function completionRate(target: any, actual: any): number | string {
  return toExcel(() => core.completionRate(target, actual));
}

/**
 * 执行率得分 = 分值 × min(执行率, 100%)，保留两位小数。
 * @customfunction BUDGETSCORE
 * @param weight 分值（通常为 10）
 * @param executed 全年执行数（万元）
 * @param budget 全年预算数（万元）
 * @param [profile] 评分规则：national（全国通用，默认）或 platform（预算管理一体化平台）
 * @returns 执行率得分或“不适用”
 */
export function budgetScore(weight: any, executed: any, budget: any, profile?: any): number | string {
  return toExcel(() => core.budgetScore(weight, executed, budget, profile));
}

/**
 * 指标建议得分：完成年度指标得满分，未完成按完成值与指标值的比例记分；定性指标按评价档次。
 * @customfunction INDICATORSCORE
 * @param weight 分值
 * @param target 年度指标值
 * @param actual 实际完成值
 * @param [band] 评价档次（定性指标）：达成、部分达成、未达成，或 1、2、3
 * @param [profile] 评分规则：national（默认）或 platform
 * @returns 建议得分（两位小数）
 */
export function indicatorScore(weight: any, target: any, actual: any, band?: any, profile?: any): number | string {
  return toExcel(() => core.indicatorScore(weight, target, actual, band, profile));
}

/**
 * 总分 = 执行率得分 + 各指标得分；给出分值区域时，其合计（含执行率分值）须为 100。
 * @customfunction TOTALSCORE
 * @param executionScore 执行率得分
 * @param scores 各指标得分区域（空单元格跳过）
 * @param [weights] 分值区域（含执行率分值，可用 VSTACK 合并）
 * @param [executionRate] 执行率（platform 规则按执行率限制总分）
 * @param [profile] 评分规则：national（默认）或 platform
 * @returns 总分（两位小数）
 */
export function totalScore(
  executionScore: any,
  scores: any[][],
  weights?: any[][],
  executionRate?: any,
  profile?: any,
): number | string {
  return toExcel(() => core.totalScoreFn(executionScore, scores, weights, executionRate, profile));
}

/**
 * 绩效等次：优（≥90）、良（80–90）、中（60–80）、差（<60）。
 * @customfunction GRADE
 * @param total 总分
 * @param [profile] 评分规则：national（默认）或 platform
 * @returns 优、良、中或差
 */
export function grade(total: any, profile?: any): number | string {
  return toExcel(() => core.grade(total, profile));
}

/**
 * 把比率写成报告用的文字：82.05% 或“不适用”。
 * @customfunction PERCENTTEXT
 * @param rate 比率（小数）或“不适用”
 * @returns 百分比文字
 */
export function percentText(rate: any): number | string {
  return toExcel(() => core.percentText(rate));
}
