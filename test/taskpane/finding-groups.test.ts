/** The sections 校验 lists findings under: the workbook's order, each project its own, titled with its name. */
import { projectSheetName } from "../../src/domain/projects/contract";
import { groupFindings, projectSectionTitle } from "../../src/taskpane/finding-groups";
import type { LocatedFinding } from "../../src/usecases/validate-workbook";

const finding = (key: string, sheet: string | null, rule = "r"): LocatedFinding => ({
  rule,
  severity: "warning",
  key,
  message: key,
  sheet,
  cell: sheet ? "A1" : null,
});

test("附件1, 附件2, each project in slot order, 报告文字, an unknown sheet, the whole workbook", () => {
  const findings = [
    finding("review.acknowledgements", "报告文字"),
    finding("projects[10].total", projectSheetName(10)),
    finding("", null),
    finding("projects[2].funds.executed", projectSheetName(2)),
    finding("eval.total", "附件2 自评表"),
    finding("x", "别的表"),
    finding("basic.staff.actual", "附件1 基础数据表"),
    finding("projects[2].name", projectSheetName(2), "other"),
  ];
  const groups = groupFindings(findings, [null, "科普活动"], "整个工作簿");
  expect(groups.map((g) => g.title)).toEqual([
    "附件1 基础数据表",
    "附件2 自评表",
    "附件3-2 项目支出绩效自评表 · 科普活动",
    "附件3-10 项目支出绩效自评表",
    "报告文字",
    "别的表",
    "整个工作簿",
  ]);
  expect(groups[2]!.findings.map((f) => f.key)).toEqual(["projects[2].funds.executed", "projects[2].name"]);
});

test("sheets the user renamed keep their place and their name; a project's says which table it is", () => {
  const groups = groupFindings(
    [finding("projects[1].total", "农业"), finding("eval.total", "自评"), finding("basic.unit", "基础")],
    ["农业科技推广"],
    "整个工作簿",
  );
  expect(groups.map((g) => g.title)).toEqual(["基础", "自评", "农业（附件3-1） · 农业科技推广"]);
  expect(projectSectionTitle(3, null, null)).toBe(projectSheetName(3));
});
