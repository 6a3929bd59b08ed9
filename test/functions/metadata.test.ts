/**
 * functions.json and functions.zh-cn.json as generated from the definitions: the two agree, and they
 * are what custom-functions-metadata (Microsoft's JSDoc → metadata generator) makes of the same
 * functions declared in JSDoc, so Excel reads ours as it read the generated one.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { MATRIX_KINDS } from "../../src/functions/arguments";
import { defineFunction, type JxzpFunction } from "../../src/functions/define";
import { JXZP_FUNCTIONS } from "../../src/functions/definitions";
import { metadataFor, type FunctionsMetadata } from "../../src/functions/metadata";

const english = metadataFor("en-US");
const chinese = metadataFor("zh-CN");

test("both list the same ids, parameters, types and optionality", () => {
  const shape = (m: FunctionsMetadata) =>
    m.functions.map((f) => ({
      id: f.id,
      description: f.description,
      parameters: f.parameters.map(({ type, dimensionality, optional, description }) => ({
        type,
        dimensionality,
        optional,
        description,
      })),
    }));
  expect(shape(chinese)).toEqual(shape(english));
  expect(english.functions.map((f) => f.id)).toEqual(JXZP_FUNCTIONS.map((f) => f.id));
});

test("English Excel shows the ids, Chinese Excel the Chinese names, both with Chinese help", () => {
  expect(english.functions.find((f) => f.id === "EXECRATE")!.name).toBe("EXECRATE");
  const execRate = chinese.functions.find((f) => f.id === "EXECRATE")!;
  expect(execRate.name).toBe("执行率");
  expect(execRate.parameters.map((p) => p.name)).toEqual(["全年执行数", "全年预算数"]);
  for (const fn of english.functions) {
    expect(fn.description).toMatch(/\p{Script=Han}/u);
    for (const parameter of fn.parameters) expect(parameter.description).toMatch(/\p{Script=Han}/u);
  }
});

test("ranges are matrices and optional arguments are optional", () => {
  const total = english.functions.find((f) => f.id === "TOTALSCORE")!;
  expect(total.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual([
    ["executionScore", "scalar", false],
    ["scores", "matrix", false],
    ["weights", "matrix", true],
    ["executionRate", "scalar", true],
    ["profile", "scalar", true],
  ]);
});

test("help texts say 评分口径 and take the grade thresholds from the profile", () => {
  const zh = (id: string) => chinese.functions.find((f) => f.id === id)!;
  expect(zh("GRADE").description).toBe("绩效等次：优 ≥ 90，良 80–90，中 60–80，差 < 60。");
  expect(zh("GRADE").parameters.map((p) => p.name)).toEqual(["总分", "评分口径"]);
  expect(JSON.stringify(chinese)).not.toContain("评分规则");
});

test("every definition's parameters reach its implementation by name, in order, and only those", () => {
  const probe = defineFunction({
    id: "PROBE",
    zhName: "探测",
    description: "探测",
    params: [
      { name: "a", zhName: "甲", type: "amount", description: "甲" },
      { name: "b", zhName: "乙", type: "band", optional: true, description: "乙" },
      { name: "p", zhName: "评分口径", type: "profile", optional: true, description: "丙" },
    ],
    result: "参数名",
    example: { args: "1", result: "a,b,p" },
    implement: (args) => Object.keys(args).join(),
  });
  expect(probe.invoke([1])).toBe("a,b,p");
  defineFunction({
    ...probe,
    params: [{ name: "a", zhName: "甲", type: "amount", description: "甲" }],
    // @ts-expect-error -- the compiler refuses an implementation that reads an undeclared parameter
    implement: ({ a, b }) => `${a.toString()}${String(b)}`,
  });
  for (const fn of JXZP_FUNCTIONS) {
    const [en, zh] = [english, chinese].map((m) => m.functions.find((f) => f.id === fn.id)!);
    expect(en!.parameters.map((p) => p.name)).toEqual(fn.params.map((p) => p.name));
    expect(zh!.parameters.map((p) => p.name)).toEqual(fn.params.map((p) => p.zhName));
  }
});

test("the generator refuses names Excel would refuse and duplicates", () => {
  const execRate = JXZP_FUNCTIONS[0];
  const renamed = (fields: Partial<JxzpFunction>): JxzpFunction => ({ ...execRate, ...fields });
  expect(() => metadataFor("en-US", [renamed({ id: "EXEC-RATE" })])).toThrow("not allowed");
  expect(() => metadataFor("zh-CN", [renamed({ zhName: "执行 率" })])).toThrow("not allowed");
  expect(() => metadataFor("zh-CN", [execRate, renamed({ id: "OTHER" })])).toThrow("appears twice");
});

/** The definitions as a JSDoc-annotated functions file, the way functions.ts declared them before. */
function jsdocSource(functions: readonly JxzpFunction[]): string {
  return functions
    .map((fn) => {
      const params = fn.params.map((p) => ({
        doc: `@param ${p.optional ? `[${p.name}]` : p.name} ${p.description}`,
        ts: `${p.name}${p.optional ? "?" : ""}: ${MATRIX_KINDS.has(p.type) ? "any[][]" : "any"}`,
      }));
      return [
        "/**",
        ` * ${fn.description}`,
        ` * @customfunction ${fn.id}`,
        ...params.map((p) => ` * ${p.doc}`),
        ` * @returns ${fn.result}`,
        " */",
        `export function f${fn.id}(${params.map((p) => p.ts).join(", ")}): number | string {`,
        "  return 0;",
        "}",
      ].join("\n");
    })
    .join("\n\n");
}

test("custom-functions-metadata makes of the same functions in JSDoc exactly our functions.json", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jxzp-metadata-"));
  try {
    const file = join(dir, "functions.ts");
    writeFileSync(file, `/* eslint-disable */\n${jsdocSource(JXZP_FUNCTIONS)}\n`);
    const result = await generateCustomFunctionsMetadata(file);
    expect(result.errors).toEqual([]);
    expect(JSON.parse(result.metadataJson)).toEqual(english);
    expect(result.associate.map((a) => a.id)).toEqual(JXZP_FUNCTIONS.map((f) => f.id));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60000);
