/**
 * A workbook source that can cross to another thread. A worker reads the file and assembles the model
 * once over a recording source, which keeps every answer the assembler asked for (a few hundred cells);
 * the page replays those answers to assemble the same model itself. The model holds decimals, which
 * cannot be posted between threads; the answers are plain values (numbers, text, dates, errors).
 */
import type { TableFound, WorkbookSource } from "./assemble";

export interface SourceRecording {
  readonly sheets: ReadonlyMap<string, boolean>;
  readonly names: ReadonlyMap<string, { sheet: string; start: string } | null>;
  readonly cells: ReadonlyMap<string, { value: unknown; formula: string | null }>;
  readonly tables: ReadonlyMap<string, TableFound | null>;
}

const cellKey = (sheet: string, address: string) => `${sheet}\u0000${address}`;

/** `source`, answering as before, and what it answered. */
export function recordingSource(source: WorkbookSource): { source: WorkbookSource; recording: SourceRecording } {
  const recording = { sheets: new Map(), names: new Map(), cells: new Map(), tables: new Map() };
  const remember = <K, V>(map: Map<K, V>, key: K, answer: () => V): V => {
    if (!map.has(key)) map.set(key, answer());
    return map.get(key)!;
  };
  return {
    recording,
    source: {
      hasSheet: (name) => remember(recording.sheets, name, () => source.hasSheet(name)),
      name: (name) => remember(recording.names, name, () => source.name(name)),
      lookup: (sheet, address) =>
        remember(recording.cells, cellKey(sheet, address), () => source.lookup(sheet, address)),
      table: (name) => remember(recording.tables, name, () => source.table(name)),
    },
  };
}

/** A source answering from a recording; anything the recording did not ask is empty or missing. */
export function replayedSource(recording: SourceRecording): WorkbookSource {
  return {
    hasSheet: (name) => recording.sheets.get(name) ?? false,
    name: (name) => recording.names.get(name) ?? null,
    lookup: (sheet, address) => recording.cells.get(cellKey(sheet, address)) ?? { value: null, formula: null },
    table: (name) => recording.tables.get(name) ?? null,
  };
}
