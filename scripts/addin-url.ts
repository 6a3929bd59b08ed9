/**
 * Where a production build of the add-in is served, and the manifest that points there. The development
 * manifest (manifest.xml) names https://localhost:3000/ for `npm start`; a production build must be told
 * its URL (ADDIN_URL), because a manifest that silently points at localhost installs an add-in that never
 * loads on anyone else's machine.
 */
export const DEV_URL = "https://localhost:3000/";

export class AddinUrlError extends Error {}

/**
 * ADDIN_URL checked and normalised: an absolute https URL (Office loads add-ins over HTTPS only), no
 * query or fragment, ending in "/" so that "help.html" and the other files resolve beneath it.
 */
export function productionUrl(value: string | undefined): string {
  const hint =
    "生产构建需要加载项的网址，例如：ADDIN_URL=https://jxzp.example.gov.cn/addin/ npm run build" +
    "（本机调试请用 npm start 或 npm run build:dev）。";
  if (!value || value.trim() === "") throw new AddinUrlError(`未设置 ADDIN_URL。${hint}`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new AddinUrlError(`ADDIN_URL「${value}」不是完整的网址。${hint}`);
  }
  if (url.protocol !== "https:")
    throw new AddinUrlError(`ADDIN_URL「${value}」应以 https:// 开头：Office 只从 HTTPS 加载加载项。`);
  if (url.search || url.hash) throw new AddinUrlError(`ADDIN_URL「${value}」不应带有 ? 或 # 部分。`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** The manifest with every development URL replaced by `base` (already normalised). */
export function manifestFor(xml: string, base: string): string {
  return xml.split(DEV_URL).join(base);
}
