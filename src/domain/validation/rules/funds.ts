/**
 * SPEC §13, the funds block of 附件2: spending beyond the full-year budget, and a budget of 0 or none,
 * under which 执行率 is 不适用 and 总分 and 等次 are only provisional.
 */
import { labelOf } from "../../contract";
import { formatAmount, toDec } from "../../decimal";
import { formatRate } from "../../rates";
import { rule, type Draft, type RuleContext } from "../types";

export const fundsRules = [
  rule(
    "funds.overExecution",
    "warning",
    "全年执行数不超过全年预算数（预算执行率不超过 100%）",
    function* ({ model, computation }: RuleContext): Iterable<Draft> {
      const { funds } = model.eval;
      const [budget, executed] = [toDec(funds.fullYearBudget), toDec(funds.executed)];
      if (budget === null || executed === null || budget.isZero() || !executed.greaterThan(budget)) return;
      const [shownExecuted, shownBudget, over] = [executed, budget, executed.minus(budget)].map(formatAmount);
      const rate = formatRate(computation.executionRate);
      const weight = toDec(funds.weight);
      const cap = weight === null ? "执行率得分仍以分值封顶" : `执行率得分仍以分值 ${formatAmount(weight)} 分封顶`;
      yield {
        key: "eval.funds.executed",
        message:
          `${labelOf("eval.funds.executed")} ${shownExecuted} 超过${labelOf("eval.funds.fullYearBudget")} ` +
          `${shownBudget}，超出 ${over}，预算执行率 ${rate}：请说明超预算支出的原因（${cap}）`,
        params: {
          executed: shownExecuted,
          budget: shownBudget,
          over,
          rate,
          ...(weight === null ? {} : { weight: formatAmount(weight) }),
        },
      };
    },
  ),
  rule(
    "funds.provisional",
    "error",
    "全年预算数已填且不为 0：否则预算执行率不适用，执行率得分无法计分，总分与等次只是暂定",
    function* ({ model, computation }) {
      const { funds } = model.eval;
      const budget = toDec(funds.fullYearBudget);
      // computation.provisional states why 执行率得分 is missing from 总分; here the reason is the budget.
      if ((budget !== null && !budget.isZero()) || computation.provisional === null) return;
      const [executed, weight] = [toDec(funds.executed), toDec(funds.weight)].map((v) => v && formatAmount(v));
      const facts = [
        executed === null ? null : `${labelOf("eval.funds.executed")} ${executed}`,
        weight === null ? null : `${labelOf("eval.funds.weight")} ${weight} 分未计入总分`,
      ].filter((fact) => fact !== null);
      yield {
        key: "eval.funds.fullYearBudget",
        message: `${computation.provisional}${facts.length ? `（${facts.join("，")}）` : ""}`,
        params: {
          ...(executed === null ? {} : { executed }),
          ...(weight === null ? {} : { weight }),
        },
      };
    },
  ),
];
