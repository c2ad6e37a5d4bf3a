import { randomToken, safeEqual } from './secrets.ts';
import type { ClientRecord } from './clients.ts';

/**
 * All OAuth state of one server instance, in memory. The store records facts; the rules about them (expiry, grace
 * windows, what a fault changes) live in the routes and grants, so faults never reach in here.
 */

export interface User {
  readonly id: string;
  readonly username: string;
  readonly name: string;
}

export interface LoginSession {
  readonly id: string;
  readonly userId: string;
}

/** A validated authorization request waiting for the user's Allow or Deny. */
export interface PendingAuthorization {
  readonly id: string;
  readonly sessionId: string;
  readonly client: ClientRecord;
  readonly redirectUri: string;
  readonly scope: readonly string[];
  readonly state: string | undefined;
  /** undefined only under pkce-not-enforced. */
  readonly pkce: PkceChallenge | undefined;
  readonly expiresAtMs: number;
}

export interface PkceChallenge {
  readonly challenge: string;
  readonly method: 'S256' | 'plain';
}

export interface AuthorizationCode {
  readonly code: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: readonly string[];
  readonly userId: string;
  readonly pkce: PkceChallenge | undefined;
  readonly expiresAtMs: number;
  /** Token families minted from this code; non-empty means the code was used. */
  readonly familyIds: string[];
}

/** What the server remembers of an access token it signed (the JWT itself carries the rest). */
export interface AccessTokenRecord {
  readonly jti: string;
  readonly clientId: string;
  readonly userId: string;
  readonly familyId: string;
  readonly viaRefresh: boolean;
  /** Millisecond expiry on the server clock; the JWT's `exp` is this rounded up to a second. */
  readonly expiresAtMs: number;
  revoked: boolean;
}

export interface RefreshToken {
  readonly token: string;
  readonly clientId: string;
  readonly userId: string;
  readonly scope: readonly string[];
  readonly familyId: string;
  /** When a newer refresh token replaced this one: the start of its grace window. */
  supersededAtMs: number | undefined;
  revoked: boolean;
}

interface UserRecord extends User {
  readonly password: string;
}

export class OAuthStore {
  readonly #users: UserRecord[] = [];
  readonly #sessions = new Map<string, LoginSession>();
  readonly #pending = new Map<string, PendingAuthorization>();
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #accessTokens = new Map<string, AccessTokenRecord>();
  readonly #refreshTokens = new Map<string, RefreshToken>();
  readonly #revokedFamilies = new Set<string>();
  readonly #registeredClients = new Map<string, ClientRecord>();
  /** Client-assertion jti → when it may be forgotten (its exp), for replay detection (RFC 7523 §3). */
  readonly #assertionIds = new Map<string, number>();

  /** `credentialPrefix` starts every code and token, so a test can scan reports for them. */
  constructor(readonly credentialPrefix = '') {}

  credential(): string {
    return `${this.credentialPrefix}${randomToken()}`;
  }

  addUser(username: string, password: string, name: string): User {
    const user: UserRecord = { id: `user-${this.#users.length + 1}`, username, password, name };
    this.#users.push(user);
    return { id: user.id, username, name };
  }

  /** Checks a password even for unknown users, so timing does not reveal which usernames exist. */
  authenticate(username: string, password: string): User | undefined {
    const user = this.#users.find((candidate) => candidate.username === username);
    const matches = safeEqual(password, user?.password ?? randomToken());
    return user !== undefined && matches ? this.findUser(user.id) : undefined;
  }

  findUser(id: string): User | undefined {
    const user = this.#users.find((candidate) => candidate.id === id);
    return user === undefined ? undefined : { id: user.id, username: user.username, name: user.name };
  }

  firstUser(): User {
    const first = this.#users[0];
    if (first === undefined) throw new Error('the server has no users');
    return this.findUser(first.id) ?? { id: first.id, username: first.username, name: first.name };
  }

  createSession(userId: string): LoginSession {
    const session: LoginSession = { id: randomToken(), userId };
    this.#sessions.set(session.id, session);
    return session;
  }

  findSession(id: string): LoginSession | undefined {
    return this.#sessions.get(id);
  }

  savePending(request: Omit<PendingAuthorization, 'id'>): PendingAuthorization {
    const pending: PendingAuthorization = { ...request, id: randomToken() };
    this.#pending.set(pending.id, pending);
    return pending;
  }

  /** Finds and forgets: a consent decision is made once. */
  takePending(id: string): PendingAuthorization | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    return pending;
  }

  saveCode(grant: Omit<AuthorizationCode, 'code' | 'familyIds'>): AuthorizationCode {
    const code: AuthorizationCode = { ...grant, code: this.credential(), familyIds: [] };
    this.#codes.set(code.code, code);
    return code;
  }

  findCode(code: string): AuthorizationCode | undefined {
    return this.#codes.get(code);
  }

  /** A family is every token descending from one code exchange; revoking it kills all of them at once. */
  createFamily(): string {
    return randomToken();
  }

  revokeFamily(familyId: string): void {
    this.#revokedFamilies.add(familyId);
  }

  isFamilyRevoked(familyId: string): boolean {
    return this.#revokedFamilies.has(familyId);
  }

  saveAccessToken(record: Omit<AccessTokenRecord, 'revoked'>): AccessTokenRecord {
    const saved: AccessTokenRecord = { ...record, revoked: false };
    this.#accessTokens.set(saved.jti, saved);
    return saved;
  }

  findAccessToken(jti: string): AccessTokenRecord | undefined {
    return this.#accessTokens.get(jti);
  }

  saveRefreshToken(token: Omit<RefreshToken, 'token' | 'supersededAtMs' | 'revoked'>): RefreshToken {
    const record: RefreshToken = { ...token, token: this.credential(), supersededAtMs: undefined, revoked: false };
    this.#refreshTokens.set(record.token, record);
    return record;
  }

  findRefreshToken(token: string): RefreshToken | undefined {
    return this.#refreshTokens.get(token);
  }

  registerClient(client: ClientRecord): void {
    this.#registeredClients.set(client.clientId, client);
  }

  findRegisteredClient(clientId: string): ClientRecord | undefined {
    return this.#registeredClients.get(clientId);
  }

  /** Records an assertion id; false when it was seen before and has not yet expired (a replay). */
  rememberAssertionId(key: string, expiresAtMs: number, nowMs: number): boolean {
    for (const [id, until] of this.#assertionIds) if (until <= nowMs) this.#assertionIds.delete(id);
    if (this.#assertionIds.has(key)) return false;
    this.#assertionIds.set(key, expiresAtMs);
    return true;
  }
}
