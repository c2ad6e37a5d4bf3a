import { randomToken, safeEqual } from './secrets.ts';

/**
 * All state of one plugin instance, in memory. The store records facts; the rules about them (expiry, grace
 * windows, what a fault changes) live in the routes and grants, so the faults never have to reach in here.
 */

export interface User {
  readonly id: string;
  readonly username: string;
}

export interface Session {
  readonly id: string;
  readonly userId: string;
}

export interface PkceChallenge {
  readonly challenge: string;
  readonly method: 'S256' | 'plain';
}

/** An authorization request the user has not yet allowed or denied (the consent page is showing). */
export interface PendingAuthorization {
  readonly id: string;
  readonly sessionId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: readonly string[];
  readonly state: string | undefined;
  readonly pkce: PkceChallenge | undefined;
  readonly expiresAtMs: number;
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

export interface AccessToken {
  readonly token: string;
  readonly clientId: string;
  readonly userId: string;
  readonly scope: readonly string[];
  readonly familyId: string;
  readonly expiresAtMs: number;
  readonly viaRefresh: boolean;
}

export interface RefreshToken {
  readonly token: string;
  readonly clientId: string;
  readonly userId: string;
  readonly scope: readonly string[];
  readonly familyId: string;
  /** When a newer refresh token replaced this one (the start of its grace window). */
  supersededAtMs: number | undefined;
  revoked: boolean;
}

export interface Todo {
  readonly id: string;
  readonly text: string;
}

interface UserRecord extends User {
  readonly password: string;
}

export class ReferenceStore {
  readonly #users = new Map<string, UserRecord>();
  readonly #sessions = new Map<string, Session>();
  readonly #pending = new Map<string, PendingAuthorization>();
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #accessTokens = new Map<string, AccessToken>();
  readonly #refreshTokens = new Map<string, RefreshToken>();
  readonly #revokedFamilies = new Set<string>();
  readonly #todos = new Map<string, Todo[]>();
  #nextTodoId = 1;

  /**
   * `credentialPrefix` starts every code and token this store issues, so a test can scan reports for them
   * without knowing the random values (see tests/e2e/failing-plugin-run.spec.ts).
   */
  constructor(private readonly credentialPrefix = '') {}

  #credential(): string {
    return `${this.credentialPrefix}${randomToken()}`;
  }

  addUser(username: string, password: string): User {
    if (this.#users.has(username)) throw new Error(`user ${username} already exists`);
    const user: UserRecord = { id: `user-${this.#users.size + 1}`, username, password };
    this.#users.set(username, user);
    return { id: user.id, username };
  }

  /** Checks the password even for unknown users, so the answer time does not reveal which usernames exist. */
  authenticate(username: string, password: string): User | undefined {
    const user = this.#users.get(username);
    const passwordMatches = safeEqual(password, user?.password ?? randomToken());
    return user && passwordMatches ? { id: user.id, username: user.username } : undefined;
  }

  findUserById(id: string): User | undefined {
    for (const user of this.#users.values()) if (user.id === id) return { id: user.id, username: user.username };
    return undefined;
  }

  createSession(userId: string): Session {
    const session: Session = { id: randomToken(), userId };
    this.#sessions.set(session.id, session);
    return session;
  }

  findSession(id: string): Session | undefined {
    return this.#sessions.get(id);
  }

  savePendingAuthorization(request: Omit<PendingAuthorization, 'id'>): PendingAuthorization {
    const pending: PendingAuthorization = { ...request, id: randomToken() };
    this.#pending.set(pending.id, pending);
    return pending;
  }

  findPendingAuthorization(id: string): PendingAuthorization | undefined {
    return this.#pending.get(id);
  }

  deletePendingAuthorization(id: string): void {
    this.#pending.delete(id);
  }

  /** `onePerUser`: the user's earlier unused codes for this client die (servers that keep one code slot per user). */
  saveCode(grant: Omit<AuthorizationCode, 'code' | 'familyIds'>, onePerUser = false): AuthorizationCode {
    if (onePerUser) {
      for (const [value, earlier] of this.#codes) if (earlier.userId === grant.userId && earlier.clientId === grant.clientId && earlier.familyIds.length === 0) this.#codes.delete(value);
    }
    const code: AuthorizationCode = { ...grant, code: this.#credential(), familyIds: [] };
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

  saveAccessToken(token: Omit<AccessToken, 'token'>): AccessToken {
    const record: AccessToken = { ...token, token: this.#credential() };
    this.#accessTokens.set(record.token, record);
    return record;
  }

  findAccessToken(token: string): AccessToken | undefined {
    return this.#accessTokens.get(token);
  }

  saveRefreshToken(token: Omit<RefreshToken, 'token' | 'supersededAtMs' | 'revoked'>): RefreshToken {
    const record: RefreshToken = { ...token, token: this.#credential(), supersededAtMs: undefined, revoked: false };
    this.#refreshTokens.set(record.token, record);
    return record;
  }

  findRefreshToken(token: string): RefreshToken | undefined {
    return this.#refreshTokens.get(token);
  }

  listTodos(userId: string): readonly Todo[] {
    return [...(this.#todos.get(userId) ?? [])];
  }

  addTodo(userId: string, text: string): Todo {
    const todo: Todo = { id: `todo-${this.#nextTodoId++}`, text };
    this.#todos.set(userId, [...(this.#todos.get(userId) ?? []), todo]);
    return todo;
  }

  /** Returns false when the user has no todo with that id (another user's todo included). */
  deleteTodo(userId: string, todoId: string): boolean {
    const todos = this.#todos.get(userId) ?? [];
    const remaining = todos.filter((todo) => todo.id !== todoId);
    this.#todos.set(userId, remaining);
    return remaining.length !== todos.length;
  }
}
