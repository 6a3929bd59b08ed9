/**
 * 安装模板 in Excel through Office.js: the three sheets, defined names, tables, formulas, validation and
 * formats, rendered from the same template data as the .xlsx writer, in two context.sync() calls
 * (one to look, one to write) and a third only to undo a failed write.
 *
 * This first version installs into a workbook that has no template yet and leaves an installed one
 * untouched (idempotent and lossless by construction). Sheets of ours that a user already has under our
 * names but that are not ours (no version name) are never overwritten: ours get a free name.
 */
import { CONTRACT, SHEETS, TEMPLATE_VERSION, type ContractEntry, type SheetId } from "../../domain/contract";
import {
  COLUMN_VALIDATION, FORMULAS, KIND_VALIDATION, LISTS, LISTS_SHEET, NUMBER_FORMATS, SIGNED_AMOUNT_KEYS, TEMPLATE_SHEETS, VERSION_NAME,
  type CellStyle, type TemplateSheet, type ValidationRule,
} from "../../domain/template";
import { columnLetter, splitAddress } from "../../domain/a1";

export type InstallStatus = "installed" | "alreadyInstalled";

export interface InstallResult {
  readonly status: InstallStatus;
  /** Sheet id → the name it was installed under (differs from ours when that name was taken). */
  readonly sheetNames: Readonly<Record<SheetId, string>>;
  readonly syncs: number;
}

/** One Chinese sentence for the user, with what to do. */
export class InstallError extends Error {
  constructor(message: string, readonly reason?: unknown) {
    super(message);
    this.name = "InstallError";
  }
}

const VERSION_ADDRESS = "A10";

/** "附件1 基础数据表" or, when taken by a sheet that is not ours, "附件1 基础数据表 (2)". */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/** Points from character widths (Excel's column width unit is about 7 px per character at 11 pt). */
const widthInPoints = (characters: number) => Math.round(characters * 5.6 + 4);

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const font = range.format.font;
  font.name = style === "title" ? "黑体" : "宋体";
  font.size = style === "title" ? 16 : style === "note" ? 9 : 11;
  font.bold = style === "title" || style === "header" || style === "section";
  range.format.wrapText = style !== "title";
  range.format.verticalAlignment = style === "note" ? "Top" : "Center";
  if (style === "title" || style === "header") range.format.horizontalAlignment = "Center";
  if (style === "subLabel") range.format.indentLevel = 2;
  if (style === "header" || style === "section") range.format.fill.color = "#F2F2F2";
  if (style === "computed") {
    range.format.fill.color = "#EAF1FB";
    font.color = "#1F3864";
  }
  if (style === "input") range.format.protection.locked = false;
  if (style !== "title" && style !== "note") {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = "#808080";
    }
  }
}

function applyValidation(range: Excel.Range, rule: ValidationRule, row: number, signed: boolean): void {
  const formula = rule.formula.replace("{row}", String(row));
  const validation = range.dataValidation;
  if (rule.type === "list") validation.rule = { list: { inCellDropDown: true, source: `=${formula}` } };
  else if (rule.type === "date") validation.rule = { date: { formula1: `=${formula}`, operator: "GreaterThanOrEqualTo" } };
  else {
    const basis = rule === COLUMN_VALIDATION["eval.indicators.weight"]
      ? { formula1: 0, formula2: 100, operator: "Between" as const }
      : signed ? { formula1: -1e12, formula2: 1e12, operator: "Between" as const } : { formula1: 0, operator: "GreaterThanOrEqualTo" as const };
    validation.rule = rule.type === "whole" ? { wholeNumber: basis } : { decimal: basis };
  }
  validation.prompt = { showPrompt: true, title: "填写提示", message: rule.prompt };
  validation.errorAlert = { showAlert: true, style: "Stop", title: "输入有误", message: rule.error };
}

/** Writes one template sheet (blank, default table rows) into `sheet`. */
function writeSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, template: TemplateSheet, sheetName: string): void {
  const entries = CONTRACT.filter((e) => e.sheet === template.id);
  template.columnWidths.forEach((width, i) => (sheet.getRange(`${columnLetter(i + 1)}1`).format.columnWidth = widthInPoints(width)));
  for (const [row, height] of Object.entries({ 1: 30, ...template.tallRows })) sheet.getRange(`A${row}`).format.rowHeight = height;

  // Labels first, then tables (whose headers are labels), then names, then the formulas that use both.
  for (const cell of template.cells.filter((c) => !c.formula)) {
    const range = sheet.getRange(cell.address);
    range.formulas = [[cell.value ?? ""]];
    applyStyle(range, cell.style);
  }
  for (const merge of template.merges) sheet.getRange(merge).merge(false);

  for (const entry of entries) {
    context.workbook.names.add(entry.name, `=${quote(sheetName)}!${absolute(entry.table ? tableBody(entry) : entry.address)}`);
    if (entry.table) writeTable(sheet, entry);
    else writeCells(sheet, entry);
  }

  for (const cell of template.cells.filter((c) => c.formula)) {
    const range = sheet.getRange(cell.address);
    range.formulas = [[`=${cell.formula}`]];
    applyStyle(range, cell.style);
  }
  for (const entry of entries.filter((e) => FORMULAS[e.key])) sheet.getRange(entry.address).formulas = [[`=${FORMULAS[entry.key]}`]];

  sheet.freezePanes.freezeRows(template.headerRows);
  sheet.pageLayout.orientation = template.landscape ? "Landscape" : "Portrait";
  sheet.pageLayout.paperSize = "A4";
  sheet.pageLayout.zoom = { horizontalFitToPages: 1 }; // fit to one page wide; pages run down as needed
  sheet.pageLayout.centerHorizontally = true;
  sheet.pageLayout.setPrintTitleRows(`$1:$${template.headerRows}`);
  sheet.showGridlines = false;
}

function tableBody(entry: ContractEntry): string {
  const t = entry.table!;
  return `A${t.headerRow + 1}:${t.columns[t.columns.length - 1]!.column}${t.headerRow + t.defaultRows}`;
}

function writeCells(sheet: Excel.Worksheet, entry: ContractEntry): void {
  const cells = entry.parts ? entry.parts.map((p) => p.address) : [entry.address];
  for (const address of cells) {
    const range = sheet.getRange(address);
    range.numberFormat = [[NUMBER_FORMATS[entry.kind as Exclude<typeof entry.kind, "table">]]];
    applyStyle(range, entry.role === "computed" ? "computed" : "input");
    const rule = entry.role === "input" ? KIND_VALIDATION[entry.kind] : undefined;
    if (rule) applyValidation(range, rule, splitAddress(address).row, SIGNED_AMOUNT_KEYS.has(entry.key));
  }
}

function writeTable(sheet: Excel.Worksheet, entry: ContractEntry): void {
  const t = entry.table!;
  const last = t.columns[t.columns.length - 1]!.column;
  sheet.getRange(`A${t.headerRow}:${last}${t.headerRow}`).formulas = [t.columns.map((c) => c.label)];
  const table = sheet.tables.add(`A${t.headerRow}:${last}${t.headerRow + t.defaultRows}`, true);
  table.name = t.name;
  table.showFilterButton = false;
  table.style = "TableStyleLight1";
  applyStyle(sheet.getRange(`A${t.headerRow}:${last}${t.headerRow}`), "header");
  for (const column of t.columns) {
    const body = sheet.getRange(`${column.column}${t.headerRow + 1}:${column.column}${t.headerRow + t.defaultRows}`);
    body.numberFormat = Array.from({ length: t.defaultRows }, () => [NUMBER_FORMATS[column.kind]]);
    applyStyle(body, column.role === "computed" ? "computed" : "input");
    const formula = FORMULAS[`${entry.key}.${column.key}`];
    // The same formula in every row makes it a calculated column: rows users add get it too.
    if (formula) body.formulas = Array.from({ length: t.defaultRows }, () => [`=${formula}`]);
    const rule = COLUMN_VALIDATION[`${entry.key}.${column.key}`] ?? (column.role === "input" ? KIND_VALIDATION[column.kind] : undefined);
    if (rule) {
      // Row-relative rules (二级 depends on its row's 一级) are written per row.
      const rows = rule.formula.includes("{row}") ? Array.from({ length: t.defaultRows }, (_, i) => t.headerRow + 1 + i) : [null];
      for (const row of rows) {
        const range = row === null ? body : sheet.getRange(`${column.column}${row}`);
        applyValidation(range, rule, row ?? t.headerRow + 1, false);
      }
    }
  }
}

function writeLists(context: Excel.RequestContext, sheetName: string): void {
  const sheet = context.workbook.worksheets.add(sheetName);
  LISTS.forEach((list, i) => {
    const letter = columnLetter(i + 1);
    sheet.getRange(`${letter}1:${letter}${list.values.length}`).formulas = list.values.map((v) => [v]);
    context.workbook.names.add(list.name, `=${quote(sheetName)}!$${letter}$1:$${letter}$${list.values.length}`);
  });
  sheet.visibility = "Hidden";
}

/**
 * Installs the templates into the open workbook. Two syncs when it installs, one when it finds the
 * templates installed; on a failed write, a third removes what the failed batch had added.
 */
export async function installTemplates(context: Excel.RequestContext): Promise<InstallResult> {
  let syncs = 0;
  const sync = async () => {
    syncs += 1;
    await context.sync();
  };

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const version = context.workbook.names.getItemOrNullObject(VERSION_NAME);
  await sync();

  const standardNames = Object.fromEntries(Object.values(SHEETS).map((s) => [s.id, s.name])) as Record<SheetId, string>;
  if (!version.isNullObject) return { status: "alreadyInstalled", sheetNames: standardNames, syncs };

  const taken = new Set(worksheets.items.map((s) => s.name));
  const sheetNames = {} as Record<SheetId, string>;
  for (const template of TEMPLATE_SHEETS) {
    sheetNames[template.id] = freeName(template.name, taken);
    taken.add(sheetNames[template.id]);
  }
  const listsName = freeName(LISTS_SHEET, taken);

  try {
    context.application.suspendApiCalculationUntilNextSync();
    writeLists(context, listsName);
    const added = {} as Record<SheetId, Excel.Worksheet>;
    for (const template of TEMPLATE_SHEETS) {
      added[template.id] = worksheets.add(sheetNames[template.id]);
      writeSheet(context, added[template.id], template, sheetNames[template.id]);
    }
    const versionCell = added.report.getRange(VERSION_ADDRESS);
    versionCell.formulas = [[TEMPLATE_VERSION]];
    versionCell.numberFormat = [["@"]];
    context.workbook.names.add(VERSION_NAME, `=${quote(sheetNames.report)}!${absolute(VERSION_ADDRESS)}`);
    await sync();
  } catch (error) {
    // A failed batch keeps what ran before the failure: remove our sheets and names again.
    for (const name of [...Object.values(sheetNames), listsName]) context.workbook.worksheets.getItemOrNullObject(name).delete();
    for (const name of [...CONTRACT.map((e) => e.name), ...LISTS.map((l) => l.name), VERSION_NAME]) context.workbook.names.getItemOrNullObject(name).delete();
    try {
      await sync();
    } catch {
      // Nothing more can be done from here; the message below says what to do.
    }
    throw new InstallError(`安装模板失败，工作簿未作改动：${(error as Error).message}。请关闭其他正在编辑的单元格后重试。`, error);
  }
  return { status: "installed", sheetNames, syncs };
}
