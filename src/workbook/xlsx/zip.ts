/**
 * A zip read from its central directory, entries inflated one by one and only when asked. Every bound is
 * checked against what is really there: the directory's declared sizes (whole file, total expansion,
 * ratio, entry count) before anything is inflated, and each entry, when inflated, against its own
 * declared size (inflateRaw stops as soon as it would pass it). So a lying or bombing zip costs at most
 * LIMITS.uncompressedBytes of output, in every command and in the browser. Reasons are Chinese.
 */
import { inflateRaw } from "./inflate";
import { LIMITS } from "./limits";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : mb(bytes));
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DAMAGED = "不是完整的 .xlsx 工作簿（zip 目录损坏）";

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressed: number;
  readonly size: number;
  readonly local: number;
}

/** A zip whose directory passed the bounds; `read` inflates one entry (or says why it cannot). */
export interface Zip {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  read(name: string): Uint8Array | { refusal: string } | null;
}

/** The zip in `data`, or why it cannot be a workbook (Chinese). Reads the directory only. */
export function openZip(data: Uint8Array | ArrayBuffer): Zip | { refusal: string } {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const refusal = (reason: string) => ({ refusal: reason });
  if (bytes.length > LIMITS.fileBytes) return refusal(`文件 ${mb(bytes.length)}，超过 ${mb(LIMITS.fileBytes)} 的上限`);
  if (OLE.every((b, i) => bytes[i] === b)) return refusal("文件受密码保护，或是旧版 .xls：请另存为不加密的 .xlsx");
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return refusal("不是 .xlsx 工作簿（不是 zip 格式）");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return refusal("不是完整的 .xlsx 工作簿（zip 目录缺失，文件可能不完整）");
  const count = view.getUint16(eocd + 10, true);
  if (count > LIMITS.entries)
    return refusal(`压缩包有 ${count} 个条目，超过 ${LIMITS.entries} 个的上限，不像自评工作簿`);
  let offset = view.getUint32(eocd + 16, true);
  let expanded = 0;
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) return refusal(DAMAGED);
    const size = view.getUint32(offset + 24, true);
    const compressed = view.getUint32(offset + 20, true);
    if (size === 0xffffffff || compressed === 0xffffffff) return refusal("压缩包条目过大（zip64），不像自评工作簿");
    const nameLength = view.getUint16(offset + 28, true);
    const name = names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    // Excel never writes two entries of one name; readers disagree on which wins (JSZip takes the last),
    // so a guard that checked one could pass the other.
    if (entries.has(name)) return refusal(`压缩包中有两个同名条目「${name.slice(0, 80)}」，不像 Excel 保存的工作簿`);
    entries.set(name, {
      name,
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressed,
      size,
      local: view.getUint32(offset + 42, true),
    });
    expanded += size;
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  if (expanded > LIMITS.uncompressedBytes)
    return refusal(`解压后 ${mb(expanded)}，超过 ${mb(LIMITS.uncompressedBytes)} 的上限（疑似压缩炸弹或超大工作表）`);
  if (expanded > LIMITS.ratio * bytes.length && expanded > 1024 * 1024)
    return refusal(`压缩比 ${Math.round(expanded / bytes.length)} 倍，疑似压缩炸弹`);
  return {
    entries,
    read: (name) => {
      const entry = entries.get(name);
      return entry ? readEntry(bytes, view, entry) : null;
    },
  };
}

/**
 * One entry's bytes: refused when it is encrypted, neither deflate nor stored, damaged, or expands to
 * more or less than its directory entry declared.
 */
export function readEntry(bytes: Uint8Array, view: DataView, entry: ZipEntry): Uint8Array | { refusal: string } {
  const where = `「${entry.name.slice(0, 80)}」`;
  const refusal = (reason: string) => ({ refusal: reason });
  if (entry.flags & 1) return refusal("文件受密码保护（zip 条目已加密）：请另存为不加密的 .xlsx");
  if (entry.local + 30 > bytes.length || view.getUint32(entry.local, true) !== LOCAL) return refusal(DAMAGED);
  const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  const end = start + entry.compressed;
  if (end > bytes.length) return refusal(DAMAGED);
  const lie = `压缩包条目${where}实际解压后超过目录声明的 ${size(entry.size)}（目录与内容不符，文件损坏或被篡改）`;
  if (entry.method === 0) return entry.compressed === entry.size ? bytes.subarray(start, end) : refusal(lie);
  if (entry.method !== 8)
    return refusal(`压缩包条目${where}使用了不支持的压缩方式（${entry.method}），不像 Excel 保存的工作簿`);
  const inflated = inflateRaw(bytes.subarray(start, end), entry.size);
  if (inflated === "longer") return refusal(lie);
  if (inflated === "damaged") return refusal(`压缩包条目${where}已损坏，无法解压`);
  return inflated.length === entry.size
    ? inflated
    : refusal(`压缩包条目${where}解压后的大小与目录不符（文件损坏或被篡改）`);
}
