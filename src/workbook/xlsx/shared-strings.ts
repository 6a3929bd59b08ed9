/**
 * The shared strings: each <si> is its <t>, or its rich-text runs' <t>s joined; phonetic guides (<rPh>)
 * are not part of the text. Excel's _xHHHH_ escapes in <t> are decoded, as exceljs did.
 */
import { scanXml } from "./xml";

/** Excel writes characters XML cannot hold (and some it can) as _xHHHH_ inside <t>. */
export const unescapeText = (text: string) =>
  text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

export function readSharedStrings(bytes: Uint8Array): readonly string[] {
  const strings: string[] = [];
  let text = "";
  let inItem = false;
  let phonetic = 0;
  let inText = false;
  let piece = "";
  scanXml(bytes, {
    get wantsText() {
      return inText;
    },
    open: (name) => {
      if (name === "si") {
        inItem = true;
        text = "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && inItem && phonetic === 0) {
        inText = true;
        piece = "";
      }
    },
    text: (part) => (piece += part),
    close: (name) => {
      if (name === "t" && inText) {
        text += unescapeText(piece);
        inText = false;
      } else if (name === "rPh") phonetic--;
      else if (name === "si" && inItem) {
        strings.push(text);
        inItem = false;
      }
    },
  });
  return strings;
}
