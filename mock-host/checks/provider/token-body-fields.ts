import { z } from 'zod';

const jsonObject = z.record(z.string(), z.unknown());

/** The top-level fields of a raw token response body, when it is a JSON object; otherwise nothing. */
export function topLevelJsonFields(body: string | undefined): Record<string, unknown> | undefined {
  if (!body) return undefined;
  try {
    const parsed = jsonObject.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** True when the body shows the provider already issues a refresh token, so a missing switch is not the problem. */
export function hasTopLevelRefreshToken(body: string | undefined): boolean {
  const top = topLevelJsonFields(body);
  return typeof top?.refresh_token === 'string' && top.refresh_token.length > 0;
}
