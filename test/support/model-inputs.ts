/** Test helpers: the 株洲 sample model, and the input cells of a model (what a user typed). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONTRACT, INDICATOR_LEVELS, workbookModel, type SomeEntry, type WorkbookModel } from "../../src/domain";
import { projectEntries, projectPrefix } from "../../src/domain/projects/contract";

export const SAMPLE_PATH = join(__dirname, "../../samples/zhuzhou-kjj-2024.json");
export const loadSample = (): WorkbookModel => workbookModel.parse(JSON.parse(readFileSync(SAMPLE_PATH, "utf8")));

/** Drops `entries`' computed cells and their tables' computed columns from `json` (keys relative to `prefix`). */
function dropComputed(json: Record<string, unknown>, entries: readonly SomeEntry[], prefix = ""): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a walk over the model's JSON
  const at = (path: string[]) => path.reduce<any>((o, p) => o[p], json);
  for (const entry of entries) {
    const parts = entry.key.slice(prefix.length).split(".");
    if (entry.role === "computed") delete at(parts.slice(0, -1))[parts[parts.length - 1]!];
    if (!entry.table) continue;
    const computed = entry.table.columns.filter((c) => c.role === "computed").map((c) => c.key);
    for (const row of at(parts) as Array<Record<string, unknown>>) for (const key of computed) delete row[key];
  }
}

/** The input cells of a model as JSON (decimals as text), computed cells left out, the projects' too. */
export function inputsOf(model: WorkbookModel): unknown {
  const json = JSON.parse(JSON.stringify(model));
  delete json.$schema;
  dropComputed(json, CONTRACT);
  (json.projects as Array<Record<string, unknown>>).forEach((project, i) =>
    dropComputed(project, projectEntries(i + 1), `${projectPrefix(i + 1)}.`),
  );
  return json;
}

const row = (level2: string, name: string, target: string, actual: string, weight: number, score = weight) => ({
  level1: Object.keys(INDICATOR_LEVELS).find((level1) => INDICATOR_LEVELS[level1]!.includes(level2))!,
  level2,
  name,
  target,
  actual,
  weight,
  score,
  deviation: score < weight ? "部分企业年底才完成申报，下年度提前组织" : null,
});

/**
 * The 株洲 sample with two project tables (附件3-1, 附件3-2), consistent as filled: 附件3-1 has 12 indicator rows
 * (two beyond a new table's 10, so its 总分 row moves down) and a missed target; 附件3-2 has three rows.
 */
export function loadProjectSample(): WorkbookModel {
  const json = JSON.parse(readFileSync(SAMPLE_PATH, "utf8"));
  json.projects = [
    {
      name: "科技创新平台建设",
      department: "株洲市科学技术局",
      implementer: "株洲市科学技术局",
      year: 2024,
      funds: {
        initialBudget: 300,
        fullYearBudget: 320,
        executed: 300.5,
        weight: 10,
        current: { initialBudget: 300, fullYearBudget: 300, executed: 285.5 },
        carryover: { initialBudget: 0, fullYearBudget: 20, executed: 15 },
        other: { initialBudget: 0, fullYearBudget: 0, executed: 0 },
      },
      goal: { expected: "新建省级以上科技创新平台 5 个", actual: "新建省级以上科技创新平台 6 个" },
      indicators: [
        row("数量指标", "新建省级以上创新平台", "5个", "6个", 10),
        row("数量指标", "支持企业研发项目", "20项", "20项", 10),
        row("数量指标", "高新技术企业申报", "≥40家", "36家", 10, 9),
        row("质量指标", "平台验收合格率", "100%", "100%", 10),
        row("时效指标", "资金拨付及时率", "100%", "100%", 5),
        row("成本指标", "项目成本控制", "≤320万元", "300.5万元", 5),
        row("社会效益指标", "带动企业研发投入", "≥2亿元", "2.3亿元", 10),
        row("社会效益指标", "新增就业岗位", "≥200个", "215个", 10),
        row("可持续影响指标", "平台持续运行年限", "≥3年", "3年", 5),
        row("经济效益指标", "技术合同成交额", "≥5亿元", "5.6亿元", 5),
        row("服务对象满意度指标", "企业满意度", "≥90%", "95%", 5),
        row("服务对象满意度指标", "科研人员满意度", "≥90%", "93%", 5),
      ],
    },
    {
      name: "科普活动",
      department: "株洲市科学技术局",
      implementer: "株洲市科学技术协会",
      year: 2024,
      funds: {
        initialBudget: 50,
        fullYearBudget: 50,
        executed: 45,
        weight: 10,
        current: { initialBudget: 50, fullYearBudget: 50, executed: 45 },
      },
      goal: { expected: "举办科普活动 30 场", actual: "举办科普活动 32 场" },
      indicators: [
        row("数量指标", "科普活动场次", "30场", "32场", 50),
        row("社会效益指标", "参与人数", "≥1万人次", "1.2万人次", 30),
        row("服务对象满意度指标", "参与群众满意度", "≥90%", "96%", 10),
      ],
    },
  ];
  return workbookModel.parse(json);
}
