/**
 * XML parts scanned with htmlparser2's tokenizer (xmlMode). It reports positions, not strings, so a part
 * is tokenized as a Latin-1 view of its bytes (one character per byte, ~20× cheaper than decoding UTF-8)
 * and only the names, attributes and texts a reader keeps are decoded, as UTF-8, from the bytes. A UTF-8
 * sequence never contains an ASCII byte, so every delimiter the tokenizer looks for is where the bytes
 * have it. Entities are left to `entities`' decodeXML on the kept texts: the tokenizer then skips over
 * text and attribute values with indexOf instead of walking them. Measured against saxes and txml in
 * the README (读取).
 */
import { decodeXML } from "entities";
import { Tokenizer } from "htmlparser2";

/**
 * The two decodings, Node's Buffer where there is one (several times cheaper per call than TextDecoder
 * on short texts), TextDecoder in browsers. Latin-1 gives one character per byte (windows-1252 in
 * browsers: every byte ≥ 0x80 stays ≥ 0x80, which is all the scanner tests).
 */
interface Decoding {
  readonly source: string;
  utf8(start: number, end: number): string;
}

const utf8Decoder = new TextDecoder();
const latin1Decoder = typeof Buffer === "undefined" ? new TextDecoder("latin1") : null;

function decoding(bytes: Uint8Array): Decoding {
  if (latin1Decoder)
    return {
      source: latin1Decoder.decode(bytes),
      utf8: (start, end) => utf8Decoder.decode(bytes.subarray(start, end)),
    };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { source: buffer.toString("latin1"), utf8: (start, end) => buffer.toString("utf8", start, end) };
}

const localName = (qualified: string) => {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
};

/**
 * An element's attributes, decoded only when asked: a sheet's rows and cells carry attributes nobody
 * reads (spans, heights, x14ac:dyDescent). Held as positions; valid during the handler's `open` only.
 */
export class Attributes {
  /** [nameStart, nameEnd, valueStart, valueEnd] per attribute, reused from element to element. */
  private readonly positions: number[] = [];
  private count = 0;

  constructor(
    private readonly source: string,
    private readonly scanner: XmlScanner,
  ) {}

  /** The value of the attribute with this local name (r, or x14ac:r's r), or undefined. */
  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) {
      const [nameStart, nameEnd] = [this.positions[4 * i]!, this.positions[4 * i + 1]!];
      const localStart = nameEnd - name.length;
      if (localStart < nameStart || !this.source.startsWith(name, localStart)) continue;
      if (localStart > nameStart && this.source.charCodeAt(localStart - 1) !== 0x3a /* : */) continue;
      return this.scanner.attributeValue(this.positions[4 * i + 2]!, this.positions[4 * i + 3]!);
    }
    return undefined;
  }

  /** @internal */ clear(): void {
    this.count = 0;
  }

  /** @internal */ add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const at = 4 * this.count++;
    this.positions[at] = nameStart;
    this.positions[at + 1] = nameEnd;
    this.positions[at + 2] = valueStart;
    this.positions[at + 3] = valueEnd;
  }
}

export interface XmlHandler {
  /** An element opened; `name` without its namespace prefix (x:c and c alike). */
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  /** Text inside the current element, decoded, in pieces (CDATA included). */
  text?(piece: string): void;
  /** Whether text is wanted now: a reader keeps the texts of a few elements and skips the rest unread. */
  readonly wantsText?: boolean;
}

/**
 * A tokenizer over one part. `run` scans to the end; `pause()` from a handler stops it after the current
 * token and the next `run()` goes on from there (a sheet is read only as far as the rows asked for).
 */
export class XmlScanner {
  private readonly source: string;
  private readonly utf8: (start: number, end: number) => string;
  private readonly tokenizer: Tokenizer;
  private readonly attributes: Attributes;
  private tag = "";
  private nameStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;
  private started = false;
  private finished = false;

  constructor(
    bytes: Uint8Array,
    private readonly handler: XmlHandler,
  ) {
    ({ source: this.source, utf8: this.utf8 } = decoding(bytes));
    this.attributes = new Attributes(this.source, this);
    const ignore = () => undefined;
    this.tokenizer = new Tokenizer(
      { xmlMode: true, decodeEntities: false },
      {
        onopentagname: (start, end) => {
          this.tag = localName(this.source.slice(start, end));
          this.attributes.clear();
        },
        onattribname: (start, end) => {
          this.nameStart = start;
          this.nameEnd = this.valueStart = this.valueEnd = end;
        },
        // Without entity decoding the tokenizer reports a value in one piece.
        onattribdata: (start, end) => {
          this.valueStart = start;
          this.valueEnd = end;
        },
        onattribend: () => this.attributes.add(this.nameStart, this.nameEnd, this.valueStart, this.valueEnd),
        onopentagend: () => this.handler.open(this.tag, this.attributes),
        onselfclosingtag: () => {
          this.handler.open(this.tag, this.attributes);
          this.handler.close(this.tag);
        },
        onclosetag: (start, end) => this.handler.close(localName(this.source.slice(start, end))),
        ontext: (start, end) => {
          if (this.handler.wantsText) this.handler.text?.(lineEnds(decodeXML(this.decode(start, end))));
        },
        oncdata: (start, end, offset) => {
          if (this.handler.wantsText) this.handler.text?.(lineEnds(this.decode(start, end - offset)));
        },
        onattribentity: ignore,
        ontextentity: ignore,
        oncomment: ignore,
        ondeclaration: ignore,
        onprocessinginstruction: ignore,
        onend: () => {
          this.finished = true;
        },
      },
    );
  }

  /** Starts, or goes on after a pause; whether the part was read to its end. */
  run(): boolean {
    if (this.finished) return true;
    if (this.started) this.tokenizer.resume();
    else {
      this.started = true;
      this.tokenizer.write(this.source);
    }
    if (this.tokenizer.running) this.tokenizer.end();
    return this.finished;
  }

  /** Stops after the current token. */
  pause(): void {
    this.tokenizer.pause();
  }

  /** An attribute value, decoded; XML reads a tab or line break in it as a space. */
  attributeValue(start: number, end: number): string {
    const raw = this.decode(start, end);
    const normalized = /[\t\n\r]/.test(raw) ? raw.replace(/[\t\n\r]/g, " ") : raw;
    return normalized.includes("&") ? decodeXML(normalized) : normalized;
  }

  /** The bytes [start, end) as text: Latin-1 is exact for ASCII, anything else is decoded as UTF-8. */
  private decode(start: number, end: number): string {
    const piece = this.source.slice(start, end);
    return /[^\t-~]/.test(piece) ? this.utf8(start, end) : piece;
  }
}

/** XML's end-of-line handling: CR LF and lone CR read as LF. */
function lineEnds(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** Scans a whole part. */
export function scanXml(bytes: Uint8Array, handler: XmlHandler): void {
  new XmlScanner(bytes, handler).run();
}
