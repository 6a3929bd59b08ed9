/** `npm test` runs both projects: unit/integration tests in Node, and the task pane in headless Chromium. */
const tsJest = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] };

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
      transform: tsJest,
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.test.ts"],
      globalSetup: "<rootDir>/test/browser/build-once.ts",
      transform: tsJest,
    },
  ],
};
