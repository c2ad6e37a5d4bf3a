import { parseJsonText } from '../text/structured-text.ts';
import { mediaTypeOf } from '../text/media-type.ts';

// Only the first event(s) matter; a hostile stream is bounded by the recorder's cap anyway.
const MAX_SCAN_CHARS = 65_536;
const AUTH_WORDS = /\b(unauthori[sz]ed|unauthenticated|authenticat\w*|authori[sz]ation required|invalid[_ ]token|expired|forbidden|login|sign[ -]?in|credentials?)\b/i;

/** The JSON-RPC messages of an MCP answer: a JSON body, or the `data:` lines of an SSE stream. */
export function jsonRpcMessages(body: string, contentType: string | undefined): unknown[] {
  const text = body.slice(0, MAX_SCAN_CHARS);
  const parts = mediaTypeOf(contentType) === 'text/event-stream' ? text.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()) : [text];
  const out: unknown[] = [];
  for (const part of parts) {
    const parsed = parseJsonText(part);
    if (parsed.ok) out.push(...(Array.isArray(parsed.value) ? parsed.value : [parsed.value]));
  }
  return out;
}

export interface JsonRpcSignal {
  /** A JSON-RPC error or an `isError` tool result whose text reads like missing or bad credentials. */
  authError?: string;
  /** The first JSON-RPC error (code and message), any kind. */
  error?: string;
  /** A tool result with `isError: true`. */
  toolError?: string;
  /** `_meta["mcp/www_authenticate"]` of an `isError` result (ChatGPT's tool-level challenge). */
  toolChallenge?: string[];
}

/** How an MCP answer with HTTP 2xx says it failed, if it does. */
export function jsonRpcSignal(body: string, contentType: string | undefined): JsonRpcSignal {
  const signal: JsonRpcSignal = {};
  for (const message of jsonRpcMessages(body, contentType)) {
    if (!message || typeof message !== 'object') continue;
    const m = message as { error?: { code?: unknown; message?: unknown }; result?: { isError?: unknown; content?: unknown; _meta?: Record<string, unknown> } };
    if (m.error && typeof m.error === 'object') {
      const text = `${String(m.error.code ?? '')} ${String(m.error.message ?? '')}`.trim().slice(0, 200);
      signal.error ??= text;
      if (AUTH_WORDS.test(text) || m.error.code === 401) signal.authError ??= text;
    }
    if (m.result && m.result.isError === true) {
      const content = Array.isArray(m.result.content) ? m.result.content : [];
      const text = content.map((c: unknown) => (c && typeof c === 'object' && 'text' in c ? String((c as { text: unknown }).text) : '')).join(' ').slice(0, 200);
      signal.toolError ??= text || 'isError: true';
      const challenge = m.result._meta?.['mcp/www_authenticate'];
      if (Array.isArray(challenge)) signal.toolChallenge = challenge.filter((c): c is string => typeof c === 'string');
      if (AUTH_WORDS.test(text) || signal.toolChallenge) signal.authError ??= text || 'isError: true';
    }
  }
  return signal;
}
