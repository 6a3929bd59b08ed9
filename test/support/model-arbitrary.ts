/**
 * Random model inputs (JSON, as a user could type them) for the round-trip properties: the xlsx
 * round trip and the reader's differential test.
 */
import fc from "fast-check";

const han = fc.string({
  unit: fc.constantFrom(..."株洲市科学技术局经费项目指标完成率高新企业数量质量时效成本满意度"),
  minLength: 1,
  maxLength: 12,
});
const amount = fc.option(
  fc.integer({ min: 0, max: 10 ** 9 }).map((c) => c / 100),
  { nil: null },
);
const triple = fc.record({ prev: amount, budget: amount, final: amount });
const text = fc.option(han, { nil: null });
const date = fc.option(
  fc
    .date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  { nil: null },
);
const indicatorRow = fc.record({
  level1: han,
  level2: text,
  name: text,
  target: text,
  actual: text,
  weight: amount,
  score: amount,
  deviation: text,
  band: text,
});
const year = fc.option(fc.integer({ min: 2000, max: 2099 }), { nil: null });
const fundsRow = fc.record({ initialBudget: amount, fullYearBudget: amount, executed: amount });

/**
 * A 附件3 project table: random funds (the total row and its three sources), goal, and an indicator table of
 * 0–25 rows, beyond the 10 blank rows of a new table now and then (so the 总分 row moves down).
 */
export const projectInput = fc.record({
  name: text,
  department: text,
  implementer: text,
  year,
  funds: fc.record({
    initialBudget: amount,
    fullYearBudget: amount,
    executed: amount,
    weight: amount,
    current: fundsRow,
    carryover: fundsRow,
    other: fundsRow,
  }),
  goal: fc.record({ expected: text, actual: text }),
  indicators: fc.array(indicatorRow, { maxLength: 25, size: "max" }),
});

export const modelInput = fc.record({
  basic: fc.record({
    unit: text,
    year,
    preparer: text,
    filledOn: date,
    phone: text,
    head: text,
    staff: fc.record({
      authorized: fc.option(fc.nat(5000), { nil: null }),
      actual: fc.option(fc.nat(5000), { nil: null }),
    }),
    threePublic: fc.record({
      total: triple,
      vehicles: triple,
      vehiclePurchase: triple,
      vehicleOperation: triple,
      overseas: triple,
      reception: triple,
    }),
    projects: fc.record({
      total: triple,
      lines: fc.array(fc.record({ name: han, prev: amount, budget: amount, final: amount }), { maxLength: 8 }),
    }),
    publicFunds: fc.record({ total: triple, office: triple, utilitiesTravel: triple, meetingsTraining: triple }),
    procurement: triple,
    budgetAdjustment: triple,
    buildings: fc.record({
      approvedArea: amount,
      actualArea: amount,
      budgetInvestment: amount,
      actualInvestment: amount,
    }),
    savingMeasures: text,
  }),
  eval: fc.record({
    unit: text,
    year,
    funds: fc.record({
      initialBudget: amount,
      fullYearBudget: amount,
      executed: amount,
      weight: amount,
      income: fc.record({ general: amount, governmentFund: amount, specialAccount: amount, other: amount }),
      expense: fc.record({ basic: amount, project: amount }),
    }),
    goal: fc.record({ expected: text, actual: text }),
    indicators: fc.array(indicatorRow, { maxLength: 22 }),
    preparer: text,
    filledOn: date,
    phone: text,
    head: text,
  }),
  /** 0–5 project tables (附件3-1 …). */
  projects: fc.array(projectInput, { maxLength: 5 }),
  report: fc.record({ duties: text, achievements: text, problems: text, measures: text, publicity: text }),
});
