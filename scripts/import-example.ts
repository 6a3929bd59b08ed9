/**
 * Maps a transcribed published example (../shared/examples/*.json, a neutral description of the
 * published tables) onto the project's model, written to samples/. Run: npx tsx scripts/import-example.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Triple = [number | null, number | null, number | null];
type Named = { name: string; values: Triple };

interface PublishedExample {
  unit: string;
  year: number;
  basicData: {
    staff: { authorized: number; actual: number; controlRatePublished: string };
    expenseControl: {
      threePublic: {
        total: Triple;
        vehicles: { total: Triple; purchase: Triple; operation: Triple };
        overseas: Triple;
        reception: Triple;
      };
      projects: { total: Triple; lines: Named[] };
      publicFunds: { total: Triple; of: Named[] };
      governmentProcurement: Triple;
      basicBudgetAdjustment: Triple;
    };
    buildings: Record<string, number | string>;
    savingMeasures: string;
  };
  selfEvaluation: {
    funds: {
      initialBudget: number;
      fullYearBudget: number;
      executed: number;
      weight: number;
      executionRatePublished: string;
      scorePublished: number;
      byIncome: { generalPublicBudget: number; governmentFund: number; nonTaxSpecialAccount: number; other: number };
      byExpense: { basic: number; project: number };
    };
    overallGoal: { expected: string; actual: string };
    indicators: Array<{
      level1: string;
      level2: string;
      name: string;
      target: string;
      actual: string;
      weight: number;
      score: number;
      deviation: string;
    }>;
    totalScorePublished: number;
  };
}

const triple = ([prev, budget, final]: Triple) => ({ prev, budget, final });

/** The published tables as the project's model; published computed cells are kept as entered. */
export function fromPublishedExample(example: PublishedExample) {
  const { basicData: b, selfEvaluation: s } = example;
  const ec = b.expenseControl;
  const publicFundsOf = (name: string) => triple(ec.publicFunds.of.find((item) => item.name === name)!.values);
  return {
    $schema: "../schema/model.schema.json",
    basic: {
      unit: example.unit,
      year: example.year,
      staff: { authorized: b.staff.authorized, actual: b.staff.actual, controlRate: b.staff.controlRatePublished },
      threePublic: {
        total: triple(ec.threePublic.total),
        vehicles: triple(ec.threePublic.vehicles.total),
        vehiclePurchase: triple(ec.threePublic.vehicles.purchase),
        vehicleOperation: triple(ec.threePublic.vehicles.operation),
        overseas: triple(ec.threePublic.overseas),
        reception: triple(ec.threePublic.reception),
      },
      projects: {
        total: triple(ec.projects.total),
        lines: ec.projects.lines.map((line) => ({ name: line.name, ...triple(line.values) })),
      },
      publicFunds: {
        total: triple(ec.publicFunds.total),
        office: publicFundsOf("办公经费"),
        utilitiesTravel: publicFundsOf("水费、电费、差旅费"),
        meetingsTraining: publicFundsOf("会议费、培训费"),
      },
      procurement: triple(ec.governmentProcurement),
      budgetAdjustment: triple(ec.basicBudgetAdjustment),
      buildings: {
        approvedArea: b.buildings.approvedArea,
        actualArea: b.buildings.actualArea,
        budgetInvestment: b.buildings.budgetInvestment,
        actualInvestment: b.buildings.actualInvestment,
      },
      savingMeasures: b.savingMeasures,
    },
    eval: {
      unit: example.unit,
      year: example.year,
      funds: {
        initialBudget: s.funds.initialBudget,
        fullYearBudget: s.funds.fullYearBudget,
        executed: s.funds.executed,
        weight: s.funds.weight,
        executionRate: s.funds.executionRatePublished,
        score: s.funds.scorePublished,
        income: {
          general: s.funds.byIncome.generalPublicBudget,
          governmentFund: s.funds.byIncome.governmentFund,
          specialAccount: s.funds.byIncome.nonTaxSpecialAccount,
          other: s.funds.byIncome.other,
        },
        expense: { basic: s.funds.byExpense.basic, project: s.funds.byExpense.project },
      },
      goal: { expected: s.overallGoal.expected, actual: s.overallGoal.actual },
      indicators: s.indicators.map((row) => ({ ...row })),
      total: s.totalScorePublished,
    },
  };
}

export const EXAMPLE_PATH = join(__dirname, "..", "..", "shared", "examples", "zhuzhou-kjj-2024.json");
export const SAMPLE_PATH = join(__dirname, "..", "samples", "zhuzhou-kjj-2024.json");

if (require.main === module) {
  const example = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8")) as PublishedExample;
  writeFileSync(SAMPLE_PATH, `${JSON.stringify(fromPublishedExample(example), null, 2)}\n`);
  console.log(`已写入 ${SAMPLE_PATH}`);
}
