/**
 * The browser page's workbook host: a file the user opened. Fixes and explanations never touch that
 * file: they are applied to a copy held in the page, by editing only the cells named in the copy's XML
 * (src/workbook/xlsx/edit.ts), and the user downloads the copy. Validation and the report read the copy,
 * so what the user sees is what they download.
 */
import { entryOf } from "../domain/contract";
import { CANNOT_EXPLAIN, canExplain, type Fix } from "../domain/validation";
import type { WorkbookHost } from "../usecases/host";
import type { LocatedFinding } from "../usecases/validate-workbook";
import { assembleWorkbook } from "../workbook/assemble";
import { replayedSource } from "../workbook/recorded-source";
import type { CellValueEdit, editWorkbookCopy } from "../workbook/xlsx/edit";
import type { Engine } from "./engine";

export interface OpenedFile {
  /** Changes with every file opened (components reset on it). */
  readonly id: number;
  readonly name: string;
  readonly original: Uint8Array;
  /** The original with the changes applied. */
  readonly current: Uint8Array;
  /** What was changed in the copy, one line each ("附件2 自评表!E14 改为数字 5"). */
  readonly changes: readonly string[];
}

export interface FileHost extends WorkbookHost {
  readonly kind: "file";
  file(): OpenedFile | null;
  subscribe(listener: () => void): () => void;
  open(name: string, bytes: Uint8Array): void;
}

type Editor = typeof editWorkbookCopy;

const ACKNOWLEDGEMENTS = entryOf("review.acknowledgements").table;

function editOf(fix: Fix): CellValueEdit {
  return fix.kind === "formula" ? { formula: fix.formula } : fix.value;
}

/** `describe` words a fix for the list of changes (the panels' strings). */
export function createFileHost(
  engine: Engine,
  options: { loadEditor: () => Promise<Editor>; describe: (fix: Fix) => string; explained: string },
): FileHost {
  let opened: OpenedFile | null = null;
  let ids = 0;
  const listeners = new Set<() => void>();
  const set = (next: OpenedFile | null) => {
    opened = next;
    listeners.forEach((listener) => listener());
  };
  const need = (): OpenedFile => {
    if (!opened) throw new Error("请先打开工作簿");
    return opened;
  };
  // Changes run one after another, each on the copy as the previous one left it, and only on the file they
  // were asked for: a change that finishes after another file was opened is dropped.
  let queue: Promise<void> = Promise.resolve();
  function change(apply: (edit: Editor, bytes: Uint8Array) => Uint8Array, line: string): Promise<void> {
    const { id } = need();
    const next = queue.then(async () => {
      const edit = await options.loadEditor();
      const file = opened;
      if (!file || file.id !== id) throw new Error("已打开另一个工作簿，这项修改未写入");
      set({ ...file, current: apply(edit, file.current), changes: [...file.changes, line] });
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    kind: "file",
    get available() {
      return opened !== null;
    },
    file: () => opened,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open(name, bytes) {
      set({ id: ++ids, name, original: bytes, current: bytes, changes: [] });
    },
    // A copy goes to the worker: the bytes are moved there, and the page keeps its own.
    async read() {
      const recording = await engine.run({ kind: "read", bytes: need().current.slice() });
      return assembleWorkbook(replayedSource(recording), { lenient: true });
    },
    async applyFix(finding) {
      if (!finding.sheet || !finding.cell) throw new Error(`无法定位 ${finding.key}`);
      const cell = { sheet: finding.sheet, cell: finding.cell, value: editOf(finding.fix) };
      await change(
        (edit, bytes) => edit(bytes, { cells: [cell] }),
        `${finding.sheet}!${finding.cell} ${options.describe(finding.fix)}`,
      );
    },
    async explain(finding: LocatedFinding, reason: string) {
      if (!canExplain(finding)) throw new Error(CANNOT_EXPLAIN);
      const [rule, text, key] = ACKNOWLEDGEMENTS.columns.map((column) => column.label);
      const values = { [rule!]: finding.rule, [text!]: reason.trim(), [key!]: finding.key };
      await change(
        (edit, bytes) => edit(bytes, { tableRows: [{ table: ACKNOWLEDGEMENTS.name, values }] }),
        `${options.explained}：${finding.rule}（${reason.trim()}）`,
      );
    },
  };
}
