/**
 * Seed 001 (岳阳市科学技术局 2021, 岳阳市财政局（制）, ../shared/seeds/001_61b74f983d15f3e5.txt) typed in: the
 * blocks of the form exactly as published, 0.01 slips and the blank 其他 included.
 */
export const SEED_001_FORM = {
  budgetCode: "21201",
  method: "部门（单位）绩效自评",
  evaluator: "部门（单位）评价组",
  reportDate: "2022-06-10",
  contact: "谢宇",
  contactPhone: "07308843287",
  tasks: [
    { task: "改革体制机制，优化创新环境" },
    { task: "整合创新要素，增强创新活力" },
    { task: "狠抓项目建设，提升创新实力" },
    { task: "培育高新产业，强化科技支撑" },
  ],
  income: [
    {
      unit: "局机关及二级机构汇总",
      total: 1156.44,
      carryover: 186.72,
      general: 932.66,
      governmentFund: 0,
      specialAccount: 0,
      other: 37.06,
    },
    {
      unit: "1、局机关",
      total: 874.61,
      carryover: 162.13,
      general: 675.42,
      governmentFund: 0,
      specialAccount: 0,
      other: 37.06,
    },
    {
      unit: "2、科技事务中心",
      total: 281.83,
      carryover: 24.59,
      general: 257.24,
      governmentFund: 0,
      specialAccount: 0,
      other: 0,
    },
  ],
  spending: [
    {
      unit: "局机关及二级机构汇总",
      total: 1091.32,
      basic: 828.54,
      personnel: 783.26,
      publicUse: 45.27,
      project: 262.78,
      yearBalance: null,
      accumulatedBalance: 65.12,
    },
    {
      unit: "1、局机关",
      total: 832.45,
      basic: 569.67,
      personnel: 549.67,
      publicUse: 20,
      project: 262.78,
      yearBalance: null,
      accumulatedBalance: 42.16,
    },
    {
      unit: "2、科技事务中心",
      total: 258.87,
      basic: 258.87,
      personnel: 233.59,
      publicUse: 25.27,
      project: null,
      yearBalance: null,
      accumulatedBalance: 22.96,
    },
  ],
  threePublic: [
    {
      unit: "局机关及二级机构汇总",
      total: 1.86,
      reception: 1.74,
      vehicleOperation: 0.12,
      vehiclePurchase: 0,
      overseas: 0,
    },
    { unit: "1、局机关", total: 1.58, reception: 1.46, vehicleOperation: 0.12, vehiclePurchase: 0, overseas: 0 },
    { unit: "2、科技事务中心", total: 0.28, reception: 0.28, vehicleOperation: 0, vehiclePurchase: 0, overseas: 0 },
  ],
  assets: [
    { unit: "局机关及二级机构汇总", total: 144.71, inUse: 123.31, leased: 0, other: null },
    { unit: "1、局机关", total: 80.86, inUse: 59.46, leased: 0, other: null },
    { unit: "2、科技事务中心", total: 63.85, inUse: 63.85, leased: 0, other: null },
  ],
  qualitative: [
    {
      expected:
        "目标1：申报省级孵化器1个、省级工程技术研究中心2家、省级众创空间2家、省级星创天地2家。\n目标2：新增高新技术企业80个。",
      actual:
        "成功推荐6个重大科技创新项目。完成申报省战略性新兴产业科技攻关与重大科技成果转化项目6个，省技术创新创业投资项目30个，" +
        "湖南创新型省份建设专项资金项目（创新人才与平台计划）6个。推荐申报国家科技企业孵化器1个；申报省级孵化器1个、省级众创空间2家。" +
        "新增首次认定高新技术企业91个，总数达359家，增幅33.95%。",
    },
  ],
  evaluators: [
    { name: "徐杰峰", title: "党组书记、局长", unit: "岳阳市科技局" },
    { name: "彭波涛", title: "二级调研员", unit: "岳阳市科技局" },
    { name: "易春", title: "办公室主任", unit: "岳阳市科技局" },
    { name: "谢宇", title: "办公室四级主任科员", unit: "岳阳市科技局" },
  ],
  score: 97,
  grade: "优秀",
  filler: null,
  fillerPhone: null,
};
