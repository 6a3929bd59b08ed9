/**
 * The field types of the model: an amount, a text, a headcount, a year, a date, a rate as typed. A cell of
 * any table is one of these; an empty cell is null, distinct from 0.
 */
import { z } from "zod";
import { Dec, decimalProblemText, excerpt, normaliseNumberText, readDecimal } from "./decimal";
import { NOT_APPLICABLE } from "./rates";

/** An amount in 万元 (or any decimal quantity): number or decimal text → exact decimal. */
export const decimalValue = z
  .union([z.number(), z.string()])
  .transform((value, ctx): Dec => {
    const read = readDecimal(typeof value === "number" ? value : normaliseNumberText(excerpt(value, 1000)));
    if ("problem" in read) {
      const why = read.problem === "notNumber" ? "" : `，${decimalProblemText(read.problem)}`;
      ctx.addIssue({ code: "custom", message: `应为数字${why}，实际为「${excerpt(String(value))}」` });
      return z.NEVER;
    }
    return read.dec;
  })
  .meta({ description: '数字（JSON 数字或十进制文本，如 38.67 或 "38.67"）' });

export const amount = decimalValue.nullable().default(null);

/** Text cell: trimmed; an empty string is an empty cell (null). Numbers typed into text cells are kept as text. */
export const text = z
  .union([z.string(), z.number()])
  .transform((value) => {
    const trimmed = String(value).trim();
    return trimmed === "" ? null : trimmed;
  })
  .nullable()
  .default(null);

export const headcount = z
  .number({ error: "应为整数" })
  .int({ error: "应为整数" })
  .min(0, { error: "不能为负数" })
  .nullable()
  .default(null)
  .meta({ description: "人数（整数）" });

export const year = z
  .number({ error: "应为年份（四位整数）" })
  .int({ error: "应为年份（四位整数）" })
  .min(1990, { error: "应为1990–2100年之间的年份" })
  .max(2100, { error: "应为1990–2100年之间的年份" })
  .nullable()
  .default(null)
  .meta({ description: "年度，如 2024" });

/** ISO date "2024-05-15". */
export const date = z.iso.date({ error: "应为日期，格式 YYYY-MM-DD" }).nullable().default(null);

/**
 * A rate typed in a table (computed cells may hold what the user or a formula put there):
 * a fraction (0.8205), a percentage text ("82.05%"), 不适用, or one of `words`. Kept so validation can
 * recompute it.
 */
function rateSchema<const Words extends readonly string[]>(words: Words) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx): Dec | Words[number] | typeof NOT_APPLICABLE => {
      const trimmed = typeof value === "number" ? value : normaliseNumberText(excerpt(value, 1000)).replace("％", "%");
      if (typeof trimmed === "number") {
        const read = readDecimal(trimmed);
        if ("dec" in read) return read.dec;
        ctx.addIssue({
          code: "custom",
          message: `应为比率，${decimalProblemText(read.problem)}，实际为 ${excerpt(String(value))}`,
        });
        return z.NEVER;
      }
      if (trimmed === NOT_APPLICABLE) return NOT_APPLICABLE;
      const word = words.find((w) => w === trimmed);
      if (word !== undefined) return word;
      const percent = /^(.*)%$/.exec(trimmed);
      const read = readDecimal(percent ? percent[1] : trimmed);
      if ("problem" in read) {
        const why = read.problem === "notNumber" ? "" : `，${decimalProblemText(read.problem)}`;
        ctx.addIssue({
          code: "custom",
          message: `应为比率（如 0.8205 或 82.05%）${why}，实际为「${excerpt(String(value))}」`,
        });
        return z.NEVER;
      }
      return percent ? read.dec.dividedBy(100) : read.dec;
    })
    .nullable()
    .default(null);
}

export const enteredRate = rateSchema([]).meta({
  description: '比率：小数（0.8205）、百分比文本（"82.05%"）或 "不适用"',
});

/** 完成率 as the helper column shows it: a rate, or for time targets 按期完成 / 未按期完成. */
export const enteredCompletion = rateSchema(["按期完成", "未按期完成"]).meta({
  description: '完成率：比率，或时间指标的 "按期完成" / "未按期完成"',
});
