/**
 * Changes named cells of an .xlsx on a copy, by editing the XML text of the parts concerned.
 *
 * Why not exceljs: reading a workbook into a model and writing it again drops whatever the model does not
 * know (charts, comments, slicers, pivot caches, some styles, other writers' extensions). Here the package is
 * unzipped (fflate), the text of the worksheets and table parts that must change is edited with small regular
 * expressions over start tags (no DOM, no general XML parser), and the entries are zipped again in the same
 * order under the same names. Every other entry keeps its bytes; in an edited sheet, every cell not named
 * keeps its text; sharedStrings.xml is never touched (text is written as inline strings).
 *
 * Pure: no Node APIs (no Buffer, no fs), so the browser page and the CLI share it.
 *
 * Conventions and limits (documented choices):
 * - Cell edits are applied in the order given, then table rows in the order given; a later edit sees the
 *   earlier ones (two rows for one table fill two rows).
 * - Cells and rows without an `r` attribute (the spec allows it) are located by counting: a row without `r`
 *   follows the row before it, a cell without `r` the cell before it. An edited cell always gets its `r`.
 * - A table is extended by one row only when it has no totals row (`totalsRowCount` > 0 is refused: moving the
 *   totals row down is a change of layout we leave to Excel). Extending does not fill calculated columns and
 *   does not update defined names that cover the table's rows (workbook.xml stays byte-identical); readers that
 *   locate a table by its name (ours do) see the new row.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { columnLetter, columnNumber } from "../../domain/a1";

/** A number, a text, or a formula (with or without its leading "=") with an optional cached result. */
export type CellValueEdit = number | string | { formula: string; result?: number | string };

export interface CellEdit {
  /** The sheet's name as shown on its tab. */
  sheet: string;
  /** An A1 address: "B5". */
  cell: string;
  value: CellValueEdit;
}

export interface TableRowEdit {
  /** The table's name (or display name), e.g. entryOf("review.acknowledgements").table.name. */
  table: string;
  /** Values by column header; columns not named are left as they are. */
  values: Readonly<Record<string, string | number>>;
}

export interface WorkbookEdits {
  cells?: readonly CellEdit[];
  tableRows?: readonly TableRowEdit[];
}

/** An edit that cannot be made safely; the message is Chinese and names the sheet, cell or table. */
export class WorkbookEditError extends Error {
  override name = "WorkbookEditError";
}

/** Excel's limit on the characters of a cell. */
export const MAX_CELL_TEXT = 32767;

/**
 * A copy of `bytes` (an .xlsx) with the edits applied; the input is not modified.
 * Throws WorkbookEditError when the file is not a workbook or an edit cannot be made without harm.
 */
export function editWorkbookCopy(bytes: Uint8Array, edits: WorkbookEdits): Uint8Array {
  const pkg = new Package(bytes);
  const book = new Workbook(pkg);
  let removedFormula = false;
  for (const edit of edits.cells ?? []) {
    const sheet = book.sheet(edit.sheet);
    const address = parseCellAddress(edit.cell, sheet.name);
    removedFormula = writeCell(pkg, sheet, address, edit.value) || removedFormula;
  }
  for (const edit of edits.tableRows ?? []) removedFormula = writeTableRow(pkg, book, edit) || removedFormula;
  // Excel reports a corrupt file when calcChain.xml names a cell that no longer holds a formula; without the
  // chain it simply rebuilds one. So the chain goes, but only when a formula was removed.
  if (removedFormula) dropCalcChain(pkg, book);
  return pkg.zip();
}

// ── The package: zip entries in their order, text parts decoded on demand ─────────────────────────────────────

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

class Package {
  private readonly names: string[] = [];
  /** Entries the original stored without compression (kept so). */
  private readonly stored = new Set<string>();
  private readonly entries: Record<string, Uint8Array>;
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();

  constructor(bytes: Uint8Array) {
    try {
      // The filter sees the central directory in order: it records the order and the compression of each entry.
      this.entries = unzipSync(bytes, {
        filter: (file) => {
          this.names.push(file.name);
          if (file.compression === 0) this.stored.add(file.name);
          return true;
        },
      });
    } catch (error) {
      throw new WorkbookEditError(`不是有效的 .xlsx 工作簿（${(error as Error).message}）`);
    }
  }

  /** The entry's name as stored: part names are case-insensitive (OPC), zip names are not. */
  find(part: string): string | undefined {
    if (this.removed.has(part)) return undefined;
    if (Object.prototype.hasOwnProperty.call(this.entries, part)) return part;
    const lower = part.toLowerCase();
    return this.names.find((name) => name.toLowerCase() === lower && !this.removed.has(name));
  }

  text(part: string): string {
    const name = this.find(part);
    if (name === undefined) throw new WorkbookEditError(`工作簿缺少部件 ${part}`);
    let text = this.texts.get(name);
    if (text === undefined) {
      try {
        text = decoder.decode(this.entries[name]);
      } catch {
        throw new WorkbookEditError(`工作簿的部件 ${name} 不是 UTF-8 编码的 XML，无法修改`);
      }
      this.texts.set(name, text);
    }
    return text;
  }

  setText(part: string, text: string): void {
    const name = this.find(part)!;
    this.texts.set(name, text);
    this.changed.add(name);
  }

  remove(part: string): void {
    const name = this.find(part);
    if (name !== undefined) this.removed.add(name);
  }

  zip(): Uint8Array {
    const files: Zippable = {};
    for (const name of this.names) {
      if (this.removed.has(name)) continue;
      const data = this.changed.has(name) ? encoder.encode(this.texts.get(name)!) : this.entries[name]!;
      files[name] = this.stored.has(name) ? [data, { level: 0 }] : data;
    }
    return zipSync(files);
  }
}

// ── XML text: escaping, start tags, elements ──────────────────────────────────────────────────────────────────

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (match, hex, dec, name) => {
    if (name) return ENTITIES[name]!;
    const code = parseInt(hex ?? dec, hex ? 16 : 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

/** An unescaped ST_Xstring (a sheet, table or column name) as the user sees it: `_xHHHH_` escapes decoded. */
const decodeXstring = (text: string) =>
  text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Whether the UTF-16 unit at `i` cannot be written as XML 1.0 text: control characters, U+FFFE/FFFF, lone
 * surrogates, and CR (legal, but parsers turn it into LF; Excel writes it as `_x000D_` too).
 */
function mustEncode(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (Number.isNaN(code)) return false;
  if (code < 0x20) return code !== 0x09 && code !== 0x0a;
  if (code === 0xfffe || code === 0xffff) return true;
  if (isHigh(code)) return !isLow(text.charCodeAt(i + 1));
  if (isLow(code)) return !isHigh(text.charCodeAt(i - 1));
  return false;
}

const hexEscape = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Text as ST_Xstring element content: & < > " escaped, characters XML cannot carry as `_xHHHH_`, and the "_"
 * of a literal `_xHHHH` that a reader would decode (followed by "_" or by an escape we write) as `_x005F_`.
 */
function encodeXstring(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (mustEncode(text, i)) out += hexEscape(text.charCodeAt(i));
    else if (ch === "_" && /^x[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 6)) && decodable(text, i + 6))
      out += "_x005F_";
    else out += XML_ESCAPES[ch] ?? ch;
  }
  return out;
}

/** Whether the text written at `i` starts with "_": a literal "_" or an escape of ours. */
const decodable = (text: string, i: number) => text[i] === "_" || mustEncode(text, i);

/** True when the text needs an `_xHHHH_` escape (a literal one, or a character XML cannot carry). */
const needsXstringEscapes = (text: string) => encodeXstring(text) !== escapeMarkup(text);
const escapeMarkup = (text: string) => text.replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch]!);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");

/** The attributes of a start tag as written, `(\/?)>` closing it. */
const ATTRIBUTES = String.raw`((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>`;
const patterns = new Map<string, RegExp>();

function pattern(source: string): RegExp {
  let found = patterns.get(source);
  if (!found) patterns.set(source, (found = new RegExp(source, "g")));
  found.lastIndex = 0;
  return found;
}

/** An element found in a text: offsets of its start tag, content and end. */
interface Element {
  start: number;
  /** After the start tag's ">". */
  open: number;
  /** Where the end tag starts (= open when self-closing). */
  close: number;
  /** After the element. */
  end: number;
  attributes: string;
  selfClosing: boolean;
}

/**
 * The first element `<prefix local …>` starting in [from, limit), with its end tag (elements of one name do not
 * nest in the parts we edit: rows, cells, tables). `where` names the part in the error for a missing end tag.
 */
function findElement(xml: string, prefix: string, local: string, where: string, from = 0, limit = xml.length) {
  const name = escapeRegExp(prefix + local);
  const start = pattern(`<${name}(?=[\\s/>])${ATTRIBUTES}`);
  start.lastIndex = from;
  const match = start.exec(xml);
  if (!match || match.index >= limit) return null;
  const open = match.index + match[0].length;
  const element: Element = {
    start: match.index,
    open,
    close: open,
    end: open,
    attributes: match[1]!,
    selfClosing: match[2] === "/",
  };
  if (element.selfClosing) return element;
  const endTag = pattern(`</${name}\\s*>`);
  endTag.lastIndex = open;
  const close = endTag.exec(xml);
  if (!close) throw new WorkbookEditError(`${where}的 XML 不完整：<${prefix}${local}> 没有结束标记`);
  return { ...element, close: close.index, end: close.index + close[0].length };
}

function* elements(xml: string, prefix: string, local: string, where: string, from: number, limit: number) {
  for (let at = from; ;) {
    const element = findElement(xml, prefix, local, where, at, limit);
    if (!element) return;
    yield element;
    at = element.end;
  }
}

const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag: name, raw text (with its leading space) and unescaped value. */
function attributeList(attributes: string): Array<{ name: string; raw: string; value: string }> {
  return [...attributes.matchAll(ATTRIBUTE)].map((m) => ({
    name: m[1]!,
    raw: m[0],
    value: unescapeXml(m[2] ?? m[3]!),
  }));
}

function attribute(attributes: string, name: string): string | undefined {
  return attributeList(attributes).find((a) => a.name === name)?.value;
}

/** The attributes with `name` set to `value` (an XML-safe value: numbers, references), in place when present. */
function withAttribute(attributes: string, name: string, value: string): string {
  const list = attributeList(attributes);
  if (!list.some((a) => a.name === name)) return `${attributes} ${name}="${value}"`;
  return list.map((a) => (a.name === name ? ` ${name}="${value}"` : a.raw)).join("");
}

/** The element's start tag with other attributes (`<p:row …>` or `<p:row …/>`). */
const startTag = (prefix: string, local: string, attributes: string, selfClosing: boolean) =>
  `<${prefix}${local}${attributes}${selfClosing ? "/>" : ">"}`;

const splice = (text: string, start: number, end: number, insert: string) =>
  text.slice(0, start) + insert + text.slice(end);

/** The namespace prefix of the part's root element ("x:" for `<x:worksheet>`, "" for the default namespace). */
function rootPrefix(xml: string, local: string, where: string): string {
  const root = /<(?![?!])(?:([\w.-]+):)?([\w.-]+)/.exec(xml);
  if (!root || root[2] !== local) throw new WorkbookEditError(`${where}不是预期的 <${local}> 部件`);
  return root[1] ? `${root[1]}:` : "";
}

// ── Addresses and ranges ──────────────────────────────────────────────────────────────────────────────────────

interface Address {
  column: number;
  row: number;
}
interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

function parseAddress(text: string): Address | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!match) return null;
  const address = { column: columnNumber(match[1]!.toUpperCase()), row: Number(match[2]) };
  return address.row >= 1 && address.row <= MAX_ROW && address.column <= MAX_COLUMN ? address : null;
}

function parseCellAddress(text: string, sheet: string): Address {
  const address = parseAddress(text);
  if (!address) throw new WorkbookEditError(`工作表「${sheet}」中没有单元格「${text}」：地址无效`);
  return address;
}

const formatAddress = (a: Address) => `${columnLetter(a.column)}${a.row}`;

function parseRange(ref: string | undefined): Range | null {
  const [first, last = first] = (ref ?? "").split(":");
  const a = parseAddress(first ?? "");
  const b = parseAddress(last ?? "");
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

function formatRange(r: Range): string {
  const first = formatAddress({ column: r.left, row: r.top });
  const last = formatAddress({ column: r.right, row: r.bottom });
  return first === last ? first : `${first}:${last}`;
}

const contains = (r: Range, a: Address) =>
  a.row >= r.top && a.row <= r.bottom && a.column >= r.left && a.column <= r.right;
const intersects = (a: Range, b: Range) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

// ── Relationships, sheets and tables ──────────────────────────────────────────────────────────────────────────

interface Relationship {
  id: string;
  type: string;
  /** The part the relationship points to (resolved against its source), or the raw target when external. */
  target: string;
  external: boolean;
  element: Element;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name: "/xl/x.xml" from the root, "worksheets/x.xml" and "../x" relative. */
function resolveTarget(source: string, target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // not percent-encoded after all: keep it as written
  }
  const segments = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

function relationships(pkg: Package, source: string): Relationship[] {
  const part = relsPartOf(source);
  if (!pkg.find(part)) return [];
  const xml = pkg.text(part);
  const prefix = rootPrefix(xml, "Relationships", part);
  return [...elements(xml, prefix, "Relationship", part, 0, xml.length)].map((element) => {
    const get = (name: string) => attribute(element.attributes, name) ?? "";
    const external = get("TargetMode") === "External";
    const target = external ? get("Target") : resolveTarget(source, get("Target"));
    return { id: get("Id"), type: get("Type"), target, external, element };
  });
}

const isType = (relationship: Relationship, type: string) => relationship.type.endsWith(`/${type}`);

interface Sheet {
  /** The name as shown. */
  name: string;
  /** Its part: "xl/worksheets/sheet1.xml". */
  part: string;
  /** The SpreadsheetML prefix its XML uses ("" or "x:"). */
  prefix: string;
}

interface Table {
  part: string;
  /** Its name and display name. */
  names: string[];
  sheet: Sheet;
  prefix: string;
  range: Range;
  headerRows: number;
  totalsRows: number;
  /** Column headers, left to right over the range's columns. */
  headers: string[];
}

/** The workbook part and its sheets, read once. */
class Workbook {
  readonly part: string;
  readonly sheets: ReadonlyArray<{ name: string; relationship: Relationship | undefined }>;

  constructor(private readonly pkg: Package) {
    const main = relationships(pkg, "").find((r) => isType(r, "officeDocument") && !r.external);
    this.part = main?.target ?? "xl/workbook.xml";
    const xml = pkg.text(this.part);
    const prefix = rootPrefix(xml, "workbook", "工作簿（workbook.xml）");
    const rels = relationships(pkg, this.part);
    this.sheets = [...elements(xml, prefix, "sheet", "工作簿（workbook.xml）", 0, xml.length)].map((element) => {
      // The relationship id is r:id, whatever the prefix bound to the relationships namespace is called.
      const id = attributeList(element.attributes).find((a) => /^[\w.-]+:id$/.test(a.name))?.value;
      const name = decodeXstring(attribute(element.attributes, "name") ?? "");
      return { name, relationship: rels.find((r) => r.id === id) };
    });
  }

  sheet(name: string): Sheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new WorkbookEditError(`工作簿中没有工作表「${name}」`);
    const relationship = found.relationship;
    if (!relationship || relationship.external || !this.pkg.find(relationship.target))
      throw new WorkbookEditError(`工作表「${name}」在工作簿中找不到它的部件`);
    if (!isType(relationship, "worksheet"))
      throw new WorkbookEditError(`「${name}」不是普通工作表（图表工作表或对话框工作表），不能写入单元格`);
    const part = this.pkg.find(relationship.target)!;
    return { name, part, prefix: rootPrefix(this.pkg.text(part), "worksheet", `工作表「${name}」`) };
  }

  /** The tables of every worksheet. */
  tables(): Table[] {
    const found: Table[] = [];
    for (const { name, relationship } of this.sheets) {
      if (!relationship || !isType(relationship, "worksheet") || !this.pkg.find(relationship.target)) continue;
      const sheet = this.sheet(name);
      for (const rel of relationships(this.pkg, sheet.part))
        if (isType(rel, "table") && !rel.external && this.pkg.find(rel.target))
          found.push(readTable(this.pkg, this.pkg.find(rel.target)!, sheet));
    }
    return found;
  }

  table(name: string): Table {
    const found = this.tables().find((t) => t.names.includes(name));
    if (!found) throw new WorkbookEditError(`工作簿中没有表格「${name}」`);
    return found;
  }
}

function readTable(pkg: Package, part: string, sheet: Sheet): Table {
  const xml = pkg.text(part);
  const where = `表格部件 ${part}`;
  const prefix = rootPrefix(xml, "table", where);
  const root = findElement(xml, prefix, "table", where)!;
  const get = (name: string) => attribute(root.attributes, name);
  const names = [get("name"), get("displayName")].filter((n) => n !== undefined).map(decodeXstring);
  const range = parseRange(get("ref"));
  if (!range) throw new WorkbookEditError(`表格「${names[0]}」（工作表「${sheet.name}」）的范围「${get("ref")}」无效`);
  const headers = [...elements(xml, prefix, "tableColumn", where, root.open, root.close)].map((column) =>
    decodeXstring(attribute(column.attributes, "name") ?? ""),
  );
  if (headers.length !== range.right - range.left + 1)
    throw new WorkbookEditError(`表格「${names[0]}」（工作表「${sheet.name}」）的列数与其范围 ${get("ref")} 不符`);
  const count = (name: string, fallback: number) => Number(get(name) ?? fallback) || 0;
  return {
    part,
    names,
    sheet,
    prefix,
    range,
    headerRows: count("headerRowCount", 1),
    totalsRows: count("totalsRowCount", 0),
    headers,
  };
}

// ── Cells of a worksheet ──────────────────────────────────────────────────────────────────────────────────────

const sheetLabel = (sheet: Sheet) => `工作表「${sheet.name}」`;

function sheetData(xml: string, sheet: Sheet): Element {
  const data = findElement(xml, sheet.prefix, "sheetData", sheetLabel(sheet));
  if (!data) throw new WorkbookEditError(`${sheetLabel(sheet)}的 XML 中没有 <sheetData>，无法修改`);
  // The scanner reads tags, not XML: a comment or CDATA section among the cells could hide a tag from it.
  // No spreadsheet application writes one there; refuse rather than guess.
  for (const marker of ["<!--", "<![CDATA["]) {
    const at = xml.indexOf(marker, data.open);
    if (at !== -1 && at < data.close)
      throw new WorkbookEditError(`${sheetLabel(sheet)}的单元格数据中含有 XML 注释或 CDATA 段，无法安全修改`);
  }
  return data;
}

/** The rows of sheetData with their numbers: `r`, or one more than the row before (r may be omitted). */
function* sheetRows(xml: string, sheet: Sheet, data: Element) {
  let number = 0;
  for (const element of elements(xml, sheet.prefix, "row", sheetLabel(sheet), data.open, data.close)) {
    const r = attribute(element.attributes, "r");
    number = r === undefined ? number + 1 : Number(r);
    if (!Number.isInteger(number) || number < 1)
      throw new WorkbookEditError(`${sheetLabel(sheet)}中有行号「${r}」无效的行，无法修改`);
    yield { number, element };
  }
}

/** The cells of a row with their column numbers: from `r`, or one more than the cell before. */
function* rowCells(xml: string, sheet: Sheet, row: Element) {
  let column = 0;
  for (const element of elements(xml, sheet.prefix, "c", sheetLabel(sheet), row.open, row.close)) {
    const r = attribute(element.attributes, "r");
    const address = r === undefined ? null : parseAddress(r);
    if (r !== undefined && !address) throw new WorkbookEditError(`${sheetLabel(sheet)}中有地址「${r}」无效的单元格`);
    column = address ? address.column : column + 1;
    yield { column, element };
  }
}

/** Where an address is in the sheet's XML: its row and cell when present, else where each would go. */
interface Place {
  data: Element;
  row: Element | null;
  /** Where the row goes when missing: before the first row below it. */
  rowAt: number;
  cell: Element | null;
  /** Where the cell goes when missing (in an existing row): before the first cell right of it. */
  cellAt: number;
}

function locate(xml: string, sheet: Sheet, address: Address): Place {
  const data = sheetData(xml, sheet);
  for (const { number, element: row } of sheetRows(xml, sheet, data)) {
    if (number < address.row) continue;
    if (number > address.row) return { data, row: null, rowAt: row.start, cell: null, cellAt: -1 };
    for (const { column, element: cell } of rowCells(xml, sheet, row)) {
      if (column < address.column) continue;
      if (column > address.column) return { data, row, rowAt: -1, cell: null, cellAt: cell.start };
      return { data, row, rowAt: -1, cell, cellAt: -1 };
    }
    return { data, row, rowAt: -1, cell: null, cellAt: row.close };
  }
  return { data, row: null, rowAt: data.close, cell: null, cellAt: -1 };
}

/** `<p:x …/>` written as `<p:x …></p:x>`, so that children can go in. */
const expanded = (xml: string, element: Element, prefix: string, local: string) =>
  splice(xml, element.start, element.end, startTag(prefix, local, element.attributes, false) + `</${prefix}${local}>`);

/** A child element of a cell (f, v, is, extLst) as text relative to the cell's content, or null. */
function child(xml: string, cell: Element, prefix: string, local: string): { element: Element; inner: string } | null {
  if (cell.selfClosing) return null;
  // Searched in the cell's content only: a search in the whole sheet could run to its end for each cell.
  const inner = xml.slice(cell.open, cell.close);
  const element = findElement(inner, prefix, local, "单元格");
  return element ? { element, inner } : null;
}

/** Whether a cell shows something: a cached or typed value, or an inline string. */
function holdsValue(xml: string, sheet: Sheet, cell: Element): boolean {
  if (child(xml, cell, sheet.prefix, "is")) return true;
  const v = child(xml, cell, sheet.prefix, "v");
  return v !== null && v.element.close > v.element.open;
}

function rowHoldsValue(xml: string, sheet: Sheet, row: Element, left: number, right: number): boolean {
  for (const { column, element } of rowCells(xml, sheet, row))
    if (column >= left && column <= right && holdsValue(xml, sheet, element)) return true;
  return false;
}

/** What a cell edit writes: its `t` attribute and its children. */
interface Content {
  type?: string;
  children: string;
  formula: boolean;
}

function numberText(value: number, label: string): string {
  if (!Number.isFinite(value)) throw new WorkbookEditError(`${label}：数值必须是有限数，收到 ${String(value)}`);
  return Object.is(value, -0) ? "0" : String(value);
}

function checkedText(text: string, label: string): string {
  if (text.length > MAX_CELL_TEXT)
    throw new WorkbookEditError(
      `${label}：文字有 ${text.length} 个字符，超过 Excel 单元格 ${MAX_CELL_TEXT} 个字符的上限`,
    );
  return text;
}

/**
 * An inline string (sharedStrings.xml stays as it is). Text that needs `_xHHHH_` escapes goes in one run without
 * formatting (valid CT_Rst, read alike by Excel and LibreOffice) because exceljs decodes the escapes only in runs.
 */
function inlineString(prefix: string, text: string): string {
  const t = `<${prefix}t xml:space="preserve">${encodeXstring(text)}</${prefix}t>`;
  return `<${prefix}is>${needsXstringEscapes(text) ? `<${prefix}r>${t}</${prefix}r>` : t}</${prefix}is>`;
}

/** Excel's limit on a formula's length. */
const MAX_FORMULA = 8192;

function cellContent(prefix: string, value: CellValueEdit, label: string): Content {
  const v = (text: string) => `<${prefix}v>${text}</${prefix}v>`;
  if (typeof value === "number") return { children: v(numberText(value, label)), formula: false };
  if (typeof value === "string")
    return { type: "inlineStr", children: inlineString(prefix, checkedText(value, label)), formula: false };
  const formula = value.formula.trim().replace(/^=/, "");
  if (!formula) throw new WorkbookEditError(`${label}：公式为空`);
  if (formula.length > MAX_FORMULA)
    throw new WorkbookEditError(`${label}：公式有 ${formula.length} 个字符，超过 Excel ${MAX_FORMULA} 个字符的上限`);
  const f = `<${prefix}f>${encodeXstring(formula)}</${prefix}f>`;
  const { result } = value;
  if (result === undefined) return { children: f, formula: true };
  if (typeof result === "number") return { children: f + v(numberText(result, label)), formula: true };
  return { type: "str", children: f + v(encodeXstring(checkedText(result, label))), formula: true };
}

function cellText(prefix: string, attributes: string, content: Content, extension: string): string {
  const all = attributes + (content.type ? ` t="${content.type}"` : "");
  const children = content.children + extension;
  return children ? `<${prefix}c${all}>${children}</${prefix}c>` : `<${prefix}c${all}/>`;
}

/**
 * The cell rewritten: its attributes kept (style `s` above all) except `t`, and `cm`/`vm` (metadata of the old
 * formula or value: a dynamic-array flag, a linked data type); f, v and is replaced, extLst kept.
 */
function rewrittenCell(xml: string, cell: Element, prefix: string, address: Address, content: Content): string {
  const kept = attributeList(cell.attributes).filter((a) => !["t", "cm", "vm"].includes(a.name));
  const r = kept.some((a) => a.name === "r") ? "" : ` r="${formatAddress(address)}"`;
  const extension = child(xml, cell, prefix, "extLst");
  const extText = extension ? extension.inner.slice(extension.element.start, extension.element.end) : "";
  return cellText(prefix, r + kept.map((a) => a.raw).join(""), content, extText);
}

/**
 * Refuses to touch a cell whose change breaks others: the master of a shared formula (the cells sharing it
 * take their formula from its text), an array formula or data table, or a cell inside their range.
 */
function guardFormulas(xml: string, sheet: Sheet, place: Place, address: Address, label: string): void {
  const f = place.cell ? child(xml, place.cell, sheet.prefix, "f") : null;
  const type = f ? attribute(f.element.attributes, "t") : undefined;
  const ref = f ? attribute(f.element.attributes, "ref") : undefined;
  if (type === "shared" && ref !== undefined)
    throw new WorkbookEditError(
      `${label}：该单元格是共享公式的首格（共享范围 ${ref}），修改它会破坏范围内其他单元格的公式，未修改`,
    );
  for (const f of elements(xml, sheet.prefix, "f", sheetLabel(sheet), place.data.open, place.data.close)) {
    const t = attribute(f.attributes, "t");
    if (t !== "array" && t !== "dataTable") continue;
    const range = parseRange(attribute(f.attributes, "ref"));
    if (range && contains(range, address)) {
      const what = t === "array" ? "数组公式" : "模拟运算表";
      throw new WorkbookEditError(`${label}：该单元格属于${what}（范围 ${formatRange(range)}），不能单独修改`);
    }
  }
}

/** The row's `spans` (an optional hint: the columns its cells occupy) widened to a new column. */
function widenSpans(xml: string, sheet: Sheet, row: Element, column: number): string {
  const spans = attribute(row.attributes, "spans");
  const pairs = (spans ?? "").split(/\s+/).map((pair) => pair.split(":").map(Number));
  if (!spans || pairs.some(([lo, hi]) => lo! <= column && column <= hi!)) return xml;
  const lo = Math.min(column, ...pairs.map((p) => p[0]!));
  const hi = Math.max(column, ...pairs.map((p) => p[1] ?? p[0]!));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return xml;
  const tag = startTag(sheet.prefix, "row", withAttribute(row.attributes, "spans", `${lo}:${hi}`), row.selfClosing);
  return splice(xml, row.start, row.open, tag);
}

/** `<dimension ref>` (the used range) grown to cover the address when it lies outside. */
function extendDimension(xml: string, sheet: Sheet, address: Address): string {
  const data = sheetData(xml, sheet);
  const dimension = findElement(xml, sheet.prefix, "dimension", sheetLabel(sheet), 0, data.start);
  const range = dimension ? parseRange(attribute(dimension.attributes, "ref")) : null;
  if (!dimension || !range || contains(range, address)) return xml;
  const grown = {
    top: Math.min(range.top, address.row),
    left: Math.min(range.left, address.column),
    bottom: Math.max(range.bottom, address.row),
    right: Math.max(range.right, address.column),
  };
  const attributes = withAttribute(dimension.attributes, "ref", formatRange(grown));
  return splice(
    xml,
    dimension.start,
    dimension.open,
    startTag(sheet.prefix, "dimension", attributes, dimension.selfClosing),
  );
}

/**
 * Writes one cell, creating its row and cell in order when missing. `value` null only creates a missing cell
 * (with `style`, for a row added to a table); `style` is used only for a cell created. Returns whether a formula
 * was removed (then calcChain.xml must go).
 */
function writeCell(pkg: Package, sheet: Sheet, address: Address, value: CellValueEdit | null, style?: string) {
  const label = `${sheetLabel(sheet)}的单元格 ${formatAddress(address)}`;
  const content = value === null ? null : cellContent(sheet.prefix, value, label);
  const p = sheet.prefix;
  let xml = pkg.text(sheet.part);
  const data = sheetData(xml, sheet);
  if (data.selfClosing) xml = expanded(xml, data, p, "sheetData");
  let place = locate(xml, sheet, address);
  if (place.row?.selfClosing) {
    xml = expanded(xml, place.row, p, "row");
    place = locate(xml, sheet, address);
  }
  if (place.cell && content === null) return false;
  guardFormulas(xml, sheet, place, address, label);

  const fresh = () =>
    cellText(p, ` r="${formatAddress(address)}"${style ? ` s="${style}"` : ""}`, content ?? EMPTY, "");
  let removedFormula = false;
  if (place.cell) {
    removedFormula = child(xml, place.cell, p, "f") !== null && !content!.formula;
    xml = splice(xml, place.cell.start, place.cell.end, rewrittenCell(xml, place.cell, p, address, content!));
  } else if (place.row) {
    // The cell first, then the row's start tag before it: the offsets of the start tag stay valid.
    xml = splice(xml, place.cellAt, place.cellAt, fresh());
    xml = widenSpans(xml, sheet, place.row, address.column);
  } else {
    xml = splice(xml, place.rowAt, place.rowAt, `<${p}row r="${address.row}">${fresh()}</${p}row>`);
  }
  pkg.setText(sheet.part, extendDimension(xml, sheet, address));
  return removedFormula;
}

const EMPTY: Content = { children: "", formula: false };

/** The style (`s`) of a cell, if it exists and has one. */
function styleAt(pkg: Package, sheet: Sheet, address: Address): string | undefined {
  const xml = pkg.text(sheet.part);
  const cell = locate(xml, sheet, address).cell;
  return cell ? attribute(cell.attributes, "s") : undefined;
}

// ── Table rows ────────────────────────────────────────────────────────────────────────────────────────────────

/** The first data row whose cells in the table's columns are all empty (a missing row is empty), or null. */
function firstEmptyRow(xml: string, table: Table, first: number, last: number): number | null {
  const { sheet, range } = table;
  let expected = first;
  for (const { number, element } of sheetRows(xml, sheet, sheetData(xml, sheet))) {
    if (number < first) continue;
    if (number > last || number > expected) break;
    if (!rowHoldsValue(xml, sheet, element, range.left, range.right)) return number;
    expected = number + 1;
  }
  return expected <= last ? expected : null;
}

/**
 * Grows the table by the row below it: its `ref`, and the refs of its autoFilter and sort state that reach its
 * last row. Refused when the table has a totals row, or when the row below is not free (values, another
 * table, merged cells).
 */
function growTable(pkg: Package, book: Workbook, table: Table, label: string): number {
  const { range, sheet } = table;
  if (table.totalsRows > 0)
    throw new WorkbookEditError(`${label}已没有空行，且末尾有汇总行，无法追加一行；请先在 Excel 中为表格插入一行`);
  const row = range.bottom + 1;
  if (row > MAX_ROW) throw new WorkbookEditError(`${label}已没有空行，且已到工作表末尾，无法追加一行`);
  const below: Range = { ...range, top: row, bottom: row };
  const refuse = (why: string) => {
    throw new WorkbookEditError(`${label}已没有空行，其下一行（第 ${row} 行）${why}，无法追加一行`);
  };
  const xml = pkg.text(sheet.part);
  for (const { number, element } of sheetRows(xml, sheet, sheetData(xml, sheet)))
    if (number === row && rowHoldsValue(xml, sheet, element, range.left, range.right)) refuse("已有内容");
  const other = book
    .tables()
    .find((t) => t.sheet.part === sheet.part && t.part !== table.part && intersects(t.range, below));
  if (other) refuse(`属于表格「${other.names[0]}」`);
  for (const merge of elements(xml, sheet.prefix, "mergeCell", sheetLabel(sheet), 0, xml.length)) {
    const merged = parseRange(attribute(merge.attributes, "ref"));
    if (merged && intersects(merged, below)) refuse(`有合并单元格 ${formatRange(merged)}`);
  }

  let part = pkg.text(table.part);
  const where = `表格部件 ${table.part}`;
  const root = findElement(part, table.prefix, "table", where)!;
  const refs: Array<{ element: Element; local: string; range: Range }> = [];
  for (const local of ["autoFilter", "sortState", "sortCondition"])
    for (const element of elements(part, table.prefix, local, where, root.open, root.close)) {
      const ref = parseRange(attribute(element.attributes, "ref"));
      if (ref && ref.bottom === range.bottom) refs.push({ element, local, range: { ...ref, bottom: row } });
    }
  refs.push({ element: root, local: "table", range: { ...range, bottom: row } });
  // From the end of the text backwards, so that each splice leaves the offsets before it valid.
  for (const { element, local, range: grown } of refs.sort((a, b) => b.element.start - a.element.start)) {
    const attributes = withAttribute(element.attributes, "ref", formatRange(grown));
    part = splice(part, element.start, element.open, startTag(table.prefix, local, attributes, element.selfClosing));
  }
  pkg.setText(table.part, part);
  return row;
}

/** Writes a table row in its first empty data row, or in a row added below it. Returns whether a formula went. */
function writeTableRow(pkg: Package, book: Workbook, edit: TableRowEdit): boolean {
  const table = book.table(edit.table);
  const { range, sheet } = table;
  const label = `表格「${edit.table}」（工作表「${sheet.name}」）`;
  const values = Object.entries(edit.values).map(([header, value]) => {
    const index = table.headers.indexOf(header);
    if (index < 0) throw new WorkbookEditError(`${label}没有列「${header}」；它的列是：${table.headers.join("、")}`);
    return { column: range.left + index, value };
  });
  const first = range.top + table.headerRows;
  const last = range.bottom - table.totalsRows;
  let row = firstEmptyRow(pkg.text(sheet.part), table, first, last);
  const grown = row === null;
  if (row === null) row = growTable(pkg, book, table, label);

  let removedFormula = false;
  for (const { column, value } of values) {
    const style = grown ? styleAt(pkg, sheet, { column, row: row - 1 }) : undefined;
    removedFormula = writeCell(pkg, sheet, { column, row }, value, style) || removedFormula;
  }
  // A grown row looks like the rows above it: its other cells take their style, as Excel does when a table grows.
  if (grown)
    for (let column = range.left; column <= range.right; column++) {
      const style = styleAt(pkg, sheet, { column, row: row - 1 });
      if (style !== undefined) writeCell(pkg, sheet, { column, row }, null, style);
    }
  return removedFormula;
}

// ── calcChain ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Removes xl/calcChain.xml, its relationship from the workbook and its Override from [Content_Types].xml. */
function dropCalcChain(pkg: Package, book: Workbook): void {
  const relationship = relationships(pkg, book.part).find((r) => isType(r, "calcChain") && !r.external);
  const part = relationship?.target ?? resolveTarget(book.part, "calcChain.xml");
  if (!pkg.find(part)) return;
  pkg.remove(part);
  if (relationship) {
    const rels = relsPartOf(book.part);
    const xml = pkg.text(rels);
    pkg.setText(rels, splice(xml, relationship.element.start, relationship.element.end, ""));
  }
  const types = "[Content_Types].xml";
  if (!pkg.find(types)) return;
  let xml = pkg.text(types);
  const prefix = rootPrefix(xml, "Types", types);
  const overrides = [...elements(xml, prefix, "Override", types, 0, xml.length)].filter(
    (o) => (attribute(o.attributes, "PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase(),
  );
  for (const o of overrides.reverse()) xml = splice(xml, o.start, o.end, "");
  pkg.setText(types, xml);
}
