/**
 * Arguments for a tool call, filled from the tool's JSON Schema the way a model would fill the obvious cases: every
 * required property gets its `default`, first `examples` entry or `enum` value, else a plain value of its type.
 * Returns undefined when a required property has no type the harness can fill (the tool then "needs input").
 */
export function fillToolInput(schema: unknown, depth = 0): Record<string, unknown> | undefined {
  if (depth > 4 || !schema || typeof schema !== 'object') return {};
  const s = schema as { properties?: Record<string, unknown>; required?: unknown };
  const required = Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : [];
  const out: Record<string, unknown> = {};
  for (const name of required) {
    const value = valueFor(s.properties?.[name], depth);
    if (value === undefined) return undefined;
    out[name] = value;
  }
  return out;
}

function valueFor(property: unknown, depth: number): unknown {
  if (!property || typeof property !== 'object') return 'conformance';
  const p = property as { type?: unknown; default?: unknown; examples?: unknown; enum?: unknown; const?: unknown; minimum?: unknown; items?: unknown };
  if (p.const !== undefined) return p.const;
  if (p.default !== undefined) return p.default;
  if (Array.isArray(p.examples) && p.examples.length) return p.examples[0];
  if (Array.isArray(p.enum) && p.enum.length) return p.enum[0];
  const type = Array.isArray(p.type) ? p.type.find((t) => t !== 'null') : p.type;
  switch (type) {
    case 'string':
      return 'conformance';
    case 'number':
    case 'integer':
      return typeof p.minimum === 'number' ? p.minimum : 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return fillToolInput(property, depth + 1);
    case undefined:
      return 'conformance';
    default:
      return undefined;
  }
}
