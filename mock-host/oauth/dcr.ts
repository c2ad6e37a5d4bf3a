import { z } from 'zod';
import type { HttpOutcome, OutboundRequest } from '../recorder/exchange.ts';
import type { Recorder } from '../recorder/recorder.ts';
import type { KeptRegistrations } from './kept-registrations.ts';
import { contentTypeOf, mediaTypeOf } from '../text/media-type.ts';
import { parseJsonText } from '../text/structured-text.ts';

/** RFC 7591 §3.2.1: the members of a registration answer the host reads. */
const registrationAnswerSchema = z.looseObject({
  client_id: z.string().min(1),
  client_secret: z.string().min(1).optional(),
  token_endpoint_auth_method: z.string().optional(),
  redirect_uris: z.array(z.string()).optional(),
});

export interface RegistrationAnswer {
  outcome: HttpOutcome;
  status?: number;
  contentType?: string;
  /** The body as a JSON object, when it is one. */
  json?: Record<string, unknown>;
  /** The client the host may use, when the answer names one. */
  client?: { clientId: string; clientSecret?: string; authMethod?: string };
}

/** Who shares a registration: the run's kept clients, and the host they were registered for. */
export interface RegistrationSharing {
  kept: KeptRegistrations;
  host: string;
}

/**
 * POSTs the host's registration body (JSON, RFC 7591 §3.1) to the registration endpoint and reads the answer. With
 * `sharing`, a client this host registered with the same body earlier in the run is used again (recorded here as the
 * run's registration) instead of registering another.
 */
export async function registerClient(
  recorder: Recorder,
  args: { endpoint: string; body: Record<string, unknown>; userAgent: string; timeoutMs: number; maxBodyBytes: number; sharing?: RegistrationSharing },
): Promise<RegistrationAnswer> {
  const body = JSON.stringify(args.body);
  const request: OutboundRequest = {
    method: 'POST',
    url: args.endpoint,
    headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': args.userAgent },
    body,
    phase: 'install',
    label: 'register a client (RFC 7591)',
    timeoutMs: args.timeoutMs,
    maxBodyBytes: args.maxBodyBytes,
  };
  const shared = args.sharing?.kept.answerFor({ host: args.sharing.host, endpoint: args.endpoint, body }, (outcome) => issuesClient(readRegistrationAnswer(outcome)));
  const answer = readRegistrationAnswer(await recorder.send(request, shared));
  if (answer.client?.clientSecret) recorder.secrets.add(answer.client.clientSecret, 'client_secret');
  return answer;
}

/** A 2xx that names a client: the host has a client it can keep. */
export function issuesClient(answer: RegistrationAnswer): boolean {
  return answer.status !== undefined && answer.status >= 200 && answer.status < 300 && !!answer.client;
}

/** What a registration answer says, read the way the host reads it. */
export function readRegistrationAnswer(outcome: HttpOutcome): RegistrationAnswer {
  const res = outcome.response;
  if (!res) return { outcome };
  const contentType = mediaTypeOf(contentTypeOf(res.headers)) || undefined;
  const parsed = parseJsonText(res.body);
  const json = parsed.ok && parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as Record<string, unknown>) : undefined;
  const answer = json ? registrationAnswerSchema.safeParse(json) : undefined;
  const client = answer?.success
    ? {
        clientId: answer.data.client_id,
        ...(answer.data.client_secret ? { clientSecret: answer.data.client_secret } : {}),
        ...(answer.data.token_endpoint_auth_method ? { authMethod: answer.data.token_endpoint_auth_method } : {}),
      }
    : undefined;
  return { outcome, status: res.status, ...(contentType ? { contentType } : {}), ...(json ? { json } : {}), ...(client ? { client } : {}) };
}
