/**
 * Bounds for hostile input, checked before a file reaches exceljs: its size, that it is a zip (an
 * encrypted workbook is an OLE file instead), what its entries declare they expand to (read from the
 * zip's central directory: an ordinary zip bomb is refused at the cost of reading its directory), and
 * then what they really expand to: each entry is inflated here in small steps, counting, and given up
 * as soon as it passes what its directory entry declared — a zip whose directory lies about sizes is
 * refused after inflating at most a few MB more than it declared, however much it would expand to. So
 * every workbook that passes expands, in exceljs too, to at most LIMITS.uncompressedBytes.
 */
import { Inflate } from "fflate";

export const LIMITS = {
  /** A real 自评 workbook is 50–300 KB. */
  fileBytes: 20 * 1024 * 1024,
  /** What all entries may expand to. */
  uncompressedBytes: 40 * 1024 * 1024,
  /** Expansion of the whole archive; XML compresses 5–20×, bombs by thousands. */
  ratio: 200,
  /** Rows of any sheet (a table of a few hundred indicators is plenty). */
  rows: 20_000,
  /** Entries of the zip: a workbook has a few dozen parts. */
  entries: 10_000,
} as const;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : mb(bytes));
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes inflated per step: deflate expands at most ~1,032×, so one step yields ≤ 8.3 MB. */
const STEP = 8 * 1024;

const DAMAGED = "不是完整的 .xlsx 工作簿（zip 目录损坏）";

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressed: number;
  readonly size: number;
  readonly local: number;
}

/** Why `bytes` cannot be read as a workbook, in Chinese; null when it may be. */
export function refuseWorkbook(data: Uint8Array | ArrayBuffer): string | null {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length > LIMITS.fileBytes) return `文件 ${mb(bytes.length)}，超过 ${mb(LIMITS.fileBytes)} 的上限`;
  if (OLE.every((b, i) => bytes[i] === b)) return "文件受密码保护，或是旧版 .xls：请另存为不加密的 .xlsx";
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return "不是 .xlsx 工作簿（不是 zip 格式）";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "不是完整的 .xlsx 工作簿（zip 目录缺失，文件可能不完整）";
  const count = view.getUint16(eocd + 10, true);
  if (count > LIMITS.entries) return `压缩包有 ${count} 个条目，超过 ${LIMITS.entries} 个的上限，不像自评工作簿`;
  let offset = view.getUint32(eocd + 16, true);
  let expanded = 0;
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) return DAMAGED;
    const size = view.getUint32(offset + 24, true);
    const compressed = view.getUint32(offset + 20, true);
    if (size === 0xffffffff || compressed === 0xffffffff) return "压缩包条目过大（zip64），不像自评工作簿";
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
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
    return `解压后 ${mb(expanded)}，超过 ${mb(LIMITS.uncompressedBytes)} 的上限（疑似压缩炸弹或超大工作表）`;
  if (expanded > LIMITS.ratio * bytes.length && expanded > 1024 * 1024)
    return `压缩比 ${Math.round(expanded / bytes.length)} 倍，疑似压缩炸弹`;
  for (const entry of entries) {
    const refusal = checkEntry(bytes, view, entry);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * Inflates one entry in steps, counting: refused as soon as it yields more than its directory entry
 * declared, or when it yields less, or is not deflate or stored, or is encrypted or damaged.
 */
function checkEntry(bytes: Uint8Array, view: DataView, entry: Entry): string | null {
  const where = `「${entry.name.slice(0, 80)}」`;
  if (entry.flags & 1) return "文件受密码保护（zip 条目已加密）：请另存为不加密的 .xlsx";
  if (entry.local + 30 > bytes.length || view.getUint32(entry.local, true) !== LOCAL) return DAMAGED;
  const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  const end = start + entry.compressed;
  if (end > bytes.length) return DAMAGED;
  const lie = `压缩包条目${where}实际解压后超过目录声明的 ${size(entry.size)}（目录与内容不符，文件损坏或被篡改）`;
  if (entry.method === 0) return entry.compressed === entry.size ? null : lie;
  if (entry.method !== 8) return `压缩包条目${where}使用了不支持的压缩方式（${entry.method}），不像 Excel 保存的工作簿`;
  let yielded = 0;
  const inflate = new Inflate((chunk) => {
    yielded += chunk.length;
  });
  try {
    for (let at = start; at < end || at === start; at += STEP) {
      const stop = Math.min(at + STEP, end);
      inflate.push(bytes.subarray(at, stop), stop >= end);
      if (yielded > entry.size) return lie;
    }
  } catch {
    return `压缩包条目${where}已损坏，无法解压`;
  }
  return yielded === entry.size ? null : `压缩包条目${where}解压后的大小与目录不符（文件损坏或被篡改）`;
}
