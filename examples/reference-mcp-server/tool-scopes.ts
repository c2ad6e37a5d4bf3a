import type { Response } from 'express';
import { insufficientScopeChallenge } from './challenges.ts';
import type { ServerContext } from './context.ts';
import type { InspectedMessage } from './jsonrpc.ts';
import { NOTES_ADMIN, NOTES_READ, NOTES_WRITE } from './scopes.ts';

export const TOOL_NAMES = ['whoami', 'list_notes', 'search_notes', 'add_note', 'purge_notes'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** The scope each tool needs. notes:admin is never in the default grant: hosts get it only by asking. */
export const TOOL_SCOPES: Readonly<Record<ToolName, readonly string[]>> = {
  whoami: [NOTES_READ],
  list_notes: [NOTES_READ],
  search_notes: [NOTES_READ],
  add_note: [NOTES_WRITE],
  purge_notes: [NOTES_ADMIN],
};

const isToolName = (name: string | undefined): name is ToolName => name !== undefined && (TOOL_NAMES as readonly string[]).includes(name);

/** The scopes the tools/call messages of a body need and the token lacks. */
export function missingScopes(messages: readonly InspectedMessage[], held: readonly string[]): string[] {
  const needed = messages.flatMap((message) => (isToolName(message.toolName) ? TOOL_SCOPES[message.toolName] : []));
  return [...new Set(needed.filter((scope) => !held.includes(scope)))];
}

/**
 * HTTP 403 insufficient_scope before the transport sees the call: the SDK would answer a refused tool with 200, and
 * Claude starts step-up authorization only on a 403 carrying error="insufficient_scope" (MCP 2025-11-25 §10.1).
 */
export function refuseInsufficientScope(ctx: ServerContext, res: Response, held: readonly string[], missing: readonly string[]): void {
  const description = `This tool needs the ${missing.join(' ')} scope`;
  const body = { error: 'insufficient_scope', error_description: description };
  if (ctx.has('scope-403-without-challenge')) {
    res.status(403).json(body);
    return;
  }
  res
    .status(ctx.has('scope-401') ? 401 : 403)
    .set('WWW-Authenticate', insufficientScopeChallenge(ctx, held, missing, description))
    .json(body);
}
