import type { HostSession } from '../session.ts';
import { requestTokens, type GrantResult } from '../token-grants.ts';

type ProbeFields = Parameters<typeof requestTokens>[1];
type ProbeVariation = Parameters<typeof requestTokens>[2];

/**
 * A token request a probe makes on purpose (a replayed code, a wrong secret, an old refresh token). Its answer gets
 * the same §3 checks as the host's own grants: a refusal that is not RFC 6749 JSON (TOKEN_ERROR_NOT_RFC6749) is
 * usually only ever seen here, since the host's own requests succeed. Unlike hostGrant, it is not a lifecycle event.
 */
export async function probeGrant(session: HostSession, fields: ProbeFields, variation: ProbeVariation = {}): Promise<GrantResult> {
  const result = await requestTokens(session, fields, variation);
  session.findings.addAll(result.drafts);
  return result;
}
