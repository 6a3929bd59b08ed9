/** editWorkbookCopy: the named cells change on a copy, and every other byte of the workbook stays as it was. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { entryOf, SHEETS, workbookModel } from "../../../src/domain";
import { FORMULAS } from "../../../src/domain/template";
import {
  editWorkbookCopy,
  WorkbookEditError,
  type CellEdit,
  type WorkbookEdits,
} from "../../../src/workbook/xlsx/edit";
import { inspectWorkbook } from "../../../src/workbook/xlsx/read";
import { plainValue } from "../../support/exceljs-reader";
import { buildWorkbook } from "../../../src/workbook/xlsx/write";
import { completedSample } from "../../../scripts/completed-sample";

const ACKS = entryOf("review.acknowledgements").table;
const header = (key: string) => ACKS.columns.find((c) => c.key === key)!.label;
const REPORT = SHEETS.report.name;
const BASIC = SHEETS.basic.name;

const written = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const templateBytes = () => written(buildWorkbook());
const sampleBytes = (edit: (json: ReturnType<typeof completedSample>) => void = () => undefined) => {
  const json = completedSample();
  edit(json);
  return written(buildWorkbook(workbookModel.parse(json)));
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The entries of a zip, in order, as text (every entry of an .xlsx we compare is XML). */
const entries = (bytes: Uint8Array) => unzipSync(bytes);
const text = (bytes: Uint8Array, name: string) => strFromU8(entries(bytes)[name]!);

/** The part of a sheet (exceljs writes sheetN.xml in tab order; LibreOffice too). */
function sheetPart(bytes: Uint8Array, sheet: string): string {
  const files = entries(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"]!);
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Every <c> element of a sheet's XML by its address. */
function cellsOf(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const match of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) cells.set(match[1]!, match[0]);
  return cells;
}

const outsideSheetData = (xml: string) =>
  xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, "").replace(/<dimension ref="[^"]*"\/>/, "");

/** The names of the entries whose bytes differ (the same names in the same order are asserted first). */
function changedEntries(before: Uint8Array, after: Uint8Array): string[] {
  const a = entries(before);
  const b = entries(after);
  expect(Object.keys(b)).toEqual(Object.keys(a));
  return Object.keys(a).filter((name) => Buffer.compare(Buffer.from(a[name]!), Buffer.from(b[name]!)) !== 0);
}

/** A copy of the zip with some entries' text transformed and others added (after the rest, in the order given). */
function rezip(bytes: Uint8Array, change: Record<string, (xml: string) => string>, add: Record<string, string> = {}) {
  const files = entries(bytes);
  for (const [name, transform] of Object.entries(change)) files[name] = strToU8(transform(strFromU8(files[name]!)));
  for (const [name, xml] of Object.entries(add)) files[name] = strToU8(xml);
  return zipSync(files);
}

function refused(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookEditError);
    return (error as Error).message;
  }
  throw new Error("the edit was not refused");
}

const cellValue = (wb: ExcelJS.Workbook, sheet: string, address: string) =>
  plainValue(wb.getWorksheet(sheet)!.getCell(address).value);

describe.each([
  ["the blank template", templateBytes],
  // 总分 as published (110 over scores adding to 98): a number, where the fix restores the formula
  ["the filled 株洲 workbook", () => sampleBytes((json) => (json.eval.total = 110))],
])("editing %s", (_, build) => {
  test("number, text, formula and table row: new values read back, everything else byte for byte", async () => {
    const original = await build();
    const before = await inspectWorkbook(original);
    const at = (key: string) => before.locations.get(key)!;
    const staff = at("basic.staff.authorized");
    const publicity = at("report.publicity");
    const total = at("eval.total");
    const wording = "自评结果已于 2025 年 4 月公开 <见门户网站> & 报送财政局";
    const edits: WorkbookEdits = {
      cells: [
        { sheet: staff.sheet, cell: staff.address, value: 45 },
        { sheet: publicity.sheet, cell: publicity.address, value: wording },
        { sheet: total.sheet, cell: total.address, value: { formula: `=${FORMULAS["eval.total"]}`, result: 98 } },
      ],
      tableRows: [
        {
          table: ACKS.name,
          values: {
            [header("rule")]: "cross.projects",
            [header("reason")]: "代管资金",
            [header("key")]: "basic.projects.total.final",
          },
        },
      ],
    };
    const copy = editWorkbookCopy(original, edits);

    // (a) through our reader and through exceljs
    const after = await inspectWorkbook(copy);
    expect(after.model.basic.staff.authorized!.toString()).toBe("45");
    expect(after.model.report.publicity).toBe(wording);
    expect(after.cells.find((c) => c.key === "eval.total")).toMatchObject({
      value: 98,
      formula: `=${FORMULAS["eval.total"]}`,
    });
    const acks = after.model.review.acknowledgements;
    expect(acks.length).toBe(before.model.review.acknowledgements.length + 1);
    expect(acks[acks.length - 1]).toMatchObject({
      rule: "cross.projects",
      reason: "代管资金",
      key: "basic.projects.total.final",
    });

    const [wbBefore, wbAfter] = [await load(original), await load(copy)];
    expect(cellValue(wbAfter, staff.sheet, staff.address)).toBe(45);
    expect(cellValue(wbAfter, publicity.sheet, publicity.address)).toBe(wording);
    expect(wbAfter.getWorksheet(total.sheet)!.getCell(total.address).formula).toBe(FORMULAS["eval.total"]);
    const ackRow = ACKS.headerRow + 1 + before.model.review.acknowledgements.length;
    const edited = [
      staff,
      publicity,
      total,
      ...["A", "B", "C"].map((c) => ({ sheet: REPORT, address: `${c}${ackRow}` })),
    ];
    for (const { sheet, address } of edited) {
      const [was, is] = [wbBefore, wbAfter].map((wb) => wb.getWorksheet(sheet)!.getCell(address));
      expect(is.numFmt).toEqual(was!.numFmt);
      expect(is.font).toEqual(was!.font);
      expect(is.fill).toEqual(was!.fill);
    }

    // (b) the same entries in the same order; only the two edited sheets differ (the table did not grow)
    const parts = [...new Set(edited.map((e) => sheetPart(original, e.sheet)))];
    expect(changedEntries(original, copy).sort()).toEqual(parts.sort());

    // (c) in the edited sheets, every other cell and everything outside sheetData is unchanged
    for (const part of parts) {
      const [was, is] = [text(original, part), text(copy, part)];
      expect(outsideSheetData(is)).toBe(outsideSheetData(was));
      expect(is.match(/<dimension ref="[^"]*"\/>/)?.[0]).toBe(was.match(/<dimension ref="[^"]*"\/>/)?.[0]);
      const [cellsWas, cellsIs] = [cellsOf(was), cellsOf(is)];
      expect([...cellsIs.keys()].sort()).toEqual([...cellsWas.keys()].sort());
      const mine = new Set(edited.filter((e) => sheetPart(original, e.sheet) === part).map((e) => e.address));
      for (const [address, cell] of cellsWas) if (!mine.has(address)) expect(cellsIs.get(address)).toBe(cell);
      for (const address of mine)
        expect(cellsIs.get(address)).toContain(`s="${/ s="(\d+)"/.exec(cellsWas.get(address)!)![1]}"`);
    }
  });
});

describe("cells and rows that do not exist", () => {
  test("are created in order, in their row and in sheetData, and the dimension grows", async () => {
    const original = await templateBytes();
    const copy = editWorkbookCopy(original, {
      cells: [
        { sheet: REPORT, cell: "E40", value: 40 }, // far below the data
        { sheet: REPORT, cell: "B9", value: "第 9 行" }, // a row between rows 7 and 10
        { sheet: REPORT, cell: "Z3", value: 3 }, // after the last cell of row 3
        { sheet: REPORT, cell: "A40", value: "左" }, // before E40 in the row just created
      ],
    });
    const xml = text(copy, sheetPart(copy, REPORT));
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows).toEqual(expect.arrayContaining([9, 40]));
    expect(xml).toContain(
      '<row r="40"><c r="A40" t="inlineStr"><is><t xml:space="preserve">左</t></is></c><c r="E40"><v>40</v></c></row>',
    );
    expect(xml).toMatch(/<c r="B3" [^>]*\/><c r="Z3"><v>3<\/v><\/c><\/row>/);
    expect(xml).toMatch(/<row r="3" [^>]*spans="1:26"/);
    expect(xml).toContain('<dimension ref="A1:Z40"/>');
    const wb = await load(copy);
    expect([40, "第 9 行", 3, "左"]).toEqual(["E40", "B9", "Z3", "A40"].map((a) => cellValue(wb, REPORT, a)));
  });

  test("a row added to a full table: ref, autoFilter and styles follow, and our reader sees the row", async () => {
    const full = await sampleBytes((json) => {
      json.review.acknowledgements = Array.from({ length: ACKS.defaultRows }, (_, i) => ({
        rule: `rule.${i}`,
        reason: `说明 ${i}`,
        key: "basic.unit",
      }));
    });
    const copy = editWorkbookCopy(full, {
      tableRows: [{ table: ACKS.name, values: { [header("reason")]: "第六条" } }],
    });
    const last = ACKS.headerRow + ACKS.defaultRows + 1;
    const tablePart = Object.keys(entries(full)).find((n) => text(full, n).includes(`name="${ACKS.name}"`))!;
    expect(changedEntries(full, copy).sort()).toEqual([sheetPart(full, REPORT), tablePart].sort());
    const table = text(copy, tablePart);
    expect(table).toContain(`ref="A${ACKS.headerRow}:C${last}"`);
    expect(table).toContain(`<autoFilter ref="A${ACKS.headerRow}:C${last}">`);
    const back = await inspectWorkbook(copy);
    expect(back.model.review.acknowledgements).toHaveLength(ACKS.defaultRows + 1);
    expect(back.model.review.acknowledgements[ACKS.defaultRows]).toMatchObject({ reason: "第六条" });
    const wb = await load(copy);
    const above = wb.getWorksheet(REPORT)!.getCell(`A${last - 1}`);
    for (const c of ["A", "B", "C"])
      expect(wb.getWorksheet(REPORT)!.getCell(`${c}${last}`).border).toEqual(above.border);

    // the row below holding a value, or a totals row, stops the table from growing
    const blocked = refused(() =>
      editWorkbookCopy(full, {
        cells: [{ sheet: REPORT, cell: `B${last}`, value: "占用" }],
        tableRows: [{ table: ACKS.name, values: { [header("rule")]: "x" } }],
      }),
    );
    expect(blocked).toContain(
      `表格「${ACKS.name}」（工作表「${REPORT}」）已没有空行，其下一行（第 ${last} 行）已有内容`,
    );
    const totals = rezip(full, { [tablePart]: (xml) => xml.replace(`name="${ACKS.name}"`, `$& totalsRowCount="1"`) });
    expect(refused(() => editWorkbookCopy(totals, { tableRows: [{ table: ACKS.name, values: {} }] }))).toContain(
      "汇总行",
    );
  });
});

describe("what other writers do", () => {
  test("entity-escaped sheet names, absolute targets, rows and cells without r, an empty <sheetData/>", async () => {
    const original = await templateBytes();
    const report = sheetPart(original, REPORT);
    const lists = sheetPart(original, "字典");
    const odd = rezip(original, {
      "xl/workbook.xml": (xml) => xml.replace(`name="${REPORT}"`, 'name="报告 &amp; 文字"'),
      "xl/_rels/workbook.xml.rels": (xml) => xml.replace(`Target="${report.slice(3)}"`, `Target="/${report}"`),
      // row 3 without r (it follows row 2), the cells of row 2 without r (A2, B2 by position)
      [report]: (xml) => xml.replace('<row r="3" ', "<row ").replace(/<c r="([AB])2" /g, "<c "),
      [lists]: (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>"),
    });
    expect(text(odd, report)).toMatch(/<row ht="150"[^>]*><c r="A3"/);
    const copy = editWorkbookCopy(odd, {
      cells: [
        { sheet: "报告 & 文字", cell: "B2", value: "二" },
        { sheet: "报告 & 文字", cell: "C2", value: 2 },
        { sheet: "报告 & 文字", cell: "B3", value: 3 },
        { sheet: "字典", cell: "B2", value: "空表" },
      ],
    });
    const xml = text(copy, report);
    expect(xml).toMatch(/<c s="6" t="s"><v>\d+<\/v><\/c><c r="B2" s="6" t="inlineStr"><is><t [^>]*>二<\/t><\/is><\/c>/);
    expect(xml).toMatch(/<c r="B2" [^>]*>.*?<\/c><c r="C2"><v>2<\/v><\/c><\/row>/);
    expect(xml).toMatch(/<row ht="150"[^>]*><c r="A3" s="2" t="s"><v>\d+<\/v><\/c><c r="B3" s="3"><v>3<\/v><\/c>/);
    expect(text(copy, lists)).toContain('<sheetData><row r="2"><c r="B2" t="inlineStr">');
  });
});

describe("escaping", () => {
  const nasty = 'a<&>" \u0001 \uFFFE _x0041_ _x005F_ \r\n\t end\u0000\uD800';

  test("markup, control characters, U+FFFE, lone surrogates and literal _xHHHH_ read back exactly", async () => {
    const original = await templateBytes();
    const copy = editWorkbookCopy(original, {
      cells: [
        { sheet: REPORT, cell: "B3", value: nasty },
        { sheet: REPORT, cell: "B4", value: "_x0041" + "\u0001" }, // would read "A…" if the "_" were not escaped
        { sheet: REPORT, cell: "B5", value: { formula: 'IF(1<2,"a&b","")', result: "a&b" } },
      ],
    });
    const wb = await load(copy);
    expect(cellValue(wb, REPORT, "B3")).toBe(nasty);
    expect(cellValue(wb, REPORT, "B4")).toBe("_x0041\u0001");
    expect(wb.getWorksheet(REPORT)!.getCell("B5").formula).toBe('IF(1<2,"a&b","")');
    expect((await inspectWorkbook(copy)).model.report.duties).toBe(nasty);
    expect(text(copy, sheetPart(copy, REPORT))).toContain("_x0001_");
  });

  test("text over 32,767 characters is refused, 32,767 are written", async () => {
    const original = await templateBytes();
    const edit = (length: number) => ({ cells: [{ sheet: REPORT, cell: "B3", value: "字".repeat(length) }] });
    expect(refused(() => editWorkbookCopy(original, edit(32768)))).toBe(
      `工作表「${REPORT}」的单元格 B3：文字有 32768 个字符，超过 Excel 单元格 32767 个字符的上限`,
    );
    expect(cellValue(await load(editWorkbookCopy(original, edit(32767))), REPORT, "B3")).toHaveLength(32767);
  });

  test("prefixed SpreadsheetML elements (<x:worksheet>, <x:c>) are edited with the same prefix", async () => {
    const original = await templateBytes();
    const part = sheetPart(original, REPORT);
    const prefixed = rezip(original, {
      [part]: (xml) =>
        xml
          .replace(/<(\/?)([A-Za-z][\w.]*)(?=[\s/>])/g, "<$1x:$2")
          .replace('<x:worksheet xmlns="', '<x:worksheet xmlns:x="'),
    });
    const copy = editWorkbookCopy(prefixed, {
      cells: [
        { sheet: REPORT, cell: "B3", value: "前缀" },
        { sheet: REPORT, cell: "C30", value: 1 },
      ],
    });
    const xml = text(copy, part);
    expect(xml).toContain('<x:c r="B3" s="3" t="inlineStr"><x:is><x:t xml:space="preserve">前缀</x:t></x:is></x:c>');
    expect(xml).toContain('<x:row r="30"><x:c r="C30"><x:v>1</x:v></x:c></x:row></x:sheetData>');
    expect(xml).toContain('<x:dimension ref="A1:C30"/>');
  });
});

describe("calcChain.xml", () => {
  const CALC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";
  const CALC_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml";

  /** The template with a calculation chain naming D5 of 附件1 (the 在职人员控制率 formula), as Excel writes one. */
  async function withCalcChain(): Promise<Uint8Array> {
    const chain =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D5" i="1"/></calcChain>';
    return rezip(
      await templateBytes(),
      {
        "xl/_rels/workbook.xml.rels": (xml) =>
          xml.replace(
            "</Relationships>",
            `<Relationship Id="rId99" Type="${CALC_TYPE}" Target="calcChain.xml"/></Relationships>`,
          ),
        "[Content_Types].xml": (xml) =>
          xml.replace("</Types>", `<Override PartName="/xl/calcChain.xml" ContentType="${CALC_CONTENT}"/></Types>`),
      },
      { "xl/calcChain.xml": chain },
    );
  }

  test("replacing a formula by a number removes the chain, its relationship and its content type", async () => {
    const original = await withCalcChain();
    const copy = editWorkbookCopy(original, { cells: [{ sheet: BASIC, cell: "D5", value: 0.5 }] });
    const names = Object.keys(entries(copy));
    expect(names).toEqual(Object.keys(entries(original)).filter((n) => n !== "xl/calcChain.xml"));
    expect(text(copy, "xl/_rels/workbook.xml.rels")).toBe(
      text(original, "xl/_rels/workbook.xml.rels").replace(/<Relationship Id="rId99"[^>]*\/>/, ""),
    );
    expect(text(copy, "[Content_Types].xml")).toBe(
      text(original, "[Content_Types].xml").replace(/<Override PartName="\/xl\/calcChain.xml"[^>]*\/>/, ""),
    );
    for (const name of names.filter((n) => !/workbook\.xml\.rels|Content_Types|sheet1\.xml$/.test(n)))
      expect(text(copy, name)).toBe(text(original, name));
    expect(cellValue(await load(copy), BASIC, "D5")).toBe(0.5);
  });

  test("replacing a value by a value, or a formula by a formula, keeps it byte for byte", async () => {
    const original = await withCalcChain();
    const copy = editWorkbookCopy(original, {
      cells: [
        { sheet: BASIC, cell: "B5", value: 30 },
        { sheet: BASIC, cell: "D5", value: { formula: "基础_实际在职人数/基础_编制数", result: 1 } },
      ],
    });
    expect(changedEntries(original, copy)).toEqual([sheetPart(original, BASIC)]);
  });
});

const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync("which", [cmd]).status === 0);

(soffice ? describe : describe.skip)("a workbook LibreOffice saved", () => {
  const dir = mkdtempSync(join(tmpdir(), "jxzp-edit-"));
  const convert = (file: string, to: string, out: string) => {
    mkdirSync(out, { recursive: true });
    const run = spawnSync(
      soffice!,
      ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", to, "--outdir", out, file],
      {
        timeout: 120_000,
      },
    );
    expect(run.status).toBe(0);
  };

  test("is edited and read back, and LibreOffice opens the copy and shows the new values", async () => {
    writeFileSync(join(dir, "sample.xlsx"), await sampleBytes());
    convert(join(dir, "sample.xlsx"), "xlsx", join(dir, "lo"));
    const original = new Uint8Array(readFileSync(join(dir, "lo", "sample.xlsx")));
    const before = await inspectWorkbook(original);
    const staff = before.locations.get("basic.staff.authorized")!;
    const copy = editWorkbookCopy(original, {
      cells: [
        { sheet: staff.sheet, cell: staff.address, value: 46 },
        { sheet: REPORT, cell: "B7", value: "LibreOffice 保存后修改 <&>" },
        { sheet: REPORT, cell: "D45", value: "新行" },
      ],
      tableRows: [{ table: ACKS.name, values: { [header("rule")]: "lo.rule", [header("reason")]: "LO 说明" } }],
    });
    const after = await inspectWorkbook(copy);
    expect(after.model.basic.staff.authorized!.toString()).toBe("46");
    expect(after.model.report.publicity).toBe("LibreOffice 保存后修改 <&>");
    expect(after.model.review.acknowledgements.map((a) => a.rule)).toContain("lo.rule");
    for (const [address, cell] of cellsOf(text(original, sheetPart(original, BASIC))))
      if (address !== staff.address) expect(cellsOf(text(copy, sheetPart(copy, BASIC))).get(address)).toBe(cell);

    writeFileSync(join(dir, "edited.xlsx"), copy);
    convert(
      join(dir, "edited.xlsx"),
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      join(dir, "csv"),
    );
    const csv = (sheet: string) =>
      readFileSync(
        join(
          dir,
          "csv",
          readdirSync(join(dir, "csv")).find((f) => f.includes(sheet))!,
        ),
        "utf8",
      );
    expect(csv(BASIC).split("\n")[Number(staff.address.replace(/[A-Z]+/, "")) - 1]).toContain(",46");
    expect(csv(REPORT)).toContain(`${entryOf("report.publicity").label},LibreOffice 保存后修改 <&>,`);
    expect(csv(REPORT)).toContain("lo.rule,LO 说明");
    expect(csv(REPORT).trimEnd().split("\n").pop()).toBe(",,,新行");
  }, 240_000);
});

describe("refusals name the sheet, cell or table", () => {
  let original: Uint8Array;
  beforeAll(async () => (original = await templateBytes()));
  const edit = (edits: WorkbookEdits, bytes = original) => refused(() => editWorkbookCopy(bytes, edits));

  test("unknown sheet, table and column", () => {
    expect(edit({ cells: [{ sheet: "附件3 不存在", cell: "A1", value: 1 }] })).toBe(
      "工作簿中没有工作表「附件3 不存在」",
    );
    expect(edit({ tableRows: [{ table: "不存在的表", values: {} }] })).toBe("工作簿中没有表格「不存在的表」");
    expect(edit({ tableRows: [{ table: ACKS.name, values: { 原因: "x" } }] })).toBe(
      `表格「${ACKS.name}」（工作表「${REPORT}」）没有列「原因」；它的列是：${ACKS.columns.map((c) => c.label).join("、")}`,
    );
    expect(edit({ cells: [{ sheet: REPORT, cell: "B0", value: 1 }] })).toBe(
      `工作表「${REPORT}」中没有单元格「B0」：地址无效`,
    );
  });

  test("a number that is not finite", () => {
    for (const value of [NaN, Infinity, -Infinity])
      expect(edit({ cells: [{ sheet: BASIC, cell: "B5", value }] })).toBe(
        `工作表「${BASIC}」的单元格 B5：数值必须是有限数，收到 ${value}`,
      );
  });

  test("the master of a shared formula, and a cell of an array formula", () => {
    const part = sheetPart(original, REPORT);
    const shared = rezip(original, {
      [part]: (xml) =>
        xml
          .replace('<c r="B15" s="3"/>', '<c r="B15" s="3"><f t="shared" ref="B15:B17" si="0">A15*2</f><v>0</v></c>')
          .replace('<c r="B16" s="3"/>', '<c r="B16" s="3"><f t="shared" si="0"/><v>0</v></c>')
          .replace('<c r="C15" s="3"/>', '<c r="C15" s="3"><f t="array" ref="C15:C16">A15:A16</f><v>0</v></c>'),
    });
    expect(edit({ cells: [{ sheet: REPORT, cell: "B15", value: 1 }] }, shared)).toBe(
      `工作表「${REPORT}」的单元格 B15：该单元格是共享公式的首格（共享范围 B15:B17），修改它会破坏范围内其他单元格的公式，未修改`,
    );
    expect(edit({ cells: [{ sheet: REPORT, cell: "C16", value: 1 }] }, shared)).toBe(
      `工作表「${REPORT}」的单元格 C16：该单元格属于数组公式（范围 C15:C16），不能单独修改`,
    );
    // a cell that only follows a shared formula can change on its own
    const copy = editWorkbookCopy(shared, { cells: [{ sheet: REPORT, cell: "B16", value: 5 }] });
    expect(text(copy, part)).toContain('<c r="B16" s="3"><v>5</v></c>');
  });
});

describe("any set of cell edits (property)", () => {
  let original: Uint8Array;
  let cellsBefore: Map<string, string>;
  const merged = new Set<string>();
  const part = "xl/worksheets/sheet2.xml"; // 附件2 自评表
  beforeAll(async () => {
    original = await templateBytes();
    expect(sheetPart(original, SHEETS.eval.name)).toBe(part);
    cellsBefore = cellsOf(text(original, part));
    // exceljs shows a merged range's first value in all its cells: those cells cannot be read back one by one
    for (const [, first, last] of text(original, part).matchAll(/<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
      const [a, b] = [first!, last!].map((cell) => ({ column: cell.charCodeAt(0) - 64, row: Number(cell.slice(1)) }));
      for (let row = a!.row; row <= b!.row; row++)
        for (let column = a!.column; column <= b!.column; column++)
          if (row !== a!.row || column !== a!.column) merged.add(`${String.fromCharCode(64 + column)}${row}`);
    }
  });

  const unit = fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    fc.constantFrom("_x0041_", "_x005F_", "_x", "_xD800_", "<", "&", ">", '"', "\r", "\n", "\uD83D\uDE00", "文"),
  );
  const value = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(unit, { maxLength: 12 }).map((units) => units.join("")),
    fc.integer().map((n) => ({ formula: `=${n}+1`, result: n + 1 })),
  );
  const address = fc
    .tuple(fc.integer({ min: 1, max: 26 }), fc.integer({ min: 1, max: 200 }))
    .map(([column, row]) => `${String.fromCharCode(64 + column)}${row}`)
    .filter((cell) => !merged.has(cell));

  test("read back as written; every cell not named keeps its text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(address, value), { selector: ([a]) => a, maxLength: 25 }),
        async (pairs) => {
          const cells: CellEdit[] = pairs.map(([cell, value]) => ({ sheet: SHEETS.eval.name, cell, value }));
          const copy = editWorkbookCopy(original, { cells });
          const ws = (await load(copy)).getWorksheet(SHEETS.eval.name)!;
          const after = cellsOf(text(copy, part));
          for (const { cell, value } of cells) {
            if (typeof value === "object") {
              // exceljs drops a formula's cached 0 on reading: the formula and its cached value are checked in the XML.
              expect(after.get(cell)).toContain(`<f>${value.formula.slice(1)}</f><v>${value.result}</v>`);
              continue;
            }
            // exceljs reads an empty inline string as an empty cell; -0 is written (and read) as 0
            expect(plainValue(ws.getCell(cell).value)).toBe(value === "" ? null : value === 0 ? 0 : value);
          }
          const named = new Set(cells.map((c) => c.cell));
          for (const [address, cell] of cellsBefore) if (!named.has(address)) expect(after.get(address)).toBe(cell);
          expect([...after.keys()].filter((a) => !cellsBefore.has(a) && !named.has(a))).toEqual([]);
          expect(changedEntries(original, copy)).toEqual(cells.length ? [part] : []);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
