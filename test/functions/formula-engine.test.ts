/**
 * The JXZP functions in a real formula engine: HyperFormula (a test-only dev dependency under its
 * GPL-v3 licence key, never bundled) evaluates a sheet laid out like 附件2, whose cells call
 * =JXZP.EXECRATE(...), =JXZP.INDICATORSCORE(...), =JXZP.TOTALSCORE(...) over real cell ranges.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import { FunctionInputError } from "../../src/functions/arguments";
import { JXZP_FUNCTIONS } from "../../src/functions/definitions";

/** Range arguments arrive as SimpleRangeValue; scalars as numbers, strings or empty values. */
function toCell(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toCell));
  if (typeof value === "object" && value !== null && !(value instanceof CellError)) return null; // EmptyValue
  return value;
}

type RunArgs = Parameters<FunctionPlugin["runFunction"]>;

class JxzpPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    JXZP_FUNCTIONS.map((fn) => [
      `JXZP.${fn.id}`,
      {
        method: "jxzp",
        parameters: fn.params.map((p) => ({
          argumentType: FunctionArgumentType.ANY,
          optionalArg: p.optional ?? false,
        })),
      },
    ]),
  );

  jxzp(ast: { procedureName: string; args: RunArgs[0] }, state: RunArgs[1]) {
    const fn = JXZP_FUNCTIONS.find((f) => `JXZP.${f.id}` === ast.procedureName)!;
    const meta = JxzpPlugin.implementedFunctions[ast.procedureName]!;
    return this.runFunction(ast.args, state, meta, (...args: unknown[]) => {
      try {
        return fn.invoke(args.map(toCell));
      } catch (error) {
        if (error instanceof FunctionInputError)
          return new CellError(error.code === "invalidValue" ? ErrorType.VALUE : ErrorType.NA, error.message);
        throw error;
      }
    });
  }
}

HyperFormula.registerFunctionPlugin(JxzpPlugin, {
  enGB: Object.fromEntries(JXZP_FUNCTIONS.map((fn) => [`JXZP.${fn.id}`, `JXZP.${fn.id}`])),
});

const sample = JSON.parse(readFileSync(join(__dirname, "../../samples/zhuzhou-kjj-2024.json"), "utf8"));
const rows: Array<{ name: string; target: string; actual: string; weight: number; score: number }> =
  sample.eval.indicators;

// Columns as in 附件2: A 三级指标, B 年度指标值, C 实际完成值, D 分值, E 得分, F 完成率, G 建议得分; funds in row 1.
const first = 3;
const last = first + rows.length - 1;
const sheet = [
  ["全年预算数", 1387.53, "全年执行数", 1387.53, "执行率", "=JXZP.EXECRATE(D1, B1)", "=JXZP.BUDGETSCORE(10, D1, B1)"],
  ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "完成率", "建议得分"],
  ...rows.map((row, i) => [
    row.name,
    row.target,
    row.actual,
    row.weight,
    row.score,
    `=JXZP.COMPLETIONRATE(B${first + i}, C${first + i})`,
    `=JXZP.INDICATORSCORE(D${first + i}, B${first + i}, C${first + i})`,
  ]),
  [
    "总分",
    null,
    null,
    `=10+SUM(D${first}:D${last})`,
    `=JXZP.TOTALSCORE(G1, E${first}:E${last})`,
    `=JXZP.GRADE(E${last + 1})`,
    `=JXZP.TOTALSCORE(G1, G${first}:G${last})`,
  ],
  [
    "检查",
    null,
    null,
    null,
    `=JXZP.TOTALSCORE(G1, E${first}:E${last}, D${first}:D${last})`,
    `=SUM(F${first}:F${last})`,
    `=JXZP.CONTROLRATE(0, 0)`,
  ],
];

const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
const value = (address: string) => hf.getCellValue(hf.simpleCellAddressFromString(address, 0)!);
const totalRow = last + 1;
const checkRow = last + 2;

afterAll(() => hf.destroy());

test("执行率 and 执行率得分 computed in cells", () => {
  expect(value("F1")).toBe(1);
  expect(value("G1")).toBe(10);
});

test("每项指标的完成率 and 建议得分 over cell references", () => {
  expect(value(`F${first + 11}`)).toBe(0.9275);
  expect(value(`G${first + 11}`)).toBe(4.64);
  expect(value(`G${first + 12}`)).toBe(4.81);
  expect(value(`F${first + 5}`)).toBe("按期完成");
});

test("总分 98 and 等次 优 over a real range; the suggested scores total 99.45", () => {
  expect(value(`D${totalRow}`)).toBe(100);
  expect(value(`E${totalRow}`)).toBe(98);
  expect(value(`F${totalRow}`)).toBe("优");
  expect(value(`G${totalRow}`)).toBe(99.45);
});

test("a weights range that does not total 100 is an error that says the sum", () => {
  const error = value(`E${checkRow}`) as { type: string; message: string };
  expect(error.type).toBe("VALUE");
  expect(error.message).toContain("分值合计为 90，应为 100");
});

test("不适用 is text: SUM ignores it, and 0/0 shows it", () => {
  expect(value(`G${checkRow}`)).toBe("不适用");
  expect(typeof value(`F${checkRow}`)).toBe("number");
});
