import fc from "fast-check";
import { Dec, formatAmount, formatPercent, roundAmount, roundRate, sumPresent, toDec } from "../../src/domain";

describe("decimal arithmetic", () => {
  test("JSON numbers convert exactly, without float drift", () => {
    expect(toDec(0.1)!.plus(toDec(0.2)!).toString()).toBe("0.3");
    expect(toDec(38.67)!.toString()).toBe("38.67");
    expect(toDec("1387.53")!.minus("965.72").minus("421.81").toString()).toBe("0");
  });

  test("non-numbers are null, never NaN", () => {
    for (const value of [NaN, Infinity, -Infinity, "abc", "", null, undefined, {}, "1,2"])
      expect(toDec(value)).toBeNull();
  });

  test("rounding is half-up at the boundary", () => {
    expect(formatAmount(new Dec("0.005"))).toBe("0.01");
    expect(formatAmount(new Dec("2.675"))).toBe("2.68"); // 2.675 as a float rounds to 2.67
    expect(formatAmount(new Dec("1.005"))).toBe("1.01"); // (1.005).toFixed(2) === "1.00"
    expect(formatAmount(new Dec("-0.005"))).toBe("-0.01");
    expect(roundRate(new Dec(1).dividedBy(3)).toString()).toBe("0.3333");
    expect(roundRate(new Dec(2).dividedBy(3)).toString()).toBe("0.6667");
    expect(formatPercent(new Dec(2).dividedBy(3))).toBe("66.67%");
    expect(formatPercent(new Dec(32).dividedBy(39))).toBe("82.05%");
    expect(formatPercent(new Dec("0.00005"))).toBe("0.01%");
  });

  test("sums of empty cells stay empty, not 0", () => {
    expect(sumPresent([null, undefined])).toBeNull();
    expect(sumPresent([null, new Dec("1.1"), new Dec("2.2")])!.toString()).toBe("3.3");
  });

  test("property: rounding an amount equals exact integer half-up on cents", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (thousandths) => {
        const value = new Dec(thousandths.toString()).dividedBy(1000);
        const rounded = roundAmount(value);
        // Reference: integer arithmetic on thousandths, half away from zero.
        const sign = thousandths < 0n ? -1n : 1n;
        const abs = thousandths * sign;
        const cents = ((abs + 5n) / 10n) * sign;
        return rounded.times(100).toString() === new Dec(cents.toString()).toString();
      }),
    );
  });

  test("property: a sum of cents is exact whatever the order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 50 }), (cents) => {
        const amounts = cents.map((c) => new Dec(c).dividedBy(100));
        const forward = sumPresent(amounts) ?? new Dec(0);
        const backward = sumPresent([...amounts].reverse()) ?? new Dec(0);
        const expected = new Dec(cents.reduce((a, b) => a + b, 0)).dividedBy(100);
        return forward.equals(expected) && backward.equals(expected);
      }),
    );
  });
});
