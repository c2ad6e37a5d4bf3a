import { chatgptPlugin } from './chatgpt-plugin.ts';
import { gptAction } from './gpt-action.ts';
import type { HostProfile, ProfileId } from './host-profile.ts';

export const PROFILES: Record<ProfileId, HostProfile> = { 'chatgpt-plugin': chatgptPlugin, 'gpt-action': gptAction };
export type { HostProfile, ProfileId } from './host-profile.ts';
