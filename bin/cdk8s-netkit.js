#!/usr/bin/env node
// In a clone of the repository, runs the TypeScript sources through ts-node (so
// the CLI never lags behind lib/); installed from npm, where lib/ is not
// shipped, runs the compiled build/.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const source = join(__dirname, '..', 'lib', 'cli', 'main.ts');
let cli;
if (existsSync(source)) {
  require('ts-node').register({ transpileOnly: true, project: join(__dirname, '..', 'tsconfig.json') });
  cli = require(source);
} else {
  cli = require(join(__dirname, '..', 'build', 'cli', 'main.js'));
}
cli.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
