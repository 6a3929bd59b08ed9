/**
 * functions.ts in Node with a stand-in CustomFunctions runtime: every definition associated on load, and
 * recorded for the task pane (registration.ts): the signal the installer reads before it writes JXZP formulas.
 */
import { JXZP_FUNCTIONS } from "../../src/functions/definitions";
import { functionsRecord, recordFunctions } from "../../src/functions/registration";

class StandInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const associated: Record<string, (...args: unknown[]) => unknown> = {};

beforeAll(async () => {
  Object.assign(globalThis, {
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        if (associated[id]) throw new Error(`associated twice: ${id}`);
        associated[id] = fn;
      },
      Error: StandInError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
  });
  await import("../../src/functions/functions");
});

afterAll(() => {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
});

test("loading the script associates every id once", () => {
  expect(Object.keys(associated).sort()).toEqual(JXZP_FUNCTIONS.map((f) => f.id).sort());
});

test("Excel's trailing invocation object is ignored; refusals become CustomFunctions.Error", () => {
  const invocation = { address: "Sheet1!A1" };
  expect(associated.CONTROLRATE!(32, 39, invocation)).toBe(0.8205);
  expect(associated.GRADE!(98, null, invocation)).toBe("优");
  expect(() => associated.EXECRATE!("abc", 10, invocation)).toThrow(
    expect.objectContaining({ code: "#VALUE!", message: "全年执行数应为数字，实际为「abc」" }),
  );
  expect(() => associated.COMPLETIONRATE!("提高", "有所提高", invocation)).toThrow(
    expect.objectContaining({ code: "#N/A" }),
  );
});

test("after associating, the script records it for the pane: every id", () => {
  expect(functionsRecord()).toEqual({ state: "associated", ids: JXZP_FUNCTIONS.map((f) => f.id) });
});

test("without a custom functions runtime the script records the failure (the pane then writes values)", async () => {
  const saved = (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  try {
    await jest.isolateModulesAsync(async () => {
      await expect(import("../../src/functions/functions")).rejects.toThrow();
    });
    expect(functionsRecord()).toMatchObject({ state: "failed", error: expect.stringContaining("CustomFunctions") });
  } finally {
    Object.assign(globalThis, { CustomFunctions: saved });
    recordFunctions({ state: "associated", ids: [] });
  }
});
