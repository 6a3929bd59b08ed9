/**
 * inflate.ts for the browser (webpack.config.js swaps it in): fflate, fed 8 KB of compressed bytes at a
 * time and given up as soon as the output passes what the zip's directory declared. Deflate expands at
 * most ~1,032×, so one step yields ≤ 8.3 MB however the entry lies.
 */
import { Inflate } from "fflate";
import type { Inflated } from "./inflate";

export type { Inflated } from "./inflate";

const STEP = 8 * 1024;

export function inflateRaw(compressed: Uint8Array, declared: number): Inflated {
  const out = new Uint8Array(declared);
  let yielded = 0;
  let longer = false;
  const inflate = new Inflate((chunk) => {
    if (yielded + chunk.length > declared) longer = true;
    else out.set(chunk, yielded);
    yielded += chunk.length;
  });
  try {
    for (let at = 0; at < compressed.length || at === 0; at += STEP) {
      const stop = Math.min(at + STEP, compressed.length);
      inflate.push(compressed.subarray(at, stop), stop >= compressed.length);
      if (longer) return "longer";
    }
  } catch {
    return "damaged";
  }
  return yielded === declared ? out : "damaged";
}
