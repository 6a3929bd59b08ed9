/**
 * The finance bureau's summary workbook: 汇总 (one row per unit), 项目 (one row per project table 附件3 of
 * every workbook), 问题清单 (every open finding; a project's name the project and its sheet) and 无法读取
 * (files that could not be read and why). Sorted, filtered, frozen headers, the tables' number
 * formats. Text from the submitted files is made safe for the XML and kept from being taken for formulas
 * (see neutralise).
 */
import ExcelJS from "exceljs";
import { CELL_TEXT_MAX, clip, formulaSafe, xmlText } from "../domain/text-safety";
import { SEVERITY_NAMES } from "../domain/validation";
import { Dec } from "../domain/decimal";
import type { FileResult, SummaryRow, Unreadable } from "./inspect";

/**
 * Every text of the summary, as written: characters XML 1.0 refuses replaced (a unit name holding U+FFFE
 * would make the whole sheet unreadable), a leading apostrophe on what a spreadsheet could take for a
 * formula (= + - @ and their full-width forms ＝ ＋ － ＠, a leading tab, CR or LF), at most 32,767
 * characters. See src/domain/text-safety.ts.
 */
export function neutralise(text: string | null): string | null {
  return text === null ? null : clip(formulaSafe(xmlText(text)), CELL_TEXT_MAX);
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

/** A number of the row as a cell's number; text that is not a finite number stays text. */
const num = (text: string | null) => {
  const value = text === null ? null : Number(text);
  return value === null || Number.isFinite(value) ? value : text;
};
/** "100.00%" → 1 (shown again as 100.00% by the cell format); 不适用 stays text. */
const rate = (text: string) => {
  // Divided as decimals: 93.91 / 100 in binary floating point is 0.9390999999999999.
  const percent = /^-?\d+(\.\d+)?%$/.test(text) ? new Dec(text.slice(0, -1)).dividedBy(100).toNumber() : NaN;
  return Number.isFinite(percent) ? percent : text;
};
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
    "项目",
    [
      { header: "文件", width: 36 },
      { header: "单位", width: 28 },
      { header: "附件", width: 9 },
      { header: "项目名称", width: 30 },
      { header: "全年预算数（万元）", width: 16, numFmt: "0.00" },
      { header: "全年执行数（万元）", width: 16, numFmt: "0.00" },
      { header: "执行率", width: 10, numFmt: "0.00%" },
      { header: "总分", width: 9, numFmt: "0.00" },
      { header: "等次", width: 9 },
      { header: "错误", width: 7, numFmt: "0" },
      { header: "警告", width: 7, numFmt: "0" },
    ],
    read.flatMap((r) =>
      r.projects.map((p) => [
        r.file,
        r.unit,
        `附件3-${p.slot}`,
        p.name ?? (p.blank ? "（空表）" : "（未填项目名称）"),
        num(p.budget),
        num(p.executed),
        p.blank ? null : rate(p.executionRate),
        num(p.total),
        p.blank ? "空表" : p.grade && p.provisional ? `${p.grade}（暂定）` : p.grade,
        p.errors,
        p.warnings,
      ]),
    ),
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
