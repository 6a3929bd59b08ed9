/**
 * npm run demo: the main job on the bundled 株洲市科学技术局 2024 sample, through the same CLI a user
 * runs: compute it, write the blank template and the filled workbook, read the workbook back, validate
 * it as published and once completed, write the report and verify it against the workbook, and
 * summarise a small batch of departments as a finance bureau would.
 * Writes into ./demo-output/ and prints where each file is.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { run, runAsync } from "../src/cli/main";
import { processIo, type CliIo } from "../src/cli/io";
import { buildWorkbook } from "../src/workbook/xlsx/write";
import { variedModel } from "./batch-samples";
import { completedSample, projectSample, SAMPLE } from "./completed-sample";

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "demo-output");

/** Runs a CLI command and captures what it prints. */
function capture(argv: string[]): { code: number; out: string } {
  let out = "";
  const io: CliIo = { out: (s) => (out += `${s}\n`), err: processIo.err };
  return { code: run(argv, io), out };
}

function write(name: string, content: string): string {
  const file = join(OUT, name);
  writeFileSync(file, content);
  return relative(process.cwd(), file);
}

mkdirSync(OUT, { recursive: true });
const written: string[] = [];

copyFileSync(SAMPLE, join(OUT, "zhuzhou-kjj-2024.json"));
written.push(relative(process.cwd(), join(OUT, "zhuzhou-kjj-2024.json")));
written.push(write("contract.json", capture(["contract", "--json"]).out));
written.push(write("model.schema.json", capture(["schema"]).out));

console.log("━━ 株洲市科学技术局 2024年度部门整体支出绩效自评：计算结果 ━━\n");
const summary = capture(["compute", SAMPLE]);
console.log(summary.out);
written.push(write("zhuzhou-kjj-2024.computed.json", capture(["compute", SAMPLE, "--json"]).out));
written.push(write("zhuzhou-kjj-2024.platform.txt", capture(["compute", SAMPLE, "--profile", "platform"]).out));

async function workbooks(): Promise<number> {
  const blank = join(OUT, "绩效自评模板-空白.xlsx");
  const filled = join(OUT, "株洲市科学技术局-2024.xlsx");
  const quiet: CliIo = { out: () => undefined, err: processIo.err };
  const codes = [
    await runAsync(["template", "--out", blank], quiet),
    await runAsync(["import", SAMPLE, "--out", filled, "--force"], quiet),
  ];
  written.push(relative(process.cwd(), blank), relative(process.cwd(), filled));
  let exported = "";
  codes.push(await runAsync(["export", filled, "--json"], { out: (s) => (exported += s), err: processIo.err }));
  written.push(write("株洲市科学技术局-2024.exported.json", exported));
  const back = JSON.parse(exported);
  console.log(
    `━━ 工作簿 ━━\n  由样例生成工作簿，再读回：总分 ${Number(back.eval.total).toFixed(2)}，等次 ${back.eval.grade}，` +
      `绩效指标 ${back.eval.indicators.length} 行，项目支出 ${back.basic.projects.lines.length} 行\n`,
  );
  codes.push(await validation(filled));
  return Math.max(...codes);
}

/**
 * 校验 twice: the workbook as published (its 填表人 and date lines blank: errors), then the same one
 * completed as a unit would before submitting — lines filled and the 项目支出 difference explained.
 */
async function validation(published: string): Promise<number> {
  let report = "";
  const collect: CliIo = { out: (s) => (report += `${s}\n`), err: processIo.err };
  await runAsync(["validate", published], collect);
  console.log(`━━ 校验：按公开的表格（填表人、填报日期空白）━━\n${report}`);
  written.push(write("株洲市科学技术局-2024.validation.txt", report));

  const completed = completedSample();
  const json = write("株洲市科学技术局-2024-完整.json", JSON.stringify(completed, null, 2));
  written.push(json);
  const workbook = join(OUT, "株洲市科学技术局-2024-完整.xlsx");
  const quiet: CliIo = { out: () => undefined, err: processIo.err };
  // --force: demo-output is the demo's own, and a second run writes the same workbooks again.
  await runAsync(["import", json, "--out", workbook, "--force"], quiet);
  written.push(relative(process.cwd(), workbook));
  report = "";
  const code = await runAsync(["validate", workbook], collect);
  written.push(write("株洲市科学技术局-2024-完整.validation.json", await jsonOf(workbook)));
  console.log(`━━ 校验：补全填表信息、说明项目支出差异之后 ━━\n${report}`);
  return Math.max(code, await narrative(workbook));
}

/** 生成报告 from the completed workbook, then check that report and workbook belong together. */
async function narrative(workbook: string): Promise<number> {
  const docx = join(OUT, "株洲市科学技术局-2024-绩效自评报告.docx");
  let out = "";
  const collect: CliIo = { out: (s) => (out += `${s}\n`), err: processIo.err };
  const code = await runAsync(["report", workbook, "--out", docx], collect);
  written.push(relative(process.cwd(), docx));
  const verified = await runAsync(["verify", docx, workbook], collect);
  console.log(`━━ 生成报告 ━━\n${out}`);
  return Math.max(code, verified, await projects(), await yueyang(), await batch());
}

/**
 * 表式报告: seed 001 (岳阳市科学技术局 2021, 岳阳市财政局（制）) typed into a workbook — its form's own findings (two
 * roundings, 固定资产 missing 21.40) — and the form written as a draft (the published report gives no 附件2
 * scores, so the workbook has errors) and verified.
 */
async function yueyang(): Promise<number> {
  const sample = join(__dirname, "..", "samples", "yueyang-kjj-2021.json");
  const workbook = join(OUT, "岳阳市科学技术局-2021.xlsx");
  const docx = join(OUT, "岳阳市科学技术局-2021-表式报告（草稿）.docx");
  let out = "";
  const collect: CliIo = { out: (s) => (out += `${s}\n`), err: processIo.err };
  const quiet: CliIo = { out: () => undefined, err: processIo.err };
  await runAsync(["import", sample, "--out", workbook, "--force"], quiet);
  let json = "";
  await runAsync(["validate", workbook, "--json"], { out: (s) => (json += s), err: processIo.err });
  const form = (JSON.parse(json).findings as Array<{ key: string; severity: string; cell: string; message: string }>)
    .filter((f) => f.key.startsWith("form."))
    .map((f) => `  ${f.severity === "error" ? "错误" : "提示"}  ${f.cell}  ${f.message}`);
  const codes = [
    await runAsync(["report", workbook, "--out", docx, "--form", "yueyang", "--draft", "--force"], collect),
    await runAsync(["verify", docx, workbook], collect),
  ];
  written.push(...[workbook, docx].map((file) => relative(process.cwd(), file)));
  console.log(`━━ 表式报告（岳阳，seed 001）：表式中的数字 ━━\n${form.join("\n")}\n${out}`);
  return Math.max(...codes);
}

/**
 * 附件3: the completed workbook with its two key projects' 项目支出绩效自评表 (illustrative tables, see
 * samples/zhuzhou-kjj-2024-projects.json): written, validated, reported and verified, and a third blank table
 * added with jxzp project add.
 */
async function projects(): Promise<number> {
  const json = write("株洲市科学技术局-2024-含项目.json", JSON.stringify(projectSample(), null, 2));
  const workbook = join(OUT, "株洲市科学技术局-2024-含项目.xlsx");
  const docx = join(OUT, "株洲市科学技术局-2024-含项目-绩效自评报告.docx");
  const added = join(OUT, "株洲市科学技术局-2024-再加一个项目.xlsx");
  let out = "";
  const collect: CliIo = { out: (s) => (out += `${s}\n`), err: processIo.err };
  const quiet: CliIo = { out: () => undefined, err: processIo.err };
  const codes = [await runAsync(["import", json, "--out", workbook, "--force"], quiet)];
  codes.push(await runAsync(["validate", workbook], collect));
  codes.push(await runAsync(["report", workbook, "--out", docx], collect));
  codes.push(await runAsync(["verify", docx, workbook], collect));
  codes.push(await runAsync(["project", "add", workbook, "--out", added, "--force"], collect));
  written.push(json, ...[workbook, docx, added].map((file) => relative(process.cwd(), file)));
  console.log(`━━ 附件3 项目支出绩效自评表（两个重点项目）━━\n${out}`);
  return Math.max(...codes);
}

/**
 * For the finance bureau: a small batch of varied departments (some with typical mistakes, two
 * unreadable files) summarised.
 */
async function batch(): Promise<number> {
  const folder = join(OUT, "收件");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < 10; i++) {
    const { model, unit } = variedModel(i);
    writeFileSync(
      join(folder, `${String(i + 1).padStart(2, "0")}-${unit}.xlsx`),
      Buffer.from(await buildWorkbook(model).xlsx.writeBuffer()),
    );
  }
  writeFileSync(join(folder, "11-某单位（发错了文件）.xlsx"), "这是一个文本文件，不是工作簿");
  writeFileSync(
    join(folder, "12-某单位（加了密码）.xlsx"),
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
  );
  const summary = join(OUT, "汇总-2024.xlsx");
  let out = "";
  await runAsync(["summary", folder, "--out", summary], { out: (s) => (out += `${s}\n`), err: processIo.err });
  let json = "";
  await runAsync(["summary", folder, "--json", "--jobs", "1"], { out: (s) => (json += s), err: processIo.err });
  const rows = JSON.parse(json).rows as Array<{
    unit: string;
    executionRate: string;
    total: string;
    grade: string;
    errors: number;
    firstError: string | null;
  }>;
  const lines = rows.map(
    (r) =>
      `  ${r.unit} · 执行率 ${r.executionRate} · 总分 ${r.total ?? "—"} ${r.grade ?? ""} · ` +
      `错误 ${r.errors}${r.firstError ? ` · ${r.firstError}` : ""}`,
  );
  console.log(`━━ 财政局汇总：${relative(process.cwd(), folder)} ━━\n${out}${lines.join("\n")}\n`);
  written.push(relative(process.cwd(), folder), relative(process.cwd(), summary));
  return 0; // findings in the batch are the point of the demo, not a failure
}

async function jsonOf(workbook: string): Promise<string> {
  let out = "";
  await runAsync(["validate", workbook, "--json"], { out: (s) => (out += s), err: processIo.err });
  return out;
}

void workbooks().then((code) => {
  console.log("━━ 已写入 ━━");
  for (const file of written) console.log(`  ${file}`);
  process.exitCode = Math.max(summary.code, code);
});
