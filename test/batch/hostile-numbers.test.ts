/**
 * Text becomes a number in one place (src/domain/decimal.ts: readDecimal, toDec; the model's schema uses
 * them): no input, however absurd its exponent or length, gives Infinity, NaN, a number beyond the
 * bounds, or takes long. Absurd magnitudes are a finding naming the cell, not a 50-million-digit amount.
 */
import fc from "fast-check";
import { Dec, isDecimalText, MAGNITUDE, readDecimal, toDec } from "../../src/domain/decimal";
import { workbookModel } from "../../src/domain/model";

const MAX = new Dec(MAGNITUDE.max);
const MIN = new Dec(MAGNITUDE.min);
const bounded = (dec: Dec | null) =>
  dec === null || (dec.isFinite() && dec.abs().lt(MAX) && (dec.isZero() || dec.abs().gte(MIN)));

/** Decimal text with exponents of any size, and strings of anything. */
const numberText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("", "+", "-"),
      fc.stringMatching(/^\d{1,30}(\.\d{0,30})?$/),
      fc.constantFrom("e", "E"),
      fc.constantFrom("", "+", "-"),
      fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 40 })),
    )
    .map(([sign, mantissa, e, esign, exponent]) => `${sign}${mantissa}${e}${esign}${exponent}`),
  fc.string(),
  fc.stringMatching(/^[\d.eE+\- ]{0,60}$/),
);

// No timings here (they flake on a busy machine): a pathological parse (the 38 s of `1e50000000`) would
// run these thousands of cases far past the test's time limit.
test("no text gives Infinity, NaN or a number out of bounds", () => {
  fc.assert(
    fc.property(numberText, (text) => {
      const dec = toDec(text);
      expect(bounded(dec)).toBe(true);
      expect(isDecimalText(text)).toBe(dec !== null);
      const parsed = workbookModel.safeParse({ eval: { funds: { fullYearBudget: text, executionRate: text } } });
      if (parsed.success) {
        expect(bounded(parsed.data.eval.funds.fullYearBudget)).toBe(true);
        const rate = parsed.data.eval.funds.executionRate;
        if (rate instanceof Dec) expect(rate.isFinite()).toBe(true);
      } else {
        for (const issue of parsed.error.issues) expect(issue.message.length).toBeLessThan(200);
      }
    }),
    { numRuns: 2000 },
  );
});

test("no number gives Infinity or NaN either", () => {
  fc.assert(
    fc.property(fc.double(), (value) => {
      expect(bounded(toDec(value))).toBe(true);
      const parsed = workbookModel.safeParse({ eval: { funds: { executed: value, executionRate: value } } });
      if (parsed.success) expect(bounded(parsed.data.eval.funds.executed)).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

const CASES: ReadonlyArray<readonly [string, string | null]> = [
  ["1e-20", null],
  ["9e-21", "tooSmall"],
  ["5.551115123125783e-17", null],
  ["1e9000000000000000", "tooLarge"],
  ["1e50000000", "tooLarge"],
  ["-1e15", "tooLarge"],
  ["999999999999999.99", null],
  ["1000000000000000", "tooLarge"],
  ["1e-50000000", "tooSmall"],
  ["9".repeat(20_000_000), "tooLarge"],
  ["9".repeat(20_000_000) + "x", "notNumber"],
  ["0e999999999999", null],
  ["1387.53", null],
  ["1e3", null],
  ["-0.5", null],
  ["abc", "notNumber"],
];

const label = (text: string) => (text.length > 40 ? `${text.slice(0, 20)}…（${text.length} 个字符）` : text);
test.each(CASES.map(([text, problem]) => [label(text), text, problem] as const))("%s", (_label, text, problem) => {
  const read = readDecimal(text);
  expect(isDecimalText(text)).toBe(problem === null);
  expect("problem" in read ? read.problem : null).toBe(problem);
});

test("an absurd amount is a finding naming the value, briefly; a huge text is quoted in 40 characters", () => {
  const parsed = workbookModel.safeParse({
    eval: { funds: { fullYearBudget: "1e50000000", executed: "9".repeat(1_000_000), executionRate: "1e400%" } },
  });
  expect(parsed.success).toBe(false);
  const messages = parsed.error!.issues.map((i) => i.message);
  expect(messages).toEqual([
    "应为数字，数值过大（绝对值应小于 1e15），实际为「1e50000000」",
    `应为数字，实际为「${"9".repeat(40)}…」`,
    "应为比率（如 0.8205 或 82.05%），数值过大（绝对值应小于 1e15），实际为「1e400%」",
  ]);
  expect(workbookModel.safeParse({ eval: { funds: { executionRate: Infinity } } }).success).toBe(false);
});
