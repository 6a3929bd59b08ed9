import { CONTRACT, SHEETS, type ContractEntry } from "../../domain";
import { table, type CliIo } from "../io";

/** One contract key as JSON: key, label, sheet, name, address, kind, role (+ triple cells, table columns). */
export function contractJson(entry: ContractEntry) {
  return {
    key: entry.key,
    label: entry.label,
    sheet: SHEETS[entry.sheet].name,
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

export function contractCommand(options: { json?: boolean }, io: CliIo): number {
  if (options.json) {
    io.out(JSON.stringify(CONTRACT.map(contractJson), null, 2));
    return 0;
  }
  const rows = [["键", "名称", "工作表", "定义名称", "位置", "类型", "角色"]];
  for (const entry of CONTRACT) {
    rows.push([
      entry.key,
      entry.label,
      SHEETS[entry.sheet].name,
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
  return 0;
}
