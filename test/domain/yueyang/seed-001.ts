/**
 * Seed 001 (岳阳市科学技术局 2021, 岳阳市财政局（制）, ../shared/seeds/001_61b74f983d15f3e5.txt) as typed into the
 * workbook: samples/yueyang-kjj-2021.json. Its form blocks are the published ones exactly — the 0.01 slips and
 * the blank 其他 of 固定资产 included; the report published no other 附件1/附件2 figures (budgets, weights, scores),
 * so those cells are empty.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const SEED_001_SAMPLE = join(__dirname, "..", "..", "..", "samples", "yueyang-kjj-2021.json");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain JSON
export const SEED_001: Record<string, any> = JSON.parse(readFileSync(SEED_001_SAMPLE, "utf8"));
export const SEED_001_FORM = SEED_001.form;
