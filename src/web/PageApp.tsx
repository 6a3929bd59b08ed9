/**
 * The browser page: the task pane's panels (校验, 生成报告) over a file the user opens instead of the
 * workbook open in Excel, with the page's own 工作簿 panel (open, template, corrected copy) and the
 * bureau's 批量汇总, which loads when its tab is first opened. One 评分口径 choice for both tabs: a bureau that
 * picked its profile file once uses it for a single workbook and for the batch alike.
 */
import { Caption1, Spinner, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useState, useSyncExternalStore } from "react";
import { ReportPanel } from "../taskpane/ReportPanel";
import { useProfileSelection } from "../taskpane/profile-choice";
import { ValidationPanel } from "../taskpane/ValidationPanel";
import type { Engine } from "./engine";
import type { FileHost } from "./file-host";
import type { PageStrings } from "./strings";
import { WorkbookPanel } from "./WorkbookPanel";
import { Footer } from "../taskpane/Footer";

const BatchPanel = lazy(() => import(/* webpackChunkName: "batch" */ "./BatchPanel"));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    maxWidth: "1200px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  logo: { width: "40px", height: "40px" },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(360px, 1fr))",
    gap: tokens.spacingHorizontalXXL,
    alignItems: "start",
  },
});

type TabId = "single" | "batch";

export function PageApp({ strings, host, engine }: { strings: PageStrings; host: FileHost; engine: Engine }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>("single");
  const file = useSyncExternalStore(host.subscribe, host.file);
  const profiles = useProfileSelection();
  return (
    <main className={styles.root} aria-labelledby="app-title">
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-80.png" alt="" />
        <div>
          <Title3 as="h1" id="app-title">
            {strings.page.pageTitle}
          </Title3>
          <br />
          <Caption1>{strings.page.pageSubtitle}</Caption1>
        </div>
      </header>
      <TabList selectedValue={tab} onTabSelect={(_e, data) => setTab(data.value as TabId)}>
        <Tab value="single">{strings.page.tabs.single}</Tab>
        <Tab value="batch">{strings.page.tabs.batch}</Tab>
      </TabList>
      {tab === "single" ? (
        <div role="tabpanel" aria-label={strings.page.tabs.single}>
          <WorkbookPanel strings={strings} host={host} engine={engine} profile={profiles.choice} />
          <div className={styles.columns}>
            <ValidationPanel strings={strings} host={host} profiles={profiles} />
            {/* A new file starts a new report. */}
            <ReportPanel key={file?.id ?? 0} strings={strings} host={host} profile={profiles.choice} />
          </div>
        </div>
      ) : (
        <div role="tabpanel" aria-label={strings.page.tabs.batch}>
          <Suspense fallback={<Spinner size="small" />}>
            <BatchPanel strings={strings} engine={engine} profiles={profiles} />
          </Suspense>
        </div>
      )}
      <Footer strings={strings} />
    </main>
  );
}
