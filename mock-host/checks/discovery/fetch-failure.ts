import type { FetchResult } from '../../profiles/defaults/discovery/fetch-document.ts';
import { diagnoseNetworkFailure } from '../network/diagnose-network-failure.ts';
import { clipText } from './show-value.ts';

export interface FetchFailure {
  /** What happened, with the values seen ("answered 404", "redirected to https://other.example/…"). */
  reason: string;
  fix: string;
}

/** Why a document fetch gave the host nothing to read; undefined when it got a 2xx answer. */
export function describeFetchFailure(fetch: FetchResult, timeoutMs: number): FetchFailure | undefined {
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  switch (fetch.kind) {
    case 'response': {
      const { status } = fetch.response;
      if (status >= 200 && status < 300) return undefined;
      return {
        reason: `GET ${clipText(fetch.url)} answered ${status}`,
        fix:
          status === 401 || status === 403
            ? 'Serve the document without authentication: the host fetches it with no credentials.'
            : status >= 300 && status < 400
              ? 'Answer 200 with the document itself, or redirect with a Location header.'
              : 'Serve the document with status 200 at exactly this URL.',
      };
    }
    case 'error': {
      if (fetch.error.kind === 'timeout') {
        return {
          reason: `GET ${clipText(fetch.url)} gave no complete answer within the host's ${seconds} limit`,
          fix: `Serve the document statically (or cache it) so it arrives well within ${seconds}.`,
        };
      }
      if (fetch.error.kind === 'blocked-scheme' || fetch.error.kind === 'invalid-url') {
        return { reason: `${clipText(fetch.url)} cannot be fetched: ${fetch.error.message}`, fix: 'Use an absolute https:// URL.' };
      }
      const { diagnosis, fix } = diagnoseNetworkFailure(fetch.error, fetch.url, timeoutMs);
      return { reason: `GET ${clipText(fetch.url)} failed: ${diagnosis} (${clipText(fetch.error.message, 200)})`, fix };
    }
    case 'redirect-off-root':
      return {
        reason: `GET ${clipText(fetch.url)} redirected to ${clipText(fetch.location)}, off the root domain ${fetch.root}`,
        fix: `Serve the document on ${fetch.root} itself; the host follows redirects only to subdomains of the root domain (or www to the apex).`,
      };
    case 'too-many-redirects':
      return {
        reason: `GET ${clipText(fetch.url)} is still redirecting after ${fetch.maxRedirects} redirects`,
        fix: 'Serve the document at the URL the host requests, or with a single redirect.',
      };
  }
}
