/**
 * JXZP custom functions. custom-functions-metadata reads the JSDoc below into functions.json, and its
 * webpack loader appends a CustomFunctions.associate call for each function, so every id is
 * associated as soon as this script loads in the shared runtime.
 */
/* global CustomFunctions */
import { changeRateFn, controlRate, execRate, FunctionInputError, type CellResult } from "./core";

function toExcel(compute: () => CellResult): CellResult {
  try {
    return compute();
  } catch (error) {
    if (error instanceof FunctionInputError) {
      const code = error.code === "invalidValue" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
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
export function execRateFunction(executed: number, budget: number): number | string {
  return toExcel(() => execRate(executed, budget));
}

/**
 * 控制率 = 实际数 / 计划数（在职/编制、决算/预算、实际/批复）；计划数为 0 时返回“不适用”。
 * @customfunction CONTROLRATE
 * @param actual 实际数
 * @param planned 计划数（编制数、预算数或批复数）
 * @returns 控制率（小数，四位）或“不适用”
 */
export function controlRateFunction(actual: number, planned: number): number | string {
  return toExcel(() => controlRate(actual, planned));
}

/**
 * 变动率 = (本期数 − 上期数) / 上期数；上期数为 0 时返回“不适用”。
 * @customfunction CHANGERATE
 * @param current 本期数（如本年决算数）
 * @param previous 上期数（如上年决算数）
 * @returns 变动率（小数，四位）或“不适用”
 */
export function changeRateFunction(current: number, previous: number): number | string {
  return toExcel(() => changeRateFn(current, previous));
}
