/**
 * Formulas that work in Chinese and English Excel. The installer writes range.formulas, the
 * language-invariant form (English function names, "," between arguments), not formulasLocal; add-in
 * functions appear by their id (the invariant name), never by the Chinese display name that a Chinese
 * Excel shows (=JXZP.完成率). The same text is what the .xlsx writer stores. (Only where Excel does not
 * resolve the ids does the installer enter the helper columns in the local form: functions-check.test.ts.)
 */
import { JXZP_FUNCTIONS as FUNCTION_CATALOGUE } from "../../../src/functions/definitions";
import { FORMULAS, TEMPLATE_SHEETS } from "../../../src/domain/template";
import { installTemplates } from "../../../src/workbook/office/install";
import { excelContext, FakeContext } from "../../support/fake-excel";

/** The Excel built-ins the templates use, by their invariant (English) names. */
const BUILT_INS = new Set([
  "IF",
  "N",
  "ROUND",
  "ISNUMBER",
  "SUM",
  "COUNT",
  "MIN",
  "IFERROR",
  "INDIRECT",
  "DATE",
  "TEXT",
  "AND",
  "OR",
]);

/** Function names called in a formula, string literals left out. */
function calledFunctions(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)\(/g)].map((m) => m[1]!);
}

let written: string[] = [];
let localWrites = -1;

beforeAll(async () => {
  const fake = new FakeContext();
  await installTemplates(excelContext(fake));
  localWrites = fake.workbook.formulasLocalWrites;
  written = fake.workbook.sheets
    .flatMap((sheet) => [...sheet.cellMap.values()])
    .map((cell) => cell.formula)
    .filter((f): f is string => typeof f === "string" && f.startsWith("="));
});

test("every formula installed calls built-ins by their English names and add-in functions by id", () => {
  expect(written.length).toBeGreaterThan(20);
  const ids = new Set(FUNCTION_CATALOGUE.map((f) => `JXZP.${f.id}`));
  for (const formula of written) {
    for (const name of calledFunctions(formula))
      expect(BUILT_INS.has(name) || ids.has(name) ? name : `${name} in ${formula}`).toBe(name);
  }
  const chineseNames = FUNCTION_CATALOGUE.map((f) => `JXZP.${f.zhName}`);
  for (const formula of written) for (const name of chineseNames) expect(formula).not.toContain(name);
  expect(localWrites).toBe(0);
});

test(
  "arguments are separated by commas, as the invariant form requires " +
    "(a ';' would be the local form of some languages)",
  () => {
    for (const formula of [...written, ...Object.values(FORMULAS)])
      expect(formula.replace(/"(?:[^"]|"")*"/g, '""')).not.toContain(";");
  },
);

test("what the installer writes is what the template data says (one source for both adapters)", () => {
  for (const formula of Object.values(FORMULAS)) expect(written).toContain(`=${formula}`);
  for (const cell of TEMPLATE_SHEETS.flatMap((s) => s.cells).filter((c) => c.formula))
    expect(written).toContain(`=${cell.formula}`);
});
