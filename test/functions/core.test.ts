import { changeRateFn, controlRate, execRate, FunctionInputError } from "../../src/functions/core";
import { FUNCTION_CATALOGUE } from "../../src/functions/catalogue";
import { readFileSync } from "node:fs";
import { join } from "node:path";

describe("custom function cores", () => {
  test("rates come back as 4-decimal fractions, 0 denominators as 不适用", () => {
    expect(controlRate(32, 39)).toBe(0.8205);
    expect(execRate(1387.53, 1387.53)).toBe(1);
    expect(changeRateFn(38.67, 18.24)).toBe(1.1201);
    expect(execRate(0, 0)).toBe("不适用");
    expect(controlRate("0", 0)).toBe("不适用");
  });

  test("bad arguments are refused with the value named", () => {
    expect(() => execRate("abc", 10)).toThrow(new FunctionInputError("invalidValue", "全年执行数应为数字，实际为「abc」"));
    expect(() => execRate(-1, 10)).toThrow("全年执行数不能为负数，实际为 -1");
    expect(() => controlRate(true, 10)).toThrow(FunctionInputError);
  });

  test("every catalogued function is declared with @customfunction in functions.ts", () => {
    const source = readFileSync(join(__dirname, "../../src/functions/functions.ts"), "utf8");
    const declared = [...source.matchAll(/@customfunction\s+(\w+)/g)].map((m) => m[1]);
    expect(declared.sort()).toEqual(FUNCTION_CATALOGUE.map((f) => f.id).sort());
  });
});
