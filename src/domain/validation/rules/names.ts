/**
 * Where the cells were read: a defined name of ours that is missing or unusable (#REF!, a sheet that is
 * gone) made the adapter read the template's address instead. The values may still be right; the user
 * should know, and repair the names (安装模板 keeps what is filled in).
 */
import { NAMED_ENTRIES } from "../../contract";
import { rule, type Draft, type NameFallback, type RuleContext } from "../types";

const REPAIR = "请在 Excel 中按「安装模板」修复（已填写的内容会保留）";
/** Names listed in one finding at most; the count says the rest. */
const LISTED = 10;

const place = (f: NameFallback) => `「${f.sheet}」${f.address}`;
const named = (f: NameFallback) => `「${f.name}」（${f.label}）`;

export const nameRules = [
  rule(
    "names.fallback",
    "warning",
    "名称缺失或已失效时按模板位置读取",
    function* ({ fallbacks }: RuleContext): Generator<Draft> {
      // One cause, one finding: every name missing is one finding, on the first cell read in its stead.
      const [first] = fallbacks;
      if (!first) return;
      const count = fallbacks.length;
      if (count === 1) {
        yield {
          key: first.key,
          message: `名称${named(first)}缺失或已失效：已按模板位置${place(first)} 读取。${REPAIR}`,
          params: { name: first.name, sheet: first.sheet, cell: first.address },
        };
        return;
      }
      // None of our names at all (a very old template, a file written by a tool without names): one note.
      if (count >= NAMED_ENTRIES.length) {
        yield {
          key: first.key,
          message:
            `工作簿中没有绩效自评助手的名称（${count} 个均缺失或已失效）：已按模板位置读取全部单元格，` +
            `若行列与模板不同，读到的值可能不对。${REPAIR}`,
          params: { count },
        };
        return;
      }
      const listed = fallbacks.slice(0, LISTED).map((f) => `${named(f)}→${place(f)}`);
      const more = count > LISTED ? "……" : "";
      yield {
        key: first.key,
        message: `${count} 个名称缺失或已失效，已按模板位置读取：${listed.join("；")}${more}。${REPAIR}`,
        params: { count },
      };
    },
  ),
];
