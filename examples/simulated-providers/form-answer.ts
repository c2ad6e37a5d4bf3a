import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';

function isExpressResponse(value: unknown): value is Response {
  return typeof value === 'object' && value !== null && 'json' in value && 'type' in value && 'send' in value;
}

/** Flat fields only, as a form-encoding provider sends them; nested values would not survive anyway. */
function formEncode(body: unknown): string {
  const fields = new URLSearchParams();
  if (typeof body === 'object' && body !== null) {
    for (const [name, value] of Object.entries(body)) {
      if (value === undefined || value === null || typeof value === 'object') continue;
      fields.append(name, String(value));
    }
  }
  return fields.toString();
}

/**
 * oauth2-mock-server always answers /token with `res.json(body)`, and its beforeResponse hook can change the body
 * and status but not the media type. Replacing `json` on this one response (Express hangs it on `req.res`) makes
 * the same call send application/x-www-form-urlencoded, as GitHub does for clients that do not ask for JSON.
 */
export function answerFormEncoded(req: IncomingMessage): void {
  const res: unknown = Reflect.get(req, 'res');
  if (!isExpressResponse(res)) throw new Error('oauth2-mock-server no longer exposes the Express response on the request');
  res.json = (body: unknown) => res.type('application/x-www-form-urlencoded').send(formEncode(body));
}
