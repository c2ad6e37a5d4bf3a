import type { Request } from 'express';

/**
 * The raw body of every request, read once by the request log before any route runs. Routes parse it from here
 * rather than through express.json()/urlencoded(): the stream is already consumed, and one reader means the log
 * and the route always see the same bytes.
 */

/** Larger bodies are refused with 413: nothing this server accepts comes close. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ReadBody {
  readonly bytes: Buffer;
  readonly tooLarge: boolean;
}

const bodies = new WeakMap<Request, ReadBody>();

export async function readBody(req: Request): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buffer.length;
    // Keep reading past the cap (and drop the rest) so the client gets the 413 instead of a stalled upload.
    if (total <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  const body: ReadBody = { bytes: Buffer.concat(chunks), tooLarge: total > MAX_BODY_BYTES };
  bodies.set(req, body);
  return body;
}

export function rawBodyOf(req: Request): Buffer {
  return bodies.get(req)?.bytes ?? Buffer.alloc(0);
}

export function bodyText(req: Request): string {
  return rawBodyOf(req).toString('utf8');
}

/** Media type without parameters, lower case; '' when absent. */
export function mediaTypeOf(req: Request): string {
  return (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export const FORM_TYPE = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** name → every value, in order: repeated parameters stay visible (RFC 6749 §3.1 forbids them). */
export type MultiValueMap = Record<string, string[]>;

export function parseForm(text: string): MultiValueMap {
  const form: MultiValueMap = {};
  for (const [name, value] of new URLSearchParams(text)) (form[name] ??= []).push(value);
  return form;
}

export function formOf(req: Request): MultiValueMap | undefined {
  return mediaTypeOf(req) === FORM_TYPE ? parseForm(bodyText(req)) : undefined;
}

export type JsonBody = { ok: true; value: unknown } | { ok: false };

export function jsonOf(req: Request): JsonBody {
  try {
    return { ok: true, value: JSON.parse(bodyText(req)) as unknown };
  } catch {
    return { ok: false };
  }
}
