/**
 * The write batch of 安装模板 and of 添加项目表: renders the template data (sheets, names, tables, formulas,
 * validation, formats) into the open workbook through Office.js, laid out for the table rows it must hold, and
 * puts back the input values carried over from an earlier install. The three sheets and each project sheet
 * (附件3, projects/template.ts) are rendered by the same code from their own entries, formulas and layout.
 * Only queues operations; the caller syncs.
 */
import {
  CONTRACT,
  TEMPLATE_VERSION,
  type AnySheetId,
  type SheetId,
  type SomeEntry,
  type TableEntry,
} from "../../domain/contract";
import {
  COLUMN_INPUT_RULES,
  KEY_INPUT_RULES,
  KIND_INPUT_RULES,
  LISTS,
  NUMBER_FORMATS,
  SIGNED_AMOUNT_KEYS,
  TEMPLATE_SHEETS,
  VERSION_NAME,
  type CellStyle,
  type TemplateSheet,
  type InputRule,
} from "../../domain/template";
import { absoluteRange as absolute, columnLetter, quoteSheet as quote, splitAddress } from "../../domain/a1";
import { layoutsFor, projectLayout, type SheetLayout, type TableRows } from "../../domain/layout";
import { projectEntries } from "../../domain/projects/contract";
import { columnInputRule, formulaOf, projectTemplateSheet } from "../../domain/projects/template";
import { projectTableEntry } from "./names";

/** Input values kept from an earlier install, as Excel holds them (constants or the user's formulas). */
export interface CarriedInputs {
  /**
   * "basic.staff.actual", "basic.funds.total.prev" for a part of a triple, "projects[2].funds.executed" → the
   * cell's formula or constant.
   */
  readonly cells: ReadonlyMap<string, unknown>;
  /** Table key → its rows, column key → formula or constant. */
  readonly tables: ReadonlyMap<string, ReadonlyArray<Readonly<Record<string, unknown>>>>;
}

/** A project sheet to render: its slot and the name it gets. */
export interface ProjectTarget {
  readonly slot: number;
  readonly sheetName: string;
}

/** What any sheet's rendering needs besides the sheet itself. */
export interface SheetPlan {
  /** Data rows of each table, by table key ("eval.indicators", "projects[2].indicators"). */
  readonly rows: TableRows;
  readonly inputs?: CarriedInputs;
  /**
   * False where the add-in's functions are not there (functions.js failed to associate them): the helper
   * columns are left for their values instead of JXZP formulas that could only show #NAME?.
   */
  readonly functionFormulas?: boolean;
}

export interface RenderPlan extends SheetPlan {
  readonly sheetNames: Readonly<Record<SheetId, string>>;
  readonly listsName: string;
  /** The project sheets (附件3), rendered after the three. */
  readonly projects?: readonly ProjectTarget[];
}

/** Where the template version is written on 报告文字 (its defined name is VERSION_NAME). */
export const VERSION_ADDRESS = "A10";

/** Points from character widths (Excel's column width unit is about 7 px per character at 11 pt). */
const widthInPoints = (characters: number) => Math.round(characters * 5.6 + 4);

const isBlank = (value: unknown) => value === null || value === undefined || value === "";

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

function applyInputRule(range: Excel.Range, rule: InputRule, row: number, signed: boolean): void {
  const formula = rule.formula.replace("{row}", String(row));
  const validation = range.dataValidation;
  // A literal list is passed as "a,b,c" (Office.js's form); a named range or INDIRECT as a formula.
  const literal = /^"(.*)"$/.exec(formula);
  if (rule.type === "list")
    validation.rule = { list: { inCellDropDown: true, source: literal ? literal[1]! : `=${formula}` } };
  else if (rule.type === "date")
    validation.rule = { date: { formula1: `=${formula}`, operator: "GreaterThanOrEqualTo" } };
  else {
    const basis =
      rule === COLUMN_INPUT_RULES["eval.indicators.weight"]
        ? { formula1: 0, formula2: 100, operator: "Between" as const }
        : signed
          ? { formula1: -1e12, formula2: 1e12, operator: "Between" as const }
          : { formula1: 0, operator: "GreaterThanOrEqualTo" as const };
    validation.rule = rule.type === "whole" ? { wholeNumber: basis } : { decimal: basis };
  }
  validation.prompt = { showPrompt: true, title: "填写提示", message: rule.prompt };
  validation.errorAlert = {
    showAlert: true,
    style: rule.warnOnly ? "Warning" : "Stop",
    title: "输入有误",
    message: rule.error,
  };
}

interface SheetTarget {
  readonly context: Excel.RequestContext;
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly layout: SheetLayout;
  readonly plan: SheetPlan;
}

/** Writes one template sheet, with its contract entries, into `target.sheet`. */
function writeSheet(target: SheetTarget, template: TemplateSheet<AnySheetId>, entries: ReadonlyArray<SomeEntry>): void {
  const { context, sheet, layout } = target;
  template.columnWidths.forEach(
    (width, i) => (sheet.getRange(`${columnLetter(i + 1)}1`).format.columnWidth = widthInPoints(width)),
  );
  for (const [row, height] of Object.entries({ 1: 30, ...template.tallRows }))
    sheet.getRange(`A${layout.row(Number(row))}`).format.rowHeight = height;

  // Labels first, then tables (whose headers are labels), then names, then the formulas that use both.
  for (const cell of template.cells.filter((c) => !c.formula)) {
    const range = sheet.getRange(layout.cell(cell.address));
    range.formulas = [[cell.value ?? ""]];
    applyStyle(range, cell.style);
  }
  for (const merge of template.merges) sheet.getRange(layout.range(merge)).merge(false);

  for (const entry of entries) {
    if (entry.table) {
      writeTable(target, entry);
      // A name over the whole data body follows the rows users add. A project's table is named by its key's
      // name itself: Excel refuses a defined name that is a table's name, and the table's name works alike.
      if (entry.name !== entry.table.name) context.workbook.names.add(entry.name, `=${entry.table.name}`);
    } else {
      writeCells(target, entry);
      context.workbook.names.add(entry.name, `=${quote(target.name)}!${absolute(layout.range(entry.address))}`);
    }
  }

  for (const cell of template.cells.filter((c) => c.formula)) {
    const range = sheet.getRange(layout.cell(cell.address));
    range.formulas = [[`=${cell.formula}`]];
    applyStyle(range, cell.style);
  }
  for (const entry of entries.filter((e) => formulaOf(e.key)))
    sheet.getRange(layout.cell(entry.address)).formulas = [[`=${formulaOf(entry.key)}`]];

  sheet.freezePanes.freezeRows(template.headerRows);
  sheet.pageLayout.orientation = template.landscape ? "Landscape" : "Portrait";
  sheet.pageLayout.paperSize = "A4";
  sheet.pageLayout.zoom = { horizontalFitToPages: 1 }; // fit to one page wide; pages run down as needed
  sheet.pageLayout.centerHorizontally = true;
  sheet.pageLayout.setPrintTitleRows(`$1:$${template.headerRows}`);
  sheet.showGridlines = false;
}

/**
 * A cell's number format. A computed text cell (等次) is "General", not text ("@"): Excel enters a
 * formula written into a text-formatted cell as the text of the formula, as if typed there.
 */
function numberFormatOf(entry: SomeEntry): string {
  const format = NUMBER_FORMATS[entry.kind as Exclude<typeof entry.kind, "table">];
  return format === "@" && formulaOf(entry.key) ? "General" : format;
}

function writeCells({ sheet, layout, plan }: SheetTarget, entry: SomeEntry): void {
  const cells = entry.parts
    ? entry.parts.map((p) => ({ address: p.address, carried: `${entry.key}.${p.part}` }))
    : [{ address: entry.address, carried: entry.key }];
  for (const { address: templateAddress, carried } of cells) {
    const address = layout.cell(templateAddress);
    const range = sheet.getRange(address);
    range.numberFormat = [[numberFormatOf(entry)]];
    applyStyle(range, entry.role === "computed" ? "computed" : "input");
    if (entry.role !== "input") continue;
    const rule = KEY_INPUT_RULES[entry.key] ?? KIND_INPUT_RULES[entry.kind];
    if (rule) applyInputRule(range, rule, splitAddress(address).row, SIGNED_AMOUNT_KEYS.has(entry.key));
    const value = plan.inputs?.cells.get(carried);
    if (!isBlank(value)) range.formulas = [[value]];
  }
}

function writeTable({ sheet, layout, plan }: SheetTarget, entry: TableEntry<string, AnySheetId>): void {
  const t = entry.table;
  const rows = plan.rows[entry.key] ?? t.defaultRows;
  const header = layout.row(t.headerRow);
  const first = header + 1;
  const last = t.columns[t.columns.length - 1]!.column;
  const carried = plan.inputs?.tables.get(entry.key) ?? [];
  sheet.getRange(`A${header}:${last}${header}`).formulas = [t.columns.map((c) => c.label)];
  const table = sheet.tables.add(`A${header}:${last}${header + rows}`, true);
  table.name = t.name;
  table.showFilterButton = false;
  table.style = "TableStyleLight1";
  applyStyle(sheet.getRange(`A${header}:${last}${header}`), "header");
  for (const column of t.columns) {
    const body = sheet.getRange(`${column.column}${first}:${column.column}${header + rows}`);
    const template = formulaOf(`${entry.key}.${column.key}`);
    const format = NUMBER_FORMATS[column.kind];
    body.numberFormat = Array.from({ length: rows }, () => [format === "@" && template ? "General" : format]);
    applyStyle(body, column.role === "computed" ? "computed" : "input");
    const formula = plan.functionFormulas === false && template?.includes("JXZP.") ? undefined : template;
    // The same formula in every row makes it a calculated column: rows users add get it too.
    if (formula) body.formulas = Array.from({ length: rows }, () => [`=${formula}`]);
    else if (carried.some((row) => !isBlank(row[column.key])))
      body.formulas = Array.from({ length: rows }, (_, i) => [carried[i]?.[column.key] ?? ""]);
    const rule =
      columnInputRule(`${entry.key}.${column.key}`) ??
      (column.role === "input" ? KIND_INPUT_RULES[column.kind] : undefined);
    if (!rule) continue;
    // Row-relative rules (二级 depends on its row's 一级) are written per row.
    if (!rule.formula.includes("{row}")) applyInputRule(body, rule, first, false);
    else
      for (let row = first; row <= header + rows; row++)
        applyInputRule(sheet.getRange(`${column.column}${row}`), rule, row, false);
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

/** The data rows of project `slot`'s indicator table in `plan` (at least the template's blank rows). */
export function projectRows(rows: TableRows, slot: number): number {
  const entry = projectTableEntry(slot);
  return Math.max(entry.table.defaultRows, rows[entry.key] ?? 0);
}

/** Queues project `target.slot`'s sheet (附件3-n): added under `target.sheetName`, rendered, and returned. */
export function renderProject(context: Excel.RequestContext, target: ProjectTarget, plan: SheetPlan): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(target.sheetName);
  const layout = projectLayout(target.slot, projectRows(plan.rows, target.slot));
  writeSheet(
    { context, sheet, name: target.sheetName, layout, plan },
    projectTemplateSheet(target.slot),
    projectEntries(target.slot),
  );
  return sheet;
}

/** Queues the whole template: the hidden 字典, the three sheets, the version, then the project sheets. */
export function renderTemplates(context: Excel.RequestContext, plan: RenderPlan): void {
  const layouts = layoutsFor(plan.rows);
  writeLists(context, plan.listsName);
  const added = {} as Record<SheetId, Excel.Worksheet>;
  for (const template of TEMPLATE_SHEETS) {
    const name = plan.sheetNames[template.id];
    added[template.id] = context.workbook.worksheets.add(name);
    const entries = CONTRACT.filter((e) => e.sheet === template.id);
    writeSheet({ context, sheet: added[template.id], name, layout: layouts[template.id], plan }, template, entries);
  }
  const versionCell = added.report.getRange(VERSION_ADDRESS);
  versionCell.numberFormat = [["@"]];
  versionCell.formulas = [[TEMPLATE_VERSION]];
  context.workbook.names.add(VERSION_NAME, `=${quote(plan.sheetNames.report)}!${absolute(VERSION_ADDRESS)}`);
  for (const project of plan.projects ?? []) renderProject(context, project, plan);
}
