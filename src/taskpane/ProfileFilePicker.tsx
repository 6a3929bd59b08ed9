/**
 * 选择口径文件…: a bureau's own 评分口径 file (.json) read in the pane or page, never uploaded. A valid file
 * is handed to `onProfile`; a broken one is refused with its problems in Chinese, each naming the field.
 */
import { Button, Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { customLabel, type ScoringProfile } from "../domain/profiles";
import { readProfileFile } from "./profile-choice";
import type { Strings } from "./strings";

/** A file that is not a profile at all can have a problem for every field: the first ones say enough. */
const SHOWN = 10;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export function ProfileFilePicker({
  strings,
  onProfile,
}: {
  strings: Strings;
  onProfile: (profile: ScoringProfile) => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [loaded, setLoaded] = useState<string | null>(null);

  async function read(file: File | undefined) {
    if (!file) return;
    const result = await readProfileFile(file);
    setLoaded("profile" in result ? customLabel(result.profile) : null);
    if ("problems" in result) return setProblems(result.problems);
    setProblems([]);
    onProfile(result.profile);
  }

  return (
    <div className={styles.root}>
      <Button size="small" onClick={() => input.current?.click()}>
        {strings.profileFile}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={strings.profileFile}
        data-testid="profile-file"
        onChange={(e) => {
          void read(e.target.files?.[0]);
          // The same file may be picked again after it was corrected.
          e.target.value = "";
        }}
      />
      <div aria-live="polite">
        {loaded && <Caption1>{strings.profileLoaded(loaded)}</Caption1>}
        {problems.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <Text weight="semibold" block>
                {strings.profileFileProblems}
              </Text>
              <ul className={styles.problems}>
                {problems.slice(0, SHOWN).map((problem, i) => (
                  <li key={i}>{problem}</li>
                ))}
                {problems.length > SHOWN && <li>{strings.moreProblems(problems.length - SHOWN)}</li>}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
