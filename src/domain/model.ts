/**
 * The JSON model of one workbook. Its paths are the contract keys of SPEC section 9
 * (`basic.staff.authorized` is `model.basic.staff.authorized`); `null` is an empty cell, distinct
 * from 0. Amounts arrive as JSON numbers or decimal strings and are held as exact decimals.
 */
import { z } from "zod";
import { Dec, decimalProblemText, excerpt, normaliseNumberText, readDecimal } from "./decimal";
import { NOT_APPLICABLE } from "./rates";

/** An amount in 万元 (or any decimal quantity): number or decimal text → exact decimal. */
export const decimalValue = z
  .union([z.number(), z.string()])
  .transform((value, ctx): Dec => {
    const read = readDecimal(typeof value === "number" ? value : normaliseNumberText(excerpt(value, 1000)));
    if ("problem" in read) {
      const why = read.problem === "notNumber" ? "" : `，${decimalProblemText(read.problem)}`;
      ctx.addIssue({ code: "custom", message: `应为数字${why}，实际为「${excerpt(String(value))}」` });
      return z.NEVER;
    }
    return read.dec;
  })
  .meta({ description: '数字（JSON 数字或十进制文本，如 38.67 或 "38.67"）' });

export const amount = decimalValue.nullable().default(null);

/** Text cell: trimmed; an empty string is an empty cell (null). Numbers typed into text cells are kept as text. */
export const text = z
  .union([z.string(), z.number()])
  .transform((value) => {
    const trimmed = String(value).trim();
    return trimmed === "" ? null : trimmed;
  })
  .nullable()
  .default(null);

export const headcount = z
  .number({ error: "应为整数" })
  .int({ error: "应为整数" })
  .min(0, { error: "不能为负数" })
  .nullable()
  .default(null)
  .meta({ description: "人数（整数）" });

export const year = z
  .number({ error: "应为年份（四位整数）" })
  .int({ error: "应为年份（四位整数）" })
  .min(1990, { error: "应为1990–2100年之间的年份" })
  .max(2100, { error: "应为1990–2100年之间的年份" })
  .nullable()
  .default(null)
  .meta({ description: "年度，如 2024" });

/** ISO date "2024-05-15". */
export const date = z.iso.date({ error: "应为日期，格式 YYYY-MM-DD" }).nullable().default(null);

/**
 * A rate typed in a table (computed cells may hold what the user or a formula put there):
 * a fraction (0.8205), a percentage text ("82.05%"), 不适用, or one of `words`. Kept so validation can
 * recompute it.
 */
function rateSchema<const Words extends readonly string[]>(words: Words) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx): Dec | Words[number] | typeof NOT_APPLICABLE => {
      const trimmed = typeof value === "number" ? value : normaliseNumberText(excerpt(value, 1000)).replace("％", "%");
      if (typeof trimmed === "number") {
        const read = readDecimal(trimmed);
        if ("dec" in read) return read.dec;
        ctx.addIssue({
          code: "custom",
          message: `应为比率，${decimalProblemText(read.problem)}，实际为 ${excerpt(String(value))}`,
        });
        return z.NEVER;
      }
      if (trimmed === NOT_APPLICABLE) return NOT_APPLICABLE;
      const word = words.find((w) => w === trimmed);
      if (word !== undefined) return word;
      const percent = /^(.*)%$/.exec(trimmed);
      const read = readDecimal(percent ? percent[1] : trimmed);
      if ("problem" in read) {
        const why = read.problem === "notNumber" ? "" : `，${decimalProblemText(read.problem)}`;
        ctx.addIssue({
          code: "custom",
          message: `应为比率（如 0.8205 或 82.05%）${why}，实际为「${excerpt(String(value))}」`,
        });
        return z.NEVER;
      }
      return percent ? read.dec.dividedBy(100) : read.dec;
    })
    .nullable()
    .default(null);
}

export const enteredRate = rateSchema([]).meta({
  description: '比率：小数（0.8205）、百分比文本（"82.05%"）或 "不适用"',
});

/** 完成率 as the helper column shows it: a rate, or for time targets 按期完成 / 未按期完成. */
export const enteredCompletion = rateSchema(["按期完成", "未按期完成"]).meta({
  description: '完成率：比率，或时间指标的 "按期完成" / "未按期完成"',
});

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
    projects: z.array(projectSheet).default([]),
    report,
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
