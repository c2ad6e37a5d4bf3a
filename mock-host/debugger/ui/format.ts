/** Times on the host's virtual clock, as the page shows them. */

export function clockTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** "in 59 min", "2 s ago": how far `ms` is from the host's now. */
export function relative(ms: number, now: number): string {
  const seconds = Math.round((ms - now) / 1000);
  const size = Math.abs(seconds);
  const amount = size >= 7200 ? `${Math.round(size / 3600)} h` : size >= 120 ? `${Math.round(size / 60)} min` : `${size} s`;
  return seconds >= 0 ? `in ${amount}` : `${amount} ago`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
