// Allure 3 report configuration. scripts/run.ts runs `allure generate` twice: the multi-file report (serve it with
// `npx allure open reports/allure-report`) and, with ALLURE_SINGLE_FILE=1, a single index.html that opens from
// file:// and suits CI artifacts. Plain JS so the Allure CLI needs no TypeScript loader; paths mirror
// mock-host/report/report-paths.ts.
import { defineConfig } from 'allure';

const reportsDir = process.env.PLUGIN_REPORTS_DIR?.trim() || 'reports';
const singleFile = process.env.ALLURE_SINGLE_FILE === '1';

export default defineConfig({
  name: 'plugin-conformance',
  output: `${reportsDir}/${singleFile ? 'allure-report-single' : 'allure-report'}`,
  resultsDir: `${reportsDir}/allure-results`,
  plugins: {
    awesome: {
      options: {
        reportName: 'plugin-conformance',
        singleFile,
        reportLanguage: 'en',
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
});
