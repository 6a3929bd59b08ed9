/** Each rule of the catalogue: a failing case (the finding, with its numbers) and a passing one. */
import { readFileSync } from "node:fs";
import { validate, workbookModel, type Finding, type ValidationOptions } from "../../../src/domain";
import { SAMPLE_PATH } from "../../support/model-inputs";

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
  ["required.funds", (j) => (j.eval.funds.fullYearBudget = null), "未填写全年预算数"],
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
  ["score.unscorable", (j) => (row(j, 1).actual = "1302 个"), /^绩效指标第1行「高新技术企业数」无法计算建议得分：/],
  [
    "score.overAchievement",
    () => {},
    "绩效指标第2行「新增省级以上科技创新平台」完成率 320.00%（实际「16 个」，目标「5 个」），超过 130.00%：请检查年度指标值是否定得过低",
    (j) => j.eval.indicators.forEach((r: Json) => (r.actual = r.target)),
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
  expect(of("score.overAchievement", saved)[0]!.message).toMatch(/按“预算管理一体化平台”口径为指标偏离，扣 2 分$/);
  expect(
    validate(workbookModel.parse({ ...sample(), review: { profile: "预算管理一体化平台" } }), { profile: "national" })
      .profile.id,
  ).toBe("national");
  expect(
    of(
      "review.profile",
      findings((j) => (j.review = { profile: "某某口径" })),
    )[0]!.message,
  ).toBe("评分口径「某某口径」不认识，按“全国通用”校验（可选：全国通用、预算管理一体化平台）");
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
