import stringWidth from "string-width";

/** Where a command writes; the real process or a buffer in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/** Terminal columns taken by a string: CJK and full-width characters take two (string-width knows the tables). */
export const displayWidth = (text: string): number => stringWidth(text);

/** Pads to a display width, so columns of Chinese text line up. */
export function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + fill : fill + text;
}

/** Rows of cells as aligned text columns. */
export function table(
  rows: ReadonlyArray<ReadonlyArray<string>>,
  rightAligned: ReadonlySet<number> = new Set(),
): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          pad(cell, i === row.length - 1 ? 0 : (widths[i] ?? 0), rightAligned.has(i) ? "right" : "left"),
        )
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
