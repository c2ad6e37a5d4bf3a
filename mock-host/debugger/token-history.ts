import { decodeJwt } from 'jose';
import { z } from 'zod';
import type { HostSession } from '../engine/session.ts';
import { isExpired } from '../model/credentials.ts';
import { fingerprint } from '../recorder/secrets.ts';
import type { TokenGeneration, TokenPanel } from './wire/view.ts';

// Only claims that say what a token is for and how long it lives; `sub` and the rest stay unread.
const claimsSchema = z.object({
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  iss: z.string().optional(),
  iat: z.number().optional(),
  exp: z.number().optional(),
});

function accessTokenFacts(token: string): TokenGeneration['accessToken'] {
  let claims: z.infer<typeof claimsSchema> | undefined;
  try {
    // Bounded: a token the size of a page is no JWT a host would parse either.
    const parsed = token.length <= 16_000 ? claimsSchema.safeParse(decodeJwt(token)) : undefined;
    if (parsed?.success) claims = parsed.data;
  } catch {
    // Not a JWT: an opaque token, which only the server can read.
  }
  if (!claims) return { fingerprint: fingerprint(token), format: 'opaque' };
  return {
    fingerprint: fingerprint(token),
    format: 'jwt',
    ...(claims.aud !== undefined ? { audience: typeof claims.aud === 'string' ? [claims.aud] : claims.aud } : {}),
    ...(claims.iss !== undefined ? { issuer: claims.iss } : {}),
    ...(claims.iat !== undefined ? { issuedAt: claims.iat * 1000 } : {}),
    ...(claims.exp !== undefined ? { expiresAt: claims.exp * 1000 } : {}),
  };
}

/**
 * Every set of tokens the host stored in one session, as fingerprints: taken when the engine says it stored them
 * (the credentials-stored event), so a refresh that rotated the refresh token shows as a new fingerprint, and a
 * revoke or disconnect as the host holding nothing.
 */
export class TokenHistory {
  readonly #generations: TokenGeneration[] = [];
  #dropped?: TokenPanel['dropped'];
  readonly #unsubscribe: () => void;

  constructor(private readonly session: HostSession) {
    this.#unsubscribe = session.events.subscribe((event) => {
      if (event.type === 'credentials-stored') this.#stored(event.at);
      if (event.type === 'credentials-dropped') this.#dropped = { reason: event.reason, at: event.at };
    });
  }

  dispose(): void {
    this.#unsubscribe();
  }

  #stored(at: number): void {
    const c = this.session.credentials;
    if (!c) return;
    this.#dropped = undefined;
    const previous = this.#generations.at(-1)?.refreshToken?.fingerprint;
    const refresh = c.refreshToken ? fingerprint(c.refreshToken) : undefined;
    this.#generations.push({
      generation: c.generation,
      source: c.source,
      receivedAt: at,
      ...(c.expiresAt !== undefined ? { expiresAt: c.expiresAt } : {}),
      ...(c.expiresInSeconds !== undefined ? { lifetimeSeconds: c.expiresInSeconds } : {}),
      ...(c.scope !== undefined ? { scope: c.scope } : {}),
      accessToken: accessTokenFacts(c.accessToken),
      ...(refresh
        ? { refreshToken: { fingerprint: refresh, rotated: c.source === 'refresh' && previous !== undefined && previous !== refresh, keptFromBefore: c.refreshTokenKeptFromBefore } }
        : {}),
    });
  }

  panel(): TokenPanel {
    const { session } = this;
    const now = session.now();
    const held = session.credentials;
    const current = held ? this.#generations.at(-1) : undefined;
    const lastRotation = this.#generations.findLast((g) => g.refreshToken?.rotated);
    const resource = session.target?.auth.type === 'oauth' ? session.target.auth.resource : undefined;
    return {
      now,
      clockOffsetSeconds: session.clock.offsetSeconds(),
      ...(current ? { current } : {}),
      expired: held ? isExpired(held, now) : false,
      history: [...this.#generations],
      ...(resource ? { resource } : {}),
      ...(lastRotation ? { lastRotationAt: lastRotation.receivedAt } : {}),
      ...(!held && this.#dropped ? { dropped: this.#dropped } : {}),
    };
  }
}
