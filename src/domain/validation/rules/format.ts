/** SPEC §7 Types: cells the model could not take, amounts with more than 2 decimals, phone numbers. */
import { CONTRACT } from "../../contract";
import { toDec, type Dec } from "../../decimal";
import { valueAtPath } from "../paths";
import { PARTS, rowKey } from "../text";
import { rule, type RuleContext } from "../types";

/**
 * Where the model holds amount inputs, in contract order: a cell's or a triple part's path, or a table and its
 * amount columns. Worked out once: the rule reads them in every workbook.
 */
type AmountPlace = { readonly path: string } | { readonly table: string; readonly columns: readonly string[] };
const AMOUNT_PLACES: readonly AmountPlace[] = CONTRACT.filter((e) => e.role === "input").flatMap(
  (entry): AmountPlace[] => {
    if (entry.table) {
      const columns = entry.table.columns.filter((c) => c.kind === "amount" && c.role === "input");
      return [{ table: entry.key, columns: columns.map((c) => c.key) }];
    }
    if (entry.kind !== "amount") return [];
    return entry.parts ? PARTS.map((part) => ({ path: `${entry.key}.${part}` })) : [{ path: entry.key }];
  },
);

/**
 * The amount inputs with more than 2 decimals, with their paths, in contract order. A plain loop that spells
 * out a table cell's path only for an amount it reports: a workbook has a hundred amounts, and rarely one.
 */
function overPrecise(model: RuleContext["model"]): Array<readonly [key: string, amount: Dec]> {
  const found: Array<readonly [string, Dec]> = [];
  const check = (value: unknown, key: () => string) => {
    const dec = toDec(value);
    if (dec !== null && dec.decimalPlaces() > 2) found.push([key(), dec]);
  };
  for (const place of AMOUNT_PLACES) {
    if ("path" in place) {
      check(valueAtPath(model, place.path), () => place.path);
      continue;
    }
    const rows = (valueAtPath(model, place.table) as Array<Record<string, unknown>>) ?? [];
    for (const [i, row] of rows.entries())
      for (const column of place.columns) check(row[column], () => rowKey(place.table, i, column));
  }
  return found;
}

/** Landlines (0731-28681234, 28681234, with 转 extension), mobiles (13812345678), optionally +86. */
const PHONE = /^(?:\+?86-?)?(?:1[3-9]\d{9}|(?:0\d{2,3}-?)?\d{7,8}(?:(?:-|转)\d{1,6})?)$/;

export const formatRules = [
  rule("type.cell", "error", "单元格内容与类型不符（数字、整数、日期）", function* ({ problems }) {
    yield* problems.map((p) => ({ key: p.key, message: p.message }));
  }),
  rule("format.decimals", "warning", "金额（万元）最多两位小数", function* ({ model }) {
    for (const [key, dec] of overPrecise(model))
      yield {
        key,
        message: `金额以万元计，最多两位小数，这里是 ${dec.toString()}`,
        params: { value: dec.toString() },
      };
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
