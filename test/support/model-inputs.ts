/** Test helpers: the 株洲 sample model, and the input cells of a model (what a user typed). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONTRACT, workbookModel, type WorkbookModel } from "../../src/domain";

export const SAMPLE_PATH = join(__dirname, "../../samples/zhuzhou-kjj-2024.json");
export const loadSample = (): WorkbookModel => workbookModel.parse(JSON.parse(readFileSync(SAMPLE_PATH, "utf8")));

/** The input cells of a model as JSON (decimals as text), computed cells left out. */
export function inputsOf(model: WorkbookModel): unknown {
  const json = JSON.parse(JSON.stringify(model));
  delete json.$schema;
  for (const entry of CONTRACT.filter((e) => e.role === "computed")) {
    const parts = entry.key.split(".");
    const parent = parts.slice(0, -1).reduce((o, p) => o[p], json);
    delete parent[parts[parts.length - 1]!];
  }
  for (const entry of CONTRACT.filter((e) => e.table)) {
    const rows = entry.key.split(".").reduce((o, p) => o[p], json) as Array<Record<string, unknown>>;
    const computed = entry.table!.columns.filter((c) => c.role === "computed").map((c) => c.key);
    for (const row of rows) for (const key of computed) delete row[key];
  }
  return json;
}
