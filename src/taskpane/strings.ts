/** UI text, Chinese first; English for an English Office. */
import type { RuleId } from "../domain/profiles";
import type { Fix } from "../domain/validation";

/**
 * What a project table holds, shortened past 8 items: its first cells, how many in all, and always its last item
 * (what projectContents lists last: its indicator rows, 绩效指标 12 行).
 */
function listed(
  contents: readonly string[],
  separator: string,
  shortened: (first: string, count: number, last: string) => string,
): string {
  if (contents.length <= 8) return contents.join(separator);
  const cells = contents.slice(0, -1);
  return shortened(cells.slice(0, 6).join(separator), cells.length, contents[contents.length - 1]!);
}

const zh = {
  language: "zh" as "zh" | "en",
  title: "绩效自评助手",
  subtitle: "部门整体支出绩效自评",
  intro:
    "在任意单元格输入 =JXZP. 即可使用自评函数（中文版 Excel 显示中文函数名，英文版显示英文名）。结果为小数，请将单元格格式设为百分比；分母为 0 时返回“不适用”。",
  functionsHeading: "自评函数",
  installHeading: "模板",
  install: "安装模板",
  installing: "正在安装…",
  installed: "已安装：",
  alreadyInstalled: "模板已安装，工作簿未作改动。",
  upgraded: (from: string, backups: string) =>
    `模板已从 ${from} 版升级，已填写的内容按名称和表头移入新表；旧版工作表留作备份：${backups}。`,
  repaired: (backups: string) =>
    `模板缺少的名称或表格已补全，已填写的内容按名称和表头移入新表；原工作表留作备份：${backups}。`,
  notInExcel: "请在 Excel 中打开绩效自评助手后安装模板。",
  newProjectName: "项目名称（可不填）",
  newProjectPlaceholder: "如：科技创新平台建设",
  addProject: "添加项目表",
  addingProject: "正在添加项目表…",
  projectAdded: (sheet: string) => `已添加「${sheet}」：请在其中填写项目的资金、目标和绩效指标。`,
  removeProject: "删除项目表…",
  readingProjects: "正在读取项目表…",
  noProjects: "工作簿中没有项目表（附件3）。",
  chooseProject: "要删除的项目表",
  removeChosen: "删除",
  removeTitle: "删除项目表",
  removeBody: (table: string, contents: readonly string[], later: readonly string[]) =>
    `将删除「${table}」` +
    (contents.length === 0
      ? "，这张表尚未填写。"
      : `，其中已填写：${listed(contents, "、", (first, n, last) => `${first}等 ${n} 项，${last}`)}。`) +
    (later.length > 0 ? `其后的 ${later.join("、")} 依次前移一位，所填内容不变。` : "") +
    "Excel 不能用 Ctrl+Z 撤销加载项所做的修改，确定删除吗？",
  removeConfirm: "删除",
  removingProject: "正在删除项目表…",
  projectRemoved: (sheet: string, moved: readonly string[]) =>
    `已删除「${sheet}」。` + (moved.length > 0 ? `其后的项目表依次前移：${moved.join("；")}。` : ""),
  functionsFallback: {
    localized: "本机 Excel 不认 JXZP 函数的英文名，已改用中文函数名（如 =JXZP.完成率(…)）写入完成率、建议得分两列。",
    values:
      "本机 Excel 未能识别 JXZP 函数，完成率、建议得分两列已按当前数据写成数值，修改指标后不会自动更新" +
      "（校验时助手按最新数据计算）；官方表格的数字不受影响。",
  } as Record<"localized" | "values", string>,
  example: "示例",
  reportHeading: "生成报告",
  generate: "生成报告",
  generating: "正在生成报告…",
  draftSwitch: "草稿（有错误也生成，标“草稿”并附问题清单）",
  formLabel: "报告格式",
  formNarrative: "文字报告",
  formPreview: (name: string) =>
    `已按「${name}」生成：封面和前几部分为表格，每个数字取自工作簿；预览为其中的文字部分。`,
  blocked: (errors: number) => `工作簿有 ${errors} 个错误，未生成报告。请先校验并更正，或打开“草稿”开关。`,
  preview: "报告预览",
  missingProse: (labels: string) => `待填写（在“报告文字”工作表中填写后重新生成）：${labels}`,
  saveDocx: "保存 .docx",
  saved: (name: string) => `已保存 ${name}（在浏览器或 Excel 的下载位置）。`,
  fingerprint: (hash: string) => `数据指纹 ${hash.slice(0, 16)}…`,
  validateHeading: "校验",
  validate: "校验",
  validating: "正在校验…",
  profileLabel: "评分口径",
  profileFromWorkbook: "按工作簿中的设置",
  notInExcelValidate: "请在 Excel 中打开绩效自评助手后校验。",
  totalLine: (total: string, grade: string) => `总分 ${total} · 等次 ${grade}`,
  noScore: "尚未填写得分",
  provisional: (reason: string) => reason,
  severity: { error: "错误", warning: "警告", info: "提示" } as Record<"error" | "warning" | "info", string>,
  all: "全部",
  acknowledgedFilter: "已说明",
  noFindings: "没有发现问题。",
  noneInFilter: "此类没有问题。",
  wholeWorkbook: "整个工作簿",
  goTo: (where: string) => `定位到 ${where}`,
  fix: "修正",
  fixTitle: "确认修正",
  fixBody: (where: string, what: string) => `将 ${where} ${what}。Excel 不能用 Ctrl+Z 撤销加载项所做的修改，确定吗？`,
  fixNumber: (value: number) => `改为数字 ${value}`,
  fixText: (value: string) => `改为「${value}」`,
  fixFormula: "恢复模板的公式",
  confirm: "确定",
  cancel: "取消",
  explain: "说明",
  explainLabel: "说明原因（记入“已说明的提示”）",
  save: "保存",
  explained: (reason: string) => `已说明：${reason}`,
  profileFile: "选择口径文件…",
  profileFileProblems: "口径文件有问题，未使用：",
  profileLoaded: (label: string) => `已载入自定义口径：${label}`,
  moreProblems: (count: number) => `另有 ${count} 处问题`,
  writeProfileTitle: "写入评分口径",
  writeProfileWhy:
    "工作簿的“评分口径”将记下这个自定义口径的名称和内容摘要：以后校验或生成报告时，可核对用的是不是同一个口径文件。",
  compareHeading: "口径对比",
  compareChoose: "对比的口径",
  compareHint: "勾选两个或更多口径进行对比。",
  comparing: "正在对比…",
  compareTotals: "各口径的执行率得分、总分和等次",
  compareRows: "各口径建议得分不同的指标",
  compareSame: "所选口径对每个指标的建议得分都相同。",
  compareColumns: {
    profile: "口径",
    execution: "执行率得分",
    entered: "总分·等次（填报得分）",
    suggested: "总分·等次（按口径建议）",
    indicator: "指标",
    weight: "分值",
    score: "填报得分",
  },
  /** A rule in two to four characters, under a suggested score (the whole rule is its title). */
  ruleNames: {
    executionRate: "执行率",
    proportional: "按比例",
    lessIsBetter: "越低越好",
    zeroTarget: "指标值为0",
    qualitativeBands: "定性分档",
    overAchievement: "超额/偏离",
    totalCaps: "总分封顶",
    grades: "等次",
    threePublicChange: "三公变动",
    scoreInflation: "得分虚高",
  } as Record<RuleId, string>,
  privacy: "工作簿数据只在本机处理，不会发送到任何地方。",
  version: "模板版本",
};

export type Strings = typeof zh;

const en: Strings = {
  language: "en",
  title: "Performance Self-Evaluation Assistant",
  subtitle: "Department-wide spending self-evaluation",
  intro:
    "Type =JXZP. in any cell to use the self-evaluation functions. " +
    "Results are fractions: format the cell as a percentage. A 0 denominator gives 不适用 (not applicable).",
  functionsHeading: "Functions",
  installHeading: "Templates",
  install: "Install templates",
  installing: "Installing…",
  installed: "Installed: ",
  alreadyInstalled: "The templates are already installed; nothing was changed.",
  upgraded: (from: string, backups: string) =>
    `Templates upgraded from version ${from}; the values entered were moved by name and header. ` +
    `The old sheets are kept as backups: ${backups}.`,
  repaired: (backups: string) =>
    `Missing names or tables were restored; the values entered were moved by name and header. ` +
    `The previous sheets are kept as backups: ${backups}.`,
  notInExcel: "Open the assistant in Excel to install the templates.",
  newProjectName: "Project name (optional)",
  newProjectPlaceholder: "e.g. 科技创新平台建设",
  addProject: "Add project table",
  addingProject: "Adding a project table…",
  projectAdded: (sheet: string) => `Added "${sheet}": fill in the project's funds, goals and indicators there.`,
  removeProject: "Remove a project table…",
  readingProjects: "Reading the project tables…",
  noProjects: "The workbook has no project tables (附件3).",
  chooseProject: "Project table to remove",
  removeChosen: "Remove",
  removeTitle: "Remove project table",
  removeBody: (table: string, contents: readonly string[], later: readonly string[]) =>
    `"${table}" will be removed` +
    (contents.length === 0
      ? "; nothing is filled in yet. "
      : `; it holds: ${listed(contents, ", ", (first, n, last) => `${first} and more (${n} in all); ${last}`)}. `) +
    (later.length > 0 ? `${later.join(", ")} move up one place, with everything in them. ` : "") +
    "Excel cannot undo an add-in's change with Ctrl+Z. Remove it?",
  removeConfirm: "Remove",
  removingProject: "Removing the project table…",
  projectRemoved: (sheet: string, moved: readonly string[]) =>
    `Removed "${sheet}".` + (moved.length > 0 ? ` The later project tables moved up: ${moved.join("; ")}.` : ""),
  functionsFallback: {
    localized:
      "This Excel does not take the JXZP functions' English names: the 完成率 and 建议得分 columns use the Chinese " +
      "names (=JXZP.完成率(…)).",
    values:
      "This Excel did not recognise the JXZP functions: the 完成率 and 建议得分 columns hold values for the current " +
      "data and will not update when indicators change (校验 always computes afresh); the official numbers are " +
      "unaffected.",
  },
  example: "Example",
  reportHeading: "Report",
  generate: "Generate report",
  generating: "Generating the report…",
  draftSwitch: "Draft (generate despite errors, marked 草稿 with the open findings)",
  formLabel: "Report format",
  formNarrative: "Narrative report (文字报告)",
  formPreview: (name: string) =>
    `Written in the form 「${name}」: the cover and the first parts are tables, every number from the workbook; ` +
    "the preview shows its narrative part.",
  blocked: (errors: number) =>
    `The workbook has ${errors} errors; no report was generated. Validate and correct them, or turn on Draft.`,
  preview: "Preview",
  missingProse: (labels: string) => `Still to write (on the 报告文字 sheet, then generate again): ${labels}`,
  saveDocx: "Save .docx",
  saved: (name: string) => `Saved ${name} (to your downloads).`,
  fingerprint: (hash: string) => `Data fingerprint ${hash.slice(0, 16)}…`,
  validateHeading: "Validation",
  validate: "Validate",
  validating: "Validating…",
  profileLabel: "Scoring profile",
  profileFromWorkbook: "As set in the workbook",
  notInExcelValidate: "Open the assistant in Excel to validate.",
  totalLine: (total: string, grade: string) => `Total ${total} · Grade ${grade}`,
  noScore: "No scores entered yet",
  provisional: (reason: string) => `Provisional total and grade — ${reason}`,
  severity: { error: "Error", warning: "Warning", info: "Info" },
  all: "All",
  acknowledgedFilter: "Explained",
  noFindings: "No findings.",
  noneInFilter: "Nothing of this kind.",
  wholeWorkbook: "Whole workbook",
  goTo: (where: string) => `Go to ${where}`,
  fix: "Fix",
  fixTitle: "Confirm fix",
  fixBody: (where: string, what: string) =>
    `${where}: ${what}. Excel cannot undo an add-in's change with Ctrl+Z. Go ahead?`,
  fixNumber: (value: number) => `change to the number ${value}`,
  fixText: (value: string) => `change to "${value}"`,
  fixFormula: "restore the template's formula",
  confirm: "OK",
  cancel: "Cancel",
  explain: "Explain",
  explainLabel: "Reason (kept in 已说明的提示)",
  save: "Save",
  explained: (reason: string) => `Explained: ${reason}`,
  profileFile: "Choose a profile file…",
  profileFileProblems: "The profile file was not used:",
  profileLoaded: (label: string) => `Custom profile loaded: ${label}`,
  moreProblems: (count: number) => `${count} more problems`,
  writeProfileTitle: "Record the scoring profile",
  writeProfileWhy:
    "The workbook's 评分口径 cell will record this custom profile's name and a digest of its content, so a later " +
    "validation or report can tell whether the same profile file is used.",
  compareHeading: "Compare profiles",
  compareChoose: "Profiles to compare",
  compareHint: "Tick two or more profiles to compare them.",
  comparing: "Comparing…",
  compareTotals: "Execution score, total and grade under each profile",
  compareRows: "Indicators whose suggested score differs",
  compareSame: "The profiles chosen suggest the same score for every indicator.",
  compareColumns: {
    profile: "Profile",
    execution: "Execution score",
    entered: "Total · grade (entered)",
    suggested: "Total · grade (suggested)",
    indicator: "Indicator",
    weight: "Weight",
    score: "Entered",
  },
  ruleNames: {
    executionRate: "execution",
    proportional: "ratio",
    lessIsBetter: "lower better",
    zeroTarget: "zero target",
    qualitativeBands: "bands",
    overAchievement: "over target",
    totalCaps: "cap",
    grades: "grades",
    threePublicChange: "三公 change",
    scoreInflation: "inflation",
  },
  privacy: "Workbook data is processed on this computer only and never sent anywhere.",
  version: "Template version",
};

export function stringsFor(language: string | undefined): Strings {
  return language && language.toLowerCase().startsWith("en") ? en : zh;
}

/** A safe fix in words, for its confirmation and the page's list of changes. */
export function describeFix(strings: Strings, fix: Fix): string {
  return fix.kind === "number"
    ? strings.fixNumber(fix.value)
    : fix.kind === "text"
      ? strings.fixText(fix.value)
      : strings.fixFormula;
}
