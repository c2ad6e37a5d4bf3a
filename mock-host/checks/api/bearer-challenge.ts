/** True when a 401 carries an RFC 6750 §3 challenge: `WWW-Authenticate: Bearer …`. */
export function hasBearerChallenge(headers: Record<string, string>): boolean {
  const value = headers['www-authenticate'];
  return typeof value === 'string' && /(^|,)\s*bearer(\s|,|$)/i.test(value);
}
