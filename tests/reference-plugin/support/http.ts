import { get as httpGet } from 'node:http';

/** A fetched response, fully read: status, headers, the raw text and (when it parses) the JSON. */
export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

/** fetch without following redirects: the tests assert on the 302s themselves. */
export async function request(url: string, init: RequestInit = {}): Promise<HttpResult> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Reads a nested value from parsed JSON without casts: at(body, 'auth', 'client_url'). */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

export function locationOf(result: HttpResult, base: string): URL {
  return new URL(required(result.headers.get('location'), 'a Location header'), base);
}

/** GET with a chosen Host header, which fetch() does not let callers set. */
export function getWithHost(url: string, host: string): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const outgoing = httpGet(url, { headers: { host } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode ?? 0, headers, text, json });
      });
    });
    outgoing.on('error', reject);
  });
}
