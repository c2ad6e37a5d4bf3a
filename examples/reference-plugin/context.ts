import type { AccessTokenVerifier } from './access-token-verifier.ts';
import type { PluginClock } from './clock.ts';
import type { Fault, ResolvedReferencePluginOptions } from './options.ts';
import { ownTokenVerifier } from './own-token-verifier.ts';
import { providerTokenVerifier } from './provider-token-verifier.ts';
import type { ReferenceStore } from './store.ts';

/** What every route factory of one plugin instance shares. */
export interface PluginContext {
  readonly options: ResolvedReferencePluginOptions;
  readonly clock: PluginClock;
  readonly store: ReferenceStore;
  has(fault: Fault): boolean;
  /** The plugin's own tokens, or the provider's when OAuth is delegated (options.oauthProvider). */
  readonly verifyAccessToken: AccessTokenVerifier;
}

export function createPluginContext(
  options: ResolvedReferencePluginOptions,
  clock: PluginClock,
  store: ReferenceStore,
): PluginContext {
  const faults = new Set<Fault>(options.faults);
  const has = (fault: Fault) => faults.has(fault);
  const verifyAccessToken = options.oauthProvider ? providerTokenVerifier(options.oauthProvider, clock, has) : ownTokenVerifier(store, clock, has);
  return { options, clock, store, has, verifyAccessToken };
}
