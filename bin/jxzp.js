#!/usr/bin/env node
// The jxzp command. Runs the compiled CLI (lib/, written by `npm run build`); in a source checkout
// without a build it runs the TypeScript sources through tsx.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const compiled = join(__dirname, "..", "lib", "src", "cli", "main.js");
if (!existsSync(compiled)) require("tsx/cjs");
const cli = require(existsSync(compiled) ? compiled : join(__dirname, "..", "src", "cli", "main.ts"));
// A build from before main() existed exports only runAsync.
if (cli.main) cli.main();
else cli.runAsync(process.argv.slice(2)).then((code) => (process.exitCode = code));
