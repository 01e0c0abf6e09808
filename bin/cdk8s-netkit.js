#!/usr/bin/env node
// Runs the compiled CLI when installed from npm (build/), or the TypeScript
// sources through ts-node in a clone of the repository.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'build', 'cli', 'main.js');
let cli;
if (existsSync(built)) {
  cli = require(built);
} else {
  require('ts-node').register({ transpileOnly: true, project: join(__dirname, '..', 'tsconfig.json') });
  cli = require(join(__dirname, '..', 'lib', 'cli', 'main.ts'));
}
cli.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
