/**
 * Collecting a batch's files never throws or blocks: an unreadable folder is listed with its reason, a
 * FIFO named like a workbook is listed and never opened, a symbolic link loop is searched once, Excel's
 * lock files are skipped, a missing input is reported as missing.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectWorkbookFiles } from "../../src/batch/collect";
import { inspectFile } from "../../src/batch/inspect-file";

const root = mkdtempSync(join(tmpdir(), "jxzp-collect-"));
const at = (...parts: string[]) => join(root, ...parts);

beforeAll(() => {
  mkdirSync(at("收件", "一组"), { recursive: true });
  mkdirSync(at("收件", "二组"), { recursive: true });
  writeFileSync(at("收件", "a.xlsx"), "a");
  writeFileSync(at("收件", "~$a.xlsx"), "lock");
  writeFileSync(at("收件", "说明.txt"), "text");
  writeFileSync(at("收件", "一组", "b.XLSX"), "b");
  writeFileSync(at("收件", "二组", "c.xlsx"), "c");
  symlinkSync(at("收件"), at("收件", "二组", "回到收件")); // a loop
  symlinkSync(at("收件", "a.xlsx"), at("收件", "二组", "a-link.xlsx")); // a link to a file: read
  symlinkSync(at("没有"), at("收件", "二组", "dangling.xlsx"));
});

/** mkfifo, where the system has it. */
function fifo(path: string): boolean {
  try {
    execFileSync("mkfifo", [path]);
    return true;
  } catch {
    return false;
  }
}

test("a folder: recursive, sorted, only .xlsx, no lock files, a link loop searched once", () => {
  const { files, unreadable, missing } = collectWorkbookFiles([at("收件")]);
  expect(files).toEqual([
    at("收件", "a.xlsx"),
    at("收件", "一组", "b.XLSX"),
    at("收件", "二组", "a-link.xlsx"),
    at("收件", "二组", "c.xlsx"),
  ]);
  expect(unreadable).toEqual([
    { file: at("收件", "二组", "dangling.xlsx"), status: "unreadable", reason: "无法读取文件（ENOENT：已不存在）" },
  ]);
  expect(missing).toEqual([]);
});

test("skip: files found in folders that are not the batch's (a summary written into the folder)", () => {
  const skip = (path: string) => path.endsWith("c.xlsx");
  expect(collectWorkbookFiles([at("收件")], { skip }).files).not.toContain(at("收件", "二组", "c.xlsx"));
  expect(collectWorkbookFiles([at("收件", "二组", "c.xlsx")], { skip }).files).toEqual([at("收件", "二组", "c.xlsx")]);
});

test("a wildcard, a file named outright, a missing input, the same file twice", () => {
  const { files, missing } = collectWorkbookFiles([
    at("收件", "*.xlsx"),
    at("收件", "说明.txt"),
    at("收件", "a.xlsx"),
    at("没有", "*.xlsx"),
    at("没有.xlsx"),
  ]);
  expect(files).toEqual([at("收件", "a.xlsx"), at("收件", "说明.txt")]);
  expect(missing).toEqual([at("没有"), at("没有.xlsx")]);
});

test("a FIFO named like a workbook is listed as unreadable, never opened (a read would block)", async () => {
  const dir = at("管道");
  mkdirSync(dir);
  if (!fifo(join(dir, "pipe.xlsx"))) {
    console.warn("mkfifo is not available here: the FIFO case is not tested");
    return;
  }
  writeFileSync(join(dir, "ok.xlsx"), "x");
  const expected = {
    file: join(dir, "pipe.xlsx"),
    status: "unreadable",
    reason: "不是普通文件（命名管道（FIFO）），未读取",
  };
  for (const input of [dir, join(dir, "*.xlsx"), join(dir, "pipe.xlsx")]) {
    const { files, unreadable } = collectWorkbookFiles([input]);
    expect(unreadable).toEqual([expected]);
    expect(files).toEqual(input.endsWith("pipe.xlsx") ? [] : [join(dir, "ok.xlsx")]);
  }
  // A FIFO that reaches the reader anyway (swapped in after the folder was listed) does not block it.
  expect(await inspectFile(join(dir, "pipe.xlsx"))).toEqual({
    file: join(dir, "pipe.xlsx"),
    status: "unreadable",
    reason: "不是普通文件（命名管道、设备或套接字），未读取",
  });
});

/**
 * collectWorkbookFiles([dir]) run as the user nobody (runuser, in a child process), for root, whom
 * permissions do not stop; null when that cannot be done.
 */
function asNobody(dir: string): ReturnType<typeof collectWorkbookFiles> | null {
  if (process.getuid?.() !== 0) return null;
  const script =
    `require(${JSON.stringify(require.resolve("tsx/cjs"))});` +
    `const { collectWorkbookFiles } = require(${JSON.stringify(require.resolve("../../src/batch/collect"))});` +
    `process.stdout.write(JSON.stringify(collectWorkbookFiles([${JSON.stringify(dir)}])));`;
  try {
    chmodSync(root, 0o755);
    return JSON.parse(
      execFileSync("runuser", ["-u", "nobody", "--", process.execPath, "-e", script], { encoding: "utf8" }),
    );
  } catch {
    return null;
  }
}

test("a folder that cannot be listed is unreadable with its reason; the rest is collected", () => {
  const dir = at("权限");
  mkdirSync(join(dir, "锁住"), { recursive: true });
  writeFileSync(join(dir, "锁住", "x.xlsx"), "x");
  writeFileSync(join(dir, "y.xlsx"), "y");
  chmodSync(join(dir, "锁住"), 0o000);
  try {
    let blocked = true;
    try {
      readdirSync(join(dir, "锁住"));
      blocked = false;
    } catch {
      // as it should be
    }
    const collected = blocked ? collectWorkbookFiles([dir]) : asNobody(dir);
    if (!collected) {
      // Root (as in many containers) reads through permissions, and no other user could be switched to.
      console.warn("permissions do not stop this user's reads (root?): the unreadable-folder case is not tested");
      return;
    }
    const { files, unreadable } = collected;
    expect(files).toEqual([join(dir, "y.xlsx")]);
    expect(unreadable).toEqual([
      { file: join(dir, "锁住"), status: "unreadable", reason: "无法读取文件夹（EACCES：没有权限）" },
    ]);
  } finally {
    chmodSync(join(dir, "锁住"), 0o755);
  }
});
