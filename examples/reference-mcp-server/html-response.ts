import type { Response } from 'express';

/**
 * Sends one of our HTML pages. Login and consent pages must not be framed (clickjacking the Allow button) or
 * cached (they carry per-request ids). `scriptNonce` allows the one inline script of consent-script-redirect.
 */
export function sendHtml(res: Response, status: number, html: string, scriptNonce?: string): void {
  const script = scriptNonce === undefined ? '' : ` script-src 'nonce-${scriptNonce}';`;
  res
    .status(status)
    .set({
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline';${script} frame-ancestors 'none'`,
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    })
    .type('html')
    .send(html);
}
