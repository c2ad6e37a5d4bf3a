/** The MCP server's own scopes; `offline_access` is the AS's business (refresh tokens), never the resource's. */
export const NOTES_READ = 'notes:read';
export const NOTES_WRITE = 'notes:write';
export const NOTES_ADMIN = 'notes:admin';
export const OFFLINE_ACCESS = 'offline_access';

export const RESOURCE_SCOPES = [NOTES_READ, NOTES_WRITE, NOTES_ADMIN] as const;
/** What an authorization request without scope is granted, and what a challenge asks for. */
export const DEFAULT_SCOPES = [NOTES_READ, NOTES_WRITE] as const;

export const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [NOTES_READ]: 'See your notes and who you are',
  [NOTES_WRITE]: 'Add notes',
  [NOTES_ADMIN]: 'Delete all your notes',
  [OFFLINE_ACCESS]: 'Stay connected when you are away (refresh tokens)',
};

/** RFC 6749 §3.3: a space-delimited, order-independent set. */
export function parseScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter((part) => part !== ''))];
}

export function formatScope(scopes: readonly string[]): string {
  return scopes.join(' ');
}

export function isSubset(requested: readonly string[], allowed: readonly string[]): boolean {
  return requested.every((scope) => allowed.includes(scope));
}
