/**
 * The reader's bounds against hand-made hostile packages (review of issue 19): a zip with two entries of one
 * name, a workbook listing one sheet part a thousand times, a conditional format's number format reusing a cell
 * format's id, a shared formula that would move off the sheet.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { refuseWorkbook } from "../../../src/batch/guard";
import { inspectSource, inspectWorkbook, WorkbookReadError } from "../../../src/workbook/xlsx/read";
import { SheetCells } from "../../../src/workbook/xlsx/sheet-cells";
import { readDateStyles } from "../../../src/workbook/xlsx/number-formats";
import { goodWorkbook } from "../../batch/hostile-files";

test("two entries of one name are refused by the reader and by the guard", async () => {
  const parts = unzipSync(await goodWorkbook(1));
  const files = Object.entries(parts).filter(([name]) => !name.endsWith("/"));
  // fflate writes one entry per name; the directory is edited to list workbook.xml twice.
  const twice = duplicateEntry(zipSync(Object.fromEntries(files)), "xl/workbook.xml");
  expect(refuseWorkbook(twice)).toMatch(/两个同名条目「xl\/workbook\.xml」/);
  await expect(inspectWorkbook(twice)).rejects.toThrow(WorkbookReadError);
});

test("a thousand sheet names pointing to one part: read once, not a thousand times, and too many refused", async () => {
  const bytes = await goodWorkbook(2);
  const parts = unzipSync(bytes);
  const workbook = strFromU8(parts["xl/workbook.xml"]!);
  const rid = /<sheet [^>]*name="附件2 自评表"[^>]*r:id="(rId\d+)"/.exec(workbook)![1];
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => `<sheet name="副本${i}" sheetId="${100 + i}" r:id="${rid}"/>`).join("");
  const edit = (n: number) =>
    zipSync({ ...parts, "xl/workbook.xml": strToU8(workbook.replace("</sheets>", `${many(n)}</sheets>`)) });
  const source = await inspectSource(edit(900));
  expect(source.table("绩效指标")?.sheet).toBe("附件2 自评表");
  expect(source.lookup("副本5", "D4")).toEqual(source.lookup("附件2 自评表", "D4"));
  await expect(inspectSource(edit(1200))).rejects.toThrow(/超过 1000 个的上限/);
});

test("a number format inside <dxfs> does not turn a percentage cell into a date", () => {
  const styles = strToU8(
    '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.00%"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>' +
      '<dxfs><dxf><numFmt numFmtId="164" formatCode="yyyy/m/d"/></dxf></dxfs></styleSheet>',
  );
  expect(readDateStyles(styles)).toEqual([false, false, true]);
});

test("a shared formula that would move off the sheet reads as no formula, not a crash", () => {
  const sheet = new SheetCells(
    "表",
    strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1"><f t="shared" si="0" ref="A1:B1">XFD1+1</f><v>1</v></c>' +
        '<c r="B1"><f t="shared" si="0"/><v>2</v></c></row></sheetData></worksheet>',
    ),
    20_000,
  );
  const context = { sharedString: () => undefined, isDateStyle: () => false, date1904: false };
  expect(sheet.lookup("A1", context)).toEqual({ value: 1, formula: "=XFD1+1" });
  expect(sheet.lookup("B1", context)).toEqual({ value: 2, formula: null });
});

/** `zip` with its entry `name` listed twice in the central directory (and the count raised). */
function duplicateEntry(zip: Uint8Array, name: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const start = view.getUint32(eocd + 16, true);
  let offset = start;
  let record: Uint8Array | null = null;
  for (let n = 0; n < view.getUint16(eocd + 10, true); n++) {
    const length =
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    if (strFromU8(zip.subarray(offset + 46, offset + 46 + view.getUint16(offset + 28, true))) === name)
      record = zip.slice(offset, offset + length);
    offset += length;
  }
  const tail = zip.slice(eocd);
  const out = new Uint8Array(eocd + record!.length + tail.length);
  out.set(zip.subarray(0, eocd));
  out.set(record!, eocd);
  out.set(tail, eocd + record!.length);
  const end = new DataView(out.buffer, eocd + record!.length);
  end.setUint16(8, end.getUint16(8, true) + 1, true);
  end.setUint16(10, end.getUint16(10, true) + 1, true);
  end.setUint32(12, end.getUint32(12, true) + record!.length, true);
  return out;
}
