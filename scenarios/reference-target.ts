import type { Settings } from '../mock-host/config/settings.ts';
import { actionSettings } from '../examples/reference-plugin/action-settings.ts';
import type { RunningReferencePlugin } from '../examples/reference-plugin/start.ts';

/**
 * Settings for a run against the bundled reference plugin: its OAuth client and test account, and as a GPT Action
 * (which has no manifest) the editor fields that point at it.
 */
export function referenceSettings(base: Settings, plugin: RunningReferencePlugin): Settings {
  const o = plugin.options;
  return {
    ...base,
    url: plugin.url,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    login: { username: o.username, password: o.password },
    verificationToken: o.verificationToken,
    ...(base.profile === 'gpt-action' ? { action: { ...actionSettings(plugin), tokenExchangeMethod: base.action.tokenExchangeMethod } } : {}),
  };
}
