/**
 * The report's section on the key projects (附件3): each filled project table's funds, execution, 总分 and 等次
 * and what fell short, every number from the model and its computation; each project table as its own
 * attachment in the form's layout, listed below the text. No project table, no section.
 */
import {
  attachmentGrid,
  buildReport,
  compute,
  factContextOf,
  projectFactContext,
  projectGrid,
  rulesUsed,
  validate,
  type Grid,
  type ProfileChoice,
  type ReportContent,
  type WorkbookModel,
} from "../../../src/domain";
import { computeProject } from "../../../src/domain/projects/view";
import { projectTemplateSheet } from "../../../src/domain/projects/template";
import { loadSample } from "../../support/model-inputs";
import { twoProjects } from "./two-projects";

const FINGERPRINT = "0123456789abcdef".repeat(4);

const reportOf = (model: WorkbookModel, profile?: ProfileChoice): ReportContent =>
  buildReport(model, validate(model, { profile }), { fingerprint: FINGERPRINT });

const paragraphs = (content: ReportContent) =>
  content.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.inlines.map((i) => i.text).join("")] : []));
const headings = (content: ReportContent) => content.blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : []));

/** The paragraphs of the section on the projects, from its heading to the next level-1 heading. */
function projectSection(content: ReportContent): string[] {
  const start = content.blocks.findIndex((b) => b.kind === "heading" && b.text.endsWith("重点项目绩效自评情况"));
  if (start < 0) return [];
  const end = content.blocks.findIndex((b, i) => i > start && b.kind === "heading" && b.level === 1);
  return paragraphs({ ...content, blocks: content.blocks.slice(start + 1, end) });
}

const texts = (grid: Grid) => grid.rows.map((row) => row.map((cell) => cell?.text ?? null));

describe("two projects: 「市级专项资金」 (an indicator short) and 「科技创新券补助」 (全年预算数 0)", () => {
  const model = twoProjects();
  const content = reportOf(model);
  const section = projectSection(content);

  test("a subsection of 四、绩效目标完成情况, after the indicator groups, before 五、自评结果", () => {
    const all = headings(content);
    const at = all.indexOf("（六）重点项目绩效自评情况");
    expect(at).toBeGreaterThan(all.indexOf("（五）成本指标完成情况"));
    expect(all[at + 1]).toBe("五、自评结果");
  });

  test("each project's funds, 执行数 and 执行率, its total and grade, and what fell short, with the reason", () => {
    expect(section).toEqual([
      "本年度对2个重点项目开展绩效自评，项目支出绩效自评表见附件3-1、附件3-2。",
      "1. 市级专项资金（附件3-1）：年初预算数3600.00万元，全年预算数3600.00万元（其中当年财政拨款3600.00万元），" +
        "全年执行数1864.05万元，预算执行率为51.78%。",
      "项目自评得分92.93分，其中预算执行率得分5.18分（分值10.00分），绩效指标得分87.75分，自评等次为“优”。",
      "以下指标未得满分：",
      "资金拨付及时率得分12.75分（分值15.00分），扣2.25分。部分项目未按期验收，资金拨付滞后。下一步加强项目进度跟踪。",
      "2. 科技创新券补助（附件3-2）：年初预算数50.00万元，全年预算数0.00万元，全年执行数0.00万元，" +
        "预算执行率不适用（全年预算数为0）。",
      "项目自评得分暂计90.00分，其中绩效指标得分90.00分，自评等次暂定为“优”。" +
        "全年预算数为 0，预算执行率不适用：执行率得分无法计算，总分与等次为暂定。",
      "各项绩效指标均得满分。",
    ]);
  });

  test("the numbers are the computation's: each project computed as 附件2 is, under the report's profile", () => {
    const special = computeProject(model, 0, "national");
    expect(special.executionRate).toMatchObject({ kind: "value" });
    expect(section[1]).toContain(
      `${special.executionRate.kind === "value" && special.executionRate.value.times(100).toFixed(2)}%`,
    );
    expect(section[2]).toContain(`项目自评得分${special.total.total.toFixed(2)}分`);
    expect(section[2]).toContain(`自评等次为“${special.grade}”`);
    const vouchers = computeProject(model, 1, "national");
    expect(vouchers.totalStatus).toBe("provisional");
    expect(section[6]).toContain(vouchers.provisional!);
  });

  test("a 0 budget: 执行率 不适用, never 0%, in the text and in the table", () => {
    expect(section.join("")).not.toMatch(/执行率(为)?0(\.00)?%/);
    const grid = content.attachments.find((a) => a.number === "3-2")!;
    const total = texts(grid).find((row) => row[1] === "年度资金总额")!;
    expect(total.slice(2)).toEqual(["50.00", "0.00", "0.00", "10.00", "不适用", ""]);
  });

  test("the project's other profile: the report's profile scores the projects too", () => {
    const platform = projectSection(reportOf(model, "platform"));
    const scored = computeProject(model, 0, "platform");
    expect(platform[2]).toContain(`项目自评得分${scored.total.total.toFixed(2)}分`);
  });

  test("every project fact is recorded on its project and holds there", () => {
    const context = { model, computation: validate(model).computation };
    const projectFacts = content.facts.filter((f) => f.project !== undefined);
    expect(projectFacts.map((f) => [f.project, f.id])).toEqual([
      [0, "projectResult"],
      [0, "deviationIntro"],
      [0, "deviation"],
      [1, "projectResultProvisional"],
      [1, "noDeviation"],
    ]);
    for (const fact of projectFacts)
      expect(factContextOf(fact, context).model.eval.unit).toBe(model.projects[fact.project!]!.name);
  });

  test("the attachments: 附件1, 附件2, then 附件3-1 and 附件3-2, listed below the text", () => {
    expect(content.attachments.map((a) => a.number)).toEqual(["1", "2", "3-1", "3-2"]);
    const list = paragraphs(content).slice(-4);
    expect(list).toEqual([
      "附件：1.\t2024年度部门（单位）整体支出绩效评价基础数据表",
      "2.\t2024年度部门（单位）整体支出绩效自评表",
      "3-1.\t2024年度项目支出绩效自评表（市级专项资金）",
      "3-2.\t2024年度项目支出绩效自评表（科技创新券补助）",
    ]);
    // 附件： two characters in, one line below the text; the numbers after it under the first; the names (after a
    // tab) and their wrapped lines at 7.5 characters, past the longest number "3-1.".
    const blocks = content.blocks.slice(-4);
    expect(blocks.map((b) => (b.kind === "paragraph" ? [b.indent, b.wrapIndent, b.spaceBefore] : null))).toEqual([
      [undefined, 7.5, 1],
      [5, 7.5, undefined],
      [5, 7.5, undefined],
      [5, 7.5, undefined],
    ]);
  });
});

describe("the project attachment in the form's layout", () => {
  const model = twoProjects();
  const grid = projectGrid(model, 0, projectFactContext(model, 0, "national"));
  const rows = texts(grid);
  const rowOf = (first: string | null, second?: string) =>
    grid.rows.findIndex((row) => row[0]?.text === first || (second !== undefined && row[1]?.text === second));

  test("title, landscape and the eight official columns with the template's widths", () => {
    const template = projectTemplateSheet(1);
    expect(grid.title).toBe("2024年度项目支出绩效自评表");
    expect(grid.landscape).toBe(true);
    expect(grid.widths).toEqual(template.columnWidths.slice(0, 8));
    for (const row of grid.rows) expect(row).toHaveLength(8);
  });

  test("the header rows: 项目名称, 年度, 主管部门, 实施单位, merged as the form", () => {
    expect(rows[0]).toEqual(["项目名称", "市级专项资金", null, null, null, null, "年度", "2024"]);
    expect(rows[1]).toEqual(["主管部门", "株洲市科学技术局", null, null, null, null, "实施单位", "株洲市科学技术局"]);
    expect(grid.rows[0]![1]).toMatchObject({ colSpan: 5, rowSpan: 1 });
  });

  test("项目资金: four rows × 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分, with — where the form has none", () => {
    const header = rowOf("项目资金（万元）");
    expect(grid.rows[header]![0]).toMatchObject({ text: "项目资金（万元）", rowSpan: 5, header: true });
    expect(rows[header]!.slice(2)).toEqual(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
    expect(rows.slice(header + 1, header + 5)).toEqual([
      [null, "年度资金总额", "3600.00", "3600.00", "1864.05", "10.00", "51.78%", "5.18"],
      [null, "其中：当年财政拨款", "3600.00", "3600.00", "1864.05", "—", "51.78%", "—"],
      [null, "上年结转资金", "", "", "", "—", "不适用", "—"],
      [null, "其他资金", "", "", "", "—", "不适用", "—"],
    ]);
    expect(grid.rows[header + 2]![5]).toMatchObject({ text: "—", align: "center" });
    expect(grid.rows[header + 1]![2]).toMatchObject({ align: "right" });
  });

  test("年度总体目标: 预期目标 and 实际完成情况 side by side", () => {
    const goal = rowOf("年度总体目标");
    expect(grid.rows[goal]![0]).toMatchObject({ rowSpan: 2 });
    expect(rows[goal]).toEqual(["年度总体目标", "预期目标", null, null, null, "实际完成情况", null, null]);
    expect(rows[goal + 1]).toEqual([
      null,
      "支持创新主体培育、关键技术攻关和重大科技成果转化",
      null,
      null,
      null,
      "支持科技项目112个，带动企业研发投入12亿元",
      null,
      null,
    ]);
    expect(grid.rows[goal + 1]![5]).toMatchObject({ colSpan: 3 });
  });

  test("the indicator rows, 一级 and 二级 merged over their runs, then 总分 and 等次", () => {
    const header = rowOf("一级指标");
    expect(rows[header]).toEqual([
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ]);
    expect(grid.rows[header + 1]![0]).toMatchObject({ text: "产出指标", rowSpan: 3 });
    expect(grid.rows[header + 4]![0]).toMatchObject({ text: "效益指标", rowSpan: 2 });
    expect(rows[header + 3]).toEqual([
      null,
      "时效指标",
      "资金拨付及时率",
      "100%",
      "85%",
      "15.00",
      "12.75",
      "部分项目未按期验收，资金拨付滞后。下一步加强项目进度跟踪",
    ]);
    const total = rows.length - 1;
    expect(rows[total]).toEqual(["总分", null, null, null, null, "100.00", "92.93", "自评等次：优"]);
    expect(header + 7).toBe(total); // the six filled rows, none of the template's blank ones
    expect(grid.keepWithNext[total - 1]).toBe(true); // the table's end keeps with 总分
  });

  test("总分 and 等次 only as the narrative states them: 暂定 without 执行率, nothing while scores are missing", () => {
    const vouchers = texts(projectGrid(model, 1, projectFactContext(model, 1, "national")));
    expect(vouchers[vouchers.length - 1]).toEqual([
      "总分",
      null,
      null,
      null,
      null,
      "100.00",
      "90.00（暂定）",
      "自评等次：优（暂定）",
    ]);
    const incomplete = twoProjects((j) => (j.projects[0].indicators[1].score = null));
    const grid = texts(projectGrid(incomplete, 0, projectFactContext(incomplete, 0, "national")));
    expect(grid[grid.length - 1]!.slice(5)).toEqual(["100.00", "", "自评等次"]);
  });

  test("derived from the template sheet: its labels, in its order", () => {
    const labels = projectTemplateSheet(1)
      .cells.filter((c) => c.style !== "title" && c.value)
      .map((c) => c.caption ?? c.value);
    const printed = grid.rows.flat().flatMap((cell) => (cell ? [cell.text] : []));
    for (const label of labels)
      expect(printed.some((text) => text === label || text.startsWith(`${label}：`))).toBe(true);
  });
});

describe("no project, no section", () => {
  test("the sample without project tables: no section, two attachments, two listed", () => {
    const content = reportOf(loadSample());
    expect(projectSection(content)).toEqual([]);
    expect(headings(content).some((h) => h.includes("重点项目"))).toBe(false);
    expect(content.attachments.map((a) => a.number)).toEqual(["1", "2"]);
    expect(paragraphs(content).slice(-2)).toEqual([
      "附件：1.\t2024年度部门（单位）整体支出绩效评价基础数据表",
      "2.\t2024年度部门（单位）整体支出绩效自评表",
    ]);
  });

  test("only blank project tables: no section, no 附件3", () => {
    const content = reportOf(twoProjects((j) => (j.projects = [{}, {}])));
    expect(projectSection(content)).toEqual([]);
    expect(content.attachments).toHaveLength(2);
    expect(content.facts.some((f) => f.project !== undefined)).toBe(false);
  });

  test("a blank table between two filled ones is skipped: the filled ones are 附件3-1 and 附件3-2", () => {
    const model = twoProjects((j) => j.projects.splice(1, 0, {}));
    const content = reportOf(model);
    const section = projectSection(content);
    expect(section[0]).toBe("本年度对2个重点项目开展绩效自评，项目支出绩效自评表见附件3-1、附件3-2。");
    expect(section.filter((p) => /^\d\. /.test(p))).toEqual([
      expect.stringMatching(/^1\. 市级专项资金（附件3-1）/),
      expect.stringMatching(/^2\. 科技创新券补助（附件3-2）/),
    ]);
    expect(content.attachments.map((a) => [a.number, a.rows[0]![1]!.text])).toEqual([
      ["1", "株洲市科学技术局"],
      ["2", "株洲市科学技术局"],
      ["3-1", "市级专项资金"],
      ["3-2", "科技创新券补助"],
    ]);
    // The third table of the workbook is the second in the report: its facts name it by its place in the model.
    expect(new Set(content.facts.flatMap((f) => (f.project === undefined ? [] : [f.project])))).toEqual(
      new Set([0, 2]),
    );
  });
});

describe("what a project states depends on its scores, as 附件2's 自评结果 does", () => {
  test("a row without a score: no total, the row named; the table prints no 总分", () => {
    const model = twoProjects((j) => (j.projects[0].indicators[1].score = null));
    const section = projectSection(reportOf(model));
    expect(section[2]).toBe(
      "绩效指标第2行「项目验收合格率」尚未填写得分【请填写：得分】，项目总分与自评等次待得分填写完整后确定。",
    );
    expect(
      section
        .slice(
          1,
          section.findIndex((p) => p.startsWith("2. ")),
        )
        .join(""),
    ).not.toContain("项目自评得分");
  });

  test("no score at all: said, with where to fill them", () => {
    const model = twoProjects((j) => j.projects[1].indicators.forEach((r: { score: unknown }) => (r.score = null)));
    expect(projectSection(reportOf(model))).toContain(
      "项目绩效指标得分尚未填写【请填写：附件3-2 项目支出绩效自评表 绩效指标得分】，项目总分与自评等次待得分填写后确定。",
    );
  });

  test("an empty cell names the project's sheet: 【未填写：附件3-1 项目支出绩效自评表 …】", () => {
    const model = twoProjects((j) => {
      j.projects[0].funds.initialBudget = null;
      j.projects[0].indicators[2].deviation = null;
    });
    const section = projectSection(reportOf(model)).join("\n");
    expect(section).toContain("年初预算数【未填写：附件3-1 项目支出绩效自评表 年初预算数】万元");
    expect(section).toContain("扣2.25分。【未填写：附件3-1 项目支出绩效自评表 绩效指标第3行的偏差原因分析及改进措施】");
  });

  test("an empty 全年预算数: 执行率 cannot be computed, never 0%", () => {
    const model = twoProjects((j) => (j.projects[1].funds.fullYearBudget = null));
    const section = projectSection(reportOf(model)).join("\n");
    expect(section).toContain("全年预算数【未填写：附件3-2 项目支出绩效自评表 全年预算数】万元");
    expect(section).toContain("预算执行率无法计算（全年预算数未填写）");
    expect(section).not.toMatch(/0(\.00)?%/);
  });

  test("the sources of funds listed where filled and not 0", () => {
    const model = twoProjects((j) => {
      j.projects[0].funds.current = { initialBudget: 3000, fullYearBudget: 3000, executed: 1500 };
      j.projects[0].funds.carryover = { initialBudget: 600, fullYearBudget: 600, executed: 364.05 };
      j.projects[0].funds.other = { initialBudget: 0, fullYearBudget: 0, executed: 0 };
    });
    expect(projectSection(reportOf(model))[1]).toContain(
      "全年预算数3600.00万元（其中当年财政拨款3000.00万元、上年结转资金600.00万元），全年执行数1864.05万元",
    );
  });

  test("a rule that made only a project's number is named in the 评分说明", () => {
    // A qualitative indicator (提高) is scored in bands: only the project has one.
    const model = twoProjects((j) => {
      j.projects[1].indicators[2] = {
        ...j.projects[1].indicators[2],
        target: "提高",
        actual: "有所提高",
        band: "达成",
      };
    });
    const validation = validate(model);
    const department = { model, computation: validation.computation };
    const project = projectFactContext(model, 1, validation.computation.profile);
    expect(rulesUsed(department)).not.toContain("qualitative");
    expect(rulesUsed(department, project)).toEqual(
      expect.arrayContaining([...new Set([...rulesUsed(department), ...rulesUsed(project)])]),
    );
    const note = paragraphs(buildReport(model, validation, { fingerprint: FINGERPRINT }));
    const rules = rulesUsed(department, project);
    expect(note.filter((p) => /^\d+\. .*依据/.test(p))).toHaveLength(rules.length);
  });
});

test("附件1 and 附件2 print as before (the grids of the three sheets share one builder)", () => {
  const model = loadSample();
  const computation = compute(model);
  const evaluation = attachmentGrid("eval", model, computation);
  expect(texts(evaluation).find((row) => row[0] === "总分")).toEqual([
    "总分",
    null,
    null,
    null,
    null,
    "100.00",
    "98.00",
    "绩效等次：优",
  ]);
  expect(attachmentGrid("basic", model, computation).landscape).toBe(false);
});
