/** Writing model values by contract key ("basic.staff.authorized"); reading is the domain's valueAtPath. */

/** Sets `value` at `key`, creating the objects on the way. */
export function setAt(root: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let current = root;
  for (const part of parts.slice(0, -1)) {
    if (typeof current[part] !== "object" || current[part] === null) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[parts[parts.length - 1]!] = value;
}
