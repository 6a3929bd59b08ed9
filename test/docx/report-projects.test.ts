/**
 * A report with project tables (附件3) as Word receives it: the section on the key projects, each project's
 * table as its own landscape attachment in the form's layout (merged cells as the form), the list of
 * attachments; jxzp verify passes on it and fails once a project's number changes.
 */
import JSZip from "jszip";
import { readReport } from "../../src/docx/read";
import { generateReport, verifyReport } from "../../src/usecases/report";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { inspectWorkbook } from "../../src/workbook/xlsx/read";
import type { WorkbookModel } from "../../src/domain";
import { twoProjects, type Json } from "../domain/report/two-projects";

/** `model` written as an .xlsx (its project sheets 附件3-1, 附件3-2 included) and read back, as jxzp report reads it. */
const workbookOf = async (model: WorkbookModel) =>
  inspectWorkbook((await buildWorkbook(model).xlsx.writeBuffer()) as ArrayBuffer);

/** The two projects with 「科技创新券补助」 budgeted (50, 42.50 spent): no error, so a report, not a draft. */
const budgeted = (edit: (json: Json) => void = () => {}) =>
  twoProjects((j) => {
    const funds = j.projects[1].funds;
    Object.assign(funds, { fullYearBudget: 50, executed: 42.5 });
    Object.assign(funds.current, { fullYearBudget: 50, executed: 42.5 });
    edit(j);
  });

async function generated(model: WorkbookModel, draft = false) {
  const outcome = await generateReport(await workbookOf(model), { draft });
  if (outcome.status !== "generated") {
    const errors = outcome.validation.findings.filter((f) => f.severity === "error").map((f) => f.message);
    throw new Error(`blocked: ${errors.join("; ")}`);
  }
  return outcome.bytes;
}

/** The document's tables as XML, in order. */
async function tablesOf(bytes: Uint8Array): Promise<string[]> {
  const document = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

describe("a report with two project tables", () => {
  const model = budgeted();
  let bytes: Uint8Array;
  let lines: readonly string[];
  let document: string;

  beforeAll(async () => {
    bytes = await generated(model);
    lines = (await readReport(bytes)).body;
    document = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  });

  test("the section on the key projects, with each project's figures", () => {
    const at = lines.indexOf("（六）重点项目绩效自评情况");
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      "本年度对2个重点项目开展绩效自评，项目支出绩效自评表见附件3-1、附件3-2。",
      "1. 市级专项资金（附件3-1）：年初预算数3600.00万元，全年预算数3600.00万元（其中当年财政拨款3600.00万元），" +
        "全年执行数1864.05万元，预算执行率为51.78%。",
      "项目自评得分92.93分，其中预算执行率得分5.18分（分值10.00分），绩效指标得分87.75分，自评等次为“优”。",
    ]);
    expect(lines).toContain(
      "2. 科技创新券补助（附件3-2）：年初预算数50.00万元，全年预算数50.00万元（其中当年财政拨款50.00万元），" +
        "全年执行数42.50万元，预算执行率为85.00%。",
    );
  });

  test("the list of attachments below the text names each project's table", () => {
    const at = lines.indexOf("附件：1. 2024年度部门（单位）整体支出绩效评价基础数据表");
    expect(lines.slice(at, at + 4)).toEqual([
      "附件：1. 2024年度部门（单位）整体支出绩效评价基础数据表",
      "2. 2024年度部门（单位）整体支出绩效自评表",
      "3-1. 2024年度项目支出绩效自评表（市级专项资金）",
      "3-2. 2024年度项目支出绩效自评表（科技创新券补助）",
    ]);
    // 附件： two characters in and the numbers after it under its number (5 characters of 16 pt in); a tab after each
    // number goes to where the names start (7.5 characters), where a wrapped name continues (a hanging indent).
    const paragraphOf = (text: string) =>
      [...document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(text))!;
    expect(paragraphOf(">附件：1.<")).toMatch(/<w:ind w:left="2400" w:hanging="1760"\/>[\s\S]*<w:tab\/>/);
    expect(paragraphOf(">3-2.<")).toMatch(/<w:ind w:left="2400" w:hanging="800"\/>[\s\S]*<w:tab\/>/);
  });

  // A row's cells joined by ｜ as jxzp verify reads them; a cell under a vertical merge reads empty.
  test("each project's table is its own attachment, 附件3-1 and 附件3-2, with the right cells row by row", () => {
    const start = lines.indexOf("附件3-1");
    expect(lines.slice(start, start + 20)).toEqual([
      "附件3-1",
      "2024年度项目支出绩效自评表",
      "项目名称｜市级专项资金｜年度｜2024",
      "主管部门｜株洲市科学技术局｜实施单位｜株洲市科学技术局",
      "项目资金（万元）｜｜年初预算数｜全年预算数｜全年执行数｜分值｜执行率｜得分",
      "｜年度资金总额｜3600.00｜3600.00｜1864.05｜10.00｜51.78%｜5.18",
      "｜其中：当年财政拨款｜3600.00｜3600.00｜1864.05｜—｜51.78%｜—",
      "｜上年结转资金｜｜｜｜—｜不适用｜—",
      "｜其他资金｜｜｜｜—｜不适用｜—",
      "年度总体目标｜预期目标｜实际完成情况",
      "｜支持创新主体培育、关键技术攻关和重大科技成果转化｜支持科技项目112个，带动企业研发投入12亿元",
      "绩效指标",
      "一级指标｜二级指标｜三级指标｜年度指标值｜实际完成值｜分值｜得分｜偏差原因分析及改进措施",
      "产出指标｜数量指标｜支持科技项目数｜≥100个｜112个｜20.00｜20.00｜",
      "｜质量指标｜项目验收合格率｜≥95%｜96%｜15.00｜15.00｜",
      "｜时效指标｜资金拨付及时率｜100%｜85%｜15.00｜12.75｜部分项目未按期验收，资金拨付滞后。下一步加强项目进度跟踪",
      "效益指标｜经济效益指标｜带动企业研发投入｜≥10亿元｜12亿元｜15.00｜15.00｜",
      "｜社会效益指标｜新增省级以上创新平台｜≥5个｜6个｜15.00｜15.00｜",
      "满意度指标｜服务对象满意度指标｜服务对象满意度｜≥90%｜95%｜10.00｜10.00｜",
      "总分｜100.00｜92.93｜自评等次：优",
    ]);
    const second = lines.indexOf("附件3-2");
    expect(second).toBeGreaterThan(start);
    expect(lines.slice(second + 2, second + 6)).toEqual([
      "项目名称｜科技创新券补助｜年度｜2024",
      "主管部门｜株洲市科学技术局｜实施单位｜株洲市科技事务中心",
      "项目资金（万元）｜｜年初预算数｜全年预算数｜全年执行数｜分值｜执行率｜得分",
      "｜年度资金总额｜50.00｜50.00｜42.50｜10.00｜85.00%｜8.50",
    ]);
  });

  test("merged cells as the form: 项目资金 over its five rows, 年度总体目标 over two, 一级指标 over its runs", async () => {
    const tables = await tablesOf(bytes);
    expect(tables).toHaveLength(4);
    const project = tables[2]!;
    // 项目资金（万元）, 年度总体目标, then the 一级 runs 产出 (3 rows) and 效益 (2 rows).
    expect(project.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(4);
    expect(project.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(4 + 1 + 2 + 1);
    // 项目名称 and 主管部门 over B:F, 预期目标 over B:E, 实际完成情况 over F:H, 绩效指标 over A:H, 总分 over A:E.
    expect(project.match(/<w:gridSpan w:val="5"\/>/g)).toHaveLength(3);
    expect(project.match(/<w:gridSpan w:val="4"\/>/g)).toHaveLength(2);
    expect(project.match(/<w:gridSpan w:val="3"\/>/g)).toHaveLength(2);
    expect(project.match(/<w:gridSpan w:val="8"\/>/g)).toHaveLength(1);
    // Our helper columns (完成率, 建议得分) stay out of the official table.
    expect(project).not.toContain("建议得分");
  });

  test("附件2 and each project's table on landscape pages", () => {
    expect(document.match(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/g)).toHaveLength(3);
  });

  test("verify: the report belongs to its workbook, and not once a project's number changes", async () => {
    expect(await verifyReport(bytes, await workbookOf(model))).toMatchObject({
      matches: true,
      fingerprintMatches: true,
      text: { status: "same" },
    });
    const changed = budgeted((j) => (j.projects[0].indicators[0].actual = "113个"));
    const verified = await verifyReport(bytes, await workbookOf(changed));
    expect(verified.matches).toBe(false);
    expect(verified.fingerprintMatches).toBe(false);
    expect(verified.text).toMatchObject({
      status: "different",
      differences: [
        {
          inReport: ["产出指标｜数量指标｜支持科技项目数｜≥100个｜112个｜20.00｜20.00｜"],
          expected: ["产出指标｜数量指标｜支持科技项目数｜≥100个｜113个｜20.00｜20.00｜"],
        },
        { inReport: [expect.stringMatching(/^数据指纹：/)], expected: [expect.stringMatching(/^数据指纹：/)] },
      ],
    });
    // A project's amount: the fingerprint and the text both tell.
    const spent = budgeted((j) => {
      j.projects[1].funds.executed = 40;
      j.projects[1].funds.current.executed = 40;
    });
    const again = await verifyReport(bytes, await workbookOf(spent));
    expect(again).toMatchObject({ matches: false, fingerprintMatches: false, text: { status: "different" } });
  });
});

test("a project with 全年预算数 0 (an error: 总分 provisional) gives a draft; verify regenerates it as one", async () => {
  const model = twoProjects();
  const refused = await generateReport(await workbookOf(model));
  expect(refused.status).toBe("blocked");
  const bytes = await generated(model, true);
  const lines = (await readReport(bytes)).body;
  expect(lines).toContain(
    "2. 科技创新券补助（附件3-2）：年初预算数50.00万元，全年预算数0.00万元，全年执行数0.00万元，" +
      "预算执行率不适用（全年预算数为0）。",
  );
  expect(lines).toContain("｜年度资金总额｜50.00｜0.00｜0.00｜10.00｜不适用｜");
  expect(lines).toContain("总分｜100.00｜90.00（暂定）｜自评等次：优（暂定）");
  expect(await verifyReport(bytes, await workbookOf(model))).toMatchObject({ matches: true, draft: true });
});
