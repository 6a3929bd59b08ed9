/** SPEC §7 Types: cells the model could not take, amounts with more than 2 decimals, phone numbers. */
import { CONTRACT } from "../../contract";
import { toDec } from "../../decimal";
import { valueAtPath } from "../paths";
import { PARTS, rowKey } from "../text";
import { rule, type RuleContext } from "../types";

/** Every amount input of the model with its path. */
function* amountInputs(model: RuleContext["model"]): Iterable<readonly [string, unknown]> {
  for (const entry of CONTRACT.filter((e) => e.role === "input")) {
    if (entry.table) {
      const rows = (valueAtPath(model, entry.key) as Array<Record<string, unknown>>) ?? [];
      const columns = entry.table.columns.filter((c) => c.kind === "amount" && c.role === "input");
      for (const [i, row] of rows.entries()) for (const c of columns) yield [rowKey(entry.key, i, c.key), row[c.key]];
    } else if (entry.kind === "amount") {
      if (entry.parts)
        for (const part of PARTS) yield [`${entry.key}.${part}`, valueAtPath(model, `${entry.key}.${part}`)];
      else yield [entry.key, valueAtPath(model, entry.key)];
    }
  }
}

/** Landlines (0731-28681234, 28681234, with 转 extension), mobiles (13812345678), optionally +86. */
const PHONE = /^(?:\+?86-?)?(?:1[3-9]\d{9}|(?:0\d{2,3}-?)?\d{7,8}(?:(?:-|转)\d{1,6})?)$/;

export const formatRules = [
  rule("type.cell", "error", "单元格内容与类型不符（数字、整数、日期）", function* ({ problems }) {
    yield* problems.map((p) => ({ key: p.key, message: p.message }));
  }),
  rule("format.decimals", "warning", "金额（万元）最多两位小数", function* ({ model }) {
    for (const [key, value] of amountInputs(model)) {
      const dec = toDec(value);
      if (dec !== null && dec.decimalPlaces() > 2)
        yield {
          key,
          message: `金额以万元计，最多两位小数，这里是 ${dec.toString()}`,
          params: { value: dec.toString() },
        };
    }
  }),
  rule("format.phone", "warning", "联系电话应像电话号码", function* ({ model }) {
    for (const key of ["basic.phone", "eval.phone"]) {
      const text = valueAtPath(model, key);
      if (typeof text !== "string" || text.trim() === "") continue;
      const compact = text.replace(/[\s()（）]/g, "").replace(/[—–－]/g, "-");
      if (!PHONE.test(compact))
        yield { key, message: `联系电话「${text}」不像电话号码（如 0731-28681234 或 13812345678）` };
    }
  }),
];
