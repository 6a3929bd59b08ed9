/**
 * The port the panels act through: whatever holds the workbook (Excel through Office.js in the task
 * pane; a file in a browser page). Panels and the review store take a host and never call a host API
 * themselves, so the same components serve every door.
 */
import type { SheetId } from "../domain/contract";
import type { Fix } from "../domain/validation";
import type { AssembledWorkbook } from "../workbook/assemble";
import type { LocatedFinding } from "./validate-workbook";

export type InstallStatus = "installed" | "alreadyInstalled" | "upgraded" | "repaired";

export interface InstallResult {
  readonly status: InstallStatus;
  /** Sheet id → the name it was installed under (differs from ours when that name was taken). */
  readonly sheetNames: Readonly<Record<SheetId, string>>;
  /** The project sheets (附件3-1, 附件3-2 …) in slot order, under the names they have now. */
  readonly projectSheets: readonly string[];
  /** The version found in the workbook before (for an upgrade or an existing install). */
  readonly previousVersion?: string;
  /** The earlier template's sheets, kept under these names after an upgrade. */
  readonly backupSheets: readonly string[];
  readonly syncs: number;
  /**
   * Set when the helper columns' JXZP formulas by id did not resolve in this Excel: "localized" — entered
   * in the Excel's local form (JXZP.完成率…); "values" — replaced by the values they would show.
   */
  readonly functionsFallback?: "localized" | "values";
}

/** 添加项目表 done: the new project's slot and sheet. */
export interface ProjectAdded {
  readonly slot: number;
  readonly sheetName: string;
  /** How many project sheets the workbook has now. */
  readonly projects: number;
  readonly syncs: number;
  readonly functionsFallback?: "localized" | "values";
}

/** 删除项目表 done: the project removed, and the later ones that moved up a slot. */
export interface ProjectRemoved {
  readonly slot: number;
  /** The removed project's sheet, as it was called. */
  readonly sheetName: string;
  /** The later project sheets, each now one slot earlier: the name each had, and the name it has now. */
  readonly moved: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly projects: number;
  readonly syncs: number;
}

export interface WorkbookHost {
  /**
   * Excel through Office.js (changes land in the open workbook and cannot be undone with Ctrl+Z), or a
   * file opened in the browser page (changes land in a copy the user downloads; the file is untouched).
   */
  readonly kind: "excel" | "file";
  /** False where the host cannot act (the pane opened outside Excel, no file opened yet): the panels wait. */
  readonly available: boolean;
  /** The whole workbook, leniently (wrong-type cells become findings), with the round trips it took. */
  read(): Promise<AssembledWorkbook & { readonly syncs?: number }>;
  /** Shows a finding's cell to the user; absent where only its address can be shown (a file). */
  readonly select?: (sheet: string, cell: string) => Promise<void>;
  /** Writes a finding's safe fix. Callers confirm first: a host may not be able to undo it. */
  applyFix(finding: LocatedFinding & { readonly fix: Fix }): Promise<void>;
  /** Records the user's explanation of a warning (已说明的提示). */
  explain(finding: LocatedFinding, reason: string): Promise<void>;
  /** 安装模板: installs, repairs or upgrades the template without losing what was typed (Excel only). */
  readonly install?: () => Promise<InstallResult>;
  /** 添加项目表: a new, blank project table (附件3-n) after the last, with its 项目名称 if given (Excel only). */
  readonly addProject?: (name?: string | null) => Promise<ProjectAdded>;
  /**
   * 删除项目表: removes project `slot`'s sheet; the later projects move up a slot, everything typed in them kept
   * (Excel only). `expectedName` is the 项目名称 the user confirmed: if the table says otherwise by now (someone
   * changed it), nothing is removed. Callers confirm first: Excel cannot undo it.
   */
  readonly removeProject?: (slot: number, expectedName: string | null) => Promise<ProjectRemoved>;
}
