import { behaviour, type ProviderPreset } from '../preset.ts';

/** Amazon Cognito with refresh-token rotation off: refresh answers carry no refresh_token, the old one keeps working. */
export const cognito: ProviderPreset = {
  name: 'cognito',
  summary: 'refresh answers without refresh_token; the original one keeps working',
  endpoints: { authorize: '/oauth2/authorize', token: '/oauth2/token' },
  create: () =>
    behaviour({
      refreshRotation: 'omit',
      issuesRefreshToken: () => true,
    }),
};
