/**
 * npm run render: pictures of the workbooks and the report for review. Writes the blank template, the 株洲
 * sample and the 株洲 sample with its two 附件3 project tables with the .xlsx adapter, and the 株洲 report
 * (with the projects' section and attachments) with the docx adapter, converts them to PDF
 * with LibreOffice (headless) and to PNG pages with pdftoppm, into docs/; checks the report's text with
 * pdftotext. Needs LibreOffice and poppler-utils (.ci/run installs them); npm test does not.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { shortFingerprint, workbookModel } from "../src/domain";
import { buildWorkbook } from "../src/workbook/xlsx/write";
import { inspectWorkbook } from "../src/workbook/xlsx/read";
import { generateReport } from "../src/usecases/report";
import { projectSample } from "./completed-sample";

const ROOT = join(__dirname, "..");
const WORK = join(ROOT, "render-output");
const DOCS = join(ROOT, "docs");

async function main() {
  mkdirSync(WORK, { recursive: true });
  mkdirSync(DOCS, { recursive: true });
  const sample = workbookModel.parse(JSON.parse(readFileSync(join(ROOT, "samples/zhuzhou-kjj-2024.json"), "utf8")));
  const books = {
    "template-blank": buildWorkbook(),
    "zhuzhou-kjj-2024": buildWorkbook(sample),
    "zhuzhou-kjj-2024-projects": buildWorkbook(workbookModel.parse(projectSample())),
  };
  await renderReport();
  await renderForm();
  for (const [name, workbook] of Object.entries(books)) {
    const xlsx = join(WORK, `${name}.xlsx`);
    writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", WORK, xlsx], {
      stdio: "ignore",
      timeout: 180000,
    });
    // "zhuzhou-kjj-2024-3.png", not "zhuzhou-kjj-2024-projects-3.png": each book's own pages.
    const pages = new RegExp(`^${name}-\\d+\\.png$`);
    for (const old of readdirSync(DOCS).filter((f) => pages.test(f))) rmSync(join(DOCS, old));
    execFileSync("pdftoppm", ["-r", "80", "-png", join(WORK, `${name}.pdf`), join(WORK, name)]);
    for (const page of readdirSync(WORK).filter((f) => pages.test(f))) {
      renameSync(join(WORK, page), join(DOCS, page));
      console.log(`docs/${page}`);
    }
  }
}

/**
 * The 株洲 report with its two key projects: PDF, its text checked with pdftotext, page 1, the projects' section
 * and the attachment pages as PNG.
 */
async function renderReport(): Promise<void> {
  const model = workbookModel.parse(projectSample());
  const workbook = await inspectWorkbook((await buildWorkbook(model).xlsx.writeBuffer()) as ArrayBuffer);
  const outcome = await generateReport(workbook);
  if (outcome.status !== "generated") throw new Error("the completed sample has errors");
  const docx = join(WORK, "report.docx");
  writeFileSync(docx, outcome.bytes);
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", WORK, docx], {
    stdio: "ignore",
    timeout: 180000,
  });
  const pdf = join(WORK, "report.pdf");
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  const expected = [
    "2024年度部门（单位）整体支出",
    "在职人员控制率为82.05%",
    "自评得分98.00分",
    "附件1",
    "附件2",
    "重点项目绩效自评情况",
    "附件3-1",
    "附件3-2",
    shortFingerprint(outcome.content.fingerprint),
  ];
  const missing = expected.filter((t) => !text.includes(t));
  if (missing.length > 0 || pages < 4 || pages > 20)
    throw new Error(`report.pdf: ${pages} pages, missing ${missing.join(", ")}`);
  for (const old of readdirSync(DOCS).filter((f) => f.startsWith("report-") && f.endsWith(".png")))
    rmSync(join(DOCS, old));
  const byPage = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })
    .split("\f")
    .map((page) => page.replace(/\s+/g, ""));
  const first = byPage.findIndex((page) => page.startsWith("附件1")) + 1;
  const second = byPage.findIndex((page) => page.startsWith("附件2")) + 1;
  const third = byPage.findIndex((page) => page.startsWith("附件3-1")) + 1;
  const projects = byPage.findIndex((page) => page.includes("重点项目绩效自评情况")) + 1;
  if (first === 0 || second === 0 || third === 0 || projects === 0)
    throw new Error("report.pdf: attachment or project pages not found");
  for (const [page, name] of [
    [1, "report-page-1"],
    [projects, "report-projects-1"],
    [first, "report-attachment-1"],
    [second, "report-attachment-2"],
    [third, "report-attachment-3"],
  ] as const) {
    execFileSync("pdftoppm", [
      "-r",
      "80",
      "-png",
      "-singlefile",
      "-f",
      String(page),
      "-l",
      String(page),
      pdf,
      join(DOCS, name),
    ]);
    console.log(`docs/${name}.png`);
  }
  console.log(`report.pdf: ${pages} 页，文字与数据指纹核对无误`);
}

/**
 * Seed 001 in the 岳阳 table form (samples/yueyang-kjj-2021.json, a draft: the published report gives no 附件2
 * scores): PDF, its text checked for the seed's numbers, and its pages up to part 五 as docs/yueyang-form-N.png,
 * to compare by eye with the published form.
 */
async function renderForm(): Promise<void> {
  const sample = JSON.parse(readFileSync(join(ROOT, "samples/yueyang-kjj-2021.json"), "utf8"));
  const workbook = await inspectWorkbook(
    (await buildWorkbook(workbookModel.parse(sample)).xlsx.writeBuffer()) as ArrayBuffer,
  );
  const outcome = await generateReport(workbook, { form: "yueyang", draft: true });
  if (outcome.status !== "generated") throw new Error("the 岳阳 form was not generated");
  const docx = join(WORK, "yueyang-form.docx");
  writeFileSync(docx, outcome.bytes);
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", WORK, docx], {
    stdio: "ignore",
    timeout: 180000,
  });
  const pdf = join(WORK, "yueyang-form.pdf");
  const byPage = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })
    .split("\f")
    .map((page) => page.replace(/\s+/g, ""));
  const text = byPage.join("");
  const expected = [
    "岳阳市财政局（制）",
    "预算编码：21201",
    "1156.44",
    "828.54",
    "144.71",
    "评价组组长（签字）",
    "优秀",
  ];
  const missing = expected.filter((t) => !text.includes(t));
  if (missing.length > 0) throw new Error(`yueyang-form.pdf: missing ${missing.join(", ")}`);
  const last = byPage.findIndex((page) => page.includes("五、评价报告综述")) + 1;
  if (last === 0) throw new Error("yueyang-form.pdf: part 五 not found");
  for (const old of readdirSync(DOCS).filter((f) => /^yueyang-form-\d+\.png$/.test(f))) rmSync(join(DOCS, old));
  execFileSync("pdftoppm", ["-r", "80", "-png", "-f", "1", "-l", String(last), pdf, join(WORK, "yueyang-form")]);
  for (const page of readdirSync(WORK).filter((f) => /^yueyang-form-\d+\.png$/.test(f))) {
    // pdftoppm pads the page number by the document's page count: yueyang-form-01.png → yueyang-form-1.png.
    const name = page.replace(/-0+(\d)/, "-$1");
    renameSync(join(WORK, page), join(DOCS, name));
    console.log(`docs/${name}`);
  }
}

main().catch((error) => {
  console.error(`render 失败：${(error as Error).message}（需要 LibreOffice 与 poppler-utils）`);
  process.exitCode = 1;
});
