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
}
