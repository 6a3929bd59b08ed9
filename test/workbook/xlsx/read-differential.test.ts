/**
 * The zip reader (src/workbook/xlsx/read.ts) against the exceljs reader it replaced (kept as
 * test/support/exceljs-reader.ts): on every kind of workbook the tests have — the blank template, the
 * samples, random models, hostile files, cells typed as WPS and Excel store them, the same files re-saved by
 * LibreOffice — both give the same model, the same cells, locations, problems and fallbacks, and the same
 * findings; a file one refuses, the other refuses too.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { workbookModel } from "../../../src/domain";
import { validateWorkbook } from "../../../src/usecases/validate-workbook";
import { WorkbookReadError, type AssembledWorkbook } from "../../../src/workbook/assemble";
import { inspectWorkbook } from "../../../src/workbook/xlsx/read";
import { buildWorkbook } from "../../../src/workbook/xlsx/write";
import { variedModel } from "../../../scripts/batch-samples";
import {
  amountText,
  editParts,
  goodWorkbook,
  lyingZip,
  oleFile,
  unitWithFFFE,
  withTableRange,
} from "../../batch/hostile-files";
import { inspectWorkbook as inspectWithExceljs } from "../../support/exceljs-reader";
import { convertWithLibreOffice, soffice } from "../../support/libreoffice";
import { modelInput } from "../../support/model-arbitrary";
import { loadSample } from "../../support/model-inputs";

/** Everything a read gives the validator, and what the validator finds; "unreadable" when refused. */
async function reading(read: (bytes: Uint8Array) => Promise<AssembledWorkbook>, bytes: Uint8Array): Promise<unknown> {
  try {
    const workbook = await read(bytes);
    return JSON.parse(
      JSON.stringify({
        model: workbook.model,
        cells: workbook.cells,
        locations: [...workbook.locations],
        problems: workbook.problems,
        fallbacks: workbook.fallbacks,
        findings: validateWorkbook(workbook).findings,
      }),
    );
  } catch (error) {
    if (error instanceof WorkbookReadError) return "unreadable";
    throw error;
  }
}

async function expectSameReading(bytes: Uint8Array): Promise<unknown> {
  const ours = await reading((b) => inspectWorkbook(b), bytes);
  expect(ours).toEqual(await reading((b) => inspectWithExceljs(b), bytes));
  return ours;
}

const write = async (model = loadSample()) => new Uint8Array(await buildWorkbook(model).xlsx.writeBuffer());

/** The shared strings of a workbook written by exceljs (<si><t>…</t></si>), as XML-escaped texts. */
function sharedStrings(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)["xl/sharedStrings.xml"]!);
  return [...xml.matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1]!.replace(/<t[^>]*>|<\/t>/g, ""));
}

const isSheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);

describe("the zip reader reads what the exceljs reader read", () => {
  test("the blank template, the 株洲 sample and 20 varied departments", async () => {
    expect(await expectSameReading(await write(workbookModel.parse({})))).not.toBe("unreadable");
    expect(await expectSameReading(await write())).not.toBe("unreadable");
    for (let i = 0; i < 20; i++) await expectSameReading(await write(variedModel(i).model));
  }, 60_000);

  test("property: random models", async () => {
    await fc.assert(
      fc.asyncProperty(modelInput, async (input) => {
        await expectSameReading(await write(workbookModel.parse(input)));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  test("hostile files: refused by both, or read the same", async () => {
    const base = await goodWorkbook(3);
    expect(await expectSameReading(lyingZip(base, 50))).toBe("unreadable");
    expect(await expectSameReading(oleFile())).toBe("unreadable");
    expect(await expectSameReading(new TextEncoder().encode("这不是工作簿"))).toBe("unreadable");
    expect(await expectSameReading(base.subarray(0, base.length - 100))).toBe("unreadable");
    await expectSameReading(await amountText(1, "1e9000000000000000"));
    await expectSameReading(await amountText(2, "1e50000000"));
    await expectSameReading(await unitWithFFFE(4));
    await expectSameReading(withTableRange(base, "绩效指标", (ref) => ref.replace(/\d+$/, "999999999999")));
    await expectSameReading(withTableRange(base, "绩效指标", (ref) => ref.replace(/\d+$/, "1048576")));
  }, 60_000);
});

describe("cells as WPS and Excel store them", () => {
  let sample: Uint8Array;
  beforeAll(async () => {
    sample = await write();
  });

  test("inline strings instead of shared ones (what many generators and some WPS saves write)", async () => {
    const strings = sharedStrings(sample);
    const inline = editParts(sample, (name, xml) =>
      isSheet(name)
        ? xml.replace(
            /<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>(\d+)<\/v><\/c>/g,
            (_m, r: string, s = "", i: string) =>
              `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${strings[Number(i)]}</t></is></c>`,
          )
        : xml,
    );
    expect(strFromU8(unzipSync(inline)["xl/worksheets/sheet1.xml"]!)).toContain('t="inlineStr"');
    const read = await expectSameReading(inline);
    expect(read).toEqual(await reading((b) => inspectWorkbook(b), sample));
  });

  test("rich text runs with a phonetic guide, as Excel stores formatted text", async () => {
    const rich = editParts(sample, (name, xml) =>
      name === "xl/sharedStrings.xml"
        ? xml.replace(/<si><t>([^<]{2,})<\/t><\/si>/g, (_m, text: string) => {
            const [head, tail] = [text.slice(0, 1), text.slice(1)];
            const runs = `<r><rPr><b/><sz val="11"/></rPr><t>${head}</t></r><r><t xml:space="preserve">${tail}</t></r>`;
            return `<si>${runs}<rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>`;
          })
        : xml,
    );
    expect(strFromU8(unzipSync(rich)["xl/sharedStrings.xml"]!)).toContain("<rPh");
    expect(await expectSameReading(rich)).toEqual(await reading((b) => inspectWorkbook(b), sample));
  });

  test("booleans, errors, numbers stored as text, a formula showing an error", async () => {
    const typed = editParts(sample, (name, xml) => {
      if (!isSheet(name)) return xml;
      return xml
        .replace(/<c r="B5"( s="\d+")?><v>([^<]*)<\/v><\/c>/, '<c r="B5"$1 t="b"><v>1</v></c>')
        .replace(/<c r="C5"( s="\d+")?><v>([^<]*)<\/v><\/c>/, '<c r="C5"$1 t="e"><v>#N/A</v></c>')
        .replace(/<c r="D4"( s="\d+")?><v>([^<]*)<\/v><\/c>/, '<c r="D4"$1 t="str"><v> $2 </v></c>')
        .replace(
          /<c r="E4"( s="\d+")?><v>([^<]*)<\/v><\/c>/,
          '<c r="E4"$1 t="inlineStr"><is><t>１３８７.５３</t></is></c>',
        )
        .replace(
          /<c r="G4"( s="\d+")?><f>(.*?)<\/f><v>[^<]*<\/v><\/c>/,
          '<c r="G4"$1 t="e"><f>$2</f><v>#DIV/0!</v></c>',
        );
    });
    const read = (await expectSameReading(typed)) as { findings: Array<{ rule: string }> };
    expect(read).not.toBe("unreadable");
    expect(read.findings.length).toBeGreaterThan(0);
  });

  test("dates: serial numbers in a date style, in the 1904 date system too", async () => {
    await expectSameReading(sample);
    const dates1904 = editParts(sample, (name, xml) =>
      name === "xl/workbook.xml" ? xml.replace(/<workbookPr([^>]*?)\/>/, '<workbookPr$1 date1904="1"/>') : xml,
    );
    expect(strFromU8(unzipSync(dates1904)["xl/workbook.xml"]!)).toContain('date1904="1"');
    await expectSameReading(dates1904);
  });

  test("shared formulas, as Excel saves a column filled down: followers take the master's formula, moved", async () => {
    let converted = 0;
    let master = "";
    const shared = editParts(sample, (name, xml) => {
      if (name !== "xl/worksheets/sheet1.xml") return xml;
      const column = [...xml.matchAll(/<c r="D(\d+)"([^>]*)><f>(.*?)<\/f>/g)];
      const [first, last] = [column[0]!, column[column.length - 1]!];
      master = first[3]!;
      return xml.replace(/<c r="D(\d+)"([^>]*)><f>(.*?)<\/f>/g, (_m, row: string, s: string, formula: string) => {
        converted++;
        return row === first[1]
          ? `<c r="D${row}"${s}><f t="shared" ref="D${row}:D${last[1]}" si="0">${formula}</f>`
          : `<c r="D${row}"${s}><f t="shared" si="0"/>`;
      });
    });
    expect(converted).toBeGreaterThan(2);
    const read = (await expectSameReading(shared)) as { cells: Array<{ formula: string | null }> };
    const masterText = master.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    // The followers hold no formula text in the file; the contract reads three of the four cells.
    expect(read.cells.filter((cell) => cell.formula === `=${masterText}`).length).toBeGreaterThanOrEqual(2);
  });

  test("entities, character references and line breaks in texts", async () => {
    const escaped = editParts(sample, (name, xml) =>
      name === "xl/sharedStrings.xml"
        ? xml.replace(
            /<si><t>([^<]{3,})<\/t><\/si>/,
            (_m, text: string) => `<si><t>&amp;&#x4E2D;&#22269;&lt;${text}\r\n&gt;&quot;&apos;_x000A_</t></si>`,
          )
        : xml,
    );
    await expectSameReading(escaped);
  });
});

if (!soffice) console.warn("read-differential: LibreOffice re-saves skipped: soffice is not on the PATH");

(soffice ? describe : describe.skip)("the same files re-saved by LibreOffice", () => {
  test("the 株洲 sample and two varied departments", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jxzp-resave-"));
    mkdirSync(join(dir, "in"));
    const files = {
      zhuzhou: await write(),
      varied3: await write(variedModel(3).model),
      varied5: await write(variedModel(5).model),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, "in", `${name}.xlsx`), bytes);
    await convertWithLibreOffice(
      Object.keys(files).map((name) => join(dir, "in", `${name}.xlsx`)),
      "xlsx",
      join(dir, "out"),
      join(dir, "profile"),
      110_000,
    );
    for (const name of Object.keys(files)) {
      const resaved = new Uint8Array(readFileSync(join(dir, "out", `${name}.xlsx`)));
      expect(await expectSameReading(resaved)).not.toBe("unreadable");
    }
  }, 120_000);
});
