import { readFileSync } from "node:fs";
import { assembleWorkbook } from "../../src/workbook/assemble";
import { recordingSource, replayedSource } from "../../src/workbook/recorded-source";
import { inspectSource } from "../../src/workbook/xlsx/read";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { SAMPLE_PATH } from "../support/model-inputs";
import { workbookModel } from "../../src/domain/model";

/** What a worker posts (structured clone) and the page assembles again. */
async function bothWays(bytes: Uint8Array) {
  const { source, recording } = recordingSource(await inspectSource(bytes));
  const direct = assembleWorkbook(source, { lenient: true });
  const replayed = assembleWorkbook(replayedSource(structuredClone(recording)), { lenient: true });
  return { direct, replayed, recording };
}

test.each([
  ["the blank template", () => buildWorkbook()],
  ["the 株洲 workbook", () => buildWorkbook(workbookModel.parse(JSON.parse(readFileSync(SAMPLE_PATH, "utf8"))))],
])("%s assembles the same from a recording posted to another thread", async (_name, build) => {
  const { direct, replayed, recording } = await bothWays(new Uint8Array(await build().xlsx.writeBuffer()));
  expect(replayed.model).toEqual(direct.model);
  expect(replayed.cells).toEqual(direct.cells);
  expect([...replayed.locations]).toEqual([...direct.locations]);
  expect(replayed.problems).toEqual(direct.problems);
  // Only the cells the contract names: a few hundred, not the workbook.
  expect(recording.cells.size).toBeLessThan(1000);
});

test("a question the recording never heard gets an empty answer", () => {
  const source = replayedSource({ sheets: new Map(), names: new Map(), cells: new Map(), tables: new Map() });
  expect([source.hasSheet("附件1"), source.name("x"), source.table("t"), source.lookup("s", "A1")]).toEqual([
    false,
    null,
    null,
    { value: null, formula: null },
  ]);
});
