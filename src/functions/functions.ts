/**
 * The custom functions runtime's entry point (functions.js): associates every JXZP function's id with
 * its definition as soon as this script loads in the shared runtime (no #NAME? after load), then records
 * that it did (registration.ts) for the task pane, which writes JXZP formulas only where they can work.
 * A bad argument becomes a CustomFunctions.Error carrying the Chinese message.
 */
/* global CustomFunctions */
import { FunctionInputError, type CellResult } from "./arguments";
import { JXZP_FUNCTIONS } from "./definitions";
import { recordFunctions } from "./registration";

function toExcel(compute: () => CellResult): CellResult {
  try {
    return compute();
  } catch (error) {
    if (error instanceof FunctionInputError) {
      const code =
        error.code === "invalidValue" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
      throw new CustomFunctions.Error(code, error.message);
    }
    throw error;
  }
}

try {
  for (const fn of JXZP_FUNCTIONS) {
    // Excel passes the arguments, then an invocation object, which invoke ignores.
    CustomFunctions.associate(fn.id, (...args: unknown[]) => toExcel(() => fn.invoke(args)));
  }
  recordFunctions({ state: "associated", ids: JXZP_FUNCTIONS.map((fn) => fn.id) });
} catch (error) {
  // No custom functions runtime (CustomFunctions undefined): the pane writes values instead of formulas.
  recordFunctions({ state: "failed", error: error instanceof Error ? error.message : String(error) });
  throw error;
}
