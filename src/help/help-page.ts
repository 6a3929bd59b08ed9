/**
 * help.html, served with the add-in: the page the manifest's SupportUrl and LearnMoreUrl open and each
 * function's help link points at (help.html#fn-<id>). Built from the function definitions, so the help
 * never disagrees with what Excel shows. Chinese first; static HTML, no script.
 */
import { TEMPLATE_VERSION } from "../domain/contract";
import { PROFILES } from "../domain/profiles";
import { exampleOf, helpAnchor, nameOf, paramsOf } from "../functions/define";
import { JXZP_FUNCTIONS } from "../functions/definitions";

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function functionSection(fn: (typeof JXZP_FUNCTIONS)[number]): string {
  const params = fn.params
    .map((p) => `<li><code>${escape(p.zhName)}</code>（${escape(p.name)}）：${escape(p.description)}</li>`)
    .join("");
  return `<section id="${helpAnchor(fn)}">
<h3><code>JXZP.${escape(nameOf(fn, "zh"))}</code> · <code>JXZP.${escape(nameOf(fn, "en"))}</code></h3>
<p>${escape(fn.description)}</p>
<p>写法：<code>=JXZP.${escape(nameOf(fn, "zh"))}(${escape(paramsOf(fn, "zh"))})</code>；返回${escape(fn.result)}。</p>
<ul>${params}</ul>
<p>示例：<code>${escape(exampleOf(fn, "zh"))}</code></p>
</section>`;
}

export function helpPageHtml(): string {
  const profiles = Object.values(PROFILES)
    .map((p) => `<li><b>${escape(p.name)}</b>（<code>${escape(p.id)}</code>）</li>`)
    .join("");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'" />
<title>绩效自评助手 · 使用说明</title>
<style>
body { font-family: "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
  "Segoe UI", sans-serif; max-width: 60rem; margin: 0 auto; padding: 1.5rem; line-height: 1.7; color: #242424; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05rem; }
code { font-family: Consolas, "Courier New", monospace; background: #f3f3f3; padding: 0 .2em; }
section { margin-bottom: 1.2rem; } nav a { margin-right: 1em; }
@media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #e6e6e6; } code { background: #333; } }
</style>
</head>
<body>
<h1><img src="assets/icon-32.png" alt="" width="32" height="32" /> 绩效自评助手 · 使用说明</h1>
<nav><a href="#what">简介</a><a href="#template">模板</a><a href="#functions">自评函数</a><a href="#validate">校验</a>
<a href="#report">生成报告</a><a href="#web">网页版</a><a href="#privacy">数据与隐私</a></nav>

<h2 id="what">简介</h2>
<p>绩效自评助手帮助各部门财务人员编制《部门整体支出绩效自评报告》：在 Excel 中安装附件1《部门整体支出绩效评价基础数据表》、
附件2《部门整体支出绩效自评表》模板，用 JXZP 自定义函数精确计算执行率、控制率、变动率、指标得分、总分与等次，
校验表内表间的勾稽关系，并由表格数据生成公文格式的自评报告（.docx）。</p>
<p>加载项需要 Microsoft 365（或零售版 Office 版本 2002 及以上）、Excel 2021、Mac 版 Excel 16.35 及以上或 Excel 网页版。
Excel 2016/2019（批量授权版）和 WPS 用户可直接使用模板（官方数字全部由 Excel 原生公式计算），并用网页版校验、生成报告。</p>

<h2 id="template">模板</h2>
<p>在任务窗格中点“安装模板”，加入“附件1 基础数据表”“附件2 自评表”“报告文字”三张工作表。已填写的内容不会被覆盖：
重新安装或升级时，数据按名称和表头移入新表，旧表留作备份。表格可直接插入行；白底为填写区，浅蓝底为公式计算区（请勿改写）。</p>

<h2 id="functions">自评函数</h2>
<p>在任意单元格输入 <code>=JXZP.</code> 即可使用。中文版 Excel 显示中文函数名，英文版显示英文名，两者等价。
结果为小数，请将单元格格式设为百分比；分母为 0 时返回“不适用”，不会返回 0% 或错误值。</p>
${JXZP_FUNCTIONS.map(functionSection).join("\n")}

<h2 id="validate">校验</h2>
<p>点“校验”检查整个工作簿：合计是否相符、分值合计是否为 100、扣分是否写明原因、填报值与公式计算是否一致、
附件1 与附件2 是否对得上等。每条问题写明工作表和单元格，点击即可定位；部分问题可“修正”（修改前会先确认：
Excel 不能撤销加载项所做的修改），有合理原因的警告可“说明”，说明记入“已说明的提示”表。</p>
<p>评分口径：${profiles ? `<ul>${profiles}</ul>` : ""}</p>

<h2 id="report">生成报告</h2>
<p>没有错误时，“生成报告”按表格数据写出报告正文和附件，可先预览再保存为 .docx；有错误时不生成，
打开“草稿”开关可生成标有“草稿”的版本。报告带有数据指纹，可用命令行 <code>jxzp verify</code> 核对报告是否出自该工作簿。</p>

<h2 id="web">网页版</h2>
<p>装不了加载项时，用网页版：解压“绩效自评助手-网页版.zip”，双击 index.html，即可下载模板、校验、修正（写入副本）、
生成报告，财政部门还可批量汇总多个工作簿。不需要安装，不需要联网。</p>

<h2 id="privacy">数据与隐私</h2>
<p>工作簿数据只在本机处理，不会发送到任何地方：加载项、网页版和命令行都不联网，除加载项自身的文件外不请求任何网址。</p>

<p><small>模板版本 ${escape(TEMPLATE_VERSION)}</small></p>
</body>
</html>
`;
}
