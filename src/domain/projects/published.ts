/**
 * What a project table states in its computed cells, compared with what its numbers give (published.ts):
 * 执行率, 执行率得分, 分值合计, 总分 and 等次 as 附件2's, over the project seen as 附件2 and keyed by the project's
 * own keys; and the 执行率 of each source of funds, which only 附件3 has. `jxzp import` keeps a stated value
 * that differs in place of the formula, as it does for 附件2.
 */
import type { Computation } from "../compute";
import type { WorkbookModel } from "../model";
import { publishedValues, type PublishedValue } from "../published";
import { computeProject, projectKeyOf, projectView, sourceRates } from "./view";

/** Project `index`'s (from 0) published computed values, keyed "projects[n].total" (n = index + 1). */
export function projectPublishedValues(
  model: WorkbookModel,
  index: number,
  computation: Computation = computeProject(model, index),
): PublishedValue[] {
  const slot = index + 1;
  const shared = publishedValues(projectView(model, index), computation).flatMap((published) => {
    const key = projectKeyOf(slot, published.value.key);
    return key ? [{ ...published, value: { ...published.value, key } }] : [];
  });
  // The source rows' 执行率 compared as 附件2's rates are: the same statement, the same tolerance.
  return [...shared, ...publishedValues(model, { ...computation, values: sourceRates(model, index) })];
}
