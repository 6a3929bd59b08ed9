/**
 * The JSON model of one workbook. Its paths are the contract keys of SPEC section 9
 * (`basic.staff.authorized` is `model.basic.staff.authorized`); `null` is an empty cell, distinct
 * from 0. Amounts arrive as JSON numbers or decimal strings and are held as exact decimals.
 */
import { z } from "zod";
import { amount, date, enteredCompletion, enteredRate, headcount, text, year } from "./fields";
import { yueyangForm } from "./yueyang/form";
import { MAX_PROJECTS } from "./projects/contract";

export { amount, date, decimalValue, enteredCompletion, enteredRate, headcount, text, year } from "./fields";

/** {prev, budget, final}: N-1年决算数, N年预算数, N年决算数. */
export const amountTriple = z
  .strictObject({ prev: amount, budget: amount, final: amount })
  .prefault({})
  .meta({ description: "金额三元组（万元）：prev N-1年决算数，budget N年预算数，final N年决算数" });

export const projectLine = z.strictObject({
  name: text,
  prev: amount,
  budget: amount,
  final: amount,
});

export const indicatorRow = z.strictObject({
  level1: text,
  level2: text,
  name: text,
  target: text,
  actual: text,
  weight: amount,
  score: amount,
  deviation: text,
  /** 达成 / 部分达成 / 未达成: the band a user picks for a qualitative indicator. */
  band: text,
  /** Computed columns as the sheet shows them (kept so validation can compare). */
  completion: enteredCompletion,
  suggestedScore: amount,
});

const basic = z
  .strictObject({
    unit: text,
    year,
    preparer: text,
    filledOn: date,
    phone: text,
    head: text,
    staff: z.strictObject({ authorized: headcount, actual: headcount, controlRate: enteredRate }).prefault({}),
    threePublic: z
      .strictObject({
        total: amountTriple,
        vehicles: amountTriple,
        vehiclePurchase: amountTriple,
        vehicleOperation: amountTriple,
        overseas: amountTriple,
        reception: amountTriple,
      })
      .prefault({}),
    projects: z.strictObject({ total: amountTriple, lines: z.array(projectLine).default([]) }).prefault({}),
    publicFunds: z
      .strictObject({
        total: amountTriple,
        office: amountTriple,
        utilitiesTravel: amountTriple,
        meetingsTraining: amountTriple,
      })
      .prefault({}),
    procurement: amountTriple,
    budgetAdjustment: amountTriple,
    buildings: z
      .strictObject({
        approvedArea: amount,
        actualArea: amount,
        areaControlRate: enteredRate,
        budgetInvestment: amount,
        actualInvestment: amount,
        investmentControlRate: enteredRate,
      })
      .prefault({}),
    savingMeasures: text,
  })
  .prefault({});

const evaluation = z
  .strictObject({
    unit: text,
    year,
    funds: z
      .strictObject({
        initialBudget: amount,
        fullYearBudget: amount,
        executed: amount,
        weight: amount,
        executionRate: enteredRate,
        score: amount,
        income: z
          .strictObject({ general: amount, governmentFund: amount, specialAccount: amount, other: amount })
          .prefault({}),
        expense: z.strictObject({ basic: amount, project: amount }).prefault({}),
      })
      .prefault({}),
    goal: z.strictObject({ expected: text, actual: text }).prefault({}),
    indicators: z.array(indicatorRow).default([]),
    weightTotal: amount,
    total: amount,
    grade: text,
    preparer: text,
    filledOn: date,
    phone: text,
    head: text,
  })
  .prefault({});

/** One row of a project's 项目资金 block (当年财政拨款, 上年结转资金, 其他资金): amounts, and 执行率 as shown. */
const projectFundsRow = z
  .strictObject({ initialBudget: amount, fullYearBudget: amount, executed: amount, executionRate: enteredRate })
  .prefault({});

/**
 * 附件3 项目支出绩效自评表, one per key project (SPEC §10). The fields it shares with 附件2 carry 附件2's names
 * (funds.fullYearBudget, indicators, total …): one table shape, so one set of rules and formulas serves both.
 */
export const projectSheet = z.strictObject({
  name: text,
  department: text,
  implementer: text,
  year,
  funds: z
    .strictObject({
      /** The 年度资金总额 row: amounts, 分值, 执行率 and 得分 as 附件2's funds block. */
      initialBudget: amount,
      fullYearBudget: amount,
      executed: amount,
      weight: amount,
      executionRate: enteredRate,
      score: amount,
      current: projectFundsRow,
      carryover: projectFundsRow,
      other: projectFundsRow,
    })
    .prefault({}),
  goal: z.strictObject({ expected: text, actual: text }).prefault({}),
  indicators: z.array(indicatorRow).default([]),
  weightTotal: amount,
  total: amount,
  grade: text,
});

const report = z
  .strictObject({
    duties: text,
    achievements: text,
    problems: text,
    measures: text,
    publicity: text,
  })
  .prefault({});

/** A warning the user has explained: kept in the workbook so it is not raised as open again. */
export const acknowledgement = z.strictObject({
  rule: text,
  reason: text,
  /** The finding's cell, as a model path ("basic.projects.total.final"); empty for the whole rule. */
  key: text,
});

const review = z
  .strictObject({
    /** The scoring profile the workbook is evaluated with: its id or Chinese name; empty for the default. */
    profile: text,
    acknowledgements: z.array(acknowledgement).default([]),
  })
  .prefault({});

export const workbookModel = z
  .strictObject({
    $schema: z.string().optional(),
    basic,
    eval: evaluation,
    /** 附件3 项目支出绩效自评表, in the workbook's order (projects[1] is 附件3-1). */
    projects: z
      .array(projectSheet)
      .max(MAX_PROJECTS, { error: `项目支出绩效自评表最多 ${MAX_PROJECTS} 张` })
      .default([]),
    report,
    /** What only the table-form report has (表式报告（岳阳）, SPEC §11). */
    form: yueyangForm,
    review,
  })
  .meta({
    title: "绩效自评助手工作簿模型",
    description: "部门整体支出绩效自评：附件1 基础数据表、附件2 自评表、附件3 项目支出绩效自评表与报告文字",
  });

export type WorkbookModel = z.output<typeof workbookModel>;
export type WorkbookModelInput = z.input<typeof workbookModel>;
export type AmountTriple = WorkbookModel["basic"]["procurement"];
export type ProjectLine = z.output<typeof projectLine>;
export type IndicatorRow = z.output<typeof indicatorRow>;
export type ProjectSheet = z.output<typeof projectSheet>;
export type ProjectFundsRow = ProjectSheet["funds"]["current"];
export type Acknowledgement = z.output<typeof acknowledgement>;

/** A blank model: every cell empty. */
export function emptyModel(): WorkbookModel {
  return workbookModel.parse({});
}
