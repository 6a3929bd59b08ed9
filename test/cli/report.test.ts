/**
 * jxzp report and jxzp verify on .xlsx files: exit codes, refusal on errors, drafts, placeholders listed; the
 * report in a table form (--form yueyang) written, replaced and verified.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { cli, cliWith, sampleWorkbook, type Json } from "../support/cli";

// Each test runs several commands (a batch on worker threads, reports regenerated): slow on a busy machine.
jest.setTimeout(60000);

const dir = mkdtempSync(join(tmpdir(), "jxzp-report-"));
const workbook = (name: string, edit?: (json: Json) => void) => sampleWorkbook(dir, name, edit);

test(
  "a consistent workbook: the report is written, empty prose listed, " + "and verify says they belong together",
  async () => {
    const file = await workbook("ok");
    const docx = join(dir, "ok.docx");
    const { code, out } = await cli("report", file, "--out", docx);
    expect(code).toBe(0);
    expect(out).toContain(`已写入报告 ${docx}`);
    expect(out).toContain(
      "报告中待填写（在「报告文字」工作表中填写后重新生成）：部门职责与机构设置、主要工作成效、存在的问题及原因分析、改进措施和有关建议、自评结果应用和公开情况",
    );
    const verified = await cli("verify", docx, file);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^一致：/);
    const other = await workbook("other", (j) => (j.eval.indicators[0].actual = "1301 家"));
    const mismatch = await cli("verify", docx, other);
    expect(mismatch.code).toBe(1);
    expect(mismatch.out).toMatch(/^不一致：/);
  },
);

test("errors refuse the report (exit 1, the findings printed); --draft writes it", async () => {
  const file = await workbook("broken", (j) => (j.basic.threePublic.total.final = 39.67));
  const refused = await cli("report", file, "--out", join(dir, "broken.docx"));
  expect(refused.code).toBe(1);
  expect(refused.err).toContain("有 1 个错误，未生成报告（更正后重试，或加 --draft 生成草稿）");
  expect(refused.err).toContain("三公经费2024年决算数 39.67 ≠");
  const draft = await cli("report", file, "--out", join(dir, "broken-draft.docx"), "--draft");
  expect(draft.code).toBe(0);
  expect(draft.out).toContain("已写入草稿");
  expect(draft.out).toContain("草稿附录列出尚未解决的问题 2 个"); // the error and the unexplained 项目支出 warning
});

test("verify on something that is not our report: exit 2 with a Chinese reason", async () => {
  const file = await workbook("plain");
  const notDocx = join(dir, "x.docx");
  writeFileSync(notDocx, "no");
  const { code, err } = await cli("verify", notDocx, file);
  expect(code).toBe(2);
  expect(err).toContain(`${notDocx} 是文本文件，不是 .docx 报告`);
  // A workbook first: the arguments are the wrong way round, and the message says so.
  const swapped = await cli("verify", file, notDocx);
  expect(swapped.code).toBe(2);
  expect(swapped.err).toContain(
    `${file} 是 Excel 工作簿（.xlsx），不是报告：verify 先写 .docx 报告，再写 .xlsx 工作簿`,
  );
  // A .docx that is not ours: the report reader's own reason.
  const foreign = join(dir, "foreign.docx");
  const zip = new JSZip();
  zip.file("word/document.xml", "<w:document/>");
  writeFileSync(foreign, await zip.generateAsync({ type: "nodebuffer" }));
  expect((await cli("verify", foreign, file)).err).toContain("文档中没有绩效自评助手的数据指纹");
});

/** `docx` with `edit` applied to the text of word/document.xml (and docProps/custom.xml), zipped again. */
async function editReport(
  docx: string,
  out: string,
  edit: (xml: string) => string,
  editCustom: (xml: string) => string = (x) => x,
) {
  const zip = await JSZip.loadAsync(readFileSync(docx));
  zip.file("word/document.xml", edit(await zip.file("word/document.xml")!.async("string")));
  zip.file("docProps/custom.xml", editCustom(await zip.file("docProps/custom.xml")!.async("string")));
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
}

describe("verify reads the document itself, not only its data fingerprint", () => {
  let file: string;
  let docx: string;
  beforeAll(async () => {
    file = await workbook("checked");
    docx = join(dir, "checked.docx");
    expect((await cli("report", file, "--out", docx)).code).toBe(0);
  });

  test("an untouched report verifies", async () => {
    const { code, out } = await cli("verify", docx, file);
    expect(code).toBe(0);
    expect(out).toMatch(/^一致：.*正文与按工作簿重新生成的报告相同\n$/);
  });

  test("总分 98.00 changed to 99.50 inside the .docx: 不一致, the lines shown, exit 1", async () => {
    const edited = join(dir, "edited.docx");
    await editReport(docx, edited, (xml) => xml.replace(/98\.00/g, "99.50"));
    const { code, out } = await cli("verify", edited, file);
    expect(code).toBe(1);
    expect(out).toContain(`不一致：${edited} 的正文与按 ${file} 重新生成的报告有 2 处不同：`);
    expect(out).toContain(
      "  报告中：总分｜100.00｜99.50｜绩效等次：优\n  按工作簿应为：总分｜100.00｜98.00｜绩效等次：优",
    );
    expect(out).toMatch(/报告中：.*自评得分99\.50分.*\n {2}按工作簿应为：.*自评得分98\.00分/);
    expect(out).toContain("报告中的数据指纹与工作簿一致，但报告的文字在生成之后被改动过");
    expect(out).not.toContain("的数据指纹 "); // the fingerprints agree: not listed as a difference
  });

  test("a paragraph deleted and one added: each shown against （无此行）", async () => {
    const edited = join(dir, "edited-lines.docx");
    await editReport(docx, edited, (xml) =>
      xml
        .replace(/<w:p>(?:(?!<\/w:p>).)*?八、自评结果应用和公开情况(?:(?!<\/w:p>).)*?<\/w:p>/, "")
        .replace("</w:body>", '<w:p><w:r><w:t xml:space="preserve">另附  说明</w:t></w:r></w:p></w:body>'),
    );
    const { code, out } = await cli("verify", edited, file);
    expect(code).toBe(1);
    expect(out).toContain("  报告中：（无此行）\n  按工作簿应为：八、自评结果应用和公开情况");
    expect(out).toContain("  报告中：另附 说明\n  按工作簿应为：（无此行）");
  });

  test("a changed workbook fails on the fingerprint, and the text shows what changed", async () => {
    const changed = await workbook("checked-changed", (j) => (j.eval.indicators[0].actual = "1301 家"));
    const { code, out } = await cli("verify", docx, changed);
    expect(code).toBe(1);
    expect(out).toMatch(
      new RegExp(`^不一致：${docx} 的数据指纹 [0-9a-f]{64}\n\\s*${changed} 的数据指纹 [0-9a-f]{64}\n`),
    );
    expect(out).toMatch(/报告中：.*实际完成值1302 家.*\n {2}按工作簿应为：.*实际完成值1301 家/);
  });

  test("a draft verifies as a draft; with its appendix removed, or claiming not to be one, it does not", async () => {
    const broken = await workbook("draft", (j) => (j.basic.threePublic.total.final = 39.67));
    const draft = join(dir, "draft.docx");
    expect((await cli("report", broken, "--out", draft, "--draft")).code).toBe(0);
    const verified = await cli("verify", draft, broken);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain("正文与按工作簿重新生成的草稿相同");

    const stripped = join(dir, "draft-stripped.docx");
    await editReport(draft, stripped, (xml) => xml.replace(/附：尚未解决的校验问题（草稿）/, ""));
    const strippedOut = await cli("verify", stripped, broken);
    expect(strippedOut.code).toBe(1);
    expect(strippedOut.out).toContain("  报告中：（无此行）\n  按工作簿应为：附：尚未解决的校验问题（草稿）");

    const claimed = join(dir, "draft-claimed.docx");
    await editReport(
      draft,
      claimed,
      (xml) => xml,
      (xml) => xml.replace(/(绩效自评助手草稿"[^>]*>\s*<vt:lpwstr>)是/, "$1否"),
    );
    const claimedOut = await cli("verify", claimed, broken);
    expect(claimedOut.code).toBe(1);
    expect(claimedOut.out).toContain(`不一致：${claimed} 不是草稿，但 ${broken} 有 1 个错误：由它只能生成草稿`);
  });
});

describe("--form yueyang: the report in the 岳阳 table form (issue 18)", () => {
  let file: string;
  beforeAll(async () => {
    // Seed 001 as typed into the workbook: its 附件2 has no scores, so only a draft can be written.
    file = join(dir, "yueyang.xlsx");
    const imported = await cli(
      "import",
      join(__dirname, "..", "..", "samples", "yueyang-kjj-2021.json"),
      "--out",
      file,
    );
    expect(imported.code).toBe(0);
  });

  test("help lists the forms: 文字报告 by default, each layout by its name", async () => {
    const { out } = await cliWith({ helpWidth: 400 }, "report", "--help");
    expect(out).toMatch(/--form <表式> +报告格式：不加为文字报告（默认）；yueyang 为/);
    expect(out).toContain(
      "报告格式：不加为文字报告（默认）；yueyang 为岳阳市部门（单位）整体支出绩效评价自评报告（表式，岳阳市财政局制）",
    );
  });

  test("refused with errors as the narrative is; --draft writes it; verify says it is the workbook's", async () => {
    const docx = join(dir, "yueyang.docx");
    const refused = await cli("report", file, "--out", docx, "--form", "yueyang");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("未生成报告（更正后重试，或加 --draft 生成草稿）");
    const written = await cli("report", file, "--out", docx, "--form", "yueyang", "--draft");
    expect(written.code).toBe(0);
    expect(written.out).toContain(
      `已写入草稿 ${docx}（岳阳市部门（单位）整体支出绩效评价自评报告（表式，岳阳市财政局制））`,
    );
    const zip = await JSZip.loadAsync(readFileSync(docx));
    expect(await zip.file("docProps/custom.xml")!.async("string")).toContain("绩效自评助手报告表式");
    expect(await zip.file("word/document.xml")!.async("string")).toContain("岳阳市财政局（制）");
    // A report jxzp wrote is replaced without --force, a form report as well.
    expect((await cli("report", file, "--out", docx, "--form", "yueyang", "--draft")).code).toBe(0);
    const verified = await cli("verify", docx, file);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^一致：.*正文与按工作簿重新生成的草稿（岳阳市部门（单位）整体支出绩效评价自评报告/);
    // The form edited: 不一致, the row shown.
    const edited = join(dir, "yueyang-edited.docx");
    await editReport(docx, edited, (xml) => xml.replace("1156.44", "1156.45"));
    const mismatch = await cli("verify", edited, file);
    expect(mismatch.code).toBe(1);
    expect(mismatch.out).toContain("  报告中：局机关及二级机构汇总｜1156.45｜186.72");
    expect(mismatch.out).toContain("  按工作簿应为：局机关及二级机构汇总｜1156.44｜186.72");
  });

  test("an unknown form: a usage error naming the known ones, exit 2, nothing written", async () => {
    const docx = join(dir, "unknown-form.docx");
    const { code, err } = await cli("report", file, "--out", docx, "--form", "yueyng");
    expect(code).toBe(2);
    expect(err).toContain(
      "选项 --form：未知的报告格式「yueyng」（是不是 yueyang？），可选：yueyang（岳阳市部门（单位）整体支出绩效评价自评报告" +
        "（表式，岳阳市财政局制））；不加 --form 为文字报告。用 jxzp report --help 查看用法",
    );
    expect(existsSync(docx)).toBe(false);
  });
});
