/**
 * Which cell styles show a date: a number in such a cell is a date, as Excel shows it (and as exceljs
 * read it). The built-in format codes are exceljs's table; the test is exceljs's isDateFmt.
 */
import BUILT_IN from "exceljs/lib/xlsx/defaultnumformats";
import { scanXml } from "./xml";

/** A format code shows a date or time when, outside quotes and brackets, it has y m d h s or b. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** For each cell style index (the s of a cell), whether it shows a date. */
export function readDateStyles(bytes: Uint8Array): readonly boolean[] {
  const custom = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  // Only <numFmts> defines cell formats: a <dxf>'s numFmt (conditional formatting) may reuse an id.
  let inNumFmts = false;
  scanXml(bytes, {
    open: (name, a) => {
      if (name === "numFmts") inNumFmts = true;
      else if (name === "numFmt" && inNumFmts && a.get("numFmtId") !== undefined)
        custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) styleFormats.push(Number(a.get("numFmtId") ?? 0));
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
      else if (name === "numFmts") inNumFmts = false;
    },
  });
  return styleFormats.map((id) => id !== 0 && isDateFormat(custom.get(id) || BUILT_IN[id]?.f));
}
