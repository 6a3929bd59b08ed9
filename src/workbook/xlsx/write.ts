/**
 * Writes the templates with exceljs: the blank template, or a workbook filled from a model. Every formula
 * carries its computed result as a cached value (the titles with the year too), so viewers that do not
 * recalculate still show every number and label. The helper columns 完成率/建议得分 hold their computed
 * values, not their JXZP formulas: Excel without the add-in could not compute those, and even with it a
 * JXZP formula written into a file calculates only once re-entered (Excel stores add-in calls otherwise).
 *
 * One renderer for every sheet: 附件1, 附件2 and 报告文字 from the contract, and each project's 附件3 (one sheet
 * per `model.projects[i]`, between 附件2 and 报告文字) from its slot's entries, template, formulas and layout,
 * its cached results from computeProject as 附件2's come from compute.
 */
import { cellText } from "../../domain/text-safety";
import ExcelJS from "exceljs";
import { compute, sheetValues, type Computation, type ComputedValue, type HelperCells } from "../../domain/compute";
import {
  CONTRACT,
  SHEETS,
  TABLE_ENTRIES,
  TEMPLATE_VERSION,
  type AnySheetId,
  type CellEntry,
  type SheetId,
  type SomeEntry,
  type TableEntry,
} from "../../domain/contract";
import { Dec, roundAmount, toDec } from "../../domain/decimal";
import { emptyModel, type WorkbookModel } from "../../domain/model";
import { getProfile, type ProfileChoice } from "../../domain/profiles";
import { publishedValues, type PublishedValue } from "../../domain/published";
import {
  COLUMN_INPUT_RULES,
  FORMULAS,
  formulaCellText,
  HELPER_COLUMN_NOTE,
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
import { layoutsFor, projectLayout, tableRows, type SheetLayout, type TableRows } from "../../domain/layout";
import { projectEntries } from "../../domain/projects/contract";
import { projectPublishedValues } from "../../domain/projects/published";
import {
  columnInputRule,
  formulaOf,
  isHelperColumn,
  projectFormulas,
  projectTemplateSheet,
} from "../../domain/projects/template";
import { computeProject, evalKeyOf, projectKeyOf, projectView, sourceRates } from "../../domain/projects/view";
import { withBlankProjects } from "../../domain/projects/editing";
import { valueAtPath as valueAt } from "../../domain/validation/paths";
import { STYLES } from "./styles";
import { absoluteRange, quoteSheet } from "../../domain/a1";

type CellValue = ExcelJS.CellValue;

/** Where the template version is written (a visible note on 报告文字, named for tools). */
export const VERSION_CELL = { sheet: SHEETS.report.name, address: "A10" };

function isDec(value: unknown): value is Dec {
  return typeof value === "object" && value !== null && typeof (value as Dec).toFixed === "function";
}

/**
 * A model value as a cell value: decimals as numbers, ISO dates as dates, empty as null; text made safe
 * for the file (characters XML refuses replaced, at most Excel's 32,767 characters: text-safety.ts).
 */
function cellValue(value: unknown, kind: string): CellValue {
  if (value === null || value === undefined) return null;
  if (isDec(value)) return value.toNumber();
  if (kind === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  if (typeof value === "string") return cellText(value);
  return value as CellValue;
}

/**
 * The cached result of a computed cell's formula: what the formula shows. Where compute() has no number,
 * the formula still shows something: 执行率得分 shows 不适用 over an empty or 0 全年预算数 and 0 otherwise
 * (N() of an empty 分值 or 执行数), 等次 shows "" before any 得分. Never null: a formula without a cached
 * value shows nothing in a viewer that does not recalculate. (One known difference is kept: a rate whose
 * numerator is empty caches compute()'s 不适用 where the formula shows 0, so that reading the file back agrees
 * with compute() and a rewrite keeps the formula.)
 */
function resultOf(value: ComputedValue | undefined, key: string, model: WorkbookModel): string | number {
  if (value?.type === "rate") return value.rate.kind === "value" ? value.rate.value.toNumber() : "不适用";
  if (value?.type === "amount" && value.amount) return value.amount.toNumber();
  if (value?.type === "text") return value.text;
  if (key === "eval.funds.score") {
    const budget = model.eval.funds.fullYearBudget;
    return budget === null || budget.isZero() ? "不适用" : 0;
  }
  return value?.type === "amount" ? 0 : "";
}

/**
 * The cached results of the computed cells that keep their formulas. A formula reads the cells as written,
 * so where the model's stated value is kept in place of a formula, the formulas over that cell read it:
 * 总分 adds a kept 执行率得分, 等次 grades a kept 总分 (the formulas' own arithmetic, as in FORMULAS).
 * Over a project seen as 附件2 (projects/view.ts) this gives the project's results under 附件2's keys.
 */
function formulaResults(
  model: WorkbookModel,
  computation: Computation,
  kept: readonly PublishedValue[],
): Map<string, string | number> {
  const computed = new Map(sheetValues(computation).map((value) => [value.key, value]));
  const keys = Object.keys(FORMULAS).filter((key) => !isHelperColumn(key));
  const results = new Map(keys.map((key) => [key, resultOf(computed.get(key), key, model)]));
  const stated = new Map(kept.map((published) => [published.value.key, published.stated]));
  if (stated.has("eval.funds.score")) {
    // ROUND(IF(ISNUMBER(自评_执行率得分),自评_执行率得分,0)+SUM(绩效指标[得分]),2)
    const score = stated.get("eval.funds.score");
    const scores = model.eval.indicators.map((row) => row.score);
    const total = scores.reduce<Dec>((sum, s) => (s ? sum.plus(s) : sum), isDec(score) ? score : new Dec(0));
    results.set("eval.total", roundAmount(total).toNumber());
  }
  if (computation.scored && (stated.has("eval.total") || stated.has("eval.funds.score"))) {
    // IF(总分>=90,"优",…) over 总分 as its cell holds it, with the bands the formula was built from.
    const total = toDec(stated.has("eval.total") ? stated.get("eval.total") : results.get("eval.total"));
    const bands = getProfile().grades;
    const band = total && bands.find((b) => total.greaterThanOrEqualTo(b.minTotal));
    if (total) results.set("eval.grade", (band ?? bands[bands.length - 1]!).grade);
  }
  return results;
}

/** What one sheet is rendered from, beside its template: its cells, their values, formulas and cached results. */
interface SheetContent {
  readonly sheet: TemplateSheet<AnySheetId>;
  /** The sheet's contract entries: the contract's for the three sheets, a project's slot's for its 附件3. */
  readonly entries: readonly SomeEntry[];
  readonly layout: SheetLayout;
  /** Data rows of each table of the sheet, by key. */
  readonly rows: TableRows;
  /** The 年度 its titles show. */
  readonly year: number | null;
  /** The formula of a computed cell, by key; none where the model's stated value is kept instead. */
  readonly formulas: Readonly<Record<string, string>>;
  /** The cached results of those formulas, by key. */
  readonly results: ReadonlyMap<string, string | number>;
  /** The helper columns' values of the sheet's indicator table, per row. */
  readonly helpers: readonly HelperCells[];
}

/** `formulas` without the helper columns (they hold values) and without the cells whose statement is kept. */
function keptFormulas(formulas: Readonly<Record<string, string>>, kept: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(formulas).filter(([key]) => !kept.has(key) && !isHelperColumn(key)));
}

/** The three sheets' content: the contract's entries, compute()'s results. */
function ownSheets(
  model: WorkbookModel,
  computation: Computation,
  kept: readonly PublishedValue[],
): Record<SheetId, SheetContent> {
  const results = formulaResults(model, computation, kept);
  // Every table's rows as the model holds them (附件1's lines, 附件2's indicators, the form's 机构 …).
  const rows = tableRows(
    Object.fromEntries(
      TABLE_ENTRIES.map((e) => [e.key, (valueAt(model, e.key) as unknown[] | undefined)?.length ?? 0]),
    ),
  );
  const layouts = layoutsFor(rows);
  const formulas = keptFormulas(FORMULAS, new Set(kept.map((published) => published.value.key)));
  const years: Record<SheetId, number | null> = {
    basic: model.basic.year,
    eval: model.eval.year,
    report: null,
    form: null,
  };
  const content = (id: SheetId): SheetContent => ({
    sheet: TEMPLATE_SHEETS.find((sheet) => sheet.id === id)!,
    entries: CONTRACT.filter((entry) => entry.sheet === id),
    layout: layouts[id],
    rows,
    year: years[id],
    formulas,
    results,
    helpers: id === "eval" ? computation.indicators.map((indicator) => indicator.helper) : [],
  });
  return { basic: content("basic"), eval: content("eval"), report: content("report"), form: content("form") };
}

/**
 * Project `index`'s (from 0) 附件3: its slot's entries and template, the rows its indicators take, the results
 * computeProject gives (formulaResults over the project seen as 附件2, keyed back to the project), and its
 * stated values kept where they differ (projectPublishedValues), as 附件2's.
 */
function projectSheet(
  model: WorkbookModel,
  index: number,
  profile: ProfileChoice | undefined,
): { content: SheetContent; kept: PublishedValue[] } {
  const slot = index + 1;
  const project = model.projects[index]!;
  const view = projectView(model, index);
  const computation = computeProject(model, index, profile);
  const kept = projectPublishedValues(model, index, computation).filter((published) => !published.agrees);
  // The same statements under the view's keys, for 附件2's formula arithmetic over them.
  const viewKept = kept.flatMap((published) => {
    const key = evalKeyOf(published.value.key)?.evalKey;
    return key ? [{ ...published, value: { ...published.value, key } }] : [];
  });
  const results = new Map<string, string | number>();
  for (const [key, result] of formulaResults(view, computation, viewKept)) {
    const own = projectKeyOf(slot, key);
    if (own) results.set(own, result);
  }
  // The 执行率 of each source of funds, which only 附件3 has, cached as any rate compute() gives.
  for (const rate of sourceRates(model, index)) results.set(rate.key, resultOf(rate, rate.key, model));
  const formulas = keptFormulas(projectFormulas(slot), new Set(kept.map((published) => published.value.key)));
  const entries = projectEntries(slot);
  const table = entries.find((entry) => entry.table)!;
  const rows = { [table.key]: Math.max(table.table!.defaultRows, project.indicators.length) };
  return {
    content: {
      sheet: projectTemplateSheet(slot),
      entries,
      layout: projectLayout(slot, project.indicators.length),
      rows,
      year: project.year,
      formulas,
      results,
      helpers: computation.indicators.map((indicator) => indicator.helper),
    },
    kept,
  };
}

function renderStatic(ws: ExcelJS.Worksheet, content: SheetContent): void {
  const { sheet, layout } = content;
  sheet.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const [row, height] of Object.entries(sheet.tallRows)) ws.getRow(layout.row(Number(row))).height = height;
  for (const cell of sheet.cells) {
    const target = ws.getCell(layout.cell(cell.address));
    // A title with the year caches what its formula shows for the sheet's 年度.
    target.value = cell.formula
      ? { formula: cell.formula, result: formulaCellText(cell, content.year) ?? "" }
      : (cell.value ?? null);
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
    errorStyle: rule.warnOnly ? ("warning" as const) : ("stop" as const),
    errorTitle: "输入有误",
    error: rule.error,
  };
  if (rule.type === "list") return { type: "list", formulae: [formula], ...common };
  // exceljs writes a date rule's bound from a Date as its serial (36526); a formula text would become NaN.
  if (rule.type === "date" && rule.minimumDate)
    return {
      type: "date",
      operator: "greaterThanOrEqual",
      formulae: [new Date(`${rule.minimumDate}T00:00:00Z`)],
      ...common,
    };
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
  entry: Pick<CellEntry<string, AnySheetId>, "key" | "kind" | "role">,
  value: CellValue,
  formula?: string,
): void {
  const cell = ws.getCell(address);
  cell.style = {
    ...(entry.role === "computed" ? STYLES.computed : STYLES.input),
    numFmt: NUMBER_FORMATS[entry.kind],
  };
  cell.value = formula ? ({ formula, result: value } as ExcelJS.CellFormulaValue) : value;
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

/** A workbook holding the three sheets and a 附件3 per project, filled from `model` (blank when omitted). */
export function buildWorkbook(model: WorkbookModel = emptyModel(), profile?: ProfileChoice): ExcelJS.Workbook {
  return buildKeepingStatements(model, profile).workbook;
}

/** The blank template, with `projects` blank project tables (附件3-1 …). */
export const templateWorkbook = (projects = 0): ExcelJS.Workbook =>
  buildWorkbook(withBlankProjects(emptyModel(), projects));

/**
 * The workbook, and the computed values the model states otherwise than its numbers give: a published 总分
 * of 100 over scores adding to 110 is the department's statement, so that cell keeps the stated value (no
 * formula) and validating the workbook reports the difference, as it would for the value typed in Excel.
 * A project's statements are kept alike, keyed by the project ("projects[2].total").
 */
export function buildKeepingStatements(
  model: WorkbookModel = emptyModel(),
  profile?: ProfileChoice,
): { workbook: ExcelJS.Workbook; kept: readonly PublishedValue[] } {
  const computation = compute(model, profile);
  const kept = publishedValues(model, computation).filter((published) => !published.agrees);
  // Formula cells cache what the sheet's own formulas show (总分 without a profile's cap: validation says so).
  const own = ownSheets(model, computation, kept);
  const projectSheets = model.projects.map((_, index) => projectSheet(model, index, profile));

  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手";
  wb.title = "部门整体支出绩效自评";
  // Excel recalculates on open all the same (INDIRECT is volatile, and a cached value may be stale once the
  // file is edited elsewhere); the cached values serve viewers that do not recalculate.
  wb.calcProperties.fullCalcOnLoad = true;

  // 附件1, 附件2, then 附件3-1 … 附件3-n, then 报告文字: the order of the attachments.
  for (const content of [own.basic, own.eval, ...projectSheets.map((p) => p.content), own.report, own.form])
    renderSheet(wb, model, content);

  writeLists(wb);
  const report = wb.getWorksheet(VERSION_CELL.sheet)!;
  const versionCell = report.getCell(VERSION_CELL.address);
  versionCell.value = TEMPLATE_VERSION;
  versionCell.style = STYLES.note;
  report.getCell("B10").value = "← 模板版本（请勿修改）";
  report.getCell("B10").style = STYLES.note;
  wb.definedNames.add(`${quoteSheet(VERSION_CELL.sheet)}!${absoluteRange(VERSION_CELL.address)}`, VERSION_NAME);
  return { workbook: wb, kept: [...kept, ...projectSheets.flatMap((p) => p.kept)] };
}

/** One sheet: its template, then every entry's cells with their defined names, tables and input rules. */
function renderSheet(wb: ExcelJS.Workbook, model: WorkbookModel, content: SheetContent): void {
  const { sheet, layout } = content;
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
  renderStatic(ws, content);

  for (const entry of content.entries) {
    const name = (range: string) =>
      wb.definedNames.add(`${quoteSheet(sheet.name)}!${absoluteRange(range)}`, entry.name);
    if (entry.table) {
      const rows = content.rows[entry.key]!;
      writeTable(ws, entry, content, model, rows);
      const t = entry.table;
      const last = t.columns[t.columns.length - 1]!.column;
      // A project's table is named by its table name itself (项目2_绩效指标): Excel refuses a defined name
      // that is also a table's name, and the table's name already refers to its data rows.
      if (entry.name !== t.name) name(`A${layout.row(t.headerRow) + 1}:${last}${layout.row(t.headerRow) + rows}`);
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
    const formula = content.formulas[entry.key];
    placeCell(
      ws,
      address,
      entry,
      formula ? content.results.get(entry.key)! : cellValue(valueAt(model, entry.key), entry.kind),
      formula,
    );
    name(address);
  }
}

function writeTable(
  ws: ExcelJS.Worksheet,
  entry: TableEntry<string, AnySheetId>,
  content: SheetContent,
  model: WorkbookModel,
  rowCount: number,
): void {
  const { layout, helpers } = content;
  const table = entry.table;
  const data = (valueAt(model, entry.key) as Array<Record<string, unknown>>) ?? [];
  const rows: CellValue[][] = [];
  for (let i = 0; i < rowCount; i++) {
    const row = data[i];
    rows.push(
      table.columns.map((column) => {
        const key = `${entry.key}.${column.key}`;
        // A helper column holds its value (empty where the function refuses, and beyond the data).
        if (isHelperColumn(key)) {
          const helper = helpers[i];
          return (column.key === "completion" ? helper?.completion : helper?.suggestedScore) ?? null;
        }
        // Every formula column of a table is a helper column: another would need its cached result here.
        if (formulaOf(key)) throw new Error(`no cached result for the formula column ${key}`);
        return cellValue(row?.[column.key], column.kind);
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
        columnInputRule(`${entry.key}.${column.key}`) ??
        (column.role === "input" ? KIND_INPUT_RULES[column.kind] : undefined);
      if (rule) cell.dataValidation = dataValidation(rule, rowNumber);
    }
  }
  for (const column of table.columns) {
    const header = ws.getCell(`${column.column}${layout.row(table.headerRow)}`);
    header.style = STYLES.header;
    if (isHelperColumn(`${entry.key}.${column.key}`)) header.note = HELPER_COLUMN_NOTE;
  }
}
