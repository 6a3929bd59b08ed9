/**
 * The slips workbook checkers (PerfectXL, Excel's Inquire) catch, where they bite these tables: numbers
 * stored as text, stray spaces, a value typed over one of our formulas, a cell showing an Excel error.
 * These look at the cells as the workbook holds them, not at the model.
 */
import { isDecimalText, normaliseNumberText } from "../../decimal";
import { rule, type Draft, type RuleContext } from "../types";

const isError = (value: unknown): value is { error: string } =>
  typeof value === "object" && value !== null && "error" in value;
const FULL_WIDTH = /[０-９．，－]/;

function shown(value: unknown): string {
  return typeof value === "string" ? `「${value}」` : String(value);
}

export const slipRules = [
  rule(
    "slip.errorValue",
    "error",
    "单元格不显示 Excel 错误（#DIV/0!、#NAME? 等）",
    function* ({ cells }: RuleContext): Iterable<Draft> {
      for (const cell of cells) {
        if (!isError(cell.value)) continue;
        const why =
          cell.value.error === "#NAME?" && cell.formula?.includes("JXZP.")
            ? "：公式用到了绩效自评助手的函数，请在装有本加载项的 Excel 中打开"
            : "";
        yield { key: cell.key, message: `单元格显示错误 ${cell.value.error}${why}` };
      }
    },
  ),
  rule("slip.textNumber", "warning", "数字没有以文本形式存放（求和与公式会把文本当作 0）", function* ({ cells }) {
    for (const cell of cells) {
      if (
        (cell.kind !== "amount" && cell.kind !== "integer") ||
        typeof cell.value !== "string" ||
        cell.value.trim() === ""
      )
        continue;
      const normal = normaliseNumberText(cell.value);
      if (!isDecimalText(normal)) continue;
      const width = FULL_WIDTH.test(cell.value) ? "（含全角字符）" : "";
      yield {
        key: cell.key,
        message: `${shown(cell.value)}是文本${width}，不是数字：Excel 求和与公式会把它当作 0`,
        fix: { kind: "number", value: Number(normal) },
      };
    }
  }),
  rule("slip.spaces", "info", "文字前后没有多余的空格", function* ({ cells }) {
    for (const cell of cells) {
      if (
        cell.kind !== "text" ||
        cell.role !== "input" ||
        typeof cell.value !== "string" ||
        cell.value === cell.value.trim()
      )
        continue;
      yield {
        key: cell.key,
        message: `${shown(cell.value)}前后有多余的空格`,
        fix: { kind: "text", value: cell.value.trim() },
      };
    }
  }),
  rule("slip.overwritten", "warning", "计算单元格保留模板的公式", function* ({ cells }) {
    for (const cell of cells) {
      if (cell.expectedFormula === null || cell.formula !== null || cell.value === null || cell.value === "") continue;
      yield {
        key: cell.key,
        message: `这里本应是公式，现在是手填的值 ${shown(cell.value)}：数据变了它不会跟着变`,
        fix: { kind: "formula", formula: cell.expectedFormula },
      };
    }
  }),
];
