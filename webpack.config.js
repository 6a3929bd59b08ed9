/**
 * Builds the add-in into dist/: taskpane.html (which also hosts the custom functions and ribbon commands:
 * one shared runtime), functions.js, functions.json (from JSDoc), commands.js, the self-hosted office.js,
 * the icons and the manifest.
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");

require("tsx/cjs/api").register();
const { localizeMetadata } = require("./src/functions/localize-metadata.ts");

/** Emits functions.zh-cn.json (Chinese names) beside the generated functions.json. */
class LocalizedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const generated = compilation.getAsset("functions.json");
          if (!generated) return;
          try {
            const zh = localizeMetadata(JSON.parse(generated.source.source().toString()));
            compilation.emitAsset(
              "functions.zh-cn.json",
              new webpack.sources.RawSource(`${JSON.stringify(zh, null, 2)}\n`),
            );
          } catch (error) {
            compilation.errors.push(new webpack.WebpackError(`functions.zh-cn.json: ${error.message}`));
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
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizedMetadataPlugin(),
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
