import { z } from 'zod';
import { CATALOG, type FindingCode, type Severity, isFindingCode } from './catalog.ts';
import type { Check, CheckRecord, CheckStatus } from './check.ts';

/** One problem, as it appears in reports/summary.json (DESIGN.md). */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  title: string;
  message: string;
  fix: string;
  scenario: string;
  /** Ids of recorded (redacted) HTTP exchanges that show the problem. */
  evidence: string[];
  /** A curl command with secrets as $VARIABLES, where one request shows the problem. */
  reproduce?: string;
  /** The host profile that saw it (summary.json, additive). */
  profile?: string;
  /** A server-wide problem several hosts saw alike: every profile that saw it. */
  profiles?: string[];
  /**
   * Seen in the diagnostic continuation past this blocker: the real host stops there, the harness went on so one run
   * shows every layer. Users meet this problem only once the blocker is fixed.
   */
  behind?: FindingCode;
}

/** What a check returns; the collector adds severity, title and scenario. */
export interface FindingDraft {
  code: FindingCode;
  message: string;
  fix: string;
  evidence?: string[];
  reproduce?: string;
  /** Only for codes whose catalog row names levels by circumstance (API_SLOW at the timeout, PRM_WELL_KNOWN_FORM_MISSING without a pointer…). */
  severity?: Severity;
}

export const findingSchema = z.object({
  code: z.string().refine(isFindingCode, 'unknown finding code'),
  severity: z.enum(['error', 'warning', 'info']),
  title: z.string(),
  message: z.string(),
  fix: z.string(),
  scenario: z.string(),
  evidence: z.array(z.string()),
  reproduce: z.string().optional(),
  profile: z.string().optional(),
  profiles: z.array(z.string()).optional(),
  behind: z.string().refine(isFindingCode, 'unknown finding code').optional(),
});

export type SeverityOverrides = Partial<Record<FindingCode, Severity>>;

/** Replaces every known secret in the free-text fields of a finding (they quote what the target sent). */
export function redactFinding(finding: Finding, redact: (text: string) => string): Finding {
  return {
    ...finding,
    message: redact(finding.message),
    fix: redact(finding.fix),
    ...(finding.reproduce === undefined ? {} : { reproduce: redact(finding.reproduce) }),
  };
}

/**
 * Collects the findings of one scenario run. The same code with the same message is kept once (evidence merged),
 * so a check that fires on the exchange and again on a refresh with identical values does not double-count.
 */
export class FindingCollector {
  readonly #findings: Finding[] = [];
  #blocker?: FindingCode;
  readonly #checks = new Map<string, CheckRecord>();

  constructor(
    readonly scenario: string,
    private readonly overrides: SeverityOverrides = {},
    /**
     * Applied to every draft's text on the way in. Checks quote pages, bodies and error texts written by the
     * target, which may echo a credential; redacting here covers checks that forget to.
     */
    private readonly redact: (text: string) => string = (text) => text,
  ) {}

  #redacted(raw: FindingDraft): FindingDraft {
    return {
      ...raw,
      message: this.redact(raw.message),
      fix: this.redact(raw.fix),
      ...(raw.reproduce === undefined ? {} : { reproduce: this.redact(raw.reproduce) }),
    };
  }

  add(raw: FindingDraft): Finding {
    const draft = this.#redacted(raw);
    const existing = this.#findings.find((f) => f.code === draft.code && f.message === draft.message);
    if (existing) {
      for (const id of draft.evidence ?? []) if (!existing.evidence.includes(id)) existing.evidence.push(id);
      return existing;
    }
    const entry = CATALOG[draft.code];
    const severity: Severity =
      // A check that weighed the facts (the host's own probe order, a timeout passed) decides; else the profile, else the catalog.
      draft.severity ?? this.overrides[draft.code] ?? (entry.severity === 'inconclusive' ? 'info' : entry.severity);
    const finding: Finding = {
      code: draft.code,
      severity,
      title: entry.title,
      message: draft.message,
      fix: draft.fix,
      scenario: this.scenario,
      evidence: [...(draft.evidence ?? [])],
      ...(draft.reproduce ? { reproduce: draft.reproduce } : {}),
      ...(this.#blocker ? { behind: this.#blocker } : {}),
    };
    this.#findings.push(finding);
    return finding;
  }

  addAll(drafts: readonly FindingDraft[]): void {
    for (const d of drafts) this.add(d);
  }

  /** From now on the run is a diagnostic continuation past this blocker: later findings say they are behind it. */
  continuePast(blocker: FindingCode): void {
    this.#blocker ??= blocker;
  }

  /** The blocker the run went past, if any. */
  blocker(): FindingCode | undefined {
    return this.#blocker;
  }

  /** Runs a check, keeps its findings and records that it ran; returns what it found (redacted). */
  run<I>(check: Check<I>, input: I): FindingDraft[] {
    const drafts = check(input).map((d) => this.#redacted(d));
    this.addAll(drafts);
    this.#record(check, drafts.length ? 'failed' : 'passed', undefined, drafts.map((d) => d.code));
    return drafts;
  }

  /** Records that a check could not run here, and why (a probe without anything to probe). */
  skip(check: Pick<Check<never>, 'id' | 'codes' | 'spec'>, reason: string): void {
    this.#record(check, 'skipped', this.redact(reason));
  }

  #record(check: Pick<Check<never>, 'id' | 'codes' | 'spec'>, status: CheckStatus, reason?: string, found: readonly FindingCode[] = []): void {
    const seen = this.#checks.get(check.id);
    // One line per check and scenario: any failure fails it; a run that passed outweighs a skip.
    const rank: Record<CheckStatus, number> = { skipped: 0, passed: 1, failed: 2 };
    const allFound = [...new Set([...(seen?.found ?? []), ...found])];
    const worst = seen && rank[seen.status] >= rank[status] ? seen.status : status;
    this.#checks.set(check.id, {
      id: check.id,
      status: worst,
      spec: check.spec,
      codes: [...check.codes],
      ...(allFound.length ? { found: allFound } : {}),
      ...(worst === 'skipped' ? { reason: seen?.reason ?? reason ?? '' } : {}),
    });
  }

  /** The checks this scenario reached, in the order first reached. */
  checks(): CheckRecord[] {
    return [...this.#checks.values()];
  }

  /** The codes among these drafts that were collected as errors (severity comes from catalog and profile). */
  errorCodesOf(drafts: readonly FindingDraft[]): FindingCode[] {
    const codes = new Set(drafts.map((d) => d.code));
    return [...new Set(this.#findings.filter((f) => codes.has(f.code) && f.severity === 'error').map((f) => f.code))];
  }

  has(code: FindingCode): boolean {
    return this.#findings.some((f) => f.code === code);
  }

  list(): readonly Finding[] {
    return this.#findings;
  }

  codes(): FindingCode[] {
    return [...new Set(this.#findings.map((f) => f.code))];
  }
}
