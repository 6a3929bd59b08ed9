/**
 * The JXZP functions in a real formula engine: HyperFormula (a test-only dev dependency under its
 * GPL-v3 licence key, never bundled) evaluates a sheet laid out like 附件2, whose cells call
 * =JXZP.EXECRATE(...), =JXZP.INDICATORSCORE(...), =JXZP.TOTALSCORE(...) over real cell ranges; and a project
 * sheet laid out as 附件3 with the template's own formulas, which computes what computeProject gives.
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
import { splitAddress } from "../../src/domain/a1";
import { sheetValues, type ComputedValue } from "../../src/domain/compute";
import { Dec } from "../../src/domain/decimal";
import { projectLayout } from "../../src/domain/layout";
import { ratio } from "../../src/domain/rates";
import { valueAtPath } from "../../src/domain/validation/paths";
import { afterProjectIndicators, projectEntries, projectPrefix } from "../../src/domain/projects/contract";
import { projectFormulas, projectTemplateSheet } from "../../src/domain/projects/template";
import { computeProject, projectKeyOf } from "../../src/domain/projects/view";
import { loadProjectSample } from "../support/model-inputs";
import { JXZP_FUNCTIONS } from "../../src/functions/definitions";

/** Range arguments arrive as SimpleRangeValue; scalars as numbers, strings or empty values. */
function toCell(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toCell));
  // An empty cell: HyperFormula's EmptyValue, a symbol (what Excel passes for an empty cell is null too).
  if (typeof value === "symbol") return null;
  if (typeof value === "object" && value !== null && !(value instanceof CellError)) return null;
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

/**
 * A project sheet laid out as 附件3 (projects/template.ts, projectLayout): every cell where the contract puts it,
 * and the template's own formulas — 执行率, 执行率得分, 分值合计, 总分, 等次, each source's 执行率 and the helper
 * columns' JXZP calls — with the project's defined names and its table's structured references written as the
 * cells and ranges they name (HyperFormula has neither). What HyperFormula computes is what computeProject gives.
 */
describe("a project sheet (附件3) in the formula engine", () => {
  const model = loadProjectSample();
  const A1 = (column: number, row: number) => `${String.fromCharCode(64 + column)}${row}`;
  const columnIndex = (letter: string) => letter.charCodeAt(0) - 64;

  /** The sheet of project `index` as HyperFormula's array, and where its cells are. */
  function projectSheet(index: number) {
    const slot = index + 1;
    const project = model.projects[index]!;
    const layout = projectLayout(slot, project.indicators.length);
    const entries = projectEntries(slot);
    const table = entries.find((e) => e.table)!.table!;
    const rows = Math.max(table.defaultRows, project.indicators.length);
    const header = layout.row(table.headerRow);
    // 校验_评分口径 (报告文字!B12) is empty: the default profile. It sits beside the sheet, at M1.
    const names = new Map<string, string>([["校验_评分口径", "$M$1"]]);
    for (const entry of entries.filter((e) => !e.table)) {
      const { column, row } = splitAddress(layout.cell(entry.address));
      names.set(entry.name, `$${column}$${row}`);
    }
    const columnOf = new Map(table.columns.map((c) => [c.label, c.column]));
    /** The template's formula over this sheet's cells, in row `row` for [#This Row]. */
    const translate = (formula: string, row = 0) =>
      formula
        .replace(new RegExp(`${table.name}\\[\\[#This Row\\],\\[([^\\]]+)\\]\\]`, "g"), (_, label: string) => {
          return `${columnOf.get(label)}${row}`;
        })
        .replace(new RegExp(`${table.name}\\[([^\\]]+)\\]`, "g"), (_, label: string) => {
          const column = columnOf.get(label)!;
          return `$${column}$${header + 1}:$${column}$${header + rows}`;
        })
        .replace(/项目\d+_[^\s(),=<>&+\-*/"]+|校验_评分口径/g, (name) => names.get(name) ?? `#UNKNOWN(${name})`);
    const formulas = projectFormulas(slot);
    const last = layout.row(afterProjectIndicators(1));
    const grid: unknown[][] = Array.from({ length: last }, () => Array(13).fill(null));
    const put = (address: string, value: unknown) => {
      const { column, row } = splitAddress(address);
      grid[row - 1]![columnIndex(column) - 1] = value;
    };
    const cell = (value: unknown) => (value instanceof Dec ? value.toNumber() : (value ?? null));
    for (const c of projectTemplateSheet(slot).cells.filter((c) => c.formula))
      put(layout.cell(c.address), `=${translate(c.formula!)}`);
    for (const entry of entries.filter((e) => !e.table)) {
      const formula = formulas[entry.key];
      put(layout.cell(entry.address), formula ? `=${translate(formula)}` : cell(valueAtPath(model, entry.key)));
    }
    table.columns.forEach((column, c) => {
      put(A1(c + 1, header), column.label);
      for (let i = 0; i < rows; i++) {
        const formula = formulas[`${projectPrefix(slot)}.indicators.${column.key}`];
        const value = (project.indicators[i] as Record<string, unknown> | undefined)?.[column.key];
        put(A1(c + 1, header + 1 + i), formula ? `=${translate(formula, header + 1 + i)}` : cell(value));
      }
    });
    return { grid, layout, entries, header, rows, slot };
  }

  const sheets = [0, 1].map(projectSheet);
  const hf = HyperFormula.buildFromSheets(
    Object.fromEntries(sheets.map((s) => [`附件3-${s.slot}`, s.grid as (string | number | null)[][]])),
    { licenseKey: "gpl-v3" },
  );
  afterAll(() => hf.destroy());
  const at = (slot: number, address: string) =>
    hf.getCellValue(hf.simpleCellAddressFromString(address, hf.getSheetId(`附件3-${slot}`)!)!);
  /** A computed value as its cell shows it: a rate as its fraction or 不适用, an amount as a number. */
  const shown = (value: ComputedValue | undefined) =>
    value?.type === "rate"
      ? value.rate.kind === "value"
        ? value.rate.value.toNumber()
        : "不适用"
      : value?.type === "amount"
        ? (value.amount?.toNumber() ?? null)
        : (value?.text ?? "");

  test.each([1, 2])(
    "附件3-%i: 执行率, 执行率得分, 分值合计, 总分, 等次 and the sources' 执行率 are computeProject's",
    (slot) => {
      const { layout, entries } = sheets[slot - 1]!;
      const computation = computeProject(model, slot - 1);
      const values = new Map(sheetValues(computation).map((v) => [projectKeyOf(slot, v.key), v]));
      const project = model.projects[slot - 1]!;
      const computed = entries.filter((e) => e.role === "computed" && !e.table);
      expect(computed.map((e) => e.key.slice(`${projectPrefix(slot)}.`.length))).toEqual([
        "funds.executionRate",
        "funds.score",
        "funds.current.executionRate",
        "funds.carryover.executionRate",
        "funds.other.executionRate",
        "weightTotal",
        "total",
        "grade",
      ]);
      for (const entry of computed) {
        const source = /funds\.(current|carryover|other)\./.exec(entry.key)?.[1] as "current" | undefined;
        const expected = source
          ? shown({
              key: entry.key,
              label: "",
              type: "rate",
              rate: ratio(project.funds[source].executed, project.funds[source].fullYearBudget),
            })
          : shown(values.get(entry.key));
        expect([entry.key, at(slot, layout.cell(entry.address))]).toEqual([entry.key, expected]);
      }
    },
  );

  test("the titles and the figures, as the 附件3-1 sample shows them", () => {
    expect(at(1, "A1")).toBe("2024年度项目支出绩效自评表");
    expect(at(1, "G5")).toBe(0.9391);
    expect(at(1, "H5")).toBe(9.39);
    expect(at(1, "G7")).toBe(0.75);
    expect(at(1, "G8")).toBe("不适用");
    // 12 rows: the 总分 row moved from 23 to 25.
    expect([at(1, "F25"), at(1, "G25"), at(1, "I25")]).toEqual([100, 98.39, "优"]);
  });

  test.each([1, 2])("附件3-%i: the helper columns' JXZP calls over the project rows give computeProject's", (slot) => {
    const { header, rows } = sheets[slot - 1]!;
    const helpers = computeProject(model, slot - 1).indicators.map((i) => i.helper);
    for (let i = 0; i < rows; i++) {
      const helper = helpers[i];
      // Beyond the data IFERROR shows "": the function refuses an empty 年度指标值.
      expect([i + 1, at(slot, `J${header + 1 + i}`), at(slot, `K${header + 1 + i}`)]).toEqual([
        i + 1,
        helper ? (helper.completion ?? "") : "",
        helper ? (helper.suggestedScore ?? "") : "",
      ]);
    }
  });
});
