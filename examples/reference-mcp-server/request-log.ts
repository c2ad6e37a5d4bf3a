import type { Request, RequestHandler } from 'express';
import type { ServerClock } from './clock.ts';
import { FORM_TYPE, JSON_TYPE, mediaTypeOf, parseForm, readBody, type MultiValueMap } from './request-body.ts';

/** The part of a body the log keeps; the route still sees all of it (up to MAX_BODY_BYTES). */
export const LOGGED_BODY_BYTES = 64 * 1024;

/**
 * One request as the server received it, before any handling. Test instrumentation of a fake server: values are
 * raw (tokens, secrets, verifiers included), so a harness can check exactly what each host sent.
 */
export interface RequestLogEntry {
  /** 1, 2, 3… in arrival order. */
  readonly seq: number;
  /** Server-clock milliseconds at arrival. */
  readonly at: number;
  readonly method: string;
  /** Path without the query. */
  readonly path: string;
  readonly query: MultiValueMap;
  /** Lower-cased names; a header sent twice is joined with ", " (cookies with "; "). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text, at most LOGGED_BODY_BYTES. */
  readonly body: string;
  readonly bodyTruncated: boolean;
  /** Parsed when the Content-Type is application/x-www-form-urlencoded. */
  readonly form?: MultiValueMap;
  /** Parsed when the Content-Type is application/json (or +json) and the body is valid JSON. */
  readonly json?: unknown;
  /** The HTTP status the server answered with; absent until the answer is written. */
  status?: number;
}

export class RequestLog {
  readonly #entries: RequestLogEntry[] = [];
  #nextSeq = 1;

  /** Every entry so far, oldest first. */
  entries(): RequestLogEntry[] {
    return [...this.#entries];
  }

  /** Entries for one path (exact, without query), optionally one method. */
  byPath(path: string, method?: string): RequestLogEntry[] {
    const wanted = method?.toUpperCase();
    return this.#entries.filter((entry) => entry.path === path && (wanted === undefined || entry.method === wanted));
  }

  /** The latest entry for a path, if any. */
  last(path?: string): RequestLogEntry | undefined {
    const matching = path === undefined ? this.#entries : this.byPath(path);
    return matching.at(-1);
  }

  /** MCP POSTs whose JSON-RPC method (or one in a batch) is `method`, e.g. 'tools/call'. */
  mcpCalls(method: string, path = '/mcp'): RequestLogEntry[] {
    return this.byPath(path, 'POST').filter((entry) => jsonRpcMethods(entry.json).includes(method));
  }

  clear(): void {
    this.#entries.length = 0;
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Used by the middleware only. */
  nextSeq(): number {
    return this.#nextSeq++;
  }

  add(entry: RequestLogEntry): void {
    this.#entries.push(entry);
  }
}

export function jsonRpcMethods(json: unknown): string[] {
  const messages = Array.isArray(json) ? json : [json];
  return messages.flatMap((message) =>
    typeof message === 'object' && message !== null && 'method' in message && typeof message.method === 'string' ? [message.method] : [],
  );
}

function headersOf(req: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = (raw[index] ?? '').toLowerCase();
    const value = raw[index + 1] ?? '';
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}${name === 'cookie' ? '; ' : ', '}${value}`;
  }
  return headers;
}

function queryOf(url: URL): MultiValueMap {
  const query: MultiValueMap = {};
  for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
  return query;
}

/** Control routes are the harness talking to the fake, not traffic to it: they stay out of the log. */
const UNLOGGED_PREFIX = '/__reference/';

/**
 * First middleware of the app: reads the body (routes parse it from request-body.ts), records the request, and
 * fills in the status once the answer is written. A body over the cap is answered 413 here.
 */
export function recordRequests(log: RequestLog, clock: ServerClock): RequestHandler {
  return async (req, res, next) => {
    const url = new URL(req.originalUrl, 'http://request.invalid');
    const logged = !url.pathname.startsWith(UNLOGGED_PREFIX);
    const seq = logged ? log.nextSeq() : 0;
    const at = clock.now();
    const { bytes, tooLarge } = await readBody(req);
    if (logged) {
      const text = bytes.subarray(0, LOGGED_BODY_BYTES).toString('utf8');
      const mediaType = mediaTypeOf(req);
      const entry: RequestLogEntry = {
        seq,
        at,
        method: req.method,
        path: url.pathname,
        query: queryOf(url),
        headers: headersOf(req),
        body: text,
        bodyTruncated: tooLarge || bytes.length > LOGGED_BODY_BYTES,
        ...(mediaType === FORM_TYPE ? { form: parseForm(bytes.toString('utf8')) } : {}),
        ...(mediaType === JSON_TYPE || mediaType.endsWith('+json') ? parsedJson(bytes) : {}),
      };
      log.add(entry);
      // 'close' covers SSE streams the client drops, which never 'finish'.
      const settle = () => {
        if (res.headersSent) entry.status = res.statusCode;
      };
      res.on('finish', settle);
      res.on('close', settle);
    }
    if (tooLarge) {
      res.status(413).json({ error: 'invalid_request', error_description: 'The request body is too large' });
      return;
    }
    next();
  };
}

function parsedJson(bytes: Buffer): { json?: unknown } {
  try {
    return { json: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    return {};
  }
}
