/** What a JXZP function refuses its arguments with: the error code (→ #VALUE! or #N/A) and the Chinese message. */
import { FunctionInputError, type FunctionErrorCode } from "../../src/functions/arguments";

export function refusal(call: () => unknown): { code: FunctionErrorCode; message: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof FunctionInputError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}
