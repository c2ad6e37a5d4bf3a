import type { Settings } from '../../../config/settings.ts';
import type { PluginTarget } from '../../../model/target.ts';
import type { FindingCollector } from '../../../findings/finding.ts';
import type { HostProfile } from '../../host-profile.ts';
import type { Recorder } from '../../../recorder/recorder.ts';

export interface DiscoveryContext {
  recorder: Recorder;
  profile: HostProfile;
  settings: Settings;
  findings: FindingCollector;
  /** The target's URL (PLUGIN_URL or the bundled target's), normalised: no trailing slash, a path prefix kept. */
  origin: string;
}

/** `fatal`: one line saying why the lifecycle cannot go on; the findings say what to fix. */
export type DiscoveryResult = { target: PluginTarget } | { target?: undefined; fatal: string };
