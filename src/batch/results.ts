/**
 * What a batch makes of each file: a row of the summary, or the reason it could not be read. Apart from
 * the reader (inspect.ts), so the page's batch can name a refused file without loading exceljs.
 */
import type { LocatedFinding } from "../usecases/validate-workbook";

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
