/** The page's worker thread: runs each task it is sent (tasks.ts) and posts back the result or the error. */
import { WorkbookReadError } from "../workbook/assemble";
import { runTask, type Task } from "./tasks";

/** A task, or a ping (task absent) that tells the page the worker script loaded. */
export interface TaskRequest {
  readonly id: number;
  readonly task?: Task;
}

export type TaskResponse =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly problems?: readonly string[] };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<TaskRequest>) => void) | null;
  postMessage(message: TaskResponse): void;
};

scope.onmessage = ({ data }) => {
  if (!data.task) return scope.postMessage({ id: data.id, ok: true, result: null });
  runTask(data.task).then(
    (result) => scope.postMessage({ id: data.id, ok: true, result }),
    (error: Error) =>
      scope.postMessage({
        id: data.id,
        ok: false,
        message: error.message,
        ...(error instanceof WorkbookReadError ? { problems: error.problems } : {}),
      }),
  );
};
