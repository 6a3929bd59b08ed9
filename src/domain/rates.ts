/**
 * Rates of SPEC section 4. A rate is either a value (a fraction) or 不适用 with the reason; the
 * caller can always tell the two apart, and no rate is ever NaN, Infinity or an exception.
 */
import { Dec, formatPercent, roundRate, toDec } from "./decimal";

export const NOT_APPLICABLE = "不适用";

export type NotApplicableReason = "zeroDenominator" | "missingDenominator" | "missingNumerator";

export type Rate =
  | {
      readonly kind: "value";
      /** exact quotient */ readonly exact: Dec;
      /** 4 decimals, half-up */ readonly value: Dec;
    }
  | { readonly kind: "notApplicable"; readonly reason: NotApplicableReason };

const REASON_TEXT: Record<NotApplicableReason, string> = {
  zeroDenominator: "分母为0",
  missingDenominator: "分母未填写",
  missingNumerator: "分子未填写",
};

export function notApplicable(reason: NotApplicableReason): Rate {
  return { kind: "notApplicable", reason };
}

/** numerator / denominator, or 不适用 when the denominator is 0 or either side is empty. */
export function ratio(numerator: unknown, denominator: unknown): Rate {
  const den = toDec(denominator);
  if (den === null) return notApplicable("missingDenominator");
  if (den.isZero()) return notApplicable("zeroDenominator");
  const num = toDec(numerator);
  if (num === null) return notApplicable("missingNumerator");
  const exact = num.dividedBy(den);
  return { kind: "value", exact, value: roundRate(exact) };
}

/** (current − previous) / previous: 变动率. */
export function changeRate(current: unknown, previous: unknown): Rate {
  const prev = toDec(previous);
  const cur = toDec(current);
  if (prev === null) return notApplicable("missingDenominator");
  if (prev.isZero()) return notApplicable("zeroDenominator");
  if (cur === null) return notApplicable("missingNumerator");
  return ratio(cur.minus(prev), prev);
}

/** "82.05%" or "不适用". */
export function formatRate(rate: Rate): string {
  return rate.kind === "value" ? formatPercent(rate.value) : NOT_APPLICABLE;
}

/** "分母为0" etc.: why a rate is 不适用, for messages. */
export function describeNotApplicable(rate: Rate): string | null {
  return rate.kind === "notApplicable" ? REASON_TEXT[rate.reason] : null;
}

/** The fraction rounded to 4 decimals as text ("0.8205"), or null for 不适用. */
export function rateValueText(rate: Rate): string | null {
  return rate.kind === "value" ? rate.value.toFixed(4) : null;
}

/** Cell amounts with at most 2 decimals below this size take the exact integer path of rateNumber. */
const FAST_AMOUNT_LIMIT = 1e9;

/** The number of cents in `value`, when it is a JS number with at most 2 decimals; else null. */
function exactCents(value: unknown): number | null {
  if (typeof value !== "number" || !(Math.abs(value) < FAST_AMOUNT_LIMIT)) return null;
  const cents = Math.round(value * 100);
  // For |value| < 1e9, c/100 === value exactly when value's shortest decimal form has ≤ 2 decimals.
  return cents / 100 === value ? cents : null;
}

/**
 * numerator / denominator rounded half-up to 4 decimals, as a JS number (what a cell shows), or why it is
 * 不适用. The same value as ratio(...).value, but amounts as typed in cells (≤ 2 decimals) take an exact
 * integer path: Excel calls custom functions in large batches, and this path is ~50× faster.
 */
export function rateNumber(numerator: unknown, denominator: unknown): number | NotApplicableReason {
  const n = exactCents(numerator);
  const d = exactCents(denominator);
  if (n === null || d === null) {
    const rate = ratio(numerator, denominator);
    return rate.kind === "value" ? rate.value.toNumber() : rate.reason;
  }
  if (d === 0) return "zeroDenominator";
  // q = round-half-up(|n| × 10000 / |d|) in integers below 2^53: exact.
  const a = Math.abs(n) * 10000;
  const b = Math.abs(d);
  let q = Math.floor(a / b);
  let r = a - q * b;
  if (r < 0) {
    q -= 1;
    r += b;
  } else if (r >= b) {
    q += 1;
    r -= b;
  }
  if (2 * r >= b) q += 1;
  if (q === 0) return 0;
  return (n < 0 !== d < 0 ? -q : q) / 10000;
}
