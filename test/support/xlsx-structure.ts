/**
 * A structural check of an .xlsx file, for what makes Excel repair a file on open (or refuse what users
 * type): every XML part well-formed; every data-validation formula a number, a quoted list or a formula
 * over names, sheets, tables and Excel functions that exist; every defined name pointing at an existing
 * sheet and a valid range, or at an existing table; no cell text over Excel's 32,767 characters; every
 * formula cell with a cached value (so viewers that do not recalculate show it) and no numeric cell holding
 * NaN. `structuralProblems` lists what is wrong, in English, naming the part; empty when the file is clean.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { SaxesParser } from "saxes";

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;
/** Excel's limit on a data validation's literal list ("a,b,c"), quotes excluded. */
const MAX_LIST_CHARS = 255;
const MAX_ROW = 1048576;
const MAX_COLUMN = 16384; // XFD

interface XmlElement {
  /** The local name, without its prefix ("formula1" for x14:formula1). */
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (not its descendants'). */
  text: string;
}

/** The parsed part, or the parser's first complaint. */
function parseXml(xml: string): { root: XmlElement } | { error: string } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let error: string | null = null;
  parser.on("error", (e) => (error ??= e.message));
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    const element: XmlElement = { local: tag.local, attributes, children: [], text: "" };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on("closetag", () => void stack.pop());
  const onText = (text: string) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= e instanceof Error ? e.message : String(e);
  }
  if (error !== null) return { error };
  return root ? { root } : { error: "no root element" };
}

function* descendants(element: XmlElement, local: string): Iterable<XmlElement> {
  for (const child of element.children) {
    if (child.local === local) yield child;
    yield* descendants(child, local);
  }
}

const child = (element: XmlElement, local: string) => element.children.find((c) => c.local === local);
/** All the text of an element and its descendants of name `local` (a shared string's runs). */
const textOf = (element: XmlElement, local = "t") =>
  element.local === local ? element.text : [...descendants(element, local)].map((t) => t.text).join("");

/** The resolved path of a relationship target, relative to the part that holds the relationship. */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

function columnNumberOf(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** "A1", "$B$20", "XFD1048576"; false beyond the sheet's edges. */
function isCellReference(text: string): boolean {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text);
  if (!match) return false;
  const row = Number(match[2]);
  return columnNumberOf(match[1]!) <= MAX_COLUMN && row >= 1 && row <= MAX_ROW;
}
const isColumn = (text: string) =>
  /^\$?[A-Za-z]{1,3}$/.test(text) && columnNumberOf(text.replace("$", "")) <= MAX_COLUMN;
const isRow = (text: string) =>
  /^\$?\d+$/.test(text) && Number(text.replace("$", "")) >= 1 && Number(text.replace("$", "")) <= MAX_ROW;

/** "A1", "A1:B2", "$A:$C", "$1:$1". */
function isRange(text: string): boolean {
  const [from, to, ...rest] = text.split(":");
  if (rest.length > 0 || from === undefined) return false;
  if (to === undefined) return isCellReference(from);
  return (
    (isCellReference(from) && isCellReference(to)) || (isColumn(from) && isColumn(to)) || (isRow(from) && isRow(to))
  );
}

/** Excel worksheet functions a formula of ours may use (a practical list, not Excel's whole catalogue). */
const FUNCTIONS = new Set(
  (
    "ABS AND AVERAGE AVERAGEIF AVERAGEIFS CEILING CHAR CHOOSE CLEAN CODE COLUMN COLUMNS CONCAT CONCATENATE COUNT " +
    "COUNTA COUNTBLANK COUNTIF COUNTIFS DATE DATEDIF DATEVALUE DAY EDATE EOMONTH EXACT FALSE FILTER FIND FLOOR " +
    "HLOOKUP HOUR IF IFERROR IFNA IFS INDEX INDIRECT INT ISBLANK ISERR ISERROR ISEVEN ISLOGICAL ISNA ISNONTEXT " +
    "ISNUMBER ISODD ISTEXT LARGE LEFT LEN LET LOOKUP LOWER MATCH MAX MAXIFS MEDIAN MID MIN MINIFS MINUTE MOD " +
    "MONTH N NA NOT NOW OFFSET OR POWER PRODUCT PROPER RANK REPLACE REPT RIGHT ROUND ROUNDDOWN ROUNDUP ROW ROWS " +
    "SEARCH SECOND SIGN SMALL SORT SQRT SUBSTITUTE SUBTOTAL SUM SUMIF SUMIFS SUMPRODUCT SWITCH T TEXT TEXTJOIN " +
    "TIME TODAY TRIM TRUE TRUNC UNIQUE UPPER VALUE VLOOKUP WEEKDAY XLOOKUP XOR YEAR"
  ).split(" "),
);

/** What a formula may refer to. */
interface Scope {
  readonly sheets: ReadonlySet<string>;
  /** Upper-cased: Excel's names are case-insensitive. */
  readonly names: ReadonlySet<string>;
  readonly tables: ReadonlySet<string>;
}

const BAD_LITERALS = /^(nan|undefined|null|-?infinity|\[object \w+\])$/i;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const NAME_CHAR = /[A-Za-z0-9_.$\\\u00c0-\uffff]/;

/** Why `text` is not a valid formula (a data validation's, a defined name's), or null when it is. */
export function formulaProblem(text: string, scope: Scope): string | null {
  let t = text.trim();
  if (t.startsWith("=")) t = t.slice(1).trim();
  if (t === "") return "empty formula";
  if (BAD_LITERALS.test(t)) return `"${t}" is not a formula`;
  if (NUMBER.test(t)) return null;
  let depth = 0;
  let i = 0;
  const sheetThen = (sheet: string, at: number): string | null => {
    if (!scope.sheets.has(sheet)) return `unknown sheet "${sheet}"`;
    let end = at;
    while (end < t.length && /[A-Za-z0-9$:]/.test(t[end]!)) end++;
    const reference = t.slice(at, end);
    if (!isRange(reference)) return `invalid reference "${sheet}!${reference}"`;
    i = end;
    return null;
  };
  while (i < t.length) {
    const c = t[i]!;
    if (c === '"') {
      let end = i + 1;
      for (;;) {
        end = t.indexOf('"', end);
        if (end === -1) return "unbalanced quotes";
        if (t[end + 1] === '"') end += 2;
        else break;
      }
      i = end + 1;
    } else if (c === "'") {
      let end = i + 1;
      for (;;) {
        end = t.indexOf("'", end);
        if (end === -1) return "unbalanced quotes";
        if (t[end + 1] === "'") end += 2;
        else break;
      }
      if (t[end + 1] !== "!") return "a quoted sheet name without a reference";
      const problem = sheetThen(t.slice(i + 1, end).replace(/''/g, "'"), end + 2);
      if (problem) return problem;
    } else if (c === "(") {
      depth++;
      i++;
    } else if (c === ")") {
      if (--depth < 0) return "unbalanced parentheses";
      i++;
    } else if (c === "{") {
      const end = t.indexOf("}", i);
      if (end === -1) return "unbalanced braces";
      i = end + 1;
    } else if (c === "#") {
      return `error value in formula (${t.slice(i, i + 8)})`;
    } else if (/\d/.test(c) || (c === "." && /\d/.test(t[i + 1] ?? ""))) {
      const match = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?(:\$?\d+)?/.exec(t.slice(i))!;
      if (match[3] && !isRange(match[0])) return `invalid reference "${match[0]}"`;
      i += match[0].length;
    } else if (NAME_CHAR.test(c)) {
      let end = i;
      while (end < t.length && NAME_CHAR.test(t[end]!)) end++;
      const word = t.slice(i, end);
      const next = t[end];
      if (next === "(") {
        const name = word.toUpperCase().replace(/^_XLFN\./, "");
        if (!FUNCTIONS.has(name)) return `unknown function ${word}`;
        i = end;
      } else if (next === "!") {
        const problem = sheetThen(word, end + 1);
        if (problem) return problem;
      } else if (next === "[") {
        if (!scope.tables.has(word)) return `unknown table ${word}`;
        let level = 0;
        let at = end;
        do {
          if (at >= t.length) return "unbalanced brackets";
          if (t[at] === "[") level++;
          else if (t[at] === "]") level--;
          at++;
        } while (level > 0);
        i = at;
      } else {
        if (
          !isCellReference(word) &&
          !(isColumn(word) && next === ":") &&
          !/^(TRUE|FALSE)$/i.test(word) &&
          !scope.names.has(word.toUpperCase()) &&
          !scope.tables.has(word)
        )
          return `unknown name "${word}"`;
        i = end;
      }
    } else if ("+-*/^&=<>,:% \t\n;".includes(c)) {
      i++;
    } else {
      return `unexpected "${c}" in formula`;
    }
  }
  return depth === 0 ? null : "unbalanced parentheses";
}

/** Why a defined name's reference is not valid: each area an existing sheet with a valid range, or a table. */
export function referenceProblem(text: string, scope: Scope): string | null {
  const t = text.trim().replace(/^=/, "");
  if (t === "") return "empty reference";
  if (/#REF!/i.test(t)) return "#REF!";
  const table = /^([^[\]!'"]+)(\[.*\])?$/.exec(t);
  if (table && scope.tables.has(table[1]!)) return null;
  // Areas separated by commas outside quotes (Print_Titles: 'S'!$A:$A,'S'!$1:$1).
  const areas: string[] = [];
  let current = "";
  let quoted = false;
  for (const c of t) {
    if (c === "'") quoted = !quoted;
    if (c === "," && !quoted) {
      areas.push(current);
      current = "";
    } else current += c;
  }
  if (quoted) return "unbalanced quotes";
  areas.push(current);
  for (const area of areas) {
    const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(area.trim());
    if (!match) return `"${area}" is neither a sheet's range nor an existing table`;
    const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
    if (!scope.sheets.has(sheet)) return `unknown sheet "${sheet}"`;
    if (!isRange(match[3]!)) return `invalid range "${match[3]}"`;
  }
  return null;
}

/** A data validation's formula: a number (date serial), a quoted list, or a valid formula. */
function validationFormulaProblem(text: string, type: string | undefined, scope: Scope): string | null {
  const t = text.trim();
  const literal = /^"([^"]*)"$/.exec(t);
  if (literal) {
    if (type === "list" && literal[1]!.length > MAX_LIST_CHARS)
      return `a list longer than ${MAX_LIST_CHARS} characters`;
    if (type === "list" && literal[1]!.split(",").some((item) => item.trim() === "")) return "an empty list item";
    return null;
  }
  return formulaProblem(t, scope);
}

/** Excel's names: a letter, _ or \ first, no spaces, not a cell reference. */
const validName = (name: string) =>
  /^[A-Za-z_\\\u00c0-\uffff][A-Za-z0-9_.\\\u00c0-\uffff]*$/.test(name) &&
  !isCellReference(name) &&
  !/^[RC]$/i.test(name);

/** What is wrong with the .xlsx `bytes`, in English, one line a problem; empty when it is clean. */
/** The XML parts of a package, parsed; the parts that are not well-formed, with the parser's complaint. */
function openPackage(bytes: Uint8Array): { parts: Map<string, XmlElement>; malformed: Map<string, string> } {
  const parts = new Map<string, XmlElement>();
  const malformed = new Map<string, string>();
  for (const [path, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels|vml)$/i.test(path)) continue;
    const parsed = parseXml(strFromU8(data));
    if ("error" in parsed) malformed.set(path, parsed.error);
    else parts.set(path, parsed.root);
  }
  return { parts, malformed };
}

/** The workbook's sheets in order, with the path of each one's part. */
function sheetsOf(parts: ReadonlyMap<string, XmlElement>, workbook: XmlElement) {
  const relationships = new Map<string, string>();
  const rels = parts.get("xl/_rels/workbook.xml.rels");
  for (const rel of rels ? descendants(rels, "Relationship") : [])
    relationships.set(rel.attributes.Id!, resolve("xl/workbook.xml", rel.attributes.Target ?? ""));
  return [...descendants(workbook, "sheet")].map((sheet) => ({
    name: sheet.attributes.name ?? "",
    path: relationships.get(sheet.attributes["r:id"] ?? "") ?? "",
  }));
}

export function structuralProblems(bytes: Uint8Array): string[] {
  let opened: ReturnType<typeof openPackage>;
  try {
    opened = openPackage(bytes);
  } catch (e) {
    return [`not a zip: ${e instanceof Error ? e.message : String(e)}`];
  }
  const { parts, malformed } = opened;
  const unreadable = new Set(malformed.keys());
  const problems = [...malformed].map(([path, error]) => `${path}: not well-formed XML: ${error}`);
  const workbook = parts.get("xl/workbook.xml");
  if (!workbook) return unreadable.has("xl/workbook.xml") ? problems : [...problems, "xl/workbook.xml: missing"];
  const sheets = sheetsOf(parts, workbook);
  const tables = new Set<string>();
  for (const [path, root] of parts)
    if (path.startsWith("xl/tables/") && root.local === "table")
      for (const attribute of ["name", "displayName"])
        if (root.attributes[attribute]) tables.add(root.attributes[attribute]!);
  const definedNames = [...descendants(workbook, "definedName")];
  const scope: Scope = {
    sheets: new Set(sheets.map((s) => s.name)),
    names: new Set(definedNames.map((n) => (n.attributes.name ?? "").toUpperCase())),
    tables,
  };

  for (const name of definedNames) {
    const label = name.attributes.name ?? "";
    if (!label.startsWith("_xlnm.") && !validName(label)) problems.push(`defined name "${label}": not a valid name`);
    const problem = referenceProblem(name.text, scope);
    if (problem) problems.push(`defined name "${label}" (${name.text}): ${problem}`);
  }

  const sharedStrings = parts.get("xl/sharedStrings.xml");
  const stringCount = sharedStrings ? sharedStrings.children.filter((c) => c.local === "si").length : 0;
  if (sharedStrings)
    sharedStrings.children
      .filter((c) => c.local === "si")
      .forEach((si, i) => {
        const length = textOf(si).length;
        if (length > MAX_CELL_CHARS) problems.push(`xl/sharedStrings.xml: string ${i} has ${length} characters`);
      });

  for (const sheet of sheets) {
    const root = parts.get(sheet.path);
    if (!root && !unreadable.has(sheet.path)) {
      problems.push(`sheet "${sheet.name}": part ${sheet.path || "(no relationship)"} missing`);
      continue;
    }
    if (!root) continue;
    const where = `sheet "${sheet.name}"`;
    for (const cell of descendants(root, "c")) {
      const ref = cell.attributes.r ?? "?";
      const type = cell.attributes.t ?? "n";
      const formula = child(cell, "f");
      const value = child(cell, "v");
      if (formula && !value) problems.push(`${where} ${ref}: formula without a cached value`);
      if (type === "inlineStr") {
        const length = textOf(child(cell, "is") ?? cell).length;
        if (length > MAX_CELL_CHARS) problems.push(`${where} ${ref}: inline string of ${length} characters`);
      }
      if (!value) continue;
      if (type === "str" && value.text.length > MAX_CELL_CHARS)
        problems.push(`${where} ${ref}: text of ${value.text.length} characters`);
      if (type === "n" && !(NUMBER.test(value.text.trim()) && Number.isFinite(Number(value.text))))
        problems.push(`${where} ${ref}: numeric cell holds "${value.text}"`);
      if (
        type === "s" &&
        !unreadable.has("xl/sharedStrings.xml") &&
        !(Number.isInteger(Number(value.text)) && Number(value.text) < stringCount)
      )
        problems.push(`${where} ${ref}: shared string index "${value.text}" out of range`);
    }
    for (const validation of descendants(root, "dataValidation")) {
      const type = validation.attributes.type;
      const sqref = validation.attributes.sqref ?? child(validation, "sqref")?.text ?? "?";
      for (const local of ["formula1", "formula2"]) {
        const formula = child(validation, local);
        if (!formula) continue;
        // x14 validations hold their formula in <xm:f>.
        const text = child(formula, "f")?.text ?? formula.text;
        const problem = validationFormulaProblem(text, type, scope);
        if (problem) problems.push(`${where} data validation ${sqref} ${local} "${text}": ${problem}`);
      }
      if (type && type !== "any" && type !== "list" && type !== "custom" && !child(validation, "formula1"))
        problems.push(`${where} data validation ${sqref}: a ${type} rule without formula1`);
    }
  }
  return problems;
}

/** A formula cell as the file holds it: its formula and cached value (null when it has none). */
export interface FormulaCell {
  readonly formula: string;
  readonly value: string | number | boolean | null;
}

/**
 * Every formula cell of an .xlsx, by "sheet!A1": its formula (empty for a cell that shares another's) and
 * its cached value, typed as the file says (numbers, text, booleans; an error as its text, "#DIV/0!").
 */
export function formulaCells(bytes: Uint8Array): Map<string, FormulaCell> {
  const { parts, malformed } = openPackage(bytes);
  if (malformed.size > 0) throw new Error(`not well-formed: ${[...malformed.keys()].join(", ")}`);
  const workbook = parts.get("xl/workbook.xml");
  if (!workbook) throw new Error("no xl/workbook.xml");
  const shared = parts.get("xl/sharedStrings.xml");
  const strings = shared ? shared.children.filter((c) => c.local === "si").map((si) => textOf(si)) : [];
  const cells = new Map<string, FormulaCell>();
  for (const sheet of sheetsOf(parts, workbook)) {
    const root = parts.get(sheet.path);
    for (const cell of root ? descendants(root, "c") : []) {
      const formula = child(cell, "f");
      if (!formula) continue;
      const v = child(cell, "v");
      const type = cell.attributes.t ?? "n";
      const value =
        v === undefined
          ? null
          : type === "n"
            ? Number(v.text)
            : type === "b"
              ? v.text === "1"
              : type === "s"
                ? (strings[Number(v.text)] ?? null)
                : v.text;
      cells.set(`${sheet.name}!${cell.attributes.r}`, { formula: formula.text, value });
    }
  }
  return cells;
}

/** The .xlsx `bytes` with one part's text changed by `edit`: how a test breaks a good file on purpose. */
export function editPart(bytes: Uint8Array, path: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  if (!files[path]) throw new Error(`no part ${path}`);
  files[path] = strToU8(edit(strFromU8(files[path]!)));
  return zipSync(files);
}

/** The text of one part of an .xlsx. */
export function partText(bytes: Uint8Array, path: string): string {
  const data = unzipSync(bytes)[path];
  if (!data) throw new Error(`no part ${path}`);
  return strFromU8(data);
}
