/** The batch: hostile files refused with a Chinese reason, worker threads, the summary workbook. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { LIMITS, refuseWorkbook } from "../../src/batch/guard";
import type { SummaryRow } from "../../src/batch/inspect";
import { inspectFile } from "../../src/batch/inspect-file";
import { inspectAll } from "../../src/batch/pool";
import { neutralise, summaryWorkbook } from "../../src/batch/summary-workbook";
import { runAsync } from "../../src/cli/main";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { variedModel } from "../../scripts/batch-samples";
import { Dec } from "../../src/domain";
import { withTableRange } from "./hostile-files";

jest.setTimeout(60000);
const dir = mkdtempSync(join(tmpdir(), "jxzp-batch-"));

async function save(name: string, workbook: ExcelJS.Workbook): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

const good: string[] = [];
beforeAll(async () => {
  for (let i = 0; i < 6; i++) good.push(await save(`unit-${i}.xlsx`, buildWorkbook(variedModel(i).model)));
});

describe("hostile input is refused before exceljs sees it, with a Chinese reason", () => {
  test("not a workbook", () => {
    expect(refuseWorkbook(Buffer.from("hello, not a zip"))).toBe("不是 .xlsx 工作簿（不是 zip 格式）");
  });

  test("a password-protected workbook (an OLE container) or an old .xls", () => {
    expect(refuseWorkbook(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe(
      "文件受密码保护，或是旧版 .xls：请另存为不加密的 .xlsx",
    );
  });

  test("a zip bomb: expansion read from the central directory, nothing inflated", async () => {
    const zip = new JSZip();
    zip.file("xl/worksheets/sheet1.xml", "0".repeat(LIMITS.uncompressedBytes + 1024));
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bomb.length).toBeLessThan(200_000);
    expect(refuseWorkbook(bomb)).toMatch(/^解压后 40\.0 MB，超过 40\.0 MB 的上限/);
  });

  test("a truncated file", () => {
    const bytes = readFileSync(good[0]!);
    expect(refuseWorkbook(bytes.subarray(0, bytes.length - 30))).toMatch(/^不是完整的 \.xlsx 工作簿/);
  });

  test("a million rows: refused when a table reaches them, read when they lie past every cell read", async () => {
    const wb = buildWorkbook(variedModel(7).model);
    wb.getWorksheet("附件2 自评表")!.getCell("A1000000").value = "x";
    const stray = await save("stray.xlsx", wb);
    expect(await inspectFile(stray)).toMatchObject({ status: "read" });
    const table = withTableRange(readFileSync(stray), "绩效指标", (ref) => ref.replace(/\d+$/, "1000000"));
    writeFileSync(join(dir, "million.xlsx"), table);
    expect(await inspectFile(join(dir, "million.xlsx"))).toMatchObject({
      status: "unreadable",
      reason: "工作表「附件2 自评表」超过 20000 行的上限（第 1000000 行有内容）",
    });
  });

  test("a file of the wrong kind, and a file that is not there", async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Sheet1").getCell("A1").value = 1;
    expect(await inspectFile(await save("other.xlsx", other))).toMatchObject({
      status: "unreadable",
      reason: expect.stringContaining("缺少工作表「附件1 基础数据表」"),
    });
    expect(await inspectFile(join(dir, "missing.xlsx"))).toMatchObject({
      status: "unreadable",
      reason: "无法读取文件（ENOENT）",
    });
  });

  test("cells of the wrong type are findings, not a failure", async () => {
    const wb = buildWorkbook(variedModel(8).model);
    wb.getWorksheet("附件1 基础数据表")!.getCell("B5").value = "三十九";
    const result = (await inspectFile(await save("typed.xlsx", wb))) as SummaryRow;
    expect(result.status).toBe("read");
    expect(result.findings.find((f) => f.rule === "type.cell")).toMatchObject({
      cell: "B5",
      message: "编制数：应为整数，实际为「三十九」",
    });
  });
});

test("worker threads give the same results as one thread, in the files' order", async () => {
  const files = [...good, join(dir, "missing.xlsx")];
  const inThread = await inspectAll(files, { jobs: 1 });
  const progress: number[] = [];
  const onWorkers = await inspectAll(files, { jobs: 2, onResult: (_r, done) => progress.push(done) });
  expect(onWorkers).toEqual(inThread);
  expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(inThread.map((r) => r.file)).toEqual(files);
});

test("the summary workbook: 汇总, 项目, 问题清单, 无法读取 — sorted, filtered, frozen, formatted, injection-safe", async () => {
  const results = await inspectAll([...good, join(dir, "missing.xlsx")], { jobs: 1 });
  const evil = { ...(results[0] as SummaryRow), unit: '=HYPERLINK("http://x","点我")', file: "evil.xlsx" };
  const wb = summaryWorkbook([...results, evil]);
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(["汇总", "项目", "问题清单", "无法读取"]);
  const summary = wb.getWorksheet("汇总")!;
  expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(summary.autoFilter).toBeDefined();
  expect(summary.getRow(1).values).toEqual([
    undefined,
    "文件",
    "单位",
    "年度",
    "全年预算数（万元）",
    "全年执行数（万元）",
    "执行率",
    "总分",
    "等次",
    "错误",
    "警告",
    "第一个错误",
  ]);
  const units = summary.getColumn(2).values.slice(2) as string[];
  expect(units[0]).toBe('\'=HYPERLINK("http://x","点我")');
  expect(units.slice(1)).toEqual([...units.slice(1)].sort((a, b) => a.localeCompare(b, "zh-CN")));
  expect(summary.getColumn(6).numFmt).toBe("0.00%");
  expect(summary.getCell("F3").value).toBe(1);
  expect(wb.getWorksheet("无法读取")!.getCell("B2").value).toBe("无法读取文件（ENOENT）");
  expect(wb.getWorksheet("问题清单")!.rowCount).toBeGreaterThan(1);
  expect(neutralise("+1")).toBe("'+1");
  expect(neutralise("-")).toBe("'-");
  expect(neutralise("正常")).toBe("正常");
});

test(
  "jxzp summary: a directory with bad files among good ones; " + "--json; exit 1 when something needs attention",
  async () => {
    writeFileSync(join(dir, "not-a-workbook.xlsx"), "junk");
    const out = join(dir, "out", "汇总.xlsx");
    let text = "";
    const code = await runAsync(["summary", dir, "--out", out, "--jobs", "2"], {
      out: (s) => (text += s),
      err: () => undefined,
    });
    expect(code).toBe(1);
    expect(text).toMatch(/^共 \d+ 个工作簿：读取 \d+ 个，其中有错误 \d+ 个；无法读取 \d+ 个。/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("无法读取")!.getColumn(1).values).toContain(join(dir, "not-a-workbook.xlsx"));
    let json = "";
    await runAsync(["summary", join(dir, "unit-*.xlsx"), "--json", "--jobs", "1"], {
      out: (s) => (json += s),
      err: () => undefined,
    });
    const parsed = JSON.parse(json);
    expect(parsed.summary.files).toBe(6);
    expect(parsed.rows[0]).toMatchObject({ status: "read", year: 2024 });
  },
);

test("a provisional 总分 is marked in the summary: its 等次 reads （暂定） and the JSON row says why", async () => {
  const model = variedModel(0).model;
  model.eval.funds.fullYearBudget = new Dec(0);
  const row = (await inspectFile(await save("provisional.xlsx", buildWorkbook(model)))) as SummaryRow;
  expect(row.provisional).toBe("全年预算数为 0，预算执行率不适用：执行率得分无法计算，总分与等次为暂定");
  const summary = summaryWorkbook([row]).getWorksheet("汇总")!;
  expect(String(summary.getCell("H2").value)).toMatch(/^[优良中差]（暂定）$/);
});
