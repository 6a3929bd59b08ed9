/**
 * 五、自评结果's 评分说明: the 评分口径 that scored the report, and each rule that made one of its numbers in
 * words with its source (依据：…). The grade is the profile's word wherever the report states it.
 */
import {
  basisText,
  buildReport,
  customLabel,
  getProfile,
  parseProfileFile,
  PROFILES,
  ruleText,
  rulesUsed,
  validate,
  workbookModel,
  type ProfileChoice,
  type ReportContent,
  type RuleId,
  type WorkbookModel,
} from "../../../src/domain";
import { loadSample } from "../../support/model-inputs";

const FINGERPRINT = "0123456789abcdef".repeat(4);

function reportOf(model: WorkbookModel, profile?: ProfileChoice): ReportContent {
  return buildReport(model, validate(model, { profile }), { fingerprint: FINGERPRINT });
}

const paragraphs = (content: ReportContent) =>
  content.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.inlines.map((i) => i.text).join("")] : []));

/** The 评分说明 paragraphs: its opening line and the numbered rules after it. */
function scoringNote(content: ReportContent): string[] {
  const all = paragraphs(content);
  const start = all.findIndex((p) => p.startsWith("评分说明："));
  if (start < 0) return [];
  const rules = all.slice(start + 1).findIndex((p) => !/^\d+\. /.test(p));
  return all.slice(start, rules < 0 ? undefined : start + 1 + rules);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of the sample JSON
type Json = Record<string, any>;

function sample(edit: (json: Json) => void): WorkbookModel {
  const json = JSON.parse(JSON.stringify(loadSample()));
  edit(json);
  return workbookModel.parse(json);
}

const ruleLine = (n: number, profileId: string, rule: RuleId) => {
  const profile = PROFILES[profileId]!;
  return `${n}. ${ruleText(profile, rule)}。${basisText(profile, rule).replace(/。$/, "")}。`;
};

describe("评分说明", () => {
  test("national (the 株洲 sample): 全国通用, and 执行率, the rows' rule and the grades from 财预〔2020〕10号", () => {
    const note = scoringNote(reportOf(loadSample()));
    expect(note).toEqual([
      "评分说明：本次自评按“全国通用”评分口径评分，所用规则及其依据如下：",
      ruleLine(1, "national", "executionRate"),
      ruleLine(2, "national", "proportional"),
      ruleLine(3, "national", "grades"),
    ]);
    expect(note[1]).toBe(
      "1. 执行率得分 = 执行率分值 × min(执行率, 100%)。" +
        "依据：财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）及各地年度绩效自评通知。",
    );
    expect(note[3]).toContain("等次：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60。依据：");
    for (const line of note.slice(1)) expect(line).toContain("财预〔2020〕10号");
  });

  test("it follows the result in 五、自评结果, before 六", () => {
    const content = reportOf(loadSample());
    const at = (test: (text: string) => boolean) =>
      content.blocks.findIndex((b) => test(b.kind === "heading" ? b.text : b.inlines.map((i) => i.text).join("")));
    const result = at((t) => t.startsWith("经自评"));
    const note = at((t) => t.startsWith("评分说明："));
    expect(at((t) => t === "五、自评结果")).toBe(result - 1);
    expect(note).toBe(result + 1);
    expect(at((t) => t === "六、存在的问题及原因分析")).toBe(note + 4);
  });

  test("yueyang: the total is 98.00 and the grade is written 优秀, in the narrative, the rule and 附件2", () => {
    const content = reportOf(loadSample(), "yueyang");
    const text = paragraphs(content).join("\n");
    expect(text).toContain(
      "自评得分98.00分，其中预算执行率得分10.00分（分值10.00分），绩效指标得分88.00分，自评等次为“优秀”。",
    );
    expect(text).not.toContain("“优”");
    const note = scoringNote(content);
    expect(note[0]).toBe("评分说明：本次自评按“岳阳”评分口径评分，所用规则及其依据如下：");
    expect(note).toContain(ruleLine(3, "yueyang", "grades"));
    expect(note[3]).toContain("等次：优秀 ≥ 90，良好 ≥ 80");
    expect(note[3]).toContain("依据：岳阳市部门整体支出绩效自评报告");
    const cells = content.attachments[1]!.rows.flatMap((row) => row.flatMap((cell) => (cell ? [cell.text] : [])));
    expect(cells).toContain("绩效等次：优秀");
  });

  test("platform with 执行率 below 80%: the cap sentence, and the totalCaps rule with its source", () => {
    const model = sample((j) => (j.eval.funds.executed = 1000)); // 72.07%
    const content = reportOf(model, "platform");
    const text = paragraphs(content).join("\n");
    expect(text).toContain("按“预算管理一体化平台”评分口径，预算执行率为72.07%时总分不超过89.00分");
    expect(text).toContain("自评等次为“良”");
    const note = scoringNote(content);
    expect(note[0]).toBe("评分说明：本次自评按“预算管理一体化平台”评分口径评分，所用规则及其依据如下：");
    const caps = note.find((line) => line.includes("总分按预算执行率封顶"));
    expect(caps).toBe(ruleLine(4, "platform", "totalCaps"));
    expect(caps).toContain("执行率低于 80% 时不超过 89 分");
    expect(caps).toContain("依据：预算管理一体化平台 操作手册（绩效自评）");
  });

  test("platform at 100%: no cap applied, no totalCaps rule", () => {
    const note = scoringNote(reportOf(loadSample(), "platform"));
    expect(note.join("\n")).not.toContain("总分按预算执行率封顶");
    expect(
      rulesUsed({ model: loadSample(), computation: validate(loadSample(), { profile: "platform" }).computation }),
    ).not.toContain("totalCaps");
  });

  test("only the rules that made a number: a row's rule joins, 执行率 leaves when it could not be scored", () => {
    const context = (model: WorkbookModel) => ({ model, computation: validate(model).computation });
    const extra = sample((j) =>
      j.eval.indicators.push(
        {
          level1: "成本指标",
          level2: "经济成本指标",
          name: "会议费",
          target: "≤100万元",
          actual: "120万元",
          weight: 5,
        },
        {
          level1: "效益指标",
          level2: "社会效益指标",
          name: "群众满意",
          target: "社会满意",
          actual: "满意",
          weight: 5,
          band: "达成",
        },
      ),
    );
    expect(rulesUsed(context(extra))).toEqual([
      "executionRate",
      "proportional",
      "lessIsBetter",
      "qualitativeBands",
      "grades",
    ]);
    const notApplicable = sample((j) => (j.eval.funds.fullYearBudget = 0));
    expect(rulesUsed(context(notApplicable))).toEqual(["proportional", "grades"]);
    expect(scoringNote(reportOf(notApplicable)).join("\n")).not.toContain("执行率得分 =");
  });

  test("a custom profile is named with its label (name and hash); 河北's fixed 执行率 分值 is the one stated", () => {
    const json = JSON.parse(JSON.stringify(getProfile("hebei")));
    json.name = "某市口径";
    const parsed = parseProfileFile(JSON.stringify(json), "某市.json");
    if (!("profile" in parsed)) throw new Error(parsed.problems.join("\n"));
    const content = reportOf(loadSample(), parsed.profile);
    const note = scoringNote(content);
    expect(note[0]).toBe(`评分说明：本次自评按“${customLabel(parsed.profile)}”评分口径评分，所用规则及其依据如下：`);
    expect(note[0]).toMatch(/“某市口径（自定义 [0-9a-f]{8}）”/);
    expect(note[1]).toContain("执行率得分 = 20 分 × min(执行率, 100%)");
    expect(paragraphs(content).join("\n")).toContain("预算执行率得分20.00分（分值20.00分）");
  });
});
