import { CONTRACT, SHEETS, type AnySheetId, type SomeEntry } from "../../domain";
import { projectEntries, projectNamePrefix, projectPrefix, projectSheetName } from "../../domain/projects/contract";
import { table, type CliIo } from "../io";

/**
 * 附件3's entries as a pattern: project n's keys are projects[n].…, its defined names 项目n_…, its sheet 附件3-n
 * and its table 项目n_绩效指标 (n = 1, 2 … in the workbook's order). Listed once, from slot 1, with n for the slot.
 */
const PROJECT_PATTERN: readonly SomeEntry[] = projectEntries(1).map((entry) => {
  const slotted = (text: string) =>
    text.replace(projectPrefix(1), "projects[n]").replace(projectNamePrefix(1), "项目n_");
  return {
    ...entry,
    key: slotted(entry.key),
    name: slotted(entry.name),
    ...(entry.table ? { table: { ...entry.table, name: slotted(entry.table.name) } } : {}),
  } as SomeEntry;
});
const PROJECT_SHEET = projectSheetName(1).replace("附件3-1", "附件3-n");

const sheetName = (sheet: AnySheetId) => (sheet === "project" ? PROJECT_SHEET : SHEETS[sheet].name);

/** One contract key as JSON: key, label, sheet, name, address, kind, role (+ triple cells, table columns). */
export function contractJson(entry: SomeEntry) {
  return {
    key: entry.key,
    label: entry.label,
    sheet: sheetName(entry.sheet),
    name: entry.name,
    address: entry.address,
    kind: entry.kind,
    role: entry.role,
    ...(entry.parts ? { parts: entry.parts } : {}),
    ...(entry.table
      ? {
          table: entry.table.name,
          headerRow: entry.table.headerRow,
          defaultRows: entry.table.defaultRows,
          columns: entry.table.columns,
        }
      : {}),
  };
}

/** Every entry of the contract, then 附件3's as the pattern for project n. */
const ENTRIES: readonly SomeEntry[] = [...CONTRACT, ...PROJECT_PATTERN];

export function contractCommand(options: { json?: boolean }, io: CliIo): number {
  if (options.json) {
    io.out(JSON.stringify(ENTRIES.map(contractJson), null, 2));
    return 0;
  }
  const rows = [["键", "名称", "工作表", "定义名称", "位置", "类型", "角色"]];
  for (const entry of ENTRIES) {
    rows.push([
      entry.key,
      entry.label,
      sheetName(entry.sheet),
      entry.name,
      entry.address,
      entry.kind,
      entry.role === "input" ? "填写" : "计算",
    ]);
    for (const column of entry.table?.columns ?? []) {
      rows.push([
        `  ${entry.key}[].${column.key}`,
        column.label,
        "",
        "",
        `${column.column}列`,
        column.kind,
        column.role === "input" ? "填写" : "计算",
      ]);
    }
  }
  io.out(table(rows));
  io.out(
    "附件3 项目支出绩效自评表每个项目一张：n 为项目表的序号（附件3-n，1、2 …），键 projects[n]…、定义名称 项目n_… 中的 n 随之而定。",
  );
  return 0;
}
