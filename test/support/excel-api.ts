/**
 * The part of the Excel JavaScript API that the in-memory Excel (fake-excel.ts) implements: the members
 * the Office.js adapters (src/workbook/office/) use, typed from @types/office-js.
 *
 * Properties are picked from the Office classes with their Office types. Methods that return Excel
 * objects are function-typed properties (so tsc checks their parameters strictly, not bivariantly) that
 * return the narrower interfaces below. The fake's classes `implements` these interfaces, and
 * fake-excel.ts requires Excel.RequestContext to be assignable to RequestContextApi: so every member the
 * fake has exists in Excel with a type Excel accepts, and a wrong signature on either side fails to compile.
 */

/** load("items/name,items/id"): the string forms the adapters use (not the object forms). */
type Load<T> = (propertyNames?: string | string[]) => T;

export interface RangeFormatApi extends Pick<
  Excel.RangeFormat,
  "wrapText" | "verticalAlignment" | "horizontalAlignment" | "indentLevel" | "columnWidth" | "rowHeight"
> {
  readonly font: Pick<Excel.RangeFont, "name" | "size" | "bold" | "color">;
  readonly fill: Pick<Excel.RangeFill, "color">;
  readonly protection: Pick<Excel.FormatProtection, "locked">;
  readonly borders: {
    getItem: (index: `${Excel.BorderIndex}`) => Pick<Excel.RangeBorder, "style" | "color">;
  };
}

export interface RangeApi extends Pick<
  Excel.Range,
  "address" | "values" | "formulas" | "formulasLocal" | "numberFormat" | "select" | "merge"
> {
  /**
   * Office's RangeValueType as the strings Excel returns ("Empty", "Double" …): the enum object
   * exists only in Office.
   */
  readonly valueTypes: Array<Array<`${Excel.RangeValueType}`>>;
  readonly format: RangeFormatApi;
  readonly dataValidation: Pick<Excel.DataValidation, "rule" | "prompt" | "errorAlert">;
  load: Load<this>;
}

export interface TableApi extends Pick<Excel.Table, "name" | "showFilterButton" | "style"> {
  getRange: () => RangeApi;
  load: Load<this>;
}

/** A table found by name when the batch runs (tables.getItem). */
export interface TableByNameApi extends Pick<Excel.Table, "name" | "showTotals"> {
  getRange: () => RangeApi;
  readonly rows: { add: (index: number | undefined, values: Array<Array<boolean | string | number>>) => void };
  load: Load<this>;
}

export interface WorksheetApi extends Pick<
  Excel.Worksheet,
  "id" | "name" | "visibility" | "showGridlines" | "delete" | "activate"
> {
  getRange: (address: string) => RangeApi;
  /** The cells that hold a value or formula (the adapters pass valuesOnly: true). */
  getUsedRange: (valuesOnly?: boolean) => RangeApi;
  readonly tables: { add: (address: string, hasHeaders: boolean) => TableApi };
  readonly freezePanes: Pick<Excel.WorksheetFreezePanes, "freezeRows">;
  readonly pageLayout: Pick<
    Excel.PageLayout,
    "orientation" | "paperSize" | "zoom" | "centerHorizontally" | "setPrintTitleRows"
  >;
  load: Load<this>;
}

/** A sheet found by name when the batch runs (worksheets.getItem). */
export interface WorksheetByNameApi extends Pick<Excel.Worksheet, "activate"> {
  getRange: (address: string) => RangeApi;
  getUsedRange: (valuesOnly?: boolean) => RangeApi;
}

export interface WorksheetCollectionApi {
  readonly items: WorksheetApi[];
  add: (name: string) => WorksheetApi;
  getItem: (key: string) => WorksheetByNameApi;
  getItemOrNullObject: (key: string) => Pick<Excel.Worksheet, "delete">;
  load: Load<this>;
}

export interface NamedItemApi extends Pick<Excel.NamedItem, "name" | "formula" | "isNullObject" | "delete"> {
  getRange: () => RangeApi;
  load: Load<this>;
}

export interface NamedItemCollectionApi {
  readonly items: NamedItemApi[];
  add: (name: string, reference: string) => void;
  getItem: (name: string) => NamedItemApi;
  getItemOrNullObject: (name: string) => NamedItemApi;
  load: Load<this>;
}

export interface TableCollectionApi {
  readonly items: TableApi[];
  getItem: (key: string) => TableByNameApi;
  load: Load<this>;
}

export interface RequestContextApi {
  sync: () => Promise<void>;
  readonly application: Pick<Excel.Application, "suspendApiCalculationUntilNextSync" | "calculate">;
  readonly workbook: {
    readonly worksheets: WorksheetCollectionApi;
    readonly names: NamedItemCollectionApi;
    readonly tables: TableCollectionApi;
  };
}
