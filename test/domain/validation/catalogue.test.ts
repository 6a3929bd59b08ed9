/**
 * The validator catalogue, rule by rule (SPEC §7): for every rule id of RULES, and for "review.profile"
 * (raised by validate() itself), a failing case that raises it — with the numbers in its message — and a
 * passing case, the same small model with the slip corrected, that does not. A rule added to or removed
 * from the catalogue without its cases here fails the completeness test.
 */
import { NAMED_ENTRIES, SHEETS } from "../../../src/domain/contract";
import { workbookModel, type WorkbookModelInput } from "../../../src/domain/model";
import {
  canExplain,
  RULES,
  severitiesOf,
  severityUnder,
  validate,
  type CellFact,
  type NameFallback,
  type ValidationOptions,
  type ValidationResult,
} from "../../../src/domain/validation";

/** Every key present, `undefined` taken out (null stays: an empty cell): a model input that edits can reach into. */
type Filled<T> = T extends readonly (infer U)[]
  ? Filled<U>[]
  : T extends object
    ? { -readonly [K in keyof T]-?: Filled<Exclude<T[K], undefined>> }
    : T;
type Model = Filled<Omit<WorkbookModelInput, "$schema">>;
type Row = Model["eval"]["indicators"][number];

interface Input {
  readonly model: WorkbookModelInput;
  readonly options?: ValidationOptions;
}

interface Case {
  /** Raises the rule. */
  readonly failing: () => Input;
  /** A close variant (the slip corrected) that does not. */
  readonly passing: () => Input;
  /** A meaningful fragment of the failing finding's message (its numbers). */
  readonly message: string;
}

const triple = (prev: number | null, budget: number | null, final: number | null) => ({ prev, budget, final });

function indicator(
  level1: string,
  level2: string,
  name: string,
  target: string,
  actual: string,
  weight: number,
  score: number,
): Row {
  return {
    level1,
    level2,
    name,
    target,
    actual,
    weight,
    score,
    deviation: null,
    band: null,
    completion: null,
    suggestedScore: null,
  };
}

/**
 * A small, fully consistent 2024 workbook: every sum holds, nothing overruns, the budget is spent in full
 * (执行率 100 %, so full indicator scores are no inflation), the computed cells agree, the weights total 100
 * (10 + 40 + 30 + 20), every target is met below 130 % and scored in full.
 * validate() finds nothing in it at all (see the first test).
 */
function base(): Model {
  return {
    basic: {
      unit: "示例局",
      year: 2024,
      preparer: "李明",
      filledOn: "2025-03-15",
      phone: "0731-28681234",
      head: "王强",
      staff: { authorized: 10, actual: 8, controlRate: 0.8 },
      threePublic: {
        total: triple(10, 12, 11),
        vehicles: triple(6, 7, 6.5),
        vehiclePurchase: triple(2, 3, 2.5),
        vehicleOperation: triple(4, 4, 4),
        overseas: triple(3, 3, 3),
        reception: triple(1, 2, 1.5),
      },
      projects: {
        total: triple(100, 120, 110),
        lines: [
          { name: "业务经费", prev: 60, budget: 70, final: 65 },
          { name: "专项经费", prev: 40, budget: 50, final: 45 },
        ],
      },
      publicFunds: {
        total: triple(20, 25, 22),
        office: triple(10, 12, 11),
        utilitiesTravel: triple(5, 6, 5),
        meetingsTraining: triple(2, 3, 2),
      },
      procurement: triple(null, 30, 28),
      budgetAdjustment: triple(null, null, null),
      buildings: {
        approvedArea: null,
        actualArea: null,
        areaControlRate: null,
        budgetInvestment: null,
        actualInvestment: null,
        investmentControlRate: null,
      },
      savingMeasures: null,
    },
    eval: {
      unit: "示例局",
      year: 2024,
      funds: {
        initialBudget: 300,
        fullYearBudget: 310,
        executed: 310, // 100.00 %
        weight: 10,
        executionRate: 1,
        score: 10,
        income: { general: 300, governmentFund: 0, specialAccount: 0, other: 10 },
        expense: { basic: 200, project: 110 },
      },
      goal: { expected: null, actual: null },
      indicators: [
        indicator("产出指标", "数量指标", "培训场次", "≥10次", "12次", 40, 40),
        indicator("效益指标", "社会效益指标", "政策知晓率", "≥90%", "92%", 30, 30),
        indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "96%", 20, 20),
      ],
      weightTotal: 100,
      total: 100,
      grade: "优",
      preparer: "李明",
      filledOn: "2025-03-15",
      phone: "0731-28681234",
      head: "王强",
    },
    projects: [],
    form: {
      budgetCode: null,
      method: null,
      evaluator: null,
      reportDate: null,
      contact: null,
      contactPhone: null,
      tasks: [],
      income: [],
      spending: [],
      threePublic: [],
      assets: [],
      qualitative: [],
      evaluators: [],
      score: null,
      grade: null,
      filler: null,
      fillerPhone: null,
    },
    report: { duties: null, achievements: null, problems: null, measures: null, publicity: null },
    review: { profile: null, acknowledgements: [] },
  };
}

/** The base model edited (and options, for the checks of the cells themselves). */
const variant =
  (edit: (m: Model) => void = () => {}, options: ValidationOptions = {}) =>
  (): Input => {
    const model = base();
    edit(model);
    return { model, options };
  };

const row = (m: Model, n: number): Row => m.eval.indicators[n - 1]!;

/** 政策知晓率 missed: 81 % of a ≥90 % target, completion 90.00 %, suggested 27.00 of 30 (总分 10 + 40 + 27 + 20). */
function missedTarget(m: Model, score: number, deviation: string | null) {
  Object.assign(row(m, 2), { actual: "81%", score, deviation });
  m.eval.total = 10 + 40 + score + 20;
}

/** 全年执行数 `executed` of the 310 budget, the sheet showing the rate, the (capped) score and 总分 that follow. */
function executedAt(m: Model, executed: number, rate: number | string, score: number | null) {
  Object.assign(m.eval.funds, { executed, executionRate: rate, score });
  m.eval.total = (score ?? 0) + 90;
}

/** 执行率 executed/310 under the 预算管理一体化平台 profile, the sheet showing its own (uncapped) figures. */
function platformAt(m: Model, executed: number, rate: number) {
  m.review.profile = "预算管理一体化平台";
  Object.assign(m.eval.funds, { executed, executionRate: rate, score: 10 * rate });
  m.eval.total = 10 * rate + 90;
  m.eval.grade = "优";
}

type Project = Model["projects"][number];

/**
 * 附件3 for the 专项经费 line of 附件1 (本年预算数 50, spent in full: withProject makes its 决算数 50): sources
 * adding up in every column, 执行率 100 %, indicators scored in full: 总分 100, 优. validate() finds nothing in it.
 */
function project(): Project {
  const source = (initialBudget: number, fullYearBudget: number, executed: number, executionRate: number) => ({
    initialBudget,
    fullYearBudget,
    executed,
    executionRate,
  });
  return {
    name: "专项经费",
    year: 2024,
    department: "示例局",
    implementer: "示例局",
    funds: {
      initialBudget: 50,
      fullYearBudget: 50,
      executed: 50,
      weight: 10,
      executionRate: 1,
      score: 10,
      current: source(40, 40, 40, 1),
      carryover: source(10, 10, 10, 1),
      other: { initialBudget: null, fullYearBudget: null, executed: null, executionRate: null },
    },
    goal: { expected: "完成专项任务", actual: "已完成" },
    indicators: [
      indicator("产出指标", "数量指标", "支持项目数", "≥20个", "21个", 50, 50),
      indicator("效益指标", "社会效益指标", "带动就业人数", "≥100人", "105人", 30, 30),
      indicator("满意度指标", "服务对象满意度指标", "受益对象满意度", "≥90%", "93%", 10, 10),
    ],
    weightTotal: 100,
    total: 100,
    grade: "优",
  };
}

/** The base model with its 专项经费 project table, edited (附件1's lines: 业务经费 60 + 专项经费 50, still 110). */
const withProject = (edit: (p: Project, m: Model) => void = () => {}) =>
  variant((m) => {
    m.basic.projects.lines[0]!.final = 60;
    m.basic.projects.lines[1]!.final = 50;
    m.projects = [project()];
    edit(m.projects[0]!, m);
  });

/**
 * 表式报告（岳阳）'s 三公经费 table for the base model: 汇总 = 局机关 + 二级机构, each row's 合计 = its parts, the
 * 汇总's 合计 the base's 附件1 三公经费 决算数 11 — consistent.
 */
function withForm(edit: (rows: Model["form"]["threePublic"], m: Model) => void = () => {}) {
  return variant((m) => {
    // 公务接待费, 公务用车运维费, 公务用车购置费, 因公出国费 as 附件1's 决算数 (1.5, 4, 2.5, 3: 11).
    const row = (unit: string, parts: [number, number, number, number], total = parts.reduce((a, b) => a + b)) => ({
      unit,
      total,
      reception: parts[0],
      vehicleOperation: parts[1],
      vehiclePurchase: parts[2],
      overseas: parts[3],
    });
    m.form.threePublic = [
      row("局机关及二级机构汇总", [1.5, 4, 2.5, 3]),
      row("1、局机关", [1, 3, 2.5, 2.5]),
      row("2、事务中心", [0.5, 1, 0, 0.5]),
    ];
    edit(m.form.threePublic, m);
  });
}

/** A cell as the workbook holds it. */
const cell = (over: Partial<CellFact> & Pick<CellFact, "key" | "kind">): CellFact => ({
  role: "input",
  value: null,
  formula: null,
  expectedFormula: null,
  ...over,
});
const CONTROL_RATE_FORMULA = '=IF(N(基础_编制数)=0,"不适用",ROUND(基础_实际在职人数/基础_编制数,4))';
const EXECUTION_RATE_FORMULA = '=IF(N(自评_全年预算数)=0,"不适用",ROUND(自评_全年执行数/自评_全年预算数,4))';
const cells = (...list: CellFact[]): ValidationOptions => ({ cells: list });
/** The defined name of a contract cell, missing or broken: read where the template puts it. */
const fallback = (key: string): NameFallback => {
  const entry = NAMED_ENTRIES.find((e) => e.key === key)!;
  return { key, name: entry.name, label: entry.label, sheet: SHEETS[entry.sheet].name, address: entry.address };
};

const CASES: Record<string, Case> = {
  "review.profile": {
    failing: variant((m) => (m.review.profile = "某某口径")),
    passing: variant((m) => (m.review.profile = "预算管理一体化平台")),
    message: "评分口径「某某口径」不认识，按“全国通用”校验（可选：全国通用、预算管理一体化平台、",
  },

  // Names
  "names.fallback": {
    failing: variant(() => {}, { fallbacks: [fallback("eval.funds.fullYearBudget")] }),
    passing: variant(() => {}, { fallbacks: [] }),
    message:
      "名称「自评_全年预算数」（全年预算数）缺失或已失效：已按模板位置「附件2 自评表」D4 读取。" +
      "请在 Excel 中按「安装模板」修复（已填写的内容会保留）",
  },

  // Required
  "required.header": {
    failing: variant((m) => (m.basic.unit = " ")),
    passing: variant(),
    message: "未填写单位名称（附件1）",
  },
  "required.staff": {
    failing: variant((m) => (m.basic.staff.actual = null)),
    passing: variant(),
    message: "未填写实际在职人数",
  },
  "required.funds": {
    failing: variant((m) => (m.eval.funds.weight = null)),
    passing: variant(),
    message: "未填写执行率分值",
  },
  "required.indicators": {
    failing: variant((m) => (m.eval.indicators = [])),
    passing: variant(),
    message: "没有绩效指标：自评表至少需要一行绩效指标",
  },
  "required.signature": {
    failing: variant((m) => (m.eval.preparer = null)),
    passing: variant(),
    message: "未填写填表人（附件2）",
  },

  // Types
  "type.cell": {
    failing: variant(() => {}, { problems: [{ key: "basic.staff.authorized", message: "应为整数，实际为「十」" }] }),
    passing: variant(() => {}, { problems: [] }),
    message: "应为整数，实际为「十」",
  },
  "format.decimals": {
    failing: variant((m) => (m.basic.procurement.final = 28.005)),
    passing: variant((m) => (m.basic.procurement.final = 28.01)),
    message: "金额以万元计，最多两位小数，这里是 28.005",
  },
  "format.phone": {
    failing: variant((m) => (m.eval.phone = "电话待定")),
    passing: variant((m) => (m.eval.phone = "（0731）2868 1234")),
    message: "联系电话「电话待定」不像电话号码（如 0731-28681234 或 13812345678）",
  },

  // Year
  "year.same": {
    failing: variant((m) => (m.eval.year = 2023)),
    passing: variant(),
    message: "附件2 的年度 2023 与附件1 的年度 2024 不同",
  },
  "year.filledOn": {
    failing: variant((m) => (m.basic.filledOn = "2023-12-31")),
    passing: variant((m) => (m.basic.filledOn = "2025-01-02")),
    message: "填报日期 2023-12-31 早于 2024 年度",
  },
  "year.filledDuring": {
    failing: variant((m) => (m.eval.filledOn = "2024-05-15")),
    // the first day after the year is after it
    passing: variant((m) => (m.eval.filledOn = "2025-01-01")),
    message: "填报日期 2024-05-15 在 2024 年度之内：自评应在年度结束后填报",
  },

  // Sums
  "sum.threePublic": {
    failing: variant((m) => (m.basic.threePublic.total.final = 12)),
    passing: variant(),
    message:
      "三公经费2024年决算数 12.00 ≠ 公务用车购置和维护经费 6.50 + 出国经费 3.00 + 公务接待 1.50 = 11.00，相差 1.00",
  },
  "sum.vehicles": {
    failing: variant((m) => (m.basic.threePublic.vehiclePurchase.prev = 3)),
    passing: variant(),
    message: "公务用车购置和维护经费2023年决算数 6.00 ≠ 公车购置 3.00 + 公车运行维护 4.00 = 7.00，相差 1.00",
  },
  "sum.projects": {
    failing: variant((m) => (m.basic.projects.lines[1]!.budget = 55)),
    passing: variant(),
    message: "项目支出2024年预算数 120.00 ≠ 业务经费 70.00 + 专项经费 55.00 = 125.00，相差 5.00",
  },
  "sum.publicFunds": {
    failing: variant((m) => (m.basic.publicFunds.office.final = 16)),
    // 公用经费 may exceed its 其中 items, or equal them
    passing: variant((m) => (m.basic.publicFunds.office.final = 15)),
    message:
      "公用经费2024年决算数 22.00 < 办公经费 16.00 + 水费、电费、差旅费 5.00 + 会议费、培训费 2.00 = 23.00，相差 1.00",
  },
  "sum.totalMissing": {
    failing: variant((m) => (m.basic.publicFunds.total.final = null)),
    passing: variant(),
    message:
      "公用经费2024年决算数未填写，但其中各项已填（办公经费 11.00 + 水费、电费、差旅费 5.00 + 会议费、培训费 2.00 = 18.00）：请填写合计",
  },
  "sum.income": {
    failing: variant((m) => (m.eval.funds.income.other = 5)),
    passing: variant(),
    message:
      "按收入性质分合计 一般公共预算 300.00 + 政府性基金拨款 0.00 + 纳入专户管理的非税收入拨款 0.00 + 其他资金 5.00 = 305.00 ≠ 全年预算数 310.00，相差 5.00",
  },
  "sum.expense": {
    failing: variant((m) => (m.eval.funds.expense.basic = 190)),
    passing: variant(),
    message: "按支出性质分合计 基本支出 190.00 + 项目支出 110.00 = 300.00 ≠ 全年预算数 310.00，相差 10.00",
  },

  // Overruns
  "overrun.threePublic": {
    failing: variant((m) => {
      m.basic.threePublic.reception.final = 2.5;
      m.basic.threePublic.total.final = 12;
    }),
    // 决算 equal to 预算 is no overrun
    passing: variant((m) => {
      m.basic.threePublic.reception.final = 2;
      m.basic.threePublic.total.final = 11.5;
    }),
    message: "公务接待2024年决算数 2.50 超过2024年预算数 2.00，超出 0.50：请说明原因",
  },
  "overrun.publicFunds": {
    failing: variant((m) => (m.basic.publicFunds.total.final = 26)),
    // 决算 equal to 预算 is no overrun
    passing: variant((m) => (m.basic.publicFunds.total.final = 25)),
    message: "公用经费2024年决算数 26.00 超过2024年预算数 25.00，超出 1.00：请说明原因",
  },
  "overrun.staff": {
    failing: variant((m) => Object.assign(m.basic.staff, { actual: 12, controlRate: 1.2 })),
    passing: variant((m) => Object.assign(m.basic.staff, { actual: 10, controlRate: 1 })),
    message: "实际在职人数 12 超过编制数 10，超编 2 人：请说明原因",
  },

  // Cross-table
  "cross.projects": {
    failing: variant((m) => Object.assign(m.eval.funds.expense, { basic: 210, project: 100 })),
    passing: variant(),
    message: "附件1 项目支出2024年决算数 110.00 ≠ 附件2 按支出性质分的项目支出 100.00，相差 10.00",
  },
  "cross.publicFunds": {
    failing: variant((m) => (m.basic.publicFunds.total.final = 201)),
    // 公用经费 equal to the whole 基本支出 is still part of it
    passing: variant((m) => (m.basic.publicFunds.total.final = 200)),
    message: "附件1 公用经费2024年决算数 201.00 大于附件2 基本支出 200.00",
  },
  "cross.unit": {
    failing: variant((m) => (m.eval.unit = "示例局机关")),
    passing: variant((m) => (m.eval.unit = " 示例局 ")),
    message: "附件2 预算单位名称「示例局机关」与附件1 单位名称「示例局」不同",
  },

  // Plausibility
  "adjustment.totals": {
    failing: variant((m) => (m.basic.budgetAdjustment.final = 200)),
    passing: variant((m) => (m.basic.budgetAdjustment.final = 8)),
    message:
      "部门基本支出预算调整2024年决算数 200.00 等于附件2 基本支出 200.00：这一行应填基本支出预算的调整数（调整后预算减年初预算），不是总额",
  },
  "unit.yuan": {
    // 公务接待 1.50 万元 typed as 15000 元
    failing: variant((m) => (m.basic.threePublic.reception.final = 15000)),
    passing: variant((m) => (m.basic.threePublic.reception.final = 1.5)),
    message:
      "公务接待2024年决算数 15000.00 是同一行2024年预算数 2.00 的 7500 倍：本表金额以万元计，这个数像是按元填的（按万元应为 1.50）",
  },

  // Funds
  "funds.overExecution": {
    failing: variant((m) => executedAt(m, 320, 1.0323, 10)),
    passing: variant((m) => executedAt(m, 310, 1, 10)),
    message:
      "全年执行数 320.00 超过全年预算数 310.00，超出 10.00，预算执行率 103.23%：请说明超预算支出的原因（执行率得分仍以分值 10.00 分封顶）",
  },
  "funds.provisional": {
    failing: variant((m) => {
      m.eval.funds.fullYearBudget = 0;
      executedAt(m, 310, "不适用", null);
    }),
    passing: variant(),
    message:
      "全年预算数为 0，预算执行率不适用：执行率得分无法计算，总分与等次为暂定（全年执行数 310.00，执行率分值 10.00 分未计入总分）",
  },

  // Recomputed
  "recomputed.value": {
    failing: variant((m) => (m.basic.staff.controlRate = "75%")),
    // 0.01 percentage point off is a rounding (recomputed.rounding), not a contradiction
    passing: variant((m) => (m.basic.staff.controlRate = "79.99%")),
    message: "在职人员控制率填的是 75.00%，按实际在职人数 ÷ 编制数应为 80.00%",
  },
  "recomputed.rounding": {
    failing: variant((m) => (m.eval.funds.score = 9.99)),
    passing: variant((m) => (m.eval.funds.score = 10)),
    message: "执行率得分填的是 9.99，按分值 × min(执行率, 100%)应为 10.00，相差 0.01：属尾数（四舍五入）差异",
  },
  "recomputed.notApplicable": {
    // 楼堂馆所 all zero, and the form printed 0 for the 0/0 控制率 (株洲 2024 did)
    failing: variant((m) => Object.assign(m.basic.buildings, { approvedArea: 0, actualArea: 0, areaControlRate: 0 })),
    passing: variant((m) =>
      Object.assign(m.basic.buildings, { approvedArea: 0, actualArea: 0, areaControlRate: "不适用" }),
    ),
    message: "规模控制率填的是 0.00%：按实际规模 ÷ 批复规模分母为 0，比率不适用，应写“不适用”而不是 0",
  },
  "score.cap": {
    // 执行率 70.00 % (< 80 %): the platform caps 总分 at 89
    failing: variant((m) => platformAt(m, 217, 0.7)),
    // 执行率 80.00 %: no cap applies
    passing: variant((m) => platformAt(m, 248, 0.8)),
    message:
      "按“预算管理一体化平台”口径，预算执行率 70.00% 时总分不超过 89.00 分：各项得分合计 97.00，总分按 89.00 计，等次为“良”",
  },

  // Weights
  "weights.total": {
    failing: variant((m) => (row(m, 1).weight = 45)),
    passing: variant(),
    message: "分值合计 105.00 ≠ 100（预算执行率 10.00，产出指标 45.00，效益指标 30.00，满意度指标 20.00），相差 5.00",
  },
  "weights.missing": {
    failing: variant((m) => (row(m, 2).weight = null)),
    passing: variant(),
    message: "绩效指标第2行「政策知晓率」没有分值",
  },
  "weights.levels": {
    failing: variant((m) => (row(m, 1).level2 = "社会效益指标")),
    passing: variant(),
    message:
      "绩效指标第1行「培训场次」的二级指标「社会效益指标」不属于一级指标「产出指标」（应为 数量指标、质量指标、时效指标、成本指标）",
  },

  // Scores
  "score.missing": {
    failing: variant((m) => (row(m, 3).score = null)),
    passing: variant(),
    message: "绩效指标第3行「服务对象满意度」有分值 20.00，但没有得分",
  },
  "score.range": {
    failing: variant((m) => (row(m, 2).score = 31)),
    passing: variant(),
    message: "绩效指标第2行「政策知晓率」得分 31.00 大于分值 30.00",
  },
  "score.reason": {
    failing: variant((m) => missedTarget(m, 27, "  ")),
    passing: variant((m) => missedTarget(m, 27, "宣传覆盖面不足，下年度增加宣讲场次")),
    message: "绩效指标第2行「政策知晓率」得分 27.00 低于分值 30.00，须填写偏差原因分析及改进措施",
  },
  "score.suggested": {
    failing: variant((m) => missedTarget(m, 25, "宣传覆盖面不足")),
    passing: variant((m) => missedTarget(m, 27, "宣传覆盖面不足")),
    message:
      "绩效指标第2行「政策知晓率」得分 25.00，完成率 90.00%（实际「81%」，目标「≥90%」），建议得分 27.00：未完成年度指标，按完成值与指标值的比例记分",
  },
  "score.missed": {
    // missed, and no 分值 to suggest a score from: the miss is still a finding, with its 完成率
    failing: variant((m) => {
      missedTarget(m, 27, "宣传覆盖面不足，下年度增加宣讲场次");
      row(m, 2).weight = null;
    }),
    // score.suggested already states this row's 完成率 (one cause, one finding)
    passing: variant((m) => missedTarget(m, 25, "宣传覆盖面不足，下年度增加宣讲场次")),
    message: "绩效指标第2行「政策知晓率」未完成年度指标：完成率 90.00%（实际「81%」，目标「≥90%」）",
  },
  "score.emptyReason": {
    failing: variant((m) => missedTarget(m, 27, "无。")),
    passing: variant((m) => missedTarget(m, 27, "宣传覆盖面不足，下年度增加宣讲场次")),
    message:
      "绩效指标第2行「政策知晓率」得分 27.00 低于分值 30.00，偏差原因分析只写了「无」：请写明未达标的原因和改进措施",
  },
  "score.noValues": {
    failing: variant((m) => Object.assign(row(m, 1), { target: null, actual: null })),
    passing: variant(),
    message: "绩效指标第1行「培训场次」没有年度指标值，也没有实际完成值，却有得分 40.00：得分无从依据",
  },
  "score.qualitativeBare": {
    failing: variant((m) => Object.assign(row(m, 2), { target: "提高", actual: "达成" })),
    passing: variant((m) => Object.assign(row(m, 2), { target: "提高", actual: "达成", band: "达成" })),
    message: "绩效指标第2行「政策知晓率」是定性指标，得分 30.00，但未选择评价档次，实际完成值「达成」只是结论",
  },
  "score.inflation": {
    // platform: 执行率 90.00 % beside full indicator scores (100.00 %) is 10.00 % too high, over 5 %
    failing: variant((m) => platformAt(m, 279, 0.9)),
    // 执行率 96.77 %: 3.23 % below the score rate
    passing: variant((m) => platformAt(m, 300, 0.9677)),
    message:
      "指标得分率 100.00%（各指标得分 90.00 ÷ 分值 90.00）高于预算执行率 90.00%，相对高出 10.00%，超过 5.00%：" +
      "得分与预算执行情况不相称，请核实各指标得分；按“预算管理一体化平台”口径属得分虚高预警",
  },
  "score.unscorable": {
    failing: variant((m) => (row(m, 1).actual = "12人")),
    passing: variant((m) => (row(m, 1).actual = "12次")),
    message:
      "绩效指标第1行「培训场次」无法计算建议得分：单位不一致：年度指标值「≥10次」单位为「次」，实际完成值「12人」单位为「人」",
  },
  "score.overAchievement": {
    failing: variant((m) => (row(m, 1).actual = "13次")),
    passing: variant((m) => (row(m, 1).actual = "12次")),
    message:
      "绩效指标第1行「培训场次」完成率 130.00%（实际「13次」，目标「≥10次」），超过 130.00%：请检查年度指标值是否定得过低",
  },

  // Slips in the cells as the workbook holds them
  "slip.errorValue": {
    failing: variant(
      () => {},
      cells(
        cell({
          key: "eval.funds.executionRate",
          kind: "rate",
          role: "computed",
          value: { error: "#DIV/0!" },
          formula: EXECUTION_RATE_FORMULA,
          expectedFormula: EXECUTION_RATE_FORMULA,
        }),
      ),
    ),
    passing: variant(
      () => {},
      cells(
        cell({
          key: "eval.funds.executionRate",
          kind: "rate",
          role: "computed",
          value: 1,
          formula: EXECUTION_RATE_FORMULA,
          expectedFormula: EXECUTION_RATE_FORMULA,
        }),
      ),
    ),
    message: "单元格显示错误 #DIV/0!",
  },
  "slip.textNumber": {
    failing: variant(() => {}, cells(cell({ key: "eval.funds.executed", kind: "amount", value: "２７９" }))),
    passing: variant(() => {}, cells(cell({ key: "eval.funds.executed", kind: "amount", value: 279 }))),
    message: "「２７９」是文本（含全角字符），不是数字：Excel 求和与公式会把它当作 0",
  },
  "slip.spaces": {
    failing: variant(() => {}, cells(cell({ key: "basic.unit", kind: "text", value: " 示例局" }))),
    passing: variant(() => {}, cells(cell({ key: "basic.unit", kind: "text", value: "示例局" }))),
    message: "「 示例局」前后有多余的空格",
  },
  "slip.overwritten": {
    failing: variant(
      () => {},
      cells(
        cell({
          key: "basic.staff.controlRate",
          kind: "rate",
          role: "computed",
          value: 0.8,
          expectedFormula: CONTROL_RATE_FORMULA,
        }),
      ),
    ),
    passing: variant(
      () => {},
      cells(
        cell({
          key: "basic.staff.controlRate",
          kind: "rate",
          role: "computed",
          value: 0.8,
          formula: CONTROL_RATE_FORMULA,
          expectedFormula: CONTROL_RATE_FORMULA,
        }),
      ),
    ),
    message: "这里本应是公式，现在是手填的值 0.8：数据变了它不会跟着变",
  },

  "slip.formulaMissing": {
    failing: variant(
      (m) => (m.eval.funds.executionRate = null),
      cells(
        cell({
          key: "eval.funds.executionRate",
          kind: "rate",
          role: "computed",
          expectedFormula: EXECUTION_RATE_FORMULA,
        }),
      ),
    ),
    passing: variant(
      () => {},
      cells(
        cell({
          key: "eval.funds.executionRate",
          kind: "rate",
          role: "computed",
          value: 1,
          formula: EXECUTION_RATE_FORMULA,
          expectedFormula: EXECUTION_RATE_FORMULA,
        }),
      ),
    ),
    message: "预算执行率是空的（模板的公式已被删除）：按表中数字应为 100.00%",
  },

  // 表式报告（岳阳）
  "form.units": {
    failing: withForm((rows) => Object.assign(rows[2]!, { reception: 1.5, total: 3 })),
    passing: withForm(),
    message: "三公经费汇总行三公经费合计 11.00 ≠ 1、局机关 9.00 + 2、事务中心 3.00 = 12.00，相差 1.00",
  },
  "form.rowTotal": {
    failing: withForm((rows) => (rows[1]!.total = 10)),
    passing: withForm(),
    message:
      "三公经费「1、局机关」三公经费合计 10.00 ≠ 公务接待费 1.00 + 公务用车运维费 3.00 + 公务用车购置费 2.50 + " +
      "因公出国费 2.50 = 9.00，相差 1.00",
  },
  "form.rounding": {
    failing: withForm((rows) => (rows[2]!.total = 2.01)),
    passing: withForm(),
    message:
      "三公经费「2、事务中心」三公经费合计 2.01 ≠ 公务接待费 0.50 + 公务用车运维费 1.00 + 公务用车购置费 0.00 + " +
      "因公出国费 0.50 = 2.00，相差 0.01",
  },
  "form.agreement": {
    failing: withForm((rows, m) => (m.basic.threePublic.total.final = 9)),
    passing: withForm(),
    message:
      "三公经费汇总行三公经费合计 11.00 ≠ 附件1 三公经费2024年决算数 9.00，相差 2.00：" +
      "附件1 三公经费2024年决算数 与本表「1、局机关」一致",
  },
  "form.score": {
    failing: withForm((rows, m) => Object.assign(m.form, { score: 98, grade: "优秀" })),
    passing: withForm((rows, m) => Object.assign(m.form, { score: 100, grade: "优" })),
    message: "绩效自评综合得分 98.00 ≠ 自评表总分 100.00",
  },

  // 附件3 项目支出绩效自评表
  "project.blank": {
    failing: variant((m) => (m.projects = [workbookModel.parse({ projects: [{}] }).projects[0] as never])),
    passing: withProject(),
    message: "附件3-1 项目是空表：请填写项目的资金、目标和指标，或在绩效自评助手中删除这张表",
  },
  "required.projectName": {
    failing: withProject((p) => (p.name = null)),
    passing: withProject(),
    message: "附件3-1 项目：未填写项目名称",
  },
  "sum.projectFunds": {
    failing: withProject((p) => (p.funds.executed = 0)),
    passing: withProject(),
    message:
      "项目「专项经费」（附件3-1）：年度资金总额·全年执行数填的是 0，" +
      "但其中各项已填（当年财政拨款 40.00 + 上年结转资金 10.00 + 其他资金 空 = 50.00）：请填写合计",
  },
  "recomputed.projectRate": {
    failing: withProject((p) => (p.funds.carryover.executionRate = 0.8)),
    passing: withProject((p) => (p.funds.carryover.executionRate = "100%" as never)),
    message: "项目「专项经费」（附件3-1）：上年结转资金执行率为 80.00%，按全年执行数 ÷ 全年预算数应为 100.00%",
  },
  "format.projectDecimals": {
    failing: withProject((p) => (p.funds.current.initialBudget = 40.004)),
    passing: withProject((p) => (p.funds.current.initialBudget = 40.0)),
    message: "当年财政拨款·年初预算数以万元计，最多两位小数，这里是 40.004",
  },
  "cross.projectTotal": {
    failing: withProject((p, m) => (m.basic.projects.total.final = 40)),
    passing: withProject(),
    message: "超过附件1 项目支出2024年决算数 40.00，超出 10.00",
  },
  "cross.projectLine": {
    failing: withProject((p, m) => (m.basic.projects.lines[1]!.final = 49)),
    passing: withProject((p) => (p.name = " 专项 经费 ")),
    message:
      "项目「专项经费」（附件3-1）：全年执行数 50.00，附件1 项目支出明细第2行同名项目本年决算数 49.00，相差 1.00",
  },
  "cross.projectUnlisted": {
    failing: withProject((p) => (p.name = "专项经费（二期）")),
    passing: withProject(),
    message: "项目「专项经费（二期）」（附件3-1）：不在附件1 项目支出明细中",
  },
};

/** The ids validate() can report: the catalogue, read now, plus the profile check validate() makes itself. */
const catalogueIds = () => [...RULES.map((r) => r.id), "review.profile"];

/** The catalogue's severity of a rule id under the profile a validation used ("review.profile" is a warning). */
function severityOf(id: string, result: ValidationResult) {
  const found = RULES.find((r) => r.id === id);
  return found ? severityUnder(found, result.profile) : "warning";
}

const check = (input: Input): ValidationResult => validate(workbookModel.parse(input.model), input.options);
const run = (input: Input) => check(input).findings;
const findingsOf = (id: string, input: Input) => run(input).filter((f) => f.rule === id);

test("the base model is consistent: validate() finds nothing at all, not even information", () => {
  expect(run(variant()())).toEqual([]);
  expect(run(withProject()())).toEqual([]);
  expect(run(variant(() => {}, { cells: [], problems: [] })())).toEqual([]);
});

test(
  "every id of the catalogue (RULES and review.profile) has its cases, " +
    "and every case names an id of the catalogue",
  () => {
    expect(Object.keys(CASES).sort()).toEqual([...new Set(catalogueIds())].sort());
  },
);

describe.each(Object.entries(CASES))("%s", (id, { failing, passing, message }) => {
  it("fails: a finding of this rule, with its severity and the numbers in its message", () => {
    const result = check(failing());
    const found = result.findings.filter((f) => f.rule === id);
    expect(found.length).toBeGreaterThan(0);
    for (const finding of found) expect(finding.severity).toBe(severityOf(id, result));
    expect(found.map((f) => f.message)).toContainEqual(expect.stringContaining(message));
  });

  it("passes: the close variant raises no finding of this rule", () => {
    expect(findingsOf(id, passing())).toEqual([]);
  });
});

/** Rules whose message states numbers: they hand them over as params too, each one as the message shows it. */
const WITH_NUMBERS = [
  "names.fallback",
  "sum.totalMissing",
  "overrun.publicFunds",
  "year.filledDuring",
  "adjustment.totals",
  "unit.yuan",
  "funds.overExecution",
  "funds.provisional",
  "recomputed.rounding",
  "weights.missing",
  "score.missed",
  "score.emptyReason",
  "score.noValues",
  "score.qualitativeBare",
  "score.inflation",
  "sum.threePublic",
  "sum.vehicles",
  "sum.projects",
  "sum.publicFunds",
  "sum.income",
  "sum.expense",
  "overrun.threePublic",
  "overrun.staff",
  "cross.projects",
  "cross.publicFunds",
  "year.same",
  "year.filledOn",
  "format.decimals",
  "recomputed.value",
  "score.cap",
  "weights.total",
  "score.missing",
  "score.range",
  "score.reason",
  "score.suggested",
  "score.overAchievement",
];

test.each(WITH_NUMBERS)("%s carries its message's numbers as params", (id) => {
  const found = findingsOf(id, CASES[id]!.failing());
  expect(found.length).toBeGreaterThan(0);
  for (const finding of found) {
    const values = Object.values(finding.params ?? {});
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(finding.message).toContain(String(value));
  }
});

describe("names.fallback: one cause, one finding", () => {
  const findings = (keys: readonly string[]) =>
    findingsOf("names.fallback", variant(() => {}, { fallbacks: keys.map(fallback) })());

  test("several names missing: one finding listing each name and the cell read instead, on the first", () => {
    const found = findings(["basic.staff.authorized", "basic.threePublic.total", "eval.funds.fullYearBudget"]);
    expect(found.map((f) => [f.key, f.message, f.params])).toEqual([
      [
        "basic.staff.authorized",
        "3 个名称缺失或已失效，已按模板位置读取：「基础_编制数」（编制数）→「附件1 基础数据表」B5；" +
          `「${fallback("basic.threePublic.total").name}」（${fallback("basic.threePublic.total").label}）` +
          "→「附件1 基础数据表」B7:D7；「自评_全年预算数」（全年预算数）→「附件2 自评表」D4。" +
          "请在 Excel 中按「安装模板」修复（已填写的内容会保留）",
        { count: 3 },
      ],
    ]);
  });

  test("more than ten: the first ten listed, then ……", () => {
    const [found] = findings(NAMED_ENTRIES.slice(0, 12).map((e) => e.key));
    expect(found!.message).toMatch(/^12 个名称缺失或已失效/);
    expect(found!.message.split("→")).toHaveLength(11);
    expect(found!.message).toContain(`……。请在 Excel 中按「安装模板」修复`);
  });

  test("none of our names at all (an old template, a file written without names): one summary note", () => {
    const found = findings(NAMED_ENTRIES.map((e) => e.key));
    expect(found.map((f) => f.message)).toEqual([
      `工作簿中没有绩效自评助手的名称（${NAMED_ENTRIES.length} 个均缺失或已失效）：已按模板位置读取全部单元格，` +
        "若行列与模板不同，读到的值可能不对。请在 Excel 中按「安装模板」修复（已填写的内容会保留）",
    ]);
  });

  test("a repair, not a reason: it cannot be explained in 已说明的提示", () => {
    const [found] = findings(["eval.funds.fullYearBudget"]);
    expect(found!.severity).toBe("warning");
    expect(canExplain(found!)).toBe(false);
    const model = base();
    model.review.acknowledgements = [{ rule: "names.fallback", reason: "以后再装", key: null }];
    const result = validate(workbookModel.parse(model), { fallbacks: [fallback("eval.funds.fullYearBudget")] });
    expect(result.findings.find((f) => f.rule === "names.fallback")!.acknowledged).toBeUndefined();
    expect(result.summary.warnings).toBe(1);
  });
});

test("a rule whose severity the 评分口径 decides: score inflation is a warning on the platform, an info nationally", () => {
  const inflation = RULES.find((r) => r.id === "score.inflation")!;
  expect(severitiesOf(inflation)).toEqual(["warning", "info"]);
  expect(severitiesOf(RULES.find((r) => r.id === "sum.threePublic")!)).toEqual(["error"]);
  const national = findingsOf(
    "score.inflation",
    variant((m) => {
      platformAt(m, 279, 0.9);
      m.review.profile = null;
    })(),
  );
  expect(national.map((f) => [f.severity, f.message])).toEqual([
    [
      "info",
      "指标得分率 100.00%（各指标得分 90.00 ÷ 分值 90.00）高于预算执行率 90.00%，相对高出 10.00%，超过 5.00%：" +
        "得分与预算执行情况不相称，请核实各指标得分",
    ],
  ]);
});
