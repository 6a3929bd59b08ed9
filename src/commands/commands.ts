/**
 * Ribbon commands (ExecuteFunction) in the shared runtime. Each handler must call event.completed().
 */
/* global Office, Excel */
import { reviewStore } from "../usecases/review-store";
import { reenterHelperFormulas } from "../workbook/office/functions-check";
import { officeHost } from "../workbook/office/host";

/**
 * 重新计算: enters the helper columns' JXZP formulas again (Excel resolves their names anew, so a #NAME?
 * left from a formula entered before the functions were registered goes: a full recalculation alone does
 * not do that, OfficeDev/office-js#6545), in the local form in a Chinese Excel, then recalculates the
 * whole workbook.
 */
export async function recalculateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Excel.run((context) => reenterHelperFormulas(context, Office.context.displayLanguage));
  } finally {
    event.completed();
  }
}

/** 校验: validates in the shared runtime and opens the pane on the results. */
export async function validateFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const run = reviewStore(officeHost(true)).run();
    await Office.addin.showAsTaskpane();
    await run;
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("recalculateWorkbook", recalculateWorkbook);
  Office.actions.associate("validateWorkbook", validateFromRibbon);
});
