import { profilesOf, type ProfileId } from '../profiles/registry.ts';
import { detectProtocol } from './detect-protocol.ts';

export interface HostsOfTarget {
  profiles: ProfileId[];
  /** One line for the console: what was found and which hosts a run imitates. */
  message: string;
}

/** Without PLUGIN_PROFILE: every current host of the protocol the target speaks, said out loud. */
export async function hostsOfTarget(url: string): Promise<HostsOfTarget> {
  const found = await detectProtocol(url);
  if (!found)
    return { profiles: ['chatgpt-plugin'], message: `${url}: no plugin manifest, no MCP answer: running as a legacy plugin (chatgpt-plugin); set PLUGIN_PROFILE to choose the hosts` };
  const profiles = profilesOf(found.protocol);
  return {
    profiles,
    message: `${found.protocol === 'mcp' ? 'An MCP server' : 'A legacy plugin'}: ${found.because}. Hosts: ${profiles.join(', ')} (PLUGIN_PROFILE chooses others).`,
  };
}
