/**
 * Deployment: a production build is given its URL (ADDIN_URL), normalised, and every URL of the manifest
 * points under it; help.html is generated from the function definitions with an anchor per function.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AddinUrlError, DEV_URL, manifestFor, productionUrl } from "../../scripts/addin-url";
import { helpAnchor } from "../../src/functions/define";
import { helpPageHtml } from "../../src/help/help-page";
import { JXZP_FUNCTIONS } from "../../src/functions/definitions";

const MANIFEST = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
const urlsOf = (xml: string) => [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);

describe("ADDIN_URL", () => {
  test.each([
    ["https://jxzp.example.gov.cn/addin", "https://jxzp.example.gov.cn/addin/"],
    ["https://jxzp.example.gov.cn/addin/", "https://jxzp.example.gov.cn/addin/"],
    ["  https://JXZP.example.gov.cn  ", "https://jxzp.example.gov.cn/"],
    ["https://10.1.2.3:8443/绩效/", "https://10.1.2.3:8443/%E7%BB%A9%E6%95%88/"],
  ])("%s is served as %s", (given, normalised) => {
    expect(productionUrl(given)).toBe(normalised);
  });

  test.each([
    [undefined, "未设置 ADDIN_URL"],
    ["", "未设置 ADDIN_URL"],
    ["jxzp.example.gov.cn/addin", "不是完整的网址"],
    ["http://jxzp.example.gov.cn/", "应以 https:// 开头"],
    ["https://jxzp.example.gov.cn/?v=1", "不应带有 ? 或 # 部分"],
  ])("%s is refused with a reason", (given, reason) => {
    expect(() => productionUrl(given)).toThrow(AddinUrlError);
    expect(() => productionUrl(given)).toThrow(reason);
  });

  test.each(["https://jxzp.example.gov.cn/addin/", "https://10.1.2.3:8443/a/b/"])(
    "the manifest for %s points every URL beneath it",
    (base) => {
      const manifest = manifestFor(MANIFEST, base);
      const urls = urlsOf(manifest);
      expect(urls.length).toBeGreaterThan(10);
      for (const url of urls) expect(url.startsWith(base)).toBe(true);
      expect(manifest).not.toContain("localhost");
      expect(urls).toContain(`${base}help.html`);
      expect(urls).toContain(`${base}taskpane.html`);
    },
  );

  test("the development manifest is the one in the repository", () => {
    expect(manifestFor(MANIFEST, DEV_URL)).toBe(MANIFEST);
    for (const url of urlsOf(MANIFEST)) expect(url.startsWith(DEV_URL)).toBe(true);
  });
});

describe("help.html", () => {
  const html = helpPageHtml();

  test("has a section for every function, the anchor its help link opens", () => {
    for (const fn of JXZP_FUNCTIONS) {
      expect(html).toContain(`id="${helpAnchor(fn)}"`);
      expect(html).toContain(fn.zhName);
    }
  });

  test("covers the add-in's work in Chinese and loads nothing", () => {
    for (const heading of ["模板", "自评函数", "校验", "生成报告", "网页版", "数据与隐私"])
      expect(html).toContain(heading);
    expect(html).not.toMatch(/<script|src="https?:|href="https?:/);
  });
});
