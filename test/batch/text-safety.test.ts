/**
 * Text from the files, made safe where it goes (src/domain/text-safety.ts): well-formed XML in the
 * summary whatever a unit name holds (U+FFFE, controls, lone surrogates), formulas neutralised in their
 * full-width forms too, cells within 32,767 characters, nothing raw to a terminal.
 */
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { inspectBytes, type SummaryRow } from "../../src/batch/inspect";
import { neutralise, summaryWorkbook } from "../../src/batch/summary-workbook";
import { CELL_TEXT_MAX, cellText, formulaSafe, printable, printableJson, xmlText } from "../../src/domain/text-safety";
import { unitWithFFFE } from "./hostile-files";

jest.setTimeout(30000);

/** What XML 1.0 refuses (the Char production). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

test("xmlText leaves nothing XML 1.0 refuses, and ordinary text alone", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (text) => {
      const safe = xmlText(text);
      expect(NOT_XML.test(safe)).toBe(false);
      expect(cellText(text.repeat(3)).length).toBeLessThanOrEqual(CELL_TEXT_MAX);
    }),
    { numRuns: 2000 },
  );
  expect(xmlText("某某局\uFFFE财务科\u0000\u000B")).toBe("某某局\uFFFD财务科\n");
  expect(xmlText("\uD83D\uDE00 ok \uD83D")).toBe("\uD83D\uDE00 ok \uFFFD");
  const plain = "湘潭市科学技术局\t1\n2";
  expect(xmlText(plain)).toBe(plain);
  const long = "𠀀".repeat(20_000); // astral: two UTF-16 units each
  expect(cellText(long).length).toBeLessThanOrEqual(CELL_TEXT_MAX);
  expect(cellText(long).endsWith("𠀀…")).toBe(true);
});

test("formulas are neutralised, full-width ones too", () => {
  for (const text of [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    '＝HYPERLINK("x")',
    "＋1",
    "－1",
    "＠x",
    "\t=1",
    " =1",
    "\u3000＝1",
  ])
    expect(formulaSafe(text)).toBe(`'${text}`);
  for (const text of ["正常", "1+1", "a=b", "（=）"]) expect(formulaSafe(text)).toBe(text);
  expect(neutralise("＝1+1")).toBe("'＝1+1");
  expect(neutralise("\u0000=cmd")).toBe("'=cmd"); // a dropped control does not hide a formula
});

test("printable: no escape sequence or control character reaches a terminal raw", () => {
  expect(printable("红\u001b[31m字\u0007\r覆盖\u009b2J\u202E")).toBe("红\\x1B[31m字\\x07\\x0D覆盖\\x9B2J\\u202E");
  expect(printable("第一行\n\t第二行")).toBe("第一行\n\t第二行");
  const value = { unit: "红\u001b[31m\u009b2J\u202E字\u2028" };
  const json = printableJson(JSON.stringify(value));
  expect(json).toBe('{"unit":"红\\u001b[31m\\u009B2J\\u202E字\\u2028"}');
  expect(JSON.parse(json)).toEqual(value);
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (text) => {
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(printable(text))).toBe(false);
    }),
  );
});

test("a unit name holding U+FFFE (_xFFFE_ in the file): 汇总.xlsx stays well-formed and reads back", async () => {
  const row = (await inspectBytes("某某局.xlsx", await unitWithFFFE(1))) as SummaryRow;
  expect(row.unit).toBe("某某局\uFFFE财务科\u001b[31m");
  const evil = { ...row, file: "b.xlsx", unit: '＝HYPERLINK("http://x","点我")' };
  const bytes = new Uint8Array(await summaryWorkbook([row, evil]).xlsx.writeBuffer());
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    if (/\.xml$/.test(name)) expect([name, NOT_XML.test(strFromU8(data))]).toEqual([name, false]);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  const units = back.getWorksheet("汇总")!.getColumn(2).values.slice(2);
  expect(units).toEqual(['\'＝HYPERLINK("http://x","点我")', "某某局\uFFFD财务科[31m"]);
  // Every later text survives too (LibreOffice lost them all before).
  expect(back.getWorksheet("问题清单")!.rowCount).toBeGreaterThan(2);
});
