import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fromPublishedExample, SAMPLE_PATH } from "../../scripts/import-example";

/** The published example as kept in the repository (a copy of ../shared/examples, see its README). */
const EXAMPLE_PATH = join(__dirname, "../fixtures/shared/zhuzhou-kjj-2024.json");

test("samples/zhuzhou-kjj-2024.json is the published example mapped onto the model", () => {
  const example = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
  const sample = JSON.parse(readFileSync(SAMPLE_PATH, "utf8"));
  expect(sample).toEqual(JSON.parse(JSON.stringify(fromPublishedExample(example))));
});
