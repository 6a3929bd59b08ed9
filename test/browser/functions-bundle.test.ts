/**
 * The built functions.js in headless Chromium, with a stand-in CustomFunctions runtime: every id of
 * functions.json (and of functions.zh-cn.json) is associated when the script loads, and nothing else;
 * the script records that for the task pane's bundle on the page's global object (registration.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { serveStatic, type StaticServer } from "./static-server";

jest.setTimeout(120000);

const ROOT = join(__dirname, "../..");
const ids = (file: string) =>
  (JSON.parse(readFileSync(join(ROOT, "dist", file), "utf8")) as { functions: Array<{ id: string }> }).functions
    .map((f) => f.id)
    .sort();

let browser: Browser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  server = await serveStatic({ "/pages/": join(__dirname, "pages"), "/": join(ROOT, "dist") });
  browser = await launchBrowser();
  page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.origin}/pages/functions-host.html`);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("every id in functions.json is associated at load, and nothing else", async () => {
  const associated = await page.evaluate(() =>
    Object.keys((window as unknown as { associated: Record<string, unknown> }).associated).sort(),
  );
  expect(associated).toEqual(ids("functions.json"));
  expect(ids("functions.zh-cn.json")).toEqual(ids("functions.json"));
});

test("the script records the association on the page, where the pane's separate bundle reads it", async () => {
  const record = await page.evaluate(() => (window as unknown as { __jxzpFunctions?: unknown }).__jxzpFunctions);
  expect(record).toEqual({ state: "associated", ids: expect.arrayContaining(ids("functions.json")) });
});

test("the built metadata: help links to help.html#fn-<id>, no data-types flag, 绩效总分", () => {
  const read = (file: string) =>
    JSON.parse(readFileSync(join(ROOT, "dist", file), "utf8")) as {
      functions: Array<{ id: string; name: string; helpUrl: string }>;
    };
  for (const file of ["functions.json", "functions.zh-cn.json"]) {
    const metadata = read(file);
    expect(Object.keys(metadata)).toEqual(["functions"]);
    for (const fn of metadata.functions)
      expect(fn.helpUrl).toMatch(new RegExp(`/help\\.html#fn-${fn.id.toLowerCase()}$`));
  }
  expect(read("functions.zh-cn.json").functions.find((f) => f.id === "TOTALSCORE")!.name).toBe("绩效总分");
});

test("the associated functions compute, and refuse bad arguments with CustomFunctions.Error", async () => {
  const results = await page.evaluate(() => {
    const fns = (window as unknown as { associated: Record<string, (...args: unknown[]) => unknown> }).associated;
    const attempt = (call: () => unknown) => {
      try {
        return call();
      } catch (error) {
        const e = error as { code?: string; message: string; constructor: { name: string } };
        return { type: e.constructor.name, code: e.code, message: e.message };
      }
    };
    return {
      control: fns.CONTROLRATE!(32, 39),
      notApplicable: fns.EXECRATE!(0, 0),
      score: fns.INDICATORSCORE!(5, "120亿元", "115.49亿元", null, null),
      total: fns.TOTALSCORE!(10, [[40], [30], [18]], null, null, null),
      refused: attempt(() => fns.EXECRATE!("abc", 10)),
    };
  });
  expect(results).toEqual({
    control: 0.8205,
    notApplicable: "不适用",
    score: 4.81,
    total: 98,
    refused: { type: "CustomFunctionsError", code: "#VALUE!", message: "全年执行数应为数字，实际为「abc」" },
  });
});
