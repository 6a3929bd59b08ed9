/**
 * What a file is, from its bytes rather than its name, so that a message can say what the user gave: a Word
 * document handed to `validate`, a workbook handed to `compute`, a CSV saved from a workbook. Cheap: a zip is
 * recognised by the names in its central directory (nothing is inflated), an OLE file by the names of its
 * streams, text by its first characters.
 */
import { unzipSync } from "fflate";

export type ContentKind =
  | "empty"
  | "xlsx"
  | "xlsb"
  | "docx"
  | "pptx"
  | "ods"
  | "odt"
  | "zip"
  | "brokenZip"
  | "xls"
  | "doc"
  | "encrypted"
  | "ole"
  | "pdf"
  | "json"
  | "csv"
  | "html"
  | "xml2003"
  | "xml"
  | "text"
  | "binary";

export interface Content {
  kind: ContentKind;
  /** What it is, in Chinese, to follow 「是」: "Word 文档（.docx）". */
  what: string;
}

const WHAT: Record<ContentKind, string> = {
  empty: "空文件（0 字节）",
  xlsx: "Excel 工作簿（.xlsx）",
  xlsb: "Excel 二进制工作簿（.xlsb）",
  docx: "Word 文档（.docx）",
  pptx: "PowerPoint 演示文稿（.pptx）",
  ods: "OpenDocument 表格（.ods）",
  odt: "OpenDocument 文档（.odt）",
  zip: "zip 压缩包",
  brokenZip: "损坏或不完整的 zip 文件",
  xls: "旧版 Excel 97-2003 工作簿（.xls）",
  doc: "旧版 Word 97-2003 文档（.doc）",
  encrypted: "受密码保护的 Office 文件",
  ole: "旧版 Office 文件（OLE 格式）",
  pdf: "PDF 文件",
  json: "JSON 文件",
  csv: "CSV 文本（逗号或制表符分隔）",
  html: "网页（HTML）文件",
  xml2003: "Excel 2003 XML 表格",
  xml: "XML 文件",
  text: "文本文件",
  binary: "无法识别的二进制文件",
};

const content = (kind: ContentKind): Content => ({ kind, what: WHAT[kind] });

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function zipEntries(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

function sniffZip(bytes: Uint8Array): Content {
  const names = zipEntries(bytes);
  if (names === null) return content("brokenZip");
  const has = (name: string) => names.includes(name);
  if (has("xl/workbook.xml")) return content("xlsx");
  if (has("xl/workbook.bin")) return content("xlsb");
  if (has("word/document.xml")) return content("docx");
  if (has("ppt/presentation.xml")) return content("pptx");
  // OpenDocument stores its mimetype first and uncompressed, so it is readable in the first bytes.
  const head = Buffer.from(bytes.subarray(0, 128)).toString("latin1");
  if (head.includes("opendocument.spreadsheet")) return content("ods");
  if (head.includes("opendocument.text")) return content("odt");
  return content("zip");
}

function sniffOle(bytes: Uint8Array): Content {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stream = (name: string) => buffer.includes(Buffer.from(name, "utf16le"));
  if (stream("EncryptedPackage")) return content("encrypted");
  if (stream("WordDocument")) return content("doc");
  if (stream("Workbook") || stream("Book")) return content("xls");
  return content("ole");
}

function decodeHead(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024));
  if (head[0] === 0xff && head[1] === 0xfe) return head.subarray(2).toString("utf16le");
  if (head[0] === 0xfe && head[1] === 0xff) return Buffer.from(head.subarray(2)).swap16().toString("utf16le");
  if (head.includes(0)) return null;
  return head.toString("utf8").replace(/^\uFEFF/, "");
}

function sniffText(text: string): Content {
  const start = text.trimStart();
  if (start.startsWith("{") || start.startsWith("[")) return content("json");
  if (start.startsWith("<")) {
    const lower = start.slice(0, 4096).toLowerCase();
    if (lower.includes("urn:schemas-microsoft-com:office:spreadsheet")) return content("xml2003");
    if (/<(!doctype html|html|table|body|meta)\b/.test(lower)) return content("html");
    return content("xml");
  }
  const lines = start.split(/\r?\n/, 3).filter((line) => line.length > 0);
  if (lines.length > 0 && lines.every((line) => /[,\t，]/.test(line))) return content("csv");
  return content("text");
}

/** What `bytes` are. */
export function sniff(bytes: Uint8Array): Content {
  if (bytes.length === 0) return content("empty");
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return sniffZip(bytes);
  if (OLE.every((b, i) => bytes[i] === b)) return sniffOle(bytes);
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-") return content("pdf");
  const text = decodeHead(bytes);
  return text === null ? content("binary") : sniffText(text);
}

/** "是 Word 文档（.docx）", "是空文件（0 字节）": a space between 是 and a Latin word, as Chinese text sets it. */
export const isA = (content: Content): string =>
  /^[A-Za-z0-9]/.test(content.what) ? `是 ${content.what}` : `是${content.what}`;

/** Kinds that are text: what a model JSON file could be, mistakes included. */
export const isText = (kind: ContentKind): boolean => ["json", "csv", "html", "xml", "xml2003", "text"].includes(kind);
