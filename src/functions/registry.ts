/** Every JXZP function by id, as plain functions over core.ts: the CLI (`jxzp fn`) and the formula-engine tests call these. */
import * as core from "./core";

export type FunctionImplementation = (...args: unknown[]) => core.CellResult;

export const FUNCTION_IMPLEMENTATIONS: Readonly<Record<string, FunctionImplementation>> = {
  EXECRATE: (executed, budget) => core.execRate(executed, budget),
  CONTROLRATE: (actual, planned) => core.controlRate(actual, planned),
  CHANGERATE: (current, previous) => core.changeRateFn(current, previous),
  COMPLETIONRATE: (target, actual) => core.completionRate(target, actual),
  BUDGETSCORE: (weight, executed, budget, profile) => core.budgetScore(weight, executed, budget, profile),
  INDICATORSCORE: (weight, target, actual, band, profile) => core.indicatorScore(weight, target, actual, band, profile),
  TOTALSCORE: (execution, scores, weights, rate, profile) =>
    core.totalScoreFn(execution, scores, weights, rate, profile),
  GRADE: (total, profile) => core.grade(total, profile),
  PERCENTTEXT: (rate) => core.percentText(rate),
};

/** Excel's error values for our error codes. */
export const EXCEL_ERROR_TEXT: Record<core.FunctionErrorCode, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
};
