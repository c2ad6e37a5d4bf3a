import { join } from 'node:path';

/** Everything a run writes, under one directory (DESIGN.md "Outputs"). allurerc.mjs repeats these names. */
export interface ReportPaths {
  dir: string;
  summaryJson: string;
  summaryMarkdown: string;
  /** JUnit XML of the summary, for CI systems that read it (GitLab, Jenkins, Azure). */
  junitXml: string;
  allureResults: string;
  allureReport: string;
  allureReportSingle: string;
}

/** PLUGIN_REPORTS_DIR or `reports`; scripts/run.ts exports the resolved setting so every child agrees. */
export function reportsDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.PLUGIN_REPORTS_DIR?.trim() || 'reports';
}

export function reportPaths(dir: string = reportsDirFromEnv()): ReportPaths {
  return {
    dir,
    summaryJson: join(dir, 'summary.json'),
    summaryMarkdown: join(dir, 'summary.md'),
    junitXml: join(dir, 'junit.xml'),
    allureResults: join(dir, 'allure-results'),
    allureReport: join(dir, 'allure-report'),
    allureReportSingle: join(dir, 'allure-report-single'),
  };
}
