import { readFileSync } from "node:fs";
import { EXAMPLE_PATH, fromPublishedExample, SAMPLE_PATH } from "../../scripts/import-example";

test("samples/zhuzhou-kjj-2024.json is the published example mapped onto the model", () => {
  const example = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
  const sample = JSON.parse(readFileSync(SAMPLE_PATH, "utf8"));
  expect(sample).toEqual(JSON.parse(JSON.stringify(fromPublishedExample(example))));
});
