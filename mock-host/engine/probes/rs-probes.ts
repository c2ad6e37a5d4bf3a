import { checkOriginValidated } from '../../checks/resource-server/origin-validated.ts';
import { checkScopeChallenge } from '../../checks/resource-server/scope-challenge.ts';
import { checkForeignTokenRefused, checkQueryTokenRefused } from '../../checks/resource-server/token-validation.ts';
import { sendInitialize } from '../../mcp/raw-initialize.ts';
import type { McpHostTraits } from '../../profiles/host-profile.ts';
import type { Credentials } from '../../model/credentials.ts';
import type { ApiOperation } from '../../model/target.ts';
import { probeCall } from '../probe-tokens.ts';
import type { HostSession } from '../session.ts';
import { FOREIGN_ISSUER, foreignSignedToken, scopeClaimOf } from './foreign-token.ts';

/** The Origin of a page on another site (DNS rebinding), as MCP's transport rules name it. */
export const FOREIGN_ORIGIN = 'https://evil.example';

/** The MCP host's traits and its tokens; the probes below are about MCP servers and need an install. */
function prerequisites(session: HostSession): { traits: McpHostTraits; credentials: Credentials } {
  const traits = session.profile.mcp;
  if (!traits) return session.abort(`this probe is about MCP servers; ${session.profile.displayName} speaks to legacy plugins`, 'skipped');
  if (session.requireTarget().auth.type !== 'oauth') return session.abort('the MCP server lets the host in without a token: nothing to probe', 'skipped');
  const credentials = session.credentials;
  if (!credentials) return session.abort('no credentials: install first', 'inconclusive');
  return { traits, credentials };
}

const statusOf = (o: { response?: { status: number }; error?: { kind: string } }) => String(o.response?.status ?? o.error?.kind ?? 'no answer');

/**
 * RS_ACCEPTS_FOREIGN_TOKEN and RS_TOKEN_IN_QUERY_ACCEPTED: an `initialize` with a JWT the harness signed (foreign
 * key and issuer, the real token's audience and claims), and one with the valid token in `?access_token=` and no
 * Authorization header. Both must be refused.
 */
export async function probeRsTokenValidation(session: HostSession): Promise<string> {
  const { traits, credentials } = prerequisites(session);
  const target = session.requireTarget();
  const resource = target.mcp?.resource ?? target.origin;
  const foreign = await foreignSignedToken(credentials.accessToken, resource);
  session.secrets.add(foreign, 'access_token');
  const forged = await sendInitialize(session, traits.wire, { authorization: `Bearer ${foreign}`, label: 'probe: MCP initialize with a JWT signed by a foreign key and issuer' });
  session.findings.run(checkForeignTokenRefused, { outcome: forged.outcome, foreignIssuer: FOREIGN_ISSUER, curl: forged.curl });
  const url = new URL(target.origin);
  url.searchParams.set('access_token', credentials.accessToken);
  const inQuery = await sendInitialize(session, traits.wire, { url: url.toString(), label: 'probe: MCP initialize with the token in ?access_token= and no Authorization header' });
  session.findings.run(checkQueryTokenRefused, { outcome: inQuery.outcome, curl: inQuery.curl });
  return `foreign-signed JWT got ${statusOf(forged.outcome)}; token in the query got ${statusOf(inQuery.outcome)}`;
}

/** MCP_ORIGIN_NOT_VALIDATED: an `initialize` with the valid token and the Origin of a foreign web page. */
export async function probeRsOrigin(session: HostSession): Promise<string> {
  const { traits, credentials } = prerequisites(session);
  const sent = await sendInitialize(session, traits.wire, { authorization: `Bearer ${credentials.accessToken}`, headers: { origin: FOREIGN_ORIGIN }, label: `probe: MCP initialize with a valid token and Origin: ${FOREIGN_ORIGIN}` });
  session.findings.run(checkOriginValidated, { outcome: sent.outcome, origin: FOREIGN_ORIGIN, curl: sent.curl });
  return `Origin ${FOREIGN_ORIGIN} got ${statusOf(sent.outcome)}`;
}

/** Read-only tools first, then those annotated non-destructive, then the rest (MCP presumes those destructive). */
const harmlessness = (op: ApiOperation) => (op.readOnly ? 2 : op.nonDestructive ? 1 : 0);

/**
 * RS_SCOPE_CHALLENGE_INVALID: a tool whose oauth2 security scheme names a scope the host's token lacks, called with
 * that token, the least harmful first. The token lacks the scope, so a conformant server runs none of them; a server
 * that does not enforce the scope runs the tool (a test account's data only).
 */
export async function probeRsScopeStepUp(session: HostSession): Promise<string> {
  const { traits, credentials } = prerequisites(session);
  const granted = credentials.scope ?? scopeClaimOf(credentials.accessToken);
  if (granted === undefined) return session.abort('the token response names no scope and the token is not a JWT with one: the harness cannot tell what the token lacks', 'skipped');
  const held = new Set(granted.split(' ').filter(Boolean));
  const tools = await session.profile.flow.call.operations(session);
  const candidates = tools
    .filter((op) => !op.needsInput && (op.scopes ?? []).some((scope) => !held.has(scope)))
    .sort((a, b) => harmlessness(b) - harmlessness(a));
  const op = candidates[0];
  if (!op) return session.abort(`no tool without input declares (in its securitySchemes) a scope the token lacks (granted: ${granted || 'none'}); the step-up answer cannot be probed`, 'skipped');
  const missing = (op.scopes ?? []).filter((scope) => !held.has(scope));
  const call = await probeCall(session, op, `Bearer ${credentials.accessToken}`, `probe ${op.operationId} with a token lacking ${missing.join(' ')}`);
  session.findings.run(checkScopeChallenge, { outcome: call.outcome, tool: op.operationId, missing, traits: traits.scopeStepUp, curl: call.curl });
  return `${op.operationId} without ${missing.join(' ')} got ${statusOf(call.outcome)}`;
}
