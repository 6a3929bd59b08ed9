/**
 * Stands in for office.js in the browser tests: Office and Excel globals whose Excel.run hands the
 * adapters the in-memory Excel (test/support/fake-excel.ts), holding the 株洲 workbook with a
 * few typical mistakes. Served in place of office-js/office.js, so the built pane runs unchanged.
 * A test may give its own workbook instead, before the page loads (pane.ts's init): globalThis.__harnessModel,
 * a model's JSON, project tables included, and globalThis.__harnessCells, [sheet, cell, what is typed] each.
 */
import { installTemplates } from "../../../src/workbook/office/install";
import { workbookModel } from "../../../src/domain/model";
import sample from "../../../samples/zhuzhou-kjj-2024.json";
import { excelContext, FakeContext } from "../../support/fake-excel";
import { typeModel } from "../../support/type-model";
import { typeProjects } from "../../workbook/office/type-projects";

const fake = new FakeContext();
const excel = excelContext(fake);

const given = globalThis as { __harnessModel?: unknown; __harnessCells?: Array<[string, string, string | number]> };

/** The workbook a test gave: its model typed into the template with its project tables, then its cells. */
async function givenWorkbook(json: unknown): Promise<void> {
  const model = workbookModel.parse(json);
  await installTemplates(excel, { projects: model.projects.length });
  typeModel(fake, model);
  typeProjects(fake, model.projects);
  for (const [sheet, cell, typed] of given.__harnessCells ?? []) fake.workbook.sheet(sheet)!.cell(cell).formula = typed;
  fake.syncCount = 0;
}

const ready = (async () => {
  if (given.__harnessModel) return givenWorkbook(given.__harnessModel);
  await installTemplates(excel);
  const json = JSON.parse(JSON.stringify(sample));
  Object.assign(json.basic, { preparer: "李明", filledOn: "2025-04-20" });
  Object.assign(json.eval, { preparer: "李明", filledOn: "2025-04-20" });
  Object.assign(json.eval.indicators[0], { weight: 20, score: 20 }); // weights total 110
  json.eval.indicators[1].name = "<b>新增省级以上科技创新平台</b>"; // must show as text, never as HTML
  typeModel(fake, workbookModel.parse(json));
  fake.workbook.sheet("附件2 自评表")!.cell("E4").formula = "１３８７.５３"; // a number stored as text
  fake.syncCount = 0;
})();

const info = { host: "Excel", platform: "PC" };
Object.assign(globalThis, {
  __fake: fake,
  Office: {
    HostType: { Excel: "Excel" },
    context: { displayLanguage: "zh-CN" },
    onReady: (callback?: (i: typeof info) => void) => ready.then(() => (callback?.(info), info)),
    actions: { associate: () => undefined },
    addin: { showAsTaskpane: async () => undefined },
  },
  Excel: {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(excel),
    CalculationType: { full: "Full" },
  },
  CustomFunctions: {
    associate: () => undefined,
    Error: class extends Error {},
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  },
});
