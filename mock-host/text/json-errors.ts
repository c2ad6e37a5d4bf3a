/** Line and column (1-based) of a character offset, for messages that point into a file or a body. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/**
 * V8 quotes up to ten characters of the text around a JSON syntax error (`Unexpected token 'S', "SNTLcredab"... is
 * not valid JSON`), which would copy part of a token, or of a secret in a config file, into a message. This keeps
 * V8's description, drops the quoted text, and turns "at position N" into a line and column.
 */
export function describeJsonSyntaxError(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const withoutQuote = (message.split('\n')[0] ?? '').replace(/,?\s*(?:\.\.\.)?".*$/s, '').replace(/\s+is not valid JSON$/, '');
  const position = /\s*(?:in JSON )?at position (\d+)/.exec(withoutQuote);
  const unexpected = /^Unexpected token '(.)'$/.exec(withoutQuote)?.[1];
  const offset = position ? Number(position[1]) : unexpected === undefined ? undefined : offsetOfUnexpected(text, unexpected);
  const description = (position ? withoutQuote.slice(0, position.index) : withoutQuote).slice(0, 120);
  if (offset === undefined) return description;
  const { line, column } = lineAndColumn(text, offset);
  return `${description} at line ${line}, column ${column}`;
}

/**
 * V8 gives no position for "Unexpected token 'x'": the first `x` outside a string, not part of true/false/null,
 * is where a parser stops (a comment, a single quote, an unquoted key). A guess, so only used for the message.
 */
function offsetOfUnexpected(text: string, char: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === char) return i;
    else {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
      if (literal) i += literal.length - 1;
    }
  }
  return undefined;
}

/** The line of the first `"key":` in a JSON text, so a message about a value can point at it; undefined if absent. */
export function lineOfJsonKey(text: string, key: string): number | undefined {
  const at = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`).exec(text)?.index;
  return at === undefined ? undefined : lineAndColumn(text, at).line;
}
