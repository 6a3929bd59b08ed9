#!/usr/bin/env node
/**
 * jxzp: the command-line face of 绩效自评助手. Same domain core as the add-in, for scripts and for
 * finance bureaus. Exit codes: 0 done, 1 the data has errors, 2 bad input.
 */
import { Command, CommanderError } from "commander";
import { version } from "../../package.json";
import { DEFAULT_PROFILE, PROFILE_WORD, profileChoices } from "../domain";
import { computeCommand } from "./commands/compute";
import { contractCommand } from "./commands/contract";
import { fnCommand } from "./commands/fn";
import { exportCommand, importCommand, templateCommand } from "./commands/workbook";
import { schemaCommand } from "./commands/schema";
import { validateCommand } from "./commands/validate";
import { reportCommand, verifyCommand } from "./commands/report";
import { summaryCommand } from "./commands/summary";
import { EXIT, InputError } from "./errors";
import { processIo, type CliIo } from "./io";

function buildProgram(io: CliIo, setExit: (code: number | Promise<number>) => void): Command {
  const program = new Command("jxzp")
    .description("绩效自评助手：部门整体支出绩效自评的计算、校验与报告")
    .version(version, "-V, --version", "显示版本")
    .helpOption("-h, --help", "显示帮助")
    .addHelpCommand("help [command]", "显示某个命令的帮助")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  program
    .command("contract")
    .description("列出工作簿契约：每个键的名称、工作表、定义名称、位置、类型与角色")
    .option("--json", "以 JSON 数组输出")
    .action((options: { json?: boolean }) => setExit(contractCommand(options, io)));

  program
    .command("schema")
    .description("输出数据模型的 JSON Schema")
    .action(() => setExit(schemaCommand(io)));

  program
    .command("compute")
    .description("读取模型 JSON，输出全部计算值：控制率、执行率、得分、各项比率、指标完成率与建议得分、总分与等次")
    .argument("<model>", "模型 JSON 文件（键见 jxzp contract）")
    .option("-p, --profile <name>", `${PROFILE_WORD}：${profileChoices()}`, DEFAULT_PROFILE)
    .option("--json", "以 JSON 输出")
    .action((file: string, options: { profile?: string; json?: boolean }) =>
      setExit(computeCommand(file, options, io)),
    );

  program
    .command("fn")
    .description(
      "调用一个 JXZP 函数（与单元格中的实现相同），如 jxzp fn EXECRATE 1387.53 1387.53；区域写作 JSON 数组 [[10],[5]]",
    )
    .argument("<id>", "函数 ID 或中文名，如 EXECRATE 或 执行率")
    .argument("[args...]", "参数：数字、文本或 JSON 数组")
    .allowUnknownOption()
    .action((id: string, args: string[]) => setExit(fnCommand(id, args, io)));

  program
    .command("template")
    .description("写出空白模板（附件1 基础数据表、附件2 自评表、报告文字）")
    .requiredOption("-o, --out <file>", "输出的 .xlsx 文件")
    .action((options: { out: string }) => setExit(templateCommand(options, io)));

  program
    .command("import")
    .description("由模型 JSON 写出填好数据的工作簿")
    .argument("<model>", "模型 JSON 文件")
    .requiredOption("-o, --out <file>", "输出的 .xlsx 文件")
    .option("-p, --profile <name>", `${PROFILE_WORD}：${profileChoices()}`)
    .action((file: string, options: { out: string; profile?: string }) => setExit(importCommand(file, options, io)));

  program
    .command("export")
    .description("读取工作簿（按定义名称与表格），输出模型 JSON")
    .argument("<workbook>", ".xlsx 文件")
    .option("--json", "以 JSON 输出（默认）")
    .action((file: string) => setExit(exportCommand(file, io)));

  program
    .command("validate")
    .description("校验工作簿：必填、类型、勾稽关系、重新计算、分值与得分、表间一致、常见填写失误；有错误时退出码为 1")
    .argument("<workbook>", ".xlsx 文件")
    .option("-p, --profile <name>", `${PROFILE_WORD}：${profileChoices()}（默认取工作簿中的评分口径）`)
    .option("--json", "以 JSON 输出")
    .action((file: string, options: { profile?: string; json?: boolean }) =>
      setExit(validateCommand(file, options, io)),
    );

  program
    .command("report")
    .description("由工作簿生成绩效自评报告（.docx）：每个数字取自表格；有错误时不生成，--draft 生成带“草稿”标记的稿子")
    .argument("<workbook>", ".xlsx 文件")
    .requiredOption("-o, --out <file>", "输出的 .docx 文件")
    .option("--draft", "有错误也生成，标为草稿并附上尚未解决的问题")
    .option("-p, --profile <name>", `${PROFILE_WORD}：${profileChoices()}（默认取工作簿中的评分口径）`)
    .action((file: string, options: { out: string; draft?: boolean; profile?: string }) =>
      setExit(reportCommand(file, options, io)),
    );

  program
    .command("verify")
    .description("核对报告是否由这个工作簿的数据生成（比较数据指纹）；一致时退出码 0，不一致时 1")
    .argument("<report>", ".docx 报告")
    .argument("<workbook>", ".xlsx 文件")
    .option("-p, --profile <name>", `生成报告时用的${PROFILE_WORD}：${profileChoices()}（默认取工作簿中的评分口径）`)
    .action((report: string, file: string, options: { profile?: string }) =>
      setExit(verifyCommand(report, file, options, io)),
    );

  program
    .command("summary")
    .description(
      "批量读取并校验工作簿（多线程），写出汇总工作簿：汇总、问题清单、无法读取；有错误或无法读取的文件时退出码为 1",
    )
    .argument("<inputs...>", "目录（含子目录）、文件，或带通配符的路径，如 收件/*.xlsx")
    .option("-o, --out <file>", "输出的汇总 .xlsx 文件")
    .option("--json", "以 JSON 输出汇总（不显示进度条）")
    .option("-p, --profile <name>", `${PROFILE_WORD}：${profileChoices()}（默认取各工作簿中的评分口径）`)
    .option("-j, --jobs <n>", "并行的线程数（默认为 CPU 数）")
    .action((inputs: string[], options: { out?: string; json?: boolean; profile?: string; jobs?: string }) =>
      setExit(summaryCommand(inputs, options, io)),
    );

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
    io.err(`错误：${error.message}`);
    return EXIT.badInput;
  }
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage mistakes are bad input.
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  io.err(`内部错误：${(error as Error).message}`);
  return EXIT.badInput;
}

if (require.main === module) {
  void runAsync(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
