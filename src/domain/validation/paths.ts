/** Reading a model value by path: "basic.staff.actual", "eval.indicators[3].score" (rows from 1). */
export function valueAtPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const part of path.split(".")) {
    const row = /^(.+)\[(\d+)\]$/.exec(part);
    const steps: Array<string | number> = row ? [row[1]!, Number(row[2]) - 1] : [part];
    for (const step of steps) {
      if (current === null || typeof current !== "object") return undefined;
      current = (current as Record<string | number, unknown>)[step];
    }
  }
  return current;
}
