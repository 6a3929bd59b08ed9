/**
 * The state of 校验, shared by the task pane and the ribbon's 校验 button. Both run in the one shared
 * runtime page but come from separate bundles, so the store lives on the page's global object.
 */
import type { ProfileChoice } from "../domain/profiles";
import { WorkbookReadError } from "../workbook/assemble";
import type { WorkbookHost } from "./host";
import { validateWorkbook, type WorkbookValidation } from "./validate-workbook";

export type ReviewState =
  | { readonly status: "idle" }
  | { readonly status: "working" }
  | {
      readonly status: "done";
      readonly validation: WorkbookValidation;
      readonly profile: ProfileChoice | undefined;
      /** The project tables' 项目名称 (附件3-1 first), for the sections their findings are listed under. */
      readonly projects: ReadonlyArray<string | null>;
    }
  | { readonly status: "failed"; readonly message: string };

export interface ReviewStore {
  get(): ReviewState;
  subscribe(listener: () => void): () => void;
  /** Validates the host's workbook; `profile` overrides the one saved in the workbook. */
  run(profile?: ProfileChoice): Promise<void>;
}

function createStore(host: WorkbookHost): ReviewStore {
  let state: ReviewState = { status: "idle" };
  let runs = 0;
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
      // Only the latest run may speak: a slow earlier one (another file, another profile) is dropped.
      const mine = ++runs;
      set({ status: "working" });
      try {
        const workbook = await host.read();
        const validation = validateWorkbook(workbook, profile);
        const projects = workbook.model.projects.map((project) => project.name);
        if (mine === runs) set({ status: "done", validation, profile, projects });
      } catch (error) {
        const message =
          error instanceof WorkbookReadError ? error.problems.join("\n") : `校验失败：${(error as Error).message}`;
        if (mine === runs) set({ status: "failed", message });
      }
    },
  };
}

const holder = globalThis as typeof globalThis & { __jxzpReview?: ReviewStore };

/** The page's one review store, over the host of whoever asks first (pane and ribbon share one host). */
export function reviewStore(host: WorkbookHost): ReviewStore {
  return (holder.__jxzpReview ??= createStore(host));
}
