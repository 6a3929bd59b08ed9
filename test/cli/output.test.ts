/**
 * What each command does with an existing output file (src/cli/write-file.ts): an input is never
 * overwritten (same path, symbolic or hard link); a file that is not what the command writes, or a filled
 * workbook, is replaced only with --force; every write goes through a temporary file renamed into place,
 * so a write that fails half-way leaves the old file byte for byte and no temporary file behind.
 */
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { isOurSummary } from "../../src/batch/summary-mark";
import { renameWithRetry } from "../../src/cli/write-file";
import { cli, cliWith, sampleWorkbook } from "../support/cli";
import { SAMPLE_PATH } from "../support/model-inputs";

// Each test runs several commands (a batch on worker threads, reports regenerated): slow on a busy machine.
jest.setTimeout(60000);

const root = mkdtempSync(join(tmpdir(), "jxzp-output-"));
let n = 0;
/** A fresh folder per test, so that a summary of it reads only what the test put there. */
const folder = () => {
  const dir = join(root, `t${++n}`);
  mkdirSync(dir);
  return dir;
};

/** Temporary files left in `dir` (there must be none). */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.includes(".jxzp-"));

/** A writer that writes half of the bytes and then fails as a full disk does. */
const diskFull = (fd: number, bytes: Uint8Array) => {
  writeSync(fd, bytes, 0, Math.floor(bytes.length / 2));
  throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
};

async function foreignDocx(path: string): Promise<void> {
  const zip = new JSZip();
  zip.file("word/document.xml", "<w:document/>");
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
}

describe("an output is never one of the inputs, even with --force", () => {
  test("report --out the workbook itself", async () => {
    const dir = folder();
    const file = await sampleWorkbook(dir, "单位");
    const before = readFileSync(file);
    for (const force of [[], ["--force"]]) {
      const { code, err } = await cli("report", file, "--out", file, ...force);
      expect(code).toBe(2);
      expect(err).toContain(`输出文件 ${file} 就是输入文件：请换一个输出文件名`);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("through a symbolic link and through a hard link", async () => {
    const dir = folder();
    const file = await sampleWorkbook(dir, "单位");
    const before = readFileSync(file);
    const symbolic = join(dir, "链接.xlsx");
    symlinkSync(file, symbolic);
    const hard = join(dir, "硬链接.docx");
    linkSync(file, hard);
    const viaSymlink = await cli("report", file, "--out", symbolic, "--force");
    expect(viaSymlink.code).toBe(2);
    expect(viaSymlink.err).toContain(`输出文件 ${symbolic} 与输入文件 ${file} 是同一个文件（经由链接）`);
    const viaHardLink = await cli("report", file, "--out", hard, "--force");
    expect(viaHardLink.code).toBe(2);
    expect(viaHardLink.err).toContain(`输出文件 ${hard} 与输入文件 ${file} 是同一个文件（经由链接）`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("import --out its model JSON", async () => {
    const dir = folder();
    const model = join(dir, "模型.json");
    writeFileSync(model, readFileSync(SAMPLE_PATH));
    const { code, err } = await cli("import", model, "--out", model, "--force");
    expect(code).toBe(2);
    expect(err).toContain("就是输入文件");
    expect(readFileSync(model).equals(readFileSync(SAMPLE_PATH))).toBe(true);
  });

  test("summary --out a file it reads", async () => {
    const dir = folder();
    const submitted = await sampleWorkbook(dir, "甲单位");
    const before = readFileSync(submitted);
    const { code, err } = await cli("summary", dir, "--out", submitted, "--force", "--jobs", "1");
    expect(code).toBe(2);
    expect(err).toContain(`输出文件 ${submitted} 就是输入文件`);
    expect(readFileSync(submitted).equals(before)).toBe(true);
  });
});

describe("an existing file is replaced only when it is what the command writes, or with --force", () => {
  test("template and import never replace a filled workbook; --force does", async () => {
    const dir = folder();
    const filled = await sampleWorkbook(dir, "单位");
    const before = readFileSync(filled);
    const template = await cli("template", "--out", filled);
    expect(template.code).toBe(2);
    expect(template.err).toContain(`${filled} 已存在且是填写过的工作簿：不会覆盖。确需覆盖请加 --force`);
    const imported = await cli("import", SAMPLE_PATH, "--out", filled);
    expect(imported.code).toBe(2);
    expect(imported.err).toContain("已存在且是填写过的工作簿");
    expect(readFileSync(filled).equals(before)).toBe(true);
    const forced = await cli("template", "--out", filled, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(filled).equals(before)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  test("a blank template and an empty file are replaced without --force", async () => {
    const dir = folder();
    const out = join(dir, "模板.xlsx");
    expect((await cli("template", "--out", out)).code).toBe(0);
    expect((await cli("template", "--out", out)).code).toBe(0);
    expect((await cli("import", SAMPLE_PATH, "--out", out)).code).toBe(0);
    const empty = join(dir, "空.xlsx");
    writeFileSync(empty, "");
    expect((await cli("template", "--out", empty)).code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  test("a workbook is never replaced by a report, nor a Word document by a workbook, without --force", async () => {
    const dir = folder();
    const file = await sampleWorkbook(dir, "单位");
    const other = await sampleWorkbook(dir, "另一单位");
    const before = readFileSync(other);
    const report = await cli("report", file, "--out", other, "--draft");
    expect(report.code).toBe(2);
    expect(report.err).toContain(
      `${other} 已存在，是 Excel 工作簿（.xlsx），不是由 jxzp 生成的报告：不会覆盖。确需覆盖请加 --force`,
    );
    expect(readFileSync(other).equals(before)).toBe(true);

    const word = join(dir, "说明.docx");
    await foreignDocx(word);
    const wordBefore = readFileSync(word);
    const template = await cli("template", "--out", word);
    expect(template.code).toBe(2);
    expect(template.err).toContain(`${word} 已存在，是 Word 文档（.docx），不是本工具的工作簿模板：不会覆盖`);
    const overWord = await cli("report", file, "--out", word, "--draft");
    expect(overWord.code).toBe(2);
    expect(overWord.err).toContain(`${word} 已存在，是 Word 文档（.docx），不是由 jxzp 生成的报告`);
    expect(readFileSync(word).equals(wordBefore)).toBe(true);

    const text = join(dir, "笔记.xlsx");
    writeFileSync(text, "不要覆盖我");
    expect((await cli("template", "--out", text)).err).toContain(`${text} 已存在，是文本文件，不是本工具的工作簿模板`);
    expect(readFileSync(text, "utf8")).toBe("不要覆盖我");

    expect((await cli("report", file, "--out", word, "--draft", "--force")).code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  test("report replaces a report it generated; a symbolic link stays and its file is replaced", async () => {
    const dir = folder();
    const file = await sampleWorkbook(dir, "单位");
    const docx = join(dir, "报告.docx");
    expect((await cli("report", file, "--out", docx, "--draft")).code).toBe(0);
    const first = readFileSync(docx);
    const edited = await sampleWorkbook(dir, "单位", (j) => (j.basic.staff.actual = 33));
    expect((await cli("report", edited, "--out", docx, "--draft")).code).toBe(0);
    expect(readFileSync(docx).equals(first)).toBe(false);
    const link = join(dir, "最新报告.docx");
    symlinkSync(docx, link);
    expect((await cli("report", edited, "--out", link, "--draft")).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await cli("verify", link, edited)).code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  test("summary replaces only a summary it wrote, which carries its mark", async () => {
    const dir = folder();
    await sampleWorkbook(dir, "甲单位");
    const outDir = folder();
    const out = join(outDir, "汇总.xlsx");
    expect((await cli("summary", dir, "--out", out, "--jobs", "1")).code).not.toBe(2);
    expect(isOurSummary(readFileSync(out))).toBe(true);
    const first = readFileSync(out);
    await sampleWorkbook(dir, "乙单位");
    const again = await cli("summary", dir, "--out", out, "--jobs", "1");
    expect(again.code).not.toBe(2);
    expect(again.err).toBe("");
    expect(again.out).toContain("共 2 个工作簿");
    expect(readFileSync(out).equals(first)).toBe(false);
    expect(isOurSummary(readFileSync(out))).toBe(true);
    const notOurs = join(outDir, "别人的.xlsx");
    expect((await cli("template", "--out", notOurs)).code).toBe(0);
    expect(isOurSummary(readFileSync(notOurs))).toBe(false);
    const before = readFileSync(notOurs);
    const refused = await cli("summary", dir, "--out", notOurs, "--jobs", "1");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${notOurs} 已存在，是 Excel 工作簿（.xlsx），不是由 jxzp 写出的汇总：不会覆盖`);
    expect(readFileSync(notOurs).equals(before)).toBe(true);
    expect(isOurSummary(new TextEncoder().encode("PK not a zip"))).toBe(false);
  });

  test("a folder as output is refused", async () => {
    const dir = folder();
    const { code, err } = await cli("template", "--out", dir, "--force");
    expect(code).toBe(2);
    expect(err).toContain(`${dir}：是目录，不能写入文件`);
  });
});

describe("a write that fails half-way leaves the old file as it was and no temporary file", () => {
  test("template, report and summary on a full disk", async () => {
    const dir = folder();
    const file = await sampleWorkbook(dir, "单位");
    const template = join(dir, "模板.xlsx");
    expect((await cli("template", "--out", template)).code).toBe(0);
    const docx = join(dir, "报告.docx");
    expect((await cli("report", file, "--out", docx, "--draft")).code).toBe(0);
    const outDir = folder();
    const summary = join(outDir, "汇总.xlsx");
    await cli("summary", file, "--out", summary, "--jobs", "1");

    const cases: Array<[string, string[]]> = [
      [template, ["template", "--out", template]],
      [docx, ["report", file, "--out", docx, "--draft"]],
      [summary, ["summary", file, "--out", summary, "--jobs", "1"]],
    ];
    for (const [path, argv] of cases) {
      const before = readFileSync(path);
      const { code, err } = await cliWith({ writeBytes: diskFull }, ...argv);
      expect(code).toBe(2);
      expect(err).toContain(`${path}：无法写入（磁盘空间不足），原文件未改动`);
      expect(readFileSync(path).equals(before)).toBe(true);
    }
    const fresh = join(outDir, "新文件.xlsx");
    expect((await cliWith({ writeBytes: diskFull }, "template", "--out", fresh)).code).toBe(2);
    expect(readdirSync(outDir)).toEqual(["汇总.xlsx"]);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("after review", () => {
  test("a report saved again since jxzp wrote it (Word updates its modified time) needs --force", async () => {
    const dir = folder();
    const file = await sampleWorkbook(dir, "单位");
    const docx = join(dir, "报告.docx");
    expect((await cli("report", file, "--out", docx, "--draft")).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const core = await zip.file("docProps/core.xml")!.async("string");
    const later = core.replace(
      /(<dcterms:modified[^>]*>)[^<]+</,
      (_m, open: string) => `${open}${new Date(Date.now() + 3_600_000).toISOString()}<`,
    );
    zip.file("docProps/core.xml", later);
    writeFileSync(docx, await zip.generateAsync({ type: "nodebuffer" }));
    const saved = readFileSync(docx);
    const refused = await cli("report", file, "--out", docx, "--draft");
    expect([refused.code, refused.err]).toEqual([2, expect.stringContaining("生成后又被修改保存过")]);
    expect(readFileSync(docx).equals(saved)).toBe(true);
    expect((await cli("report", file, "--out", docx, "--draft", "--force")).code).toBe(0);
  });

  test("a long output name is written (the temporary name does not grow past the file system's limit)", async () => {
    const dir = folder();
    const out = join(dir, `${"甲".repeat(80)}.xlsx`);
    expect((await cli("template", "--out", out)).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  test("a symbolic link that points at nothing yet stays a link, and its file is written", async () => {
    const dir = folder();
    const target = join(dir, "真正的模板.xlsx");
    const link = join(dir, "模板.xlsx");
    symlinkSync(target, link);
    expect((await cli("template", "--out", link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(target)).toBe(true);
  });
});

describe("renaming into place on Windows", () => {
  const busy = (times: number, code = "EPERM") => {
    let calls = 0;
    return {
      rename: () => {
        calls += 1;
        if (calls <= times) throw Object.assign(new Error(code), { code });
      },
      calls: () => calls,
    };
  };

  test("a file held briefly by another program (EPERM, EBUSY) is retried until it is free", () => {
    const held = busy(3);
    renameWithRetry("a", "b", held.rename, "win32");
    expect(held.calls()).toBe(4);
  });

  test("a file held for good fails after the retries; other errors and other systems fail at once", () => {
    const forever = busy(100, "EBUSY");
    expect(() => renameWithRetry("a", "b", forever.rename, "win32")).toThrow("EBUSY");
    expect(forever.calls()).toBe(9);
    const full = busy(1, "ENOSPC");
    expect(() => renameWithRetry("a", "b", full.rename, "win32")).toThrow("ENOSPC");
    expect(full.calls()).toBe(1);
    const linux = busy(1);
    expect(() => renameWithRetry("a", "b", linux.rename, "linux")).toThrow("EPERM");
    expect(linux.calls()).toBe(1);
  });
});
