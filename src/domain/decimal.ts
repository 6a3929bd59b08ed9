/**
 * Exact decimal arithmetic for money and rates. Every amount and rate in the product goes through
 * this module: JS floats never touch money (0.1 + 0.2 !== 0.3), rounding is always half-up.
 */
import DecimalJs from "decimal.js";

/** A private Decimal constructor so that no other library can change our precision or rounding. */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Amounts (万元) and scores keep 2 decimals. */
export const AMOUNT_DECIMALS = 2;
/** Rates are fractions with 4 decimals, i.e. percentages with 2 (0.8205 = 82.05%). */
export const RATE_DECIMALS = 4;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** True when `text` is a plain decimal number such as "38.67", "-1", "1e3". */
export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text.trim());
}

/**
 * A Decimal from a JSON number, a decimal string or an existing Decimal; null for anything that is
 * not a finite number. A JS number converts through its shortest round-trip text, so 38.67 is
 * exactly 38.67, not 38.6700000000000017053025658242404460906982421875.
 */
export function toDec(value: unknown): Dec | null {
  let dec: Dec | null = null;
  if (value instanceof Dec) dec = value;
  else if (typeof value === "number") dec = Number.isFinite(value) ? new Dec(String(value)) : null;
  else if (typeof value === "string" && isDecimalText(value)) dec = new Dec(value.trim());
  else if (DecimalJs.isDecimal(value)) dec = new Dec((value as DecimalJs).toString());
  // "1e99999999999999999" is decimal text, but no amount: overflow is not a number here.
  return dec !== null && dec.isFinite() ? dec : null;
}

/** Fixed-point text without a sign on zero ("-0.00" → "0.00"). */
function fixed(value: Dec, decimals: number): string {
  const text = value.toFixed(decimals, Dec.ROUND_HALF_UP);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

export function roundAmount(value: Dec): Dec {
  return value.toDecimalPlaces(AMOUNT_DECIMALS, Dec.ROUND_HALF_UP);
}

export function roundRate(value: Dec): Dec {
  return value.toDecimalPlaces(RATE_DECIMALS, Dec.ROUND_HALF_UP);
}

/** "1387.53", "10.00": an amount or score as the tables show it. */
export function formatAmount(value: Dec): string {
  return fixed(value, AMOUNT_DECIMALS);
}

/** "82.05%": a fraction as a percentage with 2 decimals, rounded half-up from the exact value. */
export function formatPercent(fraction: Dec): string {
  return `${fixed(fraction.times(100), AMOUNT_DECIMALS)}%`;
}

/** Sum of the present values; null when none is present (an all-empty column is not 0). */
export function sumPresent(values: ReadonlyArray<Dec | null | undefined>): Dec | null {
  let total: Dec | null = null;
  for (const value of values) {
    if (value != null) total = total === null ? value : total.plus(value);
  }
  return total;
}

const FULL_WIDTH_DIGITS = /[０-９．－]/g;

/**
 * Full-width digits and thousands separators users paste from Word ("１，３００．５") read as ASCII;
 * "38,67" stays unreadable.
 */
export function normaliseNumberText(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[,，](?=\d{3}(?!\d))/g, "$1")
    .replace(/\s/g, "");
}
