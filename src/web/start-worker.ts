/**
 * Starts the page's worker. webpack sees `new Worker(new URL(…, import.meta.url))`, bundles worker.ts as
 * its own script and puts its URL here. Only webpack compiles this file (jest and the CLI never load it).
 */
export function startWorker(): Worker {
  // @ts-expect-error TS1343: tsc's CommonJS settings do not know import.meta; webpack's ES module build does.
  return new Worker(/* webpackChunkName: "worker" */ new URL("./worker.ts", import.meta.url));
}
