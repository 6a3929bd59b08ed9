/* global Office */
import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { officeHost } from "../workbook/office/host";
import { App } from "./App";
import { stringsFor } from "./strings";
import { isDark, themeFor } from "./theme";

/** Excel's theme when the pane opens (Excel raises no event when the user changes it later). */
const officeDark = () => isDark(Office.context?.officeTheme?.bodyBackgroundColor);

function render(language: string | undefined, inExcel: boolean) {
  const container = document.getElementById("container");
  if (!container) return;
  document.documentElement.lang = language?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
  createRoot(container).render(
    <FluentProvider theme={themeFor(inExcel && officeDark())} style={{ minHeight: "100vh" }}>
      <App strings={stringsFor(language)} host={officeHost(inExcel)} />
    </FluentProvider>,
  );
}

// Outside Office (a plain browser, the browser tests) Office.onReady still resolves, with no host.
Office.onReady((info) => render(Office.context?.displayLanguage, info.host === Office.HostType.Excel));
