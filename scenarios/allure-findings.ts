import * as allure from 'allure-js-commons';
import type { Finding } from '../mock-host/findings/finding.ts';
import { severityRank, worse } from '../mock-host/findings/severity.ts';
import { docsBaseUrl, findingDocUrl } from '../mock-host/findings/finding-doc-url.ts';

/**
 * Labels and links for a scenario's findings in the Allure report: `finding` (the code) and `finding_severity` feed
 * the categories of allurerc.mjs, and each code links to its entry in docs/findings.md. Codes go least severe
 * first because a category groups a test by its last `finding` label, which should be its worst finding.
 */
export async function labelFindings(findings: readonly Finding[]): Promise<void> {
  const worst = new Map<Finding['code'], Finding['severity']>();
  for (const f of findings) {
    const seen = worst.get(f.code);
    worst.set(f.code, seen === undefined ? f.severity : worse(seen, f.severity));
  }
  // Reversed before the (stable) sort so that among equally severe codes the first seen, usually the root cause
  // (REFRESH_TOKEN_MISSING before USER_MISSING_CREDENTIALS), ends up last.
  const ordered = [...worst].reverse().sort(([, a], [, b]) => severityRank(b) - severityRank(a));
  const base = docsBaseUrl();
  for (const [code, severity] of ordered) {
    await allure.label('finding', code);
    await allure.label('finding_severity', severity);
    await allure.link(findingDocUrl(code, base), `${code} (docs)`, 'finding');
  }
}
