/** Each rule of the catalogue: a failing case (the finding, with its numbers) and a passing one. */
import { readFileSync } from "node:fs";
import { validate, workbookModel, type Finding, type ValidationOptions } from "../../../src/domain";
import { describesResult, saysNothing } from "../../../src/domain/validation/rules/evidence";
import { clause, quoted } from "../../../src/domain/validation/text";
import { loadSample, SAMPLE_PATH } from "../../support/model-inputs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of the sample JSON
type Json = Record<string, any>;

/** The 株洲 2024 sample with its blank 填表人 and date lines filled: consistent tables. */
function sample(): Json {
  const json = JSON.parse(readFileSync(SAMPLE_PATH, "utf8"));
  Object.assign(json.basic, { preparer: "李明", filledOn: "2025-04-20", phone: "0731-28681234" });
  Object.assign(json.eval, { preparer: "李明", filledOn: "2025-04-20", phone: "0731-28681234" });
  return json;
}

function findings(edit: (json: Json) => void = () => {}, options: ValidationOptions = {}): Finding[] {
  const json = sample();
  edit(json);
  return [...validate(workbookModel.parse(json), options).findings];
}

const of = (rule: string, list: Finding[]) => list.filter((f) => f.rule === rule);
const row = (json: Json, n: number) => json.eval.indicators[n - 1];

/** rule, an edit that breaks it, the message expected, an edit under which it holds (default: the sample). */
const CASES: ReadonlyArray<[string, (j: Json) => void, RegExp | string, ((j: Json) => void)?]> = [
  ["required.header", (j) => (j.basic.unit = null), "未填写单位名称（附件1）"],
  ["required.staff", (j) => (j.basic.staff.actual = null), "未填写实际在职人数"],
  ["required.funds", (j) => (j.eval.funds.executed = null), "未填写全年执行数：执行率得分无法计算，总分与等次为暂定"],
  ["required.indicators", (j) => (j.eval.indicators = []), "没有绩效指标：自评表至少需要一行绩效指标"],
  ["required.signature", (j) => (j.eval.filledOn = null), "未填写填报日期（附件2）"],
  ["format.decimals", (j) => (j.basic.publicFunds.total.final = 244.105), "金额以万元计，最多两位小数，这里是 244.105"],
  [
    "format.phone",
    (j) => (j.basic.phone = "电话待定"),
    "联系电话「电话待定」不像电话号码（如 0731-28681234 或 13812345678）",
    (j) => (j.basic.phone = "138 1234 5678"),
  ],
  ["year.same", (j) => (j.eval.year = 2023), "附件2 的年度 2023 与附件1 的年度 2024 不同"],
  [
    "year.filledOn",
    (j) => (j.basic.filledOn = "2023-12-01"),
    "填报日期 2023-12-01 早于 2024 年度：自评通常在年度结束后填报，请核对",
  ],
  [
    "sum.threePublic",
    (j) => (j.basic.threePublic.total.final = 39.67),
    "三公经费2024年决算数 39.67 ≠ 公务用车购置和维护经费 29.70 + 出国经费 7.90 + 公务接待 1.07 = 38.67，相差 1.00",
  ],
  [
    "sum.vehicles",
    (j) => (j.basic.threePublic.vehiclePurchase.budget = 17),
    "公务用车购置和维护经费2024年预算数 32.00 ≠ 公车购置 17.00 + 公车运行维护 14.00 = 31.00，相差 1.00",
  ],
  [
    "sum.projects",
    (j) => (j.basic.projects.lines[0].prev = 450),
    /^项目支出2023年决算数 2385\.06 ≠ 业务经费 450\.00 \+ 运行维护经费 0\.00 \+ 市级专项资金 1936\.00 = 2386\.00，相差 0\.94$/,
  ],
  [
    "sum.publicFunds",
    (j) => (j.basic.publicFunds.office.final = 240),
    /^公用经费2024年决算数 244\.10 < 办公经费 240\.00 \+ 水费、电费、差旅费 10\.69 \+ 会议费、培训费 0\.00 = 250\.69，相差 6\.59$/,
  ],
  [
    "sum.income",
    (j) => (j.eval.funds.income.other = 10),
    "按收入性质分合计 一般公共预算 1387.53 + 政府性基金拨款 0.00 + 纳入专户管理的非税收入拨款 0.00 + 其他资金 10.00 = 1397.53 ≠ 全年预算数 1387.53，相差 10.00",
  ],
  [
    "sum.expense",
    (j) => (j.eval.funds.expense.basic = 960),
    "按支出性质分合计 基本支出 960.00 + 项目支出 421.81 = 1381.81 ≠ 全年预算数 1387.53，相差 5.72",
  ],
  [
    "overrun.threePublic",
    (j) => (j.basic.threePublic.reception.final = 4.5),
    "公务接待2024年决算数 4.50 超过2024年预算数 4.00，超出 0.50：请说明原因",
  ],
  ["overrun.staff", (j) => (j.basic.staff.actual = 41), "实际在职人数 41 超过编制数 39，超编 2 人：请说明原因"],
  [
    "cross.projects",
    () => {},
    "附件1 项目支出2024年决算数 1864.05 ≠ 附件2 按支出性质分的项目支出 421.81，相差 1442.24：请核对，或说明口径差异（如代管的专项资金）",
    (j) => (j.basic.projects.total.final = 421.81),
  ],
  [
    "cross.publicFunds",
    (j) => (j.eval.funds.expense.basic = 200),
    "附件1 公用经费2024年决算数 244.10 大于附件2 基本支出 200.00：公用经费是基本支出的一部分，请核对",
  ],
  [
    "cross.unit",
    (j) => (j.eval.unit = "株洲市科技局"),
    "附件2 预算单位名称「株洲市科技局」与附件1 单位名称「株洲市科学技术局」不同",
  ],
  [
    "recomputed.value",
    (j) => (j.basic.staff.controlRate = "80%"),
    "在职人员控制率填的是 80.00%，按实际在职人数 ÷ 编制数应为 82.05%",
  ],
  [
    "weights.total",
    (j) => (row(j, 1).weight = 20),
    "分值合计 110.00 ≠ 100（预算执行率 10.00，产出指标 50.00，效益指标 20.00，满意度指标 10.00，成本指标 20.00），相差 10.00",
  ],
  ["weights.missing", (j) => (row(j, 3).weight = null), "绩效指标第3行「引进外籍人才数」没有分值"],
  [
    "weights.levels",
    (j) => (row(j, 7).level2 = "质量指标"),
    "绩效指标第7行「高新技术产业增加值占GDP比重」的二级指标「质量指标」不属于一级指标「效益指标」（应为 经济效益指标、社会效益指标、生态效益指标、可持续影响指标）",
  ],
  ["score.missing", (j) => (row(j, 1).score = null), "绩效指标第1行「高新技术企业数」有分值 10.00，但没有得分"],
  ["score.range", (j) => (row(j, 1).score = 12), "绩效指标第1行「高新技术企业数」得分 12.00 大于分值 10.00"],
  [
    "score.reason",
    (j) => (row(j, 12).deviation = " "),
    "绩效指标第12行「地方财政科技支出占比」得分 4.00 低于分值 5.00，须填写偏差原因分析及改进措施",
  ],
  [
    "score.suggested",
    () => {},
    "绩效指标第12行「地方财政科技支出占比」得分 4.00，完成率 92.75%（实际「7.42%」，目标「8%」），建议得分 4.64：未完成年度指标，按完成值与指标值的比例记分",
    (j) => {
      row(j, 12).score = 4.64;
      row(j, 13).score = 4.81;
    },
  ],
  [
    "score.unscorable",
    (j) => (row(j, 1).actual = "1302 人"),
    /^绩效指标第1行「高新技术企业数」无法计算建议得分：单位不一致/,
  ],
  [
    "score.overAchievement",
    () => {},
    "绩效指标第2行「新增省级以上科技创新平台」完成率 320.00%（实际「16 个」，目标「5 个」），超过 130.00%：请检查年度指标值是否定得过低",
    (j) => j.eval.indicators.forEach((r: Json) => (r.actual = r.target)),
  ],
  // Issue 13: mistakes seen in published tables (SPEC §13), on variants of the 株洲 tables.
  [
    "funds.overExecution",
    (j) => (j.eval.funds.executed = 1400),
    "全年执行数 1400.00 超过全年预算数 1387.53，超出 12.47，预算执行率 100.90%：请说明超预算支出的原因（执行率得分仍以分值 10.00 分封顶）",
  ],
  [
    "funds.provisional",
    (j) => (j.eval.funds.fullYearBudget = 0),
    "全年预算数为 0，预算执行率不适用：执行率得分无法计算，总分与等次为暂定（全年执行数 1387.53，执行率分值 10.00 分未计入总分）",
  ],
  [
    "sum.totalMissing",
    (j) => (j.basic.publicFunds.total.budget = null),
    "公用经费2024年预算数未填写，但其中各项已填（办公经费 142.14 + 水费、电费、差旅费 10.50 + 会议费、培训费 1.00 = 153.64）：请填写合计",
  ],
  [
    "overrun.publicFunds",
    (j) => (j.basic.publicFunds.total.final = 250),
    "公用经费2024年决算数 250.00 超过2024年预算数 244.14，超出 5.86：请说明原因",
  ],
  [
    "year.filledDuring",
    (j) => (j.eval.filledOn = "2024-05-15"),
    "填报日期 2024-05-15 在 2024 年度之内：自评应在年度结束后填报，此时全年执行数与实际完成值尚不完整，请核对日期",
  ],
  [
    "adjustment.totals",
    (j) => (j.basic.budgetAdjustment.final = 965.72),
    "部门基本支出预算调整2024年决算数 965.72 等于附件2 基本支出 965.72：这一行应填基本支出预算的调整数（调整后预算减年初预算），不是总额，请核对",
  ],
  [
    "unit.yuan",
    (j) => (j.basic.threePublic.reception.final = 10700),
    "公务接待2024年决算数 10700.00 是同一行2024年预算数 4.00 的 2675 倍：本表金额以万元计，这个数像是按元填的（按万元应为 1.07），请核对",
  ],
  [
    "recomputed.rounding",
    (j) => {
      j.eval.funds.executed = 1344; // 96.86 %: 执行率得分 9.69, 总分 97.69
      Object.assign(j.eval.funds, { executionRate: "96.86%", score: 9.68 });
      j.eval.total = 97.68;
    },
    "执行率得分填的是 9.68，按分值 × min(执行率, 100%)应为 9.69，相差 0.01：属尾数（四舍五入）差异，请核对后按计算结果填写",
  ],
  [
    "score.missed",
    (j) => Object.assign(row(j, 1), { actual: "1200 家", weight: null }),
    "绩效指标第1行「高新技术企业数」未完成年度指标：完成率 92.31%（实际「1200 家」，目标「1300 家」）",
  ],
  [
    "score.emptyReason",
    (j) => (row(j, 13).deviation = "同上"),
    "绩效指标第13行「全社会研发投入总量」得分 4.00 低于分值 5.00，偏差原因分析只写了「同上」：请写明未达标的原因和改进措施",
  ],
  [
    "score.noValues",
    (j) => Object.assign(row(j, 3), { target: null, actual: null }),
    "绩效指标第3行「引进外籍人才数」没有年度指标值，也没有实际完成值，却有得分 5.00：得分无从依据，请补填年度指标值和实际完成值",
  ],
  [
    "score.qualitativeBare",
    (j) => Object.assign(row(j, 11), { target: "满意", actual: "满意" }),
    "绩效指标第11行「服务对象满意度」是定性指标，得分 10.00，但未选择评价档次，实际完成值「满意」只是结论：请选择评价档次（达成/部分达成/未达成），或写明实际完成情况",
  ],
  [
    "score.inflation",
    (j) => (j.eval.funds.executed = 1040.65), // 75.00 %
    "指标得分率 97.78%（各指标得分 88.00 ÷ 分值 90.00）高于预算执行率 75.00%，相对高出 23.30%，超过 5.00%：得分与预算执行情况不相称，请核实各指标得分",
  ],
];

describe.each(CASES)("%s", (rule, breakIt, message, holdIt) => {
  test("fails with the numbers in its message", () => {
    const found = of(rule, findings(breakIt)).map((f) => f.message);
    if (typeof message === "string") expect(found).toContain(message);
    else expect(found.some((m) => message.test(m))).toBe(true);
  });
  test("holds on consistent tables", () => {
    expect(of(rule, findings(holdIt))).toEqual([]);
  });
});

test(
  "the 株洲 2024 tables: no error; the 项目支出 difference asks for an explanation; " +
    "hand scores and high completions are information",
  () => {
    const list = findings();
    expect(list.filter((f) => f.severity === "error")).toEqual([]);
    expect(list.filter((f) => f.severity === "warning").map((f) => [f.rule, f.key])).toEqual([
      ["cross.projects", "basic.projects.total.final"],
    ]);
    expect(list.filter((f) => f.severity === "info").map((f) => [f.rule, f.key])).toEqual([
      ["score.suggested", "eval.indicators[12].score"],
      ["score.suggested", "eval.indicators[13].score"],
      ["score.overAchievement", "eval.indicators[2].actual"],
      ["score.overAchievement", "eval.indicators[8].actual"],
      ["score.overAchievement", "eval.indicators[9].actual"],
      ["score.overAchievement", "eval.indicators[15].actual"],
    ]);
  },
);

test("a warning explained in 已说明的提示 is kept but no longer open; an error cannot be explained away", () => {
  const reason = "附件1 含代管的市级专项资金 1442.24 万元";
  const json = sample();
  json.basic.unit = null;
  json.review = {
    acknowledgements: [
      { rule: "cross.projects", key: "basic.projects.total.final", reason },
      { rule: "required.header", key: "basic.unit", reason: "以后再填" },
    ],
  };
  const result = validate(workbookModel.parse(json));
  expect(result.summary).toMatchObject({ errors: 1, warnings: 0, acknowledged: 1 });
  expect(of("cross.projects", [...result.findings])[0]).toMatchObject({ severity: "warning", acknowledged: reason });
  expect(of("required.header", [...result.findings])[0]!.acknowledged).toBeUndefined();
});

test("the profile: saved in the workbook by name, overridden by the caller, unknown names reported", () => {
  const platform = (j: Json) => (j.review = { profile: "预算管理一体化平台" });
  const saved = findings(platform);
  // The platform's −2 is score.suggested's on a row scored in full; once deducted, score.overAchievement says why.
  expect(of("score.suggested", saved).find((f) => f.key === "eval.indicators[2].score")!.message).toMatch(
    /建议得分 8\.00：完成率达到指标值的 130% 以上，属指标偏离，扣 2 分$/,
  );
  expect(of("score.overAchievement", saved).map((f) => f.key)).not.toContain("eval.indicators[2].actual");
  const deducted = findings((j) => {
    platform(j);
    row(j, 2).score = 8;
    j.eval.total = 96;
  });
  expect(of("score.overAchievement", deducted).find((f) => f.key === "eval.indicators[2].actual")!.message).toMatch(
    /按“预算管理一体化平台”口径为指标偏离，扣 2 分$/,
  );
  expect(
    validate(workbookModel.parse({ ...sample(), review: { profile: "预算管理一体化平台" } }), { profile: "national" })
      .profile.id,
  ).toBe("national");
  expect(
    of(
      "review.profile",
      findings((j) => (j.review = { profile: "某某口径" })),
    )[0]!.message,
  ).toMatch(/^评分口径「某某口径」不认识，按“全国通用”校验（可选：全国通用、预算管理一体化平台、.*岳阳）$/);
});

test("cells the model could not take are errors named by the adapter", () => {
  const list = findings(() => {}, {
    problems: [{ key: "basic.staff.authorized", message: "应为整数，实际为「三十九」" }],
  });
  expect(of("type.cell", list)).toEqual([
    { rule: "type.cell", severity: "error", key: "basic.staff.authorized", message: "应为整数，实际为「三十九」" },
  ]);
});

describe("slips in the cells as the workbook holds them", () => {
  const cell = (over: Partial<NonNullable<ValidationOptions["cells"]>[number]>) => ({
    key: "basic.staff.authorized",
    kind: "integer" as const,
    role: "input" as const,
    value: 39,
    formula: null,
    expectedFormula: null,
    ...over,
  });
  const run = (cells: NonNullable<ValidationOptions["cells"]>) => findings(() => {}, { cells });

  test("a number stored as text, full-width digits included, with a fix to the number", () => {
    const [finding] = of(
      "slip.textNumber",
      run([cell({ key: "eval.funds.executed", kind: "amount", value: "１，３８７.５３" })]),
    );
    expect(finding).toMatchObject({
      message: "「１，３８７.５３」是文本（含全角字符），不是数字：Excel 求和与公式会把它当作 0",
      fix: { kind: "number", value: 1387.53 },
    });
    expect(of("slip.textNumber", run([cell({ value: 39 }), cell({ kind: "amount", value: "不适用" })]))).toEqual([]);
  });

  test("stray spaces in a text cell", () => {
    expect(
      of("slip.spaces", run([cell({ key: "basic.unit", kind: "text", value: " 株洲市科学技术局 " })]))[0],
    ).toMatchObject({ fix: { kind: "text", value: "株洲市科学技术局" } });
    expect(of("slip.spaces", run([cell({ key: "basic.unit", kind: "text", value: "株洲市科学技术局" })]))).toEqual([]);
  });

  test("a value typed over one of our formulas, with the formula to restore", () => {
    const formula = '=IF(N(基础_编制数)=0,"不适用",ROUND(基础_实际在职人数/基础_编制数,4))';
    const typed = cell({
      key: "basic.staff.controlRate",
      kind: "rate",
      role: "computed",
      value: 0.8205,
      formula: null,
      expectedFormula: formula,
    });
    expect(of("slip.overwritten", run([typed]))[0]).toMatchObject({
      message: "这里本应是公式，现在是手填的值 0.8205：数据变了它不会跟着变",
      fix: { kind: "formula", formula },
    });
    expect(of("slip.overwritten", run([{ ...typed, formula }]))).toEqual([]);
  });

  test("a cell showing an Excel error; #NAME? from our functions says where to open the workbook", () => {
    const list = run([
      cell({
        key: "eval.indicators[1].completion",
        kind: "rate",
        role: "computed",
        value: { error: "#NAME?" },
        formula: "=JXZP.COMPLETIONRATE(D14,E14)",
      }),
    ]);
    expect(of("slip.errorValue", list)[0]!.message).toBe(
      "单元格显示错误 #NAME?：公式用到了绩效自评助手的函数，请在装有本加载项的 Excel 中打开",
    );
  });
});

test("every rule has a unique id, a severity and a Chinese title", async () => {
  const { RULES } = await import("../../../src/domain");
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of RULES) expect(r.title).toMatch(/[\u4e00-\u9fff]/);
});

test("recomputed values agree at the precision the tables show (a sum of weights is compared to 2 decimals)", () => {
  const list = findings((j) => {
    j.eval.indicators[0].weight = 10.004; // the weights now sum to 100.004, shown as 100.00
    j.eval.weightTotal = 100;
  });
  expect(of("recomputed.value", list)).toEqual([]);
});

test("a profile's cap by execution rate is its own warning; the sheet's uncapped 总分 and 等次 are not errors", () => {
  const list = findings((j) => {
    j.review = { profile: "预算管理一体化平台" };
    j.eval.funds.executed = 1040.65; // 75.00 %
    j.eval.funds.executionRate = null;
    j.eval.funds.score = 7.5;
    j.eval.total = 95.5;
    j.eval.grade = "优";
  });
  expect(of("recomputed.value", list)).toEqual([]);
  expect(of("score.cap", list).map((f) => f.message)).toEqual([
    "按“预算管理一体化平台”口径，预算执行率 75.00% 时总分不超过 89.00 分：各项得分合计 95.50，总分按 89.00 计，等次为“良”",
  ]);
});

test("an 执行率得分 with nothing to compute from (分值 empty) is not contradicted", () => {
  expect(
    of(
      "recomputed.value",
      findings((j) => {
        j.eval.funds.weight = null;
        j.eval.funds.score = 0;
        j.eval.total = 88;
        j.eval.weightTotal = 90;
      }),
    ),
  ).toEqual([]);
});

describe("issue 13: one cause, one finding, and messages that read well", () => {
  test("a 分值 missing on every row is ONE weights.missing finding with the rows; score.unscorable is quiet", () => {
    const list = findings((j) => j.eval.indicators.forEach((r: Json) => (r.weight = null)));
    expect(of("weights.missing", list)).toEqual([
      {
        rule: "weights.missing",
        severity: "error",
        key: "eval.indicators[1].weight",
        message: "绩效指标第1、2、3、4、5、6、7、8、9、10、11、12、13、14、15行没有分值（共 15 行）：请逐行填写分值",
        params: { rows: "1、2、3、4、5、6、7、8、9、10、11、12、13、14、15", count: 15 },
      },
    ]);
    expect(of("score.unscorable", list)).toEqual([]);
    // …while the rows that missed their targets still say so, with their 完成率.
    expect(of("score.missed", list).map((f) => f.params?.completion)).toEqual(["92.75%", "96.24%"]);
  });

  test("a row with no 分值 whose texts cannot be compared says why, not that the 分值 is missing", () => {
    const list = findings((j) => Object.assign(row(j, 1), { weight: null, actual: "1302 人" }));
    expect(of("score.unscorable", list).map((f) => f.message)).toEqual([
      "绩效指标第1行「高新技术企业数」无法计算建议得分：单位不一致：年度指标值「1300 家」单位为「家」，实际完成值「1302 人」单位为「人」",
    ]);
  });

  test("no message repeats its own phrase", () => {
    const variants: Array<(j: Json) => void> = [
      (j) => j.eval.indicators.forEach((r: Json) => (r.weight = null)),
      (j) => Object.assign(row(j, 1), { actual: "1302 人", target: "≥1300 家" }),
      (j) => (j.eval.funds.fullYearBudget = null),
      (j) => (j.eval.funds.executed = null),
      (j) => (row(j, 12).deviation = "无"),
    ];
    for (const edit of variants) {
      for (const { message } of findings(edit)) {
        // No run of 6 characters or more occurs twice in one message.
        expect(message).not.toMatch(/([\u4e00-\u9fff]{6,}).*\1/u);
      }
    }
  });

  test("the weights.total breakdown adds up to the total it explains; rows of no known 一级指标 count as 其他", () => {
    const [finding] = of(
      "weights.total",
      findings((j) => Object.assign(row(j, 1), { level1: null, weight: 20 })),
    );
    expect(finding!.message).toBe(
      "分值合计 110.00 ≠ 100（预算执行率 10.00，产出指标 30.00，效益指标 20.00，满意度指标 10.00，成本指标 20.00，其他 20.00），相差 10.00",
    );
    const parts = /（(.*)）/
      .exec(finding!.message)![1]!
      .split("，")
      .map((p) => Number(p.split(" ")[1]));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(110);
  });

  test("a user text ending in 。 is quoted without it: never 「。，」, 「。：」 or 。」", () => {
    const list = findings((j) => {
      row(j, 12).name = "地方财政科技支出占比。";
      row(j, 12).deviation = "无。";
      row(j, 13).actual = "115.49亿元。";
    });
    const messages = list.filter((f) => /eval\.indicators\[1[23]\]/.test(f.key)).map((f) => f.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).not.toMatch(/。[，：」]/);
    expect(messages).toContain(
      "绩效指标第12行「地方财政科技支出占比」得分 4.00 低于分值 5.00，偏差原因分析只写了「无」：请写明未达标的原因和改进措施",
    );
  });

  test("quoted() and clause() drop a cell's own closing punctuation, and keep a text that is only punctuation", () => {
    expect(quoted("原因：资金未到位。")).toBe("「原因：资金未到位」");
    expect(quoted(" 提高；")).toBe("「提高」");
    expect(quoted("/")).toBe("「/」");
    expect(clause("≥95%。")).toBe("≥95%");
  });
});

describe("issue 13: the funds block", () => {
  test("an empty 全年预算数 is one finding (funds.provisional), saying 总分 and 等次 are provisional", () => {
    const list = findings((j) => (j.eval.funds.fullYearBudget = null));
    expect(
      list.filter((f) => f.key === "eval.funds.fullYearBudget").map((f) => [f.rule, f.severity, f.message]),
    ).toEqual([
      [
        "funds.provisional",
        "error",
        "全年预算数未填写，预算执行率不适用：执行率得分无法计算，总分与等次为暂定（全年执行数 1387.53，执行率分值 10.00 分未计入总分）",
      ],
    ]);
    expect(of("required.funds", list)).toEqual([]);
  });

  test("spending over the budget is a warning; the 执行率得分 stays capped at its 分值 (no recomputed error)", () => {
    const list = findings((j) => {
      j.eval.funds.executed = 1400;
      j.eval.funds.executionRate = "100.90%";
    });
    expect(of("funds.overExecution", list)).toHaveLength(1);
    expect(of("recomputed.value", list)).toEqual([]);
  });

  test("a published 9.68 where 9.69 is due is rounding (info); a published 总分 of 110 over 98 is an error", () => {
    const rounding = findings((j) => {
      j.eval.funds.executed = 1344;
      Object.assign(j.eval.funds, { executionRate: "96.86%", score: 9.68 });
      j.eval.total = 97.68;
    });
    expect(of("recomputed.rounding", rounding).map((f) => [f.severity, f.key])).toEqual([
      ["info", "eval.funds.score"],
      ["info", "eval.total"],
    ]);
    expect(of("recomputed.value", rounding)).toEqual([]);
    const wrong = findings((j) => (j.eval.total = 110));
    expect(of("recomputed.value", wrong).map((f) => [f.severity, f.message])).toEqual([
      ["error", "总分填的是 110.00，按执行率得分 + 各指标得分应为 98.00"],
    ]);
    expect(of("recomputed.rounding", wrong)).toEqual([]);
    // 执行率 of 0 over money fully spent is no rounding.
    expect(
      of(
        "recomputed.value",
        findings((j) => (j.eval.funds.executionRate = 0)),
      ),
    ).toHaveLength(1);
  });

  test("score inflation is a warning under the platform's 评分口径, an info under the national one", () => {
    const at75 = (j: Json) => (j.eval.funds.executed = 1040.65);
    expect(of("score.inflation", findings(at75)).map((f) => f.severity)).toEqual(["info"]);
    const platform = findings((j) => {
      at75(j);
      j.review = { profile: "预算管理一体化平台" };
    });
    expect(of("score.inflation", platform).map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        "指标得分率 97.78%（各指标得分 88.00 ÷ 分值 90.00）高于预算执行率 75.00%，相对高出 23.30%，超过 5.00%：" +
          "得分与预算执行情况不相称，请核实各指标得分；按“预算管理一体化平台”口径属得分虚高预警",
      ],
    ]);
  });
});

describe("issue 13: 附件1 totals and plausibility", () => {
  test("a total of 0 beside filled parts is sum.totalMissing's, not also a sum error", () => {
    const list = findings((j) => (j.basic.projects.total.final = 0));
    expect(of("sum.totalMissing", list).map((f) => f.message)).toEqual([
      "项目支出2024年决算数填的是 0，但其中各项已填（业务经费 0.00 + 运行维护经费 0.00 + 市级专项资金 1864.05 = 1864.05）：请填写合计",
    ]);
    expect(of("sum.projects", list)).toEqual([]);
  });

  test("every total of 附件1 is checked: 三公经费 and 公务用车 too; a 0 total over parts of 0 is fine", () => {
    const list = findings((j) => {
      j.basic.threePublic.total.prev = null;
      j.basic.threePublic.vehicles.budget = 0;
    });
    expect(of("sum.totalMissing", list).map((f) => f.key)).toEqual([
      "basic.threePublic.total.prev",
      "basic.threePublic.vehicles.budget",
    ]);
    expect(
      of(
        "sum.totalMissing",
        findings((j) => (j.basic.projects.lines[1].prev = 0)),
      ),
    ).toEqual([]);
  });

  test("the 预算调整 row: an N-1 figure, or the whole 全年预算数 / 年初预算数, is a total, not an adjustment", () => {
    const list = findings((j) => {
      j.basic.budgetAdjustment = { prev: 900, budget: 974.62, final: 1387.53 };
    });
    expect(of("adjustment.totals", list).map((f) => f.message)).toEqual([
      "部门基本支出预算调整2023年决算数填了 900.00：表样此栏为“——”，预算调整只填本年数；请删去，并核对本年两栏填的是调整数而不是总额",
      "部门基本支出预算调整2024年预算数 974.62 等于附件2 年初预算数 974.62：这一行应填基本支出预算的调整数（调整后预算减年初预算），不是总额，请核对",
      "部门基本支出预算调整2024年决算数 1387.53 等于附件2 全年预算数 1387.53：这一行应填基本支出预算的调整数（调整后预算减年初预算），不是总额，请核对",
    ]);
    expect(
      of(
        "adjustment.totals",
        findings((j) => (j.basic.budgetAdjustment.final = 1000)),
      ).map((f) => f.params),
    ).toEqual([{ value: "1000.00", total: "965.72", name: "基本支出" }]);
  });

  test("amounts in 元: a figure ~10,000 × its row, its total, or the same money in the other table", () => {
    const keys = (edit: (j: Json) => void) => of("unit.yuan", findings(edit)).map((f) => f.key);
    expect(keys((j) => (j.eval.funds.executed = 13875300))).toEqual(["eval.funds.executed"]);
    // a total in 元 over parts in 万元, the three columns of the row in 元 alike
    expect(
      keys((j) => Object.assign(j.basic.publicFunds.total, { prev: 2365500, budget: 2441400, final: 2441000 })),
    ).toEqual(["basic.publicFunds.total.prev", "basic.publicFunds.total.budget", "basic.publicFunds.total.final"]);
    // the whole of 附件1 in 元: only the figures 附件2 also states can tell
    expect(
      keys((j) => {
        const { threePublic, projects, publicFunds, procurement, budgetAdjustment } = j.basic;
        const rows = [...Object.values(threePublic), ...Object.values(publicFunds), projects.total, ...projects.lines];
        for (const t of [...rows, procurement, budgetAdjustment] as Json[])
          for (const p of ["prev", "budget", "final"]) if (typeof t[p] === "number") t[p] = t[p] * 10000;
      }),
    ).toEqual(["basic.projects.total.final", "basic.publicFunds.total.final"]);
    // a split still being filled in is not 元: 全年预算数 1387.53 over 政府性基金拨款 1.20 alone
    expect(
      keys((j) => (j.eval.funds.income = { general: null, governmentFund: 1.2, specialAccount: null, other: null })),
    ).toEqual([]);
    // a year-on-year swing of a real table is not 元: 1.20 → 3600.00 beside 3500.00
    expect(keys((j) => Object.assign(j.basic.projects.lines[1], { prev: 1.2, budget: 3600, final: 3500 }))).toEqual([]);
  });
});

describe("issue 13: indicators", () => {
  test("beating a cap by far is not a target set too low", () => {
    const list = findings((j) => Object.assign(row(j, 2), { target: "≤5 个", actual: "1 个" }));
    expect(of("score.overAchievement", list).map((f) => f.key)).not.toContain("eval.indicators[2].actual");
  });

  test("a time target missed is score.missed too", () => {
    const list = findings((j) => Object.assign(row(j, 6), { target: "2024年12月", actual: "2025年3月" }));
    expect(of("score.missed", list).map((f) => f.message)).toEqual([
      "绩效指标第6行「工作完成时间」未按期完成（实际「2025年3月」，目标「2024年12月」）",
    ]);
  });

  test("a qualitative row: a band, a description or a 0 score is enough; a bare verdict is not", () => {
    const qualitative = (extra: Json) => (j: Json) => Object.assign(row(j, 11), { target: "满意", ...extra });
    const bare = (extra: Json) => of("score.qualitativeBare", findings(qualitative(extra)));
    expect(bare({ actual: null })).toHaveLength(1);
    expect(bare({ actual: "已达成年度目标。" })).toHaveLength(1);
    expect(bare({ actual: "达成", band: "达成" })).toEqual([]);
    expect(bare({ actual: "问卷调查 320 份，满意率 98%" })).toEqual([]);
    expect(bare({ actual: "明显提高" })).toEqual([]);
    expect(bare({ actual: "满意", score: 0, deviation: "未开展满意度调查，下年度开展" })).toEqual([]);
  });

  test.each(["无", "/", "——", "略", "同上", "见上", "暂无", "无偏差", "暂无偏差", "N/A", "资金"])(
    "偏差原因 %s says nothing",
    (reason) => expect(saysNothing(reason)).toBe(true),
  );
  test.each(["资金不足", "原因：受经济环境影响企业减少研发投入；措施：做好对企业的政策扶持及服务。"])(
    "偏差原因 %s is a reason",
    (reason) => expect(saysNothing(reason)).toBe(false),
  );
  test("describesResult: verdicts and copies of the target are not descriptions", () => {
    expect(describesResult("完成", "提高")).toBe(false);
    expect(describesResult("全部完成", "按时完成")).toBe(false);
    expect(describesResult("持续创建", "持续创建")).toBe(false);
    expect(describesResult("已达成年度指标", "好")).toBe(false);
    expect(describesResult("创建省级示范点 2 个", "持续创建")).toBe(true);
  });
});

test("a 公务用车 subtotal left blank is one finding: 三公经费 is checked against its parts' own sum", () => {
  const json = sample();
  json.basic.threePublic.vehicles.final = null; // a form without that subtotal: 公车购置 17.98 + 公车运行维护 11.72 = 29.70
  const rules = validate(workbookModel.parse(json)).findings.map((f) => `${f.rule}@${f.key}`);
  expect(rules).toContain("sum.totalMissing@basic.threePublic.vehicles.final");
  expect(rules.filter((r) => r.startsWith("sum.threePublic"))).toEqual([]);
});

test("控制在预算内 with 超支 is a missed target, and a full score on it is said", () => {
  const json = sample();
  Object.assign(json.eval.indicators[13], { target: "控制在预算内", actual: "超支5万元", weight: 5, score: 5 });
  const found = validate(workbookModel.parse(json)).findings.filter((f) => f.rule === "score.missed");
  expect(found.map((f) => f.message)).toContainEqual(expect.stringContaining("未完成年度指标（实际「超支5万元」"));
  expect(found.map((f) => f.message)).toContainEqual(expect.stringContaining("却得满分 5.00"));
});

test("one cause, one finding: an unscored table is one score.missing listing its rows", () => {
  const json = sample();
  for (const row of json.eval.indicators) row.score = null;
  const found = validate(workbookModel.parse(json)).findings.filter((f) => f.rule === "score.missing");
  expect(found).toHaveLength(1);
  expect(found[0]!.message).toBe(
    "绩效指标第1、2、3、4、5、6、7、8、9、10、11、12、13、14、15行有分值，但没有得分（共 15 行）",
  );
});

test("one cause, one finding: 公用经费 typed in 元 is unit.yuan, not also an overrun and a cross-table gap", () => {
  const json = sample();
  json.basic.publicFunds.total.final = 2441000;
  const rules = validate(workbookModel.parse(json))
    .findings.filter((f) => f.key === "basic.publicFunds.total.final")
    .map((f) => f.rule);
  expect(rules).toEqual(["unit.yuan"]);
});

test("a cell of the wrong type is not also reported as empty (one cause, one finding)", () => {
  const model = loadSample();
  const result = validate(
    { ...model, basic: { ...model.basic, year: null } },
    {
      problems: [{ key: "basic.year", message: "年度：应为年份（四位整数），实际为「2024-05-01」" }],
    },
  );
  const onYear = result.findings.filter((f) => f.key === "basic.year").map((f) => f.rule);
  expect(onYear).toEqual(["type.cell"]);
});
