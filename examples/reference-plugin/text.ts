/** Deterministic filler text of an exact length, for the faults that break size limits. */
export function textOfLength(sentence: string, length: number): string {
  const repeated = sentence.repeat(Math.ceil(length / sentence.length));
  return `${repeated.slice(0, length - 1).trimEnd().padEnd(length - 1, '.')}.`;
}
