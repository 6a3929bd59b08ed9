/** Reading a model value by path: "basic.staff.actual", "eval.indicators[3].score" (rows from 1). */
export function valueAtPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const step of stepsOf(path)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** Paths parsed once: the rules and the report read the same paths of every workbook (bounded like targets.ts's). */
const STEPS_KEPT = 10000;
const parsedPaths = new Map<string, ReadonlyArray<string | number>>();

/** "eval.indicators[3].score" → ["eval", "indicators", 2, "score"]: a row is an index from 0. */
function stepsOf(path: string): ReadonlyArray<string | number> {
  const known = parsedPaths.get(path);
  if (known) return known;
  const steps: Array<string | number> = [];
  for (const part of path.split(".")) {
    const row = /^(.+)\[(\d+)\]$/.exec(part);
    if (row) steps.push(row[1]!, Number(row[2]) - 1);
    else steps.push(part);
  }
  if (parsedPaths.size >= STEPS_KEPT) parsedPaths.clear();
  parsedPaths.set(path, steps);
  return steps;
}
