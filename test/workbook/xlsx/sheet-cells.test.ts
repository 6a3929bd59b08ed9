/**
 * The sheet scanner's own cases, beyond what the differential test meets in files exceljs and LibreOffice
 * write: cells and rows without their address, prefixed element names, reading only as far as asked.
 */
import { strToU8 } from "fflate";
import { WorkbookReadError } from "../../../src/workbook/assemble";
import { SheetCells, type CellContext } from "../../../src/workbook/xlsx/sheet-cells";

const context: CellContext = {
  sharedString: (i) => ["甲", "乙"][i],
  isDateStyle: (style) => style === 1,
  date1904: false,
};

const sheet = (data: string, maxRows = 20_000) =>
  new SheetCells(
    "表",
    strToU8(`<worksheet xmlns="x"><sheetData>${data}</sheetData><mergeCells/></worksheet>`),
    maxRows,
  );

test("rows and cells without their address follow the one before", () => {
  const cells = sheet(
    '<row r="3"><c r="B3"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c t="s"><v>1</v></c></row>',
  );
  expect(cells.lookup("C3", context)).toEqual({ value: 2, formula: null });
  expect(cells.lookup("A4", context)).toEqual({ value: 3, formula: null });
  expect(cells.lookup("b4", context)).toEqual({ value: "乙", formula: null });
  expect(cells.lookup("$B$3", context)).toEqual({ value: 1, formula: null });
});

test("prefixed element names (x:c) read as their local names; dates by style", () => {
  const date = '<x:c r="A1" s="1"><x:v>45292</x:v></x:c>';
  const formula = '<x:c r="B1" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c>';
  const xml = `<x:row r="1">${date}${formula}</x:row>`;
  const cells = sheet(xml);
  expect(cells.lookup("A1", context).value).toEqual(new Date("2024-01-01T00:00:00Z"));
  expect(cells.lookup("B1", context)).toEqual({ value: "ab", formula: '="a"&"b"' });
});

test("reads only as far as asked, and refuses a read past the row limit", () => {
  const rows = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i + 1}</v></c></row>`);
  const cells = sheet(rows.join("") + '<row r="50000"><c r="A50000"><v>0</v></c></row>', 20_000);
  expect(cells.lookup("A2", context).value).toBe(2);
  // Row 50,000 only ends the rows asked for: it is not read, and not refused.
  expect(cells.lastRowUpTo(30)).toBe(30);
  expect(cells.lookup("A40", context)).toEqual({ value: null, formula: null });
  expect(() => cells.lookup("A50000", context)).toThrow("超过 20000 行的上限（第 50000 行有内容）");
  expect(() => cells.lastRowUpTo(999_999)).toThrow(WorkbookReadError);
});

test("a table declared past the sheet's end ends at its last row", () => {
  const cells = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="7"/>');
  expect(cells.lastRowUpTo(999_999_999_999)).toBe(7);
});
