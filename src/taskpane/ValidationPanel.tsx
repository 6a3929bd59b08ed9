/**
 * 校验 in the task pane: run the validator, see the findings grouped by sheet and counted by severity,
 * filter them, click one to go to its cell, apply a safe fix after confirming, explain a warning.
 * Cell text is rendered as React text, never as HTML.
 */
import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, useSyncExternalStore } from "react";
import { PROFILES } from "../domain/profiles";
import { canExplain, type Fix, type Severity } from "../domain/validation";
import type { WorkbookHost } from "../usecases/host";
import { sheetsOf, type LocatedFinding } from "../usecases/validate-workbook";
import { reviewStore } from "../usecases/review-store";
import { describeFix, type Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  controls: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  finding: {
    justifyContent: "flex-start",
    textAlign: "left",
    width: "100%",
    height: "auto",
    padding: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
    display: "flex",
  },
  message: { display: "block", whiteSpace: "normal", overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
  problems: { whiteSpace: "pre-line" },
  sheet: { margin: `${tokens.spacingVerticalS} 0 0` },
});

type Filter = Severity | "all" | "acknowledged";
const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const matches = (finding: LocatedFinding, filter: Filter) =>
  filter === "all"
    ? true
    : filter === "acknowledged"
      ? Boolean(finding.acknowledged)
      : !finding.acknowledged && finding.severity === filter;

function FindingText({ finding, place, strings }: { finding: LocatedFinding; place: string; strings: Strings }) {
  const styles = useStyles();
  return (
    <span>
      <Badge appearance="tint" color={BADGE[finding.severity]}>
        {strings.severity[finding.severity]}
      </Badge>{" "}
      <Caption1>
        {place} · {finding.rule}
      </Caption1>
      <Text className={styles.message}>{finding.message}</Text>
      {finding.acknowledged && (
        <Caption1 className={styles.message}>{strings.explained(finding.acknowledged)}</Caption1>
      )}
    </span>
  );
}

export function ValidationPanel({ strings, host }: { strings: Strings; host: WorkbookHost }) {
  const ready = host.available;
  const styles = useStyles();
  const store = reviewStore(host);
  const state = useSyncExternalStore(store.subscribe, store.get);
  const [profile, setProfile] = useState("");
  const [filter, setFilter] = useState<Filter>("all");
  const [pendingFix, setPendingFix] = useState<(LocatedFinding & { fix: Fix }) | null>(null);
  const [explaining, setExplaining] = useState<LocatedFinding | null>(null);
  const [reason, setReason] = useState("");
  const [actionError, setActionError] = useState<string | null>(null);

  const rerun = () => store.run(profile || undefined);
  async function act(action: () => Promise<void>, thenValidate: boolean) {
    setActionError(null);
    try {
      await action();
      if (thenValidate) await rerun();
    } catch (error) {
      setActionError((error as Error).message);
    }
  }

  const findings = state.status === "done" ? state.validation.findings : [];
  const visible = findings.filter((f) => matches(f, filter));
  const sheets = sheetsOf(visible);
  const count = (f: Filter) => findings.filter((finding) => matches(finding, f)).length;
  const filterName = (f: Filter) =>
    f === "all" ? strings.all : f === "acknowledged" ? strings.acknowledgedFilter : strings.severity[f];
  const where = (f: LocatedFinding) => (f.cell ? `${f.sheet}!${f.cell}` : (f.sheet ?? strings.wholeWorkbook));
  return (
    <section className={styles.root} aria-labelledby="validate-heading">
      <Subtitle2 as="h2" id="validate-heading">
        {strings.validateHeading}
      </Subtitle2>
      <div className={styles.controls}>
        <Field label={strings.profileLabel} className={styles.grow}>
          <Select value={profile} onChange={(_e, data) => setProfile(data.value)}>
            <option value="">{strings.profileFromWorkbook}</option>
            {Object.values(PROFILES).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" disabled={!ready || state.status === "working"} onClick={() => void rerun()}>
          {strings.validate}
        </Button>
      </div>
      {!ready && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.notInExcelValidate}</MessageBarBody>
        </MessageBar>
      )}
      <div aria-live="polite">
        {state.status === "working" && <Spinner size="tiny" label={strings.validating} />}
        {state.status === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody className={styles.problems}>{state.message}</MessageBarBody>
          </MessageBar>
        )}
        {actionError && (
          <MessageBar intent="error">
            <MessageBarBody>{actionError}</MessageBarBody>
          </MessageBar>
        )}
        {state.status === "done" && (
          <Text weight="semibold">
            {state.validation.score.total
              ? strings.totalLine(state.validation.score.total, state.validation.score.grade ?? "")
              : strings.noScore}
            {` · ${state.validation.result.profile.name}`}
          </Text>
        )}
        {state.status === "done" && state.validation.score.provisional && (
          <MessageBar intent="warning">
            <MessageBarBody>{strings.provisional(state.validation.score.provisional)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.status === "done" && (
        <>
          <div className={styles.filters} role="group" aria-label={strings.validateHeading}>
            {(["all", "error", "warning", "info", "acknowledged"] as const).map((f) => (
              <ToggleButton key={f} size="small" checked={filter === f} onClick={() => setFilter(f)}>
                {filterName(f)} {count(f)}
              </ToggleButton>
            ))}
          </div>
          {visible.length === 0 && (
            <Caption1>{findings.length === 0 ? strings.noFindings : strings.noneInFilter}</Caption1>
          )}
          {sheets.map((sheet) => (
            <div key={sheet ?? "workbook"}>
              <Subtitle2 as="h3" className={styles.sheet}>
                {sheet ?? strings.wholeWorkbook}
              </Subtitle2>
              <ul className={styles.list}>
                {visible
                  .filter((f) => f.sheet === sheet)
                  .map((f) => (
                    <li key={`${f.rule}@${f.key}`} className={`${styles.item} ${styles[f.severity]}`}>
                      {host.select ? (
                        <Button
                          appearance="subtle"
                          className={styles.finding}
                          disabled={!f.cell}
                          title={f.cell ? strings.goTo(where(f)) : undefined}
                          onClick={() => f.cell && void act(() => host.select!(f.sheet!, f.cell!), false)}
                        >
                          <FindingText finding={f} place={f.cell ?? ""} strings={strings} />
                        </Button>
                      ) : (
                        // A file cannot be scrolled to: the finding names 工作表!单元格 for any spreadsheet program.
                        <div className={styles.finding}>
                          <FindingText finding={f} place={where(f)} strings={strings} />
                        </div>
                      )}
                      <div className={styles.actions}>
                        {f.fix && f.cell && (
                          <Button size="small" onClick={() => setPendingFix(f as LocatedFinding & { fix: Fix })}>
                            {strings.fix}
                          </Button>
                        )}
                        {canExplain(f) && !f.acknowledged && (
                          <Button
                            size="small"
                            onClick={() => {
                              setExplaining(f);
                              setReason("");
                            }}
                          >
                            {strings.explain}
                          </Button>
                        )}
                      </div>
                      {explaining === f && (
                        <form
                          onSubmit={(e) => {
                            e.preventDefault();
                            setExplaining(null);
                            void act(() => host.explain(f, reason), true);
                          }}
                        >
                          <Field label={strings.explainLabel}>
                            <Textarea value={reason} onChange={(_e, data) => setReason(data.value)} />
                          </Field>
                          <div className={styles.actions}>
                            <Button size="small" appearance="primary" type="submit" disabled={reason.trim() === ""}>
                              {strings.save}
                            </Button>
                            <Button size="small" onClick={() => setExplaining(null)}>
                              {strings.cancel}
                            </Button>
                          </div>
                        </form>
                      )}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </>
      )}
      {pendingFix && (
        <Dialog open onOpenChange={(_e, data) => !data.open && setPendingFix(null)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{strings.fixTitle}</DialogTitle>
              <DialogContent>{strings.fixBody(where(pendingFix), describeFix(strings, pendingFix.fix))}</DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setPendingFix(null);
                    void act(() => host.applyFix(pendingFix), true);
                  }}
                >
                  {strings.confirm}
                </Button>
                <Button onClick={() => setPendingFix(null)}>{strings.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
