/** Exit codes shared by every command: 0 done, 1 the data has errors, 2 bad input. */
export const EXIT = { ok: 0, dataErrors: 1, badInput: 2 } as const;

/**
 * Input the command cannot use (missing file, bad JSON, a field of the wrong type): exit 2, one
 * Chinese message, no stack.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}
