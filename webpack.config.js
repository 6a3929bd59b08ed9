/**
 * Builds the add-in into dist/: taskpane.html (which also hosts the custom functions and ribbon commands:
 * one shared runtime), functions.js, functions.json and functions.zh-cn.json (from the function definitions),
 * commands.js, the self-hosted office.js, the icons and the manifest.
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");

require("tsx/cjs/api").register();

const SRC = path.join(__dirname, "src") + path.sep;

/**
 * Emits functions.json (en-US) and functions.zh-cn.json, generated from the function definitions
 * (src/functions/metadata.ts). Read afresh on every compilation, so the dev server's rebuilds pick up
 * an edited definition.
 */
class FunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of Object.keys(require.cache)) if (file.startsWith(SRC)) delete require.cache[file];
          try {
            const { METADATA_FILES, metadataJson } = require("./src/functions/metadata.ts");
            for (const [language, file] of Object.entries(METADATA_FILES))
              compilation.emitAsset(file, new webpack.sources.RawSource(metadataJson(language)));
          } catch (error) {
            compilation.errors.push(new webpack.WebpackError(`functions metadata: ${error.message}`));
          }
        },
      );
    });
  }
}

const urlDev = "https://localhost:3000/";
/** Where the production build is served; set ADDIN_URL=https://your.host/path/ when building for release. */
const urlProd = process.env.ADDIN_URL || urlDev;

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
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
    },
    plugins: [
      new FunctionsMetadataPlugin(),
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
            transform: (content) => (dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd)),
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
};
