import {
  compute,
  formatAmount,
  formatRate,
  findProfile,
  unknownProfileMessage,
  type ScoringProfile,
  type Computation,
  type WorkbookModel,
} from "../../domain";
import { computationJson, valueJson } from "../computation-json";
import { EXIT, InputError } from "../errors";
import { table, type CliIo } from "../io";
import { loadModelFile } from "../load-model";

/** The --profile option as a profile (id or Chinese name); undefined when not given. */
export function checkProfile(profile: string | undefined): ScoringProfile | undefined {
  if (profile === undefined) return undefined;
  const found = findProfile(profile);
  if (!found) throw new InputError(unknownProfileMessage(profile));
  return found;
}

/** The readable summary: computed values, then one line per indicator, then problems. */
export function formatComputation(model: WorkbookModel, computation: Computation): string {
  const { basic, eval: ev } = model;
  const unit = ev.unit ?? basic.unit ?? "（未填单位名称）";
  const year = ev.year ?? basic.year ?? "（未填年度）";
  const heading = `${unit} ${year}年度 · 评分口径：${computation.profile.name}`;
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
  ];
  if (computation.problems.length > 0) {
    lines.push("", `无法计算的项目（${computation.problems.length}）`, ...computation.problems.map((p) => `  ✗ ${p}`));
  }
  return lines.join("\n");
}

export function computeCommand(file: string, options: { profile?: string; json?: boolean }, io: CliIo): number {
  const profile = checkProfile(options.profile);
  const model = loadModelFile(file, "compute", io);
  const computation = compute(model, profile);
  io.out(
    options.json
      ? JSON.stringify({ file, ...computationJson(computation) }, null, 2)
      : formatComputation(model, computation),
  );
  return computation.problems.length > 0 ? EXIT.dataErrors : EXIT.ok;
}
