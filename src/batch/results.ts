/**
 * What a batch makes of each file: a row of the summary, or the reason it could not be read. Apart from
 * the reader (inspect.ts), so the page's batch can name a refused file without loading exceljs.
 */
import type { LocatedFinding } from "../usecases/validate-workbook";

/**
 * One project table (附件3-n) of a workbook, for the summary's 项目 sheet: its funds, 执行率, 总分 and 等次 (when
 * they may be stated) and its open errors and warnings (findings keyed projects[n].…).
 */
export interface ProjectRow {
  /** 1 for 附件3-1. */
  readonly slot: number;
  /** The sheet as the workbook names it (a renamed sheet keeps its name); the template's when not read. */
  readonly sheet: string;
  readonly name: string | null;
  /** Nothing typed in the table. */
  readonly blank: boolean;
  readonly budget: string | null;
  readonly executed: string | null;
  /** "93.91%" or 不适用. */
  readonly executionRate: string;
  readonly total: string | null;
  readonly grade: string | null;
  /** Why 总分 and 等次 are provisional; null when they are not. */
  readonly provisional: string | null;
  readonly errors: number;
  readonly warnings: number;
}

export interface SummaryRow {
  readonly file: string;
  readonly status: "read";
  readonly unit: string | null;
  readonly year: number | null;
  readonly budget: string | null;
  readonly executed: string | null;
  /** "100.00%" or 不适用. */
  readonly executionRate: string;
  readonly total: string | null;
  readonly grade: string | null;
  /** Why 总分 and 等次 are provisional (执行率得分 could not be scored); null when they are not. */
  readonly provisional: string | null;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly firstError: string | null;
  /** The workbook's project tables (附件3), in order. */
  readonly projects: readonly ProjectRow[];
  readonly findings: ReadonlyArray<Pick<LocatedFinding, "rule" | "severity" | "key" | "sheet" | "cell" | "message">>;
}

export interface Unreadable {
  readonly file: string;
  readonly status: "unreadable";
  readonly reason: string;
}

export type FileResult = SummaryRow | Unreadable;

export const unreadable = (file: string, reason: string): Unreadable => ({ file, status: "unreadable", reason });

/**
 * Whether a file (a name, or a path inside a chosen folder) is one a batch reads: an .xlsx that is not
 * Excel's lock file (~$名称.xlsx, left beside a workbook someone has open). The CLI's collection and the page.
 */
export const isWorkbookName = (name: string) => /\.xlsx$/i.test(name) && !/(^|[\\/])~\$/.test(name);
