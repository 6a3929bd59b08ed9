/**
 * The page over a workbook with two project tables (附件3-1, 附件3-2): read from the file, its findings in the
 * pane's sections — each project its own, titled with its 项目名称, in the workbook's order — and a safe fix of a
 * project's cell written to the copy.
 */
import { projectSheetName } from "../../src/domain/projects/contract";
import { groupFindings } from "../../src/taskpane/finding-groups";
import { describeFix, stringsFor } from "../../src/taskpane/strings";
import { validateWorkbook } from "../../src/usecases/validate-workbook";
import type { Engine } from "../../src/web/engine";
import { createFileHost } from "../../src/web/file-host";
import { runTask, type Task, type TaskResult } from "../../src/web/tasks";
import { editWorkbookCopy } from "../../src/workbook/xlsx/edit";
import { buildWorkbook } from "../../src/workbook/xlsx/write";
import { loadProjectSample } from "../support/model-inputs";

const strings = stringsFor("zh-CN");
const engine: Engine = {
  slots: 1,
  mode: () => "page",
  run: <T extends Task>(task: T) => runTask(task) as Promise<TaskResult<T>>,
  dispose: () => undefined,
};

/** The two-project sample, with 附件3-2's 全年执行数 typed as text with a stray space. */
async function workbook(): Promise<Uint8Array> {
  const bytes = new Uint8Array(await buildWorkbook(loadProjectSample()).xlsx.writeBuffer());
  return editWorkbookCopy(bytes, { cells: [{ sheet: projectSheetName(2), cell: "E5", value: "45 " }] });
}

test("a project's findings are listed under the project, and its fix goes to the copy", async () => {
  const host = createFileHost(engine, {
    loadEditor: async () => editWorkbookCopy,
    describe: (fix) => describeFix(strings, fix),
    explained: "已说明",
  });
  host.open("两个项目.xlsx", await workbook());
  const read = await host.read();
  expect(read.model.projects.map((p) => p.name)).toEqual(["科技创新平台建设", "科普活动"]);
  const validation = validateWorkbook(read);
  const groups = groupFindings(
    validation.findings,
    read.model.projects.map((p) => p.name),
    strings.wholeWorkbook,
  );
  const titles = groups.map((g) => g.title);
  expect(titles).toContain("附件3-2 项目支出绩效自评表 · 科普活动");
  const projectSections = titles.filter((t) => t.startsWith("附件3-"));
  expect(projectSections).toEqual([...projectSections].sort());
  // Projects after 附件1 and 附件2, before 报告文字 and the whole workbook.
  const rank = (title: string) =>
    title.startsWith("附件1") ? 0 : title.startsWith("附件2") ? 1 : title.startsWith("附件3") ? 2 : 3;
  expect(titles.map(rank)).toEqual([...titles.map(rank)].sort());

  const second = groups.find((g) => g.title.startsWith(projectSheetName(2)))!;
  expect(second.findings.every((f) => f.key.startsWith("projects[2]."))).toBe(true);
  const slip = second.findings.find((f) => f.fix && f.cell === "E5")!;
  expect(slip).toMatchObject({ sheet: projectSheetName(2), fix: { kind: "number", value: 45 } });
  expect(slip.message).toMatch(/^项目「科普活动」（附件3-2）/);
  await host.applyFix({ ...slip, fix: slip.fix! });
  expect(host.file()!.changes).toEqual([`${projectSheetName(2)}!E5 改为数字 45`]);
  const again = validateWorkbook(await host.read());
  expect(again.findings.some((f) => f.key === "projects[2].funds.executed" && f.fix)).toBe(false);
});
