// `npm run report`: rebuilds the HTML reports from reports/allure-results (e.g. after editing allurerc.mjs).
import { generateAllureReports } from '../mock-host/report/allure-html.ts';

const outcome = await generateAllureReports();
for (const problem of outcome.problems) console.error(`warning: ${problem}`);
for (const path of outcome.written) console.log(path);
process.exit(outcome.written.length ? 0 : 1);
