/**
 * SPEC §10, what only 附件3 has: the 项目资金 block's sources adding up to 年度资金总额 in each column, each
 * source's 执行率, a project table left blank, and the projects against 附件1's 项目支出. What a project shares
 * with 附件2 (执行率, scores, weights, 总分, 等次 …) is checked by 附件2's own rules (validation/projects.ts).
 */
import { formatAmount, roundRate, toDec, type Dec } from "../../decimal";
import type { ProjectSheet } from "../../model";
import { FUND_COLUMNS, FUND_SOURCES, projectPrefix, projectTitle } from "../../projects/contract";
import { formatRate } from "../../rates";
import { sourceRates } from "../../projects/view";
import { sumOf, sumText } from "../text";
import { rule, type Draft, type RuleContext } from "../types";

/** A project table with nothing typed in it (a sheet added and not yet filled). */
export function isBlankProject(project: ProjectSheet): boolean {
  const { funds } = project;
  const values: unknown[] = [
    project.name,
    project.department,
    project.implementer,
    funds.initialBudget,
    funds.fullYearBudget,
    funds.executed,
    funds.weight,
    ...FUND_SOURCES.flatMap((s) => FUND_COLUMNS.map((c) => funds[s.key][c.key])),
    project.goal.expected,
    project.goal.actual,
  ];
  return project.indicators.length === 0 && values.every((v) => v === null);
}

/** Each filled project with its slot (from 1) and how findings name it. */
function* filledProjects({ model }: RuleContext) {
  for (const [i, project] of model.projects.entries()) {
    if (!isBlankProject(project)) yield { project, slot: i + 1, title: projectTitle(i + 1, project.name) };
  }
}

/** Names compared as people write them: spaces, full-width brackets and quotes do not count. */
export const projectNameKey = (name: string) =>
  name
    .normalize("NFKC")
    .replace(/[\s"“”'‘’《》「」]/g, "")
    .toLowerCase();

export const projectRules = [
  rule("project.blank", "warning", "附件3 项目支出绩效自评表不是空表", function* ({ model }) {
    for (const [i, project] of model.projects.entries()) {
      if (!isBlankProject(project)) continue;
      yield {
        key: `${projectPrefix(i + 1)}.name`,
        message: `${projectTitle(i + 1, null)}是空表：请填写项目的资金、目标和指标，或在绩效自评助手中删除这张表`,
      };
    }
  }),
  rule("required.projectName", "error", "附件3 项目名称必填", function* (context) {
    for (const { project, slot, title } of filledProjects(context)) {
      if (project.name === null)
        yield {
          key: `${projectPrefix(slot)}.name`,
          message: `${title}：未填写项目名称：附件3 按项目名称对应附件1 的项目`,
        };
    }
  }),
  rule(
    "sum.projectFunds",
    "error",
    "附件3 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金（每一列）",
    function* (context): Iterable<Draft> {
      for (const { project, slot, title } of filledProjects(context)) {
        for (const column of FUND_COLUMNS) {
          const terms = FUND_SOURCES.map((s) => [s.label, project.funds[s.key][column.key]] as const);
          const sum = sumOf(terms.map(([, v]) => v));
          const stated = toDec(project.funds[column.key]);
          if (sum === null) continue;
          const key = `${projectPrefix(slot)}.funds.${column.key}`;
          const label = `年度资金总额·${column.label}`;
          if (stated === null || (stated.isZero() && !sum.isZero())) {
            const state = stated === null ? "未填写" : "填的是 0";
            yield {
              key,
              message: `${title}：${label}${state}，但其中各项已填（${sumText(terms, sum)}）：请填写合计`,
              params: { sum: formatAmount(sum) },
            };
            continue;
          }
          if (stated.equals(sum)) continue;
          const difference = stated.minus(sum).abs();
          yield {
            key,
            message:
              `${title}：${label} ${formatAmount(stated)} ≠ ${sumText(terms, sum)}，` +
              `相差 ${formatAmount(difference)}`,
            params: { stated: formatAmount(stated), sum: formatAmount(sum), difference: formatAmount(difference) },
          };
        }
      }
    },
  ),
  rule(
    "recomputed.projectRate",
    "error",
    "附件3 各资金来源的执行率 = 全年执行数 ÷ 全年预算数",
    function* (context): Iterable<Draft> {
      for (const { project, slot, title } of filledProjects(context)) {
        const rates = sourceRates(context.model, slot - 1);
        for (const [i, source] of FUND_SOURCES.entries()) {
          const stated = project.funds[source.key].executionRate;
          if (stated === null) continue;
          const { key, rate } = rates[i]!;
          const expected = formatRate(rate);
          const shown = typeof stated === "string" ? stated : `${roundRate(stated).times(100).toFixed(2)}%`;
          if (rate.kind === "notApplicable" ? stated === "不适用" || isZero(stated) : sameRate(stated, rate.value))
            continue;
          yield {
            key,
            message: `${title}：${source.label}执行率为 ${shown}，按全年执行数 ÷ 全年预算数应为 ${expected}`,
            params: { stated: shown, expected },
          };
        }
      }
    },
  ),
  rule("format.projectDecimals", "warning", "附件3 资金来源的金额（万元）最多两位小数", function* (context) {
    for (const { project, slot, title } of filledProjects(context)) {
      for (const source of FUND_SOURCES)
        for (const column of FUND_COLUMNS) {
          const value = toDec(project.funds[source.key][column.key]);
          if (value === null || value.decimalPlaces() <= 2) continue;
          yield {
            key: `${projectPrefix(slot)}.funds.${source.key}.${column.key}`,
            message: `${title}：${source.label}·${column.label}以万元计，最多两位小数，这里是 ${value.toString()}`,
            params: { value: value.toString() },
          };
        }
    }
  }),
  rule(
    "cross.projectTotal",
    "warning",
    "附件3 各项目全年执行数之和不超过附件1 项目支出决算数",
    function* (context): Iterable<Draft> {
      const projects = [...filledProjects(context)].filter(({ project }) => project.funds.executed !== null);
      const final = toDec(context.model.basic.projects.total.final);
      if (projects.length === 0 || final === null) return;
      const terms = projects.map(
        ({ project, slot }) => [project.name ?? `附件3-${slot}`, project.funds.executed] as const,
      );
      const sum = sumOf(terms.map(([, v]) => v))!;
      if (!sum.greaterThan(final)) return;
      const year = context.year === null ? "" : `${context.year}年`;
      yield {
        key: `${projectPrefix(projects[0]!.slot)}.funds.executed`,
        message:
          `附件3 各项目全年执行数之和 ${sumText(terms, sum)}，超过附件1 项目支出${year}决算数 ${formatAmount(final)}，` +
          `超出 ${formatAmount(sum.minus(final))}：请核对，或在已说明的提示中写明原因`,
        params: { sum: formatAmount(sum), final: formatAmount(final), over: formatAmount(sum.minus(final)) },
      };
    },
  ),
  rule(
    "cross.projectLine",
    "warning",
    "附件3 项目的全年执行数与附件1 项目支出明细中同名项目的决算数一致",
    function* (context): Iterable<Draft> {
      const lines = context.model.basic.projects.lines;
      for (const { project, slot, title } of filledProjects(context)) {
        if (project.name === null) continue;
        const index = lines.findIndex(
          (line) => line.name && projectNameKey(line.name) === projectNameKey(project.name!),
        );
        if (index < 0) continue;
        const line = lines[index]!;
        const pairs: Array<readonly [string, Dec | null, Dec | null, string]> = [
          ["全年执行数", toDec(project.funds.executed), toDec(line.final), "本年决算数"],
          ["全年预算数", toDec(project.funds.fullYearBudget), toDec(line.budget), "本年预算数"],
        ];
        for (const [ownLabel, own, listed, listedLabel] of pairs) {
          if (own === null || listed === null || own.equals(listed)) continue;
          const difference = formatAmount(own.minus(listed).abs());
          yield {
            key: `${projectPrefix(slot)}.funds.${ownLabel === "全年执行数" ? "executed" : "fullYearBudget"}`,
            message:
              `${title}：${ownLabel} ${formatAmount(own)}，附件1 项目支出明细第${index + 1}行同名项目${listedLabel} ` +
              `${formatAmount(listed)}，相差 ${difference}：请核对，或在已说明的提示中写明原因（如口径不同）`,
            params: { own: formatAmount(own), listed: formatAmount(listed), difference, line: index + 1 },
          };
        }
      }
    },
  ),
  rule("cross.projectUnlisted", "info", "附件3 的项目列在附件1 项目支出明细中", function* (context) {
    const lines = context.model.basic.projects.lines;
    if (lines.length === 0) return;
    const names = new Set(lines.flatMap((line) => (line.name ? [projectNameKey(line.name)] : [])));
    for (const { project, slot, title } of filledProjects(context)) {
      if (project.name === null || names.has(projectNameKey(project.name))) continue;
      yield {
        key: `${projectPrefix(slot)}.name`,
        message: `${title}：不在附件1 项目支出明细中（按项目名称对应）：若是明细中的某一项，请用同一名称，以便核对金额`,
      };
    }
  }),
];

const isZero = (value: unknown) => typeof value === "object" && value !== null && (value as Dec).isZero?.() === true;

/** Equal as the table shows a rate: to 4 decimals of the fraction (82.05%). */
function sameRate(stated: unknown, value: Dec): boolean {
  const dec = toDec(stated);
  return dec !== null && roundRate(dec).equals(roundRate(value));
}
