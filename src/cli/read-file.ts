/**
 * Reading an input: a file, or standard input when the argument is `-`. Each problem is one InputError in
 * Chinese naming the input and saying what it is when it is not what the command needs (a Word document
 * given to `validate`, a workbook given to `compute`). Workbooks pass the batch's guard (size, OLE, zip
 * bombs) before exceljs sees them, exactly as in `jxzp summary`.
 */
import { readFileSync, statSync } from "node:fs";
import { LIMITS, refuseWorkbook } from "../batch/guard";
import { InputError } from "./errors";
import { STDIO, type CliIo } from "./io";
import { isA, isText, sniff, type Content } from "./sniff";
import type { WorkbookReadError } from "../workbook/assemble";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** How an input is named in messages: its path, or 标准输入 for `-`. */
export const inputName = (file: string): string => (file === STDIO ? "标准输入" : file);

function ioError(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  return new InputError(
    code === "ENOENT"
      ? `${file}：文件不存在`
      : code === "EISDIR"
        ? `${file}：是目录，不是文件`
        : `${file}：无法读取（${code ?? (error as Error).message}）`,
  );
}

/** The bytes of `file` (`-`: standard input), refused above `limit` bytes before they are all read. */
export function readInput(file: string, io: CliIo, limit: number = LIMITS.fileBytes): Uint8Array {
  if (file === STDIO) {
    if (!io.readStdin) throw new InputError("「-」表示从标准输入读取，但这里没有标准输入");
    const bytes = io.readStdin(limit);
    if (bytes.length > limit) throw new InputError(`标准输入超过 ${mb(limit)} 的上限`);
    return bytes;
  }
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    size = stat.size;
  } catch (error) {
    throw ioError(file, error);
  }
  if (size > limit) throw new InputError(`${file}：文件 ${mb(size)}，超过 ${mb(limit)} 的上限`);
  try {
    return readFileSync(file);
  } catch (error) {
    throw ioError(file, error);
  }
}

/** The file's own name in a hint: 「jxzp import 模型.json …」 reads better than 「jxzp import 标准输入 …」. */
const hintName = (file: string, fallback: string) => (file === STDIO ? fallback : file);

const SAVE_AS_XLSX = "（在 Excel 或 WPS 中打开，另存为 .xlsx 工作簿）";
const USE_TEMPLATE = "（用 jxzp template --out 模板.xlsx 写出模板，填写后保存为 .xlsx）";

function notWorkbook(file: string, content: Content, command: string, bytes: Uint8Array): string {
  const name = inputName(file);
  const needs = `${command} 需要 .xlsx 工作簿`;
  switch (content.kind) {
    case "encrypted":
      return `${name} 受密码保护：请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后保存为 .xlsx`;
    case "empty":
      return `${name} ${isA(content)}，不是工作簿：${needs}`;
    case "docx":
      return (
        `${name} ${isA(content)}，不是工作簿：${needs}` +
        (command === "validate" || command === "export" ? "（核对报告与工作簿用 jxzp verify 报告.docx 单位.xlsx）" : "")
      );
    case "json":
      return (
        `${name} ${isA(content)}，不是工作簿：${needs}` +
        `（模型 JSON 可用 jxzp import ${hintName(file, "模型.json")} --out 单位.xlsx 写成工作簿）`
      );
    case "xls":
    case "xlsb":
    case "ods":
    case "xml2003":
      return `${name} ${isA(content)}，不是 .xlsx 工作簿：${needs}${SAVE_AS_XLSX}`;
    case "csv":
    case "html":
    case "xml":
    case "text":
      return `${name} ${isA(content)}，不是工作簿：${needs}${USE_TEMPLATE}`;
    case "zip":
      return `${name} ${isA(content)}（其中没有 xl/workbook.xml），不是工作簿：${needs}（解压后逐个校验，或用 jxzp summary 目录/ 批量校验）`;
    case "pptx":
    case "odt":
    case "doc":
    case "pdf":
      return `${name} ${isA(content)}，不是工作簿：${needs}`;
    default:
      // Not zip, damaged zip, unknown OLE: the guard's reason says it.
      return `${name}：${refuseWorkbook(bytes) ?? "不是有效的 .xlsx 工作簿"}`;
  }
}

/** An .xlsx workbook's bytes for `command`, or an InputError saying what was given instead. */
export function readWorkbookInput(file: string, command: string, io: CliIo): Uint8Array {
  const bytes = readInput(file, io);
  const content = sniff(bytes);
  if (content.kind !== "xlsx") throw new InputError(notWorkbook(file, content, command, bytes));
  // The batch's guard runs where the workbook is read (xlsx/read.ts, on the capped worker): not twice.
  return bytes;
}

/** A report's (.docx) bytes for `verify`, or an InputError saying what was given instead. */
export function readReportInput(file: string, io: CliIo): Uint8Array {
  const bytes = readInput(file, io);
  const content = sniff(bytes);
  const name = inputName(file);
  if (content.kind === "xlsx")
    throw new InputError(
      `${name} ${isA(content)}，不是报告：verify 先写 .docx 报告，再写 .xlsx 工作簿，如 jxzp verify 报告.docx 单位.xlsx`,
    );
  if (content.kind === "brokenZip" || content.kind === "binary" || content.kind === "ole")
    throw new InputError(`${name}：不是有效的 .docx 文档（${content.what}）`);
  if (content.kind !== "docx")
    throw new InputError(`${name} ${isA(content)}，不是 .docx 报告：verify 需要由 jxzp report 生成的 .docx 报告`);
  // The same bounds as a workbook: a report is a zip too, and JSZip would inflate a bomb.
  const refusal = refuseWorkbook(bytes);
  if (refusal) throw new InputError(`${name}：${refusal}`);
  return bytes;
}

/** A model JSON's text for `command`, or an InputError saying what was given instead. */
export function readModelInput(file: string, command: string, io: CliIo): { text: string; content: Content } {
  const bytes = readInput(file, io);
  const content = sniff(bytes);
  const name = inputName(file);
  const needs = `${command} 需要模型 JSON`;
  if (content.kind === "xlsx") {
    const given = hintName(file, "单位.xlsx");
    const also = command === "compute" ? `，或直接校验：jxzp validate ${given}` : "";
    throw new InputError(
      `${name} ${isA(content)}，不是模型 JSON：${needs}（可用 jxzp export ${given} > 模型.json 取出数据${also}）`,
    );
  }
  if (!isText(content.kind)) throw new InputError(`${name} ${isA(content)}，不是模型 JSON：${needs}`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text =
    buffer[0] === 0xff && buffer[1] === 0xfe ? buffer.subarray(2).toString("utf16le") : buffer.toString("utf8");
  return { text: text.replace(/^\uFEFF/, ""), content };
}

/** A workbook that could not be read, named: one reason on its line, several as a list below the name. */
export function unreadableWorkbook(file: string, error: WorkbookReadError): InputError {
  const [only, ...more] = error.problems;
  return new InputError(
    more.length === 0
      ? `${inputName(file)}：${only}`
      : `${inputName(file)}：\n${error.problems.map((p) => `  ${p}`).join("\n")}`,
  );
}
