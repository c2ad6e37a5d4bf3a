import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isFindingCode } from '../findings/catalog.ts';
import { findingDocUrl } from '../findings/finding-doc-url.ts';
import type { Summary } from './summary-schema.ts';

const PANEL_ID = 'plugin-conformance-verdict';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where a finding's evidence is in the report: the test of the scenario (and host) that saw it, by Allure's id. */
export type EvidenceLink = (finding: Summary['findings'][number]) => string | undefined;

/**
 * The first thing the HTML report shows, above Allure's tree: the verdict, why, and every error and warning with
 * its fix, a link to its evidence (the scenario's test, whose attachments hold the recorded exchanges) and its docs.
 */
export function renderVerdictPanel(summary: Summary, evidenceOf: EvidenceLink, docsOf: (code: string) => string | undefined = docsUrl): string {
  const t = summary.totals;
  const fail = summary.verdict === 'fail';
  const serious = summary.findings.filter((f) => f.severity !== 'info');
  const items = serious.map((f) => {
    const evidence = evidenceOf(f);
    const docs = docsOf(f.code);
    const where = [f.profiles?.join(', ') ?? f.profile, f.scenario].filter(Boolean).join(' · ');
    const links = [
      evidence ? `<a href="${escapeHtml(evidence)}">evidence: ${escapeHtml(f.evidence.length ? f.evidence.join(', ') : 'the scenario')} in ${escapeHtml(f.scenario)}</a>` : '',
      docs ? `<a href="${escapeHtml(docs)}" target="_blank" rel="noopener">${escapeHtml(f.code)} docs</a>` : '',
    ].filter(Boolean);
    return (
      `<li class="pc-${f.severity}"><div><strong>[${f.severity}] ${escapeHtml(f.code)}</strong>: ${escapeHtml(f.title)} <small>(${escapeHtml(where)})</small></div>` +
      `<div>seen: ${escapeHtml(f.message)}</div><div><strong>fix:</strong> ${escapeHtml(f.fix)}</div>` +
      (f.accepted ? '<div><em>accepted by the baseline</em></div>' : '') +
      (links.length ? `<div>${links.join(' · ')}</div>` : '') +
      '</li>'
    );
  });
  const reasons = summary.gate?.reasons ?? [];
  return [
    `<section id="${PANEL_ID}" style="font:14px/1.45 system-ui,sans-serif;padding:12px 20px;border-bottom:3px solid ${fail ? '#c62828' : '#2e7d32'};background:${fail ? '#fff5f5' : '#f4fbf4'};color:#1b1b1b;max-height:60vh;overflow:auto">`,
    `<h1 style="margin:0 0 4px;font-size:22px">Verdict: ${fail ? 'FAIL' : 'PASS'}</h1>`,
    `<p style="margin:0 0 6px">${escapeHtml(summary.target.url)} (${escapeHtml(summary.target.profile)}) · ${t.scenarios} scenarios: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped, ${t.inconclusive} inconclusive · findings: ${t.errors} errors, ${t.warnings} warnings, ${t.infos} infos</p>`,
    reasons.length ? `<ul style="margin:0 0 6px">${reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : '',
    serious.length
      ? `<ol style="margin:0;padding-left:22px">${items.join('')}</ol>`
      : `<p style="margin:0">No error or warning findings.${t.infos ? ` ${t.infos} info findings are in the tests below.` : ''}</p>`,
    '</section>',
  ].join('\n');
}

function docsUrl(code: string): string | undefined {
  return isFindingCode(code) ? findingDocUrl(code) : undefined;
}

const allureResultSchema = z.object({
  uuid: z.string(),
  stop: z.number().optional(),
  labels: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
});

/**
 * Allure's id of each scenario test (md5 of the result's uuid, as Allure 3 derives it), keyed by scenario id and
 * host profile: the story and epic labels the fixture sets. The last attempt of a retried test wins.
 */
export function scenarioTestIds(allureResultsDir: string): Map<string, string> {
  const latest = new Map<string, { id: string; stop: number }>();
  for (const file of readdirSync(allureResultsDir).filter((f) => f.endsWith('-result.json'))) {
    const parsed = allureResultSchema.safeParse(JSON.parse(readFileSync(join(allureResultsDir, file), 'utf8')));
    if (!parsed.success) continue;
    const label = (name: string) => parsed.data.labels.find((l) => l.name === name)?.value;
    const story = label('story');
    if (!story) continue;
    const key = `${label('epic') ?? ''}\u0000${story}`;
    const stop = parsed.data.stop ?? 0;
    const known = latest.get(key);
    if (!known || known.stop <= stop) latest.set(key, { id: createHash('md5').update(parsed.data.uuid).digest('hex'), stop });
  }
  return new Map([...latest].map(([key, v]) => [key, v.id]));
}

/** The evidence link of a finding: Allure's route to the test of the scenario and host it is credited to. */
export function allureEvidenceLinks(allureResultsDir: string): EvidenceLink {
  const ids = scenarioTestIds(allureResultsDir);
  return (f) => {
    const id = ids.get(`${f.profile ?? ''}\u0000${f.scenario}`) ?? [...ids].find(([key]) => key.endsWith(`\u0000${f.scenario}`))?.[1];
    return id ? `#/${id}` : undefined;
  };
}

/** Puts the panel at the top of an Allure index.html, outside the app's own root so the app leaves it alone. */
export function injectVerdictPanel(indexHtml: string, panel: string): void {
  const html = readFileSync(indexHtml, 'utf8');
  const anchor = '<div id="app"></div>';
  if (!html.includes(anchor) || html.includes(`id="${PANEL_ID}"`)) return;
  writeFileSync(indexHtml, html.replace(anchor, `${panel}\n${anchor}`));
}
