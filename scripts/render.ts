/**
 * npm run render: pictures of the workbooks for review. Writes the blank template and the 株洲 sample
 * with the .xlsx adapter, converts them to PDF with LibreOffice (headless) and to PNG pages with
 * pdftoppm, into docs/. Needs LibreOffice and poppler-utils (.ci/run installs them); npm test does not.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { workbookModel } from "../src/domain";
import { buildWorkbook } from "../src/workbook/xlsx/write";

const ROOT = join(__dirname, "..");
const WORK = join(ROOT, "render-output");
const DOCS = join(ROOT, "docs");

async function main() {
  mkdirSync(WORK, { recursive: true });
  mkdirSync(DOCS, { recursive: true });
  const sample = workbookModel.parse(JSON.parse(readFileSync(join(ROOT, "samples/zhuzhou-kjj-2024.json"), "utf8")));
  const books = { "template-blank": buildWorkbook(), "zhuzhou-kjj-2024": buildWorkbook(sample) };
  for (const [name, workbook] of Object.entries(books)) {
    const xlsx = join(WORK, `${name}.xlsx`);
    writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", WORK, xlsx], { stdio: "ignore", timeout: 180000 });
    for (const old of readdirSync(DOCS).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))) rmSync(join(DOCS, old));
    execFileSync("pdftoppm", ["-r", "80", "-png", join(WORK, `${name}.pdf`), join(WORK, name)]);
    for (const page of readdirSync(WORK).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))) {
      renameSync(join(WORK, page), join(DOCS, page));
      console.log(`docs/${page}`);
    }
  }
}

main().catch((error) => {
  console.error(`render 失败：${(error as Error).message}（需要 LibreOffice 与 poppler-utils）`);
  process.exitCode = 1;
});
