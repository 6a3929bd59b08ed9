import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { projectSheetName } from "../domain/projects/contract";
import { projectContents } from "../domain/projects/editing";
import type { InstallResult, ProjectAdded, ProjectRemoved, WorkbookHost } from "../usecases/host";
import { WorkbookReadError } from "../workbook/assemble";
import { projectSectionTitle } from "./finding-groups";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: 0 },
  shrink: { minWidth: 0 },
});

type Status =
  | { kind: "idle" }
  | { kind: "working"; label: string }
  | { kind: "done"; result: InstallResult }
  | { kind: "added"; result: ProjectAdded }
  | { kind: "removed"; result: ProjectRemoved }
  | { kind: "info"; message: string }
  | { kind: "failed"; message: string };

/** A project table as the pane offers it for removal: where it is, its name, what is typed in it. */
interface ProjectChoice {
  readonly slot: number;
  readonly sheet: string;
  readonly name: string | null;
  readonly contents: readonly string[];
}

const message = (error: unknown) =>
  error instanceof WorkbookReadError ? error.problems.join("\n") : (error as Error).message;

/**
 * 安装模板: installs the three sheets into the open workbook and says what happened. 添加项目表 adds a project
 * table (附件3) after the last; 删除项目表 removes the one chosen, after the user confirmed with what it holds
 * (Excel cannot undo an add-in's change). `onChanged` runs after a project table was added or removed.
 */
export function InstallPanel({
  strings,
  host,
  onChanged,
}: {
  strings: Strings;
  host: WorkbookHost;
  onChanged?: () => void;
}) {
  const { install: installTemplates, addProject, removeProject } = host;
  const inExcel = host.available && installTemplates !== undefined;
  const canEditProjects = host.available && addProject !== undefined && removeProject !== undefined;
  const styles = useStyles();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [newName, setNewName] = useState("");
  const [choices, setChoices] = useState<readonly ProjectChoice[] | null>(null);
  const [chosen, setChosen] = useState(1);
  const [confirming, setConfirming] = useState<ProjectChoice | null>(null);
  const working = status.kind === "working";

  async function run(label: string, action: () => Promise<Status>) {
    setStatus({ kind: "working", label });
    try {
      setStatus(await action());
    } catch (error) {
      setStatus({ kind: "failed", message: message(error) });
    }
  }

  const install = () => run(strings.installing, async () => ({ kind: "done", result: await installTemplates!() }));

  const add = () =>
    run(strings.addingProject, async () => {
      const result = await addProject!(newName.trim() || null);
      setNewName("");
      onChanged?.();
      return { kind: "added", result };
    });

  /** Reads the workbook for the project tables it has, to choose the one to remove. */
  const chooseToRemove = () =>
    run(strings.readingProjects, async () => {
      const workbook = await host.read();
      const found = workbook.model.projects.map((project, i) => ({
        slot: i + 1,
        sheet: workbook.locations.get(`projects[${i + 1}].name`)?.sheet ?? projectSheetName(i + 1),
        name: project.name,
        contents: projectContents(project, i + 1),
      }));
      if (found.length === 0) return { kind: "info", message: strings.noProjects };
      setChoices(found);
      setChosen(found[found.length - 1]!.slot);
      return { kind: "idle" };
    });

  function closeConfirm(confirmed: boolean) {
    const choice = confirming;
    setConfirming(null);
    if (!confirmed || !choice) return;
    setChoices(null);
    void run(strings.removingProject, async () => {
      const result = await removeProject!(choice.slot, choice.name);
      onChanged?.();
      return { kind: "removed", result };
    });
  }

  const chosenProject = choices?.find((c) => c.slot === chosen);
  return (
    <section className={styles.root} aria-labelledby="install-heading">
      <Subtitle2 as="h2" id="install-heading">
        {strings.installHeading}
      </Subtitle2>
      <Button appearance="primary" disabled={!inExcel || working} onClick={() => void install()}>
        {strings.install}
      </Button>
      {!inExcel && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.notInExcel}</MessageBarBody>
        </MessageBar>
      )}
      {canEditProjects && (
        <>
          <div className={styles.row}>
            <Field label={strings.newProjectName} className={styles.grow}>
              <Input
                className={styles.shrink}
                value={newName}
                placeholder={strings.newProjectPlaceholder}
                onChange={(_e, data) => setNewName(data.value)}
              />
            </Field>
            <Button disabled={working} onClick={() => void add()}>
              {strings.addProject}
            </Button>
          </div>
          {choices === null ? (
            <Button disabled={working} onClick={() => void chooseToRemove()}>
              {strings.removeProject}
            </Button>
          ) : (
            <div className={styles.row}>
              <Field label={strings.chooseProject} className={styles.grow}>
                <Select
                  className={styles.shrink}
                  select={{ className: styles.shrink }}
                  value={String(chosen)}
                  onChange={(_e, data) => setChosen(Number(data.value))}
                >
                  {choices.map((c) => (
                    <option key={c.slot} value={c.slot}>
                      {projectSectionTitle(c.slot, c.sheet, c.name)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button
                disabled={working || !chosenProject}
                onClick={() => chosenProject && setConfirming(chosenProject)}
              >
                {strings.removeChosen}
              </Button>
              <Button onClick={() => setChoices(null)}>{strings.cancel}</Button>
            </div>
          )}
        </>
      )}
      {status.kind === "working" && <Spinner size="tiny" label={status.label} />}
      <div aria-live="polite">
        {status.kind === "done" && (
          <MessageBar intent="success">
            <MessageBarBody>
              {status.result.status === "installed"
                ? strings.installed +
                  [...Object.values(status.result.sheetNames), ...status.result.projectSheets].join("、")
                : status.result.status === "upgraded"
                  ? strings.upgraded(status.result.previousVersion ?? "", status.result.backupSheets.join("、"))
                  : status.result.status === "repaired"
                    ? strings.repaired(status.result.backupSheets.join("、"))
                    : strings.alreadyInstalled}
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "added" && (
          <MessageBar intent="success">
            <MessageBarBody>{strings.projectAdded(status.result.sheetName)}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "removed" && (
          <MessageBar intent="success">
            <MessageBarBody>
              {strings.projectRemoved(
                status.result.sheetName,
                status.result.moved.map((m) => (m.from === m.to ? m.to : `${m.from} → ${m.to}`)),
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {(status.kind === "done" || status.kind === "added") && status.result.functionsFallback && (
          <MessageBar intent="warning">
            <MessageBarBody>{strings.functionsFallback[status.result.functionsFallback]}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "info" && (
          <MessageBar intent="info">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {confirming && choices && (
        <Dialog open onOpenChange={(_e, data) => !data.open && closeConfirm(false)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{strings.removeTitle}</DialogTitle>
              <DialogContent>
                {strings.removeBody(
                  projectSectionTitle(confirming.slot, confirming.sheet, confirming.name),
                  confirming.contents,
                  choices.filter((c) => c.slot > confirming.slot).map((c) => c.sheet),
                )}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => closeConfirm(true)}>
                  {strings.removeConfirm}
                </Button>
                <Button onClick={() => closeConfirm(false)}>{strings.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
