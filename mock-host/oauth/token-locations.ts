/** The four RFC 6749 §5.1 fields the host needs, whatever name or nesting a server gives them. */
export type TokenRole = 'access_token' | 'refresh_token' | 'expires_in' | 'token_type';

export interface TokenLocation {
  role: TokenRole;
  /** Dotted path from the top of the body (`authed_user.access_token`, `data["access token"]`, `items[0].token`). */
  path: string;
  /** Exactly the RFC 6749 name at the top level: the only place the host reads. */
  standard: boolean;
}

// Keys are compared without case, `_`, `-` or spaces, so accessToken, access-token and AccessToken all match.
const ROLE_BY_KEY: Record<string, TokenRole> = {
  accesstoken: 'access_token',
  token: 'access_token',
  authtoken: 'access_token',
  oauthtoken: 'access_token',
  bearertoken: 'access_token',
  refreshtoken: 'refresh_token',
  expiresin: 'expires_in',
  expires: 'expires_in',
  expiry: 'expires_in',
  expiresinseconds: 'expires_in',
  expiresat: 'expires_in',
  expiration: 'expires_in',
  tokentype: 'token_type',
};

const MAX_DEPTH = 32;

export function roleOfKey(key: string): TokenRole | undefined {
  return ROLE_BY_KEY[key.toLowerCase().replace(/[^a-z0-9]/g, '')];
}

function fitsRole(role: TokenRole, value: unknown): boolean {
  if (role === 'expires_in') return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '');
  return typeof value === 'string' && value.trim() !== '';
}

function formatPath(segments: readonly (string | number)[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`))
    .join('');
}

/** Calls `visit` for every key/value pair of a JSON value, depth first, with its path. */
export function walkJson(value: unknown, visit: (key: string, value: unknown, path: readonly (string | number)[]) => void, path: (string | number)[] = []): void {
  if (path.length > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walkJson(item, visit, [...path, i]));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    visit(key, child, [...path, key]);
    walkJson(child, visit, [...path, key]);
  }
}

/** Every place in the body that holds one of the four fields, standard or not. */
export function locateTokenFields(value: unknown): TokenLocation[] {
  const found: TokenLocation[] = [];
  walkJson(value, (key, child, path) => {
    const role = roleOfKey(key);
    if (role && fitsRole(role, child)) found.push({ role, path: formatPath(path), standard: path.length === 1 && key === role });
  });
  return found;
}
