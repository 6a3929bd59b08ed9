/**
 * jxzp project list|add|remove: the project tables (附件3 项目支出绩效自评表) of a workbook. Adding and removing
 * work on the model: the workbook is read through the contract, a project is added to or removed from its
 * projects, and a new workbook is written from the contract (as `jxzp import` writes one) to --out — never
 * over the input. Everything the contract holds is kept (every table, every input, the stated values); what
 * is not ours (sheets, comments, formatting added by hand) is not carried over, and the message says so.
 */
import { formatAmount } from "../../domain/decimal";
import type { WorkbookModel } from "../../domain/model";
import { resolveProfile } from "../../domain/profiles";
import { MAX_PROJECTS, projectSheetName, projectTitle } from "../../domain/projects/contract";
import { projectContents, withProjectAdded, withProjectRemoved } from "../../domain/projects/editing";
import { printable } from "../../domain/text-safety";
import { readInWorker } from "../../batch/pool";
import { WorkbookReadError } from "../../workbook/assemble";
import { buildKeepingStatements } from "../../workbook/xlsx/write";
import { EXIT, InputError } from "../errors";
import { table, type CliIo } from "../io";
import { inputName, readWorkbookInput, unreadableWorkbook } from "../read-file";
import { checkOutput, messagesFor, outputName, writeOutput } from "../write-file";

/** What the new workbook does not carry over, said after every add and remove. */
export const REBUILT_NOTE =
  "新工作簿按模板重新生成：各表中填写的数据全部保留；模板以外的内容（自建的工作表、批注、手动设置的格式等）不会带入，原文件未改动。";

/** The model of the workbook `file`; a cell of the wrong type stops here (rebuilding would lose it). */
async function readModel(file: string, command: string, io: CliIo): Promise<WorkbookModel> {
  const bytes = readWorkbookInput(file, command, io);
  try {
    return await readInWorker(bytes);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw unreadableWorkbook(file, error);
    throw error;
  }
}

/** Writes `model` as a workbook to the checked `out` (the workbook's 评分口径 for the helper columns). */
async function writeModel(model: WorkbookModel, file: string, options: { out: string; force?: boolean }, io: CliIo) {
  const output = await checkOutput(options.out, { kind: "workbook", inputs: [file], force: options.force });
  const { profile } = resolveProfile(model.review.profile);
  const { workbook } = buildKeepingStatements(model, profile);
  writeOutput(output, new Uint8Array(await workbook.xlsx.writeBuffer()), io);
}

/** jxzp project list FILE.xlsx [--json]: each project table with its sheet, name, funds and rows. */
export async function projectListCommand(file: string, options: { json?: boolean }, io: CliIo): Promise<number> {
  const model = await readModel(file, "project list", io);
  const rows = model.projects.map((project, i) => ({
    slot: i + 1,
    sheet: projectSheetName(i + 1),
    name: project.name,
    fullYearBudget: project.funds.fullYearBudget === null ? null : formatAmount(project.funds.fullYearBudget),
    executed: project.funds.executed === null ? null : formatAmount(project.funds.executed),
    indicators: project.indicators.length,
    blank: projectContents(project, i + 1).length === 0,
  }));
  if (options.json) {
    io.out(JSON.stringify({ file, projects: rows }, null, 2));
    return EXIT.ok;
  }
  if (rows.length === 0) {
    io.out(`${inputName(file)}：没有项目支出绩效自评表（附件3）。添加一张：jxzp project add ${file} --out 新.xlsx`);
    return EXIT.ok;
  }
  const lines = [
    ["序号", "工作表（按模板）", "项目名称", "全年预算数", "全年执行数", "指标行数", "状态"],
    ...rows.map((r) => [
      String(r.slot),
      r.sheet,
      r.name ?? "（未填）",
      r.fullYearBudget ?? "",
      r.executed ?? "",
      String(r.indicators),
      r.blank ? "空表" : "已填写",
    ]),
  ];
  io.out(printable(`${inputName(file)}：${rows.length} 张项目表\n${table(lines, new Set([0, 3, 4, 5]))}`));
  return EXIT.ok;
}

/** jxzp project add FILE.xlsx --out NEW.xlsx [--name 项目名称] [--force]: one more project table, last. */
export async function projectAddCommand(
  file: string,
  options: { out: string; name?: string; force?: boolean },
  io: CliIo,
): Promise<number> {
  const model = await readModel(file, "project add", io);
  if (model.projects.length >= MAX_PROJECTS)
    throw new InputError(`${inputName(file)} 已有 ${MAX_PROJECTS} 张项目表，达到上限，不能再添加`);
  const name = options.name?.trim() || null;
  const added = withProjectAdded(model, name);
  await writeModel(added, file, options, io);
  const slot = added.projects.length;
  const say = messagesFor(options.out, io);
  say(
    printable(
      `已写入 ${outputName(options.out)}：添加了${projectSheetName(slot)}` +
        `${name ? `（项目「${name}」）` : ""}，共 ${slot} 张项目表`,
    ),
  );
  say(REBUILT_NOTE);
  return EXIT.ok;
}

/** At most this many filled cells are named in a refusal; the rest are counted. */
const NAMED_CONTENTS = 6;

/** jxzp project remove FILE.xlsx N --out NEW.xlsx [--force]: without project table N; a filled one needs --force. */
export async function projectRemoveCommand(
  file: string,
  slotText: string,
  options: { out: string; force?: boolean },
  io: CliIo,
): Promise<number> {
  const model = await readModel(file, "project remove", io);
  const slot = Number(slotText);
  const count = model.projects.length;
  if (slot > count)
    throw new InputError(
      count === 0
        ? `${inputName(file)} 没有项目表（附件3），无从删除`
        : `${inputName(file)} 没有附件3-${slot}：只有 ${count} 张项目表（附件3-1${count > 1 ? `～附件3-${count}` : ""}）`,
    );
  const project = model.projects[slot - 1]!;
  const title = projectTitle(slot, project.name);
  const contents = projectContents(project, slot);
  if (contents.length > 0 && !options.force) {
    const named = contents.slice(0, NAMED_CONTENTS).join("、");
    const more = contents.length > NAMED_CONTENTS ? ` 等 ${contents.length} 项` : "";
    throw new InputError(
      printable(
        `${inputName(file)} 的${title}已填写：${named}${more}：不会删除。确需删除请加 --force` +
          "（原文件不会改动，删除只写到 --out 指定的新文件）",
      ),
    );
  }
  await writeModel(withProjectRemoved(model, slot), file, options, io);
  const say = messagesFor(options.out, io);
  const moved =
    slot < count
      ? `；其后的项目表依次前移（附件3-${slot + 1} 成为附件3-${slot}${slot + 1 < count ? " …" : ""}），名称与已说明的提示随之改号`
      : "";
  say(printable(`已写入 ${outputName(options.out)}：删除了${title}${moved}，余 ${count - 1} 张项目表`));
  say(REBUILT_NOTE);
  return EXIT.ok;
}
