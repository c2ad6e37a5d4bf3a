import { parseJsonText } from '../text/structured-text.ts';

/** What a token endpoint's body turned out to be, judged by its content first and its Content-Type second. */
export type ResponseBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: [string, string][] }
  | { kind: 'xml'; root?: string }
  | { kind: 'html'; title?: string }
  /** `jsonError`: the body was declared or looked like JSON but did not parse. */
  | { kind: 'text'; jsonError?: string }
  | { kind: 'empty' };

// Sniffing needs only the start; whole-body regexes over a multi-megabyte answer would be slow.
const SNIFF_CHARS = 4096;
const MAX_FORM_SNIFF_CHARS = 65_536;

function looksLikeForm(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > MAX_FORM_SNIFF_CHARS || /\s/.test(t)) return false;
  return t.split('&').every((pair) => /^[^=&]+=[^&]*$/.test(pair));
}

/**
 * JSON with the discovery parser's depth and size budget: a token response nested 100,000 levels deep is hostile,
 * and every later walk over it (redaction, field search, printing) would pay for it.
 */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const parsed = parseJsonText(text);
  if (parsed.ok) return { ok: true, value: parsed.value };
  return { ok: false, error: parsed.kind === 'syntax' ? parsed.reason : `the JSON ${parsed.reason}, more than a token response can be` };
}

function markupBody(text: string, head: string, mediaType: string | undefined): ResponseBody {
  if (mediaType?.includes('html') || /^<!doctype html|^<html[\s>]/i.test(head) || /<(html|head|body|title)[\s>]/i.test(head)) {
    const title = /<title[^>]*>([^<]{0,200})/i.exec(text.slice(0, MAX_FORM_SNIFF_CHARS))?.[1]?.trim();
    return title ? { kind: 'html', title } : { kind: 'html' };
  }
  const root = /<([A-Za-z_][\w:.-]*)[\s>/]/.exec(head)?.[1];
  return root ? { kind: 'xml', root } : { kind: 'xml' };
}

export function readResponseBody(text: string, mediaType: string | undefined): ResponseBody {
  const head = text.slice(0, SNIFF_CHARS).trimStart();
  if (!head && !text.trim()) return { kind: 'empty' };
  let jsonError: string | undefined;
  if (mediaType?.includes('json') || head.startsWith('{') || head.startsWith('[')) {
    const parsed = parseJson(text);
    if (parsed.ok) return { kind: 'json', value: parsed.value };
    jsonError = parsed.error;
  }
  if (head.startsWith('<') || mediaType?.includes('xml') || mediaType?.includes('html')) return markupBody(text, head, mediaType);
  if (mediaType === 'application/x-www-form-urlencoded' || looksLikeForm(text)) {
    return { kind: 'form', fields: [...new URLSearchParams(text.trim())] };
  }
  return jsonError ? { kind: 'text', jsonError } : { kind: 'text' };
}

/** A short human name for what the body is, for messages. */
export function describeBodyKind(body: ResponseBody): string {
  switch (body.kind) {
    case 'json':
      return 'JSON';
    case 'form':
      return `a form-encoded body (fields: ${body.fields.map(([k]) => k).join(', ') || 'none'})`;
    case 'xml':
      return body.root ? `an XML document (<${body.root}>)` : 'an XML document';
    case 'html':
      return body.title ? `an HTML page ("${body.title.slice(0, 80)}")` : 'an HTML page';
    case 'text':
      return body.jsonError ? `text that does not parse as JSON (${body.jsonError})` : 'plain text';
    case 'empty':
      return 'an empty body';
  }
}
