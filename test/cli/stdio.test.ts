/**
 * `-` reads standard input, `--out -` writes the file to standard output (bytes unchanged, nothing else there),
 * and an input that is not what the command needs is named for what it is.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { zipSync } from "fflate";
import JSZip from "jszip";
import { run, runAsync } from "../../src/cli/main";
import { cli, cliWith, memoryIo, sampleWorkbook } from "../support/cli";
import { SAMPLE_PATH } from "../support/model-inputs";

jest.setTimeout(60000);
const dir = mkdtempSync(join(tmpdir(), "jxzp-stdio-"));
const ROOT = join(__dirname, "../..");

/** The names of a zip's entries. */
async function zipEntries(bytes: Buffer): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(bytes)).files);
}

let workbook: string;
beforeAll(async () => {
  workbook = await sampleWorkbook(dir, "zhuzhou");
});

describe("--out - writes the file to standard output", () => {
  test("template: a valid .xlsx on stdout, the message on stderr", async () => {
    const { code, out, err, bytes } = await cli("template", "--out", "-");
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(await zipEntries(bytes)).toContain("xl/workbook.xml");
    expect(err).toBe("已写入空白模板 标准输出\n");
    // The bytes are a workbook the CLI reads back.
    const blank = join(dir, "blank-from-stdout.xlsx");
    writeFileSync(blank, bytes);
    expect(JSON.parse((await cli("export", blank)).out).eval.indicators).toEqual([]);
  });

  test("report from stdin to stdout: a valid .docx, and verify says it belongs to the workbook", async () => {
    const { code, out, err, bytes } = await cliWith({ stdin: readFileSync(workbook) }, "report", "-", "--out", "-");
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(err).toMatch(/^已写入报告 标准输出\n/);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(await zipEntries(bytes)).toContain("word/document.xml");
    const docx = join(dir, "from-stdout.docx");
    writeFileSync(docx, bytes);
    const verified = await cli("verify", docx, workbook);
    expect(verified.code).toBe(0);
    // And the report from stdin, the workbook from a file.
    const fromStdin = await cliWith({ stdin: bytes }, "verify", "-", workbook);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.out).toMatch(/^一致：标准输入 由 /);
  });

  test("import: model on stdin, workbook on stdout", async () => {
    const { code, out, bytes } = await cliWith({ stdin: readFileSync(SAMPLE_PATH) }, "import", "-", "--out", "-");
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(await zipEntries(bytes)).toContain("xl/workbook.xml");
  });

  test("summary --out - with --json: both would be stdout, exit 2", async () => {
    const { code, err } = await cli("summary", dir, "--out", "-", "--json");
    expect(code).toBe(2);
    expect(err).toContain("--out - 与 --json 不能同时使用");
  });
});

describe("- reads standard input", () => {
  test("validate -: the workbook's bytes, named 标准输入", async () => {
    const stdin = readFileSync(workbook);
    const text = await cliWith({ stdin }, "validate", "-");
    const file = await cli("validate", workbook);
    expect(text.code).toBe(0);
    expect(text.out).toBe(file.out.replace(workbook, "标准输入"));
    const json = JSON.parse((await cliWith({ stdin }, "validate", "-", "--json")).out);
    expect(json.file).toBe("-");
    expect(json.score.total).toBe("98.00");
  });

  test("export -: the model", async () => {
    const { code, out } = await cliWith({ stdin: readFileSync(workbook) }, "export", "-");
    expect(code).toBe(0);
    expect(JSON.parse(out).basic.staff).toEqual({ authorized: 39, actual: 32, controlRate: "0.8205" });
  });

  test("compute - (synchronous run)", () => {
    const io = memoryIo({ stdin: readFileSync(SAMPLE_PATH) });
    const { code, out } = io.result(run(["compute", "-", "--json"], io));
    expect(code).toBe(0);
    expect(JSON.parse(out).computed["eval.grade"].display).toBe("优");
  });

  test("nothing on stdin, or both inputs from it: exit 2", async () => {
    expect((await cliWith({}, "validate", "-")).err).toContain("标准输入 是空文件（0 字节），不是工作簿");
    expect((await cliWith({ stdin: readFileSync(workbook) }, "verify", "-", "-")).err).toContain(
      "报告和工作簿不能都从标准输入（-）读取",
    );
  });

  test("an io without stdin or stdout says so instead of failing", async () => {
    const io = { out: () => undefined, err: jest.fn() };
    expect(await runAsync(["template", "--out", "-"], io)).toBe(2);
    expect(io.err).toHaveBeenCalledWith(expect.stringContaining("--out - 表示写到标准输出，但这里没有标准输出"));
  });

  test("the real process: bytes through pipes both ways", () => {
    const tsx = ["--require", "tsx/cjs", join(ROOT, "src/cli/main.ts")];
    const template = spawnSync(process.execPath, [...tsx, "template", "--out", "-"], { cwd: ROOT });
    expect(template.status).toBe(0);
    expect(template.stdout.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(template.stderr.toString()).toBe("已写入空白模板 标准输出\n");
    const validated = spawnSync(process.execPath, [...tsx, "validate", "-", "--json"], {
      cwd: ROOT,
      input: readFileSync(workbook),
    });
    expect(validated.status).toBe(0);
    expect(JSON.parse(validated.stdout.toString()).score.grade).toBe("优");
  });
});

describe("an input that is not what the command needs is named for what it is", () => {
  const write = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  /** An OLE compound file (as .xls, .doc and encrypted workbooks are) with a directory entry named `stream`. */
  const ole = (stream: string) =>
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from(stream, "utf16le"),
      Buffer.alloc(512),
    ]);

  test.each<[string, () => Promise<string> | string, string]>([
    [
      "a Word document",
      async () => {
        const zip = new JSZip();
        zip.file("word/document.xml", "<w:document/>");
        return write("报告.docx", await zip.generateAsync({ type: "nodebuffer" }));
      },
      "报告.docx 是 Word 文档（.docx），不是工作簿：validate 需要 .xlsx 工作簿",
    ],
    [
      "a model JSON",
      () => write("单位.json", readFileSync(SAMPLE_PATH)),
      "单位.json 是 JSON 文件，不是工作簿：validate 需要 .xlsx 工作簿（模型 JSON 可用 jxzp import",
    ],
    [
      "a CSV",
      () => write("单位.csv", "项目,金额\n人员经费,100\n"),
      "单位.csv 是 CSV 文本（逗号或制表符分隔），不是工作簿：validate 需要 .xlsx 工作簿",
    ],
    [
      "an .xls",
      () => write("旧表.xls", ole("Workbook")),
      "旧表.xls 是旧版 Excel 97-2003 工作簿（.xls），不是 .xlsx 工作簿：validate 需要 .xlsx 工作簿（在 Excel 或 WPS 中打开，另存为 .xlsx",
    ],
    [
      "an encrypted workbook",
      () => write("加密.xlsx", ole("EncryptedPackage")),
      "加密.xlsx 受密码保护：请在 Excel 中取消密码",
    ],
    [
      "an unknown OLE file: the batch guard's reason",
      () => write("未知.xlsx", ole("Something")),
      "未知.xlsx：文件受密码保护，或是旧版 .xls：请另存为不加密的 .xlsx",
    ],
    [
      "an HTML table saved as .xls",
      () => write("导出.xls", "<html><body><table><tr><td>1</td></tr></table></body></html>"),
      "导出.xls 是网页（HTML）文件，不是工作簿",
    ],
    ["an empty file", () => write("空.xlsx", ""), "空.xlsx 是空文件（0 字节），不是工作簿"],
    [
      "a zip without a workbook",
      () => write("收件.zip", zipSync({ "a.txt": new TextEncoder().encode("x") })),
      "收件.zip 是 zip 压缩包（其中没有 xl/workbook.xml），不是工作簿",
    ],
    [
      "a zip bomb dressed as a workbook: the batch guard refuses it before exceljs",
      () => write("炸弹.xlsx", zipSync({ "xl/workbook.xml": new Uint8Array(4 * 1024 * 1024) }, { level: 9 })),
      "炸弹.xlsx：压缩比",
    ],
    [
      "a file over the size limit",
      () => {
        const path = write("巨大.xlsx", "PK");
        truncateSync(path, 21 * 1024 * 1024);
        return path;
      },
      "巨大.xlsx：文件 21.0 MB，超过 20.0 MB 的上限",
    ],
  ])("validate given %s", async (_, make, message) => {
    const { code, err } = await cli("validate", await make());
    expect(code).toBe(2);
    expect(err).toContain(`错误：${dir}${sep}${message}`);
  });

  test.each(["export", "report", "verify"])("%s checks its workbook the same way", async (command) => {
    const json = write("模型.json", readFileSync(SAMPLE_PATH));
    const docx = join(dir, "ok.docx");
    if (command === "verify") expect((await cli("report", workbook, "--out", docx)).code).toBe(0);
    const argv =
      command === "report" ? [json, "--out", join(dir, "x.docx")] : command === "verify" ? [docx, json] : [json];
    const { code, err } = await cli(command, ...argv);
    expect(code).toBe(2);
    expect(err).toContain(`${json} 是 JSON 文件，不是工作簿：${command} 需要 .xlsx 工作簿`);
  });

  test("compute and import given a workbook or a CSV say so", async () => {
    const computed = await cli("compute", workbook);
    expect(computed.code).toBe(2);
    expect(computed.err).toContain(
      `${workbook} 是 Excel 工作簿（.xlsx），不是模型 JSON：compute 需要模型 JSON` +
        `（可用 jxzp export ${workbook} > 模型.json 取出数据，或直接校验：jxzp validate ${workbook}）`,
    );
    const csv = write("表.csv", "项目,金额\n人员经费,100\n");
    expect((await cli("import", csv, "--out", join(dir, "y.xlsx"))).err).toContain(
      `${csv} 是 CSV 文本（逗号或制表符分隔），不是模型 JSON：import 需要模型 JSON`,
    );
  });
});
