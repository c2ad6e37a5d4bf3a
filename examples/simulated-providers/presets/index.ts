import { z } from 'zod';
import { PRESET_NAMES, type PresetName, type ProviderPreset } from '../preset.ts';
import { atlassian } from './atlassian.ts';
import { auth0 } from './auth0.ts';
import { cognito } from './cognito.ts';
import { dropbox } from './dropbox.ts';
import { entra } from './entra.ts';
import { github } from './github.ts';
import { google } from './google.ts';
import { keycloak } from './keycloak.ts';
import { meta } from './meta.ts';
import { okta } from './okta.ts';
import { salesforce } from './salesforce.ts';
import { slack } from './slack.ts';
import { zoom } from './zoom.ts';

/** Every preset by name: one module each. */
export const PROVIDER_PRESETS: Readonly<Record<PresetName, ProviderPreset>> = {
  google,
  auth0,
  entra,
  okta,
  dropbox,
  salesforce,
  github,
  slack,
  meta,
  keycloak,
  cognito,
  zoom,
  atlassian,
};

export const presetNameSchema = z.enum(PRESET_NAMES);
