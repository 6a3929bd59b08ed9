import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { columnLabel, CONTRACT, emptyModel, entryOf, labelOf, locate, SHEETS, workbookModel } from "../../src/domain";

const specKeys = readFileSync(join(__dirname, "../fixtures/shared/contract-keys.txt"), "utf8")
  .split(/\r?\n/)
  .filter(Boolean);

/** JSON Schema of the model (zod's public toJSONSchema), as far as the key paths need it. */
interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
}

/** Leaf paths of the model schema: the keys the JSON model can hold (tables and triples as one key). */
function modelKeys(schema: SchemaNode, prefix = ""): string[] {
  const properties = schema.properties;
  if (!properties) return [prefix];
  const names = Object.keys(properties).filter((key) => key !== "$schema");
  const isTriple = names.length === 3 && ["prev", "budget", "final"].every((k) => names.includes(k));
  if (isTriple) return [prefix];
  return names.flatMap((key) => modelKeys(properties[key]!, prefix ? `${prefix}.${key}` : key));
}

describe("the workbook contract", () => {
  const keys: string[] = CONTRACT.map((entry) => entry.key);

  test("every key of SPEC section 9 is in the contract", () => {
    expect(specKeys.length).toBeGreaterThan(50);
    expect(specKeys.filter((key) => !keys.includes(key))).toEqual([]);
  });

  test("contract keys and model paths are the same set (附件3's projects list has a contract of its own)", () => {
    const paths = modelKeys(z.toJSONSchema(workbookModel, { io: "input" }) as SchemaNode);
    expect(paths.filter((path) => path !== "projects").sort()).toEqual([...keys].sort());
    expect(paths).toContain("projects");
  });

  test("keys, defined names and addresses are unique", () => {
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(CONTRACT.map((e) => e.name)).size).toBe(CONTRACT.length);
    const cells = CONTRACT.flatMap((e) =>
      e.parts ? e.parts.map((p) => `${e.sheet}!${p.address}`) : [`${e.sheet}!${e.address}`],
    );
    expect(new Set(cells).size).toBe(cells.length);
  });

  test("defined names are valid Excel names that cannot be read as cell references", () => {
    for (const { name } of CONTRACT) {
      expect(name).toMatch(/^[\p{L}_][\p{L}\p{N}_.]*$/u);
      expect(name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
      expect(name.length).toBeLessThanOrEqual(255);
    }
  });

  test("every entry has a Chinese label, a kind and a role; tables list their columns", () => {
    for (const entry of CONTRACT) {
      expect(entry.label).toMatch(/\p{Script=Han}/u);
      expect(["text", "integer", "amount", "rate", "date", "table"]).toContain(entry.kind);
      if (entry.kind === "table") expect(entry.table?.columns.length).toBeGreaterThan(0);
    }
    expect(entryOf("eval.indicators").table!.columns.map((c) => c.key)).toEqual([
      "level1",
      "level2",
      "name",
      "target",
      "actual",
      "weight",
      "score",
      "deviation",
      "band",
      "completion",
      "suggestedScore",
    ]);
  });

  test("computed cells are marked computed", () => {
    const computed = CONTRACT.filter((e) => e.role === "computed").map((e) => e.key);
    expect(computed).toEqual(
      expect.arrayContaining([
        "basic.staff.controlRate",
        "eval.funds.executionRate",
        "eval.funds.score",
        "eval.total",
        "eval.grade",
      ]),
    );
    expect(computed).not.toContain("basic.staff.authorized");
  });

  test("sheet names fit Excel's 31-character limit and locate() names the cell", () => {
    for (const sheet of Object.values(SHEETS)) expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(locate("basic.staff.controlRate")).toBe("附件1 基础数据表!D5");
  });

  test("a blank model holds every key as an empty cell", () => {
    const blank = emptyModel();
    expect(blank.basic.staff.authorized).toBeNull();
    expect(blank.basic.threePublic.total).toEqual({ prev: null, budget: null, final: null });
    expect(blank.eval.indicators).toEqual([]);
  });
});

test("keys are a type: a misspelt key does not compile, a table key gives its layout without assertions", () => {
  // @ts-expect-error "basic.staf.actual" is not a contract key
  expect(() => labelOf("basic.staf.actual")).toThrow(RangeError);
  expect(labelOf("basic.threePublic.vehicles")).toBe("公务用车购置和维护经费");
  expect(entryOf("eval.indicators").table.name).toBe("绩效指标");
  expect(columnLabel("eval.indicators", "weight")).toBe("分值");
  expect(entryOf("basic.procurement").parts.map((p) => p.part)).toEqual(["prev", "budget", "final"]);
});
