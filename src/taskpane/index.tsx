/* global Office */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { stringsFor } from "./strings";

function render(language: string | undefined) {
  const container = document.getElementById("container");
  if (!container) return;
  document.documentElement.lang = language?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App strings={stringsFor(language)} />
    </FluentProvider>,
  );
}

// Outside Office (a plain browser, the browser tests) Office.onReady still resolves, with no host.
Office.onReady(() => render(Office.context?.displayLanguage));
