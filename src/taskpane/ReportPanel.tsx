/**
 * 生成报告 in the task pane: reads the workbook (one sync), builds the report in the pane (no server),
 * shows its text for review and saves the .docx as a download, which Excel on the web and Excel desktop
 * (WebView2) both offer to save. The docx code loads only when a report is asked for. Scored with the
 * 评分口径 chosen under 校验 (a custom profile file included), else the workbook's own. 报告格式: the narrative
 * report, or one of the table forms of FORM_LAYOUTS (listed by their names, not known here): the same content,
 * whose narrative the preview shows.
 */
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { FORM_LAYOUTS } from "../domain/forms/yueyang";
import type { ProfileChoice } from "../domain/profiles";
import type { ReportContent } from "../domain/report";
import type { WorkbookHost } from "../usecases/host";
import { WorkbookReadError } from "../workbook/assemble";
import { DOCX_TYPE, saveDownload } from "./download";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  preview: {
    maxHeight: "320px",
    overflowY: "auto",
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { textAlign: "center", fontWeight: tokens.fontWeightSemibold, whiteSpace: "pre-line" },
  heading: { fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
  paragraph: { margin: `${tokens.spacingVerticalXXS} 0`, textIndent: "2em" },
  placeholder: { backgroundColor: tokens.colorPaletteYellowBackground2 },
});

/** The radio value of the narrative report: no layout id can be it (ids begin with a letter). */
const NARRATIVE = "-";

type State =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "blocked"; errors: number }
  | {
      kind: "ready";
      content: ReportContent;
      /** The form's name when the report was written in a table form. */
      form: string | null;
      bytes: Uint8Array;
      fileName: string;
      saved: boolean;
    }
  | { kind: "failed"; message: string };

export function ReportPanel({
  strings,
  host,
  profile,
}: {
  strings: Strings;
  host: WorkbookHost;
  /** The 评分口径 chosen under 校验; undefined for the workbook's own. */
  profile?: ProfileChoice;
}) {
  const ready = host.available;
  const styles = useStyles();
  const [draft, setDraft] = useState(false);
  const [form, setForm] = useState(NARRATIVE);
  const [state, setState] = useState<State>({ kind: "idle" });

  function chooseForm(value: string) {
    setForm(value);
    // A report of the other form is not what would be saved now.
    setState((current) => (current.kind === "ready" ? { kind: "idle" } : current));
  }

  async function generate() {
    setState({ kind: "working" });
    try {
      const workbook = await host.read();
      const { generateReport } = await import(/* webpackChunkName: "report" */ "../usecases/report");
      const outcome = await generateReport(workbook, { draft, profile, form: form === NARRATIVE ? null : form });
      if (outcome.status === "blocked") {
        setState({ kind: "blocked", errors: outcome.validation.summary.errors });
        return;
      }
      const { basic } = workbook.model;
      const fileName =
        `${basic.unit ?? "部门"}-${basic.year ?? ""}年度绩效自评报告` +
        `${outcome.form ? "（表式）" : ""}${draft ? "（草稿）" : ""}.docx`;
      setState({
        kind: "ready",
        content: outcome.content,
        form: outcome.form?.name ?? null,
        bytes: outcome.bytes,
        fileName,
        saved: false,
      });
    } catch (error) {
      setState({
        kind: "failed",
        message: error instanceof WorkbookReadError ? error.problems.join("\n") : (error as Error).message,
      });
    }
  }

  function save(ready: Extract<State, { kind: "ready" }>) {
    saveDownload(ready.bytes, ready.fileName, DOCX_TYPE);
    setState({ ...ready, saved: true });
  }

  return (
    <section className={styles.root} aria-labelledby="report-heading">
      <Subtitle2 as="h2" id="report-heading">
        {strings.reportHeading}
      </Subtitle2>
      <Field label={strings.formLabel}>
        <RadioGroup value={form} onChange={(_e, data) => chooseForm(data.value)}>
          <Radio value={NARRATIVE} label={strings.formNarrative} />
          {Object.entries(FORM_LAYOUTS).map(([id, layout]) => (
            <Radio key={id} value={id} label={layout.label} />
          ))}
        </RadioGroup>
      </Field>
      <Switch checked={draft} onChange={(_e, data) => setDraft(data.checked)} label={strings.draftSwitch} />
      <Button appearance="primary" disabled={!ready || state.kind === "working"} onClick={() => void generate()}>
        {strings.generate}
      </Button>
      <div aria-live="polite">
        {state.kind === "working" && <Spinner size="tiny" label={strings.generating} />}
        {state.kind === "blocked" && (
          <MessageBar intent="warning">
            <MessageBarBody>{strings.blocked(state.errors)}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{state.message}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "ready" && state.saved && (
          <MessageBar intent="success">
            <MessageBarBody>{strings.saved(state.fileName)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.kind === "ready" && (
        <>
          <Button onClick={() => save(state)}>{strings.saveDocx}</Button>
          {state.content.missing.length > 0 && (
            <Caption1>{strings.missingProse(state.content.missing.join("、"))}</Caption1>
          )}
          <Caption1>{strings.fingerprint(state.content.fingerprint)}</Caption1>
          {state.form && <Caption1>{strings.formPreview(state.form)}</Caption1>}
          <div className={styles.preview} role="document" aria-label={strings.preview} tabIndex={0}>
            <Text as="p" block className={styles.title}>
              {state.content.title}
            </Text>
            <Text as="p" block className={styles.title}>
              {state.content.unitLine}
            </Text>
            {state.content.blocks.map((block, i) =>
              block.kind === "heading" ? (
                <Text as="h3" key={i} block className={styles.heading}>
                  {block.text}
                </Text>
              ) : (
                <Text as="p" key={i} block className={styles.paragraph}>
                  {block.inlines.map((inline, j) =>
                    inline.placeholder ? (
                      <mark key={j} className={styles.placeholder}>
                        {inline.text}
                      </mark>
                    ) : (
                      <span key={j}>{inline.text}</span>
                    ),
                  )}
                </Text>
              ),
            )}
          </div>
        </>
      )}
    </section>
  );
}
