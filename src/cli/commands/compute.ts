/**
 * jxzp compute MODEL.json [--profile a[,b…] | --profile-file FILE] [--json]: every computed value under one
 * profile, each suggested score with the rule that made it; or, given several profiles, the workbook under
 * each side by side (compareProfiles) and the rows they score differently.
 */
import {
  basisText,
  compareProfiles,
  compute,
  computedValue,
  formatAmount,
  formatRate,
  ruleText,
  type Computation,
  type ComputedIndicator,
  type Dec,
  type ProfileComparison,
  type RuleId,
  type WorkbookModel,
} from "../../domain";
import { comparisonJson, computationJson, valueJson } from "../computation-json";
import { projectSummaries, type ProjectSummary } from "../../domain/projects/summary";
import { EXIT } from "../errors";
import { printedIo, table, tableLines, type CliIo } from "../io";
import { loadModelFile } from "../load-model";
import { chosenProfile, parseProfileList, profileLabel } from "../profiles";

const amountText = (value: Dec | null) => (value ? formatAmount(value) : "—");

/** "1–5、7、9–15": row numbers, runs written as ranges. */
export function rowRanges(rows: readonly number[]): string {
  const runs: Array<[number, number]> = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs
    .map(([from, to]) => (from === to ? `${from}` : to === from + 1 ? `${from}、${to}` : `${from}–${to}`))
    .join("、");
}

/**
 * The rules the computation used, in words with their basis: 执行率得分, each indicator rule with the rows it
 * scored, 总分封顶 and 等次.
 */
function rulesSection(computation: Computation): string[] {
  const { profile } = computation;
  const byRule = new Map<RuleId, number[]>();
  for (const indicator of computation.indicators) {
    if (indicator.rule === null || indicator.suggested === null) continue;
    byRule.set(indicator.rule, [...(byRule.get(indicator.rule) ?? []), indicator.row]);
  }
  const rule = (id: RuleId, prefix = "") => [`  ${prefix}${ruleText(profile, id)}`, `    ${basisText(profile, id)}`];
  return [
    `评分规则（${profileLabel(profile)}）`,
    ...rule("executionRate"),
    ...[...byRule].flatMap(([id, rows]) => rule(id, `指标第 ${rowRanges(rows)} 行：`)),
    ...rule("totalCaps"),
    ...rule("grades"),
  ];
}

/**
 * The project tables (附件3) in one table: funds, 执行率, 执行率得分, 总分 and 等次 each (— where they may not be
 * stated yet), then what is provisional about them.
 */
export function projectsSection(projects: readonly ProjectSummary[]): string[] {
  if (projects.length === 0) return [];
  const rows = projects.map((p) => {
    const score = computedValue(p.computation, "eval.funds.score");
    return [
      `附件3-${p.slot}`,
      p.name ?? "（未填项目名称）",
      amountText(p.fullYearBudget),
      amountText(p.executed),
      p.blank ? "—" : formatRate(p.executionRate),
      p.blank || score?.type !== "amount" ? "—" : amountText(score.amount),
      p.total === null ? "—" : formatAmount(p.total),
      p.blank ? "空表" : (p.grade ?? "—") + (p.grade && p.provisional ? "（暂定）" : ""),
    ];
  });
  const notes = projects.flatMap((p) => (p.provisional && p.total !== null ? [`  ${p.title}：${p.provisional}`] : []));
  return [
    `项目支出绩效自评表（附件3，${projects.length} 张）`,
    table(
      [["附件", "项目名称", "全年预算数", "全年执行数", "执行率", "执行率得分", "总分", "等次"], ...rows],
      new Set([2, 3, 4, 5, 6]),
    ),
    ...notes,
  ];
}

/** Every project's problems, named by the project. */
const projectProblems = (projects: readonly ProjectSummary[]) =>
  projects.flatMap((p) => p.problems.map((problem) => `${p.title}：${problem}`));

/** The readable summary: computed values, then one line per indicator, then the projects, then problems. */
export function formatComputation(
  model: WorkbookModel,
  computation: Computation,
  projects: readonly ProjectSummary[] = [],
): string {
  const { basic, eval: ev } = model;
  const unit = ev.unit ?? basic.unit ?? "（未填单位名称）";
  const year = ev.year ?? basic.year ?? "（未填年度）";
  const heading = `${unit} ${year}年度 · 评分口径：${profileLabel(computation.profile)}`;
  const values = table(
    computation.values.map((value) => [value.label, valueJson(value).display || "（空）", value.key]),
    new Set([1]),
  );
  const indicators = table(
    [
      ["行", "三级指标", "年度指标值", "实际完成值", "完成率", "分值", "得分", "建议得分", "说明"],
      ...computation.indicators.map((i) => [
        String(i.row),
        i.name ?? "",
        i.target.text,
        i.actual.text,
        i.completion.kind === "quantitative"
          ? formatRate(i.completion.rate)
          : i.completion.kind === "time"
            ? i.completion.met
              ? "按期"
              : "逾期"
            : "—",
        i.weight ? formatAmount(i.weight) : "",
        i.entered ? formatAmount(i.entered) : "",
        i.suggested ? formatAmount(i.suggested) : "—",
        i.suggested && i.entered && !i.suggested.equals(i.entered)
          ? `${i.note}（填报 ${formatAmount(i.entered)}，建议 ${formatAmount(i.suggested)}）`
          : i.note,
      ]),
    ],
    new Set([0, 4, 5, 6, 7]),
  );
  const cap = computation.total.cap
    ? `（按执行率封顶 ${formatAmount(computation.total.cap)}，未封顶 ${formatAmount(computation.total.raw)}）`
    : "";
  const lines = [
    heading,
    "",
    "计算结果",
    values,
    "",
    `绩效指标（${computation.indicators.length} 项）`,
    indicators,
    "",
    `总分 ${formatAmount(computation.total.total)}${cap}，绩效等次：${computation.grade}`,
    "",
    ...(projects.length > 0 ? [...projectsSection(projects), ""] : []),
    ...rulesSection(computation),
  ];
  const problems = [...computation.problems, ...projectProblems(projects)];
  if (problems.length > 0) {
    lines.push("", `无法计算的项目（${problems.length}）`, ...problems.map((p) => `  ✗ ${p}`));
  }
  return lines.join("\n");
}

/** What a row scores under one profile, in words: the rule, else (no rule made it) the note. */
const scoreWords = (computation: Computation, score: Pick<ComputedIndicator, "rule" | "note">) =>
  score.rule === null ? score.note : ruleText(computation.profile, score.rule);

/** The comparison: per profile 执行率得分, 总分 and 等次 entered and suggested; then the rows scored differently. */
export function formatComparison(model: WorkbookModel, comparison: ProfileComparison): string {
  const { basic, eval: ev } = model;
  const unit = ev.unit ?? basic.unit ?? "（未填单位名称）";
  const year = ev.year ?? basic.year ?? "（未填年度）";
  const names = comparison.columns.map((column) => profileLabel(column.profile));
  const lines = [
    `${unit} ${year}年度 · 评分口径对比：${names.join("、")}`,
    "",
    table(
      [
        ["评分口径", "执行率得分", "总分（填报）", "等次（填报）", "总分（建议）", "等次（建议）"],
        ...comparison.columns.map((column, i) => [
          names[i]!,
          amountText(column.executionScore),
          formatAmount(column.total),
          column.grade,
          formatAmount(column.suggestedTotal),
          column.suggestedGrade,
        ]),
      ],
      new Set([1, 2, 4]),
    ),
    "填报：按表中填写的得分（总分按口径封顶）；建议：各指标按口径的规则给出的建议得分（无从计算的按填报得分）。",
    "",
  ];
  if (comparison.rows.length === 0) lines.push("各口径对每个指标的建议得分相同。");
  else {
    lines.push(`建议得分不同的指标（${comparison.rows.length} 项）`);
    // One table for every row's scores, so that the columns line up from row to row.
    const scores = tableLines(
      comparison.rows.flatMap((row) =>
        row.scores.map((score, i) => [
          `  ${names[i]!}`,
          amountText(score.suggested),
          scoreWords(comparison.columns[i]!.computation, score),
        ]),
      ),
      new Set([1]),
    );
    comparison.rows.forEach((row, r) => {
      const weight = amountText(row.weight);
      lines.push(
        `第 ${row.row} 行 ${row.name ?? "（未填指标名称）"} · 分值 ${weight} · 填报得分 ${amountText(row.entered)}`,
      );
      lines.push(...scores.slice(r * names.length, (r + 1) * names.length));
    });
  }
  const problems = [...new Set(comparison.columns.flatMap((column) => column.computation.problems))];
  if (problems.length > 0) lines.push("", `无法计算的项目（${problems.length}）`, ...problems.map((p) => `  ✗ ${p}`));
  return lines.join("\n");
}

export function computeCommand(
  file: string,
  options: { profile?: string; profileFile?: string; json?: boolean },
  rawIo: CliIo,
): number {
  const io = printedIo(rawIo);
  // Several profiles compare; one (or a profile file) computes as before.
  const several =
    options.profileFile === undefined && options.profile !== undefined ? parseProfileList(options.profile, true) : [];
  const profile = several.length > 1 ? undefined : chosenProfile(options, io, [file]);
  const model = loadModelFile(file, "compute", io);
  if (several.length > 1) {
    const comparison = compareProfiles(model, several);
    io.out(
      options.json
        ? JSON.stringify({ file, ...comparisonJson(comparison) }, null, 2)
        : formatComparison(model, comparison),
    );
    return comparison.columns.some((column) => column.computation.problems.length > 0) ? EXIT.dataErrors : EXIT.ok;
  }
  const computation = compute(model, profile);
  // Each project table as 附件2 is computed, under the same profile.
  const projects = projectSummaries(model, profile);
  io.out(
    options.json
      ? JSON.stringify({ file, ...computationJson(computation, projects) }, null, 2)
      : formatComputation(model, computation, projects),
  );
  const problems = computation.problems.length + projectProblems(projects).length;
  return problems > 0 ? EXIT.dataErrors : EXIT.ok;
}
