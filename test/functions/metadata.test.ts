/** The en-US metadata (custom-functions-metadata, from JSDoc) and the zh-CN one cannot drift. */
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { FUNCTION_CATALOGUE } from "../../src/functions/catalogue";
import { localizeMetadata, type FunctionsMetadata } from "../../src/functions/localize-metadata";

let english: FunctionsMetadata;
let chinese: FunctionsMetadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(join(__dirname, "../../src/functions/functions.ts"));
  expect(result.errors).toEqual([]);
  english = JSON.parse(result.metadataJson);
  chinese = localizeMetadata(english);
}, 60000);

test("both list the same ids, parameters, types and optionality", () => {
  const shape = (m: FunctionsMetadata) =>
    m.functions.map((f) => ({
      id: f.id,
      parameters: f.parameters.map(({ type, dimensionality, optional }) => ({ type, dimensionality, optional })),
    }));
  expect(shape(chinese)).toEqual(shape(english));
  expect(english.functions.map((f) => f.id)).toEqual(FUNCTION_CATALOGUE.map((f) => f.id));
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

test("a catalogue that drifts from functions.ts fails the localisation (and so the build)", () => {
  const drifted = FUNCTION_CATALOGUE.map((f) => (f.id === "GRADE" ? { ...f, params: f.params.slice(0, 1) } : f));
  expect(() => localizeMetadata(english, drifted)).toThrow("GRADE: parameters");
  expect(() => localizeMetadata(english, FUNCTION_CATALOGUE.slice(1))).toThrow("the catalogue 8");
});
