import { test, expect } from '@playwright/test';
import { unknownPluginVariables } from '../../../mock-host/config/unknown-env.ts';

test('a misspelt PLUGIN_ variable is reported with the setting it probably meant', () => {
  expect(unknownPluginVariables({ PLUGIN_CLIENTID: 'x', PLUGIN_URL: 'https://a.example' })).toEqual([
    'warning: PLUGIN_CLIENTID is not a plugin-conformance setting and is ignored (did you mean PLUGIN_CLIENT_ID?)',
  ]);
});

test('known settings, internal variables and other prefixes draw no warning; far-off names get no guess', () => {
  expect(unknownPluginVariables({ PLUGIN_URL: 'u', PLUGIN_BROWSER_PATH: '/x', PLUGIN_HOST_PORT: '1', HOME: '/root' })).toEqual([]);
  expect(unknownPluginVariables({ PLUGIN_SOMETHING_ELSE_ENTIRELY: '1' })).toEqual(['warning: PLUGIN_SOMETHING_ELSE_ENTIRELY is not a plugin-conformance setting and is ignored']);
});
