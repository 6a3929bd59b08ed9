/** The Office.js host: every action one Excel.run batch, for the panels and the ribbon. */
/* global Excel, Office */
import { functionsRecord } from "../../functions/registration";
import type { WorkbookHost } from "../../usecases/host";
import { installTemplates } from "./install";
import { addProject, removeProject } from "./projects";
import { readExcelWorkbook } from "./read";
import { applyFix, explainWarning, selectCell } from "./review";

export function officeHost(available: boolean): WorkbookHost {
  return {
    kind: "excel",
    available,
    read: () => Excel.run((context) => readExcelWorkbook(context, { lenient: true })),
    select: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
    applyFix: (finding) => Excel.run((context) => applyFix(context, finding)),
    explain: (finding, reason) => Excel.run((context) => explainWarning(context, finding, reason)),
    // functions.js ran before the pane in the shared runtime: its record says whether the functions are
    // associated; the UI language, whether Excel names them in Chinese.
    install: () =>
      Excel.run((context) =>
        installTemplates(context, { functions: functionsRecord(), language: Office.context?.displayLanguage }),
      ),
    addProject: (name) =>
      Excel.run((context) =>
        addProject(context, { name, functions: functionsRecord(), language: Office.context?.displayLanguage }),
      ),
    removeProject: (slot, expectedName) => Excel.run((context) => removeProject(context, slot, expectedName)),
  };
}
