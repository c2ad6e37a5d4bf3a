import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../mock-host/config/config-error.ts';
import type { Settings } from '../mock-host/config/settings.ts';
import type { FindingCode } from '../mock-host/findings/catalog.ts';
import type { Claims } from './scenario-claims.ts';
import { parseExpectedFinding, type ExpectedFinding } from './expected-finding.ts';
import { normaliseStep, scenarioFileSchema, type ScenarioFileInput, type Step } from './scenario-schema.ts';
import { describeHost, toSimulatedHost, type SimulatedHost } from './simulated-host.ts';
import { SIMULATED_TARGET_KINDS } from './targets/index.ts';
import type { StartedTarget } from './targets/simulated-target.ts';

export const SCENARIOS_DIR = dirname(fileURLToPath(import.meta.url));

export interface ScenarioFile {
  id: string;
  kind: 'conformance' | 'simulated';
  file: string;
  title: string;
  description?: string;
  phase: ScenarioFileInput['phase'];
  severity: ScenarioFileInput['severity'];
  signIn: 'fresh' | 'reuse';
  requiresAuth?: NonNullable<NonNullable<ScenarioFileInput['requires']>['auth']>;
  requiresProtocol?: 'plugin' | 'mcp';
  reports?: string[];
  steps: Step[];
  simulated?: {
    /** The target kind's key and its validated spec, bound: starts a fresh target for one test. */
    targetKind: string;
    start: (base: Settings) => Promise<StartedTarget>;
    /** The codes of `expect.findings` (the detection matrix and coverage read them). */
    expected: FindingCode[];
    /** `expect.findings`, each with the one severity it must have: exactly these findings, and those allowed. */
    expectations: ExpectedFinding[];
    /** `expect.allow`: findings that may appear besides (a severity only where the entry names one). */
    allowed: ExpectedFinding[];
    /** `expect.claims`: the title's claims, counted from the run's records. */
    claims?: Claims;
    /** `expect: {findings: [], none: true}`: no finding may appear but those allowed. */
    expectsClean: boolean;
    /** The host the expectations hold for (`host:`; default chatgpt-plugin). */
    host: SimulatedHost;
    /** What is simulated, e.g. "rotate-revoke-family (refreshTokenGraceSeconds: 0)", for the detection matrix. */
    simulates: string;
  };
}

/** The line of a YAML node at a zod issue path, so an error names the place in the file. */
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) node = node.get(key as string, true);
    else if (isSeq(node)) node = node.get(key as number, true);
    else break;
  }
  const range = (node as Node | undefined)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}

function parseScenarioFile(file: string, kind: ScenarioFile['kind']): ScenarioFile {
  const shown = relative(process.cwd(), file) || file;
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter, prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new ConfigError(`${shown}:${e?.linePos?.[0].line ?? '?'}: not valid YAML: ${e?.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    throw new ConfigError(`${shown}: cannot be read: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = scenarioFileSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const line = lineOf(doc, counter, issue.path);
      return `${shown}${line ? `:${line}` : ''}: ${issue.path.join('.') || '(file)'}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid scenario file:\n  ${lines.join('\n  ')}`);
  }
  const s = parsed.data;
  const expectedId = basename(file, '.yaml');
  if (s.id !== expectedId) throw new ConfigError(`${shown}: id "${s.id}" must equal the file name "${expectedId}"`);
  if (kind === 'simulated' && (!s.target || !s.expect)) throw new ConfigError(`${shown}: a simulated scenario needs "target" and "expect"`);
  if (kind === 'conformance' && (s.target || s.expect || s.host)) {
    throw new ConfigError(`${shown}: "target", "expect" and "host" belong in scenarios/simulated/; conformance scenarios run against any target`);
  }
  let simulated: ScenarioFile['simulated'];
  if (s.target && s.expect) {
    const [key, spec] = Object.entries(s.target)[0] ?? [];
    const targetKind = SIMULATED_TARGET_KINDS.find((k) => k.key === key);
    const line = lineOf(doc, counter, ['target']) ?? '?';
    if (!targetKind) throw new ConfigError(`${shown}:${line}: unknown simulated target "${key}"; expected one of ${SIMULATED_TARGET_KINDS.map((k) => k.key).join(', ')}`);
    const checked = targetKind.schema.safeParse(spec ?? {});
    if (!checked.success) throw new ConfigError(`${shown}:${line}: invalid ${key} target:\n${z.prettifyError(checked.error)}`);
    const host = toSimulatedHost(s.host);
    simulated = {
      targetKind: targetKind.key,
      start: (base) => targetKind.start(checked.data, base),
      expectations: s.expect.findings.map((f) => parseExpectedFinding(f, 'catalog')),
      expected: [...new Set(s.expect.findings.map((f) => parseExpectedFinding(f, 'catalog').code))],
      allowed: (s.expect.allow ?? []).map((f) => parseExpectedFinding(f, 'any')),
      ...(s.expect.claims ? { claims: s.expect.claims } : {}),
      expectsClean: s.expect.none === true,
      host,
      simulates: `${targetKind.describe?.(checked.data) ?? `${targetKind.key}: ${s.id}`}${describeHost(host) ? `; host: ${describeHost(host)}` : ''}`,
    };
  }
  return {
    // Simulated scenarios are named by their folder: simulated/<name> (faults), hostile/<name> (attacks on the host).
    id: scenarioIdOf(file, kind),
    kind,
    file: shown,
    title: s.title,
    ...(s.description ? { description: s.description } : {}),
    phase: s.phase,
    severity: s.severity,
    signIn: s['sign-in'],
    ...(s.requires?.auth ? { requiresAuth: s.requires.auth } : {}),
    ...(s.requires?.protocol ? { requiresProtocol: s.requires.protocol } : {}),
    ...(s.reports ? { reports: s.reports } : {}),
    steps: s.steps.map(normaliseStep),
    ...(simulated ? { simulated } : {}),
  };
}

/** A scenario's id follows from its file: the name, under its folder's for a simulated one (`hostile/api-slow-drip`). */
function scenarioIdOf(file: string, kind: ScenarioFile['kind']): string {
  const name = basename(file, '.yaml');
  return kind === 'simulated' ? `${basename(dirname(file))}/${name}` : name;
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Whether a scenario runs under a host of this protocol: one for a single protocol runs only under its hosts. */
export function appliesToProtocol(scenario: Pick<ScenarioFile, 'requiresProtocol'>, protocol: 'plugin' | 'mcp'): boolean {
  return !scenario.requiresProtocol || scenario.requiresProtocol === protocol;
}

/**
 * Every scenario file: conformance ones in scenarios/, simulated ones in scenarios/simulated/ and scenarios/hostile/
 * (a hostile target is a simulated one that attacks the host). Throws a ConfigError
 * naming the file and line of the first broken one, so a bad file stops the run before it starts (exit code 2).
 * `only` loads the files of one kind (a spec file's own), skipping the parse of the others.
 */
export function loadScenarioFiles(dir: string = SCENARIOS_DIR, only?: ScenarioFile['kind']): ScenarioFile[] {
  const all = scenarioPaths(dir, only).map(({ file, kind }) => parseScenarioFile(file, kind));
  const seen = new Set<string>();
  for (const s of all) {
    if (seen.has(s.id)) throw new ConfigError(`${s.file}: scenario id "${s.id}" is used twice`);
    seen.add(s.id);
  }
  return all;
}

function scenarioPaths(dir: string, only?: ScenarioFile['kind']): { file: string; kind: ScenarioFile['kind'] }[] {
  const of = (folder: string, kind: ScenarioFile['kind']) => (only && only !== kind ? [] : yamlFiles(folder).map((file) => ({ file, kind })));
  return [...of(dir, 'conformance'), ...of(join(dir, 'simulated'), 'simulated'), ...of(join(dir, 'hostile'), 'simulated')];
}

/**
 * The id of every scenario file, read off the file names without parsing them (a file whose id differs from its
 * name fails when it is loaded): what a baseline entry may name, also in a run that loads only some of the files.
 */
export function scenarioIds(dir: string = SCENARIOS_DIR): string[] {
  return scenarioPaths(dir).map(({ file, kind }) => scenarioIdOf(file, kind));
}
