/** jxzp report and jxzp verify on .xlsx files: exit codes, refusal on errors, drafts, placeholders listed. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { cli, sampleWorkbook, type Json } from "../support/cli";

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
