/** Writing model values by contract key ("basic.staff.authorized"); reading is the domain's valueAtPath. */

/** Keys split once: assembling a workbook sets the same few dozen contract keys every time. */
const SPLIT_KEPT = 1000;
const splitKeys = new Map<string, readonly string[]>();

function split(key: string): readonly string[] {
  let parts = splitKeys.get(key);
  if (!parts) {
    if (splitKeys.size >= SPLIT_KEPT) splitKeys.clear();
    parts = key.split(".");
    splitKeys.set(key, parts);
  }
  return parts;
}

/** Sets `value` at `key`, creating the objects on the way. */
export function setAt(root: Record<string, unknown>, key: string, value: unknown): void {
  const parts = split(key);
  let current = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (typeof current[part] !== "object" || current[part] === null) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[parts[parts.length - 1]!] = value;
}
