/**
 * Reports from hostile and huge workbooks: text XML 1.0 refuses (U+FFFE, U+FFFF, lone surrogates, control
 * characters) in the unit's name, the indicators and the prose still gives a .docx whose every part is
 * well-formed XML (LibreOffice opens it, where installed); 20,000 indicator rows give a report at all
 * (no stack overflow from spreading huge arrays, no quadratic scan; no timing asserted here: npm run bench).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { validate, workbookModel, type WorkbookModel } from "../../src/domain";
import { buildReport } from "../../src/domain/report";
import { reportBytes } from "../../src/docx/report";
import { SAMPLE_PATH } from "../support/model-inputs";

const HOSTILE = "\uFFFE\uFFFF\u0000\u0001\u0008\u000B\u000C\u001B[31m\u001F\uD800\uDC00-ok\uDFFF\uD83D";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of the sample JSON
function sample(edit: (json: Record<string, any>) => void): WorkbookModel {
  const json = JSON.parse(readFileSync(SAMPLE_PATH, "utf8"));
  edit(json);
  return workbookModel.parse(json);
}

async function report(model: WorkbookModel, draft = true): Promise<Uint8Array> {
  const validation = validate(model);
  return reportBytes(buildReport(model, validation, { fingerprint: "0".repeat(64), draft, locate: (key) => key }));
}

/** Throws on the first well-formedness error of `xml` (saxes checks XML 1.0's characters too). */
function parseXml(xml: string, name: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => {
    throw new Error(`${name}: ${error.message}`);
  });
  parser.write(xml).close();
}

test("text XML refuses, in the unit, the indicators and the prose, gives a .docx of well-formed XML", async () => {
  const model = sample((json) => {
    json.basic.unit = `株洲${HOSTILE}科学技术局`;
    json.eval.unit = json.basic.unit;
    json.eval.indicators[0].name = `高新${HOSTILE}企业`;
    json.eval.indicators[0].level1 = `产出${HOSTILE}指标`;
    json.eval.indicators[1].deviation = `原因${HOSTILE}`;
    json.eval.indicators[1].score = 1;
    json.eval.goal = { expected: `目标${HOSTILE}`, actual: `完成${HOSTILE}` };
    json.report = { duties: `职责${HOSTILE}\n第二行`, problems: `问题${HOSTILE}` };
  });
  const bytes = await report(model);
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
  expect(parts).toContain("word/document.xml");
  for (const name of parts) parseXml(await zip.file(name)!.async("string"), name);
  const document = await zip.file("word/document.xml")!.async("string");
  // The text is there, the refused characters are not (U+FFFE and lone surrogates show as U+FFFD).
  expect(document).toContain("科学技术局");
  expect(document).toContain("企业");
  expect(document).toContain("\uD800\uDC00-ok");
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  expect(document).not.toMatch(/[\uFFFE\uFFFF\u0000-\u0008\u000E-\u001F]/);
  const core = await zip.file("docProps/core.xml")!.async("string");
  expect(core).toContain("科学技术局");

  const soffice = (() => {
    try {
      return execFileSync("which", ["soffice"], { encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  })();
  if (!soffice) return; // LibreOffice is optional: the XML check above is the test.
  const dir = mkdtempSync(join(tmpdir(), "jxzp-hostile-docx-"));
  try {
    writeFileSync(join(dir, "report.docx"), bytes);
    execFileSync(soffice, ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "report.docx")], {
      timeout: 120_000,
      stdio: "ignore",
      env: { ...process.env, HOME: dir },
    });
    expect(readFileSync(join(dir, "report.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

/** The 株洲 sample with its indicators repeated to `rows`, each 997th row a 一级指标 of its own. */
const repeated = (rows: number) =>
  sample((json) => {
    const base = json.eval.indicators;
    json.eval.indicators = Array.from({ length: rows }, (_, i) => ({
      ...base[i % base.length],
      // Each row its own 一级指标 now and then: groups of any number, merges of any length.
      ...(i % 997 === 0 ? { level1: `一级指标${i}` } : {}),
      name: `${base[i % base.length].name}${i}`,
    }));
  });

test("20,000 indicator rows give the report's content and both attachments (no stack overflow)", () => {
  const rows = 20_000;
  const model = repeated(rows);
  const content = buildReport(model, validate(model), { fingerprint: "0".repeat(64), draft: true, locate: (k) => k });
  const indicatorTable = content.attachments[1]!;
  expect(indicatorTable.rows.length).toBeGreaterThan(rows);
  expect(indicatorTable.keepWithNext).toHaveLength(indicatorTable.rows.length);
}, 120_000);

// The .docx of 20,000 rows takes the docx library about a minute and 4 GB: npm run bench measures it; here 2,000.
test("2,000 indicator rows give a .docx holding the last row", async () => {
  const rows = 2_000;
  const model = repeated(rows);
  const content = buildReport(model, validate(model), { fingerprint: "0".repeat(64), draft: true, locate: (k) => k });
  const zip = await JSZip.loadAsync(await reportBytes(content));
  const document = await zip.file("word/document.xml")!.async("string");
  expect(document).toContain(`${model.eval.indicators[rows - 1]!.name}`);
}, 120_000);
