import type { HostLimits } from '../host-profile.ts';

/** ChatGPT's plugin limits (PROTOCOL.md §1, §2): body caps, redirects and the manifest and OpenAPI text limits. */
export const PLUGIN_HOST_LIMITS: HostLimits = {
  maxBodyBytes: 2_000_000,
  apiResponseChars: 100_000,
  maxRedirects: 5,
  nameForModelChars: 50,
  nameForHumanChars: 20,
  descriptionForHumanChars: 100,
  descriptionForModelChars: 8_000,
  operationDescriptionChars: 200,
  parameterDescriptionChars: 200,
};
