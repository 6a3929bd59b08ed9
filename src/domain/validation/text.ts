/** Shared wording of findings: amounts and rates as the tables show them, column labels with the year. */
import { formatAmount, sumPresent, toDec, type Dec } from "../decimal";
import type { TriplePart } from "../contract";

export const PARTS: readonly TriplePart[] = ["prev", "budget", "final"];

/** "2023年决算数", "2024年预算数", "2024年决算数" (N-1 …, N … without a year). */
export function partLabel(part: TriplePart, year: number | null): string {
  if (year === null) return { prev: "N-1年决算数", budget: "N年预算数", final: "N年决算数" }[part];
  return { prev: `${year - 1}年决算数`, budget: `${year}年预算数`, final: `${year}年决算数` }[part];
}

/** Sum of the present values, or null when none is present. */
export const sumOf = (values: readonly unknown[]): Dec | null => sumPresent(values.map(toDec));

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
export function indicatorLabel(index: number, name: string | null): string {
  return `绩效指标第${index + 1}行${name ? `「${name}」` : ""}`;
}
