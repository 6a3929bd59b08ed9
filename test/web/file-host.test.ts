/**
 * The page's file host, with the engine running tasks in this thread (the page's own fallback): a file
 * opened, read, fixed and explained — on a copy; the file's bytes never change.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHEETS } from "../../src/domain/contract";
import { customLabel, parseProfileFile, PROFILES } from "../../src/domain/profiles";
import { describeFix, stringsFor } from "../../src/taskpane/strings";
import { locateKey, validateWorkbook } from "../../src/usecases/validate-workbook";
import type { Engine } from "../../src/web/engine";
import { createFileHost } from "../../src/web/file-host";
import { runTask, type Task, type TaskResult } from "../../src/web/tasks";
import { editWorkbookCopy } from "../../src/workbook/xlsx/edit";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { workbookModel } from "../../src/domain/model";
import { SAMPLE_PATH } from "../support/model-inputs";

const strings = stringsFor("zh-CN");
const engine: Engine = {
  slots: 1,
  mode: () => "page",
  run: <T extends Task>(task: T) => runTask(task) as Promise<TaskResult<T>>,
  dispose: () => undefined,
};
const host = () =>
  createFileHost(engine, {
    loadEditor: async () => editWorkbookCopy,
    describe: (fix) => describeFix(strings, fix),
    explained: "已说明",
  });

async function sample(): Promise<Uint8Array> {
  const model = workbookModel.parse(JSON.parse(readFileSync(SAMPLE_PATH, "utf8")));
  const bytes = new Uint8Array(await buildWorkbook(model).xlsx.writeBuffer());
  // 编制数 typed as text with a stray space: a slip with a safe fix.
  return editWorkbookCopy(bytes, { cells: [{ sheet: "附件1 基础数据表", cell: "B5", value: "39 " }] });
}

test("waits for a file, and says so in Chinese", async () => {
  const fileHost = host();
  expect(fileHost.available).toBe(false);
  await expect(fileHost.read()).rejects.toThrow("请先打开工作簿");
});

test("a fix and an explanation change the copy, never the file, and the next read sees them", async () => {
  const fileHost = host();
  const bytes = await sample();
  const original = bytes.slice();
  const seen: number[] = [];
  fileHost.subscribe(() => seen.push(fileHost.file()!.changes.length));
  fileHost.open("株洲.xlsx", bytes);
  expect(fileHost.available).toBe(true);

  const first = validateWorkbook(await fileHost.read());
  const slip = first.findings.find((f) => f.cell === "B5" && f.fix)!;
  expect(slip.fix).toEqual({ kind: "number", value: 39 });
  await fileHost.applyFix({ ...slip, fix: slip.fix! });
  const warning = first.findings.find((f) => f.rule === "cross.projects")!;
  await fileHost.explain(warning, "  含代管资金  ");

  const file = fileHost.file()!;
  expect(file.changes).toEqual(["附件1 基础数据表!B5 改为数字 39", "已说明：cross.projects（含代管资金）"]);
  expect(seen).toEqual([0, 1, 2]);
  expect(Buffer.from(file.original).equals(Buffer.from(original))).toBe(true);
  const second = validateWorkbook(await fileHost.read());
  expect(second.findings.some((f) => f.cell === "B5" && f.fix)).toBe(false);
  expect(second.findings.find((f) => f.rule === "cross.projects")?.acknowledged).toBe("含代管资金");
});

test("opening another file starts again", async () => {
  const fileHost = host();
  fileHost.open("a.xlsx", await sample());
  const first = fileHost.file()!.id;
  fileHost.open("b.xlsx", await sample());
  expect(fileHost.file()).toMatchObject({ name: "b.xlsx", changes: [] });
  expect(fileHost.file()!.id).not.toBe(first);
});

test("a file that is not a workbook is refused with the batch's reason", async () => {
  const fileHost = host();
  fileHost.open("x.xlsx", new TextEncoder().encode("不是工作簿"));
  await expect(fileHost.read()).rejects.toThrow("不是 .xlsx 工作簿（不是 zip 格式）");
});

/** A city's grades, named so that a grade shows which profile gave it. */
const CITY_GRADES = PROFILES["platform-80"]!.grades.map((band, i) => ({ ...band, grade: "甲乙丙丁"[i]! }));

describe("a custom 评分口径 file", () => {
  const national = JSON.parse(readFileSync(join(__dirname, "../../src/domain/profiles/data/national.json"), "utf8"));
  const read = parseProfileFile(
    JSON.stringify({ ...national, id: "zz-city", name: "某市口径", grades: CITY_GRADES }),
    "某市.json",
  );
  if (!("profile" in read)) throw new Error(read.problems.join("\n"));
  const { profile } = read;

  test("its label goes to the copy's 评分口径 cell as a fix does; the copy then asks for that file", async () => {
    const fileHost = host();
    fileHost.open("株洲.xlsx", await sample());
    const workbook = await fileHost.read();
    const label = customLabel(profile);
    // What the panel confirms and writes: the 评分口径 cell, wherever the read found it.
    const place = locateKey("review.profile", workbook.locations);
    expect(place).toEqual({ sheet: SHEETS.report.name, cell: "B12" });
    const finding = { rule: "review.profile", severity: "info" as const, key: "review.profile", message: label };
    await fileHost.applyFix({ ...finding, ...place, fix: { kind: "text", value: label } });
    expect(fileHost.file()!.changes).toEqual([`${SHEETS.report.name}!B12 改为「${label}」`]);

    const copy = await fileHost.read();
    expect(copy.model.review.profile).toBe(label);
    const used = validateWorkbook(copy, profile);
    expect(used.result.profile).toBe(profile);
    expect(used.findings.some((f) => f.rule === "review.profile")).toBe(false);
    // Without the file, 校验 says the workbook's profile is a custom one and which file it needs.
    const without = validateWorkbook(copy);
    expect(without.findings.find((f) => f.rule === "review.profile")?.message).toMatch(
      /是自定义口径，需要它的口径文件/,
    );
  });

  test("a batch task takes the profile itself, as posted to a worker (plain data)", async () => {
    const posted = structuredClone(profile);
    const result = await runTask({ kind: "batch", name: "株洲.xlsx", bytes: await sample(), profile: posted });
    const national = await runTask({ kind: "batch", name: "株洲.xlsx", bytes: await sample() });
    if (result.status !== "read" || national.status !== "read") throw new Error("unreadable");
    // The same 总分, graded by the city's file.
    expect(result.total).toBe(national.total);
    expect([national.grade, result.grade]).toEqual(["优", "甲"]);
  });
});
