/**
 * 批量汇总 in the page, for a finance bureau: choose files or a folder (or drop them), watch the progress
 * with the count and the time left, download the same 汇总.xlsx as `jxzp summary` (汇总, 问题清单, 无法读取)
 * and read the problem list on screen, sortable. Loaded only when its tab is opened.
 */
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { isWorkbookName, type FileResult, type SummaryRow, type Unreadable } from "../batch/results";
import { SEVERITY_NAMES } from "../domain/validation";
import { saveDownload, XLSX_TYPE } from "../taskpane/download";
import { ProfileFilePicker } from "../taskpane/ProfileFilePicker";
import type { ProfileSelection } from "../taskpane/profile-choice";
import { droppedFiles, fromFile, runBatch, type BatchFile } from "./batch";
import { DropZone } from "./DropZone";
import type { Engine } from "./engine";
import type { PageStrings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  scroll: { maxHeight: "480px", overflowY: "auto" },
  // The finding's text takes what the short columns leave.
  narrow: { width: "6%" },
  file: { width: "9%" },
  medium: { width: "13%" },
  wide: { width: "15%" },
  messageColumn: { width: "42%" },
  message: { whiteSpace: "normal", overflowWrap: "anywhere" },
});

type Progress = { done: number; total: number; started: number };
type State =
  | { kind: "idle" }
  | { kind: "running"; progress: Progress }
  | { kind: "done"; results: FileResult[]; stopped: boolean };

interface ProblemRow {
  readonly file: string;
  readonly unit: string;
  readonly severity: string;
  readonly rank: number;
  readonly where: string;
  readonly rule: string;
  readonly message: string;
}
type ProblemColumn = "file" | "unit" | "severity" | "where" | "rule";
/** The list on screen stops here; 汇总.xlsx holds every finding. */
const SHOWN = 1000;
const RANK = { error: 0, warning: 1, info: 2 } as const;

function problemRows(results: readonly FileResult[]): ProblemRow[] {
  return results
    .filter((r): r is SummaryRow => r.status === "read")
    .flatMap((r) =>
      r.findings
        .filter((f) => f.severity !== "info")
        .map((f) => ({
          file: r.file,
          unit: r.unit ?? "",
          severity: SEVERITY_NAMES[f.severity],
          rank: RANK[f.severity],
          where: [f.sheet, f.cell].filter(Boolean).join("!"),
          rule: f.rule,
          message: f.message,
        })),
    );
}

export default function BatchPanel({
  strings,
  engine,
  profiles,
}: {
  strings: PageStrings;
  engine: Engine;
  profiles: ProfileSelection;
}) {
  const styles = useStyles();
  const text = strings.page;
  const [state, setState] = useState<State>({ kind: "idle" });
  const [sort, setSort] = useState<{ column: ProblemColumn; ascending: boolean }>({
    column: "severity",
    ascending: true,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const stop = useRef(false);
  const running = useRef(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  async function start(chosen: BatchFile[]) {
    // One batch at a time: a drop while one runs is ignored (the buttons are disabled meanwhile).
    if (running.current) return;
    const files = chosen.filter((f) => isWorkbookName(f.name) || f.refused);
    setNotice(files.length === 0 ? text.noWorkbooks : null);
    if (files.length === 0) return;
    stop.current = false;
    running.current = true;
    const progress = { done: 0, total: files.length, started: Date.now() };
    setState({ kind: "running", progress });
    const results = await runBatch(files, engine, {
      // A custom profile goes to the workers as the object itself (it posts as plain data).
      profile: profiles.choice,
      stopped: () => stop.current,
      onResult: (done) => setState({ kind: "running", progress: { ...progress, done } }),
    });
    running.current = false;
    setState({ kind: "done", results, stopped: stop.current });
  }

  async function downloadSummary(results: FileResult[]) {
    const { summaryWorkbook } = await import(/* webpackChunkName: "summary" */ "../batch/summary-workbook");
    saveDownload(new Uint8Array(await summaryWorkbook(results).xlsx.writeBuffer()), text.summaryName, XLSX_TYPE);
  }

  const results = state.kind === "done" ? state.results : [];
  const problems = useMemo(() => {
    const rows = problemRows(results);
    const key = (row: ProblemRow) => (sort.column === "severity" ? String(row.rank) : row[sort.column]);
    return rows.sort((a, b) => (sort.ascending ? 1 : -1) * key(a).localeCompare(key(b), "zh-CN"));
  }, [results, sort]);
  const read = results.filter((r): r is SummaryRow => r.status === "read");
  const unreadable = results.filter((r): r is Unreadable => r.status === "unreadable");

  const width: Record<ProblemColumn, string> = {
    file: styles.file,
    unit: styles.wide,
    severity: styles.narrow,
    where: styles.wide,
    rule: styles.medium,
  };
  const header = (column: ProblemColumn) => (
    <TableHeaderCell
      className={width[column]}
      sortDirection={sort.column === column ? (sort.ascending ? "ascending" : "descending") : undefined}
      onClick={() => setSort({ column, ascending: sort.column === column ? !sort.ascending : true })}
      aria-label={text.sortBy(text.columns[column])}
      sortable
    >
      {text.columns[column]}
    </TableHeaderCell>
  );

  return (
    <section className={styles.root} aria-labelledby="batch-heading">
      <Subtitle2 as="h2" id="batch-heading">
        {text.batchHeading}
      </Subtitle2>
      <Caption1>{text.batchIntro}</Caption1>
      <div className={styles.row}>
        <Field label={strings.profileLabel}>
          <Select value={profiles.value} onChange={(_e, data) => profiles.select(data.value)}>
            <option value="">{strings.profileFromWorkbook}</option>
            {profiles.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <ProfileFilePicker strings={strings} onProfile={(profile) => profiles.add(profile)} />
        <Button appearance="primary" disabled={state.kind === "running"} onClick={() => filesInput.current?.click()}>
          {text.chooseFiles}
        </Button>
        <Button disabled={state.kind === "running"} onClick={() => folderInput.current?.click()}>
          {text.chooseFolder}
        </Button>
        <input
          ref={filesInput}
          type="file"
          multiple
          accept=".xlsx"
          hidden
          aria-label={text.chooseFiles}
          data-testid="batch-files"
          onChange={(e) => {
            void start([...(e.target.files ?? [])].map((f) => fromFile(f)));
            e.target.value = "";
          }}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          aria-label={text.chooseFolder}
          {...{ webkitdirectory: "" }}
          onChange={(e) => {
            void start([...(e.target.files ?? [])].map((f) => fromFile(f)));
            e.target.value = "";
          }}
        />
      </div>
      <DropZone onDrop={(data) => void droppedFiles(data.items).then(start)}>{text.batchDrop}</DropZone>
      <div aria-live="polite">
        {notice && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "running" && <Running progress={state.progress} strings={strings} onStop={stop} />}
        {state.kind === "done" && (
          <Text weight="semibold" block>
            {text.batchDone(read.length, read.filter((r) => r.errors > 0).length, unreadable.length)}
          </Text>
        )}
        {state.kind === "done" && state.stopped && <Caption1>{text.stopped}</Caption1>}
      </div>
      {state.kind === "done" && results.length > 0 && (
        <>
          <div>
            <Button appearance="primary" onClick={() => void downloadSummary(results)}>
              {text.downloadSummary}
            </Button>
          </div>
          <Subtitle2 as="h3">
            {text.problemsHeading} {problems.length}
          </Subtitle2>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label={text.problemsHeading}>
            <Table size="small" aria-label={text.problemsHeading}>
              <TableHeader>
                <TableRow>
                  {header("file")}
                  {header("unit")}
                  {header("severity")}
                  {header("where")}
                  {header("rule")}
                  <TableHeaderCell className={styles.messageColumn}>{text.columns.message}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {problems.slice(0, SHOWN).map((p, i) => (
                  <TableRow key={i}>
                    <TableCell>{p.file}</TableCell>
                    <TableCell>{p.unit}</TableCell>
                    <TableCell>{p.severity}</TableCell>
                    <TableCell>{p.where}</TableCell>
                    <TableCell>{p.rule}</TableCell>
                    <TableCell className={styles.message}>{p.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {unreadable.length > 0 && (
            <>
              <Subtitle2 as="h3">
                {text.unreadableHeading} {unreadable.length}
              </Subtitle2>
              <Table size="small" aria-label={text.unreadableHeading}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{text.columns.file}</TableHeaderCell>
                    <TableHeaderCell>{text.columns.reason}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {unreadable.map((r) => (
                    <TableRow key={r.file}>
                      <TableCell>{r.file}</TableCell>
                      <TableCell className={styles.message}>{r.reason}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </>
      )}
    </section>
  );
}

function Running({
  progress,
  strings,
  onStop,
}: {
  progress: Progress;
  strings: PageStrings;
  onStop: { current: boolean };
}) {
  const text = strings.page;
  const elapsed = (Date.now() - progress.started) / 1000;
  const left = progress.done > 0 ? Math.ceil((elapsed / progress.done) * (progress.total - progress.done)) : null;
  const status = text.progress(progress.done, progress.total) + (left === null ? "" : ` · ${text.remaining(left)}`);
  return (
    <Field validationState="none" validationMessage={status}>
      <ProgressBar value={progress.done / progress.total} aria-label={text.progress(progress.done, progress.total)} />
      <div>
        <Button size="small" onClick={() => (onStop.current = true)}>
          {text.stop}
        </Button>
      </div>
    </Field>
  );
}
