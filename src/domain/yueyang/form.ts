/**
 * The blocks only the 岳阳 table-form report has (SPEC §11, 岳阳市财政局（制）; seed 001): 预算编码, 评价方式 and
 * 评价机构, the four 收支 tables with one row per 机构 (the 汇总 row first, then 局机关 and each 二级机构), 年度主要
 * 工作内容, 定性目标 pairs, 评价人员, and 绩效自评综合得分 / 评价等次 as the form states them. Everything else the
 * form shows (编制, 实有人数, 定量目标 …) is the workbook's own data, rendered from the same model.
 */
import { z } from "zod";
import { amount, date, text } from "../fields";

/** 年度收入情况: 收入合计 = 上年结转 + 公共财政拨款 + 政府基金拨款 + 纳入专户管理的非税收入拨款 + 其他收入. */
export const incomeRow = z.strictObject({
  unit: text,
  total: amount,
  carryover: amount,
  general: amount,
  governmentFund: amount,
  specialAccount: amount,
  other: amount,
});

/** 年度支出和结余: 支出合计 = 基本支出 + 项目支出; 基本支出 = 人员支出 + 公用支出; 当年结余, 累计结余. */
export const spendingRow = z.strictObject({
  unit: text,
  total: amount,
  basic: amount,
  personnel: amount,
  publicUse: amount,
  project: amount,
  yearBalance: amount,
  accumulatedBalance: amount,
});

/** 三公经费: 合计 = 公务接待费 + 公务用车运维费 + 公务用车购置费 + 因公出国费. */
export const threePublicRow = z.strictObject({
  unit: text,
  total: amount,
  reception: amount,
  vehicleOperation: amount,
  vehiclePurchase: amount,
  overseas: amount,
});

/** 固定资产: 合计 = 在用固定资产 + 出租固定资产 + 其他. */
export const assetsRow = z.strictObject({
  unit: text,
  total: amount,
  inUse: amount,
  leased: amount,
  other: amount,
});

export const yueyangForm = z
  .strictObject({
    budgetCode: text,
    method: text,
    evaluator: text,
    reportDate: date,
    contact: text,
    contactPhone: text,
    tasks: z.array(z.strictObject({ task: text })).default([]),
    income: z.array(incomeRow).default([]),
    spending: z.array(spendingRow).default([]),
    threePublic: z.array(threePublicRow).default([]),
    assets: z.array(assetsRow).default([]),
    qualitative: z.array(z.strictObject({ expected: text, actual: text })).default([]),
    evaluators: z.array(z.strictObject({ name: text, title: text, unit: text })).default([]),
    /** 绩效自评综合得分 and 评价等次 as the form states them (checked against 附件2's 总分 and the profile's words). */
    score: amount,
    grade: text,
    filler: text,
    fillerPhone: text,
  })
  .prefault({});

export type YueyangForm = z.output<typeof yueyangForm>;
export type IncomeRow = z.output<typeof incomeRow>;
export type SpendingRow = z.output<typeof spendingRow>;
export type ThreePublicRow = z.output<typeof threePublicRow>;
export type AssetsRow = z.output<typeof assetsRow>;

/** The four 收支 tables: their keys, Chinese names, columns and the relations within a row. */
export interface BlockColumn {
  readonly key: string;
  readonly label: string;
}

export interface RowRelation {
  /** The total column and the columns that add up to it. */
  readonly total: string;
  readonly parts: readonly string[];
}

export interface Block {
  readonly key: "income" | "spending" | "threePublic" | "assets";
  readonly title: string;
  readonly columns: readonly BlockColumn[];
  readonly relations: readonly RowRelation[];
}

export const BLOCKS: readonly Block[] = [
  {
    key: "income",
    title: "年度收入情况",
    columns: [
      { key: "total", label: "收入合计" },
      { key: "carryover", label: "上年结转" },
      { key: "general", label: "公共财政拨款" },
      { key: "governmentFund", label: "政府基金拨款" },
      { key: "specialAccount", label: "纳入专户管理的非税收入拨款" },
      { key: "other", label: "其他收入" },
    ],
    relations: [{ total: "total", parts: ["carryover", "general", "governmentFund", "specialAccount", "other"] }],
  },
  {
    key: "spending",
    title: "年度支出和结余情况",
    columns: [
      { key: "total", label: "支出合计" },
      { key: "basic", label: "基本支出" },
      { key: "personnel", label: "人员支出" },
      { key: "publicUse", label: "公用支出" },
      { key: "project", label: "项目支出" },
      { key: "yearBalance", label: "当年结余" },
      { key: "accumulatedBalance", label: "累计结余" },
    ],
    relations: [
      { total: "total", parts: ["basic", "project"] },
      { total: "basic", parts: ["personnel", "publicUse"] },
    ],
  },
  {
    key: "threePublic",
    title: "三公经费",
    columns: [
      { key: "total", label: "三公经费合计" },
      { key: "reception", label: "公务接待费" },
      { key: "vehicleOperation", label: "公务用车运维费" },
      { key: "vehiclePurchase", label: "公务用车购置费" },
      { key: "overseas", label: "因公出国费" },
    ],
    relations: [{ total: "total", parts: ["reception", "vehicleOperation", "vehiclePurchase", "overseas"] }],
  },
  {
    key: "assets",
    title: "固定资产",
    columns: [
      { key: "total", label: "固定资产合计" },
      { key: "inUse", label: "在用固定资产" },
      { key: "leased", label: "出租固定资产" },
      { key: "other", label: "其他" },
    ],
    relations: [{ total: "total", parts: ["inUse", "leased", "other"] }],
  },
];

/** The 汇总 row of a block: the one whose 机构名称 says 汇总 (the form's first row), else the first. */
export function summaryIndex(rows: ReadonlyArray<{ unit: string | null }>): number {
  const named = rows.findIndex((row) => row.unit !== null && row.unit.includes("汇总"));
  return named >= 0 ? named : rows.length > 0 ? 0 : -1;
}
