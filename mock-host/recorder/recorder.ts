import type { HttpOutcome, HttpResponse, OutboundRequest, Phase, RecordedExchange } from './exchange.ts';
import { redactBody, redactHeaders, redactUrl } from './redact.ts';
import type { SecretRegistry } from './secrets.ts';
import { toCurl } from './curl.ts';
import { contentTypeOf } from '../text/media-type.ts';
import type { ResponseCache } from './response-cache.ts';

/** An answer the run may already hold for a request: `fresh` when `send` went out now; copies are labelled with `copyNote`. */
export interface SharedAnswer {
  answer(send: () => Promise<HttpOutcome>): { outcome: Promise<HttpOutcome>; fresh: boolean };
  copyNote: string;
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:']);
// Reports keep at most this much of a body; the engine still gets the whole (capped) body.
const REPORTED_BODY_CHARS = 20_000;

/**
 * The one way the host talks to a target. Every request gets a timeout and a body cap, never follows redirects
 * on its own (callers decide, so cross-origin hops are seen), and is recorded redacted as evidence.
 */
export class Recorder {
  readonly #exchanges: RecordedExchange[] = [];
  readonly #listeners = new Set<(exchangeId: string) => void>();
  #next = 1;

  constructor(
    readonly secrets: SecretRegistry,
    private readonly idPrefix = 'x',
    /** Answers shared by the sessions of one run against one target (cacheable requests only). */
    private readonly cache?: ResponseCache,
  ) {}

  /**
   * Sends `request` and records it. `shared`: an answer this run may already hold for it (a client the host keeps),
   * recorded in this session as the run's copy; without it, cacheable requests use the run's document cache.
   */
  async send(request: OutboundRequest, shared?: SharedAnswer): Promise<HttpOutcome> {
    const exchangeId = `${this.idPrefix}${this.#next++}`;
    const startedAt = new Date();
    const started = performance.now();
    const cache = this.cache;
    const run = shared ?? (request.cacheable && cache ? { answer: (send: () => Promise<HttpOutcome>) => cache.answer(request, send), copyNote: " (the run's copy: fetched once per run)" } : undefined);
    if (run) {
      const { outcome: answer, fresh } = run.answer(() => this.#send({ ...request, label: request.label }, exchangeId));
      const answered = { ...(await answer), exchangeId, request };
      this.#record(answered, startedAt, fresh ? performance.now() - started : 0, fresh ? undefined : run.copyNote);
      return answered;
    }
    const outcome = await this.#send(request, exchangeId);
    this.#record(outcome, startedAt, performance.now() - started);
    return outcome;
  }

  async #send(request: OutboundRequest, exchangeId: string): Promise<HttpOutcome> {
    let outcome: HttpOutcome;
    const url = parseUrl(request.url);
    if (!url) outcome = { exchangeId, request, error: { kind: 'invalid-url', message: `not a URL: ${request.url}` } };
    else if (!ALLOWED_SCHEMES.has(url.protocol))
      outcome = { exchangeId, request, error: { kind: 'blocked-scheme', message: `refused to fetch a ${url.protocol} URL` } };
    else outcome = await this.#fetch(exchangeId, request);
    return outcome;
  }

  async #fetch(exchangeId: string, request: OutboundRequest): Promise<HttpOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs);
    const started = performance.now();
    try {
      const res = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: controller.signal,
      });
      const { text, truncated, bytes } = await readCapped(res, request.maxBodyBytes);
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => (headers[name] = value));
      const response: HttpResponse = { status: res.status, headers, body: text, truncated, bytes, durationMs: performance.now() - started };
      return { exchangeId, request, response };
    } catch (err) {
      if (controller.signal.aborted) {
        return { exchangeId, request, error: { kind: 'timeout', message: `no complete answer within ${request.timeoutMs} ms` } };
      }
      return { exchangeId, request, error: { kind: 'network', message: describeNetworkError(err) } };
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  #record(outcome: HttpOutcome, startedAt: Date, durationMs: number, labelNote?: string): void {
    const { request, response, error } = outcome;
    const s = this.secrets;
    // Redact the request first: it registers the secrets the response may echo.
    const reqHeaders = redactHeaders(request.headers ?? {}, s);
    const reqBody = request.body === undefined ? undefined : redactBody(request.body, contentTypeOf(request.headers), s);
    const exchange: RecordedExchange = {
      id: outcome.exchangeId,
      phase: request.phase,
      label: labelNote ? `${request.label}${labelNote}` : request.label,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(durationMs),
      request: { method: request.method, url: redactUrl(request.url, s), headers: reqHeaders, ...(reqBody === undefined ? {} : { body: reqBody }) },
      curl: toCurl(request, s),
    };
    if (response) {
      const location = response.headers.location;
      if (location) redactUrl(location, s);
      exchange.response = {
        status: response.status,
        headers: redactHeaders(response.headers, s),
        body: clip(redactBody(response.body, response.headers['content-type'], s)),
        truncated: response.truncated,
        bytes: response.bytes,
      };
    }
    if (error) exchange.error = { kind: error.kind, message: s.redact(error.message) };
    this.#push(exchange);
  }

  #push(exchange: RecordedExchange): void {
    this.#exchanges.push(exchange);
    for (const listener of this.#listeners) listener(exchange.id);
  }

  /** Called with each exchange's id as it is recorded (the debugger's live timeline); returns the unsubscribe. */
  subscribe(listener: (exchangeId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Records one navigation of the host's browser (the authorization page, each redirect hop, the callback) as an
   * exchange, so authorization findings cite what the browser saw. Only the URL, the status and a redirect's
   * Location are kept: never a form body (it holds the test account's password) or a page.
   */
  recordBrowserHop(hop: { method: string; url: string; status?: number; location?: string; error?: string; label: string; phase: Phase }): string {
    const id = `${this.idPrefix}${this.#next++}`;
    const s = this.secrets;
    const url = redactUrl(hop.url, s);
    const exchange: RecordedExchange = {
      id,
      phase: hop.phase,
      label: hop.label,
      startedAt: new Date().toISOString(),
      durationMs: 0,
      request: { method: hop.method, url, headers: {} },
      curl: toCurl({ method: hop.method, url: hop.url, phase: hop.phase, label: hop.label, timeoutMs: 0, maxBodyBytes: 0 }, s),
      ...(hop.status !== undefined
        ? { response: { status: hop.status, headers: hop.location ? { location: redactUrl(hop.location, s) } : {}, body: '', truncated: false, bytes: 0 } }
        : {}),
      ...(hop.error ? { error: { kind: 'network' as const, message: s.redact(hop.error) } } : {}),
    };
    this.#push(exchange);
    return id;
  }

  /** All exchanges so far, redacted again with every secret learnt since they were recorded. */
  exchanges(): RecordedExchange[] {
    return this.#exchanges.map((x) => this.#reRedact(x));
  }

  /** Exchanges recorded after `mark` (a value of `count()`). */
  since(mark: number): RecordedExchange[] {
    return this.#exchanges.slice(mark).map((x) => this.#reRedact(x));
  }

  byPhase(phase: Phase): RecordedExchange[] {
    return this.exchanges().filter((x) => x.phase === phase);
  }

  /** The reproduction of one exchange, with every secret known by now as a $VARIABLE. */
  curlOf(exchangeId: string): string {
    const x = this.#exchanges.find((e) => e.id === exchangeId);
    return x ? this.secrets.substituteVariables(x.curl) : '';
  }

  count(): number {
    return this.#exchanges.length;
  }

  #reRedact(x: RecordedExchange): RecordedExchange {
    return JSON.parse(this.secrets.redact(JSON.stringify(x))) as RecordedExchange;
  }
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > REPORTED_BODY_CHARS ? `${text.slice(0, REPORTED_BODY_CHARS)}\n… [${text.length - REPORTED_BODY_CHARS} more characters not kept]` : text;
}

async function readCapped(res: Response, maxBytes: number): Promise<{ text: string; truncated: boolean; bytes: number }> {
  if (!res.body) return { text: '', truncated: false, bytes: 0 };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    chunks.push(value);
    if (bytes > maxBytes) {
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  const all = Buffer.concat(chunks).subarray(0, maxBytes);
  return { text: new TextDecoder('utf-8', { fatal: false }).decode(all), truncated, bytes };
}

function describeNetworkError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as Error & { code?: string }).code;
      return code ? `${code}: ${cause.message}` : cause.message;
    }
    return err.message;
  }
  return String(err);
}
