/**
 * Reading back a report: what src/docx/report.ts and src/docx/form.ts wrote in its custom properties (the data
 * fingerprint, whether it is a draft, the table form it is written in) and the text the document shows, as lines,
 * for jxzp verify to compare with the report the workbook gives.
 *
 * The text is read from the XML as Word shows it, whatever runs a program split it into: one line per
 * paragraph, one per table row (its cells joined by ｜), whitespace collapsed. Deleted text of tracked changes
 * is left out, inserted text kept; the results of page-number fields (which Word fills in when it saves)
 * are left out, any other field's result kept. Headers and footers give lines of their own (页眉：/页脚：),
 * each distinct line once, since their parts are named and repeated as the program that saved them chose.
 */
import JSZip from "jszip";
import { DRAFT_PROPERTY, FINGERPRINT_PROPERTY, FORM_PROPERTY } from "./parts";

export class ReportReadError extends Error {}

async function load(docx: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(docx);
  } catch (error) {
    throw new ReportReadError(`不是有效的 .docx 文档（${(error as Error).message}）`);
  }
}

/** The value of the custom property `name` (docProps/custom.xml), or null. */
function customProperty(custom: string | undefined, name: string): string | null {
  if (!custom) return null;
  const match = new RegExp(`name="${name}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom);
  return match ? decode(match[1]!) : null;
}

function fingerprintIn(custom: string | undefined): string {
  const fingerprint = customProperty(custom, FINGERPRINT_PROPERTY);
  if (!fingerprint || !/^[0-9a-f]{64}$/.test(fingerprint))
    throw new ReportReadError("文档中没有绩效自评助手的数据指纹：它不是由本工具生成的报告");
  return fingerprint;
}

/** The fingerprint a report carries in its custom document properties. */
export async function reportFingerprint(docx: Uint8Array): Promise<string> {
  const zip = await load(docx);
  return fingerprintIn(await zip.file("docProps/custom.xml")?.async("string"));
}

export interface ReportDocument {
  readonly fingerprint: string;
  /** What the report says of itself: generated as a draft (true), as a report (false), or unsaid (null). */
  readonly draft: boolean | null;
  /** The table form it says it is written in (its layout id, yueyang); null for the narrative report. */
  readonly form: string | null;
  /** The body's lines: paragraphs and table rows, in order. */
  readonly body: readonly string[];
  /** Distinct lines of headers and footers, prefixed 页眉：/页脚：, sorted. */
  readonly margins: readonly string[];
}

/** A report's fingerprint, draft flag, form and text. */
export async function readReport(docx: Uint8Array): Promise<ReportDocument> {
  const zip = await load(docx);
  const custom = await zip.file("docProps/custom.xml")?.async("string");
  const fingerprint = fingerprintIn(custom);
  const draftText = customProperty(custom, DRAFT_PROPERTY);
  const form = customProperty(custom, FORM_PROPERTY)?.trim() || null;
  const document = await zip.file("word/document.xml")?.async("string");
  if (document === undefined) throw new ReportReadError("不是有效的 .docx 文档（其中没有 word/document.xml）");
  const margins = new Set<string>();
  for (const name of Object.keys(zip.files).sort()) {
    const part = /^word\/(header|footer)\d*\.xml$/.exec(name);
    if (!part) continue;
    const prefix = part[1] === "header" ? "页眉：" : "页脚：";
    for (const line of documentLines(await zip.file(name)!.async("string"))) margins.add(prefix + line);
  }
  return {
    fingerprint,
    draft: draftText === "是" ? true : draftText === "否" ? false : null,
    form,
    body: documentLines(document),
    margins: [...margins].sort(),
  };
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

/** Whitespace of any kind (full-width and no-break spaces, line breaks) as one space; ends trimmed. */
export const normaliseLine = (text: string): string => text.replace(/[\s\u00a0\u3000]+/g, " ").trim();

/** Fields whose result the program fills in as it lays out pages. */
const PAGE_FIELD = /^\s*(PAGE|NUMPAGES|SECTIONPAGES)\b/i;

/** Elements whose content is not shown as text of the document: deleted text, fallbacks of alternate content. */
const SKIPPED = new Set(["w:del", "w:moveFrom", "w:delText", "mc:Fallback"]);

/** A tag (closing?, name, attributes, self-closing?), CDATA or text; comments and processing instructions. */
const TOKEN = new RegExp(
  [
    String.raw`<!--[\s\S]*?-->`,
    String.raw`<\?[\s\S]*?\?>`,
    String.raw`<!\[CDATA\[([\s\S]*?)\]\]>`,
    String.raw`<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>`,
    String.raw`([^<]+)`,
  ].join("|"),
  "g",
);

interface Field {
  instruction: string;
  /** Past the separator: what follows is the field's result. */
  result: boolean;
}

/** The lines of a WordprocessingML part (document, header or footer): paragraphs and table rows. */
export function documentLines(xml: string): string[] {
  const lines: string[] = [];
  const paragraphs: string[][] = []; // open paragraphs' text (a text box's paragraphs nest in one)
  const rows: string[][] = []; // open table rows: their cells' text
  const cells: string[][] = []; // open cells: their paragraphs
  const fields: Field[] = []; // complex fields (w:fldChar) open
  const simpleFields: boolean[] = []; // w:fldSimple open: whether each is a page field
  let skipped = 0;
  let inText = false;
  let inInstruction = false;

  const visible = () =>
    skipped === 0 && !simpleFields.includes(true) && !fields.some((f) => f.result && PAGE_FIELD.test(f.instruction));
  const append = (text: string) => {
    if (visible()) paragraphs[paragraphs.length - 1]?.push(text);
  };

  for (const match of xml.matchAll(TOKEN)) {
    const [, cdata, closing, name, attributes = "", selfClosing, text] = match;
    if (text !== undefined || cdata !== undefined) {
      const value = cdata ?? decode(text!);
      if (inInstruction) {
        const field = fields[fields.length - 1];
        if (field && !field.result) field.instruction += value;
      } else if (inText) append(value);
      continue;
    }
    if (name === undefined) continue; // a comment or processing instruction
    const opening = closing !== "/";
    const empty = selfClosing === "/";
    if (SKIPPED.has(name)) {
      if (!empty) skipped += opening ? 1 : -1;
      continue;
    }
    switch (name) {
      case "w:t":
        inText = opening && !empty;
        break;
      case "w:instrText":
        inInstruction = opening && !empty;
        break;
      case "w:p":
        if (opening) paragraphs.push([]);
        if (!opening || empty) {
          const line = normaliseLine((paragraphs.pop() ?? []).join(""));
          const cell = cells[cells.length - 1];
          if (cell && paragraphs.length === 0) cell.push(line);
          else if (line !== "") lines.push(line);
        }
        break;
      case "w:br":
      case "w:cr":
      case "w:tab":
        append(" ");
        break;
      case "w:noBreakHyphen":
        append("-");
        break;
      case "w:tr":
        if (opening && !empty) rows.push([]);
        else if (!opening) {
          const row = rows.pop() ?? [];
          if (row.some((cell) => cell !== "")) lines.push(row.join("｜"));
        }
        break;
      case "w:tc":
        if (opening && !empty) cells.push([]);
        else rows[rows.length - 1]?.push(normaliseLine((empty ? [] : (cells.pop() ?? [])).join(" ")));
        break;
      case "w:fldChar": {
        const type = /w:fldCharType\s*=\s*["'](\w+)["']/.exec(attributes)?.[1];
        const field = fields[fields.length - 1];
        if (type === "begin") fields.push({ instruction: "", result: false });
        else if (type === "separate" && field) field.result = true;
        else if (type === "end") fields.pop();
        break;
      }
      case "w:fldSimple":
        if (opening && !empty)
          simpleFields.push(PAGE_FIELD.test(decode(/w:instr\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1] ?? "")));
        else if (!opening) simpleFields.pop();
        break;
    }
  }
  return lines;
}
