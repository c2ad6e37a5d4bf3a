import { z } from 'zod';
import type { ApiOperation } from '../model/target.ts';
import { parseStructuredText } from '../text/structured-text.ts';

/**
 * Reads an OpenAPI 3.x document into the operations the host can call. Lenient where the host is (unknown fields,
 * odd summaries), strict where a call would go wrong (version, operation shape, server URL). Never throws:
 * the document is attacker-controlled text.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const MAX_REF_HOPS = 10;

export interface OpenApiParameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
}

export interface OpenApiOperation extends ApiOperation {
  parameters: OpenApiParameter[];
  /** Where `requiresAuth` comes from: the operation's own `security`, the document's, or neither. */
  securitySource: 'operation' | 'global' | 'none';
}

export interface OpenApiSpec {
  /** The `openapi` version string, e.g. "3.1.0". */
  version: string;
  /** `servers[0].url` exactly as written, when the document has one. */
  declaredServerUrl?: string;
  /** The base URL every operation is called on (same as each operation's serverUrl). */
  serverUrl: string;
  operations: OpenApiOperation[];
}

export type OpenApiResult = { ok: true; spec: OpenApiSpec } | { ok: false; reason: string };

export interface OpenApiSource {
  text: string;
  contentType?: string;
  /** Where the document was fetched from: relative server URLs resolve against it. */
  documentUrl: string;
  /** Base URL when the document declares no server (the manifest origin). */
  fallbackOrigin: string;
  /** The recorder cut the body at this many bytes. */
  truncatedAtBytes?: number;
}

const lenientText = z.string().optional().catch(undefined);
const securityList = z.array(z.record(z.string(), z.unknown()));

const documentSchema = z.looseObject({
  openapi: z.string(),
  servers: z.array(z.looseObject({ url: z.string(), variables: z.record(z.string(), z.looseObject({ default: z.unknown() })).optional() })).optional(),
  paths: z.record(z.string(), z.unknown()),
  security: securityList.optional(),
});

const pathItemSchema = z.looseObject({ parameters: z.array(z.unknown()).optional() });

const operationSchema = z.looseObject({
  operationId: z.string().min(1).optional(),
  summary: lenientText,
  description: lenientText,
  parameters: z.array(z.unknown()).optional(),
  requestBody: z.unknown().optional(),
  security: securityList.optional(),
});

const parameterSchema = z.looseObject({
  name: z.string(),
  in: z.string(),
  required: z.boolean().optional().catch(undefined),
  description: lenientText,
});

const requestBodySchema = z.looseObject({ required: z.boolean().optional().catch(undefined) });

type Document = z.infer<typeof documentSchema>;

class InvalidDocument extends Error {}

function describeIssue(prefix: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${prefix}: invalid`;
  // Path keys come from the document: clipped like any other value from it.
  const at = clip([prefix, ...issue.path.map(String)].filter(Boolean).join('.'), 120);
  return `${at || '(document)'}: ${issue.message}`;
}

/** Follows local `#/…` references; external or dangling ones resolve to undefined (the host could not use them either). */
function resolveRef(doc: unknown, value: unknown): unknown {
  let current = value;
  for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
    if (!current || typeof current !== 'object' || !('$ref' in current)) return current;
    const ref = (current as { $ref: unknown }).$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
    let target: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (!target || typeof target !== 'object' || !Object.hasOwn(target, key)) return undefined;
      target = (target as Record<string, unknown>)[key];
    }
    current = target;
  }
  return undefined;
}

function readParameters(doc: unknown, list: readonly unknown[], where: string): OpenApiParameter[] {
  const out: OpenApiParameter[] = [];
  list.forEach((raw, i) => {
    const resolved = resolveRef(doc, raw);
    if (resolved === undefined) return;
    const p = parameterSchema.safeParse(resolved);
    if (!p.success) throw new InvalidDocument(describeIssue(`${where}.parameters.${i}`, p.error));
    // Path parameters are always required, whatever the document says (OpenAPI 3, Parameter Object: MUST be true for "path").
    const required = p.data.in === 'path' || p.data.required === true;
    out.push({ name: p.data.name, in: p.data.in, required, ...(p.data.description === undefined ? {} : { description: p.data.description }) });
  });
  return out;
}

/** Operation parameters override path-level ones with the same name and location. */
function mergeParameters(pathLevel: OpenApiParameter[], own: OpenApiParameter[]): OpenApiParameter[] {
  const key = (p: OpenApiParameter): string => `${p.in}:${p.name}`;
  const ownKeys = new Set(own.map(key));
  return [...pathLevel.filter((p) => !ownKeys.has(key(p))), ...own];
}

function requiresAuthOf(list: readonly Record<string, unknown>[] | undefined): boolean {
  // `security: [{}]` alone means "anonymous allowed": no requirement the host would satisfy with a token.
  return (list ?? []).some((requirement) => Object.keys(requirement).length > 0);
}

function resolveServerUrl(doc: Document, documentUrl: string, fallbackOrigin: string): { serverUrl: string; declared?: string } {
  const server = doc.servers?.[0];
  if (!server) return { serverUrl: fallbackOrigin.replace(/\/+$/, '') };
  const declared = server.url;
  const expanded = declared.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const fallback = server.variables?.[name]?.default;
    return typeof fallback === 'string' ? fallback : whole;
  });
  if (!URL.canParse(expanded, documentUrl)) throw new InvalidDocument(`servers[0].url: "${clip(declared)}" is not a URL`);
  const url = new URL(expanded, documentUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidDocument(`servers[0].url: "${clip(declared)}" is a ${url.protocol} URL; the host only calls http(s)`);
  }
  return { serverUrl: url.toString().replace(/\/+$/, ''), declared };
}

function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function versionProblem(raw: unknown): string | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return `expected an OpenAPI object, got ${Array.isArray(raw) ? 'a list' : typeof raw}`;
  const r = raw as Record<string, unknown>;
  if (r.openapi === undefined && typeof r.swagger === 'string') return `this is Swagger ${clip(r.swagger, 20)}; the host reads OpenAPI 3.x only`;
  if (typeof r.openapi === 'number') return `openapi is the number ${r.openapi} (YAML reads an unquoted 3.1 as a number); expected a string like "3.1.0"`;
  if (typeof r.openapi !== 'string') return 'openapi: missing; expected a version string like "3.1.0"';
  if (!/^3\.\d+(\.\d+)?/.test(r.openapi)) return `openapi: "${clip(r.openapi, 20)}" is not 3.x`;
  return undefined;
}

function readDocument(raw: unknown, source: OpenApiSource): OpenApiSpec {
  const problem = versionProblem(raw);
  if (problem) throw new InvalidDocument(problem);
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidDocument(describeIssue('', parsed.error));
  const doc = parsed.data;
  const { serverUrl, declared } = resolveServerUrl(doc, source.documentUrl, source.fallbackOrigin);
  const globalAuth = requiresAuthOf(doc.security);
  const operations: OpenApiOperation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) continue; // `x-…` extensions
    const item = resolveRef(raw, rawItem);
    if (item === undefined) continue;
    const pathItem = pathItemSchema.safeParse(item);
    if (!pathItem.success) throw new InvalidDocument(describeIssue(`paths.${path}`, pathItem.error));
    const pathParameters = readParameters(raw, pathItem.data.parameters ?? [], `paths.${path}`);
    for (const method of Object.keys(pathItem.data)) {
      if (!(METHODS as readonly string[]).includes(method)) continue;
      const where = `paths.${path}.${method}`;
      const op = operationSchema.safeParse(pathItem.data[method]);
      if (!op.success) throw new InvalidDocument(describeIssue(where, op.error));
      const parameters = mergeParameters(pathParameters, readParameters(raw, op.data.parameters ?? [], where));
      const body = requestBodySchema.safeParse(resolveRef(raw, op.data.requestBody));
      const bodyRequired = body.success && body.data.required === true;
      const securitySource = op.data.security ? 'operation' : doc.security ? 'global' : 'none';
      operations.push({
        operationId: op.data.operationId ?? `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        serverUrl,
        needsInput: bodyRequired || parameters.some((p) => p.required),
        requiresAuth: op.data.security ? requiresAuthOf(op.data.security) : globalAuth,
        ...(op.data.summary === undefined ? {} : { summary: op.data.summary }),
        ...(op.data.description === undefined ? {} : { description: op.data.description }),
        parameters,
        securitySource,
      });
    }
  }
  if (operations.length === 0) throw new InvalidDocument('paths: no operations (the host has nothing to call)');
  return { version: doc.openapi, ...(declared === undefined ? {} : { declaredServerUrl: declared }), serverUrl, operations };
}

export function parseOpenApi(source: OpenApiSource): OpenApiResult {
  if (source.truncatedAtBytes !== undefined) {
    return { ok: false, reason: `the document is larger than ${source.truncatedAtBytes.toLocaleString('en')} bytes and was cut off` };
  }
  if (source.text.trim() === '') return { ok: false, reason: 'the body is empty' };
  const text = parseStructuredText(source.text, source.contentType);
  if (!text.ok) {
    const format = text.format.toUpperCase();
    return { ok: false, reason: text.kind === 'syntax' ? `not parseable as ${format}: ${text.reason}` : `the ${format} ${text.reason}` };
  }
  try {
    return { ok: true, spec: readDocument(text.value, source) };
  } catch (err) {
    if (err instanceof InvalidDocument) return { ok: false, reason: err.message };
    // Anything else is our bug meeting odd input; still a finding, never a crash of the run.
    return { ok: false, reason: `could not be read (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** The engine's view: the extra fields the checks need are dropped. */
export function toApiOperations(spec: OpenApiSpec): ApiOperation[] {
  return spec.operations.map(({ parameters: _parameters, securitySource: _source, ...operation }) => operation);
}
