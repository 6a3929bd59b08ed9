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

/**
 * Bounds on what counts as a number at all. An amount in 万元 of 1e15 or more (a trillion 亿元) is no
 * amount, and a non-zero value below 1e-20 is no amount, rate or score either (a float's residue in a
 * real workbook, 5.55e-17, is well above it). Beyond them decimal.js would build numbers whose text runs
 * to millions of characters (toFixed of 1e50000000, or of a ratio over 1e-50000000); within them any
 * ratio of two values stays below 1e35, a few dozen characters. Text longer than TEXT_MAX is not a
 * number either, so nothing here is ever slow.
 */
export const MAGNITUDE = { max: "1e15", min: "1e-20" } as const;
/**
 * Both bounds are powers of ten, so a value's exponent decides (decimal.js's `e`: the power of ten of its
 * leading digit): |x| ≥ 1e15 exactly when e ≥ 15, and a non-zero |x| < 1e-20 exactly when e < −20. Every
 * amount a rule reads is checked, so the check builds no Decimal (abs and comparisons each build one).
 */
const MAX_EXPONENT = new Dec(MAGNITUDE.max).e;
const MIN_EXPONENT = new Dec(MAGNITUDE.min).e;
const TEXT_MAX = 100;
/** An exponent field longer than this is refused before decimal.js sees it. */
const EXPONENT_DIGITS = 6;

/** Digits, a sign, a point, an exponent mark only: one pass, no regular expression (a 20-million-character
 * text overflows the regex engine's stack). */
function looksNumeric(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 69 || c === 101)) return false;
  }
  return true;
}

/** Why a value is not a usable number: not a number at all, or a number out of bounds. */
export type DecimalProblem = "notNumber" | "tooLarge" | "tooSmall";

/** The Decimal of `value`, or why there is none (see toDec). */
export function readDecimal(value: unknown): { dec: Dec } | { problem: DecimalProblem } {
  const read = decimalOrProblem(value);
  return read instanceof Dec ? { dec: read } : { problem: read };
}

/** readDecimal without its wrapper object: toDec runs for every amount of every rule. */
function decimalOrProblem(value: unknown): Dec | DecimalProblem {
  let dec: Dec;
  if (value instanceof Dec) dec = value;
  else if (typeof value === "number") {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? "notNumber" : "tooLarge";
    dec = new Dec(String(value));
  } else if (typeof value === "string") {
    const text = value.trim();
    if (text.length > TEXT_MAX) return looksNumeric(text) ? "tooLarge" : "notNumber";
    const match = DECIMAL_TEXT.exec(text);
    if (!match) return "notNumber";
    const exponent = match[3]?.replace(/^[eE][+-]?0*/, "") ?? "";
    if (exponent.length > EXPONENT_DIGITS) {
      if (/^[+-]?[0.]*([eE]|$)/.test(text)) return new Dec(0); // 0e999999999 is 0
      return /[eE]-/.test(text) ? "tooSmall" : "tooLarge";
    }
    dec = new Dec(text);
  } else if (DecimalJs.isDecimal(value)) {
    const other = value as DecimalJs;
    if (!other.isFinite()) return other.isNaN() ? "notNumber" : "tooLarge";
    dec = new Dec(other.toString()); // toString is exponent notation for large and small values: short
  } else return "notNumber";
  if (!dec.isFinite()) return dec.isNaN() ? "notNumber" : "tooLarge";
  if (dec.isZero()) return dec;
  if (dec.e >= MAX_EXPONENT) return "tooLarge";
  if (dec.e < MIN_EXPONENT) return "tooSmall";
  return dec;
}

/**
 * Whether |value| ≥ 10^power, read off its exponent as the bounds above are: no Decimal is built, where abs()
 * and every comparison build one. For screens that run over every figure of a workbook.
 */
export function reachesPowerOfTen(value: Dec, power: number): boolean {
  if (!value.isFinite()) return !value.isNaN();
  return !value.isZero() && value.e >= power;
}

/** True when `text` is a plain decimal number within bounds, such as "38.67", "-1", "1e3". */
export function isDecimalText(text: string): boolean {
  return "dec" in readDecimal(text);
}

/**
 * A Decimal from a JSON number, a decimal string or an existing Decimal; null for anything that is
 * not a finite number within MAGNITUDE ("1e50000000" is decimal text, but no amount). A JS number
 * converts through its shortest round-trip text, so 38.67 is exactly 38.67, not
 * 38.6700000000000017053025658242404460906982421875.
 */
export function toDec(value: unknown): Dec | null {
  const read = decimalOrProblem(value);
  return read instanceof Dec ? read : null;
}

/** The Chinese reason for a problem of readDecimal, after "应为数字，" or alike. */
export function decimalProblemText(problem: DecimalProblem): string {
  return problem === "tooLarge"
    ? `数值过大（绝对值应小于 ${MAGNITUDE.max}）`
    : problem === "tooSmall"
      ? `数值过小（非零时绝对值应不小于 ${MAGNITUDE.min}）`
      : "不是数字";
}

/** A user's text as quoted in a message: at most `max` characters, so a hostile cell never floods one. */
export function excerpt(text: string, max = 40): string {
  if (text.length <= max) return text; // no more characters than code units
  const chars = Array.from(text.length > max * 2 + 2 ? text.slice(0, max * 2 + 2) : text);
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : text;
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
