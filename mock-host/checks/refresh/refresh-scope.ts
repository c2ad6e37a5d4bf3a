import { defineCheck } from '../../findings/check.ts';

// Stryker disable next-line StringLiteral: the check returns before calling this with undefined, and a placeholder would be split away anyway
const scopeSet = (s: string | undefined): Set<string> => new Set((s ?? '').split(/[\s,]+/).filter(Boolean));

/** RFC 6749 §6: a refresh that names no scope keeps the originally granted one. */
export const checkRefreshKeepsScope = defineCheck<{ original?: string; refreshed?: string; exchangeId: string }>(
  { id: 'refresh-keeps-scope', codes: ['REFRESH_SCOPE_NARROWED'] },
  ({ original, refreshed, exchangeId }) => {
    if (original === undefined || refreshed === undefined) return [];
    const now = scopeSet(refreshed);
    const lost = [...scopeSet(original)].filter((s) => !now.has(s));
    if (!lost.length) return [];
    return [
      {
        code: 'REFRESH_SCOPE_NARROWED',
        message: `the refreshed token lacks scope ${lost.join(', ')} (original "${original}", refreshed "${refreshed}")`,
        fix: 'Keep the originally granted scope on refresh when the request names none (RFC 6749 §6).',
        evidence: [exchangeId],
      },
    ];
  },
);
