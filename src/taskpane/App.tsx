import {
  Badge,
  Body1,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  Subtitle2,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { exampleOf, nameOf, paramsOf } from "../functions/define";
import { JXZP_FUNCTIONS } from "../functions/definitions";
import type { WorkbookHost } from "../usecases/host";
import { InstallPanel } from "./InstallPanel";
import { reviewStore } from "../usecases/review-store";
import { runReview, useProfileSelection } from "./profile-choice";
import { ReportPanel } from "./ReportPanel";
import { ValidationPanel } from "./ValidationPanel";
import type { Strings } from "./strings";
import { Footer } from "./Footer";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  logo: { width: "32px", height: "32px" },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
});

export function App({ strings, host }: { strings: Strings; host: WorkbookHost }) {
  const styles = useStyles();
  // 校验 and 生成报告 use the one 评分口径 chosen (a custom profile file included).
  const profiles = useProfileSelection();
  // A project table added or removed: findings shown are of the workbook before, so 校验 runs again.
  const projectsChanged = () => {
    const store = reviewStore(host);
    if (store.get().status === "done") void runReview(store, profiles.choice);
  };
  return (
    <main className={styles.root} aria-labelledby="app-title">
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <div>
          <Title3 as="h1" id="app-title">
            {strings.title}
          </Title3>
          <br />
          <Caption1>{strings.subtitle}</Caption1>
        </div>
      </header>
      <InstallPanel strings={strings} host={host} onChanged={projectsChanged} />
      <ValidationPanel strings={strings} host={host} profiles={profiles} />
      <ReportPanel strings={strings} host={host} profile={profiles.choice} />
      <Body1>{strings.intro}</Body1>
      <section aria-labelledby="functions-heading">
        <Subtitle2 as="h2" id="functions-heading">
          {strings.functionsHeading}
        </Subtitle2>
        <ul className={styles.list}>
          {JXZP_FUNCTIONS.map((fn) => (
            <li key={fn.id}>
              <Card size="small">
                <CardHeader
                  header={
                    <Text weight="semibold" className={styles.code}>
                      JXZP.{nameOf(fn, strings.language)}({paramsOf(fn, strings.language)})
                    </Text>
                  }
                  action={
                    <Badge className={styles.badge} appearance="tint">
                      {nameOf(fn, strings.language === "zh" ? "en" : "zh")}
                    </Badge>
                  }
                  description={<Caption1>{fn.description}</Caption1>}
                />
                <Caption1 className={styles.code}>
                  {strings.example}：{exampleOf(fn, strings.language)}
                </Caption1>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      <Footer strings={strings} />
    </main>
  );
}
