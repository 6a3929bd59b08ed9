/**
 * Run by npm run bench in a child process with a heap of its own (the docx library holds the whole
 * document as objects: about 4 GB at 20,000 rows): `ROWS` times the report — validation and content, then
 * the .docx — of the 株洲 sample's indicators repeated to ROWS rows, as a draft (the weights no longer
 * total 100), best of `RUNS`. Prints one JSON line: ms for each part and peak resident memory.
 */
import { validate, workbookModel } from "../src/domain";
import { buildReport, fingerprintOf } from "../src/domain/report";
import { reportBytes } from "../src/docx/report";
import { completedSample } from "../scripts/completed-sample";

async function main(): Promise<void> {
  const [rows, runs] = process.argv.slice(2).map(Number) as [number, number];
  const json = completedSample();
  const base = json.eval.indicators;
  json.eval.indicators = Array.from({ length: rows }, (_, i) => ({
    ...base[i % base.length],
    name: `${base[i % base.length].name}${i}`,
  }));
  const model = workbookModel.parse(json);
  let contentMs = Infinity;
  let docxMs = Infinity;
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    const validation = validate(model);
    const content = buildReport(model, validation, {
      fingerprint: await fingerprintOf(model, validation.profile.id),
      draft: true,
    });
    contentMs = Math.min(contentMs, performance.now() - start);
    start = performance.now();
    await reportBytes(content);
    docxMs = Math.min(docxMs, performance.now() - start);
  }
  console.log(
    JSON.stringify({
      contentMs: Number(contentMs.toFixed(1)),
      docxMs: Number(docxMs.toFixed(1)),
      peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

void main();
