/**
 * Bounds for hostile input, shared by every door that opens a zip (the workbook reader, the batch's
 * guard, a report for verify). Real 自评 workbooks are far inside them.
 */
export const LIMITS = {
  /** A real 自评 workbook is 50–300 KB. */
  fileBytes: 20 * 1024 * 1024,
  /** What all entries may expand to. */
  uncompressedBytes: 40 * 1024 * 1024,
  /** Expansion of the whole archive; XML compresses 5–20×, bombs by thousands. */
  ratio: 200,
  /** Rows of any sheet a read walks (a table of a few hundred indicators is plenty). */
  rows: 20_000,
  /** Sheets of a workbook: ours has four; Excel users rarely pass a few dozen. */
  sheets: 1000,
  /** Entries of the zip: a workbook has a few dozen parts. */
  entries: 10_000,
} as const;
