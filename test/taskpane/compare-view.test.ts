/**
 * 口径对比 as the pane and the page print it: the domain's comparison of the 株洲 workbook under 全国通用
 * and 一体化平台（后期等次）, in the tables' words and numbers.
 */
import { compareProfiles } from "../../src/domain/compare";
import { formatAmount } from "../../src/domain/decimal";
import { PROFILES, ruleText } from "../../src/domain/profiles";
import { compareView } from "../../src/taskpane/compare-view";
import { profileOptions } from "../../src/taskpane/profile-choice";
import { stringsFor } from "../../src/taskpane/strings";
import { loadSample } from "../support/model-inputs";

const strings = stringsFor("zh-CN");
const chosen = profileOptions([]).filter((o) => o.value === "national" || o.value === "platform-80");

test("per profile: 执行率得分, 总分·等次 from the entered scores and from the suggested ones", () => {
  const model = loadSample();
  const view = compareView(model, chosen, strings);
  const domain = compareProfiles(model, ["national", "platform-80"]);
  expect(view.columns).toEqual(
    domain.columns.map((c) => ({
      name: c.profile.name,
      execution: formatAmount(c.executionScore!),
      entered: `${formatAmount(c.total)} · ${c.grade}`,
      suggested: `${formatAmount(c.suggestedTotal)} · ${c.suggestedGrade}`,
    })),
  );
  // 株洲: four indicators far above target lose 2 points each under the platform's 指标偏离 rule.
  expect(view.columns.map((c) => c.suggested)).toEqual(["99.45 · 优", "91.45 · 优"]);
});

test("the rows that score differently, each score with its rule in a word and in full", () => {
  const view = compareView(loadSample(), chosen, strings);
  expect(view.rows.map((r) => r.name)).toEqual([
    "新增省级以上科技创新平台",
    "国省科技计划立项",
    "全国重点实验室数量",
    "科普及科技宣传活动",
  ]);
  const [first] = view.rows;
  expect(first).toMatchObject({ row: 2, weight: "10.00", entered: "10.00" });
  expect(first!.scores.map((s) => [s.score, s.rule])).toEqual([
    ["10.00", "按比例"],
    ["8.00", "超额/偏离"],
  ]);
  expect(first!.scores[1]!.detail).toBe(
    `${ruleText(PROFILES["platform-80"]!, "overAchievement")}。完成率达到指标值的 130% 以上，属指标偏离，扣 2 分`,
  );
});

test("without entered scores the totals from them are not stated", () => {
  const model = loadSample();
  const blank = {
    ...model,
    eval: { ...model.eval, indicators: model.eval.indicators.map((r) => ({ ...r, score: null })) },
  };
  const view = compareView(blank, chosen, strings);
  expect(view.columns.map((c) => c.entered)).toEqual(["—", "—"]);
});
