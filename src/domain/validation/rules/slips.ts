/**
 * The slips workbook checkers (PerfectXL, Excel's Inquire) catch, where they bite these tables: numbers
 * stored as text, stray spaces, a value typed over one of our formulas, a cell showing an Excel error.
 * These look at the cells as the workbook holds them, not at the model.
 */
import { isDecimalText, normaliseNumberText } from "../../decimal";
import { perContext } from "../shared";
import { sheetValues } from "../../compute";
import { formatAmount } from "../../decimal";
import { formatRate } from "../../rates";
import { rule, type CellFact, type Draft, type RuleContext } from "../types";

const isError = (value: unknown): value is { error: string } =>
  typeof value === "object" && value !== null && "error" in value;
const FULL_WIDTH = /[０-９．，－]/;

function shown(value: unknown): string {
  return typeof value === "string" ? `「${value}」` : String(value);
}

type Holding<Value> = CellFact & { readonly value: Value };
const showsError = (cell: CellFact): cell is Holding<{ error: string }> => isError(cell.value);
const holdsText = (cell: CellFact): cell is Holding<string> => typeof cell.value === "string";
const hasFormula = (cell: CellFact): cell is CellFact & { readonly expectedFormula: string } =>
  cell.expectedFormula !== null;

/**
 * The cells each slip can concern, sorted out in one pass for the four rules (a workbook has hundreds of
 * cells, and few are candidates): those showing an error, text in a number cell, text typed into a text
 * cell, and a value where one of our formulas belongs. Each rule then checks the rest of its conditions.
 */
const candidates = perContext(({ cells }) => {
  const errors: Array<Holding<{ error: string }>> = [];
  const textInNumbers: Array<Holding<string>> = [];
  const typedTexts: Array<Holding<string>> = [];
  const overFormulas: Array<CellFact & { readonly expectedFormula: string }> = [];
  const emptyFormulas: Array<CellFact & { readonly expectedFormula: string }> = [];
  for (const cell of cells) {
    if (showsError(cell)) errors.push(cell);
    else if (holdsText(cell)) {
      if (cell.kind === "amount" || cell.kind === "integer") textInNumbers.push(cell);
      else if (cell.kind === "text" && cell.role === "input") typedTexts.push(cell);
    }
    if (hasFormula(cell) && cell.formula === null) {
      if (cell.value !== null && cell.value !== "") overFormulas.push(cell);
      else emptyFormulas.push(cell);
    }
  }
  return { errors, textInNumbers, typedTexts, overFormulas, emptyFormulas };
});

export const slipRules = [
  rule(
    "slip.errorValue",
    "error",
    "单元格不显示 Excel 错误（#DIV/0!、#NAME? 等）",
    function* (context: RuleContext): Iterable<Draft> {
      for (const cell of candidates(context).errors) {
        const why =
          cell.value.error === "#NAME?" && cell.formula?.includes("JXZP.")
            ? "：公式用到了绩效自评助手的函数，请在装有本加载项的 Excel 中打开"
            : "";
        yield { key: cell.key, message: `单元格显示错误 ${cell.value.error}${why}` };
      }
    },
  ),
  rule("slip.textNumber", "warning", "数字没有以文本形式存放（求和与公式会把文本当作 0）", function* (context) {
    for (const cell of candidates(context).textInNumbers) {
      if (cell.value.trim() === "") continue;
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
  rule("slip.spaces", "info", "文字前后没有多余的空格", function* (context) {
    for (const cell of candidates(context).typedTexts) {
      if (cell.value === cell.value.trim()) continue;
      yield {
        key: cell.key,
        message: `${shown(cell.value)}前后有多余的空格`,
        fix: { kind: "text", value: cell.value.trim() },
      };
    }
  }),
  rule("slip.overwritten", "warning", "计算单元格保留模板的公式", function* (context) {
    for (const cell of candidates(context).overFormulas) {
      yield {
        key: cell.key,
        message: `这里本应是公式，现在是手填的值 ${shown(cell.value)}：数据变了它不会跟着变`,
        fix: { kind: "formula", formula: cell.expectedFormula },
      };
    }
  }),
  rule("slip.formulaMissing", "warning", "计算单元格（执行率、得分、总分等）没有被清空", function* (context) {
    // A published table's blank 执行率 (SPEC §10, §13): the template's formula deleted, the cell left empty,
    // though the numbers give a value. Said with that value; the fix puts the formula back.
    for (const cell of candidates(context).emptyFormulas) {
      const value = sheetValues(context.computation).find((v) => v.key === cell.key);
      if (!value) continue;
      const shownValue =
        value.type === "rate"
          ? value.rate.kind === "value"
            ? formatRate(value.rate)
            : null
          : value.type === "amount"
            ? value.amount && formatAmount(value.amount)
            : value.text || null;
      if (shownValue === null) continue;
      yield {
        key: cell.key,
        message: `${value.label}是空的（模板的公式已被删除）：按表中数字应为 ${shownValue}`,
        params: { expected: shownValue },
        fix: { kind: "formula", formula: cell.expectedFormula },
      };
    }
  }),
];
