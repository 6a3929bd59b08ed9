/**
 * The report in the 岳阳 table form (issue 18) from a workbook: seed 001 (岳阳市科学技术局 2021) typed into the
 * workbook, written as .xlsx and read back, generated as a draft (its 附件2 has no scores) and read from the
 * .docx — the cover, the four 收支 tables with the seed's numbers, merged cells, 评价人员, the signature blocks,
 * the narrative in part 五; verify in the same form; a workbook with three 二级机构.
 */
import JSZip from "jszip";
import { workbookModel, type WorkbookModel } from "../../src/domain";
import { readReport } from "../../src/docx/read";
import { FORM_PROPERTY } from "../../src/docx/parts";
import { generateReport, UnknownFormError, verifyReport } from "../../src/usecases/report";
import type { AssembledWorkbook } from "../../src/workbook/assemble";
import { inspectWorkbook } from "../../src/workbook/xlsx/read";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { SEED_001 } from "../domain/yueyang/seed-001";

jest.setTimeout(60000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of the sample JSON
type Json = Record<string, any>;

/** Seed 001 as the workbook holds it (samples/yueyang-kjj-2021.json), after `edit`. */
function seedModel(edit: (json: Json) => void = () => {}): WorkbookModel {
  const json = structuredClone(SEED_001);
  edit(json);
  return workbookModel.parse(json);
}

const workbookOf = async (model: WorkbookModel): Promise<AssembledWorkbook> =>
  inspectWorkbook((await buildWorkbook(model).xlsx.writeBuffer()) as ArrayBuffer);

async function draftForm(workbook: AssembledWorkbook) {
  const outcome = await generateReport(workbook, { draft: true, form: "yueyang" });
  if (outcome.status !== "generated") throw new Error("a draft is always generated");
  return outcome;
}

let seed: AssembledWorkbook;
let bytes: Uint8Array;
let lines: readonly string[];
let xml: string;

beforeAll(async () => {
  seed = await workbookOf(seedModel());
  bytes = (await draftForm(seed)).bytes;
  lines = (await readReport(bytes)).body;
  xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
});

test("seed 001 has errors (no 附件2 scores): the form is refused as the narrative is, written as a draft", async () => {
  const refused = await generateReport(seed, { form: "yueyang" });
  expect(refused.status).toBe("blocked");
  expect(refused.validation.summary.errors).toBeGreaterThan(0);
  const outcome = await draftForm(seed);
  expect(outcome.form?.id).toBe("yueyang");
  expect(outcome.content.draft?.findings.length).toBeGreaterThan(0);
  // The same content and fingerprint as the narrative report of the same workbook.
  const narrative = await generateReport(seed, { draft: true });
  if (narrative.status !== "generated") throw new Error("a draft is always generated");
  expect(narrative.form).toBeNull();
  expect(outcome.content).toEqual(narrative.content);
  const read = await readReport(bytes);
  expect([read.form, read.draft, read.fingerprint]).toEqual(["yueyang", true, outcome.content.fingerprint]);
  expect((await readReport(narrative.bytes)).form).toBeNull();
  const custom = await (await JSZip.loadAsync(bytes)).file("docProps/custom.xml")!.async("string");
  expect(custom).toContain(`name="${FORM_PROPERTY}"`);
});

test("an unknown form id is refused, naming the known ones", async () => {
  await expect(generateReport(seed, { form: "changsha" })).rejects.toThrow(UnknownFormError);
  await expect(generateReport(seed, { form: "toString" })).rejects.toThrow(
    /未知的报告格式「toString」：可选 yueyang（岳阳市/,
  );
});

test("the cover: 岳阳市2021年度…, the unit, 预算编码 21201, 评价方式, 报告日期, 岳阳市财政局（制）", () => {
  expect(lines.slice(0, 8)).toEqual([
    "岳阳市2021年度部门（单位）整体支出",
    "绩效评价自评报告",
    "部门（单位）名称：岳阳市科学技术局",
    "预算编码：21201",
    "评价方式：部门（单位）绩效自评",
    "评价机构：部门（单位）评价组",
    "报告日期：2022 年 06 月 10 日",
    "岳阳市财政局（制）",
  ]);
});

test("一、基本概况: 联系人, 编制 41 and 实有 38, 职能职责, 任务1…4, the year's achievements", () => {
  expect(lines).toContain("一、部门（单位）基本概况");
  expect(lines).toContain("联系人｜谢宇｜联络电话｜07308843287");
  expect(lines).toContain("人员编制｜41｜实有人数｜38");
  const at = (label: string) => lines.find((line) => line.startsWith(`${label}｜`)) ?? "";
  expect(at("职能职责概述")).toContain("1.负责全市科学技术进步的宏观管理和统筹协调。");
  expect(at("职能职责概述")).toContain("14.承办市委、市人民政府交办其他事项。");
  expect(at("年度主要工作内容")).toBe(
    "年度主要工作内容｜任务1：改革体制机制，优化创新环境 任务2：整合创新要素，增强创新活力 " +
      "任务3：狠抓项目建设，提升创新实力 任务4：培育高新产业，强化科技支撑",
  );
  expect(at("年度部门（单位）总体运行情况及取得的成绩")).toContain("技术合同成交额65.59亿元");
});

test("二、收支情况: the four tables' rows with the seed's numbers, as the form prints them", () => {
  const rowsAfter = (caption: string, count: number) => {
    const start = lines.indexOf(caption);
    expect(start).toBeGreaterThan(0);
    return lines.slice(start + 1, start + 1 + count);
  };
  expect(rowsAfter("年度收入情况（万元）", 5)).toEqual([
    "机构名称｜收入合计｜其中：",
    // A cell a merge covers is an empty cell of its row (w:vMerge), as Word reads it.
    "｜｜上年结转｜公共财政拨款｜政府基金拨款｜纳入专户管理的非税收入拨款｜其他收入",
    "局机关及二级机构汇总｜1156.44｜186.72｜932.66｜0.00｜0.00｜37.06",
    "1、局机关｜874.61｜162.13｜675.42｜0.00｜0.00｜37.06",
    "2、科技事务中心｜281.83｜24.59｜257.24｜0.00｜0.00｜0.00",
  ]);
  expect(rowsAfter("部门（单位）年度支出和结余情况（万元）", 6)).toEqual([
    "机构名称｜支出合计｜其中：｜结余",
    "｜｜基本支出｜其中：｜项目支出｜当年结余｜累计结余",
    "｜｜｜人员支出｜公用支出｜｜｜",
    "局机关及二级机构汇总｜1091.32｜828.54｜783.26｜45.27｜262.78｜｜65.12",
    "1、局机关｜832.45｜569.67｜549.67｜20.00｜262.78｜｜42.16",
    "2、科技事务中心｜258.87｜258.87｜233.59｜25.27｜｜｜22.96",
  ]);
  expect(rowsAfter("三公经费（万元）", 5).slice(2)).toEqual([
    "局机关及二级机构汇总｜1.86｜1.74｜0.12｜0.00｜0.00",
    "1、局机关｜1.58｜1.46｜0.12｜0.00｜0.00",
    "2、科技事务中心｜0.28｜0.28｜0.00｜0.00｜0.00",
  ]);
  // 其他 left blank, as the seed does (validation says 合计 misses 21.40; the form prints what was filled).
  expect(rowsAfter("固定资产（万元）", 5).slice(2)).toEqual([
    "局机关及二级机构汇总｜144.71｜123.31｜0.00｜",
    "1、局机关｜80.86｜59.46｜0.00｜",
    "2、科技事务中心｜63.85｜63.85｜0.00｜",
  ]);
});

test("merged cells as Word merges them: column spans (w:gridSpan) and row spans (w:vMerge)", () => {
  expect(xml).toContain('<w:gridSpan w:val="5"/>'); // 其中： over the five kinds of income
  expect(xml).toContain('<w:gridSpan w:val="3"/>'); // 职能职责概述's text, 绩效自评综合得分
  expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
  expect(xml).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
  expect(xml.match(/<w:tbl>/g)).toHaveLength(7); // 一, the four of 二, 三, 四
});

test("三、定性 and 定量 targets, 评价内容 in the form's words, 综合得分 and 评价等次 as the form states them", () => {
  expect(lines).toContain("三、部门（单位）整体支出绩效自评情况");
  expect(lines).toContain("整体支出绩效定量目标及实施计划完成情况｜评价内容｜绩效目标｜完成情况");
  expect(lines).toContain(
    "｜｜数量指标｜指标1：向上争取科技项目200个。｜科技立项争资方面，累计向上争取科技项目共271个。",
  );
  expect(lines).toContain("｜效益目标（预期实现的效益）｜社会效益｜无｜无");
  // Not scored in 附件2: the form's own statement.
  expect(lines).toContain("绩效自评综合得分｜97.00");
  expect(lines).toContain("评价等次｜优秀");
});

test("四、评价人员: one row each, then the signature blocks and 填报人", () => {
  const start = lines.indexOf("四、评价人员");
  expect(lines.slice(start + 1, start + 9)).toEqual([
    "姓 名｜职务/职称｜单 位｜签 字",
    "徐杰峰｜党组书记、局长｜岳阳市科技局｜",
    "彭波涛｜二级调研员｜岳阳市科技局｜",
    "易春｜办公室主任｜岳阳市科技局｜",
    "谢宇｜办公室四级主任科员｜岳阳市科技局｜",
    "评价组组长（签字）： 年 月 日",
    "部门（单位）意见： 部门（单位）负责人（签章）： 年 月 日",
    "财政部门归口业务科室意见： 财政部门归口业务科室负责人（签章）： 年 月 日",
  ]);
  expect(lines[start + 9]).toBe("填报人（签名）： 联系电话：");
  // The signature and date lines are set toward the right by an indent, not by runs of spaces.
  expect(xml).toMatch(/<w:ind w:left="\d{4}"\/>(?:(?!<\/w:p>).)*?年 {4}月 {4}日/s);
});

test("五、评价报告综述（文字部分）: the narrative's title and content, then the draft's open findings", () => {
  const start = lines.indexOf("五、评价报告综述（文字部分）");
  expect(start).toBeGreaterThan(lines.indexOf("四、评价人员"));
  expect(lines[start + 1]).toBe("2021年度部门（单位）整体支出 绩效自评报告");
  expect(lines).toContain("岳阳市科学技术局编制数41人，2021年末实际在职人数38人，在职人员控制率为92.68%。");
  expect(lines).toContain("附：尚未解决的校验问题（草稿）");
  expect(lines.at(-1)).toMatch(/数据指纹/);
});

describe("verify in the form the report is written in", () => {
  test("the generated form verifies against its workbook", async () => {
    const result = await verifyReport(bytes, seed);
    expect([result.matches, result.form, result.draft, result.text.status]).toEqual([true, "yueyang", true, "same"]);
  });

  test("a 收入 figure of the form's own blocks changed in the workbook: fingerprint and text differ", async () => {
    const changed = await workbookOf(seedModel((json) => (json.form.income[1].general = 676.42)));
    const result = await verifyReport(bytes, changed);
    expect(result.matches).toBe(false);
    expect(result.fingerprintMatches).toBe(false);
    if (result.text.status !== "different") throw new Error(`text ${result.text.status}`);
    // The row, then the draft's findings (the 汇总 no longer adds up) and the printed fingerprint.
    expect(result.text.differences[0]).toEqual({
      inReport: ["1、局机关｜874.61｜162.13｜675.42｜0.00｜0.00｜37.06"],
      expected: ["1、局机关｜874.61｜162.13｜676.42｜0.00｜0.00｜37.06"],
    });
  });

  test("an 附件2 target the form shows changed in the workbook: the 定量 row differs", async () => {
    const changed = await workbookOf(seedModel((json) => (json.eval.indicators[1].target = "向上争取科技项目210个。")));
    const result = await verifyReport(bytes, changed);
    expect(result.matches).toBe(false);
    if (result.text.status !== "different") throw new Error(`text ${result.text.status}`);
    expect(result.text.differences.flatMap((d) => d.expected)).toContain(
      "｜｜数量指标｜指标1：向上争取科技项目210个。｜科技立项争资方面，累计向上争取科技项目共271个。",
    );
  });

  test("a form edited inside the .docx fails on its text; read as the narrative report, it is another", async () => {
    const zip = await JSZip.loadAsync(bytes);
    zip.file("word/document.xml", xml.replace("1156.44", "1156.45"));
    const edited = await zip.generateAsync({ type: "uint8array" });
    const result = await verifyReport(edited, seed);
    expect([result.fingerprintMatches, result.matches]).toEqual([true, false]);
    // The form property removed: the document is then read as the narrative report, which it is not.
    const custom = await zip.file("docProps/custom.xml")!.async("string");
    zip.file("word/document.xml", xml);
    zip.file("docProps/custom.xml", custom.replace(FORM_PROPERTY, "其他属性"));
    const unnamed = await verifyReport(await zip.generateAsync({ type: "uint8array" }), seed);
    expect([unnamed.form, unnamed.matches]).toEqual([null, false]);
  });
});

test("three 二级机构: five rows in each 收支 table (汇总, 局机关, the three), and they verify", async () => {
  const units = ["局机关及二级机构汇总", "1、局机关", "2、科技事务中心", "3、科技信息所", "4、生产力促进中心"];
  const model = seedModel((json) => {
    for (const block of ["income", "spending", "threePublic", "assets"]) {
      const [summary, office, centre] = json.form[block];
      json.form[block] = [summary, office, centre, { ...centre, unit: units[3] }, { ...centre, unit: units[4] }];
    }
  });
  const workbook = await workbookOf(model);
  expect(workbook.model.form.income.map((row) => row.unit)).toEqual(units);
  const outcome = await draftForm(workbook);
  const body = (await readReport(outcome.bytes)).body;
  for (const caption of [
    "年度收入情况（万元）",
    "部门（单位）年度支出和结余情况（万元）",
    "三公经费（万元）",
    "固定资产（万元）",
  ]) {
    const start = body.indexOf(caption);
    const headerRows = caption.startsWith("部门") ? 3 : 2;
    const rows = body.slice(start + 1 + headerRows, start + 1 + headerRows + 5);
    expect([caption, rows.map((row) => row.split("｜")[0])]).toEqual([caption, units]);
    expect(body[start + 1 + headerRows + 5]).not.toMatch(/^\d、/);
  }
  expect(body).toContain("4、生产力促进中心｜281.83｜24.59｜257.24｜0.00｜0.00｜0.00");
  expect((await verifyReport(outcome.bytes, workbook)).matches).toBe(true);
});
