import { randomUUID } from 'node:crypto';
import { promptIncludes, type Authorization } from './preset.ts';

interface IssuedCode {
  readonly authorization: Authorization;
  used: boolean;
}

export interface IssuedRefreshToken {
  readonly token: string;
  readonly authorization: Authorization;
  revoked: boolean;
  lastUsedMs: number;
}

/**
 * What the provider remembers between requests: the authorization behind each code, and each refresh token it
 * issued. oauth2-mock-server keeps none of this (any code or refresh token gets tokens); presets need it to refuse
 * a reused code, a rotated-away refresh token, or one that idled out.
 */
export class GrantStore {
  readonly #codes = new Map<string, IssuedCode>();
  readonly #refreshTokens = new Map<string, IssuedRefreshToken>();
  /** What the (only) user has consented to, per client. */
  readonly #consents = new Map<string | undefined, Set<string>>();

  /**
   * Remembers the authorization behind a new code, and the consent it took: the screen shows the first time, for
   * anything not granted before, and whenever prompt=consent asks for it.
   */
  recordCode(code: string, request: Omit<Authorization, 'consentShown'>, consentItems: readonly string[]): Authorization {
    const granted = this.#consents.get(request.clientId);
    const consentShown = !granted || promptIncludes(request.params, 'consent') || consentItems.some((item) => !granted.has(item));
    this.#consents.set(request.clientId, new Set([...(granted ?? []), ...consentItems]));
    const authorization: Authorization = { ...request, consentShown };
    this.#codes.set(code, { authorization, used: false });
    return authorization;
  }

  /** The authorization behind a code without using it up (the token is signed before the answer is decided). */
  peekCode(code: string | undefined): Authorization | undefined {
    return code === undefined ? undefined : this.#codes.get(code)?.authorization;
  }

  redeemCode(code: string | undefined): { ok: true; authorization: Authorization } | { ok: false; reason: 'unknown_code' | 'code_used' } {
    const issued = code === undefined ? undefined : this.#codes.get(code);
    if (!issued) return { ok: false, reason: 'unknown_code' };
    if (issued.used) return { ok: false, reason: 'code_used' };
    issued.used = true;
    return { ok: true, authorization: issued.authorization };
  }

  issueRefreshToken(authorization: Authorization, nowMs: number): string {
    const token = randomUUID();
    this.#refreshTokens.set(token, { token, authorization, revoked: false, lastUsedMs: nowMs });
    return token;
  }

  findRefreshToken(token: string | undefined): IssuedRefreshToken | undefined {
    return token === undefined ? undefined : this.#refreshTokens.get(token);
  }
}
