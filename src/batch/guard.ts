/**
 * Bounds for hostile input, checked before a file reaches exceljs: its size, that it is a zip (an
 * encrypted workbook is an OLE file instead), and what its entries declare they expand to, read from
 * the zip's central directory without inflating anything — an ordinary zip bomb is refused at the cost
 * of reading its directory. A file that lies in its directory gets past this check; on worker threads
 * it then meets the worker's heap cap (pool.ts), which ends that worker, not the batch.
 */
export const LIMITS = {
  /** A real 自评 workbook is 50–300 KB. */
  fileBytes: 20 * 1024 * 1024,
  /** What all entries may expand to. */
  uncompressedBytes: 40 * 1024 * 1024,
  /** Expansion of the whole archive; XML compresses 5–20×, bombs by thousands. */
  ratio: 200,
  /** Rows of any sheet (a table of a few hundred indicators is plenty). */
  rows: 20_000,
} as const;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Why `bytes` cannot be read as a workbook, in Chinese; null when it may be. */
export function refuseWorkbook(bytes: Uint8Array): string | null {
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
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let expanded = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL)
      return "不是完整的 .xlsx 工作簿（zip 目录损坏）";
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return "压缩包条目过大（zip64），不像自评工作簿";
    expanded += size;
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  if (expanded > LIMITS.uncompressedBytes)
    return `解压后 ${mb(expanded)}，超过 ${mb(LIMITS.uncompressedBytes)} 的上限（疑似压缩炸弹或超大工作表）`;
  if (expanded > LIMITS.ratio * bytes.length && expanded > 1024 * 1024)
    return `压缩比 ${Math.round(expanded / bytes.length)} 倍，疑似压缩炸弹`;
  return null;
}
