import type { AuthConfig } from '../model/target.ts';
import type { HostProfile } from '../profiles/host-profile.ts';
import { mediaTypeOf } from '../text/media-type.ts';
import type { ManifestAuth } from './manifest-schema.ts';

/** The token body encoding the host uses: the manifest decides for plugins, the profile for Actions (always form). */
export function tokenBodyEncoding(profile: HostProfile, authorizationContentType: string | undefined): 'json' | 'form' {
  const { bodyEncoding } = profile.flow.token;
  if (bodyEncoding !== 'manifest') return bodyEncoding;
  return mediaTypeOf(authorizationContentType) === 'application/json' ? 'json' : 'form';
}

/** Manifest `auth` in the engine's terms; the manifest's confusing names end here. */
export function toAuthConfig(auth: ManifestAuth, profile: HostProfile): AuthConfig {
  switch (auth.type) {
    case 'none':
      return { type: 'none' };
    case 'user_http':
      return { type: 'user_http', authorizationType: auth.authorization_type };
    case 'service_http':
      return { type: 'service_http', authorizationType: auth.authorization_type, verificationTokens: { ...auth.verification_tokens } };
    case 'oauth':
      return {
        type: 'oauth',
        authorizeUrl: auth.client_url,
        tokenUrl: auth.authorization_url,
        scope: auth.scope ?? '',
        tokenBodyEncoding: tokenBodyEncoding(profile, auth.authorization_content_type),
        verificationTokens: { ...auth.verification_tokens },
      };
  }
}
