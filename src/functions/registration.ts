/**
 * How the task pane knows that the JXZP functions are there to be called. In the shared runtime
 * (manifest.xml <Runtimes>) taskpane.html loads functions.js before the pane's script, so by the time the
 * pane runs, functions.js has associated every id with its implementation — or failed to, where Excel
 * offers no custom functions runtime (CustomFunctions undefined, e.g. volume-licensed Office 2019).
 * functions.js records which on the page's global object: the two scripts are separate bundles and share
 * no module state. The record says what JavaScript did; whether Excel has registered the metadata (so
 * that a formula naming JXZP.… resolves) only a formula can tell: the installer's probe does that.
 */
const KEY = "__jxzpFunctions";

export type FunctionsRecord =
  | { readonly state: "associated"; readonly ids: readonly string[] }
  | { readonly state: "failed"; readonly error: string };

type Holder = { [KEY]?: FunctionsRecord };

/** Called by functions.ts once, after associating every id (or failing to). */
export function recordFunctions(record: FunctionsRecord): void {
  (globalThis as Holder)[KEY] = record;
}

/** What functions.js recorded; undefined outside the shared runtime (tests, the browser page). */
export function functionsRecord(): FunctionsRecord | undefined {
  return (globalThis as Holder)[KEY];
}
