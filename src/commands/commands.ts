/**
 * Ribbon commands (ExecuteFunction) in the shared runtime. Each handler must call event.completed().
 */
/* global Office, Excel */
import { reviewStore } from "../usecases/review-store";
import { officeHost } from "../workbook/office/host";

/** 重新计算: a full recalculation refreshes every JXZP function (and any #NAME? left from a late load). */
export async function recalculateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    });
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
