/**
 * 校验 in the task pane: run the validator, see the findings grouped by sheet (each project table its own
 * section, titled with its 项目名称) and counted by severity,
 * filter them, click one to go to its cell, apply a safe fix after confirming, explain a warning; each
 * finding a profile rule made says its 依据. Pick the 评分口径 — a shipped one or a bureau's file — and compare
 * profiles. Cell text is rendered as React text, never as HTML.
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
import { customLabel, type ProfileChoice, type ScoringProfile } from "../domain/profiles";
import { canExplain, type Fix, type Severity } from "../domain/validation";
import type { WorkbookHost } from "../usecases/host";
import { locateKey, type LocatedFinding, type WorkbookValidation } from "../usecases/validate-workbook";
import { reviewStore } from "../usecases/review-store";
import { WorkbookReadError } from "../workbook/assemble";
import { groupFindings } from "./finding-groups";
import { ProfileCompare } from "./ProfileCompare";
import { ProfileFilePicker } from "./ProfileFilePicker";
import { runReview, type ProfileSelection } from "./profile-choice";
import { describeFix, type Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  controls: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  // A <select> is as wide as its longest option (a custom profile's label is long): allowed to shrink, so
  // 校验 stays inside a 320 px pane.
  grow: { flexGrow: 1, minWidth: 0 },
  shrink: { minWidth: 0 },
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
  basis: {
    display: "block",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground3,
    marginTop: tokens.spacingVerticalXXS,
  },
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

/** The 评分口径 cell (报告文字 B12, defined name 校验_评分口径): where a custom profile's label is written. */
const PROFILE_KEY = "review.profile";

/**
 * A change that waits for the user's 确定: a finding's safe fix, or a custom profile's label written to the
 * 评分口径 cell as if it were one (the same confirmation, the same write, the same list of changes on the page).
 */
interface PendingWrite {
  readonly finding: LocatedFinding & { readonly fix: Fix };
  readonly title: string;
  /** Said before the change itself. */
  readonly why?: string;
}

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
      {finding.basis && <Caption1 className={styles.basis}>{finding.basis}</Caption1>}
      {finding.acknowledged && (
        <Caption1 className={styles.message}>{strings.explained(finding.acknowledged)}</Caption1>
      )}
    </span>
  );
}

export function ValidationPanel({
  strings,
  host,
  profiles,
}: {
  strings: Strings;
  host: WorkbookHost;
  profiles: ProfileSelection;
}) {
  const ready = host.available;
  const styles = useStyles();
  const store = reviewStore(host);
  const state = useSyncExternalStore(store.subscribe, store.get);
  const [filter, setFilter] = useState<Filter>("all");
  const [pending, setPending] = useState<PendingWrite | null>(null);
  const [explaining, setExplaining] = useState<LocatedFinding | null>(null);
  const [reason, setReason] = useState("");
  const [actionError, setActionError] = useState<string | null>(null);
  // The last validation shown: 口径对比 stays open, its ticks kept, while 校验 runs again.
  const [shown, setShown] = useState<WorkbookValidation | null>(null);
  if (state.status === "done" && shown !== state.validation) setShown(state.validation);

  // A profile just picked is passed in: this render's `profiles` does not hold it yet.
  const rerun = (choice: ProfileChoice | undefined = profiles.choice) => runReview(store, choice);
  async function act(action: () => Promise<void>, thenValidate: boolean) {
    setActionError(null);
    try {
      await action();
      if (thenValidate) await rerun();
    } catch (error) {
      setActionError((error as Error).message);
    }
  }

  /**
   * Using a custom profile in a workbook: validate with it, and record its label in the 评分口径 cell, so the
   * workbook says which profile (and which version of its file) scored it — after the user confirms, as any
   * fix (Excel cannot undo an add-in's change). Cancelling still validates with it, without writing.
   */
  async function adoptCustom(profile: ScoringProfile) {
    if (!ready) return;
    setActionError(null);
    try {
      const workbook = await host.read();
      const label = customLabel(profile);
      const { sheet, cell } = locateKey(PROFILE_KEY, workbook.locations);
      // Already recorded, or no 评分口径 cell to write (the template is not installed): just validate.
      if (workbook.model.review.profile?.trim() === label || !sheet || !cell) return void (await rerun(profile));
      setPending({
        finding: {
          rule: PROFILE_KEY,
          severity: "info",
          key: PROFILE_KEY,
          message: label,
          sheet,
          cell,
          fix: { kind: "text", value: label },
        },
        title: strings.writeProfileTitle,
        why: strings.writeProfileWhy,
      });
    } catch (error) {
      setActionError(error instanceof WorkbookReadError ? error.problems.join("\n") : (error as Error).message);
    }
  }

  function choose(value: string) {
    profiles.select(value);
    const option = profiles.options.find((o) => o.value === value);
    if (option?.custom) void adoptCustom(option.profile);
  }

  function closePending(confirmed: boolean) {
    const write = pending;
    if (!write) return;
    setPending(null);
    if (confirmed) void act(() => host.applyFix(write.finding), true);
    else if (write.finding.key === PROFILE_KEY) void rerun();
  }

  const findings = state.status === "done" ? state.validation.findings : [];
  const visible = findings.filter((f) => matches(f, filter));
  const groups = groupFindings(visible, state.status === "done" ? state.projects : [], strings.wholeWorkbook);
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
          <Select
            className={styles.shrink}
            select={{ className: styles.shrink }}
            value={profiles.value}
            onChange={(_e, data) => choose(data.value)}
          >
            <option value="">{strings.profileFromWorkbook}</option>
            {profiles.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" disabled={!ready || state.status === "working"} onClick={() => void rerun()}>
          {strings.validate}
        </Button>
      </div>
      <ProfileFilePicker strings={strings} onProfile={(profile) => void adoptCustom(profiles.add(profile).profile)} />
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
      {shown && state.status !== "failed" && (
        <ProfileCompare
          strings={strings}
          host={host}
          options={profiles.options}
          used={shown.result.profile}
          run={state.status === "done" ? state.validation : null}
        />
      )}
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
          {groups.map((group) => (
            <div key={group.key}>
              <Subtitle2 as="h3" className={styles.sheet}>
                {group.title}
              </Subtitle2>
              <ul className={styles.list}>
                {group.findings.map((f) => (
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
                        <Button
                          size="small"
                          onClick={() =>
                            setPending({ finding: f as LocatedFinding & { fix: Fix }, title: strings.fixTitle })
                          }
                        >
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
      {pending && (
        <Dialog open onOpenChange={(_e, data) => !data.open && closePending(false)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{pending.title}</DialogTitle>
              <DialogContent>
                {pending.why && <p>{pending.why}</p>}
                {strings.fixBody(where(pending.finding), describeFix(strings, pending.finding.fix))}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => closePending(true)}>
                  {strings.confirm}
                </Button>
                <Button onClick={() => closePending(false)}>{strings.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
