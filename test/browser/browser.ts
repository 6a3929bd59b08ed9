/** Headless Chromium for tests: the browser shipped inside @sparticuz/chromium, driven by playwright-core. */
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser } from "playwright-core";

export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...chromium.args, "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    headless: true,
  });
}
