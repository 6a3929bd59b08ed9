/**
 * Raw deflate, bounded by what the zip's directory declared (Node: zlib, ~2× fflate's speed). The
 * browser build replaces this module with inflate-web.ts (webpack.config.js), which keeps the same
 * contract with fflate.
 */
import { inflateRawSync } from "node:zlib";

export type Inflated = Uint8Array | "longer" | "damaged";

/**
 * The entry's bytes; "longer" as soon as it would expand past `declared` (zlib stops there: a bomb whose
 * directory lies costs at most `declared` bytes of output), "damaged" when it is not valid deflate.
 */
export function inflateRaw(compressed: Uint8Array, declared: number): Inflated {
  if (declared === 0) return compressed.length <= 2 ? new Uint8Array(0) : "longer";
  try {
    const out = inflateRawSync(compressed, { maxOutputLength: declared });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "longer" : "damaged";
  }
}
