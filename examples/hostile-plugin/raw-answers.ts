import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Answers no well-behaved framework would send: each one misuses HTTP in one way the host must survive. They are
 * written against node:http directly so nothing normalises them (Express would fix the framing or the headers).
 */

export type Answer = (req: IncomingMessage, res: ServerResponse) => void;

export const MEGABYTE = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, status = 302): void {
  res.writeHead(status, { location, 'content-type': 'text/plain' });
  res.end(`Redirecting to ${location}`);
}

/** Accepts the request and never answers; only the client's timeout (or the server closing) ends it. */
export const neverAnswer: Answer = () => undefined;

/** Headers at once, then one byte every `intervalMs`, for ever: a per-read timeout would never fire. */
export function slowDrip(contentType: string, intervalMs = 50): Answer {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.write('{');
    const timer = setInterval(() => res.write(' '), intervalMs);
    res.on('close', () => clearInterval(timer));
  };
}

/** Starts a valid-looking answer, then resets the TCP connection half-way through the body. */
export function resetMidResponse(contentType: string, start: string): Answer {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(start.length * 4) });
    res.write(start.slice(0, Math.ceil(start.length / 2)), () => res.socket?.resetAndDestroy());
  };
}

/**
 * A body of `totalBytes` (50 MB by default), streamed with back-pressure so the server never holds it in memory,
 * and stopped as soon as the client hangs up (the host stops reading at its cap).
 */
export function hugeBody(contentType: string, opening: string, totalBytes = 50 * MEGABYTE): Answer {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(totalBytes) });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let closed = false;
    res.on('close', () => (closed = true));
    res.write(opening);
    let sent = Buffer.byteLength(opening);
    const pump = (): void => {
      while (!closed && sent < totalBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        sent += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!closed) res.end();
    };
    pump();
  };
}

/** About 80 KB of response headers: five times what HTTP clients accept by default (16 KB). */
export const hugeHeaders: Answer = (_req, res) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (let i = 0; i < 10; i++) headers[`x-padding-${i}`] = 'h'.repeat(8_000);
  res.writeHead(200, headers);
  res.end('{}');
};

/** `{"<key>": [[[[…]]]]}`, `depth` levels deep: cheap to send, costly for a recursive parser or printer. */
export function deeplyNestedJson(depth: number, fields: Record<string, unknown> = {}, key = 'nested'): string {
  const head = JSON.stringify(fields).slice(0, -1);
  const separator = head.length > 1 ? ',' : '';
  return `${head}${separator}${JSON.stringify(key)}:${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

export const HTML_ERROR_PAGE =
  '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The upstream server is not available.</p></body></html>';
