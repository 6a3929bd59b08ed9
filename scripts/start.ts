/**
 * npm start: sideloads manifest.xml into desktop Excel and starts the dev server (office-addin-debugging).
 * Desktop Excel exists only on Windows and macOS; elsewhere this says what to do instead and fails,
 * rather than letting the tool fail and exit 0. The tool's own exit code is passed on.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..");

if (process.platform !== "win32" && process.platform !== "darwin") {
  console.error(
    [
      `npm start 需要 Windows 或 macOS 上的桌面版 Excel（本机是 ${process.platform}）。在这台机器上可以：`,
      "  1. 运行 npm run dev-server（https://localhost:3000/，需先安装开发证书：npx office-addin-dev-certs install）；",
      "  2. 在 Excel 网页版中：开始 → 加载项 → 更多设置 → 上传我的加载项，选择 manifest.xml；",
      "  3. 或使用网页版：npm run build:dev 后打开 dist/web/index.html，不需要 Excel。",
      "npm start needs desktop Excel (Windows or macOS). Here: npm run dev-server, then upload manifest.xml in",
      "Excel on the web (Home → Add-ins → More settings → Upload My Add-in), or open dist/web/index.html.",
    ].join("\n"),
  );
  process.exit(1);
}

const tool = join(ROOT, "node_modules", "office-addin-debugging", "cli.js");
const result = spawnSync(process.execPath, [tool, "start", "manifest.xml", ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
