/** The privacy promise and the template version, at the foot of the pane and of the page. */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { TEMPLATE_VERSION } from "../domain/contract";
import type { Strings } from "./strings";

const useStyles = makeStyles({ footer: { color: tokens.colorNeutralForeground3 } });

export function Footer({ strings }: { strings: Strings }) {
  const styles = useStyles();
  return (
    <footer className={styles.footer}>
      <Caption1>{strings.privacy}</Caption1>
      <br />
      <Caption1>
        {strings.version} {TEMPLATE_VERSION}
      </Caption1>
    </footer>
  );
}
