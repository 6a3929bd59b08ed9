/**
 * Every JXZP function over arbitrary arguments: what Excel or the CLI could pass (numbers to ±1e308 and
 * 5e-324, −0, NaN, ±Infinity; texts with absurd exponents, full-width digits, huge digit strings; booleans;
 * null; rectangles for range parameters). Each call gives a finite number or a text, or refuses with a
 * FunctionInputError carrying a Chinese message; never Infinity or NaN, never a long wait. And compute(),
 * over models with such cells, holds no Infinity or NaN anywhere in what it gives.
 */
import fc from "fast-check";
import { compute, Dec, workbookModel } from "../../src/domain";
import { FunctionInputError } from "../../src/functions/arguments";
import { JXZP, JXZP_FUNCTIONS } from "../../src/functions/definitions";
import { refusal } from "../support/refusal";

// No per-call timings (they flake on a busy machine): a pathological argument would run these hundreds of
// calls far past the test's time limit.

const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(1e308, -1e308, 5e-324, -5e-324, -0, 0, NaN, Infinity, -Infinity, 1e15, 1e-20, 1e-300, 1e21, 1e-7),
  fc.integer({ min: -1000, max: 1000 }),
);

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

const hostileText = fc.oneof(
  fc.constantFrom(
    "1e9000000000000000",
    "-1e9000000000000000",
    "1e-400",
    "1e-9000000000000000",
    "1e308",
    "1e-300",
    "0e99999999999",
    "０.０００１",
    "１，３００．５",
    "0.0000001%",
    "≥0.0000001%",
    "1e9000000000000000%",
    "0%",
    "100%",
    "97%",
    "≤0.0000001万元",
    "不适用",
    "提高",
    "12月底前",
    "12月",
    "达成",
    "national",
    "platform",
    "NaN",
    "Infinity",
    "-Infinity",
    "",
    " ",
  ),
  // Huge digit strings, as plain numbers, decimals below 1, percentages and amounts.
  fc
    .tuple(digits(1, 400), fc.constantFrom("", "%", "万元", "亿元", "个", "‰"), fc.constantFrom("", "0.", "≥", "≤0."))
    .map(([d, unit, prefix]) => `${prefix}${d}${unit}`),
  fc
    .tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom("%", "万元", ""))
    .map(([n, u]) => `0.${"0".repeat(n)}1${u}`),
  // Exponent texts of any size.
  fc
    .tuple(
      fc.constantFrom("", "-", "+"),
      fc.stringMatching(/^\d{1,20}(\.\d{0,20})?$/),
      fc.constantFrom("e", "E"),
      fc.constantFrom("", "+", "-"),
      fc.oneof(fc.integer({ min: 0, max: 400 }), fc.bigInt({ min: 0n, max: 10n ** 25n })),
      fc.constantFrom("", "%"),
    )
    .map(([s, m, e, es, x, u]) => `${s}${m}${e}${es}${x}${u}`),
  // Full-width digits.
  digits(1, 30).map((d) => d.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
  fc.string({ maxLength: 30 }),
);

const scalar = fc.oneof(hostileNumber, hostileText, fc.boolean(), fc.constant(null), fc.constant(undefined));
const rectangle = fc.array(fc.array(scalar, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });

/** A value for a parameter: ranges take rectangles (and, from the CLI, anything else). */
const argument = (isRange: boolean) => (isRange ? fc.oneof({ weight: 4, arbitrary: rectangle }, scalar) : scalar);

describe.each(JXZP_FUNCTIONS.map((fn) => [fn.id, fn] as const))("%s", (_id, fn) => {
  test("gives a finite number, a text or a Chinese refusal for any arguments", () => {
    const args = fc.tuple(...fn.params.map((param) => argument(param.type === "range")));
    fc.assert(
      fc.property(args, (values) => {
        let result: unknown;
        try {
          result = fn.invoke(values);
        } catch (error) {
          expect(error).toBeInstanceOf(FunctionInputError);
          expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
          expect((error as Error).message.length).toBeLessThan(300);
          return;
        }
        if (typeof result === "number") expect(Number.isFinite(result)).toBe(true);
        else expect(typeof result).toBe("string");
      }),
      { numRuns: 500 },
    );
  });
});

describe("the fuzz's findings, as cells show them", () => {
  test("a change, completion or total past what Excel holds is refused, not Infinity", () => {
    for (const call of [
      () => JXZP.CHANGERATE(1e308, 1e-300),
      () => JXZP.CHANGERATE("1e9000000000000000", 1),
      () => JXZP.EXECRATE(1e308, 5e-324),
      () => JXZP.COMPLETIONRATE("0.0000001%", `1${"0".repeat(400)}%`),
      () => JXZP.COMPLETIONRATE(`0.${"0".repeat(400)}1%`, "97%"),
      () => JXZP.INDICATORSCORE(5, `0.${"0".repeat(400)}1%`, "97%"),
      () => JXZP.TOTALSCORE(10, [[1e308], [1e308]]),
      () => JXZP.TOTALSCORE("1e400", [[1]]),
      () => JXZP.GRADE(1e308),
      () => JXZP.PERCENTTEXT("1e9000000000000000"),
    ]) {
      const { message } = refusal(call);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("ordinary tiny and large values still compute", () => {
    expect(JXZP.COMPLETIONRATE("0.0000001%", "0.0000002%")).toBe(2);
    expect(JXZP.CHANGERATE(2e14, 1e14)).toBe(1);
    expect(JXZP.EXECRATE(1, 1e-20)).toBe(1e20);
    expect(JXZP.CHANGERATE(-0, 5)).toBe(-1);
    expect(Object.is(JXZP.CHANGERATE(5, 5), 0)).toBe(true);
  });
});

/** Every number and decimal in `value`, with where it lies, that is not finite. */
function nonFinite(value: unknown, path = "computation", seen = new Set<unknown>()): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value instanceof Dec) return value.isFinite() ? [] : [`${path} = ${value.toString()}`];
  if (value === null || typeof value !== "object" || seen.has(value)) return [];
  seen.add(value);
  return Object.entries(value).flatMap(([key, item]) => nonFinite(item, `${path}.${key}`, seen));
}

test("compute() over models with hostile cells gives no Infinity or NaN", () => {
  let computed = 0;
  const row = fc.record({
    target: hostileText,
    actual: hostileText,
    weight: fc.oneof(hostileNumber, hostileText, fc.constant(null)),
    score: fc.oneof(hostileNumber, hostileText, fc.constant(null)),
    band: fc.constantFrom(null, "达成", "2", "优秀"),
    name: fc.constantFrom(null, "项目成本", "办公经费控制率", "高新技术企业数"),
  });
  const amount = fc.oneof(hostileNumber, hostileText, fc.constant(null));
  const funds = fc.record({ fullYearBudget: amount, executed: amount, weight: amount, executionRate: amount });
  fc.assert(
    fc.property(fc.array(row, { maxLength: 5 }), funds, fc.constantFrom("national", "platform"), (rows, f, id) => {
      // Out-of-bounds cells are findings of the model's schema; every row and fund that passes it is computed.
      const keep = <T extends object>(value: T, where: "funds" | "indicators" = "indicators"): Partial<T> =>
        Object.fromEntries(
          Object.entries(value).filter(([key, item]) => {
            const cell = { [key]: item };
            return workbookModel.safeParse({ eval: where === "funds" ? { funds: cell } : { indicators: [cell] } })
              .success;
          }),
        ) as Partial<T>;
      const parsed = workbookModel.safeParse({
        eval: { funds: keep(f, "funds"), indicators: rows.map((r) => keep(r)) },
      });
      if (!parsed.success) return;
      computed += 1;
      expect(nonFinite(compute(parsed.data, id))).toEqual([]);
    }),
    { numRuns: 300 },
  );
  // Most models pass the schema once out-of-bounds cells are left out: the property is not vacuous.
  expect(computed).toBeGreaterThan(200);
});
