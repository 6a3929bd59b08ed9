/** The browser page's entry: one file host and one engine for the page's lifetime. */
import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { describeFix } from "../taskpane/strings";
import { themeFor } from "../taskpane/theme";
import { createEngine } from "./engine";
import { createFileHost } from "./file-host";
import { PageApp } from "./PageApp";
import { pageStringsFor } from "./strings";

const strings = pageStringsFor(navigator.language);
// One worker per core left to the page, at most four: a batch's files are small, and memory is not.
const engine = createEngine({ workers: Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)) });
const host = createFileHost(engine, {
  loadEditor: async () => (await import(/* webpackChunkName: "edit" */ "../workbook/xlsx/edit")).editWorkbookCopy,
  describe: (fix) => describeFix(strings, fix),
  explained: strings.page.explainedChange,
});

document.documentElement.lang = strings.language === "en" ? "en" : "zh-CN";
document.title = strings.page.pageTitle;
const root = createRoot(document.getElementById("container")!);
// The page follows the system's light or dark scheme, also when it changes while the page is open.
const scheme = window.matchMedia("(prefers-color-scheme: dark)");
const render = () =>
  root.render(
    <FluentProvider theme={themeFor(scheme.matches)} style={{ minHeight: "100vh" }}>
      <PageApp strings={strings} host={host} engine={engine} />
    </FluentProvider>,
  );
scheme.addEventListener("change", render);
render();
