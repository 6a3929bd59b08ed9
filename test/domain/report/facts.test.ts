/**
 * The report states only what the tables support: every fact sentence carries its condition (a predicate
 * of facts.ts), is emitted only when it holds, and an empty cell is never read as 0 or as "none".
 */
import fc from "fast-check";
import {
  buildReport,
  factContextOf,
  FACTS,
  fill,
  holds,
  projectFactContext,
  isFactSentence,
  SENTENCES,
  unknownConditions,
  validate,
  workbookModel,
  type ReportContent,
  type WorkbookModel,
} from "../../../src/domain";
import { loadSample } from "../../support/model-inputs";

const FINGERPRINT = "0123456789abcdef".repeat(4);

function reportOf(model: WorkbookModel): ReportContent {
  return buildReport(model, validate(model), { fingerprint: FINGERPRINT });
}

const paragraphs = (content: ReportContent) =>
  content.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.inlines.map((i) => i.text).join("")] : []));
const textOf = (content: ReportContent) => paragraphs(content).join("\n");

/** The blocks without the section on the projects (from its heading to the next level-1 heading). */
function withoutProjects(blocks: ReportContent["blocks"]): ReportContent["blocks"] {
  const start = blocks.findIndex((b) => b.kind === "heading" && b.text.endsWith("重点项目绩效自评情况"));
  if (start < 0) return blocks;
  const end = blocks.findIndex((b, i) => i > start && b.kind === "heading" && b.level === 1);
  return [...blocks.slice(0, start), ...blocks.slice(end)];
}

/** The 株洲 sample with edits to its JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of the sample JSON
type Json = Record<string, any>;

function sample(edit: (json: Json) => void): WorkbookModel {
  const json = JSON.parse(JSON.stringify(loadSample()));
  edit(json);
  return workbookModel.parse(json);
}

const indicator = (weight: number | null, score: number | null, extra: Record<string, unknown> = {}) => ({
  level1: "产出指标",
  level2: "数量指标",
  name: `指标${weight}-${score}`,
  target: "10个",
  actual: "10个",
  weight,
  score,
  ...extra,
});

describe("「各项绩效指标均得满分」 only when every indicator has a score equal to its weight", () => {
  const NO_DEVIATION = "各项绩效指标均得满分";

  test("not with no indicators at all", () => {
    const text = textOf(reportOf(sample((j) => (j.eval.indicators = []))));
    expect(text).not.toContain(NO_DEVIATION);
    expect(text).toContain("【请填写：附件2 绩效指标】");
  });

  test("not with every score blank: the rows without a score are named, as a placeholder", () => {
    const text = textOf(reportOf(sample((j) => j.eval.indicators.forEach((r: Json) => (r.score = null)))));
    expect(text).not.toContain(NO_DEVIATION);
    expect(text).toContain("绩效指标15项均未填写得分，是否失分待定【请填写：得分】。");
  });

  test("not with one row without a score; that row is named, the full rows are not listed as short", () => {
    const model = sample((j) => {
      j.eval.indicators = [indicator(10, 10), indicator(5, null, { name: "未评分指标" })];
    });
    const text = textOf(reportOf(model));
    expect(text).not.toContain(NO_DEVIATION);
    expect(text).not.toContain("以下指标未得满分");
    expect(text).toContain("绩效指标第2行「未评分指标」尚未填写得分");
    expect(text).toContain("分值5.00分，得分【请填写：得分】");
  });

  test("not with a row scored but without a weight", () => {
    const text = textOf(reportOf(sample((j) => (j.eval.indicators = [indicator(10, 10), indicator(null, 5)]))));
    expect(text).not.toContain(NO_DEVIATION);
    expect(text).toContain("绩效指标第2行「指标null-5」尚未填写分值，是否失分待定【请填写：分值】");
  });

  test("with every row full: stated", () => {
    const content = reportOf(sample((j) => (j.eval.indicators = [indicator(10, 10), indicator(5, 5)])));
    expect(textOf(content)).toContain("各项绩效指标均得满分。");
    expect(content.facts.map((f) => f.when)).toContain("everyIndicatorFullScore");
  });

  test("the rows that lost points, with their reasons (the 株洲 table)", () => {
    const text = textOf(reportOf(loadSample()));
    expect(text).not.toContain(NO_DEVIATION);
    expect(text).toContain("以下指标未得满分：");
    expect(text).toContain("地方财政科技支出占比得分4.00分（分值5.00分），扣1.00分。原因：财政资金状况及政策变化");
  });
});

describe("「本年度无政府采购预算」 only when the budget cell says 0", () => {
  const NONE = "本年度无政府采购预算";
  const withProcurement = (budget: number | null, final: number | null) =>
    textOf(reportOf(sample((j) => (j.basic.procurement = { prev: null, budget, final }))));

  test("not when the cells are empty: a placeholder asks to fill them", () => {
    const text = withProcurement(null, null);
    expect(text).not.toContain(NONE);
    expect(text).toContain("【请填写：政府采购金额（附件1；本年度无政府采购的，预算数和决算数填0）】");
  });

  test("typed 0: stated", () => {
    expect(withProcurement(0, 0)).toContain("本年度无政府采购预算，政府采购执行率不适用。");
    expect(withProcurement(0, null)).toContain(NONE);
  });

  test("a purchase with no budget (empty or 0) is reported with its amount", () => {
    const empty = withProcurement(null, 50);
    expect(empty).not.toContain(NONE);
    expect(empty).toContain(
      "政府采购预算金额【未填写：政府采购金额2024年预算数】万元，实际采购金额50.00万元，" +
        "政府采购执行率无法计算（2024年预算数未填写）。",
    );
    const zero = withProcurement(0, 50);
    expect(zero).not.toContain(NONE);
    expect(zero).toContain(
      "政府采购预算金额0.00万元，实际采购金额50.00万元，政府采购执行率不适用（2024年预算数为0）。",
    );
  });
});

describe("「本年度无完工的楼堂馆所项目」 only when the cells say 0", () => {
  const NONE = "本年度无完工的楼堂馆所项目";
  const withBuildings = (value: number | null) =>
    textOf(
      reportOf(
        sample(
          (j) =>
            (j.basic.buildings = {
              approvedArea: value,
              actualArea: value,
              budgetInvestment: value,
              actualInvestment: value,
            }),
        ),
      ),
    );

  test("empty cells: a placeholder asking to fill them, no claim", () => {
    const text = withBuildings(null);
    expect(text).not.toContain(NONE);
    expect(text).toContain("【请填写：楼堂馆所控制情况（附件1；本年度无完工项目的，");
  });

  test("typed 0: stated", () => expect(withBuildings(0)).toContain(`${NONE}，规模控制率、投资概算控制率不适用。`));

  test("some typed, some empty: the figures as typed, the empty ones named", () => {
    const text = textOf(reportOf(sample((j) => (j.basic.buildings = { approvedArea: 0, actualArea: 0 }))));
    expect(text).not.toContain(NONE);
    expect(text).toContain("楼堂馆所批复规模0.00平方米，实际规模0.00平方米，规模控制率不适用（批复规模（m²）为0）；");
    expect(text).toContain("预算投资【未填写：预算投资（万元）】万元");
  });
});

describe("五、自评结果 states a total and a grade only where the table gives them", () => {
  test("every score blank: no 「绩效指标得分0.00分」, no grade; the scores are said to be missing", () => {
    const text = textOf(reportOf(sample((j) => j.eval.indicators.forEach((r: Json) => (r.score = null)))));
    expect(text).not.toContain("绩效指标得分0.00分");
    expect(text).not.toMatch(/自评得分|自评等次为/);
    expect(text).toContain(
      "株洲市科学技术局2024年度绩效指标得分尚未填写【请填写：附件2 绩效指标得分】，总分与自评等次待得分填写后确定。",
    );
  });

  test("some scores blank: no total, the rows named", () => {
    const text = textOf(reportOf(sample((j) => (j.eval.indicators[2].score = null))));
    expect(text).not.toMatch(/自评得分|自评等次为/);
    expect(text).toContain("株洲市科学技术局2024年度绩效指标第3行「引进外籍人才数」尚未填写得分【请填写：得分】");
  });

  test("执行率 不适用 (全年预算数 0 with money spent): total and grade provisional, with the reason", () => {
    const model = sample((j) => (j.eval.funds.fullYearBudget = 0));
    const validation = validate(model);
    expect(validation.computation.provisional).not.toBeNull();
    const text = textOf(reportOf(model));
    expect(text).not.toContain("预算执行率得分【未填写");
    expect(text).not.toContain("自评等次为");
    expect(text).toContain("绩效自评得分暂计88.00分，其中绩效指标得分88.00分，自评等次暂定为“");
    expect(text).toContain(`${validation.computation.provisional!.replace(/。$/, "")}。`);
  });

  test("complete: the total, its parts and the grade", () => {
    expect(textOf(reportOf(loadSample()))).toContain(
      "自评得分98.00分，其中预算执行率得分10.00分（分值10.00分），绩效指标得分88.00分，自评等次为“优”。",
    );
  });
});

describe("wording", () => {
  test("fill: an empty field names itself; a value's 。 gives way to the template's punctuation", () => {
    expect(fill("{x}万元", { x: { value: null, label: "全年预算数" } })).toBe("【未填写：全年预算数】万元");
    expect(fill("{x}万元", { x: { value: "", label: "全年预算数" } })).toBe("【未填写：全年预算数】万元");
    expect(fill("完成值{x}，得分", { x: "全面完成。" })).toBe("完成值全面完成，得分");
    expect(fill("目标：{x}：", { x: "提高；" })).toBe("目标：提高：");
    expect(fill("原因：{x}", { x: "资金未到位。" })).toBe("原因：资金未到位。");
    expect(fill("{x}", {})).toBe("【未填写：x】");
  });

  test("no 「。，」 or 「。：」 where a cell already ends in 。", () => {
    const model = sample((j) => {
      j.eval.indicators[0].actual = "全面完成。";
      j.eval.indicators[0].name = "高新技术企业数。";
      j.eval.goal.expected = "全力引导企业加大研发投入。";
    });
    const text = textOf(reportOf(model));
    expect(text).not.toMatch(/[。；][，：。,:]/);
    expect(text).toContain("1. 高新技术企业数：年度指标值1300 家，实际完成值全面完成，");
    expect(text).toContain("年度总体目标：全力引导企业加大研发投入。\n");
  });

  test("a placeholder always says what is missing", () => {
    const content = reportOf(workbookModel.parse({}));
    const text = [content.title, content.unitLine, content.dateLine, textOf(content)].join("\n");
    expect(text).not.toContain("【未填写】");
    expect(text).toContain("部门（单位）名称：【未填写：单位名称】");
    expect(text).toContain("【未填写：单位名称】编制数【未填写：编制数】人，【未填写：年度】年末实际在职人数");
    expect(text).toContain("全年预算数【未填写：全年预算数】万元");
    expect(text).toContain("“三公经费”【未填写：年度】年预算数【未填写：三公经费N年预算数】万元");
  });

  test("a rate that is 不适用 reads naturally, with its reason", () => {
    const model = sample((j) => (j.basic.publicFunds.total.budget = 0));
    const text = textOf(reportOf(model));
    expect(text).not.toContain("为不适用");
    expect(text).toContain("公用经费预算数0.00万元，决算数244.10万元，控制率不适用（2024年预算数为0）。");
    const empty = textOf(reportOf(workbookModel.parse({})));
    expect(empty).not.toContain("为不适用");
    expect(empty).toContain("在职人员控制率无法计算（编制数未填写）");
  });
});

describe("the sentences file", () => {
  test("every condition names a predicate", () => {
    expect(unknownConditions(SENTENCES)).toEqual([]);
    expect(unknownConditions({ a: { text: "x", when: "noSuchFact" } })).toEqual(["a: noSuchFact"]);
  });

  test("the sentences that assert a fact carry a condition", () => {
    for (const id of [
      "noDeviation",
      "procurementNone",
      "buildingsNone",
      "result",
      "resultProvisional",
      "staffOver",
      "deviation",
      "changeSame",
      "completionOnTime",
    ] as const)
      expect(isFactSentence(SENTENCES[id])).toBe(true);
  });
});

describe("property: each fact sentence's condition holds whenever it is emitted", () => {
  const amount = (...values: number[]) => fc.constantFrom<number | null>(null, 0, ...values);
  const triple = fc.record({ prev: amount(10, 46), budget: amount(46, 289), final: amount(38.67, 289, 300) });
  const text = (...values: string[]) => fc.constantFrom<string | null>(null, ...values);
  const row = fc.record({
    level1: text("产出指标", "效益指标", "满意度指标"),
    level2: text("数量指标", "时效指标"),
    name: text("指标甲", "指标乙。"),
    target: text("≥95%", "10个", "12月", "次年1月", "好", "≤3%", "0", "120亿元"),
    actual: text("97%", "8个", "12个", "12月", "次年3月", "好。", "5%", "115.49亿元"),
    weight: amount(5, 10, 12.5),
    score: amount(3, 5, 10, 12.5),
    deviation: text("原因：资金未到位。", "无"),
    band: text("达成", "部分达成"),
  });
  const project = fc.record({
    name: text("项目甲"),
    year: fc.constantFrom(null, 2024),
    funds: fc.record({
      initialBudget: amount(100),
      fullYearBudget: amount(100),
      executed: amount(50, 100, 120),
      weight: fc.constantFrom(null, 10),
      current: fc.record({ fullYearBudget: amount(100), executed: amount(50) }),
    }),
    indicators: fc.array(row, { maxLength: 4 }),
  });
  const model = fc.record({
    basic: fc.record({
      unit: text("株洲市科学技术局"),
      year: fc.constantFrom(null, 2024),
      staff: fc.record({ authorized: fc.constantFrom(null, 0, 39), actual: fc.constantFrom(null, 0, 32, 40) }),
      threePublic: fc.record({ total: triple }),
      publicFunds: fc.record({ total: triple }),
      procurement: triple,
      budgetAdjustment: triple,
      buildings: fc.record({
        approvedArea: amount(100),
        actualArea: amount(90),
        budgetInvestment: amount(50),
        actualInvestment: amount(55),
      }),
    }),
    eval: fc.record({
      funds: fc.record({
        initialBudget: amount(900),
        fullYearBudget: amount(1000),
        executed: amount(500, 1000, 1200),
        weight: fc.constantFrom(null, 10),
        income: fc.record({ general: amount(1000), other: amount(5) }),
      }),
      goal: fc.record({ expected: text("目标。"), actual: text("完成。") }),
      indicators: fc.array(row, { maxLength: 6 }),
    }),
    projects: fc.array(project, { maxLength: 2 }),
  });
  const profile = fc.constantFrom("national", "platform");

  /** A fact sentence's fixed words as a pattern over one paragraph ({name} matches anything). */
  const pattern = (template: string) =>
    new RegExp(
      template
        .split(/\{[\w-]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^\\n]*?"),
    );
  const factSentences = Object.entries(SENTENCES).flatMap(([id, s]) => (isFactSentence(s) ? [{ id, ...s }] : []));

  test("recorded and re-evaluated; and every fact text found in the report rests on a condition that holds", () => {
    fc.assert(
      fc.property(model, profile, (input, id) => {
        const parsed = workbookModel.parse(input);
        const validation = validate(parsed, { profile: id });
        const context = { model: parsed, computation: validation.computation };
        const content = buildReport(parsed, validation, { fingerprint: FINGERPRINT });
        const text = textOf(content);
        // What content.ts recorded: the condition holds (on its project's table for a project's), and the
        // sentence is in the report.
        for (const fact of content.facts) {
          expect({ fact, holds: holds(fact.when, factContextOf(fact, context), fact.row) }).toEqual({
            fact,
            holds: true,
          });
          expect(text).toContain(fact.text);
        }
        // Independently of the record: a fact sentence's words in the report mean its condition holds (on some row
        // of the department's 附件2 or of a project's table).
        const contexts = [
          context,
          ...parsed.projects.map((_, i) => projectFactContext(parsed, i, validation.computation.profile)),
        ];
        for (const sentence of factSentences) {
          if (!paragraphs(content).some((p) => pattern(sentence.text).test(p))) continue;
          const ok = contexts.some((c) =>
            [-1, ...c.model.eval.indicators.map((_, i) => i)].some((r) =>
              FACTS[sentence.when as keyof typeof FACTS](c, r),
            ),
          );
          expect({ sentence: sentence.id, ok }).toEqual({ sentence: sentence.id, ok: true });
        }
        // The headline claims, against oracles written here, apart from facts.ts: on the department's text (the
        // projects' section says the same of each project, checked in projects.test.ts).
        const departmentText = textOf({ ...content, blocks: withoutProjects(content.blocks) });
        const rowsOf = parsed.eval.indicators;
        const dec = (v: unknown) => (v === null || v === undefined ? null : Number(v));
        const oracles: Array<[RegExp, () => boolean]> = [
          [
            /各项绩效指标均得满分/,
            () =>
              rowsOf.length > 0 &&
              rowsOf.every((r) => r.score !== null && r.weight !== null && dec(r.score) === dec(r.weight)),
          ],
          [
            /本年度无政府采购预算/,
            () => dec(parsed.basic.procurement.budget) === 0 && !(dec(parsed.basic.procurement.final)! > 0),
          ],
          [
            /本年度无完工的楼堂馆所项目/,
            () => {
              const b = parsed.basic.buildings;
              return [b.approvedArea, b.actualArea, b.budgetInvestment, b.actualInvestment].every((v) => dec(v) === 0);
            },
          ],
          [/自评等次为/, () => rowsOf.length > 0 && rowsOf.every((r) => r.score !== null)],
          [/绩效指标得分\d/, () => rowsOf.some((r) => r.score !== null)],
        ];
        for (const [claim, oracle] of oracles)
          if (claim.test(departmentText))
            expect({ claim: claim.source, ok: oracle() }).toEqual({ claim: claim.source, ok: true });
        // And the wording never regresses.
        expect(text).not.toContain("【未填写】");
        expect(text).not.toMatch(/[。；][，：]/);
        expect(text).not.toContain("为不适用");
        if (!validation.computation.scored) expect(departmentText).not.toMatch(/自评得分|绩效指标得分0\.00分/);
        // A project states a score only where some 得分 of its table is entered, as the department does.
        if (contexts.slice(1).every((c) => !c.computation.scored)) expect(text).not.toMatch(/项目自评得分/);
      }),
      { numRuns: 300 },
    );
  });
});
