/**
 * functions.json and functions.zh-cn.json as generated from the definitions: the two agree, every id,
 * name and parameter name keeps Microsoft's naming rules, and functions.json is what
 * custom-functions-metadata (Microsoft's JSDoc → metadata generator) makes of the same functions
 * declared in JSDoc, so Excel reads ours as it read the generated one.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { MATRIX_KINDS } from "../../src/functions/arguments";
import { defineFunction, type JxzpFunction } from "../../src/functions/define";
import { JXZP_FUNCTIONS } from "../../src/functions/definitions";
import {
  DEFAULT_BASE_URL,
  helpUrlOf,
  metadataFor,
  metadataJson,
  NAMING_RULES,
  type FunctionsMetadata,
} from "../../src/functions/metadata";

const english = metadataFor("en-US");
const chinese = metadataFor("zh-CN");

test("both list the same ids, help links, parameters, types and optionality", () => {
  const shape = (m: FunctionsMetadata) =>
    m.functions.map((f) => ({
      id: f.id,
      helpUrl: f.helpUrl,
      parameters: f.parameters.map(({ type, dimensionality, optional }) => ({ type, dimensionality, optional })),
      result: f.result,
    }));
  expect(shape(chinese)).toEqual(shape(english));
  expect(english.functions.map((f) => f.id)).toEqual(JXZP_FUNCTIONS.map((f) => f.id));
});

test("English Excel shows the ids with English help, Chinese Excel the Chinese names with Chinese help", () => {
  expect(english.functions.find((f) => f.id === "EXECRATE")!.name).toBe("EXECRATE");
  const execRate = chinese.functions.find((f) => f.id === "EXECRATE")!;
  expect(execRate.name).toBe("执行率");
  expect(execRate.parameters.map((p) => p.name)).toEqual(["全年执行数", "全年预算数"]);
  expect(chinese.functions.find((f) => f.id === "TOTALSCORE")!.name).toBe("绩效总分");
  // English help starts in English (Chinese words such as 不适用 may follow: they are what cells show).
  const startsInEnglish = /^[A-Za-z]/;
  for (const fn of english.functions) {
    expect(fn.description).toMatch(startsInEnglish);
    for (const parameter of fn.parameters) expect(`${fn.id} ${parameter.description}`).toMatch(/^\w+ [A-Za-z]/);
  }
  for (const fn of chinese.functions) {
    expect(fn.description).toMatch(/^\p{Script=Han}/u);
    for (const parameter of fn.parameters) expect(parameter.description).toMatch(/\p{Script=Han}/u);
  }
  expect(english.functions.map((f) => f.description)).not.toEqual(chinese.functions.map((f) => f.description));
});

test("every function links to its section of help.html under the add-in's base URL", () => {
  for (const fn of english.functions)
    expect(fn.helpUrl).toBe(`https://localhost:3000/help.html#fn-${fn.id.toLowerCase()}`);
  expect(english.functions.find((f) => f.id === "EXECRATE")!.helpUrl).toBe(
    "https://localhost:3000/help.html#fn-execrate",
  );
  const production = JSON.parse(metadataJson("zh-CN", "https://jxzp.example.gov.cn/addin/")) as FunctionsMetadata;
  expect(production.functions[0]!.helpUrl).toBe("https://jxzp.example.gov.cn/addin/help.html#fn-execrate");
  expect(helpUrlOf({ id: "GRADE" }, "https://jxzp.example.gov.cn/addin")).toBe(
    "https://jxzp.example.gov.cn/addin/help.html#fn-grade",
  );
  expect(DEFAULT_BASE_URL).toBe("https://localhost:3000/");
});

test("no data-types flag: the metadata holds the functions only", () => {
  expect(Object.keys(english)).toEqual(["functions"]);
  expect(metadataJson("en-US")).not.toContain("allowCustomDataForDataTypeAny");
});

/**
 * Microsoft's rules (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming; the
 * custom-functions-metadata generator enforces the same): ids and names start with a letter and have 3
 * to 128 characters; ids only A–Z, 0–9, "_" and "."; names Unicode letters, digits, "_" and "."; no name
 * may read as a cell reference (A1 … XFD1048576, R1C1 …). Parameter names start with a letter, use the
 * same characters, at most 128, unique within their function.
 */
describe("names keep Microsoft's naming rules", () => {
  const CELL_REFERENCE = /^(?:[A-Z]{1,3}[0-9]{1,7}|R[0-9]*C[0-9]*)$/i;
  const functions = JXZP_FUNCTIONS.map((fn) => [fn.id, fn] as const);

  test.each(functions)("%s: id and both names", (_id, fn) => {
    for (const name of [fn.id, fn.zhName]) {
      expect(name.length).toBeGreaterThanOrEqual(3);
      expect(name.length).toBeLessThanOrEqual(128);
      expect(name).toMatch(/^\p{L}/u);
      expect(name).not.toMatch(CELL_REFERENCE);
    }
    expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
    expect(fn.zhName).toMatch(/^[\p{L}0-9_.]+$/u);
    expect(fn.id).toMatch(NAMING_RULES.id);
    expect(fn.zhName).toMatch(NAMING_RULES.name);
  });

  test.each(functions)("%s: parameter names in both languages", (_id, fn) => {
    for (const names of [fn.params.map((p) => p.name), fn.params.map((p) => p.zhName)]) {
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        expect(name).toMatch(/^\p{L}[\p{L}0-9_.]*$/u);
        expect(name.length).toBeLessThanOrEqual(128);
        expect(name).toMatch(NAMING_RULES.parameter);
      }
    }
  });

  test("the generated files carry exactly those names", () => {
    for (const metadata of [english, chinese])
      for (const fn of metadata.functions) {
        expect(fn.id).toMatch(NAMING_RULES.id);
        expect(fn.name).toMatch(NAMING_RULES.name);
        for (const parameter of fn.parameters) expect(parameter.name).toMatch(NAMING_RULES.parameter);
      }
    expect(new Set(chinese.functions.map((f) => f.name)).size).toBe(chinese.functions.length);
  });

  test("the generator refuses a two-character name, such as 总分 was", () => {
    const renamed: JxzpFunction = { ...JXZP_FUNCTIONS[0], zhName: "总分" };
    expect(() => metadataFor("zh-CN", [renamed])).toThrow("not allowed");
    expect(() => metadataFor("en-US", [{ ...renamed, id: "AB" }])).toThrow("not allowed");
  });
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
    descriptionEn: "Probe",
    params: [
      { name: "a", zhName: "甲", type: "amount", description: "甲", descriptionEn: "a" },
      { name: "b", zhName: "乙", type: "band", optional: true, description: "乙", descriptionEn: "b" },
      { name: "p", zhName: "评分口径", type: "profile", optional: true, description: "丙", descriptionEn: "p" },
    ],
    result: "参数名",
    example: { args: "1", result: "a,b,p" },
    implement: (args) => Object.keys(args).join(),
  });
  expect(probe.invoke([1])).toBe("a,b,p");
  defineFunction({
    ...probe,
    params: [{ name: "a", zhName: "甲", type: "amount", description: "甲", descriptionEn: "a" }],
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
        doc: `@param ${p.optional ? `[${p.name}]` : p.name} ${p.descriptionEn}`,
        ts: `${p.name}${p.optional ? "?" : ""}: ${MATRIX_KINDS.has(p.type) ? "any[][]" : "any"}`,
      }));
      return [
        "/**",
        ` * ${fn.descriptionEn}`,
        ` * @customfunction ${fn.id}`,
        ` * @helpurl ${helpUrlOf(fn)}`,
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
  // (Its one addition, allowCustomDataForDataTypeAny, a data-types flag we leave out on purpose, is set aside.)
  const dir = mkdtempSync(join(tmpdir(), "jxzp-metadata-"));
  try {
    const file = join(dir, "functions.ts");
    writeFileSync(file, `/* eslint-disable */\n${jsdocSource(JXZP_FUNCTIONS)}\n`);
    const result = await generateCustomFunctionsMetadata(file);
    expect(result.errors).toEqual([]);
    const { allowCustomDataForDataTypeAny, ...generated } = JSON.parse(result.metadataJson) as FunctionsMetadata & {
      allowCustomDataForDataTypeAny?: boolean;
    };
    expect(allowCustomDataForDataTypeAny).toBe(true);
    expect(generated).toEqual(english);
    expect(result.associate.map((a) => a.id)).toEqual(JXZP_FUNCTIONS.map((f) => f.id));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60000);
