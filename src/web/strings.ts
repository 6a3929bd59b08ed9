/**
 * The page's text: the task pane's strings (the panels are shared), with what differs where the
 * workbook is a file — changes go to a copy, findings name 工作表!单元格 — and the page's own parts.
 */
import { stringsFor, type Strings } from "../taskpane/strings";

const zh = {
  pageTitle: "绩效自评助手 · 网页版",
  pageSubtitle: "无需安装、不联网：工作簿只在本页中处理，不会上传到任何地方。",
  tabs: { single: "单个工作簿", batch: "批量汇总" },
  workbookHeading: "工作簿",
  openWorkbook: "打开工作簿",
  dropHint: "或把 .xlsx 文件拖到这里（Excel、WPS、LibreOffice 保存的均可）",
  downloadTemplate: "下载空白模板",
  templating: "正在生成模板…",
  templateName: "绩效自评模板.xlsx",
  opened: (name: string) => `已打开：${name}`,
  notXlsx: (name: string) => `「${name}」不是 .xlsx 工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再打开。`,
  changesHeading: (count: number) => `副本中已作 ${count} 处修改（原文件未改动）`,
  downloadCopy: "下载修改后的副本",
  explainedChange: "已说明",
  copyName: (name: string) => `${name.replace(/\.xlsx$/i, "")}（已修正）.xlsx`,
  modeWorker: "在后台线程中处理",
  modePage: "在本页中处理（此浏览器不允许从本地文件启动后台线程）",
  batchHeading: "批量汇总",
  batchIntro: "选择多个工作簿或一个文件夹：逐个读取和校验，无法读取的文件列出原因，不影响其他文件。",
  chooseFiles: "选择工作簿",
  chooseFolder: "选择文件夹",
  batchDrop: "或把文件、文件夹拖到这里",
  noWorkbooks: "所选内容中没有 .xlsx 工作簿。",
  progress: (done: number, total: number) => `已处理 ${done} / ${total} 个工作簿`,
  remaining: (seconds: number) => `预计还需 ${seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`}`,
  batchDone: (read: number, withErrors: number, unreadable: number) =>
    `读取 ${read} 个，其中有错误 ${withErrors} 个；无法读取 ${unreadable} 个。`,
  downloadSummary: "下载汇总.xlsx",
  summaryName: "汇总.xlsx",
  stop: "停止",
  stopped: "已停止：汇总只含已处理的工作簿。",
  unitsHeading: "各单位",
  problemsHeading: "问题清单",
  unreadableHeading: "无法读取",
  columns: {
    file: "文件",
    unit: "单位",
    total: "总分",
    grade: "等次",
    errors: "错误",
    warnings: "警告",
    severity: "级别",
    where: "位置",
    rule: "规则",
    message: "问题",
    reason: "原因",
    executionRate: "执行率",
  },
  sortBy: (column: string) => `按${column}排序`,
};

export type PageStrings = Strings & { page: typeof zh };

const en: typeof zh = {
  ...zh,
  pageTitle: "Performance Self-Evaluation Assistant · Web",
  pageSubtitle: "No installation, no network: the workbook is processed in this page and never uploaded.",
  tabs: { single: "One workbook", batch: "Batch summary" },
  workbookHeading: "Workbook",
  openWorkbook: "Open workbook",
  dropHint: "or drop an .xlsx file here (saved by Excel, WPS or LibreOffice)",
  downloadTemplate: "Download the blank template",
  templating: "Building the template…",
  opened: (name: string) => `Opened: ${name}`,
  notXlsx: (name: string) => `"${name}" is not an .xlsx workbook: save it as .xlsx in Excel or WPS first.`,
  changesHeading: (count: number) => `${count} changes in the copy (the original file is untouched)`,
  downloadCopy: "Download the corrected copy",
  explainedChange: "Explained",
  modeWorker: "Processing on a background thread",
  modePage: "Processing in this page (this browser refuses background threads for local files)",
  batchHeading: "Batch summary",
  batchIntro: "Choose workbooks or a folder: each is read and validated; unreadable files are listed with the reason.",
  chooseFiles: "Choose workbooks",
  chooseFolder: "Choose a folder",
  batchDrop: "or drop files or folders here",
  noWorkbooks: "No .xlsx workbooks in what was chosen.",
  progress: (done: number, total: number) => `${done} / ${total} workbooks processed`,
  remaining: (seconds: number) => `about ${seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`} left`,
  batchDone: (read: number, withErrors: number, unreadable: number) =>
    `${read} read, ${withErrors} with errors; ${unreadable} unreadable.`,
  downloadSummary: "Download 汇总.xlsx",
  stop: "Stop",
  stopped: "Stopped: the summary holds the workbooks processed so far.",
  unitsHeading: "Units",
  problemsHeading: "Findings",
  unreadableHeading: "Unreadable",
  columns: {
    file: "File",
    unit: "Unit",
    total: "Total",
    grade: "Grade",
    errors: "Errors",
    warnings: "Warnings",
    severity: "Severity",
    where: "Cell",
    rule: "Rule",
    message: "Finding",
    reason: "Reason",
    executionRate: "Execution",
  },
  sortBy: (column: string) => `Sort by ${column}`,
};

export function pageStringsFor(language: string | undefined): PageStrings {
  const base = stringsFor(language);
  const english = base.language === "en";
  return {
    ...base,
    notInExcelValidate: english ? "Open a workbook (.xlsx) first." : "请先打开工作簿（.xlsx）。",
    fixBody: english
      ? (where: string, what: string) =>
          `${where}: ${what}, in a copy of the workbook (the file you opened stays as it is).`
      : (where: string, what: string) => `将副本中的 ${where} ${what}。您打开的文件不会改动，修改后可下载副本。`,
    saved: english
      ? (name: string) => `Saved ${name} to your downloads.`
      : (name: string) => `已保存 ${name}（在浏览器的下载位置）。`,
    page: english ? en : zh,
  };
}
