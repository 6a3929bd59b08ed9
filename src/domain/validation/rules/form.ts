/**
 * SPEC §11, the 表式报告（岳阳）'s own blocks: their relations and their agreement with 附件1 and 附件2
 * (yueyang/checks.ts works them out once per validation; each rule reports its own).
 */
import { checkForm, FORM_RULES, type FormRuleId } from "../../yueyang/checks";
import { perContext } from "../shared";
import { rule, type Draft, type RuleContext } from "../types";

/** 附件2's 总分 and the profile's 等次 when they may be stated (final or provisional), for 绩效自评综合得分. */
const findings = perContext(({ model, computation }: RuleContext) => {
  const scored = computation.totalStatus === "final" || computation.totalStatus === "provisional";
  return checkForm(model.form, model, scored ? { total: computation.total.total, grade: computation.grade } : null);
});

export const formRules = (Object.keys(FORM_RULES) as FormRuleId[]).map((id) =>
  rule(id, FORM_RULES[id].severity, FORM_RULES[id].title, function* (context): Iterable<Draft> {
    for (const finding of findings(context))
      if (finding.rule === id) yield { key: finding.key, message: finding.message, params: finding.params };
  }),
);
