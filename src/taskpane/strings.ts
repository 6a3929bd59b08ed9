/** UI text, Chinese first; English for an English Office. */
const zh = {
  language: "zh" as "zh" | "en",
  title: "绩效自评助手",
  subtitle: "部门整体支出绩效自评",
  intro: "在任意单元格输入 =JXZP. 即可使用自评函数（中文版 Excel 显示中文函数名，英文版显示英文名）。结果为小数，请将单元格格式设为百分比；分母为 0 时返回“不适用”。",
  functionsHeading: "自评函数",
  installHeading: "模板",
  install: "安装模板",
  installing: "正在安装…",
  installed: "已安装：",
  alreadyInstalled: "模板已安装，工作簿未作改动。",
  upgraded: (from: string, backups: string) => `模板已从 ${from} 版升级，已填写的内容全部保留；旧版工作表留作备份：${backups}。`,
  notInExcel: "请在 Excel 中打开绩效自评助手后安装模板。",
  example: "示例",
  privacy: "工作簿数据只在本机处理，不会发送到任何地方。",
  version: "模板版本",
};

export type Strings = typeof zh;

const en: Strings = {
  language: "en",
  title: "Performance Self-Evaluation Assistant",
  subtitle: "Department-wide spending self-evaluation",
  intro: "Type =JXZP. in any cell to use the self-evaluation functions. Results are fractions: format the cell as a percentage. A 0 denominator gives 不适用 (not applicable).",
  functionsHeading: "Functions",
  installHeading: "Templates",
  install: "Install templates",
  installing: "Installing…",
  installed: "Installed: ",
  alreadyInstalled: "The templates are already installed; nothing was changed.",
  upgraded: (from: string, backups: string) => `Templates upgraded from version ${from}; every value entered was kept. The old sheets are kept as backups: ${backups}.`,
  notInExcel: "Open the assistant in Excel to install the templates.",
  example: "Example",
  privacy: "Workbook data is processed on this computer only and never sent anywhere.",
  version: "Template version",
};

export function stringsFor(language: string | undefined): Strings {
  return language && language.toLowerCase().startsWith("en") ? en : zh;
}
