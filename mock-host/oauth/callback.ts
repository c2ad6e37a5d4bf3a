import type { CallbackParams } from '../model/authorization.ts';

const SINGLE_VALUED = ['code', 'state', 'error', 'iss'] as const;

/** Reads the callback URL the browser was sent to. */
export function parseCallback(url: string): CallbackParams {
  const q = new URL(url).searchParams;
  return {
    url,
    code: q.get('code'),
    state: q.get('state'),
    error: q.get('error'),
    errorDescription: q.get('error_description'),
    iss: q.get('iss'),
    codes: q.getAll('code'),
    repeated: SINGLE_VALUED.filter((name) => q.getAll(name).length > 1),
  };
}
