import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { InstallResult, WorkbookHost } from "../usecases/host";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type Status =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "done"; result: InstallResult }
  | { kind: "failed"; message: string };

/** 安装模板: installs the three sheets into the open workbook and says what happened. */
export function InstallPanel({ strings, host }: { strings: Strings; host: WorkbookHost }) {
  const { install: installTemplates } = host;
  const inExcel = host.available && installTemplates !== undefined;
  const styles = useStyles();
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function install() {
    setStatus({ kind: "working" });
    try {
      const result = await installTemplates!();
      setStatus({ kind: "done", result });
    } catch (error) {
      setStatus({ kind: "failed", message: (error as Error).message });
    }
  }

  return (
    <section className={styles.root} aria-labelledby="install-heading">
      <Subtitle2 as="h2" id="install-heading">
        {strings.installHeading}
      </Subtitle2>
      <Button appearance="primary" disabled={!inExcel || status.kind === "working"} onClick={() => void install()}>
        {strings.install}
      </Button>
      {!inExcel && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.notInExcel}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "working" && <Spinner size="tiny" label={strings.installing} />}
      <div aria-live="polite">
        {status.kind === "done" && (
          <MessageBar intent="success">
            <MessageBarBody>
              {status.result.status === "installed"
                ? `${strings.installed}${Object.values(status.result.sheetNames).join("、")}`
                : status.result.status === "upgraded"
                  ? strings.upgraded(status.result.previousVersion ?? "", status.result.backupSheets.join("、"))
                  : status.result.status === "repaired"
                    ? strings.repaired(status.result.backupSheets.join("、"))
                    : strings.alreadyInstalled}
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "done" && status.result.functionsFallback && (
          <MessageBar intent="warning">
            <MessageBarBody>{strings.functionsFallback[status.result.functionsFallback]}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
