/**
 * The finance bureau's summary workbook: 汇总 (one row per unit), 问题清单 (every open finding) and
 * 无法读取 (files that could not be read and why). Sorted, filtered, frozen headers, the tables' number
 * formats. Text from the submitted files is kept from being taken for formulas (see neutralise).
 */
import ExcelJS from "exceljs";
import { SEVERITY_NAMES } from "../domain/validation";
import type { FileResult, SummaryRow, Unreadable } from "./inspect";

/**
 * A text that a spreadsheet could take for a formula (= + - @, or a leading tab/CR) gets a leading
 * apostrophe. In the .xlsx it is stored as text either way; the apostrophe keeps it text when the
 * summary is saved as CSV or a cell is edited and re-entered, which is where formula injection bites.
 */
export function neutralise(text: string | null): string | null {
  return text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: "宋体", bold: true, size: 11 },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } },
  alignment: { vertical: "middle", horizontal: "center", wrapText: true },
  border: { bottom: { style: "thin", color: { argb: "FF808080" } } },
};

interface Column {
  readonly header: string;
  readonly width: number;
  readonly numFmt?: string;
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>,
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: { font: { name: "宋体", size: 11 }, ...(c.numFmt ? { numFmt: c.numFmt } : {}) },
  }));
  ws.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
  ws.getRow(1).height = 30;
  ws.addRows(rows.map((row) => row.map((value) => (typeof value === "string" ? neutralise(value) : value))));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
}

const num = (text: string | null) => (text === null ? null : Number(text));
/** "100.00%" → 1 (shown again as 100.00% by the cell format); 不适用 stays text. */
const rate = (text: string) => (/%$/.test(text) ? Number(text.slice(0, -1)) / 100 : text);
const byUnit = (a: SummaryRow, b: SummaryRow) =>
  (a.unit ?? "").localeCompare(b.unit ?? "", "zh-CN") || a.file.localeCompare(b.file);

export function summaryWorkbook(results: readonly FileResult[]): ExcelJS.Workbook {
  const read = results.filter((r): r is SummaryRow => r.status === "read").sort(byUnit);
  const unreadable = results
    .filter((r): r is Unreadable => r.status === "unreadable")
    .sort((a, b) => a.file.localeCompare(b.file));
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手";
  sheet(
    wb,
    "汇总",
    [
      { header: "文件", width: 36 },
      { header: "单位", width: 28 },
      { header: "年度", width: 8, numFmt: "0" },
      { header: "全年预算数（万元）", width: 16, numFmt: "0.00" },
      { header: "全年执行数（万元）", width: 16, numFmt: "0.00" },
      { header: "执行率", width: 10, numFmt: "0.00%" },
      { header: "总分", width: 9, numFmt: "0.00" },
      { header: "等次", width: 7 },
      { header: "错误", width: 7, numFmt: "0" },
      { header: "警告", width: 7, numFmt: "0" },
      { header: "第一个错误", width: 60 },
    ],
    read.map((r) => [
      r.file,
      r.unit,
      r.year,
      num(r.budget),
      num(r.executed),
      rate(r.executionRate),
      num(r.total),
      r.grade && r.provisional ? `${r.grade}（暂定）` : r.grade,
      r.errors,
      r.warnings,
      r.firstError,
    ]),
  );
  sheet(
    wb,
    "问题清单",
    [
      { header: "文件", width: 36 },
      { header: "单位", width: 28 },
      { header: "级别", width: 7 },
      { header: "工作表", width: 16 },
      { header: "单元格", width: 8 },
      { header: "规则", width: 20 },
      { header: "问题", width: 80 },
    ],
    read.flatMap((r) =>
      r.findings
        .filter((f) => f.severity !== "info")
        .map((f) => [r.file, r.unit, SEVERITY_NAMES[f.severity], f.sheet, f.cell, f.rule, f.message]),
    ),
  );
  sheet(
    wb,
    "无法读取",
    [
      { header: "文件", width: 50 },
      { header: "原因", width: 90 },
    ],
    unreadable.map((r) => [r.file, r.reason]),
  );
  return wb;
}
