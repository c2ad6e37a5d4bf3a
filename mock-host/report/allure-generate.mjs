// `allure generate <arguments>` when told: loads Allure's modules first, then waits for one line on stdin before it
// runs the command, so a conformance run can start it with the scenarios and find Allure loaded once the results are
// in (mock-host/report/allure-html.ts). Stdin closed without a line: exits at once, nothing generated. Plain JS, so
// Node runs it without a TypeScript loader, in a clone and in the installed package alike.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Listening first: a run that ends without HTML reports closes stdin, and this exits then, even mid-load.
const told = new Promise((resolve) => {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    input += chunk;
    if (input.includes('\n')) resolve();
  });
  process.stdin.on('end', () => {
    if (!input.includes('\n')) process.exit(0);
  });
});

const require = createRequire(import.meta.url);
// allure's main entry is its CLI, which runs the command line it finds when imported.
const cli = require.resolve('allure');
const fromCli = createRequire(cli);
const load = (path) => import(pathToFileURL(path).href);
// Best effort: what does not load here, the command loads itself when it runs.
await Promise.allSettled(
  [() => join(dirname(cli), 'commands', 'index.js'), () => fromCli.resolve('@allurereport/core'), () => fromCli.resolve('@allurereport/plugin-awesome')].map(async (path) => load(path())),
);
await told;
process.stdin.destroy();
// The CLI reads process.argv as it loads: hand it this script's arguments as its own.
process.argv.splice(1, process.argv.length, cli, ...process.argv.slice(2));
await load(cli);
