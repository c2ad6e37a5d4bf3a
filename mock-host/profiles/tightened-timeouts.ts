import type { HostProfile } from './host-profile.ts';

/** The time bounds a simulated scenario may shrink. */
export type TightenableTimeouts = Partial<Pick<HostProfile['timeouts'], 'slowApiWarningMs' | 'apiMs' | 'discoveryMs' | 'tokenMs' | 'browserNavigationMs'>>;

/**
 * The same host with shorter time bounds, so a self-test can show API_SLOW in a second instead of 10 s (or 45 s),
 * and a hostile target that never answers is given up on in a second instead of 15 s. The checks keep reading the bounds from the profile, so they judge the derived host exactly as they judge
 * the real one. A bound can only shrink: a looser profile would pass targets the real host fails.
 */
export function withTightenedTimeouts(profile: HostProfile, bounds: TightenableTimeouts): HostProfile {
  for (const [name, ms] of Object.entries(bounds) as [keyof TightenableTimeouts, number | undefined][]) {
    if (ms !== undefined && ms > profile.timeouts[name]) {
      throw new RangeError(`${name} ${ms} ms is above the ${profile.id} profile's ${profile.timeouts[name]} ms: bounds can only be tightened`);
    }
  }
  const timeouts = { ...profile.timeouts, ...Object.fromEntries(Object.entries(bounds).filter(([, ms]) => ms !== undefined)) };
  // A tightened token bound holds for the refresh too.
  if (bounds.tokenMs !== undefined && timeouts.refreshTokenMs !== undefined) timeouts.refreshTokenMs = Math.min(timeouts.refreshTokenMs, bounds.tokenMs);
  if (timeouts.slowApiWarningMs > timeouts.apiMs) throw new RangeError(`slowApiWarningMs ${timeouts.slowApiWarningMs} ms is above apiMs ${timeouts.apiMs} ms`);
  return { ...profile, timeouts };
}
