import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** One pattern from consecutive pieces (a long pattern kept readable across lines). */
const joined = (...parts: RegExp[]): RegExp => new RegExp(parts.map((part) => part.source).join(""));

describe("manifest.xml", () => {
  test("one shared runtime hosts the pane, the functions and the commands", () => {
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(manifest).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(manifest).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toContain('<FunctionFile resid="Taskpane.Url"/>');
  });

  test("custom functions: script, metadata and the JXZP namespace", () => {
    expect(manifest).toMatch(
      joined(
        /<ExtensionPoint xsi:type="CustomFunctions">/,
        /[\s\S]*<Script>/,
        /[\s\S]*<Metadata>/,
        /[\s\S]*<Namespace resid="Functions.Namespace"\/>/,
      ),
    );
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="JXZP"/>');
  });

  test("Chinese Excel loads the zh-CN metadata (Chinese function names)", () => {
    expect(manifest).toMatch(
      joined(
        /<bt:Url id="Functions.Metadata.Url" DefaultValue="[^"]*\/functions.json">/,
        /\s*<bt:Override Locale="zh-CN" Value="[^"]*\/functions.zh-cn.json"\/>/,
      ),
    );
  });

  test("Chinese by default with English overrides", () => {
    expect(manifest).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(manifest).toMatch(/<DisplayName DefaultValue="绩效自评助手">\s*<Override Locale="en-US"/);
    const strings = [...manifest.matchAll(/<bt:String id="([\w.]+)" DefaultValue="([^"]*)"(\/?)>/g)];
    for (const [, id, , selfClosing] of strings)
      if (id !== "Functions.Namespace") expect(`${id}:${selfClosing}`).toBe(`${id}:`);
  });

  test("every resource id used is defined, and every icon exists in assets/", () => {
    const used = new Set([...manifest.matchAll(/resid="([\w.]+)"/g)].map((m) => m[1]));
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([\w.]+)"/g)].map((m) => m[1]));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    for (const [, file] of manifest.matchAll(/assets\/(icon-\d+\.png)/g))
      expect(existsSync(join(ROOT, "assets", file!))).toBe(true);
  });

  test("the ribbon's ExecuteFunction is associated by the commands module", () => {
    const commands = readFileSync(join(ROOT, "src/commands/commands.ts"), "utf8");
    for (const [, name] of manifest.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g))
      expect(commands).toContain(`Office.actions.associate("${name}"`);
  });

  test("重新计算 says what it does, and does it: the helper formulas entered again, then a full recalculation", () => {
    expect(manifest).toMatch(
      /<bt:String id="Recalculate.Tooltip" DefaultValue="重新输入完成率、建议得分两列的 JXZP 公式[^"]*重新计算整个工作簿。">/,
    );
    expect(manifest).not.toContain("刷新全部 JXZP 函数的结果");
    const commands = readFileSync(join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toMatch(/recalculateWorkbook[\s\S]*reenterHelperFormulas\(context/);
  });

  test("ribbon strings keep the manifest's limits (short 125, long 250 characters)", () => {
    const section = (tag: string) => manifest.slice(manifest.indexOf(`<bt:${tag}>`), manifest.indexOf(`</bt:${tag}>`));
    const lengths = (tag: string) =>
      [...section(tag).matchAll(/(?:DefaultValue|Value)="([^"]*)"/g)].map((m) => m[1]!.length);
    expect(Math.max(...lengths("ShortStrings"))).toBeLessThanOrEqual(125);
    expect(Math.max(...lengths("LongStrings"))).toBeLessThanOrEqual(250);
  });
});
