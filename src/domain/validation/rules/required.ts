/** SPEC §7 Required: what a submitted table cannot leave empty. */
import { valueAtPath } from "../paths";
import { rule, type Draft, type RuleContext } from "../types";

const filled = (value: unknown) =>
  value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "");

/** One finding per empty key: "未填写单位名称（附件1）". */
function missing(keys: ReadonlyArray<readonly [string, string]>) {
  return function* ({ model }: RuleContext): Iterable<Draft> {
    for (const [key, label] of keys) if (!filled(valueAtPath(model, key))) yield { key, message: `未填写${label}` };
  };
}

export const requiredRules = [
  rule(
    "required.header",
    "error",
    "表头：单位名称、年度必填",
    missing([
      ["basic.unit", "单位名称（附件1）"],
      ["basic.year", "年度（附件1）"],
      ["eval.unit", "预算单位名称（附件2）"],
      ["eval.year", "年度（附件2）"],
    ]),
  ),
  rule(
    "required.staff",
    "error",
    "编制数、实际在职人数必填",
    missing([
      ["basic.staff.authorized", "编制数"],
      ["basic.staff.actual", "实际在职人数"],
    ]),
  ),
  rule(
    "required.funds",
    "error",
    "资金情况：年初预算数、全年预算数、全年执行数、执行率分值必填",
    missing([
      ["eval.funds.initialBudget", "年初预算数"],
      ["eval.funds.fullYearBudget", "全年预算数"],
      ["eval.funds.executed", "全年执行数"],
      ["eval.funds.weight", "预算执行率的分值"],
    ]),
  ),
  rule("required.indicators", "error", "至少填写一行绩效指标", function* ({ model }) {
    if (model.eval.indicators.length === 0)
      yield { key: "eval.indicators", message: "没有绩效指标：自评表至少需要一行绩效指标" };
  }),
  rule(
    "required.signature",
    "error",
    "填表人、填报日期必填",
    missing([
      ["basic.preparer", "填表人（附件1）"],
      ["basic.filledOn", "填报日期（附件1）"],
      ["eval.preparer", "填表人（附件2）"],
      ["eval.filledOn", "填报日期（附件2）"],
    ]),
  ),
];
