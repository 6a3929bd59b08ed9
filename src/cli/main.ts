#!/usr/bin/env node
/**
 * jxzp: the command-line face of 绩效自评助手. Same domain core as the add-in, for scripts and for
 * finance bureaus. Exit codes: 0 done, 1 the data has errors, 2 bad input (a file or the command line).
 * Every message is Chinese, Commander's usage errors included (usage.ts); help fits the terminal with
 * Chinese text (help.ts). A file argument `-` is standard input, `--out -` standard output.
 */
import { printable } from "../domain/text-safety";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { version } from "../../package.json";
import { DEFAULT_PROFILE, PROFILE_IDS, PROFILE_WORD } from "../domain";
import { TEMPLATE_VERSION } from "../domain/contract";
import { computeCommand } from "./commands/compute";
import { contractCommand } from "./commands/contract";
import { fnCommand } from "./commands/fn";
import { exportCommand, importCommand, templateCommand } from "./commands/workbook";
import { projectAddCommand, projectListCommand, projectRemoveCommand } from "./commands/project";
import { MAX_PROJECTS } from "../domain/projects/contract";
import { schemaCommand } from "./commands/schema";
import { validateCommand } from "./commands/validate";
import { reportCommand, verifyCommand } from "./commands/report";
import { FORM_LAYOUTS } from "../domain/forms/yueyang";
import { summaryCommand } from "./commands/summary";
import { profileCheckCommand, profileListCommand, profileSchemaCommand, profileShowCommand } from "./commands/profile";
import { EXIT, InputError } from "./errors";
import { chineseHelp, wrapText } from "./help";
import { processIo, type CliIo } from "./io";
import { parseProfileList, type ProfileOptions } from "./profiles";
import { suggest, UsageError, usageMessage } from "./usage";

/** What `jxzp --version` prints: the program and the template it writes and reads. */
export const VERSION_TEXT = `jxzp ${version}（模板 ${TEMPLATE_VERSION}）`;

const WORKBOOK = ".xlsx 文件（- 表示标准输入）";
const MODEL = "模型 JSON 文件（- 表示标准输入）";

/** The profiles by id, for help texts (the names and sources: jxzp profile list). */
const profileIds = () => `${PROFILE_IDS.join("、")}（说明与出处见 jxzp profile list）`;

/** --profile: one shipped profile, or (`list`: compute) several separated by commas, compared side by side. */
function profileOption(description: string, defaultValue?: string, list = false): Option {
  const option = new Option(list ? "-p, --profile <口径,…>" : "-p, --profile <口径>", description).argParser(
    (value: string) => {
      try {
        parseProfileList(value, list);
      } catch (error) {
        if (error instanceof InputError) throw new InvalidArgumentError(error.message);
        throw error;
      }
      return value;
    },
  );
  return defaultValue === undefined ? option : option.default(defaultValue);
}

/** --profile-file: a bureau's own profile file, instead of --profile (Commander refuses the two together). */
const profileFileOption = () =>
  new Option(
    "--profile-file <文件>",
    `自定义${PROFILE_WORD}文件（JSON，格式见 jxzp profile schema，检查用 jxzp profile check；- 表示标准输入），与 --profile 二选一`,
  ).conflicts("profile");

const outOption = (what: string, mandatory = true) => {
  const option = new Option("-o, --out <文件>", `输出的${what}（- 表示标准输出）`);
  return mandatory ? option.makeOptionMandatory() : option;
};

/** --force: replace an existing output that is not what the command writes (an input is never replaced). */
const forceOption = (description: string) => new Option("-f, --force", description);

/** --projects N: blank project tables in the template, 0 to MAX_PROJECTS. */
const projectsOption = () =>
  new Option("--projects <数量>", `另加的空白项目支出绩效自评表（附件3）张数，0–${MAX_PROJECTS}，默认 0`).argParser(
    (value: string) => {
      const count = /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : NaN;
      if (!(count <= MAX_PROJECTS)) throw new InvalidArgumentError(`应为 0 到 ${MAX_PROJECTS} 之间的整数`);
      return count;
    },
  );

/** --form: a table form by its layout id (FORM_LAYOUTS); without it, the narrative report. */
const formOption = () => {
  const forms = Object.entries(FORM_LAYOUTS);
  const choices = forms.map(([id, layout]) => `${id} 为${layout.name}`).join("；");
  return new Option("--form <表式>", `报告格式：不加为文字报告（默认）；${choices}`).argParser((value: string) => {
    if (Object.hasOwn(FORM_LAYOUTS, value)) return value;
    const guess = suggest(value, Object.keys(FORM_LAYOUTS));
    throw new InvalidArgumentError(
      `未知的报告格式「${value}」${guess.length > 0 ? `（是不是 ${guess.join(" 或 ")}？）` : ""}，可选：` +
        `${forms.map(([id, layout]) => `${id}（${layout.name}）`).join("、")}；不加 --form 为文字报告`,
    );
  });
};

const jobsOption = () =>
  new Option("-j, --jobs <数量>", "并行的线程数（默认为 CPU 数）").argParser((value: string) => {
    if (!/^\s*[1-9]\d*\s*$/.test(value)) throw new InvalidArgumentError("应为正整数");
    return value;
  });

const EPILOG = [
  "退出码：0 完成；1 数据有错误；2 输入有误（文件或命令行）。",
  "文件参数写 - 表示从标准输入读取，--out - 表示写到标准输出。",
].join("\n");

function buildProgram(io: CliIo, setExit: (code: number | Promise<number>) => void): Command {
  const program = new Command("jxzp")
    .description("绩效自评助手：部门整体支出绩效自评的计算、校验与报告")
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      // Commander's English error text is replaced by the Chinese message (usage.ts) that exitFor prints.
      outputError: () => undefined,
      getOutHelpWidth: () => io.helpWidth ?? 80,
      getErrHelpWidth: () => io.helpWidth ?? 80,
    })
    .configureHelp(chineseHelp)
    .version(VERSION_TEXT, "-V, --version", "显示版本（程序与模板）")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand(false)
    .addHelpText("after", () => `\n${wrapText(EPILOG, io.helpWidth ?? 80)}`);

  program
    .command("contract")
    .summary("列出工作簿契约：键、定义名称、位置")
    .description(
      "列出工作簿契约：每个键的名称、工作表、定义名称、位置、类型与角色。" +
        "附件3 项目支出绩效自评表每个项目一张，只列一次，n 表示项目表的序号：键 projects[n]…、" +
        "定义名称 项目n_…、工作表 附件3-n、表格 项目n_绩效指标（第 2 张项目表即 projects[2]、项目2_全年预算数）",
    )
    .option("--json", "以 JSON 数组输出")
    .action((options: { json?: boolean }) => setExit(contractCommand(options, io)));

  program
    .command("schema")
    .description("输出数据模型的 JSON Schema")
    .action(() => setExit(schemaCommand(io)));

  program
    .command("compute")
    .summary("由模型 JSON 算出全部计算值、得分与等次")
    .description(
      "读取模型 JSON，输出全部计算值：控制率、执行率、得分、各项比率、指标完成率与建议得分（及其评分规则）、总分与等次；" +
        "--profile 给出几种口径（逗号分隔）时并列对比：各口径的执行率得分、总分与等次，以及建议得分不同的指标",
    )
    .argument("<模型>", "模型 JSON 文件（键见 jxzp contract；- 表示标准输入）")
    .addOption(
      profileOption(
        `${PROFILE_WORD}：${profileIds()}；给出几种（逗号分隔，如 national,platform）则并列对比`,
        DEFAULT_PROFILE,
        true,
      ),
    )
    .addOption(profileFileOption())
    .option("--json", "以 JSON 输出")
    .action((file: string, options: ProfileOptions & { json?: boolean }) => setExit(computeCommand(file, options, io)));

  program
    .command("fn")
    .summary("调用一个 JXZP 函数（与单元格中的实现相同）")
    .description(
      "调用一个 JXZP 函数（与单元格中的实现相同），如 jxzp fn EXECRATE 1387.53 1387.53；区域写作 JSON 数组 [[10],[5]]",
    )
    .argument("<函数>", "函数 ID 或中文名，如 EXECRATE 或 执行率")
    .argument("[参数...]", "参数：数字、文本或 JSON 数组")
    .allowUnknownOption()
    .action((id: string, args: string[]) => setExit(fnCommand(id, args, io)));

  program
    .command("template")
    .summary("写出空白模板（.xlsx）")
    .description(
      "写出空白模板（附件1 基础数据表、附件2 自评表、报告文字）；--projects N 另加 N 张空白的项目支出绩效自评表" +
        "（附件3-1 … 附件3-N，每个重点项目一张；以后可用 jxzp project add/remove 增删）",
    )
    .addOption(outOption(" .xlsx 文件"))
    .addOption(projectsOption())
    .addOption(forceOption("覆盖已存在的输出文件，即使是填写过的工作簿或其他文件"))
    .action((options: { out: string; projects?: number; force?: boolean }) => setExit(templateCommand(options, io)));

  program
    .command("import")
    .description("由模型 JSON 写出填好数据的工作簿")
    .argument("<模型>", MODEL)
    .addOption(outOption(" .xlsx 文件"))
    .addOption(profileOption(`${PROFILE_WORD}：${profileIds()}`))
    .addOption(profileFileOption())
    .addOption(forceOption("覆盖已存在的输出文件，即使是填写过的工作簿或其他文件（输入文件不会被覆盖）"))
    .action((file: string, options: ProfileOptions & { out: string; force?: boolean }) =>
      setExit(importCommand(file, options, io)),
    );

  program
    .command("export")
    .summary("由工作簿输出模型 JSON")
    .description("读取工作簿（按定义名称与表格），输出模型 JSON")
    .argument("<工作簿>", WORKBOOK)
    .option("--json", "以 JSON 输出（默认）")
    .action((file: string) => setExit(exportCommand(file, io)));

  program
    .command("validate")
    .summary("校验工作簿；有错误时退出码为 1")
    .description("校验工作簿：必填、类型、勾稽关系、重新计算、分值与得分、表间一致、常见填写失误；有错误时退出码为 1")
    .argument("<工作簿>", WORKBOOK)
    .addOption(profileOption(`${PROFILE_WORD}：${profileIds()}（默认取工作簿中的评分口径）`))
    .addOption(profileFileOption())
    .option("--json", "以 JSON 输出")
    .action((file: string, options: ProfileOptions & { json?: boolean }) =>
      setExit(validateCommand(file, options, io)),
    );

  program
    .command("report")
    .summary("由工作簿生成绩效自评报告（.docx）")
    .description(
      "由工作簿生成绩效自评报告（.docx）：每个数字取自表格；有错误时不生成，--draft 生成带“草稿”标记的稿子；" +
        "--form 按财政部门规定的表式生成（如岳阳市财政局制的表式，文字部分即文字报告的内容）",
    )
    .argument("<工作簿>", WORKBOOK)
    .addOption(outOption(" .docx 文件"))
    .option("--draft", "有错误也生成，标为草稿并附上尚未解决的问题")
    .addOption(formOption())
    .addOption(profileOption(`${PROFILE_WORD}：${profileIds()}（默认取工作簿中的评分口径）`))
    .addOption(profileFileOption())
    .addOption(forceOption("覆盖已存在的输出文件，即使不是 jxzp 生成的报告（输入文件不会被覆盖）"))
    .action(
      (file: string, options: ProfileOptions & { out: string; draft?: boolean; form?: string; force?: boolean }) =>
        setExit(reportCommand(file, options, io)),
    );

  program
    .command("verify")
    .summary("核对报告是否由这个工作簿的数据生成、文字未被改动")
    .description(
      "核对报告是否由这个工作簿的数据生成（比较数据指纹），且文字未被改动（按工作簿重新生成同一格式的报告——文字报告" +
        "或表式报告，逐行比较正文、表格、页眉页脚）；一致时退出码 0，不一致时 1",
    )
    .argument("<报告>", ".docx 报告（- 表示标准输入）")
    .argument("<工作簿>", WORKBOOK)
    .addOption(profileOption(`生成报告时用的${PROFILE_WORD}：${profileIds()}（默认取工作簿中的评分口径）`))
    .addOption(profileFileOption())
    .action((report: string, file: string, options: ProfileOptions) =>
      setExit(verifyCommand(report, file, options, io)),
    );

  program
    .command("summary")
    .summary("批量校验工作簿，写出汇总工作簿")
    .description(
      "批量读取并校验工作簿（多线程），写出汇总工作簿：汇总、项目（每张项目支出绩效自评表一行）、问题清单、无法读取；" +
        "有错误或无法读取的文件时退出码为 1",
    )
    .argument("<输入...>", "目录（含子目录）、文件，或带通配符的路径，如 收件/*.xlsx")
    .addOption(outOption("汇总 .xlsx 文件", false))
    .option("--json", "以 JSON 输出汇总（不显示进度条）")
    .addOption(profileOption(`${PROFILE_WORD}：${profileIds()}（默认取各工作簿中的评分口径）`))
    .addOption(profileFileOption())
    .addOption(jobsOption())
    .addOption(forceOption("覆盖已存在的输出文件，即使不是 jxzp 写出的汇总（输入文件不会被覆盖）"))
    .action(
      (inputs: string[], options: ProfileOptions & { out?: string; json?: boolean; jobs?: string; force?: boolean }) =>
        setExit(summaryCommand(inputs, options, io)),
    );

  const profile = program
    .command("profile")
    .summary(`列出、查看、检查${PROFILE_WORD}`)
    .description(
      `${PROFILE_WORD}：列出内置口径及其出处，查看一种口径的每条规则与依据，检查自定义口径文件，输出口径文件的 JSON Schema`,
    )
    .helpCommand(false);
  profile
    .command("list")
    .description(`列出内置的${PROFILE_WORD}：id、名称、说明与出处`)
    .option("--json", "以 JSON 输出")
    .action((options: { json?: boolean }) => setExit(profileListCommand(options, io)));
  profile
    .command("show")
    .description(`显示一种${PROFILE_WORD}的每条规则（文字与依据），以及出处已确认与未明文规定的部分`)
    .argument("<口径>", `${PROFILE_WORD}的 id 或中文名，如 national 或 全国通用`)
    .option("--json", "以 JSON 输出")
    .action((id: string, options: { json?: boolean }) => setExit(profileShowCommand(id, options, io)));
  profile
    .command("check")
    .summary(`检查自定义${PROFILE_WORD}文件`)
    .description(
      `检查自定义${PROFILE_WORD}文件：有效时显示名称、指纹与每条规则，退出码 0；` +
        "有问题时逐项说明（文件与字段），退出码 1；文件不存在或不是 JSON 时退出码 2",
    )
    .argument("<文件>", "口径 JSON 文件（- 表示标准输入）")
    .action((file: string) => setExit(profileCheckCommand(file, io)));
  profile
    .command("schema")
    .description(`输出${PROFILE_WORD}文件的 JSON Schema`)
    .action(() => setExit(profileSchemaCommand(io)));

  const project = program
    .command("project")
    .summary("列出、添加、删除项目支出绩效自评表（附件3）")
    .description(
      "工作簿中的项目支出绩效自评表（附件3-1、附件3-2 …，每个重点项目一张）：列出、添加、删除。" +
        "添加与删除按工作簿契约读出全部数据，增删项目后按模板重新生成新的工作簿写到 --out（不会覆盖原文件）：" +
        "各表中填写的数据全部保留，模板以外的内容（自建的工作表、批注、手动设置的格式）不会带入。" +
        "删除后其后的项目表依次前移（附件3-3 成为附件3-2），键 projects[n] 与定义名称 项目n_… 随之改号",
    )
    .helpCommand(false);
  project
    .command("list")
    .description("列出工作簿中的项目表：序号、项目名称、全年预算数与执行数、指标行数、是否空表")
    .argument("<工作簿>", WORKBOOK)
    .option("--json", "以 JSON 输出")
    .action((file: string, options: { json?: boolean }) => setExit(projectListCommand(file, options, io)));
  project
    .command("add")
    .summary("添加一张项目表（排在最后），写出新的工作簿")
    .description(
      "在工作簿最后添加一张空白的项目支出绩效自评表（附件3-n），年度取自工作簿，写出新的工作簿（按模板重新生成，原文件不变）",
    )
    .argument("<工作簿>", WORKBOOK)
    .addOption(outOption("新 .xlsx 文件"))
    .option("-n, --name <项目名称>", "新项目表的项目名称（可以以后在表中填写）")
    .addOption(forceOption("覆盖已存在的输出文件，即使是填写过的工作簿或其他文件（输入文件不会被覆盖）"))
    .action((file: string, options: { out: string; name?: string; force?: boolean }) =>
      setExit(projectAddCommand(file, options, io)),
    );
  project
    .command("remove")
    .summary("删除第 N 张项目表，写出新的工作簿")
    .description(
      "删除第 N 张项目表（附件3-N），写出新的工作簿（按模板重新生成，原文件不变）；" +
        "表中已填写内容时不删除并说明填了什么，确需删除请加 --force",
    )
    .argument("<工作簿>", WORKBOOK)
    .argument("<序号>", "项目表的序号 N（附件3-N；见 jxzp project list）", (value: string) => {
      if (!/^\s*[1-9]\d{0,3}\s*$/.test(value)) throw new InvalidArgumentError("应为项目表的序号（1、2 …）");
      return value.trim();
    })
    .addOption(outOption("新 .xlsx 文件"))
    .addOption(
      forceOption("删除已填写内容的项目表，并覆盖已存在的输出文件，即使是填写过的工作簿（输入文件不会被覆盖）"),
    )
    .action((file: string, slot: string, options: { out: string; force?: boolean }) =>
      setExit(projectRemoveCommand(file, slot, options, io)),
    );

  program
    .command("help")
    .description("显示某个命令的帮助")
    .argument("[命令]", "命令名，如 validate")
    .action((name: string | undefined) => {
      const found = name === undefined ? program : program.commands.find((c) => c.name() === name);
      if (!found) program.error(`unknown command '${name}'`, { code: "commander.unknownCommand" });
      else found.outputHelp();
      setExit(EXIT.ok);
    });

  // Each command reports its own usage errors, so that the message can name its options and arguments.
  for (const cmd of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    cmd.exitOverride((error) => {
      if (error.exitCode === 0 || error.code === "commander.help") throw error;
      throw new UsageError(usageMessage(error, cmd));
    });
  }
  return program;
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code. Never throws. Commands
 * that write or read workbooks are asynchronous; `runAsync` waits for them.
 */
export function run(argv: readonly string[], io: CliIo = processIo): number {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    if (typeof code !== "number") throw new Error("asynchronous command: use runAsync");
    exitCode = code;
  });
  try {
    program.parse([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return exitFor(error, io);
  }
}

export async function runAsync(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let pending: number | Promise<number> = EXIT.ok;
  const program = buildProgram(io, (code) => (pending = code));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return await pending;
  } catch (error) {
    return exitFor(error, io);
  }
}

function exitFor(error: unknown, io: CliIo): number {
  if (error instanceof InputError) {
    io.err(`错误：${printable(error.message)}`);
    return EXIT.badInput;
  }
  if (error instanceof CommanderError) {
    // Help and version exit 0; `jxzp` alone has printed its help on stderr: bad input.
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  io.err(`内部错误：${printable((error as Error).message)}`);
  return EXIT.badInput;
}

/**
 * The process entry (bin/jxzp.js): runs on process.argv and sets the exit code. A reader that closes the
 * pipe early (`jxzp template --out - | head -c 4`) ends the output quietly instead of with a stack trace.
 */
export async function main(): Promise<void> {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  process.exitCode = await runAsync(process.argv.slice(2));
}

if (require.main === module) void main();
