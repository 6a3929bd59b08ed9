/**
 * The 株洲 2024 sample completed as a unit would before submitting: 填表人 and dates filled, the 项目支出
 * difference explained, and the 报告文字 prose taken from the published report (../shared/seeds/002_…).
 * Used by the demo and by npm run render.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const SAMPLE = join(__dirname, "..", "samples", "zhuzhou-kjj-2024.json");
/** Two illustrative 附件3 project tables for the same department (not published: see the file's 说明). */
export const PROJECTS_SAMPLE = join(__dirname, "..", "samples", "zhuzhou-kjj-2024-projects.json");

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain JSON
export function completedSample(): Record<string, any> {
  const json = JSON.parse(readFileSync(SAMPLE, "utf8"));
  const signature = { preparer: "李明", filledOn: "2025-04-20", phone: "0731-28681234", head: "王强" };
  Object.assign(json.basic, signature);
  Object.assign(json.eval, signature);
  json.report = {
    duties:
      "株洲市科学技术局是市人民政府主管科技工作的正处级行政机关，属市直一级预算单位，负责全市科技发展规划、科技计划管理、科技成果转化与科技人才工作。\n" +
      "我单位共有内设科室 10 个，分别为：办公室、人事科、规划与资源统筹科、政策法规与监督评估科、科研条件与创新平台科、技术创新科（自主创新示范区建设科）、区域创新科、科技成果科、" +
      "科技创新人才工作办公室（外国专家服务科）和机关党委，下属事业单位为纳入机关统一核算的科技事务中心。截止 2024 年底，我单位在职人员 32 人，退休人员 41 人，本年在职人员派驻国外 1 人。",
    achievements:
      "一是成果转化成效显著。坚持“以品牌活动为引领、以项目落地为闭环”，积极开展创新成果转化年活动。" +
      "全年先后与中国科学院、清华大学等 30 余所高校院所建立了合作关系，对接 60 余位院士专家，引入中金资本等 60 余家投融资机构，梳理技术和成果需求 600 余项，收集高校、院所创新成果 2000 余项。" +
      "高规格举办了湖南省高……\n" +
      "二是核心技术取得突破。省市“十大技术攻关项目”共完成投资 1.81 亿元，研发投入 1.2 亿元，突破关键技术 28 项，申请专利 38 项，引进人才 22 人。" +
      "成功获批中央引导地方专项资金项目 13 项、省重点研发计划项目 18 项。5 ……",
    problems:
      "局机关年初预算公用经费不足以支撑相关项目工作，需要追加项目工作经费，造成局机关项目支出决算数超预算数。" +
      "预算绩效管理工作需要多部门配合，科室对预算绩效管理认识不全，对预算绩效管理业务不了解、不熟悉，对工作重点把握不到位情况仍然存在。",
    measures:
      "提高绩效管理责任意识，强化预算编制和执行责任，细化绩效目标，设置科学合理可执行的绩效指标，加强绩效目标与指标设置的科学性、合理性，强化个性指标建设。加强预算绩效管理，强化绩效管理运用。",
    publicity: "自评结果将作为下一年度预算安排的重要参考，并按规定与部门决算一并在本单位门户网站公开。",
  };
  json.review = {
    acknowledgements: [
      {
        rule: "cross.projects",
        key: "basic.projects.total.final",
        reason: "附件1 的项目支出含本单位代管的市级专项资金（1864.05 万元），附件2 只列本单位项目支出 421.81 万元",
      },
    ],
  };
  return json;
}

/**
 * The completed sample with its two key projects' 附件3 tables (samples/zhuzhou-kjj-2024-projects.json): the
 * projects, and the explanations of the warnings they raise against 附件1.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain JSON
export function projectSample(): Record<string, any> {
  const json = completedSample();
  const { projects, acknowledgements } = JSON.parse(readFileSync(PROJECTS_SAMPLE, "utf8"));
  json.projects = projects;
  json.review.acknowledgements.push(...acknowledgements);
  return json;
}
