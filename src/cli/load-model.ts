import { describeModelIssues, parseModel, type WorkbookModel } from "../domain";
import { InputError } from "./errors";
import type { CliIo } from "./io";
import { inputName, readModelInput } from "./read-file";
import { isA } from "./sniff";

/**
 * Reads and parses a model JSON file (`-`: standard input); every problem becomes one InputError naming the
 * input and the key path, or saying what was given instead of JSON.
 */
export function loadModelFile(file: string, command: string, io: CliIo): WorkbookModel {
  const { text, content } = readModelInput(file, command, io);
  const name = inputName(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (content.kind !== "json" && content.kind !== "text")
      throw new InputError(`${name} ${isA(content)}，不是模型 JSON：${command} 需要模型 JSON（键见 jxzp contract）`);
    throw new InputError(`${name}：不是有效的 JSON（${(error as Error).message}）`);
  }
  const parsed = parseModel(json);
  if (!parsed.success) {
    const lines = describeModelIssues(parsed.error);
    throw new InputError(`${name}：数据格式有误\n${lines.map((line) => `  ${line}`).join("\n")}`);
  }
  return parsed.data;
}
