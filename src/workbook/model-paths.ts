/** Reading and writing model values by contract key ("basic.staff.authorized"). */
export function valueAt(root: unknown, key: string): unknown {
  let current: unknown = root;
  for (const part of key.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

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
