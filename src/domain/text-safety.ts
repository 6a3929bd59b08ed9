/**
 * Text from submitted files, made safe for where it goes next. One place for every writer: the summary
 * workbook (src/batch/summary-workbook.ts), the .xlsx and .docx writers, and the CLI's terminal output.
 *
 * - `xmlText`: characters XML 1.0 does not allow (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF;
 *   lone surrogates) would make the part not well-formed — Excel repairs the file, LibreOffice loses every
 *   later string. A workbook can hold them legally (`_xFFFE_` in its XML), so any cell may carry them.
 * - `cellText`: xmlText, at most Excel's 32,767 characters a cell.
 * - `formulaSafe`: a leading apostrophe on text a spreadsheet could take for a formula.
 * - `printable`: no escape sequences or other control characters reach a terminal raw.
 *
 * Pure and cheap: each is one pass, and leaves ordinary text (the same string) untouched.
 */

/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_MAX = 32_767;

/** C0 controls but tab, LF, CR; U+FFFE, U+FFFF; a high surrogate not followed by a low one; a lone low one. */
const NOT_XML = new RegExp(
  [
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.source,
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.source,
    /(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.source,
  ].join("|"),
  "g",
);

/**
 * `text` with every character XML 1.0 refuses replaced: a vertical tab or form feed (Word's manual line
 * and page breaks, pasted into a cell) becomes a line break, other controls are dropped, and U+FFFE,
 * U+FFFF and lone surrogates become U+FFFD (�), so a reader can see something was there.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, (ch) =>
    ch === "\u000B" || ch === "\u000C" ? "\n" : ch.charCodeAt(0) < 0x20 ? "" : "\uFFFD",
  );
}

/** `text` within `max` characters, never cutting a surrogate pair, ending in … when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Text for a spreadsheet cell: well-formed XML, at most 32,767 characters. */
export function cellText(text: string): string {
  return clip(xmlText(text), CELL_TEXT_MAX);
}

/**
 * Characters that start a formula in Excel, LibreOffice or WPS (or make one when a CSV is opened): = + -
 * @, their full-width forms ＝ ＋ － ＠ (an input method types them, and WPS and Excel's East Asian
 * versions take them for the ASCII ones), and a leading tab, CR or LF. Leading spaces (also the
 * ideographic U+3000) are looked through: some importers trim them.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/**
 * A text that a spreadsheet could take for a formula gets a leading apostrophe. In an .xlsx it is stored
 * as text either way; the apostrophe keeps it text when the workbook is saved as CSV or a cell is edited
 * and re-entered, which is where formula injection bites.
 */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Characters that must not reach a terminal raw: C0 controls but tab and LF (ESC starts every escape
 * sequence: colours, cursor moves, window titles, OSC 8 links; CR overwrites a line; BEL rings), DEL, C1
 * controls (U+009B is a one-character CSI), and the bidirectional overrides and isolates that can make a
 * line read differently from what it holds.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_PRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * `text` for a terminal: each control character shown as an escape a reader can see ("\x1B[31m" for
 * the ESC of a colour code), never interpreted. Apply to every piece of text from a file before it is
 * printed (file names included); the CLI's own messages need not go through it.
 */
export function printable(text: string): string {
  return text.replace(NOT_PRINTABLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
      : `\\u${code.toString(16).toUpperCase()}`;
  });
}

/**
 * JSON text (from JSON.stringify) for a terminal: the characters JSON.stringify leaves raw that a
 * terminal may act on (DEL, C1 controls such as the one-character CSI U+009B, the bidirectional
 * overrides and isolates, U+2028/U+2029) written as \u escapes — the same JSON, parsed back identically.
 */
export function printableJson(json: string): string {
  return json.replace(
    /[\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}
