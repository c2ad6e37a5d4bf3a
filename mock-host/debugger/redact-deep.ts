/** Every string in a value passed through `redact`: the last word before anything leaves the host. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, inner]) => [redact(k), walk(inner)]));
    return v;
  };
  return walk(value) as T;
}
