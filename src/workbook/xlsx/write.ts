/**
 * Writes the templates with exceljs: the blank template, or a workbook filled from a model. Formulas carry
 * their computed results as cached values, so viewers that do not recalculate still show every number.
 */
import ExcelJS from "exceljs";
import { compute, sheetValues, type ComputedValue, type HelperCells } from "../../domain/compute";
import { CONTRACT, SHEETS, TEMPLATE_VERSION, type ContractEntry, type TableEntry } from "../../domain/contract";
import type { Dec } from "../../domain/decimal";
import { emptyModel, type WorkbookModel } from "../../domain/model";
import type { ProfileChoice } from "../../domain/profiles";
import { publishedValues, type PublishedValue } from "../../domain/published";
import {
  COLUMN_INPUT_RULES,
  FORMULAS,
  KEY_INPUT_RULES,
  KIND_INPUT_RULES,
  LISTS,
  LISTS_SHEET,
  NUMBER_FORMATS,
  SIGNED_AMOUNT_KEYS,
  TEMPLATE_SHEETS,
  VERSION_NAME,
  type TemplateSheet,
  type InputRule,
} from "../../domain/template";
import { layoutsFor, tableRows, type SheetLayout } from "../../domain/layout";
import { valueAtPath as valueAt } from "../../domain/validation/paths";
import { STYLES } from "./styles";
import { absoluteRange, quoteSheet } from "../../domain/a1";

type CellValue = ExcelJS.CellValue;

/** Where the template version is written (a visible note on 报告文字, named for tools). */
export const VERSION_CELL = { sheet: SHEETS.report.name, address: "A10" };

function isDec(value: unknown): value is Dec {
  return typeof value === "object" && value !== null && typeof (value as Dec).toFixed === "function";
}

/** A model value as a cell value: decimals as numbers, ISO dates as dates, empty as null. */
function cellValue(value: unknown, kind: string): CellValue {
  if (value === null || value === undefined) return null;
  if (isDec(value)) return value.toNumber();
  if (kind === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return value as CellValue;
}

function resultOf(value: ComputedValue | undefined): CellValue {
  if (!value) return null;
  if (value.type === "rate") return value.rate.kind === "value" ? value.rate.value.toNumber() : "不适用";
  if (value.type === "amount") return value.amount ? value.amount.toNumber() : null;
  return value.text;
}

function renderStatic(ws: ExcelJS.Worksheet, sheet: TemplateSheet, layout: SheetLayout): void {
  sheet.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const [row, height] of Object.entries(sheet.tallRows)) ws.getRow(layout.row(Number(row))).height = height;
  for (const cell of sheet.cells) {
    const target = ws.getCell(layout.cell(cell.address));
    // Static formulas (titles with the year) have no cached result: fullCalcOnLoad computes them on open.
    target.value = cell.formula ? ({ formula: cell.formula } as ExcelJS.CellFormulaValue) : (cell.value ?? null);
    target.style = STYLES[cell.style];
  }
  for (const merge of sheet.merges) {
    const range = layout.range(merge);
    ws.mergeCells(range);
  }
  ws.getRow(1).height = 30;
}

/** An exceljs data validation from a template rule: Chinese input message and a stop alert. */
function dataValidation(rule: InputRule, row: number, signed = false): ExcelJS.DataValidation {
  const formula = rule.formula.replace("{row}", String(row));
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: "填写提示",
    prompt: rule.prompt,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: "输入有误",
    error: rule.error,
  };
  if (rule.type === "list") return { type: "list", formulae: [formula], ...common };
  if (signed) return { type: "decimal", operator: "between", formulae: [-1e12, 1e12], ...common };
  const upper =
    rule === COLUMN_INPUT_RULES["eval.indicators.weight"]
      ? { operator: "between" as const, formulae: [0, 100] }
      : { operator: "greaterThanOrEqual" as const, formulae: [formula] };
  return { type: rule.type, ...upper, ...common };
}

function placeCell(
  ws: ExcelJS.Worksheet,
  address: string,
  entry: Pick<ContractEntry, "key" | "kind" | "role">,
  value: CellValue,
  formula?: string,
): void {
  const cell = ws.getCell(address);
  cell.style = {
    ...(entry.role === "computed" ? STYLES.computed : STYLES.input),
    numFmt: NUMBER_FORMATS[entry.kind as Exclude<typeof entry.kind, "table">],
  };
  cell.value = formula ? { formula, result: value as string | number } : value;
  const rule = entry.role === "input" ? (KEY_INPUT_RULES[entry.key] ?? KIND_INPUT_RULES[entry.kind]) : undefined;
  if (rule) cell.dataValidation = dataValidation(rule, cell.fullAddress.row, SIGNED_AMOUNT_KEYS.has(entry.key));
}

/** The hidden 字典 sheet: the indicator vocabulary, one named list per column, for the dropdowns. */
function writeLists(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: "hidden" });
  LISTS.forEach((list, i) => {
    const column = ws.getColumn(i + 1);
    column.width = 18;
    list.values.forEach((value, r) => (ws.getCell(r + 1, i + 1).value = value));
    const letter = column.letter;
    wb.definedNames.add(`${quoteSheet(LISTS_SHEET)}!$${letter}$1:$${letter}$${list.values.length}`, list.name);
  });
}

/** A workbook holding the three sheets, filled from `model` (blank when omitted). */
export function buildWorkbook(model: WorkbookModel = emptyModel(), profile?: ProfileChoice): ExcelJS.Workbook {
  return buildKeepingStatements(model, profile).workbook;
}

/**
 * The workbook, and the computed values the model states otherwise than its numbers give: a published 总分
 * of 100 over scores adding to 110 is the department's statement, so that cell keeps the stated value (no
 * formula) and validating the workbook reports the difference, as it would for the value typed in Excel.
 */
export function buildKeepingStatements(
  model: WorkbookModel = emptyModel(),
  profile?: ProfileChoice,
): { workbook: ExcelJS.Workbook; kept: readonly PublishedValue[] } {
  const computation = compute(model, profile);
  // Formula cells cache what the sheet's own formulas show (总分 without a profile's cap: validation says so).
  const computed = new Map(sheetValues(computation).map((value) => [value.key, value]));
  const kept = publishedValues(model, computation).filter((published) => !published.agrees);
  const keptKeys = new Set(kept.map((published) => published.value.key));
  const rows = tableRows({
    "basic.projects.lines": model.basic.projects.lines.length,
    "eval.indicators": model.eval.indicators.length,
  });
  const layouts = layoutsFor(rows);

  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手";
  wb.title = "部门整体支出绩效自评";
  wb.calcProperties.fullCalcOnLoad = true;

  for (const sheet of TEMPLATE_SHEETS) {
    const layout = layouts[sheet.id];
    const ws = wb.addWorksheet(sheet.name, {
      views: [{ state: "frozen", ySplit: sheet.headerRows, showGridLines: false }],
      pageSetup: {
        paperSize: 9,
        orientation: sheet.landscape ? "landscape" : "portrait",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `1:${sheet.headerRows}`,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
    });
    renderStatic(ws, sheet, layout);

    for (const entry of CONTRACT.filter((e) => e.sheet === sheet.id)) {
      const name = (range: string) =>
        wb.definedNames.add(`${quoteSheet(sheet.name)}!${absoluteRange(range)}`, entry.name);
      if (entry.table) {
        const helpers = entry.key === "eval.indicators" ? computation.indicators.map((i) => i.helper) : [];
        writeTable(ws, entry, layout, model, rows[entry.key]!, helpers);
        const t = entry.table;
        const last = t.columns[t.columns.length - 1]!.column;
        name(`A${t.headerRow + 1}:${last}${t.headerRow + rows[entry.key]!}`);
        continue;
      }
      if (entry.parts) {
        const triple = valueAt(model, entry.key) as Record<string, unknown>;
        for (const part of entry.parts)
          placeCell(ws, layout.cell(part.address), entry, cellValue(triple[part.part], entry.kind));
        name(layout.range(entry.address));
        continue;
      }
      const address = layout.cell(entry.address);
      const formula = keptKeys.has(entry.key) ? undefined : FORMULAS[entry.key];
      placeCell(
        ws,
        address,
        entry,
        formula ? resultOf(computed.get(entry.key)) : cellValue(valueAt(model, entry.key), entry.kind),
        formula,
      );
      name(address);
    }
  }

  writeLists(wb);
  const report = wb.getWorksheet(VERSION_CELL.sheet)!;
  const versionCell = report.getCell(VERSION_CELL.address);
  versionCell.value = TEMPLATE_VERSION;
  versionCell.style = STYLES.note;
  report.getCell("B10").value = "← 模板版本（请勿修改）";
  report.getCell("B10").style = STYLES.note;
  wb.definedNames.add(`${quoteSheet(VERSION_CELL.sheet)}!${absoluteRange(VERSION_CELL.address)}`, VERSION_NAME);
  return { workbook: wb, kept };
}

function writeTable(
  ws: ExcelJS.Worksheet,
  entry: TableEntry,
  layout: SheetLayout,
  model: WorkbookModel,
  rowCount: number,
  /** The helper columns' values per row, as computed once (the cached results of their JXZP formulas). */
  helpers: readonly HelperCells[],
): void {
  const table = entry.table;
  const data = (valueAt(model, entry.key) as Array<Record<string, unknown>>) ?? [];
  const rows: CellValue[][] = [];
  for (let i = 0; i < rowCount; i++) {
    const row = data[i];
    rows.push(
      table.columns.map((column) => {
        const formula = FORMULAS[`${entry.key}.${column.key}`];
        if (!formula) return cellValue(row?.[column.key], column.kind);
        // IFERROR shows "" where the function refuses; a row beyond the data is empty too.
        const helper = helpers[i];
        const value = column.key === "completion" ? helper?.completion : helper?.suggestedScore;
        return { formula, result: value ?? "" } as CellValue;
      }),
    );
  }
  ws.addTable({
    name: table.name,
    ref: `A${layout.row(table.headerRow)}`,
    headerRow: true,
    style: { theme: "TableStyleLight1", showRowStripes: false },
    columns: table.columns.map((column) => ({ name: column.label, filterButton: false })),
    rows,
  });
  for (let i = 0; i < rowCount; i++) {
    const rowNumber = layout.row(table.headerRow) + 1 + i;
    // Viewers do not grow rows to wrapped text on their own: give long texts the lines they need.
    const longest = Math.max(
      0,
      ...table.columns.map((c) => (c.kind === "text" ? String(data[i]?.[c.key] ?? "").length : 0)),
    );
    if (longest > 16) ws.getRow(rowNumber).height = 15 * Math.min(8, Math.ceil(longest / 16));
    for (const column of table.columns) {
      const cell = ws.getCell(`${column.column}${rowNumber}`);
      cell.style = {
        ...(column.role === "computed" ? STYLES.computed : STYLES.input),
        numFmt: NUMBER_FORMATS[column.kind],
      };
      const rule =
        COLUMN_INPUT_RULES[`${entry.key}.${column.key}`] ??
        (column.role === "input" ? KIND_INPUT_RULES[column.kind] : undefined);
      if (rule) cell.dataValidation = dataValidation(rule, rowNumber);
    }
  }
  for (const column of table.columns)
    ws.getCell(`${column.column}${layout.row(table.headerRow)}`).style = STYLES.header;
}
