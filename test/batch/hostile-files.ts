/**
 * Hostile workbooks, generated (no binaries in the repository): a zip whose directory lies about sizes,
 * an amount in exponent notation, a table whose declared range runs to row 999,999,999,999, a unit
 * name holding U+FFFE, an OLE header. Each starts from a good workbook written by buildWorkbook and is
 * edited at the byte or XML level with fflate, as an attacker would.
 */
import { Deflate, deflateSync, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { variedModel } from "../../scripts/batch-samples";

/** A good workbook's bytes: unit `index` of the varied samples. */
export async function goodWorkbook(index: number, edit?: (wb: ReturnType<typeof buildWorkbook>) => void) {
  const wb = buildWorkbook(variedModel(index).model);
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** `bytes` with each XML part passed through `edit` (name, text) → text. */
export function editParts(bytes: Uint8Array, edit: (name: string, text: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts)) {
    if (name.endsWith("/")) continue;
    out[name] = /\.(xml|rels|vml)$/.test(name) ? strToU8(edit(name, strFromU8(data))) : data;
  }
  return zipSync(out);
}

/** The part holding table `name` (table XML: <table … name="绩效指标" … ref="A13:K50">). */
export function withTableRange(bytes: Uint8Array, table: string, range: (ref: string) => string): Uint8Array {
  return editParts(bytes, (name, text) =>
    name.startsWith("xl/tables/") && text.includes(`name="${table}"`)
      ? text.replace(/ ref="([^"]+)"/g, (_m, ref: string) => ` ref="${range(ref)}"`)
      : text,
  );
}

interface RawEntry {
  readonly name: string;
  /** Raw deflate data. */
  readonly compressed: Uint8Array;
  /** What the directory (and local header) declare the entry expands to. */
  readonly declared: number;
}

/** A zip written by hand, so its sizes can say anything; CRCs are 0 (JSZip does not check them). */
function writeZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x0800, true); // UTF-8 names
    l.setUint16(8, 8, true); // deflate
    l.setUint32(18, entry.compressed.length, true);
    l.setUint32(22, entry.declared, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const c = new DataView(record.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 8, true);
    c.setUint32(20, entry.compressed.length, true);
    c.setUint32(24, entry.declared, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    record.set(name, 46);
    chunks.push(local, entry.compressed);
    central.push(record);
    offset += local.length + entry.compressed.length;
  }
  const directory = central.reduce((n, r) => n + r.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directory, true);
  e.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Raw deflate of `megabytes` MB of spaces, streamed (never held whole): ~1 KB per MB. */
function deflatedSpaces(prefix: string, megabytes: number): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (chunk) => out.push(chunk));
  deflate.push(strToU8(prefix));
  const block = new Uint8Array(1024 * 1024).fill(0x20);
  for (let i = 0; i < megabytes; i++) deflate.push(block);
  deflate.push(strToU8("</worksheet>"), true);
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/**
 * A good workbook whose first sheet really inflates to `megabytes` MB while its directory declares its
 * usual size: the guard's directory check passes it, JSZip inflates all of it.
 */
export function lyingZip(good: Uint8Array, megabytes = 300): Uint8Array {
  const parts = unzipSync(good);
  const entries: RawEntry[] = Object.entries(parts)
    .filter(([name]) => !name.endsWith("/"))
    .map(([name, data]) =>
      name === "xl/worksheets/sheet1.xml"
        ? {
            name,
            compressed: deflatedSpaces(strFromU8(data).replace("</worksheet>", ""), megabytes),
            declared: data.length,
          }
        : { name, compressed: deflateSync(data), declared: data.length },
    );
  return writeZip(entries);
}

/** The first bytes of an OLE compound file: an encrypted workbook, or an old .xls. */
export function oleFile(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}

/** A good workbook with `text` in 附件2's 全年预算数 (D4), as a text cell. */
export const amountText = (index: number, text: string) =>
  goodWorkbook(index, (wb) => (wb.getWorksheet("附件2 自评表")!.getCell("D4").value = text));

/** A good workbook whose unit name (附件1 B2) holds `_xFFFE_` in the file: U+FFFE once read. */
export async function unitWithFFFE(index: number): Promise<Uint8Array> {
  const bytes = await goodWorkbook(
    index,
    (wb) => (wb.getWorksheet("附件1 基础数据表")!.getCell("B2").value = "UNITMARK"),
  );
  return editParts(bytes, (_name, text) => text.replace(/UNITMARK/g, "某某局_xFFFE_财务科_x001B_[31m"));
}
