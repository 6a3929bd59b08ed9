// ESLint (flat config). The domain core stays pure: it may not import Office.js, React, Fluent UI,
// exceljs or docx, nor touch the Office/Excel globals; adapters wrap it instead.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

const ADAPTER_ONLY = [
  "@microsoft/office-js",
  "office-js",
  "react",
  "react-dom",
  "react-dom/*",
  "@fluentui/*",
  "exceljs",
  "docx",
];

export default tseslint.config(
  { ignores: ["dist/", "lib/", "coverage/", "demo-output/", "render-output/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        ...globals.node,
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ADAPTER_ONLY,
              message: "src/domain is the pure core: no Office.js, React, Fluent UI, exceljs or docx here.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "CustomFunctions", "OfficeRuntime", "window", "document"].map((name) => ({
          name,
          message: "src/domain is the pure core and runs in Node, the browser and the functions runtime.",
        })),
      ],
    },
  },
  // Formatting is Prettier's (npm run lint runs prettier --check); ESLint keeps to correctness.
  prettier,
  // Prettier cannot break strings and comments: this keeps them too within its printWidth of 120.
  {
    files: ["{src,test,bench,scripts}/**/*.{ts,tsx,js}"],
    rules: {
      "max-len": ["error", { code: 120, ignoreUrls: true, ignoreRegExpLiterals: false }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
