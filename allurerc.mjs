// Allure 3 report configuration. scripts/allure-report.ts runs `allure generate` twice: the multi-file report
// (serve it with `npx allure open reports/allure-report`) and, with ALLURE_SINGLE_FILE=1, a single index.html that
// opens from file:// and suits CI artifacts. Plain JS so the Allure CLI needs no TypeScript loader; paths mirror
// mock-host/report/report-paths.ts.
import { defineConfig } from 'allure';

const reportsDir = process.env.PLUGIN_REPORTS_DIR?.trim() || 'reports';

// Categories: one per finding severity, grouped by finding code (scenarios/allure-findings.ts sets the labels and
// puts a test's worst code last, which is the one it is grouped under). A test lands in the first category that
// matches, so the most severe comes first; tests without findings fall through to Allure's defaults.
const findingCategory = (severity, name) => ({
  id: `finding-${severity}`,
  name,
  matchers: { labels: { finding_severity: `^${severity}$` } },
  groupBy: [{ label: 'finding' }],
  groupByMessage: false,
  expand: severity === 'error',
});
const categories = [
  findingCategory('error', 'Error findings (fail the run)'),
  findingCategory('warning', 'Warning findings'),
  findingCategory('info', 'Info findings'),
];
const singleFile = process.env.ALLURE_SINGLE_FILE === '1';

export default defineConfig({
  name: 'plugin-conformance',
  output: `${reportsDir}/${singleFile ? 'allure-report-single' : 'allure-report'}`,
  resultsDir: `${reportsDir}/allure-results`,
  categories,
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
