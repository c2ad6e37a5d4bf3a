/** One challenge of a WWW-Authenticate header (RFC 9110 §11.6.1): its scheme and its auth-params. */
export interface Challenge {
  /** Lower-cased: `bearer`. */
  scheme: string;
  /** Parameter names lower-cased, values unquoted. */
  params: Readonly<Record<string, string>>;
}

// Bounded: a hostile header is at most a few KB after the recorder's caps, and the scan is linear.
const MAX_HEADER_CHARS = 8192;

/**
 * Parses `Bearer realm="x", error="invalid_token", resource_metadata="https://…", Basic realm="y"`. Lenient like
 * the hosts: unknown schemes and token68 values are kept as a scheme without params; quoted-string escapes honoured.
 */
export function parseWwwAuthenticate(header: string | undefined): Challenge[] {
  const text = (header ?? '').slice(0, MAX_HEADER_CHARS);
  const challenges: Challenge[] = [];
  let i = 0;
  let current: { scheme: string; params: Record<string, string> } | undefined;
  // Stryker disable next-line BlockStatement: equivalent, without it the loop below skips the same characters one by one (no token starts there)
  const skipSpace = () => {
    // Stryker disable next-line all: equivalent, the loop below skips separators one by one anyway, and text[i] is never undefined while i < length
    while (i < text.length && /[\s,]/.test(text[i] ?? '')) i++;
  };
  // Stryker disable next-line EqualityOperator: equivalent, at i === length no token is found and i++ ends the loop
  while (i < text.length) {
    skipSpace();
    const token = /^[!#$%&'*+.^_`|~\w-]+/.exec(text.slice(i))?.[0];
    if (!token) {
      i++;
      continue;
    }
    i += token.length;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the end text[i] is undefined, never ' '
    while (i < text.length && text[i] === ' ') i++;
    if (text[i] === '=') {
      // An auth-param of the current challenge (or a token68 ending in '=' when there is none).
      i++;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the end text[i] is undefined, never ' '
      while (i < text.length && text[i] === ' ') i++;
      let value = '';
      if (text[i] === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length) i++;
          value += text[i];
          i++;
        }
        i++;
      } else {
        // Stryker disable next-line OptionalChaining,Regex,StringLiteral: equivalent, a starred pattern always matches, at position 0
        const bare = /^[^,\s]*/.exec(text.slice(i))?.[0] ?? '';
        value = bare;
        i += bare.length;
      }
      if (current) current.params[token.toLowerCase()] = value;
      continue;
    }
    current = { scheme: token.toLowerCase(), params: {} };
    challenges.push(current);
  }
  return challenges;
}

/** The Bearer challenge of a header, if any. */
export function bearerChallenge(header: string | undefined): Challenge | undefined {
  return parseWwwAuthenticate(header).find((c) => c.scheme === 'bearer');
}
