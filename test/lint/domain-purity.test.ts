import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");

/**
 * Lints `code` as if it lived at `filePath`, with the project's real ESLint config (in a child
 * process: ESLint loads its config as ESM).
 */
async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const eslint = join(ROOT, "node_modules/eslint/bin/eslint.js");
  const result = spawnSync(process.execPath, [eslint, "--stdin", "--stdin-filename", filePath, "--format", "json"], {
    cwd: ROOT,
    input: code,
    encoding: "utf8",
  });
  const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return report!.messages.map((m) => m.ruleId ?? m.message);
}

jest.setTimeout(60000);

describe("the domain core stays pure", () => {
  test.each([
    'import { createRoot } from "react-dom/client";',
    'import { Button } from "@fluentui/react-components";',
    'import ExcelJS from "exceljs";',
    'import { Document } from "docx";',
    'import "@microsoft/office-js";',
  ])("src/domain may not %s", async (line) => {
    expect(await ruleIds(`${line}\nexport const x = 1;\n`, "src/domain/impure.ts")).toContain("no-restricted-imports");
  });

  test("src/domain may not touch the Excel global", async () => {
    expect(
      await ruleIds("export const run = () => Excel.run(async () => undefined);\n", "src/domain/impure.ts"),
    ).toContain("no-restricted-globals");
  });

  test("adapters may import them", async () => {
    expect(
      await ruleIds(
        'import { Button } from "@fluentui/react-components";\nexport const B = Button;\n',
        "src/taskpane/ok.tsx",
      ),
    ).toEqual([]);
  });
});
