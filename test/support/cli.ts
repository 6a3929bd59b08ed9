/** Test helpers for the CLI on real files: run a command and capture its output; write sample workbooks. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runAsync } from "../../src/cli/main";
import { SAMPLE_PATH } from "./model-inputs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of the sample JSON
export type Json = Record<string, any>;

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runAsync(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

/** A workbook written by `jxzp import` into `dir` from the sample (signature lines filled) after `edit`. */
export async function sampleWorkbook(
  dir: string,
  name: string,
  edit: (json: Json) => void = () => {},
): Promise<string> {
  const json = JSON.parse(readFileSync(SAMPLE_PATH, "utf8"));
  Object.assign(json.basic, { preparer: "李明", filledOn: "2025-04-20" });
  Object.assign(json.eval, { preparer: "李明", filledOn: "2025-04-20" });
  edit(json);
  const model = join(dir, `${name}.json`);
  writeFileSync(model, JSON.stringify(json));
  const out = join(dir, `${name}.xlsx`);
  const { code, err } = await cli("import", model, "--out", out);
  if (code !== 0) throw new Error(err);
  return out;
}
