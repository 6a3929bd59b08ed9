/**
 * Cell styles of the templates as exceljs styles: 宋体 body, 黑体 title, thin borders, shaded headers
 * and computed cells.
 */
import type ExcelJS from "exceljs";
import type { CellStyle } from "../../domain/template";

const thin: ExcelJS.Border = { style: "thin", color: { argb: "FF808080" } };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const BODY_FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 11 };
const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

export const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { name: "黑体", size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } },
  header: {
    font: { ...BODY_FONT, bold: true },
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    fill: fill("FFF2F2F2"),
    border: BORDER,
  },
  label: { font: BODY_FONT, alignment: { horizontal: "left", vertical: "middle", wrapText: true }, border: BORDER },
  subLabel: {
    font: BODY_FONT,
    alignment: { horizontal: "left", vertical: "middle", wrapText: true, indent: 2 },
    border: BORDER,
  },
  section: {
    font: { ...BODY_FONT, bold: true },
    alignment: { horizontal: "left", vertical: "middle" },
    fill: fill("FFF2F2F2"),
    border: BORDER,
  },
  note: {
    font: { ...BODY_FONT, size: 9, color: { argb: "FF595959" } },
    alignment: { horizontal: "left", vertical: "top", wrapText: true },
  },
  input: {
    font: BODY_FONT,
    alignment: { vertical: "middle", wrapText: true },
    border: BORDER,
    protection: { locked: false },
  },
  computed: {
    font: { ...BODY_FONT, color: { argb: "FF1F3864" } },
    alignment: { horizontal: "right", vertical: "middle" },
    fill: fill("FFEAF1FB"),
    border: BORDER,
  },
};
