import { test, expect } from '@playwright/test';
import { buildSummary } from '../../../mock-host/report/build-summary.ts';
import { escapeCell, renderSummaryMarkdown } from '../../../mock-host/report/summary-markdown.ts';
import { finding, META, scenario } from './fixtures.ts';

test.describe('summary.md', () => {
  test('escapeCell keeps a cell in one table cell', () => {
    expect(escapeCell('a|b')).toBe('a\\|b');
    expect(escapeCell('line 1\nline 2\r\nline 3')).toBe('line 1<br>line 2<br>line 3');
    expect(escapeCell('<script>alert(1)</script> & co')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(escapeCell('`code` \\ end')).toBe('\\`code\\` \\\\ end');
  });

  test('a hostile message cannot break the findings table', () => {
    const hostile = finding('TOKEN_RESPONSE_NOT_JSON', 'lifecycle', {
      message: 'body was | not json |\n| injected | row |',
      fix: 'return JSON\nwith | pipes',
    });
    const md = renderSummaryMarkdown(buildSummary([scenario('lifecycle', { status: 'failed', findings: [hostile] })], META));
    const rows = md.split('\n').filter((l) => l.startsWith('| error'));
    expect(rows).toHaveLength(1);
    const cells = rows[0]!.split(/(?<!\\)\|/).slice(1, -1);
    expect(cells).toHaveLength(6);
    expect(rows[0]).toContain('body was \\| not json \\|<br>\\| injected \\| row \\|');
    expect(md).not.toContain('| injected | row |');
  });

  test('shows the verdict, totals, findings and scenarios', () => {
    const md = renderSummaryMarkdown(
      buildSummary(
        [
          scenario('lifecycle', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'lifecycle')] }),
          scenario('sim-github', { kind: 'simulated', expected: ['PROVIDER_GITHUB_FORM_RESPONSE'], seen: ['PROVIDER_GITHUB_FORM_RESPONSE'] }),
        ],
        META,
      ),
    );
    expect(md).toMatch(/^# plugin-conformance 0\.1\.0: ❌ \*\*FAIL\*\*/);
    expect(md).toContain('**Scenarios:** 2 (1 passed, 1 failed, 0 skipped, 0 inconclusive). **Findings:** 1 errors, 0 warnings, 0 infos.');
    expect(md).toContain('| severity | code | scenario | host | title | fix |');
    expect(md).toContain('| error | REFRESH_TOKEN_MISSING | lifecycle |  | The token expires but no refresh token is issued: REFRESH_TOKEN_MISSING seen | fix REFRESH_TOKEN_MISSING |');
    // The host matrix (FINDINGS.md §8): the legacy host degrades at refresh, with what its users see.
    expect(md).toContain('| host | result | phase | first error | what the user sees |');
    expect(md).toContain('| chatgpt-plugin | degrades | refresh | REFRESH_TOKEN_MISSING | "Error getting system message: {"message": "User is missing credentials"}" |');
    expect(md).toContain('| passed | sim-github | simulated | Scenario sim-github | 120 ms | expected: PROVIDER_GITHUB_FORM_RESPONSE; seen: PROVIDER_GITHUB_FORM_RESPONSE |');
  });

  test('a clean run says so', () => {
    const md = renderSummaryMarkdown(buildSummary([scenario('lifecycle')], META));
    expect(md).toContain('✅ **PASS**');
    expect(md).toContain('No findings.');
  });
});
