/**
 * Work that several rules need, done once per validation. A context is built for each validate call and
 * is not changed while the rules run, so what is worked out from it can be kept for the other rules; it
 * goes when the context does.
 */
import type { RuleContext } from "./types";

/** `work` for a context, worked out on first use and shared after. */
export function perContext<T>(work: (context: RuleContext) => T): (context: RuleContext) => T {
  const kept = new WeakMap<RuleContext, T>();
  return (context) => {
    if (kept.has(context)) return kept.get(context)!;
    const value = work(context);
    kept.set(context, value);
    return value;
  };
}
