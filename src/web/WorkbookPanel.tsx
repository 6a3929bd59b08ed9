/**
 * 工作簿 in the page: open a workbook (file picker or drop), download the blank template, and once fixes
 * or explanations were applied, download the corrected copy. Opening a file validates it at once, with the
 * 评分口径 chosen under 校验.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState, useSyncExternalStore } from "react";
import type { ProfileChoice } from "../domain/profiles";
import { reviewStore } from "../usecases/review-store";
import { runReview } from "../taskpane/profile-choice";
import { saveDownload, XLSX_TYPE } from "../taskpane/download";
import { DropZone } from "./DropZone";
import type { Engine } from "./engine";
import type { FileHost } from "./file-host";
import type { PageStrings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export async function downloadTemplate(name: string): Promise<void> {
  const { buildWorkbook } = await import(/* webpackChunkName: "template" */ "../workbook/xlsx/write");
  const bytes = new Uint8Array(await buildWorkbook().xlsx.writeBuffer());
  saveDownload(bytes, name, XLSX_TYPE);
}

export function WorkbookPanel({
  strings,
  host,
  engine,
  profile,
}: {
  strings: PageStrings;
  host: FileHost;
  engine: Engine;
  profile?: ProfileChoice;
}) {
  const styles = useStyles();
  const text = strings.page;
  const file = useSyncExternalStore(host.subscribe, host.file);
  // Re-rendered when a validation ends: by then the engine knows where it runs.
  const review = reviewStore(host);
  useSyncExternalStore(review.subscribe, review.get);
  const input = useRef<HTMLInputElement>(null);
  const [templating, setTemplating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open(chosen: File | undefined) {
    if (!chosen) return;
    setError(null);
    host.open(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
    await runReview(reviewStore(host), profile);
  }

  async function template() {
    setTemplating(true);
    setError(null);
    try {
      await downloadTemplate(text.templateName);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setTemplating(false);
    }
  }

  const mode = engine.mode();
  return (
    <section className={styles.root} aria-labelledby="workbook-heading">
      <Subtitle2 as="h2" id="workbook-heading">
        {text.workbookHeading}
      </Subtitle2>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => input.current?.click()}>
          {text.openWorkbook}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          aria-label={text.openWorkbook}
          data-testid="open-workbook"
          onChange={(e) => {
            void open(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <Button onClick={() => void template()} disabled={templating}>
          {text.downloadTemplate}
        </Button>
        {templating && <Spinner size="tiny" label={text.templating} />}
      </div>
      <DropZone onDrop={(data) => void open(data.files[0])}>{text.dropHint}</DropZone>
      <div aria-live="polite">
        {file && (
          <Text weight="semibold" block>
            {text.opened(file.name)}
          </Text>
        )}
        {file && mode && <Caption1>{mode === "worker" ? text.modeWorker : text.modePage}</Caption1>}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {file && file.changes.length > 0 && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <Text weight="semibold" block>
              {text.changesHeading(file.changes.length)}
            </Text>
            <ul className={styles.changes}>
              {file.changes.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            <Button onClick={() => saveDownload(file.current, text.copyName(file.name), XLSX_TYPE)}>
              {text.downloadCopy}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
