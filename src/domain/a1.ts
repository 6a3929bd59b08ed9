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
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) out = String.fromCharCode(65 + ((rest - 1) % 26)) + out;
  return out;
}
