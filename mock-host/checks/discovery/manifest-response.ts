import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { HttpResponse } from '../../recorder/exchange.ts';
import type { FetchResult } from '../../profiles/defaults/discovery/fetch-document.ts';
import { mediaTypeOf } from '../../text/media-type.ts';
import type { ParsedText } from '../../text/structured-text.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';
import { describeFetchFailure } from './fetch-failure.ts';
import { clipText } from './show-value.ts';

/** MANIFEST_UNREACHABLE. Spec: OpenAI plugins, production (15 s fetch, redirects only within the root domain). */
export const checkManifestReachable = defineCheck<{ fetch: FetchResult; ref: ExchangeRef; timeoutMs: number }>({ id: 'manifest-reachable', codes: ['MANIFEST_UNREACHABLE'] }, (args) => {
  const failure = describeFetchFailure(args.fetch, args.timeoutMs);
  if (!failure) return [];
  return [{ code: 'MANIFEST_UNREACHABLE', message: `The manifest cannot be fetched: ${failure.reason}`, fix: failure.fix, ...cite(args.ref) }];
});

/** MANIFEST_CONTENT_TYPE. Spec: RFC 8259 §11 (application/json). */
export const checkManifestContentType = defineCheck<{ response: HttpResponse; ref: ExchangeRef }>({ id: 'manifest-served-as-json', codes: ['MANIFEST_CONTENT_TYPE'] }, (args) => {
  const raw = args.response.headers['content-type'];
  if (mediaTypeOf(raw) === 'application/json') return [];
  return [
    {
      code: 'MANIFEST_CONTENT_TYPE',
      message: raw ? `The manifest is served as "${clipText(raw)}", not application/json` : 'The manifest is served without a Content-Type header',
      fix: 'Send "Content-Type: application/json" with /.well-known/ai-plugin.json (for static hosting, map .json files to application/json).',
      ...cite(args.ref),
    },
  ];
});

/**
 * MANIFEST_NOT_JSON, and MANIFEST_INVALID for JSON too deep or too large to be a manifest.
 * Spec: OpenAI plugins, getting started (ai-plugin.json is a JSON file).
 */
export const checkManifestIsJson = defineCheck<{ parsed: ParsedText; response: HttpResponse; ref: ExchangeRef }>({ id: 'manifest-is-json', codes: ['MANIFEST_INVALID', 'MANIFEST_NOT_JSON'] }, (args) => {
  const { parsed, response } = args;
  if (response.truncated) {
    return [
      {
        code: 'MANIFEST_NOT_JSON',
        message: `The manifest is larger than the ${response.bytes.toLocaleString('en')} bytes the host reads, so it cannot be parsed`,
        fix: 'Serve the small JSON manifest itself at /.well-known/ai-plugin.json (a few kilobytes), not a page or an archive.',
        ...cite(args.ref),
      },
    ];
  }
  if (parsed.ok) return [];
  if (parsed.kind === 'syntax') {
    const start = response.body.trimStart().slice(0, 1);
    const looksHtml = start === '<';
    return [
      {
        code: 'MANIFEST_NOT_JSON',
        message: `The manifest body does not parse as JSON (${parsed.reason})${looksHtml ? '; it looks like an HTML page' : ''}`,
        fix: looksHtml
          ? 'Serve the JSON file at /.well-known/ai-plugin.json; an HTML page there usually means a SPA fallback route or a login wall catches the path.'
          : 'Fix the JSON syntax (no comments, no trailing commas, double-quoted keys); `node -e "JSON.parse(require(\'fs\').readFileSync(\'ai-plugin.json\',\'utf8\'))"` shows the position.',
        ...cite(args.ref),
      },
    ];
  }
  return [
    {
      code: 'MANIFEST_INVALID',
      message: `(manifest): the JSON ${parsed.reason}; a manifest is a flat object of a dozen fields`,
      fix: 'Serve the documented manifest fields only (see mock-host/plugin/ai-plugin.schema.json).',
      ...cite(args.ref),
    },
  ];
});
