import { z } from 'zod';
import type { HttpOutcome } from '../recorder/exchange.ts';
import type { Recorder } from '../recorder/recorder.ts';
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

/** POSTs the host's registration body (JSON, RFC 7591 §3.1) to the registration endpoint and reads the answer. */
export async function registerClient(recorder: Recorder, args: { endpoint: string; body: Record<string, unknown>; userAgent: string; timeoutMs: number; maxBodyBytes: number }): Promise<RegistrationAnswer> {
  const outcome = await recorder.send({
    method: 'POST',
    url: args.endpoint,
    headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': args.userAgent },
    body: JSON.stringify(args.body),
    phase: 'install',
    label: 'register a client (RFC 7591)',
    timeoutMs: args.timeoutMs,
    maxBodyBytes: args.maxBodyBytes,
  });
  const res = outcome.response;
  if (!res) return { outcome };
  const contentType = mediaTypeOf(contentTypeOf(res.headers)) || undefined;
  const parsed = parseJsonText(res.body);
  const json = parsed.ok && parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as Record<string, unknown>) : undefined;
  const answer = json ? registrationAnswerSchema.safeParse(json) : undefined;
  // Stryker disable next-line all: equivalent, recording the answer already registered every client_secret string of a JSON body under this kind
  if (answer?.success && answer.data.client_secret) recorder.secrets.add(answer.data.client_secret, 'client_secret');
  const client = answer?.success
    ? {
        clientId: answer.data.client_id,
        ...(answer.data.client_secret ? { clientSecret: answer.data.client_secret } : {}),
        ...(answer.data.token_endpoint_auth_method ? { authMethod: answer.data.token_endpoint_auth_method } : {}),
      }
    : undefined;
  return { outcome, status: res.status, ...(contentType ? { contentType } : {}), ...(json ? { json } : {}), ...(client ? { client } : {}) };
}
