/**
 * Turns zod's issues into one Chinese line each, naming the key path (the contract key) and, where it
 * helps, the value that was found: "basic.staff.actual：应为整数，实际为 32.5".
 */
import { z } from "zod";
import { workbookModel } from "./model";
import { hasKey, entryOf } from "./contract";

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "是/否",
  object: "对象",
  array: "数组（表格行）",
  null: "空值",
  undefined: "未填写",
};

function describeValue(value: unknown): string {
  if (value === undefined) return "未填写";
  if (value === null) return "null";
  if (typeof value === "string") return `「${value.length > 40 ? `${value.slice(0, 40)}…` : value}」`;
  if (Array.isArray(value)) return "数组";
  if (typeof value === "object") return "对象";
  return String(value);
}

/** "eval.indicators[3].weight" (rows 1-based, as users count them). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part + 1}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text === "" ? "（根）" : text;
}

/** "（三公经费·N年决算数）", "（绩效指标·分值）": the contract label of the nearest key on the path. */
function labelOf(path: ReadonlyArray<PropertyKey>): string {
  const names = path.filter((p): p is string => typeof p === "string");
  for (let length = names.length; length > 0; length--) {
    const key = names.slice(0, length).join(".");
    if (!hasKey(key)) continue;
    const entry = entryOf(key);
    const rest = names[length];
    const part = entry.parts?.find((p) => p.part === rest) ?? entry.table?.columns.find((c) => c.key === rest);
    return `（${entry.label}${part ? `·${part.label}` : ""}）`;
  }
  return "";
}

/** "实际为 32.5", "实际为「abc」". */
function actually(value: unknown): string {
  const found = describeValue(value);
  return found.startsWith("「") ? `实际为${found}` : `实际为 ${found}`;
}

/**
 * zod 4's per-parse error map: zod's own issues in Chinese, with the value found (zod hands it over as
 * `issue.input`). A schema that sets its own message ("应为整数") keeps it.
 */
const chineseIssue: z.core.$ZodErrorMap = (issue) => describeIssue(issue as Issue & { input?: unknown });

function describeIssue(issue: z.core.$ZodRawIssue | (Issue & { input?: unknown })): string | undefined {
  const found = actually(issue.input);
  switch (issue.code) {
    case "invalid_type":
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，${found}`;
    case "invalid_union":
      return `类型不对，${found}`;
    case "unrecognized_keys":
      return `有未知的键：${issue.keys.join("、")}（键名见 jxzp contract）`;
    case "too_small":
      return issue.origin === "array"
        ? `至少需要 ${String(issue.minimum)} 行`
        : `不能小于 ${String(issue.minimum)}，${found}`;
    case "too_big":
      return `不能大于 ${String(issue.maximum)}，${found}`;
    case "invalid_format":
      return issue.format === "date" ? `应为日期（YYYY-MM-DD），${found}` : `格式不对（${issue.format}），${found}`;
    case "not_multiple_of":
      return `应为 ${String(issue.divisor)} 的倍数，${found}`;
    default:
      return undefined; // zod's own message
  }
}

/** Messages our schemas set themselves are Chinese already ("应为整数", "应为数字，实际为…"). */
const OWN_MESSAGE = /^(应为|不能)/;

/**
 * The model's schema compiled by zod (z.compile: a generated fast path with the same results and the same
 * issues, the runtime parser answering whatever the fast path refuses). Reading a workbook is mostly this
 * parse, and compiling makes it a few times faster; done on first use, as compiling takes ~20 ms. A page
 * whose policy forbids generated code (the web page's CSP) keeps the runtime parser: zod's own probe asks
 * once, so trying to compile there would only add a second policy report.
 */
let modelParser: typeof workbookModel | undefined;

/** Parses a model with Chinese messages; each issue keeps the value it found (reportInput). */
export function parseModel(input: unknown) {
  modelParser ??= z.util.allowsEval.value ? z.compile(workbookModel) : workbookModel;
  return modelParser.safeParse(input, { error: chineseIssue, reportInput: true });
}

/** One line per issue: "<path>（<label>）：<what is wrong>". */
export function describeModelIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const found = (issue as Issue & { input?: unknown }).input;
    const what =
      OWN_MESSAGE.test(issue.message) && !issue.message.includes("实际为")
        ? `${issue.message}，${actually(found)}`
        : issue.message;
    return `${formatPath(issue.path)}${labelOf(issue.path)}：${what}`;
  });
}
