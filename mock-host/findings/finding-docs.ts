import { PROFILES } from '../profiles/registry.ts';
import { CATALOG, FINDING_CODES, findingDocPath, type CatalogEntry, type FindingCode, type FindingSection } from './catalog.ts';

const SECTIONS: Record<FindingSection, string> = {
  discovery: 'Discovery: manifest and OpenAPI',
  'resource-server': 'MCP: resource server discovery',
  'authorization-server': 'MCP: authorization-server metadata',
  registration: 'MCP: client registration',
  authorization: 'Authorization (browser)',
  token: 'Token exchange',
  api: 'Using the plugin API',
  refresh: 'Refresh and lifecycle',
  provider: 'Provider quirks',
};

/** The heading anchor findingDocPath() links to; GitHub and most renderers derive it from the heading the same way. */
function anchorOf(code: FindingCode): string {
  return findingDocPath(code).split('#')[1] ?? code.toLowerCase();
}

function severityText(code: FindingCode): string {
  const base = CATALOG[code].severity;
  const overrides = Object.values(PROFILES)
    .map((p) => [p.id, p.severityOverrides[code]] as const)
    .filter(([, severity]) => severity !== undefined && severity !== base)
    .map(([id, severity]) => `${severity} in ${id}`);
  const note: CatalogEntry = CATALOG[code];
  return [base === 'inconclusive' ? 'inconclusive (not the plugin\'s fault: the scenario is reported as inconclusive)' : base, ...(note.severityNote ? [note.severityNote] : []), ...overrides].join('; ');
}

function entry(code: FindingCode): string {
  const c = CATALOG[code];
  if (code.toLowerCase() !== anchorOf(code)) throw new Error(`findingDocPath(${code}) is not the heading's anchor`);
  return [`### ${code}`, '', `**${c.title}.**`, '', `- severity: ${severityText(code)}`, `- reference: ${c.spec}`, ''].join('\n');
}

/**
 * docs/findings.md: every finding code with its severity, title and reference, one heading (and so one anchor) per
 * code, which the Allure report links each finding to. Generated from CATALOG by `npm run docs`; a test keeps it current.
 */
export function renderFindingDocs(): string {
  const out = [
    '# Finding codes',
    '',
    '<!-- Generated from mock-host/findings/catalog.ts by `npm run docs`. Do not edit by hand. -->',
    '',
    'Every problem plugin-conformance reports is a finding with a stable code. A finding in `reports/summary.json` also',
    'carries what was seen (`message`), what to change (`fix`, provider-specific where the provider is known), the',
    'recorded HTTP exchanges (`evidence`) and, where one request shows it, a `reproduce` curl command.',
    '',
    'Severity: `error` breaks the plugin for users of the host and fails the run; `warning` works today but violates',
    'the spec or bites later (fails the run with `--fail-on warning`); `info` never fails a run. To ship with a known',
    'finding for a while, accept it in a baseline (`plugin-conformance.baseline.json`).',
    '',
  ];
  for (const [section, title] of Object.entries(SECTIONS) as [FindingSection, string][]) {
    const codes = FINDING_CODES.filter((code) => CATALOG[code].section === section);
    if (codes.length === 0) continue;
    out.push(`## ${title}`, '', ...codes.map(entry));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
