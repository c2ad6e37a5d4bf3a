import { parse as parseYaml } from 'yaml';
import { describeJsonSyntaxError } from './json-errors.ts';
import { mediaTypeOf } from './media-type.ts';

/**
 * Turns a fetched body into a value without trusting it: JSON or YAML, a depth and node budget (checks and zod
 * walk the result, and a 5,000-deep document or a YAML alias bomb must cost milliseconds, not the stack), and
 * a result union instead of exceptions.
 */

// Real manifests and OpenAPI documents stay far below these; anything beyond is hostile or broken.
export const MAX_DEPTH = 64;
const MAX_NODES = 1_000_000;
const MAX_YAML_ALIASES = 100;

export type TextFormat = 'json' | 'yaml';
export type ParseFailureKind = 'syntax' | 'too-deep' | 'too-large' | 'alias-bomb';
export type ParsedText =
  | { ok: true; value: unknown; format: TextFormat }
  /** `reason`: the parser's message for syntax errors, else a predicate ("is nested more than 64 levels deep"). */
  | { ok: false; kind: ParseFailureKind; format: TextFormat; reason: string };

/** Depth and size of a parsed value, stopping early; shared (aliased) nodes are counted each time they are reached. */
export function measure(value: unknown): { depth: number; nodes: number; exceeded?: 'too-deep' | 'too-large' } {
  const stack: [unknown, number][] = [[value, 1]];
  let depth = 0;
  let nodes = 0;
  while (stack.length) {
    const [node, level] = stack.pop() as [unknown, number];
    nodes++;
    depth = Math.max(depth, level);
    if (level > MAX_DEPTH) return { depth, nodes, exceeded: 'too-deep' };
    if (nodes > MAX_NODES) return { depth, nodes, exceeded: 'too-large' };
    if (node && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, level + 1]);
  }
  return { depth, nodes };
}

function guarded(value: unknown, format: TextFormat): ParsedText {
  const m = measure(value);
  if (m.exceeded === 'too-deep') return { ok: false, kind: 'too-deep', format, reason: `is nested more than ${MAX_DEPTH} levels deep` };
  if (m.exceeded === 'too-large') return { ok: false, kind: 'too-large', format, reason: `has more than ${MAX_NODES.toLocaleString('en')} values` };
  return { ok: true, value, format };
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? text).slice(0, 200);
}

export function parseJsonText(text: string): ParsedText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, kind: 'syntax', format: 'json', reason: describeJsonSyntaxError(err, text) };
  }
  return guarded(value, 'json');
}

export function parseYamlText(text: string): ParsedText {
  let value: unknown;
  try {
    // logLevel 'error': parse errors still throw, warnings (unknown tags…) are not printed to our console.
    value = parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES, logLevel: 'error', merge: false, schema: 'core' });
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      return { ok: false, kind: 'alias-bomb', format: 'yaml', reason: `expands more than ${MAX_YAML_ALIASES} aliases (a YAML "billion laughs" document)` };
    }
    return { ok: false, kind: 'syntax', format: 'yaml', reason: firstLine(err) };
  }
  return guarded(value, 'yaml');
}

/**
 * JSON or YAML: the Content-Type decides which to try first, otherwise the first character does; the other
 * format is tried next because servers often send YAML as text/plain or JSON as application/octet-stream.
 * The fallback only counts when it yields a mapping or list: almost any text is a valid YAML string, and "your JSON
 * has a syntax error at position 12" is the more useful report.
 */
export function parseStructuredText(text: string, contentType: string | undefined): ParsedText {
  const type = mediaTypeOf(contentType);
  const jsonFirst = type.includes('json') ? true : type.includes('yaml') || type.includes('yml') ? false : /^\s*[{[]/.test(text);
  const [tryFirst, trySecond] = jsonFirst ? [parseJsonText, parseYamlText] : [parseYamlText, parseJsonText];
  const first = tryFirst(text);
  if (first.ok || first.kind !== 'syntax') return first;
  const second = trySecond(text);
  return second.ok && typeof second.value === 'object' && second.value !== null ? second : first;
}
