// Allure 3 report configuration. mock-host/report/allure-html.ts runs `allure generate` once with ALLURE_REPORTS=both:
// one read of the results renders both reports, the multi-file one (serve it with `npx allure open
// reports/allure-report`) and a single index.html that opens from file:// and suits CI artifacts, each into the
// subfolder named by its plugin key, which allure-html.ts then moves into place. ALLURE_SINGLE_FILE=1 (or 0) renders
// only the single-file (or multi-file) report straight into its folder. Plain JS so the Allure CLI needs no TypeScript
// loader; paths mirror mock-host/report/report-paths.ts.
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
const both = process.env.ALLURE_REPORTS === 'both';

const awesome = (single) => ({
  import: '@allurereport/plugin-awesome',
  options: {
    reportName: 'plugin-conformance',
    singleFile: single,
    reportLanguage: 'en',
    groupBy: ['epic', 'feature', 'story'],
  },
});

export default defineConfig({
  name: 'plugin-conformance',
  // With two plugins Allure writes each into output/<plugin key>; the keys are the two reports' folder names.
  output: both ? `${reportsDir}/allure-reports.partial` : `${reportsDir}/${singleFile ? 'allure-report-single' : 'allure-report'}`,
  resultsDir: `${reportsDir}/allure-results`,
  categories,
  plugins: both ? { 'allure-report': awesome(false), 'allure-report-single': awesome(true) } : { awesome: awesome(singleFile) },
});
