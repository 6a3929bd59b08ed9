/** axe-core in a page under test: loaded from our own origin (the pages' CSP refuses any other). */
import type { Page } from "playwright-core";

/**
 * The serious and critical violations on the page, "id: help" each, once running animations have finished.
 * After a dialog, Fluent UI's focus manager (tabster) leaves focus sentinels (data-tabster-dummy): aria-hidden
 * by design, they pass focus on and never hold it, so they are left out of the scan.
 */
export async function seriousViolations(page: Page, origin: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: `${origin}/axe/axe.min.js` });
  // A settled page: an element still fading in (Fluent UI's transitions) is measured at part of its contrast.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string }> }>;
        };
      }
    ).axe;
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help}`);
  });
}
