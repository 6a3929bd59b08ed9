import { readFileSync } from "node:fs";
import { describeModelIssues, parseModel, type WorkbookModel } from "../domain";
import { InputError } from "./errors";

/** Reads and parses a model JSON file; every problem becomes one InputError naming the file and the key path. */
export function loadModelFile(file: string): WorkbookModel {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT" ? `${file}：文件不存在` : `${file}：无法读取（${code ?? (error as Error).message}）`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new InputError(`${file}：不是有效的 JSON（${(error as Error).message}）`);
  }
  const parsed = parseModel(json);
  if (!parsed.success) {
    const lines = describeModelIssues(parsed.error);
    throw new InputError(`${file}：数据格式有误\n${lines.map((line) => `  ${line}`).join("\n")}`);
  }
  return parsed.data;
}
