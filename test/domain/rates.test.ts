import fc from "fast-check";
import { changeRate, Dec, formatRate, NOT_APPLICABLE, ratio, rateNumber, rateValueText } from "../../src/domain";

describe("rates", () => {
  test("a rate is a fraction kept with 4 decimals and shown as a percentage with 2", () => {
    const rate = ratio(32, 39);
    expect(rateValueText(rate)).toBe("0.8205");
    expect(formatRate(rate)).toBe("82.05%");
  });

  test.each([
    [0, 0, "zeroDenominator"],
    [5, 0, "zeroDenominator"],
    [5, null, "missingDenominator"],
    [null, 5, "missingNumerator"],
    ["abc", 5, "missingNumerator"],
  ])("%p / %p is 不适用 (%s)", (numerator, denominator, reason) => {
    const rate = ratio(numerator, denominator);
    expect(rate).toEqual({ kind: "notApplicable", reason });
    expect(formatRate(rate)).toBe(NOT_APPLICABLE);
    expect(rateValueText(rate)).toBeNull();
  });

  test("变动率 is (current − previous) / previous", () => {
    expect(formatRate(changeRate(38.67, 18.24))).toBe("112.01%");
    expect(formatRate(changeRate(10, 20))).toBe("-50.00%");
    expect(formatRate(changeRate(10, 0))).toBe(NOT_APPLICABLE);
  });

  const anything = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, null, undefined, "", "0", "0.00", "1e308", "-1e-308"),
    fc.string(),
  );

  test("property: no rate is ever NaN or infinite, and nothing throws", () => {
    fc.assert(
      fc.property(anything, anything, (a, b) => {
        for (const rate of [ratio(a, b), changeRate(a, b)]) {
          if (rate.kind === "value") {
            if (!rate.exact.isFinite() || rate.exact.isNaN()) return false;
            if (!/^-?\d+(\.\d+)?%$/.test(formatRate(rate))) return false;
          } else if (formatRate(rate) !== NOT_APPLICABLE) return false;
        }
        return true;
      }),
    );
  });

  test("property: ratio agrees with exact rational arithmetic", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }), (num, den) => {
        const rate = ratio(new Dec(num).dividedBy(100), new Dec(den).dividedBy(100));
        return rate.kind === "value" && rate.exact.times(den).minus(num).abs().lessThan("1e-25");
      }),
    );
  });
});

describe("rateNumber: the cell path", () => {
  const reference = (a: unknown, b: unknown) => {
    const rate = ratio(a, b);
    return rate.kind === "value" ? rate.value.toNumber() : rate.reason;
  };

  test("property: cell amounts with 2 decimals give exactly the decimal.js result", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 11) + 1, max: 10 ** 11 - 1 }),
        fc.integer({ min: -(10 ** 11) + 1, max: 10 ** 11 - 1 }),
        (n, d) => {
          const a = n / 100;
          const b = d / 100;
          return Object.is(rateNumber(a, b), reference(a, b)) || (rateNumber(a, b) === 0 && reference(a, b) === 0);
        },
      ),
      { numRuns: 20000 },
    );
  });

  test("half-up boundaries, other inputs and 不适用", () => {
    expect(rateNumber(1, 3)).toBe(0.3333);
    expect(rateNumber(2, 3)).toBe(0.6667);
    expect(rateNumber(0.00005, 1)).toBe(0.0001); // 3+ decimals: decimal.js path
    expect(rateNumber(1, 80000)).toBe(0); // 0.0000125 → 0.0000
    expect(rateNumber(1, 20000)).toBe(0.0001); // 0.00005 exactly → half-up
    expect(rateNumber(-1, 20000)).toBe(-0.0001);
    expect(rateNumber(5, 0)).toBe("zeroDenominator");
    expect(rateNumber(null, 5)).toBe("missingNumerator");
    expect(rateNumber("1387.53", "1387.53")).toBe(1);
  });

  test("property: any doubles agree with decimal.js", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }),
        fc.double({ noNaN: true }),
        (a, b) => Object.is(rateNumber(a, b), reference(a, b)) || rateNumber(a, b) === reference(a, b),
      ),
    );
  });
});
