/**
 * 附件3 项目支出绩效自评表 (SPEC §10) in the domain: its contract per slot, its computation as 附件2's, and its
 * validation — a consistent project raises nothing, and each slip SPEC §10 lists in published project tables
 * (年度资金总额 left 0 beside a filled 当年财政拨款, three-decimal amounts, a met target scored below full without
 * a reason, 执行率 left blank, weights ≠ 100) is a finding that names the project and its cell.
 */
import { z } from "zod";
import { CONTRACT, workbookModel, type WorkbookModelInput } from "../../src/domain";
import {
  countProjects,
  findProjectEntry,
  MAX_PROJECTS,
  projectEntries,
  projectSheetName,
  PROJECT_RELATIVE_KEYS,
} from "../../src/domain/projects/contract";
import { formulaOf, projectFormulas, projectTemplateSheet } from "../../src/domain/projects/template";
import { computeProject, evalKeyOf, projectKeyOf } from "../../src/domain/projects/view";
import { validate, type CellFact } from "../../src/domain/validation";
import { FORMULAS } from "../../src/domain/template";
import { formatRate } from "../../src/domain/rates";

type ProjectInput = NonNullable<WorkbookModelInput["projects"]>[number];

const row = (level1: string, level2: string, name: string, target: string, actual: string, weight: number) => ({
  level1,
  level2,
  name,
  target,
  actual,
  weight,
  score: weight,
});

/**
 * The form as SPEC §10 gives it, filled consistently: 年度资金总额 = 当年财政拨款 + 上年结转资金 in every column,
 * 执行率 95 %, 执行率得分 9.5, 分值 10 + 产出 50 + 效益 30 + 满意度 10 = 100, every target met and scored in full.
 */
function consistentProject(): ProjectInput {
  return {
    name: "科技创新券补助",
    department: "株洲市科学技术局",
    implementer: "株洲市科学技术局",
    year: 2024,
    funds: {
      initialBudget: 200,
      fullYearBudget: 240,
      executed: 228,
      weight: 10,
      executionRate: 0.95,
      score: 9.5,
      current: { initialBudget: 200, fullYearBudget: 200, executed: 190, executionRate: 0.95 },
      carryover: { initialBudget: 0, fullYearBudget: 40, executed: 38, executionRate: 0.95 },
    },
    goal: { expected: "支持 150 家企业开展研发", actual: "支持 156 家企业开展研发" },
    indicators: [
      row("产出指标", "数量指标", "支持企业数", "≥150家", "156家", 30),
      row("产出指标", "质量指标", "资金拨付合规率", "100%", "100%", 10),
      row("产出指标", "时效指标", "资金拨付及时率", "≥95%", "98%", 10),
      row("效益指标", "经济效益指标", "带动企业研发投入", "≥2亿元", "2.3亿元", 30),
      row("满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "95%", 10),
    ],
    weightTotal: 100,
    total: 99.5,
    grade: "优",
  };
}

/** A workbook holding `project` as its 附件3-1, and 附件1 listing it (附件1 and 附件2 are not under test here). */
function workbook(edit: (p: ProjectInput) => void = () => {}) {
  const project = consistentProject();
  edit(project);
  return workbookModel.parse({
    basic: {
      year: 2024,
      projects: { total: { final: 228 }, lines: [{ name: "科技创新券补助", budget: 240, final: 228 }] },
    },
    projects: [project],
  });
}

const projectFindings = (model: ReturnType<typeof workbook>, cells: CellFact[] = []) =>
  validate(model, { cells }).findings.filter((f) => f.key.startsWith("projects["));

describe("the contract of a project slot", () => {
  test("keys projects[n].…, names 项目n_…, table 项目n_绩效指标 on 附件3-n; unique and valid Excel names", () => {
    const entries = projectEntries(2);
    expect(entries.map((e) => e.key)).toContain("projects[2].funds.current.executed");
    expect(entries.find((e) => e.key === "projects[2].funds.executed")).toMatchObject({
      name: "项目2_全年执行数",
      address: "E5",
      sheet: "project",
      slot: 2,
    });
    expect(entries.find((e) => e.shape === "table")?.table?.name).toBe("项目2_绩效指标");
    expect(projectSheetName(2)).toBe("附件3-2 项目支出绩效自评表");
    const all = [1, 2, 3].flatMap(projectEntries);
    const names = [...CONTRACT.map((e) => e.name), ...all.map((e) => e.name)];
    expect(new Set(names).size).toBe(names.length);
    for (const { name } of all) expect(name).toMatch(/^[\p{L}_][\p{L}\p{N}_.]*$/u);
    const cells = entries.map((e) => e.address.split(":")[0]);
    expect(new Set(cells).size).toBe(cells.length);
  });

  test("the model's project fields and the contract's keys are the same set", () => {
    const schema = z.toJSONSchema(workbookModel, { io: "input" }) as unknown as {
      properties: { projects: { items: { properties: Record<string, { properties?: Record<string, unknown> }> } } };
    };
    const paths = (node: { properties?: Record<string, unknown> }, prefix: string): string[] => {
      const properties = node.properties as Record<string, { properties?: Record<string, unknown> }> | undefined;
      if (!properties || prefix === "indicators") return [prefix];
      return Object.entries(properties).flatMap(([key, child]) => paths(child, prefix ? `${prefix}.${key}` : key));
    };
    const fields = paths(schema.properties.projects.items, "");
    expect(fields.sort()).toEqual([...PROJECT_RELATIVE_KEYS].sort());
  });

  test("a project path finds its entry, a row's path its table; slots are counted from the workbook's names", () => {
    expect(findProjectEntry("projects[3].indicators[7].score")?.key).toBe("projects[3].indicators");
    expect(findProjectEntry("projects[0].name")).toBeUndefined();
    expect(findProjectEntry("eval.total")).toBeUndefined();
    const names = new Set(["项目1_项目名称", "项目2_项目名称"]);
    const tables = new Set(["项目3_绩效指标", "项目5_绩效指标"]);
    expect(countProjects({ name: (n) => names.has(n), table: (n) => tables.has(n) })).toBe(3);
    expect(countProjects({ name: () => true, table: () => false })).toBe(MAX_PROJECTS);
  });

  test("附件2's formulas over the project's own names, and 执行率 for each source of funds", () => {
    const formulas = projectFormulas(2);
    expect(formulas["projects[2].funds.executionRate"]).toBe(
      FORMULAS["eval.funds.executionRate"]!.replace(/自评_/g, "项目2_"),
    );
    expect(formulas["projects[2].total"]).toBe(
      FORMULAS["eval.total"]!.replace(/自评_/g, "项目2_").replace(/绩效指标\[/g, "项目2_绩效指标["),
    );
    expect(formulaOf("projects[2].funds.carryover.executionRate")).toBe(
      'IF(N(项目2_上年结转资金_全年预算数)=0,"不适用",ROUND(项目2_上年结转资金_全年执行数/项目2_上年结转资金_全年预算数,4))',
    );
    expect(formulaOf("eval.total")).toBe(FORMULAS["eval.total"]);
    expect(projectTemplateSheet(2).cells[0]!.formula).toContain("项目2_年度");
  });

  test("a project key and its view's 附件2 key map both ways; cells 附件2 lacks map to nothing", () => {
    expect(projectKeyOf(2, "eval.indicators[3].score")).toBe("projects[2].indicators[3].score");
    expect(projectKeyOf(2, "eval.unit")).toBe("projects[2].name");
    expect(projectKeyOf(2, "eval.funds.income.general")).toBeNull();
    expect(projectKeyOf(2, "eval.preparer")).toBeNull();
    expect(evalKeyOf("projects[2].funds.weight")).toEqual({ slot: 2, evalKey: "eval.funds.weight" });
    expect(evalKeyOf("projects[2].funds.current.executed")).toBeNull();
  });
});

describe("a project's computation is 附件2's", () => {
  test("执行率 95.00 %, 执行率得分 9.50, 总分 99.50, 优", () => {
    const computation = computeProject(workbook(), 0);
    expect(formatRate(computation.executionRate)).toBe("95.00%");
    expect(computation.total.total.toFixed(2)).toBe("99.50");
    expect(computation.grade).toBe("优");
    expect(computation.totalStatus).toBe("final");
  });

  test("a 0 全年预算数: 执行率 不适用 (never 0 %), 总分 provisional", () => {
    const computation = computeProject(
      workbook((p) => Object.assign(p.funds!, { fullYearBudget: 0 })),
      0,
    );
    expect(computation.executionRate.kind).toBe("notApplicable");
    expect(computation.totalStatus).toBe("provisional");
  });
});

describe("validating the form of SPEC §10", () => {
  test("a consistent project raises nothing", () => {
    expect(projectFindings(workbook())).toEqual([]);
  });

  test("年度资金总额 left 0 beside a filled 当年财政拨款: the total is missing, in each column", () => {
    const found = projectFindings(
      workbook((p) => Object.assign(p.funds!, { initialBudget: 0, carryover: { initialBudget: 0 } })),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        rule: "sum.projectFunds",
        severity: "error",
        key: "projects[1].funds.initialBudget",
        message: expect.stringContaining(
          "项目「科技创新券补助」（附件3-1）：年度资金总额·年初预算数填的是 0，但其中各项已填（当年财政拨款 200.00",
        ),
      }),
    );
  });

  test("three-decimal amounts: on the total row (附件2's rule) and on a source row (附件3's)", () => {
    const found = projectFindings(
      workbook((p) => {
        p.funds!.weight = 10.125;
        p.funds!.current!.initialBudget = 199.995;
        p.funds!.carryover!.initialBudget = 0.005;
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        rule: "format.decimals",
        key: "projects[1].funds.weight",
        message: "项目「科技创新券补助」（附件3-1）：金额以万元计，最多两位小数，这里是 10.125",
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ rule: "format.projectDecimals", key: "projects[1].funds.current.initialBudget" }),
    );
  });

  test("a met target scored below full without a reason: the reason is required, the full score suggested", () => {
    const found = projectFindings(workbook((p) => (p.indicators![0]!.score = 27)));
    expect(found).toContainEqual(
      expect.objectContaining({
        rule: "score.reason",
        key: "projects[1].indicators[1].deviation",
        message: expect.stringContaining("绩效指标第1行「支持企业数」得分 27.00 低于分值 30.00"),
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ rule: "score.suggested", key: "projects[1].indicators[1].score" }),
    );
  });

  test("执行率 left blank where the template's formula was: said with the value, the formula is the fix", () => {
    const formula = `=${formulaOf("projects[1].funds.executionRate")}`;
    const blank: CellFact = {
      key: "projects[1].funds.executionRate",
      kind: "rate",
      role: "computed",
      value: null,
      formula: null,
      expectedFormula: formula,
    };
    const found = projectFindings(
      workbook((p) => (p.funds!.executionRate = null)),
      [blank],
    );
    expect(found).toContainEqual({
      rule: "slip.formulaMissing",
      severity: "warning",
      key: "projects[1].funds.executionRate",
      message: "项目「科技创新券补助」（附件3-1）：预算执行率是空的（模板的公式已被删除）：按表中数字应为 95.00%",
      params: { expected: "95.00%" },
      fix: { kind: "formula", formula },
    });
  });

  test("weights ≠ 100: 分值合计 with its breakdown", () => {
    const found = projectFindings(workbook((p) => (p.indicators![4]!.weight = 20)));
    expect(found).toContainEqual(
      expect.objectContaining({
        rule: "weights.total",
        key: "projects[1].weightTotal",
        message: expect.stringContaining("分值合计 110.00 ≠ 100"),
      }),
    );
  });

  test("a stated 执行率 or 总分 the numbers do not give is recomputed, on the project's cell", () => {
    const found = projectFindings(workbook((p) => (p.total = 95)));
    expect(found).toContainEqual(
      expect.objectContaining({ rule: "recomputed.value", key: "projects[1].total", severity: "error" }),
    );
  });

  test("a printed 总分 that cannot be checked (a row unscored) is a statement: no formula put back", () => {
    const model = workbook((p) => {
      p.indicators![0]!.score = null;
      p.total = 94.18;
    });
    const total: CellFact = {
      key: "projects[1].total",
      kind: "amount",
      role: "computed",
      value: 94.18,
      formula: null,
      expectedFormula: `=${formulaOf("projects[1].total")}`,
    };
    const found = projectFindings(model, [total]);
    expect(found.filter((f) => f.rule === "slip.overwritten")).toEqual([]);
    expect(found).toContainEqual(
      expect.objectContaining({ rule: "score.missing", key: "projects[1].indicators[1].score" }),
    );
  });

  test("against 附件1: a different 决算数 for the same name is a warning that can be explained", () => {
    const model = workbook();
    model.basic.projects.lines[0]!.final = model.basic.projects.lines[0]!.final!.minus(8);
    const found = projectFindings(model).filter((f) => f.rule === "cross.projectLine");
    expect(found.map((f) => [f.severity, f.key])).toEqual([["warning", "projects[1].funds.executed"]]);
    model.review.acknowledgements.push({
      rule: "cross.projectLine",
      reason: "附件1 按支付口径，附件3 含已拨付未支出",
      key: "projects[1].funds.executed",
    });
    const explained = validate(model).findings.find((f) => f.rule === "cross.projectLine");
    expect(explained?.acknowledged).toBe("附件1 按支付口径，附件3 含已拨付未支出");
  });

  test("two projects: each finding names its own project and cell", () => {
    const model = workbookModel.parse({
      projects: [consistentProject(), { ...consistentProject(), name: "科普经费", weightTotal: 90, total: 89.5 }],
    });
    model.projects[1]!.indicators.pop();
    const weights = validate(model).findings.filter((f) => f.rule === "weights.total");
    expect(weights.map((f) => f.key)).toEqual(["projects[2].weightTotal"]);
    expect(weights[0]!.message).toMatch(/^项目「科普经费」（附件3-2）：分值合计 90.00 ≠ 100/);
  });
});
