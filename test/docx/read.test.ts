/**
 * Reading a report's text back (src/docx/read.ts) as jxzp verify compares it: lines as Word shows them,
 * whatever runs a program split the text into; tracked deletions and page-number results left out; and the
 * line diff verify prints (src/usecases/report.ts).
 */
import { documentLines } from "../../src/docx/read";
import { diffLines } from "../../src/usecases/report";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs.join("")}</w:p>`;
const r = (text: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

test("a paragraph is one line, whatever runs hold it; whitespace collapsed; entities decoded", () => {
  expect(
    documentLines(
      doc(
        p(r("总分"), '<w:proofErr w:type="spellStart"/>', r("98."), r("00"), '<w:bookmarkStart w:id="0" w:name="x"/>') +
          p(r("第一条"), "<w:r><w:br/></w:r>", r("第二条&amp;\u3000 &lt;三&gt;")) +
          p() +
          "<w:p/>",
      ),
    ),
  ).toEqual(["总分98.00", "第一条 第二条& <三>"]);
});

test("a table row is one line, its cells joined by ｜; a cell's paragraphs by a space; empty rows left out", () => {
  const cell = (...paragraphs: string[]) => `<w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr>${paragraphs.join("")}</w:tc>`;
  const row = (...cells: string[]) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join("")}</w:tr>`;
  const xml = doc(
    p(r("附件2")) +
      `<w:tbl><w:tblPr/><w:tblGrid/>${row(cell(p(r("总分"))), cell(p(r("100.00"))), cell(p(r("98")), p(r(".00"))))}` +
      `${row(cell(p()), cell(p()), cell(p()))}</w:tbl>` +
      p(r("数据指纹")),
  );
  expect(documentLines(xml)).toEqual(["附件2", "总分｜100.00｜98 .00", "数据指纹"]);
});

test("tracked changes read as accepted: deleted text out, inserted text in", () => {
  const xml = doc(
    p(
      r("得分"),
      '<w:del w:id="1" w:author="x"><w:r><w:delText>98.00</w:delText></w:r></w:del>',
      '<w:ins w:id="2" w:author="x">' + r("99.50") + "</w:ins>",
      r("分"),
    ),
  );
  expect(documentLines(xml)).toEqual(["得分99.50分"]);
});

test("a page-number field's result is left out (Word fills it in when it saves); any other field's is kept", () => {
  const field = (instruction: string, result: string) =>
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    r(result) +
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
  expect(documentLines(doc(p(r("— "), field("PAGE", "3"), r(" —"))))).toEqual(["— —"]);
  expect(documentLines(doc(p(r("得分"), field("QUOTE 99.50", "99.50"))))).toEqual(["得分99.50"]);
  expect(documentLines(doc(p(r("第"), `<w:fldSimple w:instr=" PAGE ">${r("2")}</w:fldSimple>`, r("页"))))).toEqual([
    "第页",
  ]);
  expect(
    documentLines(
      doc(
        p(
          '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
            `<mc:Choice Requires="wps">${r("框内")}</mc:Choice>` +
            `<mc:Fallback>${r("框内")}</mc:Fallback></mc:AlternateContent>`,
        ),
      ),
    ),
  ).toEqual(["框内"]);
});

test("diffLines: runs of lines removed and added, in order; none for equal texts", () => {
  expect(diffLines(["a", "b", "c"], ["a", "b", "c"])).toEqual([]);
  expect(diffLines(["a", "总分 99.50", "c", "d", "x"], ["a", "总分 98.00", "c", "d"])).toEqual([
    { inReport: ["总分 99.50"], expected: ["总分 98.00"] },
    { inReport: ["x"], expected: [] },
  ]);
  expect(diffLines(["a", "c"], ["a", "b", "c"])).toEqual([{ inReport: [], expected: ["b"] }]);
});
