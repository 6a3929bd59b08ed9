/**
 * A batch of good workbooks with every kind of hostile file mixed in, on real workers with jobs 1 and 2:
 * it completes, every good file is read and every bad one is unreadable with its Chinese reason, in the
 * files' order. Every hostile file is generated here (hostile-files.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { refuseWorkbook } from "../../src/batch/guard";
import { collectWorkbookFiles } from "../../src/batch/collect";
import type { SummaryRow } from "../../src/batch/inspect";
import { inspectAll, inspectInWorker, readInWorker } from "../../src/batch/pool";
import { inspectWorkbook, readWorkbook } from "../../src/workbook/xlsx/read";
import { amountText, goodWorkbook, lyingZip, oleFile, unitWithFFFE, withTableRange } from "./hostile-files";

jest.setTimeout(60000);
const dir = mkdtempSync(join(tmpdir(), "jxzp-hostile-"));
const at = (name: string) => join(dir, name);

let lying: Uint8Array;
let hasFifo = false;
beforeAll(async () => {
  lying = lyingZip(await goodWorkbook(9), 100);
  for (let i = 0; i < 8; i++) writeFileSync(at(`good-${i}.xlsx`), await goodWorkbook(i));
  for (const n of [1, 2, 3]) writeFileSync(at(`lying-${n}.xlsx`), lying);
  writeFileSync(at("exp-1e9000000000000000.xlsx"), await amountText(10, "1e9000000000000000"));
  writeFileSync(at("exp-1e50000000.xlsx"), await amountText(11, "1e50000000"));
  const range = (end: string) => (ref: string) => ref.replace(/\d+$/, end);
  writeFileSync(at("range-huge.xlsx"), withTableRange(await goodWorkbook(12), "绩效指标", range("999999999999")));
  writeFileSync(at("range-excel-max.xlsx"), withTableRange(await goodWorkbook(12), "绩效指标", range("1048576")));
  writeFileSync(at("unit-fffe.xlsx"), await unitWithFFFE(13));
  writeFileSync(at("ole.xlsx"), oleFile());
  try {
    execFileSync("mkfifo", [at("pipe.xlsx")]);
    hasFifo = true;
  } catch {
    console.warn("mkfifo is not available here: no FIFO in the batch");
  }
});

test("the lying zip passes the directory check but is refused at once: nothing inflated past its claim", () => {
  expect(refuseWorkbook(lying)).toMatch(
    /^压缩包条目「xl\/worksheets\/sheet1\.xml」实际解压后超过目录声明的 \d+ KB（目录与内容不符，文件损坏或被篡改）$/,
  );
});

test.each([1, 2])("jobs %i: good files read, hostile ones unreadable with their reasons, in order", async (jobs) => {
  const { files, unreadable } = collectWorkbookFiles([dir]);
  expect(unreadable).toEqual(
    hasFifo
      ? [{ file: at("pipe.xlsx"), status: "unreadable", reason: "不是普通文件（命名管道（FIFO）），未读取" }]
      : [],
  );
  // The FIFO reaches the pool too, as if it had been swapped in after the folder was listed.
  const all = hasFifo ? [...files, at("pipe.xlsx")] : files;
  const progress: number[] = [];
  const results = await inspectAll(all, { jobs, onResult: (_r, done) => progress.push(done) });
  expect(results.map((r) => r.file)).toEqual(all);
  expect(progress).toEqual(all.map((_f, i) => i + 1));
  const byName = new Map(results.map((r) => [r.file.slice(dir.length + 1), r]));
  for (let i = 0; i < 8; i++) expect(byName.get(`good-${i}.xlsx`)).toMatchObject({ status: "read", year: 2024 });
  for (const n of [1, 2, 3])
    expect(byName.get(`lying-${n}.xlsx`)).toMatchObject({
      status: "unreadable",
      reason: expect.stringMatching(/^压缩包条目「xl\/worksheets\/sheet1\.xml」实际解压后超过目录声明的/),
    });
  for (const name of ["exp-1e9000000000000000.xlsx", "exp-1e50000000.xlsx"]) {
    const row = byName.get(name) as SummaryRow;
    expect(row).toMatchObject({ status: "read", budget: null });
    expect(row.findings).toContainEqual(
      expect.objectContaining({
        rule: "type.cell",
        cell: "D4",
        message: expect.stringMatching(/^全年预算数：应为数字，数值过大（绝对值应小于 1e15），实际为「1e/),
      }),
    );
    expect(JSON.stringify(row).length).toBeLessThan(100_000);
  }
  const good12 = byName.get("good-0.xlsx") as SummaryRow;
  for (const name of ["range-huge.xlsx", "range-excel-max.xlsx"])
    expect(byName.get(name)).toMatchObject({ status: "read", grade: expect.any(String) });
  expect(good12.status).toBe("read");
  expect(byName.get("unit-fffe.xlsx")).toMatchObject({ status: "read", unit: "某某局\uFFFE财务科\u001b[31m" });
  expect(byName.get("ole.xlsx")).toEqual({
    file: at("ole.xlsx"),
    status: "unreadable",
    reason: "文件受密码保护，或是旧版 .xls：请另存为不加密的 .xlsx",
  });
  if (hasFifo)
    expect(byName.get("pipe.xlsx")).toMatchObject({
      status: "unreadable",
      reason: expect.stringMatching(/^不是普通文件/),
    });
});

test("every door refuses what the guard refuses, in Chinese: readWorkbook, inspectWorkbook, worker reads", async () => {
  for (const bytes of [oleFile(), lying]) {
    const reason = refuseWorkbook(bytes)!;
    await expect(readWorkbook(bytes)).rejects.toMatchObject({ name: "WorkbookReadError", problems: [reason] });
    await expect(inspectWorkbook(bytes)).rejects.toMatchObject({ name: "WorkbookReadError", problems: [reason] });
    await expect(inspectInWorker(bytes)).rejects.toMatchObject({ name: "WorkbookReadError", problems: [reason] });
  }
  await expect(readInWorker(at("ole.xlsx"))).rejects.toMatchObject({
    problems: ["文件受密码保护，或是旧版 .xls：请另存为不加密的 .xlsx"],
  });
  if (hasFifo)
    await expect(inspectInWorker(at("pipe.xlsx"))).rejects.toMatchObject({
      problems: [expect.stringMatching(/^不是普通文件/)],
    });
});

test("a read on a worker gives what a read here gives: the model, cells, locations and problems", async () => {
  const bytes = await amountText(3, "1e50000000");
  const here = await inspectWorkbook(bytes);
  const there = await inspectInWorker(bytes);
  expect(there.problems).toEqual(here.problems);
  expect(there.cells).toEqual(here.cells);
  expect([...there.locations]).toEqual([...here.locations]);
  expect(JSON.stringify(there.model)).toEqual(JSON.stringify(here.model));
  const good = await goodWorkbook(4);
  expect(JSON.stringify(await readInWorker(good))).toEqual(JSON.stringify(await readWorkbook(good)));
});
