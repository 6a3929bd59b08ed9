/**
 * The report as Word receives it: the .docx unzipped, its text, fonts, page setup and properties read
 * from the XML. Every number comes from the workbook; the attachments hold the workbook's values.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { inspectWorkbook } from "../../src/workbook/xlsx/read";
import { reportFingerprint } from "../../src/docx/read";
import { generateReport, verifyReport } from "../../src/usecases/report";
import {
  customLabel,
  getProfile,
  parseProfileFile,
  workbookModel,
  type ProfileChoice,
  type WorkbookModel,
} from "../../src/domain";
import { SAMPLE_PATH } from "../support/model-inputs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of the sample JSON
type Json = Record<string, any>;

function completed(edit: (json: Json) => void = () => {}): WorkbookModel {
  const json = JSON.parse(readFileSync(SAMPLE_PATH, "utf8"));
  const signature = { preparer: "李明", filledOn: "2025-04-20", phone: "0731-28681234", head: "王强" };
  Object.assign(json.basic, signature);
  Object.assign(json.eval, signature);
  json.report = {
    duties: "株洲市科学技术局是市人民政府主管科技工作的正处级行政机关。",
    achievements: "成果转化成效显著。",
    problems: "预算编制的精准度有待提高。",
    measures: "加强预算执行监控。",
    publicity: "自评结果按规定在部门网站公开。",
  };
  json.review = {
    acknowledgements: [
      { rule: "cross.projects", key: "basic.projects.total.final", reason: "附件1 含代管的市级专项资金" },
    ],
  };
  edit(json);
  return workbookModel.parse(json);
}

async function workbookOf(model: WorkbookModel, profile?: ProfileChoice) {
  return inspectWorkbook((await buildWorkbook(model, profile).xlsx.writeBuffer()) as ArrayBuffer);
}

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)!.async("string");
  const document = await read("word/document.xml");
  const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!),
  );
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .map(read),
  );
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .map(read),
  );
  return {
    document,
    text,
    tables,
    footers,
    headers,
    custom: await read("docProps/custom.xml"),
    core: await read("docProps/core.xml"),
    settings: await read("word/settings.xml"),
  };
}

describe("the 株洲 2024 report", () => {
  let docx: Awaited<ReturnType<typeof unzip>>;
  let bytes: Uint8Array;
  const model = completed();

  beforeAll(async () => {
    const outcome = await generateReport(await workbookOf(model));
    if (outcome.status !== "generated") throw new Error("blocked");
    bytes = outcome.bytes;
    docx = await unzip(bytes);
  });

  test("title, unit, date and the eight sections", () => {
    expect(docx.text).toContain("2024年度部门（单位）整体支出绩效自评报告");
    expect(docx.text).toContain("部门（单位）名称：株洲市科学技术局");
    expect(docx.text).toContain("2025年4月20日");
    for (const heading of [
      "一、部门（单位）基本情况",
      "二、部门整体支出情况",
      "三、经费控制情况",
      "四、绩效目标完成情况",
      "五、自评结果",
      "六、存在的问题及原因分析",
      "七、改进措施和有关建议",
      "八、自评结果应用和公开情况",
    ]) {
      expect(docx.text).toContain(heading);
    }
  });

  test("every number of the narrative comes from the tables, formatted as they show it", () => {
    for (const sentence of [
      "编制数39人，2024年末实际在职人数32人，在职人员控制率为82.05%",
      "年初预算数974.62万元，全年预算数1387.53万元，全年执行数1387.53万元，预算执行率为100.00%",
      "基本支出965.72万元，项目支出421.81万元",
      "“三公经费”2024年预算数46.00万元，决算数38.67万元，控制率为84.07%；上年决算数18.24万元，本年增加20.43万元，变动率为112.01%",
      "公务用车购置和维护经费29.70万元（公车购置17.98万元，公车运行维护11.72万元），出国经费7.90万元，公务接待费1.07万元",
      "公用经费预算数244.14万元，决算数244.10万元，控制率为99.98%",
      "政府采购预算金额289.00万元，实际采购金额187.00万元，政府采购执行率为64.71%",
      "本年度无完工的楼堂馆所项目，规模控制率、投资概算控制率不适用",
      "地方财政科技支出占比：年度指标值8%，实际完成值7.42%，完成率92.75%，得分4.00分（分值5.00分）",
      "工作完成时间：年度指标值12月，实际完成值12月，按期完成，得分5.00分",
      "自评得分98.00分，其中预算执行率得分10.00分（分值10.00分），绩效指标得分88.00分，自评等次为“优”",
      "地方财政科技支出占比得分4.00分（分值5.00分），扣1.00分。原因：财政资金状况及政策变化",
      "关于项目支出口径的说明：附件1 含代管的市级专项资金",
    ])
      expect(docx.text).toContain(sentence);
  });

  test("五、自评结果 ends with the 评分说明: the 评分口径 and each rule with its source", () => {
    expect(docx.text).toContain(
      "自评等次为“优”。评分说明：本次自评按“全国通用”评分口径评分，所用规则及其依据如下：" +
        "1. 执行率得分 = 执行率分值 × min(执行率, 100%)。依据：财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）",
    );
    expect(docx.text).toMatch(
      /3\. 等次：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 &lt; 60。依据：[^。]*财预〔2020〕10号[^。]*。六、/,
    );
  });

  test("the prose from 报告文字, and no placeholder left", () => {
    expect(docx.text).toContain("株洲市科学技术局是市人民政府主管科技工作的正处级行政机关。");
    expect(docx.text).toContain("自评结果按规定在部门网站公开。");
    expect(docx.text).not.toMatch(/【(请填写|未填写)/);
  });

  test("the attachments hold the workbook's values in the workbook's layout", () => {
    expect(docx.tables).toHaveLength(2);
    const [basic, evaluation] = docx.tables as [string[], string[]];
    for (const value of [
      "株洲市科学技术局",
      "39",
      "32",
      "82.05%",
      "18.24",
      "46.00",
      "38.67",
      "2385.06",
      "3614.40",
      "1864.05",
      "市级专项资金",
      "1936.00",
      "244.10",
      "不适用",
      "李明",
      "2025-04-20",
    ])
      expect(basic).toContain(value);
    for (const value of [
      "974.62",
      "1387.53",
      "100.00%",
      "965.72",
      "421.81",
      "高新技术企业数",
      "1300 家",
      "1302 家",
      "115.49亿元",
      "100.00",
      "98.00",
      "绩效等次：优",
    ])
      expect(evaluation).toContain(value);
    // 一级指标 merged over its rows, and 二级指标 within it, as the official form shows.
    expect(evaluation.filter((t) => t === "成本指标")).toHaveLength(1);
    expect(evaluation.filter((t) => t === "产出指标")).toHaveLength(1);
    expect(evaluation.filter((t) => t === "数量指标")).toHaveLength(1);
    expect(evaluation.filter((t) => t === "经济成本指标")).toHaveLength(1);
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/g;
    const evalXml = [...docx.document.matchAll(table)][1]![0];
    // The template's two (年度预算申请, 年度总体目标), 一级 runs 产出/效益/成本, 二级 runs 数量/质量/经济成本/社会成本.
    expect(evalXml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2 + 3 + 4);
    // The table's end keeps with 总分 (Word keeps a row with the next when its paragraphs do).
    expect(evalXml).toMatch(/<w:keepNext\/>[\s\S]*总分/);
    expect(evaluation).not.toContain("建议得分"); // our helper columns stay out of the official table
  });

  test("GB/T 9704 form: A4, margins, fonts set for East-Asian text, page numbers at the outside edge", () => {
    expect(docx.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(docx.document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(docx.document).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    expect(docx.document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    for (const font of ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"])
      expect(docx.document).toContain(`w:eastAsia="${font}"`);
    expect(docx.document).toMatch(/<w:sz w:val="44"\/>/); // 二号 title
    expect(docx.document).toMatch(/<w:ind w:firstLine="640"\/>/); // 2-character indent
    expect(docx.settings).toContain("<w:evenAndOddHeaders/>");
    expect(docx.footers.join("")).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
    expect(
      docx.footers.some((f) => f.includes('w:val="right"')) && docx.footers.some((f) => f.includes('w:val="left"')),
    ).toBe(true);
    expect(docx.headers.join("")).not.toContain("草稿");
  });

  test("title and author in the document properties: the report's title and the unit", () => {
    expect(docx.core).toContain("<dc:title>2024年度部门（单位）整体支出绩效自评报告</dc:title>");
    expect(docx.core).toContain("<dc:creator>株洲市科学技术局</dc:creator>");
  });

  test(
    "the data's fingerprint in the document properties and a short form in small print; " +
      "verify tells same from changed data",
    async () => {
      const fingerprint = await reportFingerprint(bytes);
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(docx.custom).toContain(fingerprint);
      // Only a short, labelled form is printed: never 64 hexadecimal characters in a published document.
      expect(docx.text).toContain(`数据指纹：${fingerprint.slice(0, 12)}（SHA-256 前12位`);
      expect(docx.text).not.toMatch(/[0-9a-f]{13,}/);
      expect(docx.document).not.toContain(fingerprint);
      expect((await verifyReport(bytes, await workbookOf(model))).matches).toBe(true);
      const changed = completed((j) => (j.basic.staff.actual = 33));
      expect((await verifyReport(bytes, await workbookOf(changed))).matches).toBe(false);
    },
  );
});

test(
  "with errors the report is refused; " + "--draft writes it with 草稿 on every page and the open findings listed",
  async () => {
    const broken = completed((j) => (j.eval.indicators[0].weight = 20));
    const refused = await generateReport(await workbookOf(broken));
    expect(refused.status).toBe("blocked");
    const draft = await generateReport(await workbookOf(broken), { draft: true });
    if (draft.status !== "generated") throw new Error("draft refused");
    const docx = await unzip(draft.bytes);
    expect(docx.headers.filter((h) => h.includes("草稿")).length).toBeGreaterThanOrEqual(2);
    expect(docx.text).toContain("附：尚未解决的校验问题（草稿）");
    expect(docx.text).toContain("错误｜附件2 自评表 F29｜分值合计 110.00 ≠ 100");
    expect(docx.tables[1]!.join("")).not.toContain("92.75%"); // helper columns (完成率, 建议得分) stay out, never join a row
  },
);

test("a report of a workbook without a unit name: its author is 绩效自评助手", async () => {
  const outcome = await generateReport(await workbookOf(completed((j) => (j.basic.unit = j.eval.unit = null))), {
    draft: true,
  });
  if (outcome.status !== "generated") throw new Error("draft refused");
  const docx = await unzip(outcome.bytes);
  expect(docx.core).toContain("<dc:creator>绩效自评助手</dc:creator>");
  expect(docx.text).toContain("部门（单位）名称：【未填写：单位名称】");
});

test("empty prose is marked 【请填写：…】 and listed", async () => {
  const outcome = await generateReport(
    await workbookOf(completed((j) => (j.report = { duties: "", achievements: null }))),
  );
  if (outcome.status !== "generated") throw new Error("blocked");
  expect(outcome.content.missing).toEqual([
    "部门职责与机构设置",
    "主要工作成效",
    "存在的问题及原因分析",
    "改进措施和有关建议",
    "自评结果应用和公开情况",
  ]);
  expect((await unzip(outcome.bytes)).text).toContain("【请填写：部门职责与机构设置（报告文字）】");
});

test("a report scored with another profile does not verify against the workbook's own profile", async () => {
  const model = completed();
  const workbook = await workbookOf(model);
  const outcome = await generateReport(workbook, { profile: "platform" });
  if (outcome.status !== "generated") throw new Error("blocked");
  expect((await verifyReport(outcome.bytes, workbook)).matches).toBe(false);
  expect((await verifyReport(outcome.bytes, workbook, "platform")).matches).toBe(true);
});

test("scored 岳阳 the grade is written 优秀 in the narrative, the 评分说明 and 附件2; verify accepts the report", async () => {
  // The workbook built for 岳阳: its 等次 formula writes 优秀 too.
  const workbook = await workbookOf(completed(), "yueyang");
  const outcome = await generateReport(workbook, { profile: "yueyang" });
  if (outcome.status !== "generated") throw new Error("blocked");
  const docx = await unzip(outcome.bytes);
  expect(docx.text).toContain(
    "自评得分98.00分，其中预算执行率得分10.00分（分值10.00分），绩效指标得分88.00分，自评等次为“优秀”。",
  );
  expect(docx.text).toContain("评分说明：本次自评按“岳阳”评分口径评分");
  expect(docx.text).toContain("等次：优秀 ≥ 90，良好 ≥ 80，中 ≥ 60，差 &lt; 60。依据：岳阳市部门整体支出绩效自评报告");
  expect(docx.tables[1]).toContain("绩效等次：优秀");
  expect(docx.text).not.toContain("“优”");
  expect(await verifyReport(outcome.bytes, workbook, "yueyang")).toMatchObject({
    matches: true,
    text: { status: "same" },
  });
});

test("a report scored with a custom profile names it by its label and verifies with that profile", async () => {
  const file = { ...getProfile("platform"), name: "某市口径" };
  const parsed = parseProfileFile(JSON.stringify(file), "某市.json");
  if (!("profile" in parsed)) throw new Error(parsed.problems.join("\n"));
  const workbook = await workbookOf(completed());
  const outcome = await generateReport(workbook, { profile: parsed.profile });
  if (outcome.status !== "generated") throw new Error("blocked");
  expect((await unzip(outcome.bytes)).text).toContain(
    `评分说明：本次自评按“${customLabel(parsed.profile)}”评分口径评分，所用规则及其依据如下：`,
  );
  expect((await verifyReport(outcome.bytes, workbook, parsed.profile)).matches).toBe(true);
});

test("a line break typed in a cell stays a line break in Word", async () => {
  const outcome = await generateReport(await workbookOf(completed((j) => (j.eval.goal.expected = "第一条\n第二条"))));
  if (outcome.status !== "generated") throw new Error("blocked");
  expect((await unzip(outcome.bytes)).document).toMatch(
    /年度总体目标：第一条<\/w:t><\/w:r><w:r>(?:(?!<\/w:p>)[\s\S])*?<w:br\/>(?:(?!<\/w:p>)[\s\S])*?第二条/,
  );
});

test("a draft says so in its properties, and verify regenerates it as a draft: same text, same data", async () => {
  const workbook = await workbookOf(completed((j) => (j.eval.indicators[0].weight = 20)));
  const draft = await generateReport(workbook, { draft: true });
  if (draft.status !== "generated") throw new Error("draft refused");
  expect((await unzip(draft.bytes)).custom).toMatch(/name="绩效自评助手草稿"[^>]*>\s*<vt:lpwstr>是<\/vt:lpwstr>/);
  const verified = await verifyReport(draft.bytes, workbook);
  expect(verified).toMatchObject({ matches: true, fingerprintMatches: true, draft: true, text: { status: "same" } });
});
