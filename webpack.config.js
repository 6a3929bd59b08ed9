/**
 * Two builds. The add-in into dist/: taskpane.html (which also hosts the custom functions and ribbon
 * commands: one shared runtime), functions.js, functions.json and functions.zh-cn.json (from the function
 * definitions), commands.js, the self-hosted office.js, the icons and the manifest. The browser page
 * (网页版) into dist/web/, self-contained so it runs from an unzipped folder, and zipped beside it as
 * dist/绩效自评助手-网页版.zip, ready to share.
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");

require("tsx/cjs/api").register();

const SRC = path.join(__dirname, "src") + path.sep;

/**
 * Emits what is generated from the sources: functions.json (en-US) and functions.zh-cn.json from the
 * function definitions (src/functions/metadata.ts), with help links under the add-in's URL, and help.html
 * (src/help/help-page.ts). Read afresh on every compilation, so the dev server's rebuilds pick up an edit.
 */
class GeneratedAssetsPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("GeneratedAssetsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "GeneratedAssetsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of Object.keys(require.cache)) if (file.startsWith(SRC)) delete require.cache[file];
          try {
            const { METADATA_FILES, metadataJson } = require("./src/functions/metadata.ts");
            for (const [language, file] of Object.entries(METADATA_FILES))
              compilation.emitAsset(file, new webpack.sources.RawSource(metadataJson(language, this.baseUrl)));
            const { helpPageHtml } = require("./src/help/help-page.ts");
            compilation.emitAsset("help.html", new webpack.sources.RawSource(helpPageHtml()));
          } catch (error) {
            compilation.errors.push(new webpack.WebpackError(`generated assets: ${error.message}`));
          }
        },
      );
    });
  }
}

/** Zips dist/web/ into dist/<PAGE_ZIP>.zip, under a folder of the same name, with a short 使用说明.txt. */
const PAGE_ZIP = "绩效自评助手-网页版";
const PAGE_README = [
  "绩效自评助手 · 网页版",
  "",
  "1. 解压本压缩包（不要直接在压缩包里打开）。",
  "2. 双击 index.html，用 Edge、Chrome、360、奇安信或 Firefox 等浏览器打开。",
  "3. 点击“打开工作簿”选择自评表（.xlsx），即可校验、修正、生成报告；“批量汇总”可一次检查多个工作簿。",
  "",
  "不需要安装，不需要联网：工作簿只在本机浏览器中处理，不会上传到任何地方。",
  "单位内部署：把 index.html 所在文件夹原样放到任意静态网站目录下即可（无需服务端程序）。",
  "",
].join("\r\n");

class PageZipPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise("PageZipPlugin", async (compilation) => {
      const { zipSync, strToU8 } = require("fflate");
      const fs = require("node:fs");
      const root = compilation.outputOptions.path;
      const files = { [`${PAGE_ZIP}/使用说明.txt`]: strToU8(PAGE_README) };
      const walk = (dir, prefix) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
          else files[`${PAGE_ZIP}/${prefix}${entry.name}`] = fs.readFileSync(full);
        }
      };
      walk(root, "");
      fs.writeFileSync(path.join(root, "..", `${PAGE_ZIP}.zip`), zipSync(files, { level: 9 }));
    });
  }
}

const { DEV_URL, manifestFor, productionUrl } = require("./scripts/addin-url.ts");

/**
 * The add-in's URL: https://localhost:3000/ in development (npm start); in production ADDIN_URL, required
 * and normalised (scripts/addin-url.ts). Only the add-in's build needs it: the page uses relative paths.
 */
function addinUrl(dev) {
  if (dev) return { url: DEV_URL };
  try {
    return { url: productionUrl(process.env.ADDIN_URL) };
  } catch (error) {
    return { url: DEV_URL, error: error.message };
  }
}

/** Fails the add-in's production build, with the reason, when it has no valid URL. */
class RequireUrlPlugin {
  constructor(error) {
    this.error = error;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RequireUrlPlugin", (compilation) => {
      if (this.error) compilation.errors.push(new webpack.WebpackError(this.error));
    });
  }
}

/**
 * The dev server's certificate (office-addin-dev-certs installs a local CA on first use). Where it cannot
 * (no GUI prompt, no sudo or certutil on Linux), say what to do and stop, instead of a stack trace.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    console.error(
      [
        `无法准备开发用的 HTTPS 证书（${error.message.trim()}）。`,
        "请先手动安装：npx office-addin-dev-certs install（Linux 需要 sudo 和 certutil），再运行 npm run dev-server；",
        "部署请用 ADDIN_URL=https://… npm run build，把 dist/ 放到 HTTPS 服务器上。",
        "Could not prepare the development HTTPS certificate: run `npx office-addin-dev-certs install` first.",
      ].join("\n"),
    );
    process.exit(1);
  }
}

const typescript = (dev) => ({
  rules: [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: "ts-loader",
        options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } },
      },
    },
  ],
});

/**
 * The workbook reader inflates with node:zlib in Node; in browsers the same contract is kept by fflate
 * (src/workbook/xlsx/inflate-web.ts).
 */
const browserInflate = () =>
  new webpack.NormalModuleReplacementPlugin(/^\.\/inflate$/, (resource) => {
    if (/[\\/]src[\\/]workbook[\\/]xlsx$/.test(resource.context)) resource.request = "./inflate-web";
  });

/** The browser page: its chunks (report, batch, the workbook reader) and its worker load from beside it. */
function pageConfig(dev) {
  return {
    name: "page",
    devtool: dev ? "source-map" : false,
    entry: { page: "./src/web/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: typescript(dev),
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/web/index.html", chunks: ["page"] }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/icon-{32,80}.png", to: "assets/[name][ext]" }] }),
      new PageZipPlugin(),
      browserInflate(),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const { url, error } = addinUrl(dev);
  const addin = {
    name: "addin",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    // The page's build owns dist/web and its zip.
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: { keep: /^web[\\/]|\.zip$/ } },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: typescript(dev),
    plugins: [
      new RequireUrlPlugin(error),
      new GeneratedAssetsPlugin(url),
      browserInflate(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: one page runs the functions, the commands and the pane.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // office.js loads its Excel host scripts and locale strings from beside itself (no CDN).
          ...[
            "office.js",
            "o15apptofilemappingtable.js",
            "custom-functions-runtime.js",
            "es6-promise.js",
            "excel*.js",
          ].map((file) => ({
            from: `node_modules/@microsoft/office-js/dist/${file}`,
            to: "office-js/[name][ext]",
            globOptions: { ignore: ["**/*.debug.js"] },
          })),
          { from: "node_modules/@microsoft/office-js/dist/zh-cn", to: "office-js/zh-cn" },
          { from: "node_modules/@microsoft/office-js/dist/en-us", to: "office-js/en-us" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content.toString(), url),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await httpsOptions(),
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
  return [addin, pageConfig(dev)];
};
