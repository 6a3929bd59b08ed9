/**
 * The sections 校验 lists findings under, in the workbook's order: 附件1, 附件2, each project table (附件3-1,
 * 附件3-2 …, titled with its 项目名称), 报告文字, a sheet we do not know, the whole workbook. A finding belongs to its
 * sheet as the read found it (a renamed sheet keeps its name); a project's findings (keys projects[n].…) to their
 * project, whatever its sheet is called now.
 */
import { SHEETS, type SheetId } from "../domain/contract";
import { parseProjectPath, projectSheetName } from "../domain/projects/contract";
import type { LocatedFinding } from "../usecases/validate-workbook";

export interface FindingGroup {
  /** Stable across runs: the sheet's name, "project:2", or "workbook". */
  readonly key: string;
  readonly title: string;
  readonly findings: readonly LocatedFinding[];
}

/** Which of our sheets a key is on, by its first segment. */
const SHEET_OF_KEY: Readonly<Record<string, SheetId>> = {
  basic: "basic",
  eval: "eval",
  report: "report",
  review: "report",
  form: "form",
};
/** 附件1, 附件2, the projects, 报告文字, 表式报告, a sheet we do not know, the whole workbook. */
const RANK: Readonly<Record<SheetId, number>> = { basic: 0, eval: 1, report: 3, form: 3.5 };

function rankOf(finding: LocatedFinding): number {
  const project = parseProjectPath(finding.key);
  if (project) return 2 + project.slot / 1e4;
  if (finding.sheet === null) return 5;
  const byKey = SHEET_OF_KEY[finding.key.split(/[.[]/)[0]!];
  const byName = Object.values(SHEETS).find((s) => s.name === finding.sheet)?.id;
  const id = byKey ?? byName;
  return id ? RANK[id] : 4;
}

/**
 * The title of project `slot`'s section: its sheet (as named now; with 附件3-n when the user renamed it) and its
 * 项目名称 when the table has one: 「附件3-2 项目支出绩效自评表 · 农业科技推广」.
 */
export function projectSectionTitle(slot: number, sheet: string | null, name: string | null | undefined): string {
  const ours = projectSheetName(slot);
  const where = !sheet || sheet === ours ? ours : `${sheet}（附件3-${slot}）`;
  return name ? `${where} · ${name}` : where;
}

/** `findings` in sections, each in the order given; `projects`: the 项目名称 of 附件3-1, 附件3-2 …. */
export function groupFindings(
  findings: readonly LocatedFinding[],
  projects: ReadonlyArray<string | null>,
  wholeWorkbook: string,
): FindingGroup[] {
  const groups = new Map<string, { rank: number; title: string; findings: LocatedFinding[] }>();
  for (const finding of findings) {
    const project = parseProjectPath(finding.key);
    const key = project ? `project:${project.slot}` : (finding.sheet ?? "workbook");
    let group = groups.get(key);
    if (!group) {
      const title = project
        ? projectSectionTitle(project.slot, finding.sheet, projects[project.slot - 1])
        : (finding.sheet ?? wholeWorkbook);
      groups.set(key, (group = { rank: rankOf(finding), title, findings: [] }));
    }
    group.findings.push(finding);
  }
  return [...groups]
    .sort(([, a], [, b]) => a.rank - b.rank)
    .map(([key, { title, findings: list }]) => ({ key, title, findings: list }));
}
