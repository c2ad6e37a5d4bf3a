import type { Response } from 'express';

/**
 * Sends one of our HTML pages. The login and consent pages must not be framed (clickjacking the Allow button)
 * or cached (they carry per-request ids), and they load nothing but inline CSS.
 */
export function sendHtml(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    })
    .type('html')
    .send(html);
}
