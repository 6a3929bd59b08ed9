/**
 * The small parts that say where everything is: the package's and the workbook's relationships, the
 * workbook (sheets, defined names, the 1904 date system), each sheet's tables. Each is scanned whole;
 * together they are a few KB.
 */
import { scanXml } from "./xml";

export interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** A part's relationships by id, targets resolved to zip entry names. */
export function readRelationships(bytes: Uint8Array, partName: string): Map<string, Relationship> {
  const base = partName.slice(0, partName.lastIndexOf("/") + 1);
  const relationships = new Map<string, Relationship>();
  scanXml(bytes, {
    open: (name, a) => {
      const [id, target] = [a.get("Id"), a.get("Target")];
      if (name === "Relationship" && id && target && a.get("TargetMode") !== "External")
        relationships.set(id, { type: a.get("Type") ?? "", target: resolvePart(base, target) });
    },
    close: () => undefined,
  });
  return relationships;
}

/** The relationships part of `partName` (xl/workbook.xml → xl/_rels/workbook.xml.rels). */
export function relationshipsOf(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** A relationship's target as a zip entry name: absolute ("/xl/…") or relative to the source part's folder. */
export function resolvePart(base: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

export interface SheetEntry {
  readonly name: string;
  /** The relationship id of its part. */
  readonly id: string;
}

export interface WorkbookPart {
  readonly sheets: readonly SheetEntry[];
  /** Each defined name's text (the last definition of a name wins, as in exceljs). */
  readonly definedNames: ReadonlyMap<string, string>;
  readonly date1904: boolean;
}

export function readWorkbookPart(bytes: Uint8Array): WorkbookPart {
  const sheets: SheetEntry[] = [];
  const definedNames = new Map<string, string>();
  let date1904 = false;
  let definedName: string | null = null;
  let text = "";
  scanXml(bytes, {
    get wantsText() {
      return definedName !== null;
    },
    open: (name, a) => {
      const [sheetName, id] = [a.get("name"), a.get("id")];
      if (name === "sheet" && sheetName !== undefined && id) sheets.push({ name: sheetName, id });
      else if (name === "workbookPr") date1904 = a.get("date1904") === "1" || a.get("date1904") === "true";
      else if (name === "definedName" && sheetName !== undefined) {
        definedName = sheetName;
        text = "";
      }
    },
    text: (piece) => (text += piece),
    close: (name) => {
      if (name === "definedName" && definedName !== null) {
        definedNames.set(definedName, text);
        definedName = null;
      }
    },
  });
  return { sheets, definedNames, date1904 };
}

export interface TablePart {
  readonly name: string;
  readonly ref: string;
  readonly totalsRow: boolean;
  readonly headers: readonly string[];
}

export function readTablePart(bytes: Uint8Array): TablePart | null {
  let table: { name: string; ref: string; totalsRow: boolean } | null = null;
  const headers: string[] = [];
  scanXml(bytes, {
    open: (name, a) => {
      const [tableName, ref] = [a.get("name"), a.get("ref")];
      if (name === "table" && tableName !== undefined && ref !== undefined)
        table = { name: tableName, ref, totalsRow: a.get("totalsRowCount") === "1" };
      else if (name === "tableColumn") headers.push(a.get("name") ?? "");
    },
    close: () => undefined,
  });
  return table === null ? null : { ...(table as { name: string; ref: string; totalsRow: boolean }), headers };
}
