/** RFC 6749 §3.3: a scope is a space-delimited, order-independent set of tokens. */
export function parseScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter((part) => part !== ''))];
}

export function formatScope(scopes: readonly string[]): string {
  return scopes.join(' ');
}

export function isSubset(requested: readonly string[], allowed: readonly string[]): boolean {
  return requested.every((scope) => allowed.includes(scope));
}

/** The API's own scopes; anything else a deployment configures is shown to users as-is. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'todos:read': 'See your todos and profile',
  'todos:write': 'Add and delete your todos',
};
