/**
 * The table form as Word receives it (src/docx/form.ts): the cover in a section of its own, the tables over the
 * 版心, short rows kept whole and long ones free to break across pages, the signature lines set by an indent,
 * the form id in the document properties, and text XML refuses in a form cell still giving well-formed XML.
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { validate, workbookModel } from "../../src/domain";
import { fillForm } from "../../src/domain/forms/layout";
import { FORM_LAYOUTS, yueyangData } from "../../src/domain/forms/yueyang";
import { buildReport } from "../../src/domain/report";
import { formBytes } from "../../src/docx/form";
import { MARGIN, PAGE } from "../../src/docx/parts";
import { readReport } from "../../src/docx/read";
import { SEED_001 } from "../domain/yueyang/seed-001";

const HOSTILE = "\uFFFE\u0001\u001B[31m\uD800-ok";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of the sample JSON
async function formXml(edit: (json: Record<string, any>) => void = () => {}) {
  const json = structuredClone(SEED_001);
  edit(json);
  const model = workbookModel.parse(json);
  const validation = validate(model);
  const content = buildReport(model, validation, { fingerprint: "0".repeat(64), draft: true, locate: (k) => k });
  const form = fillForm(FORM_LAYOUTS.yueyang!, yueyangData(model, model.form, validation.computation, false));
  const bytes = await formBytes(form, content);
  const zip = await JSZip.loadAsync(bytes);
  return { bytes, zip, xml: await zip.file("word/document.xml")!.async("string") };
}

test("the cover is a section of its own; every table spans the 版心 with the layout's proportions", async () => {
  const { xml } = await formXml();
  const sections = xml.match(/<w:sectPr[\s>]/g) ?? [];
  expect(sections).toHaveLength(2);
  // The first section ends with the cover's last paragraph (which holds its w:sectPr), before part 一.
  const firstSection = xml.slice(0, xml.indexOf("</w:p>", xml.indexOf("</w:sectPr>")));
  expect(firstSection).toContain("岳阳市财政局（制）");
  expect(firstSection).not.toContain("一、部门（单位）基本概况");
  const width = PAGE.width - MARGIN.left - MARGIN.right;
  for (const table of xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!) {
    expect(table).toContain(`<w:tblW w:type="dxa" w:w="${width}"/>`);
    const columns = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(columns.reduce((a, b) => a + b, 0)).toBeGreaterThan(width - columns.length);
  }
});

test("short rows are kept whole, a row of long text may break across pages", async () => {
  const { xml } = await formXml();
  const rows = xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
  const row = (text: string) => rows.find((r) => r.includes(text))!;
  expect(row("联络电话")).toContain("<w:cantSplit/>");
  expect(row("局机关及二级机构汇总")).toContain("<w:cantSplit/>");
  expect(row("职能职责概述")).not.toContain("<w:cantSplit/>");
  expect(row("年度部门（单位）总体运行情况及取得的成绩")).not.toContain("<w:cantSplit/>");
});

test("the form id in the properties; text XML refuses in form cells gives well-formed XML", async () => {
  const { bytes, zip } = await formXml((json) => {
    json.form.income[1].unit = `局机关${HOSTILE}`;
    json.form.evaluators[0].name = `徐${HOSTILE}杰峰`;
    json.form.tasks[0].task = `改革${HOSTILE}体制`;
  });
  expect((await readReport(bytes)).form).toBe("yueyang");
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on("error", (error) => {
      throw new Error(`${name}: ${error.message}`);
    });
    parser.write(await zip.file(name)!.async("string")).close();
  }
});
