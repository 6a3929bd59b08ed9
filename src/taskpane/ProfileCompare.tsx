/**
 * 口径对比 under 校验: the workbook under two or more 评分口径 side by side — 执行率得分, 总分·等次 from the
 * entered 得分 and from each profile's suggested ones — and the indicators each profile scores differently,
 * the rule under each score (in full in its title). Closed by default: it reads the workbook again (one
 * more sync in Excel) only when opened, and again after each 校验, so it shows what 校验 saw.
 * Real tables with row and column headers; narrow enough for a 320 px pane, scrolling sideways inside
 * their own region only when many profiles are ticked.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { WorkbookModel } from "../domain/model";
import { DEFAULT_PROFILE, type ScoringProfile } from "../domain/profiles";
import type { WorkbookHost } from "../usecases/host";
import { WorkbookReadError } from "../workbook/assemble";
import { compareView } from "./compare-view";
import { valueOf, type ProfileOption } from "./profile-choice";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  // The pane is narrow: the panel takes its full width (Fluent indents it by default).
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0 },
  choices: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    border: "none",
    minWidth: 0,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  scroll: { maxWidth: "100%", overflowX: "auto" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
      overflowWrap: "anywhere",
    },
    "& thead th": { fontWeight: tokens.fontWeightSemibold, textAlign: "left", verticalAlign: "bottom" },
    // Over numbers, as the numbers are.
    "& thead th:not(:first-child)": { textAlign: "right" },
    "& tbody th": { fontWeight: tokens.fontWeightRegular, textAlign: "left" },
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  rule: { display: "block", color: tokens.colorNeutralForeground3, whiteSpace: "normal" },
});

type Read =
  { readonly run: unknown; readonly model: WorkbookModel } | { readonly run: unknown; readonly error: string };

export function ProfileCompare({
  strings,
  host,
  options,
  used,
  run,
}: {
  strings: Strings;
  host: WorkbookHost;
  options: readonly ProfileOption[];
  /** The profile 校验 used: ticked by default, with 全国通用. */
  used: ScoringProfile;
  /** The validation shown: the workbook is read again when it changes; null while 校验 runs. */
  run: unknown;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [ticked, setTicked] = useState<readonly string[] | null>(null);
  const [read, setRead] = useState<Read | null>(null);

  useEffect(() => {
    if (!open || run === null || read?.run === run) return;
    let current = true;
    host.read().then(
      (workbook) => current && setRead({ run, model: workbook.model }),
      (error: Error) =>
        current &&
        setRead({ run, error: error instanceof WorkbookReadError ? error.problems.join("\n") : error.message }),
    );
    return () => {
      current = false;
    };
  }, [open, run, read, host]);

  const values = ticked ?? [...new Set([DEFAULT_PROFILE, valueOf(used)])];
  const chosen = options.filter((o) => values.includes(o.value));
  const current = run !== null && read?.run === run ? read : null;
  // While 校验 runs again the tables stay (under the spinner), so the pane does not jump.
  const model = read && "model" in read ? read.model : null;
  // A few profiles over a few dozen rows: computed afresh on each render, no cache to keep in step.
  const view = model && chosen.length > 0 ? compareView(model, chosen, strings) : null;
  const toggle = (value: string, on: boolean) =>
    setTicked(on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));

  return (
    <Accordion
      collapsible
      openItems={open ? ["compare"] : []}
      onToggle={(_e, data) => setOpen(data.openItems.includes("compare"))}
    >
      <AccordionItem value="compare">
        {/* Not a heading: the headings under 校验 are the sheets the findings are on. */}
        <AccordionHeader as="div" size="small" expandIconPosition="end">
          {strings.compareHeading}
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <fieldset className={styles.choices}>
            <legend className={styles.legend}>{strings.compareChoose}</legend>
            {options.map((o) => (
              <Checkbox
                key={o.value}
                label={o.label}
                checked={values.includes(o.value)}
                onChange={(_e, data) => toggle(o.value, data.checked === true)}
              />
            ))}
          </fieldset>
          <div aria-live="polite">
            {chosen.length < 2 && <Caption1>{strings.compareHint}</Caption1>}
            {open && !current && <Spinner size="tiny" label={strings.comparing} />}
            {current && "error" in current && (
              <MessageBar intent="error">
                <MessageBarBody>{current.error}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          {view && (
            <>
              <div className={styles.scroll} role="region" aria-label={strings.compareTotals} tabIndex={0}>
                <table className={styles.table}>
                  <caption className={styles.caption}>{strings.compareTotals}</caption>
                  {/* A profile a column, as in the table below: its long name wraps in a column header. */}
                  <thead>
                    <tr>
                      <th scope="col">{strings.compareColumns.profile}</th>
                      {view.columns.map((column, i) => (
                        <th scope="col" key={chosen[i]!.value}>
                          {column.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {(["execution", "entered", "suggested"] as const).map((measure) => (
                      <tr key={measure}>
                        <th scope="row">{strings.compareColumns[measure]}</th>
                        {view.columns.map((column, i) => (
                          <td key={chosen[i]!.value} className={styles.number}>
                            {column[measure]}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {chosen.length >= 2 && view.rows.length === 0 && <Caption1>{strings.compareSame}</Caption1>}
              {view.rows.length > 0 && (
                <div className={styles.scroll} role="region" aria-label={strings.compareRows} tabIndex={0}>
                  <table className={styles.table}>
                    <caption className={styles.caption}>{strings.compareRows}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{strings.compareColumns.indicator}</th>
                        <th scope="col">{strings.compareColumns.weight}</th>
                        <th scope="col">{strings.compareColumns.score}</th>
                        {view.columns.map((column, i) => (
                          <th scope="col" key={chosen[i]!.value}>
                            {column.name}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {view.rows.map((row) => (
                        <tr key={row.row}>
                          <th scope="row">{row.name}</th>
                          <td className={styles.number}>{row.weight}</td>
                          <td className={styles.number}>{row.entered}</td>
                          {row.scores.map((cell, i) => (
                            <td key={chosen[i]!.value} className={styles.number} title={cell.detail}>
                              {cell.score}
                              {cell.rule && <span className={styles.rule}>{cell.rule}</span>}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
