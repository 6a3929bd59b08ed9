/**
 * Test model: the 株洲 2024 sample, completed (填表人, 填报日期, 报告文字), with two illustrative project tables
 * (附件3): 「市级专项资金」 (全年预算数 3600, 执行数 1864.05, one indicator short of its target, with a reason) and
 * 「科技创新券补助」 (年初预算 50 frozen: 全年预算数 0, so 执行率 不适用 and its 总分 provisional).
 */
import { readFileSync } from "node:fs";
import { workbookModel, type WorkbookModel } from "../../../src/domain";
import { SAMPLE_PATH } from "../../support/model-inputs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of the sample JSON
export type Json = Record<string, any>;

const indicator = (
  level1: string,
  level2: string,
  name: string,
  target: string,
  actual: string,
  weight: number,
  score: number,
  deviation: string | null = null,
) => ({ level1, level2, name, target, actual, weight, score, deviation });

/** 「市级专项资金」: 3600 budgeted, 1864.05 spent (51.78 %), 资金拨付及时率 85 % of 100 % (12.75 of 15). */
export const SPECIAL_FUND = {
  name: "市级专项资金",
  department: "株洲市科学技术局",
  implementer: "株洲市科学技术局",
  year: 2024,
  funds: {
    initialBudget: 3600,
    fullYearBudget: 3600,
    executed: 1864.05,
    weight: 10,
    current: { initialBudget: 3600, fullYearBudget: 3600, executed: 1864.05 },
  },
  goal: {
    expected: "支持创新主体培育、关键技术攻关和重大科技成果转化",
    actual: "支持科技项目112个，带动企业研发投入12亿元",
  },
  indicators: [
    indicator("产出指标", "数量指标", "支持科技项目数", "≥100个", "112个", 20, 20),
    indicator("产出指标", "质量指标", "项目验收合格率", "≥95%", "96%", 15, 15),
    indicator(
      "产出指标",
      "时效指标",
      "资金拨付及时率",
      "100%",
      "85%",
      15,
      12.75,
      "部分项目未按期验收，资金拨付滞后。下一步加强项目进度跟踪",
    ),
    indicator("效益指标", "经济效益指标", "带动企业研发投入", "≥10亿元", "12亿元", 15, 15),
    indicator("效益指标", "社会效益指标", "新增省级以上创新平台", "≥5个", "6个", 15, 15),
    indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10),
  ],
};

/** 「科技创新券补助」: 50 in the initial budget, frozen (全年预算数 0, nothing spent); every indicator full. */
export const VOUCHERS = {
  name: "科技创新券补助",
  department: "株洲市科学技术局",
  implementer: "株洲市科技事务中心",
  year: 2024,
  funds: {
    initialBudget: 50,
    fullYearBudget: 0,
    executed: 0,
    weight: 10,
    current: { initialBudget: 50, fullYearBudget: 0, executed: 0 },
  },
  goal: { expected: "发放科技创新券，降低中小企业创新成本", actual: "因财政政策调整，预算年初冻结" },
  indicators: [
    indicator("产出指标", "数量指标", "政策宣传场次", "≥4场", "5场", 30, 30),
    indicator("产出指标", "时效指标", "工作完成时间", "12月", "12月", 20, 20),
    indicator("效益指标", "社会效益指标", "政策知晓率", "≥90%", "92%", 30, 30),
    indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "93%", 10, 10),
  ],
};

/** The completed sample's JSON with the two projects, edited. */
export function twoProjectsJson(edit: (json: Json) => void = () => {}): Json {
  const json = JSON.parse(readFileSync(SAMPLE_PATH, "utf8"));
  const signature = { preparer: "李明", filledOn: "2025-04-20", phone: "0731-28681234", head: "王强" };
  Object.assign(json.basic, signature);
  Object.assign(json.eval, signature);
  json.report = {
    duties: "株洲市科学技术局是市人民政府主管科技工作的正处级行政机关。",
    achievements: "成果转化成效显著。",
    problems: "预算编制的精准度有待提高。",
    measures: "加强预算执行监控。",
    publicity: "自评结果按规定在部门网站公开。",
  };
  json.review = {
    acknowledgements: [
      { rule: "cross.projects", key: "basic.projects.total.final", reason: "附件1 含代管的市级专项资金" },
    ],
  };
  json.projects = [structuredClone(SPECIAL_FUND), structuredClone(VOUCHERS)];
  edit(json);
  return json;
}

export const twoProjects = (edit?: (json: Json) => void): WorkbookModel => workbookModel.parse(twoProjectsJson(edit));
