/**
 * The command line itself in Chinese: Commander's usage errors name what was typed and say what to do (exit 2),
 * --version names the template too, and help fits the terminal with Chinese text.
 */
import stringWidth from "string-width";
import { version } from "../../package.json";
import { wrapText } from "../../src/cli/help";
import { suggest } from "../../src/cli/usage";
import { TEMPLATE_VERSION } from "../../src/domain/contract";
import { cli, cliWith } from "../support/cli";

const SAMPLE = "samples/zhuzhou-kjj-2024.json";

describe("usage errors: Chinese, naming the token, exit 2", () => {
  test.each<[string, string[], string]>([
    [
      "unknown option, with the likely one",
      ["report", "单位.xlsx", "--outt", "报告.docx"],
      "错误：未知选项 --outt。是不是 --out？用 jxzp report --help 查看用法",
    ],
    ["unknown option on validate", ["validate", "单位.xlsx", "--jsn"], "未知选项 --jsn。是不是 --json？"],
    [
      "unknown option with a value",
      ["validate", "单位.xlsx", "--profle=platform"],
      "未知选项 --profle=platform。是不是 --profile？",
    ],
    ["unknown short option", ["-v"], "未知选项 -v。是不是 -V？用 jxzp --help 查看全部命令"],
    [
      "unknown option, nothing alike",
      ["compute", SAMPLE, "--frobnicate"],
      "未知选项 --frobnicate。用 jxzp compute --help",
    ],
    [
      "missing argument",
      ["validate"],
      "缺少参数 <工作簿>：.xlsx 文件（- 表示标准输入）。用法：jxzp validate [选项] <工作簿>，详见 jxzp validate --help",
    ],
    ["missing second argument", ["verify", "报告.docx"], "缺少参数 <工作簿>"],
    ["unknown command", ["valdate", "单位.xlsx"], "未知命令 valdate。是不是 validate？用 jxzp --help 查看全部命令"],
    [
      "a workbook where the command goes",
      ["单位.xlsx"],
      "未知命令 单位.xlsx。要校验这个工作簿吗？jxzp validate 单位.xlsx。",
    ],
    ["unknown command after help", ["help", "nope"], "未知命令 nope。"],
    [
      "too many arguments",
      ["validate", "甲.xlsx", "乙.xlsx"],
      "多余的参数：乙.xlsx。jxzp validate 只需要 1 个参数（路径含空格时请加引号）。用法：jxzp validate [选项] <工作簿>",
    ],
    ["arguments to a command that takes none", ["schema", "x"], "多余的参数：x。jxzp schema 不需要参数。"],
    [
      "an option without its value",
      ["template", "--out"],
      "选项 --out 缺少值。--out <文件>：输出的 .xlsx 文件（- 表示标准输出）。用 jxzp template --help 查看用法",
    ],
    [
      "a required option missing",
      ["report", "单位.xlsx"],
      "缺少必需的选项 --out <文件>：输出的 .docx 文件（- 表示标准输出）。用法：jxzp report [选项] <工作簿>",
    ],
    ["an invalid option value", ["summary", ".", "--jobs", "abc"], "选项 --jobs 的值「abc」无效：应为正整数。"],
    [
      "an unknown profile",
      ["compute", SAMPLE, "--profile", "mars"],
      "选项 --profile：未知的评分口径「mars」，可选：national（全国通用）、platform（预算管理一体化平台）、",
    ],
    [
      "an unknown profile in a list",
      ["compute", SAMPLE, "--profile", "national,mars"],
      "选项 --profile 的值「national,mars」无效：未知的评分口径「mars」",
    ],
    [
      "--profile with --profile-file",
      ["validate", "单位.xlsx", "--profile-file", "口径.json", "-p", "platform"],
      "错误：选项 --profile-file 与 --profile 不能同时使用，只能用其一。用 jxzp validate --help 查看用法",
    ],
    ["an unknown profile subcommand", ["profile", "shwo", "national"], "未知命令 shwo。是不是 show？"],
    ["a profile subcommand's missing argument", ["profile", "show"], "缺少参数 <口径>"],
  ])("%s", async (_, argv, message) => {
    const { code, out, err, bytes } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toMatch(/^错误：/);
    expect(err.split("\n").filter(Boolean)).toHaveLength(1);
    expect(err).not.toMatch(/error:|Did you mean|unknown|missing|argument/i);
    expect(out).toBe("");
    expect(bytes).toHaveLength(0);
  });

  test("no command: the help on standard error, exit 2", async () => {
    const { code, out, err } = await cli();
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("用法：jxzp [选项] <命令>");
  });

  test("suggestions: closest by edits, case ignored for short options", () => {
    expect(suggest("--outt", ["--out", "--draft", "--profile"])).toEqual(["--out"]);
    expect(suggest("-v", ["-V", "-h"])).toEqual(["-V"]);
    expect(suggest("--xyz", ["--out", "--json"])).toEqual([]);
    expect(suggest("verfy", ["verify", "validate", "report"])).toEqual(["verify"]);
  });
});

test("--version and -V print the program and the template version", async () => {
  for (const flag of ["--version", "-V"]) {
    const { code, out, err } = await cli(flag);
    expect(code).toBe(0);
    expect(out).toBe(`jxzp ${version}（模板 ${TEMPLATE_VERSION}）\n`);
    expect(err).toBe("");
  }
});

const COMMANDS = [
  "contract",
  "schema",
  "compute",
  "fn",
  "template",
  "import",
  "export",
  "validate",
  "report",
  "verify",
  "summary",
  "profile",
  "help",
];

/** Commands under a command: jxzp profile list, …. */
const SUBCOMMANDS = [
  ["profile", "list"],
  ["profile", "show"],
  ["profile", "check"],
  ["profile", "schema"],
];

describe("help", () => {
  test("is Chinese first: titles, defaults, usage", async () => {
    const { code, out } = await cli("--help");
    expect(code).toBe(0);
    expect(out).toMatch(/^用法：jxzp \[选项\] <命令>\n/);
    expect(out).toContain("\n选项：\n");
    expect(out).toContain("\n命令：\n");
    expect(out).toContain("退出码：0 完成；1 数据有错误；2 输入有误");
    const compute = (await cli("compute", "--help")).out;
    expect(compute).toContain("\n参数：\n");
    expect(compute).toContain("（默认：national）");
    for (const text of [out, compute])
      expect(text).not.toMatch(/Usage|Options|Arguments|Commands|default:|\[options\]/);
  });

  test("jxzp help NAME is NAME --help", async () => {
    expect((await cli("help", "validate")).out).toBe((await cli("validate", "--help")).out);
    expect((await cli("help", "profile")).out).toBe((await cli("profile", "--help")).out);
    expect((await cli("help")).out).toBe((await cli("--help")).out);
  });

  test.each([80, 60])("every command's help fits %i columns, with its descriptions in one column", async (width) => {
    for (const argv of [["--help"], ...[...COMMANDS.map((c) => [c]), ...SUBCOMMANDS].map((c) => [...c, "--help"])]) {
      const { code, out } = await cliWith({ helpWidth: width }, ...argv);
      expect(code).toBe(0);
      const lines = out.replace(/\n$/, "").split("\n");
      for (const line of lines) {
        if (stringWidth(line) > width)
          throw new Error(`${argv.join(" ")}：${stringWidth(line)} 列 > ${width}\n${line}`);
      }
      // An item is "  term  description"; the lines it wraps onto are indented to the description's column.
      const columns = new Set<number>();
      for (const line of lines) {
        const item = /^( {2}\S(?:\S| (?! ))*? {2,})\S/.exec(line);
        if (item) columns.add(stringWidth(item[1]!));
        else if (/^ {3,}\S/.test(line)) columns.add(/^ +/.exec(line)![0].length);
      }
      expect({ argv, columns: [...columns] }).toEqual({ argv, columns: [[...columns][0]] });
    }
  });

  test("Chinese text wraps between characters, punctuation kept with its neighbour", () => {
    const text = "校验工作簿：必填、类型、勾稽关系、重新计算、分值与得分、表间一致、常见填写失误；有错误时退出码为 1";
    for (const width of [10, 17, 24, 31]) {
      const lines = wrapText(text, width).split("\n");
      expect(lines.join("").replace(/ /g, "")).toBe(text.replace(/ /g, ""));
      for (const line of lines) {
        expect(stringWidth(line)).toBeLessThanOrEqual(width);
        expect(line).not.toMatch(/^[，。、；：）」]/);
        expect(line).not.toMatch(/[（「]$/);
      }
    }
    expect(wrapText("输出的 .docx 文件（- 表示标准输出）", 12)).toBe("输出的 .docx\n文件（- 表示\n标准输出）");
    expect(wrapText("a-very-long-path/that-does-not-fit", 10).split("\n")).toEqual([
      "a-very-lon",
      "g-path/tha",
      "t-does-not",
      "-fit",
    ]);
  });
});
