/**
 * The state of 校验, shared by the task pane and the ribbon's 校验 button. Both run in the one shared
 * runtime page but come from separate bundles, so the store lives on the page's global object.
 */
/* global Excel */
import { WorkbookReadError } from "../workbook/assemble";
import { validateOpenWorkbook, type OfficeValidation } from "../workbook/office/review";

export type ReviewState =
  | { readonly status: "idle" }
  | { readonly status: "working" }
  | { readonly status: "done"; readonly validation: OfficeValidation; readonly profile: string | undefined }
  | { readonly status: "failed"; readonly message: string };

export interface ReviewStore {
  get(): ReviewState;
  subscribe(listener: () => void): () => void;
  /** Validates the open workbook; `profile` overrides the one saved in the workbook. */
  run(profile?: string): Promise<void>;
}

function createStore(): ReviewStore {
  let state: ReviewState = { status: "idle" };
  const listeners = new Set<() => void>();
  const set = (next: ReviewState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async run(profile) {
      set({ status: "working" });
      try {
        const validation = await Excel.run((context) => validateOpenWorkbook(context, profile));
        set({ status: "done", validation, profile });
      } catch (error) {
        set({
          status: "failed",
          message:
            error instanceof WorkbookReadError ? error.problems.join("\n") : `校验失败：${(error as Error).message}`,
        });
      }
    },
  };
}

const holder = globalThis as typeof globalThis & { __jxzpReview?: ReviewStore };

/** The page's one review store. */
export function reviewStore(): ReviewStore {
  return (holder.__jxzpReview ??= createStore());
}
