import { CELL_TEXT_MAX } from "../../domain/text-safety";
import { locate, type ContractKey } from "../../domain/contract";
import type { WorkbookModel } from "../../domain/model";
import { projectLayout } from "../../domain/layout";
import { findProjectEntry, parseProjectPath, projectSheetName, projectTitle } from "../../domain/projects/contract";
import { printable } from "../../domain/text-safety";
import { buildKeepingStatements, buildWorkbook, templateWorkbook } from "../../workbook/xlsx/write";
import { readInWorker } from "../../batch/pool";
import { WorkbookReadError } from "../../workbook/assemble";
import { EXIT } from "../errors";
import type { CliIo } from "../io";
import { loadModelFile } from "../load-model";
import { readWorkbookInput, unreadableWorkbook } from "../read-file";
import { checkOutput, messagesFor, outputName, writeOutput, type CheckedOutput } from "../write-file";
import { chosenProfile, type ProfileOptions } from "../profiles";

async function save(workbook: ReturnType<typeof buildWorkbook>, output: CheckedOutput, io: CliIo): Promise<void> {
  writeOutput(output, new Uint8Array(await workbook.xlsx.writeBuffer()), io);
}

/** jxzp template --out FILE.xlsx [--projects N] [--force]: the blank template, with N blank project tables. */
export async function templateCommand(
  options: { out: string; projects?: number; force?: boolean },
  io: CliIo,
): Promise<number> {
  const output = await checkOutput(options.out, { kind: "template", inputs: [], force: options.force });
  const projects = options.projects ?? 0;
  await save(templateWorkbook(projects), output, io);
  const tables =
    projects > 0 ? `（含 ${projects} 张项目支出绩效自评表：附件3-1${projects > 1 ? `～附件3-${projects}` : ""}）` : "";
  messagesFor(options.out, io)(`已写入空白模板 ${outputName(options.out)}${tables}`);
  return EXIT.ok;
}

/** jxzp import MODEL.json --out FILE.xlsx [--force]: a workbook filled from the model. */
/** How many texts of the model are longer than a cell holds (the writer cuts them: text-safety.ts). */
function longTexts(value: unknown): number {
  if (typeof value === "string") return value.length > CELL_TEXT_MAX ? 1 : 0;
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + longTexts(item), 0);
  if (value !== null && typeof value === "object" && !("toFixed" in value))
    return Object.values(value).reduce((n: number, item) => n + longTexts(item), 0);
  return 0;
}

export async function importCommand(
  file: string,
  options: { out: string; force?: boolean } & ProfileOptions,
  io: CliIo,
): Promise<number> {
  const profile = chosenProfile(options, io, [file]);
  const model = loadModelFile(file, "import", io);
  const output = await checkOutput(options.out, { kind: "workbook", inputs: [file], force: options.force });
  const { workbook, kept } = buildKeepingStatements(model, profile);
  await save(workbook, output, io);
  const say = messagesFor(options.out, io);
  say(`已写入 ${outputName(options.out)}`);
  const long = longTexts(model);
  if (long > 0) say(`有 ${long} 处文字超过 Excel 单元格 ${CELL_TEXT_MAX} 个字符的上限，写入时已截断`);
  if (kept.length > 0) {
    say(`保留了模型中与计算结果不同的 ${kept.length} 个填报值（单元格里是填报值而不是公式，校验时会指出差异）：`);
    for (const { value, statedText, expectedText, verifiable } of kept) {
      const against = verifiable ? `按公式应为 ${expectedText}` : "表中得分不完整或无从计算，无法核对";
      say(
        printable(
          `  ${keptLabel(model, value.key, value.label)}：填报 ${statedText}，${against}（${where(model, value.key)}）`,
        ),
      );
    }
  }
  return EXIT.ok;
}

/** How a kept value is named: its label, a project's with the project (项目「X」（附件3-2）总分). */
function keptLabel(model: WorkbookModel, key: string, label: string): string {
  const parsed = parseProjectPath(key);
  return parsed ? `${projectTitle(parsed.slot, model.projects[parsed.slot - 1]?.name ?? null)}${label}` : label;
}

/** "附件2 自评表!G29", or a project's "附件3-2 项目支出绩效自评表!G25" (below its table as written). */
function where(model: WorkbookModel, key: string): string {
  const project = findProjectEntry(key);
  if (!project) return locate(key as ContractKey);
  const rows = model.projects[project.slot! - 1]?.indicators.length ?? 0;
  return `${projectSheetName(project.slot!)}!${projectLayout(project.slot!, rows).cell(project.address)}`;
}

/** jxzp export FILE.xlsx [--json]: the workbook read back into the model. */
export async function exportCommand(file: string, io: CliIo): Promise<number> {
  const bytes = readWorkbookInput(file, "export", io);
  try {
    const model = await readInWorker(bytes);
    io.out(JSON.stringify(model, null, 2));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof WorkbookReadError) throw unreadableWorkbook(file, error);
    throw error;
  }
}
