import type { Settings } from '../mock-host/config/settings.ts';
import type { RunningReferencePlugin } from '../examples/reference-plugin/start.ts';

/** Settings for a run against the bundled reference plugin: its OAuth client and test account. */
export function referenceSettings(base: Settings, plugin: RunningReferencePlugin): Settings {
  const o = plugin.options;
  return {
    ...base,
    url: plugin.url,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    login: { username: o.username, password: o.password },
    verificationToken: o.verificationToken,
  };
}
