/**
 * The cached values we write are what a real spreadsheet engine computes: LibreOffice opens the blank
 * template and the 株洲 workbook, recalculates every formula on load, and saves them again as .xlsx; every
 * formula cell's value there must equal the value we cached (numbers to 1e-9, texts exactly). A control file
 * whose cached values are falsified on purpose must come back corrected, which proves LibreOffice did
 * recalculate rather than copy our values. Skipped, saying why, only where soffice is not on the PATH.
 *
 * Recalculation on load for .xlsx is LibreOffice's setting /org.openoffice.Office.Calc/Formula/Load/
 * OOXMLRecalcMode (0 = always; the default asks, which headless means never): it is set in a throwaway user
 * profile (-env:UserInstallation) through registrymodifications.xcu.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbook, templateWorkbook } from "../../src/workbook/xlsx/write";
import { workbookModel, type WorkbookModel } from "../../src/domain";
import { variedModel } from "../../scripts/batch-samples";
import { convertWithLibreOffice, soffice } from "../support/libreoffice";
import { loadProjectSample, loadSample } from "../support/model-inputs";
import { editPart, formulaCells, type FormulaCell } from "../support/xlsx-structure";

const TIMEOUT = 120_000;

if (!soffice) console.warn("libreoffice-recalc.test.ts skipped: soffice (LibreOffice) is not on the PATH");
const withOffice = soffice ? test : test.skip;

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <item oor:path="/org.openoffice.Office.Calc/Formula/Load">
    <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
  </item>
</oor:items>
`;

const dir = mkdtempSync(join(tmpdir(), "jxzp-lo-"));
const VARIED = [0, 1, 2, 3, 4, 5].map((i) => `varied-${i}`);
/** Two filled project tables (附件3-1 with rows beyond a new table's), and the template with two blank ones. */
const PROJECTS = ["projects", "template-projects"];
const FILES = ["template", "zhuzhou", "control", "edge", ...PROJECTS, ...VARIED];
type File = string;
const written = new Map<File, Uint8Array>();
const recalculated = new Map<File, Map<string, FormulaCell>>();

/** The falsified cells of the control file: 人员控制率 (0.8205) and the year's title. */
const FALSE_RATE = 0.1234;
const FALSE_TITLE = "假标题";

async function recalculate(): Promise<void> {
  mkdirSync(join(dir, "profile", "user"), { recursive: true });
  writeFileSync(join(dir, "profile", "user", "registrymodifications.xcu"), PROFILE);
  const zhuzhou = new Uint8Array(await buildWorkbook(loadSample()).xlsx.writeBuffer());
  written.set("template", new Uint8Array(await buildWorkbook().xlsx.writeBuffer()));
  written.set("zhuzhou", zhuzhou);
  written.set(
    "control",
    editPart(zhuzhou, "xl/worksheets/sheet1.xml", (xml) =>
      xml
        .replace("<v>0.8205</v>", `<v>${FALSE_RATE}</v>`)
        .replace("<v>2024年度部门（单位）整体支出绩效评价基础数据表</v>", `<v>${FALSE_TITLE}</v>`),
    ),
  );
  written.set("edge", new Uint8Array(await buildWorkbook(edgeModel()).xlsx.writeBuffer()));
  written.set("projects", new Uint8Array(await buildWorkbook(loadProjectSample()).xlsx.writeBuffer()));
  written.set("template-projects", new Uint8Array(await templateWorkbook(2).xlsx.writeBuffer()));
  for (const [i, name] of VARIED.entries())
    written.set(name, new Uint8Array(await buildWorkbook(variedModel(i).model).xlsx.writeBuffer()));
  for (const [name, bytes] of written) writeFileSync(join(dir, `${name}.xlsx`), bytes);
  await convertWithLibreOffice(
    FILES.map((name) => join(dir, `${name}.xlsx`)),
    "xlsx",
    join(dir, "out"),
    join(dir, "profile"),
    TIMEOUT - 10_000,
  );
  for (const name of FILES)
    recalculated.set(name, formulaCells(new Uint8Array(readFileSync(join(dir, "out", `${name}.xlsx`)))));
}

/**
 * The 株洲 sample without 全年执行数, 总分, 附件1's 年度 and 实际规模 (批复规模 100): its stated 执行率 and 执行率得分 are
 * kept as values, so 总分's formula adds the kept 执行率得分; the titles of 附件1 show no year; 规模控制率 has an
 * empty numerator.
 */
function edgeModel(): WorkbookModel {
  const json = JSON.parse(JSON.stringify(loadSample()));
  json.eval.funds.executed = null;
  json.eval.total = null;
  json.basic.year = null;
  json.basic.buildings.actualArea = null;
  json.basic.buildings.approvedArea = 100;
  return workbookModel.parse(json);
}

let ready: Promise<void> | null = null;
/** LibreOffice runs once, for whichever test comes first. */
const converted = () => (ready ??= recalculate());

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const same = (ours: FormulaCell["value"], theirs: FormulaCell["value"]) =>
  typeof ours === "number" && typeof theirs === "number" ? Math.abs(ours - theirs) <= 1e-9 : ours === theirs;

/** Every formula cell we cached, with LibreOffice's value where it differs; JXZP calls left out (it lacks them). */
function differences(name: File): { compared: number; skipped: string[]; differ: string[] } {
  const ours = formulaCells(written.get(name)!);
  const theirs = recalculated.get(name)!;
  const skipped: string[] = [];
  const differ: string[] = [];
  let compared = 0;
  for (const [where, cell] of ours) {
    if (cell.formula.includes("JXZP.")) {
      skipped.push(where);
      continue;
    }
    compared++;
    const other = theirs.get(where);
    if (!other) differ.push(`${where}: no formula in LibreOffice's file`);
    else if (!same(cell.value, other.value))
      differ.push(
        `${where} =${cell.formula}: cached ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(other.value)}`,
      );
  }
  return { compared, skipped, differ };
}

describe("LibreOffice recalculates what we wrote and finds the values we cached", () => {
  withOffice(
    "the control: falsified cached values come back corrected (LibreOffice did recalculate)",
    async () => {
      await converted();
      const control = recalculated.get("control")!;
      expect(formulaCells(written.get("control")!).get("附件1 基础数据表!D5")?.value).toBe(FALSE_RATE);
      expect(control.get("附件1 基础数据表!D5")?.value).toBe(0.8205);
      expect(control.get("附件1 基础数据表!A1")?.value).toBe("2024年度部门（单位）整体支出绩效评价基础数据表");
      expect(differences("control").differ).toEqual([
        expect.stringMatching(/^附件1 基础数据表!A1 .*cached "假标题"/),
        expect.stringMatching(/^附件1 基础数据表!D5 .*cached 0\.1234, LibreOffice 0\.8205$/),
      ]);
    },
    TIMEOUT,
  );

  withOffice.each(["template", "zhuzhou", ...PROJECTS, ...VARIED])(
    "%s: every formula cell's cached value is LibreOffice's",
    async (name) => {
      await converted();
      const { compared, skipped, differ } = differences(name);
      expect(differ).toEqual([]);
      expect(skipped).toEqual([]); // the helper columns hold values: no JXZP formula is left to skip
      expect(compared).toBeGreaterThanOrEqual(14); // 7 titles, 4 rates, 执行率得分, 分值合计, 总分, 等次
    },
    TIMEOUT,
  );

  withOffice(
    "a project sheet's formulas over its own names and its table 项目n_绩效指标 are recalculated too",
    async () => {
      await converted();
      const theirs = recalculated.get("projects")!;
      // 附件3-1: 12 rows, so its 总分 row is 25; 附件3-2 keeps the template's 23.
      expect(theirs.get("附件3-1 项目支出绩效自评表!G25")?.value).toBe(98.39);
      expect(theirs.get("附件3-1 项目支出绩效自评表!F25")?.value).toBe(100);
      expect(theirs.get("附件3-1 项目支出绩效自评表!G6")?.value).toBe(0.9517);
      expect(theirs.get("附件3-2 项目支出绩效自评表!I23")?.value).toBe("优");
      expect(theirs.get("附件3-1 项目支出绩效自评表!A1")?.value).toBe("2024年度项目支出绩效自评表");
      expect([...theirs.keys()].filter((where) => where.startsWith("附件3-"))).toHaveLength(2 * 9);
    },
    TIMEOUT,
  );

  withOffice(
    "kept statements feed the formulas over them; a rate with an empty numerator is the one known difference",
    async () => {
      await converted();
      const ours = formulaCells(written.get("edge")!);
      expect(ours.has("附件2 自评表!H4")).toBe(false); // 执行率得分 kept as the stated 10
      expect(ours.get("附件2 自评表!G29")?.value).toBe(98); // 10 + the rows' 88
      expect(ours.get("附件1 基础数据表!A1")?.value).toBe("部门（单位）整体支出绩效评价基础数据表");
      // compute() says 不适用 (分子未填写) and we cache that; the template's formula shows 0 (see write.ts).
      expect(differences("edge").differ).toEqual([
        expect.stringMatching(/^附件1 基础数据表!D25 .*cached "不适用", LibreOffice 0$/),
      ]);
    },
    TIMEOUT,
  );
});
