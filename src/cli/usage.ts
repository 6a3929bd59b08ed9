/**
 * Commander's usage errors (unknown option, missing argument, …) in Chinese, naming what the user typed and
 * saying what to do. Commander's own English text is not shown (`outputError` is silenced in main.ts); each
 * command's `exitOverride` hands its CommanderError here with the command it came from, and the message is
 * rebuilt from the error's code, the token Commander quotes, and the command's declared options and
 * arguments.
 */
import type { Argument, Command, CommanderError, Option } from "commander";
import { InputError } from "./errors";

/** A mistake on the command line: exit 2 like any bad input. */
export class UsageError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** "jxzp validate" for the validate command. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/** "用法：jxzp validate [选项] <工作簿>，详见 jxzp validate --help" */
const usageHint = (cmd: Command) => `用法：${usageOf(cmd)}，详见 ${commandPath(cmd)} --help`;

const helpHint = (cmd: Command) =>
  cmd.parent ? `用 ${commandPath(cmd)} --help 查看用法` : `用 ${commandPath(cmd)} --help 查看全部命令`;

const usageOf = (cmd: Command) => cmd.createHelp().commandUsage(cmd);

/** Damerau–Levenshtein distance (adjacent swaps count one), as Commander's own suggestions use. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidates closest to `word` (at most 3 edits, and at least 40% alike), best first. */
export function suggest(word: string, candidates: readonly string[]): string[] {
  const lower = word.toLowerCase();
  const exact = candidates.filter((c) => c.toLowerCase() === lower && c !== word);
  if (exact.length > 0) return exact;
  let best = Infinity;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    const d = distance(lower, candidate.toLowerCase());
    const alike = (Math.max(word.length, candidate.length) - d) / Math.max(word.length, candidate.length);
    if (d > 3 || alike <= 0.4) continue;
    if (d < best) [best, found] = [d, [candidate]];
    else if (d === best) found.push(candidate);
  }
  return found.sort();
}

const didYouMean = (found: readonly string[]) => (found.length > 0 ? `是不是 ${found.join(" 或 ")}？` : "");

/** The options a command accepts (its own, its help option, and its ancestors'): their flags. */
function knownFlags(cmd: Command): string[] {
  const flags: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const option of c.createHelp().visibleOptions(c)) {
      if (option.long) flags.push(option.long);
      if (option.short) flags.push(option.short);
    }
  }
  return flags;
}

/** The declared option for `flags` as Commander quotes it ("-o, --out <文件>"). */
const optionFor = (cmd: Command, flags: string): Option | undefined => cmd.options.find((o) => o.flags === flags);

/** "--out <文件>：输出的 .xlsx 文件" */
function describeOption(option: Option | undefined, flags: string): string {
  if (!option) return flags;
  const name = option.long ?? option.short ?? flags;
  const value = /[<[].*[>\]]/.exec(option.flags)?.[0];
  return `${name}${value ? ` ${value}` : ""}${option.description ? `：${option.description}` : ""}`;
}

const nameOf = (option: Option | undefined, flags: string) => option?.long ?? option?.short ?? flags;

function unknownOption(cmd: Command, flag: string): string {
  const bare = flag.split("=")[0]!;
  const candidates = knownFlags(cmd).filter((f) => f.startsWith("--") === bare.startsWith("--"));
  return `未知选项 ${flag}。${didYouMean(suggest(bare, candidates))}${helpHint(cmd)}`;
}

function unknownCommand(cmd: Command, name: string): string {
  const names = cmd.commands.map((c) => c.name());
  let guess = didYouMean(suggest(name, names));
  if (!guess) {
    if (/\.xlsx$/i.test(name)) guess = `要校验这个工作簿吗？jxzp validate ${name}。`;
    else if (/\.json$/i.test(name)) guess = `要计算这个模型吗？jxzp compute ${name}。`;
    else if (/\.docx$/i.test(name)) guess = `要核对这份报告吗？jxzp verify ${name} 单位.xlsx。`;
  }
  return `未知命令 ${name}。${guess}${helpHint(cmd)}`;
}

/** The reason an argParser gave (ours are Chinese; Commander's choices check is translated). */
const reasonText = (reason: string) => reason.replace(/^Allowed choices are (.*)\.$/, "可选：$1").replace(/[。.]$/, "");

const quoted = (message: string, pattern: RegExp) => pattern.exec(message)?.slice(1) ?? [];

/** The Chinese message for a usage error Commander raised in `cmd`. */
export function usageMessage(error: CommanderError, cmd: Command): string {
  const message = error.message;
  switch (error.code) {
    case "commander.unknownOption": {
      const [flag = ""] = quoted(message, /unknown option '(.*)'/);
      return unknownOption(cmd, flag);
    }
    case "commander.unknownCommand": {
      const [name = ""] = quoted(message, /unknown command '(.*)'/);
      return unknownCommand(cmd, name);
    }
    case "commander.missingArgument": {
      const [name = ""] = quoted(message, /missing required argument '(.*)'/);
      const argument = cmd.registeredArguments.find((a: Argument) => a.name() === name);
      const about = argument?.description ? `：${argument.description}` : "";
      return `缺少参数 <${name}>${about}。${usageHint(cmd)}`;
    }
    case "commander.optionMissingArgument": {
      const [flags = ""] = quoted(message, /option '(.*)' argument missing/);
      const option = optionFor(cmd, flags);
      return `选项 ${nameOf(option, flags)} 缺少值。${describeOption(option, flags)}。${helpHint(cmd)}`;
    }
    case "commander.missingMandatoryOptionValue": {
      // Commander checks required options before unknown ones: "--outt x" is reported as a missing --out.
      const typo = cmd.args.find((arg) => arg.length > 1 && arg.startsWith("-"));
      if (typo) return unknownOption(cmd, typo);
      const [flags = ""] = quoted(message, /required option '(.*)' not specified/);
      const option = optionFor(cmd, flags);
      return `缺少必需的选项 ${describeOption(option, flags)}。${usageHint(cmd)}`;
    }
    case "commander.excessArguments": {
      const expected = cmd.registeredArguments;
      const extra = cmd.args.slice(expected.length);
      const wants =
        expected.length === 0
          ? `${commandPath(cmd)} 不需要参数`
          : `${commandPath(cmd)} 只需要 ${expected.length} 个参数（路径含空格时请加引号）`;
      return `多余的参数：${extra.join(" ")}。${wants}。${usageHint(cmd)}`;
    }
    case "commander.invalidArgument": {
      const [flags, value = "", reason = ""] = quoted(
        message,
        /option '(.*?)' (?:argument|value) '(.*)' is invalid\.\s*(.*)$/s,
      );
      const chinese = reasonText(reason);
      if (flags !== undefined) {
        const name = nameOf(optionFor(cmd, flags), flags);
        return chinese.includes(`「${value}」`)
          ? `选项 ${name}：${chinese}。${helpHint(cmd)}`
          : `选项 ${name} 的值「${value}」无效：${chinese}。${helpHint(cmd)}`;
      }
      const [argValue = "", argName = "", argReason = ""] = quoted(
        message,
        /command-argument value '(.*)' is invalid for argument '(.*?)'\.\s*(.*)$/s,
      );
      return `参数 <${argName}> 的值「${argValue}」无效：${reasonText(argReason)}。${helpHint(cmd)}`;
    }
    case "commander.conflictingOption": {
      const [flags = "", other = ""] = quoted(message, /option '(.*?)' cannot be used with option '(.*?)'/);
      const [a, b] = [nameOf(optionFor(cmd, flags), flags), nameOf(optionFor(cmd, other), other)];
      return `选项 ${a} 与 ${b} 不能同时使用，只能用其一。${helpHint(cmd)}`;
    }
    default:
      return `命令行有误：${message.replace(/^error:\s*/, "")}。${helpHint(cmd)}`;
  }
}
