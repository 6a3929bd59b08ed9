/** A1 addresses: column letters and numbers, cells split into column and row. */

const CELL = /^([A-Z]+)(\d+)$/;

export function splitAddress(address: string): { column: string; row: number } {
  const match = CELL.exec(address);
  if (!match) throw new RangeError(`Not a cell address: ${address}`);
  return { column: match[1]!, row: Number(match[2]) };
}

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(n: number): string {
  let out = "";
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    out = String.fromCharCode(65 + ((rest - 1) % 26)) + out;
  return out;
}

/** A sheet name as a formula or defined name writes it: 'sheet', quotes doubled. */
export const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** "B5:D5" → "$B$5:$D$5". */
export const absoluteRange = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

const REFERENCE = /^=?(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;

/**
 * "'附件1 基础数据表'!$B$5:$D$5", "Sheet1!A1" (as defined names and range.address write them) → sheet,
 * first and last cell; null for anything else (#REF!, a table name, a constant).
 */
export function parseReference(reference: string): { sheet: string; start: string; end: string } | null {
  const match = REFERENCE.exec(reference.trim());
  if (!match) return null;
  const start = `${match[3]}${match[4]}`;
  return {
    sheet: (match[1] ?? match[2]!).replace(/''/g, "'"),
    start,
    end: match[5] ? `${match[5]}${match[6]}` : start,
  };
}
