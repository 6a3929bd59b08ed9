/**
 * Help text in Chinese that fits the terminal. Commander measures text with `.length` and wraps only at
 * spaces; a Chinese sentence has no spaces and each character takes two columns. These overrides (through
 * `configureHelp`, Commander's public hook) measure with string-width and break between CJK characters,
 * keeping closing punctuation off the start of a line and opening punctuation off its end.
 */
import { Help, type Argument, type Command, type HelpConfiguration, type Option } from "commander";
import stringWidth from "string-width";

const TITLES: Record<string, string> = {
  "Usage:": "用法：",
  "Arguments:": "参数：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Global Options:": "全局选项：",
};

/** Never at the start of a line. */
const CLOSERS = new Set([..."）」』】》〉”’，。、；：？！…)]}>,.;:?!%"]);
/** Never at the end of a line. */
const OPENERS = new Set([..."（「『【《〈“‘([{<"]);

const isSpace = (token: string) => /^\s+$/.test(token);
const first = (token: string) => [...token][0] ?? "";
const last = (token: string) => [...token].pop() ?? "";

/** A line cut into pieces a line may break between: whitespace, runs of narrow characters, single wide ones. */
function pieces(line: string): string[] {
  const tokens: Array<{ text: string; narrow: boolean }> = [];
  for (const ch of line) {
    const previous = tokens[tokens.length - 1];
    const space = /\s/.test(ch);
    const narrow = !space && stringWidth(ch) <= 1;
    if (previous && space && isSpace(previous.text)) previous.text += ch;
    else if (previous && narrow && previous.narrow) previous.text += ch;
    else tokens.push({ text: ch, narrow });
  }
  const glued: string[] = [];
  for (const { text } of tokens) {
    const before = glued[glued.length - 1];
    if (
      before !== undefined &&
      !isSpace(text) &&
      !isSpace(before) &&
      (CLOSERS.has(first(text)) || OPENERS.has(last(before)))
    )
      glued[glued.length - 1] = before + text;
    else glued.push(text);
  }
  return glued;
}

/** Wraps one line (no newlines) to `width` display columns. */
function wrapLine(line: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  let used = 0;
  for (const piece of pieces(line)) {
    const size = stringWidth(piece);
    if (used + size <= width) {
      current += piece;
      used += size;
      continue;
    }
    if (current.trim() !== "") lines.push(current.trimEnd());
    current = "";
    used = 0;
    if (isSpace(piece)) continue;
    // A piece wider than a whole line (a long path) is cut where it must be.
    for (const ch of size <= width ? [piece] : piece) {
      const chWidth = stringWidth(ch);
      if (used + chWidth > width && current !== "") {
        lines.push(current);
        current = "";
        used = 0;
      }
      current += ch;
      used += chWidth;
    }
  }
  lines.push(current.trimEnd());
  return lines;
}

/** Wraps text to `width` display columns, keeping its own line breaks. */
export function wrapText(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .flatMap((line) => wrapLine(line, width))
    .join("\n");
}

function extras(description: string, parts: string[]): string {
  return parts.length === 0 ? description : `${description}（${parts.join("；")}）`;
}

export const chineseHelp: HelpConfiguration = {
  minWidthToWrap: 16,
  displayWidth: (text: string) => stringWidth(text),
  boxWrap(this: Help, text: string, width: number): string {
    // Too narrow to wrap usefully (or a terminal that reports no width): left as it is, as Commander does.
    return width < this.minWidthToWrap ? text : wrapText(text, width);
  },
  styleTitle: (title: string) => TITLES[title] ?? title,
  commandUsage(this: Help, cmd: Command): string {
    return Help.prototype.commandUsage
      .call(this, cmd)
      .replace(" [options]", " [选项]")
      .replace(" [command]", " <命令>");
  },
  subcommandTerm(this: Help, cmd: Command): string {
    return Help.prototype.subcommandTerm.call(this, cmd).replace(" [options]", " [选项]");
  },
  optionDescription(option: Option): string {
    const parts: string[] = [];
    if (option.argChoices) parts.push(`可选：${option.argChoices.join("、")}`);
    const showDefault =
      option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
    if (option.defaultValue !== undefined && showDefault)
      parts.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
    if (option.envVar !== undefined) parts.push(`环境变量：${option.envVar}`);
    return extras(option.description, parts);
  },
  argumentDescription(argument: Argument): string {
    const parts: string[] = [];
    if (argument.argChoices) parts.push(`可选：${argument.argChoices.join("、")}`);
    if (argument.defaultValue !== undefined)
      parts.push(`默认：${argument.defaultValueDescription ?? String(argument.defaultValue)}`);
    return extras(argument.description, parts);
  },
  formatHelp(this: Help, cmd: Command, helper: Help): string {
    // "用法：" already ends in a full-width colon: no space after it.
    return Help.prototype.formatHelp.call(this, cmd, helper).replace(/^用法： /, "用法：");
  },
};
