/** Shared wording of findings: amounts and rates as the tables show them, column labels with the year. */
import { formatAmount, sumPresent, toDec, type Dec } from "../decimal";
import { partLabel, rowLabel, type TriplePart } from "../contract";
import { clause } from "../wording";
import { perContext } from "./shared";

export const PARTS: readonly TriplePart[] = ["prev", "budget", "final"];

export { partLabel };

/** Sum of the present values, or null when none is present. */
export const sumOf = (values: readonly unknown[]): Dec | null => sumPresent(values.map(toDec));

/** Σ 分值 of the 绩效指标 rows (null when none is filled), worked out once per validation: two rules need it. */
export const weightSum = perContext(({ model }) => sumOf(model.eval.indicators.map((row) => row.weight)));

/** 39.67 → "39.67"; empty → "空". */
function amountText(value: unknown): string {
  const dec = toDec(value);
  return dec === null ? "空" : formatAmount(dec);
}

/** "公务用车购置和维护经费 29.70 + 出国经费 7.90 + 公务接待 1.07 = 38.67". */
export function sumText(parts: ReadonlyArray<readonly [string, unknown]>, total: Dec): string {
  return `${parts.map(([label, value]) => `${label} ${amountText(value)}`).join(" + ")} = ${formatAmount(total)}`;
}

/** "eval.indicators[3].score": model paths count table rows from 1, as users do. */
export const rowKey = (table: string, index: number, column: string) => `${table}[${index + 1}].${column}`;

/** "绩效指标第3行「高新技术企业数」". */
export const indicatorLabel = (index: number, name: string | null): string =>
  rowLabel("eval.indicators", index, name && (clause(name) || name));

export { clause };

/**
 * 「…」 around a user's text, ready for the next clause of a message: its own closing 。 left out, so a
 * message never reads 「…。」， or 「…。」：. Text that is nothing but punctuation ("/", "。") is shown as typed.
 */
export const quoted = (text: string): string => `「${clause(text) || text.trim()}」`;

/** "2、5、7": row numbers (from 1) as a list. */
export const rowList = (rows: readonly number[]): string => rows.join("、");

/**
 * One cause, one finding: the 绩效指标 rows that share a slip (no 分值, no 得分 …) as one finding on the first
 * one's cell — its own message when it is alone, else the rows listed with their count.
 */
export function rowsFinding<Row>(
  rows: ReadonlyArray<readonly [index: number, row: Row]>,
  column: string,
  alone: (index: number, row: Row) => { message: string; params: Record<string, string | number> },
  many: (numbers: string) => string,
): { key: string; message: string; params: Record<string, string | number> } | null {
  if (rows.length === 0) return null;
  const [index, row] = rows[0]!;
  const key = rowKey("eval.indicators", index, column);
  if (rows.length === 1) return { key, ...alone(index, row) };
  const numbers = rowList(rows.map(([n]) => n + 1));
  return {
    key,
    message: `绩效指标第${numbers}行${many(numbers)}（共 ${rows.length} 行）`,
    params: { rows: numbers, count: rows.length },
  };
}
