/**
 * Varied sample workbooks for the batch summary (demo and bench): departments built from the 株洲 2024
 * tables with other names, 20–60 indicators and, in some, the mistakes finance bureaus see most —
 * weights that total 110, a missing 偏差原因, a 三公经费 total that is not its sum, a year that differs.
 */
import { workbookModel, type WorkbookModel } from "../src/domain";
import { completedSample } from "./completed-sample";

const UNITS = [
  "科学技术局",
  "科学技术协会",
  "工业和信息化局",
  "发展和改革委员会",
  "财政局",
  "教育局",
  "民政局",
  "司法局",
  "生态环境局",
  "住房和城乡建设局",
  "交通运输局",
  "水利局",
  "农业农村局",
  "商务局",
  "文化旅游广电体育局",
  "卫生健康委员会",
  "应急管理局",
  "审计局",
  "统计局",
  "医疗保障局",
];
const CITIES = ["株洲市", "湘潭市", "衡阳市", "岳阳市", "常德市"];

export type Mistake = "none" | "weights110" | "missingReason" | "threePublicSum" | "yearDiffers";
const MISTAKES: readonly Mistake[] = [
  "none",
  "none",
  "none",
  "weights110",
  "missingReason",
  "threePublicSum",
  "yearDiffers",
];

/** mulberry32: a small deterministic generator, so the batch is the same on every run. */
function random(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function variedModel(
  index: number,
  indicatorRange: readonly [number, number] = [20, 60],
): { model: WorkbookModel; unit: string; mistake: Mistake } {
  const next = random(index + 1);
  const json = completedSample();
  const city = CITIES[index % CITIES.length];
  const department = UNITS[Math.floor(index / CITIES.length) % UNITS.length];
  const suffix = index >= 100 ? `（${Math.floor(index / 100)}）` : "";
  const unit = `${city}${department}${suffix}`;
  json.basic.unit = unit;
  json.eval.unit = unit;
  const base = json.eval.indicators as Array<Record<string, string | number>>;
  // The computed cells are the workbook's formulas; the published ones belong to the 株洲 tables only.
  for (const key of ["total", "grade", "weightTotal"]) delete json.eval[key];
  delete json.eval.funds.executionRate;
  delete json.eval.funds.score;
  const count = indicatorRange[0] + Math.floor(next() * (indicatorRange[1] - indicatorRange[0] + 1));
  // 90 points over `count` indicators: whole points where possible, the rest on the last one.
  const each = Math.floor((90 / count) * 100) / 100;
  json.eval.indicators = Array.from({ length: count }, (_, i) => {
    const row = base[i % base.length]!;
    const weight = i === count - 1 ? Number((90 - each * (count - 1)).toFixed(2)) : each;
    const name = `${row.name}${i >= base.length ? `（${Math.floor(i / base.length) + 1}）` : ""}`;
    return { ...row, name, weight, score: weight, deviation: "", actual: row.target };
  });
  const mistake = MISTAKES[Math.floor(next() * MISTAKES.length)]!;
  if (mistake === "weights110") {
    json.eval.indicators[0].weight = Number((json.eval.indicators[0].weight + 10).toFixed(2));
    json.eval.indicators[0].score = json.eval.indicators[0].weight;
  }
  if (mistake === "missingReason")
    json.eval.indicators[1].score = Number((json.eval.indicators[1].weight * 0.8).toFixed(2));
  if (mistake === "threePublicSum") json.basic.threePublic.total.final = 39.67;
  if (mistake === "yearDiffers") json.eval.year = 2023;
  return { model: workbookModel.parse(json), unit, mistake };
}
