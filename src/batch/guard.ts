/**
 * The guard for doors that hand a whole zip to a library that inflates everything (JSZip reading a report
 * for verify): the directory's bounds (zip.ts) and then every entry inflated, bounded by its declared
 * size. The workbook reader (xlsx/read.ts) needs no such pass: it opens the same zip and inflates only
 * the parts it reads, each checked the same way.
 */
import { openZip, readEntry } from "../workbook/xlsx/zip";

export { LIMITS } from "../workbook/xlsx/limits";

/** Why `data` cannot be read as a workbook (or any Office zip), in Chinese; null when it may be. */
export function refuseWorkbook(data: Uint8Array | ArrayBuffer): string | null {
  const zip = openZip(data);
  if ("refusal" in zip) return zip.refusal;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of zip.entries.values()) {
    const read = readEntry(bytes, view, entry);
    if ("refusal" in read) return read.refusal;
  }
  return null;
}
