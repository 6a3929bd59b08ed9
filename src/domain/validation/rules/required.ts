/** SPEC §7 Required: what a submitted table cannot leave empty. */
import { entryOf, labelOf, SHEETS, type ContractKey } from "../../contract";
import { PROVISIONAL_CONSEQUENCE } from "../../compute";
import { valueAtPath } from "../paths";
import { rule, type Draft, type RuleContext } from "../types";

const filled = (value: unknown) =>
  value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "");

/** "附件1" of "附件1 基础数据表": the short name a label needs where both tables have the field. */
const sheetShortName = (key: ContractKey) => SHEETS[entryOf(key).sheet].name.split(" ")[0];

/** One finding per empty key: "未填写编制数", or with `withSheet` "未填写单位名称（附件1）". */
function missing(keys: readonly ContractKey[], withSheet = false) {
  return function* ({ model }: RuleContext): Iterable<Draft> {
    for (const key of keys) {
      if (filled(valueAtPath(model, key))) continue;
      yield { key, message: `未填写${labelOf(key)}${withSheet ? `（${sheetShortName(key)}）` : ""}` };
    }
  };
}

export const requiredRules = [
  rule(
    "required.header",
    "error",
    "表头：单位名称、年度必填",
    missing(["basic.unit", "basic.year", "eval.unit", "eval.year"], true),
  ),
  rule(
    "required.staff",
    "error",
    "编制数、实际在职人数必填",
    missing(["basic.staff.authorized", "basic.staff.actual"]),
  ),
  rule(
    "required.funds",
    "error",
    "资金情况：年初预算数、全年执行数、执行率分值必填（全年预算数见 funds.provisional）",
    function* (context) {
      // An empty 全年预算数 is funds.provisional's (one cause, one finding); an empty 全年执行数 or 执行率分值
      // also leaves 执行率得分 unscored, and the finding says what that does to 总分 and 等次.
      const keys = ["eval.funds.initialBudget", "eval.funds.executed", "eval.funds.weight"] as const;
      for (const draft of missing(keys)(context)) {
        const unscored = draft.key !== "eval.funds.initialBudget" && context.computation.provisional !== null;
        yield unscored ? { ...draft, message: `${draft.message}：${PROVISIONAL_CONSEQUENCE}` } : draft;
      }
    },
  ),
  rule("required.indicators", "error", "至少填写一行绩效指标", function* ({ model }) {
    if (model.eval.indicators.length === 0)
      yield { key: "eval.indicators", message: "没有绩效指标：自评表至少需要一行绩效指标" };
  }),
  rule(
    "required.signature",
    "error",
    "填表人、填报日期必填",
    missing(["basic.preparer", "basic.filledOn", "eval.preparer", "eval.filledOn"], true),
  ),
];
