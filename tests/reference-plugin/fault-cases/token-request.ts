import type { Fault } from '../../../examples/reference-plugin/options.ts';
import { expect } from '../support/fixtures.ts';
import { exchangeCode, expectTokenError, expectTokenSet, obtainCode } from '../support/oauth.ts';
import type { FaultCase } from './fault-case.ts';

const BODY_WITHOUT_CREDENTIALS = { client_id: undefined, client_secret: undefined };

export const tokenRequestCases = {
  'json-body-only': {
    async check(plugin, faulty) {
      const form = await exchangeCode(plugin, await obtainCode(plugin), {}, { encoding: 'form' });
      if (faulty) expectTokenError(form, 400, 'invalid_request');
      else expectTokenSet(form);
      expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin), {}, { encoding: 'json' }));
    },
  },
  'form-body-only': {
    async check(plugin, faulty) {
      const json = await exchangeCode(plugin, await obtainCode(plugin), {}, { encoding: 'json' });
      if (faulty) expectTokenError(json, 400, 'invalid_request');
      else expectTokenSet(json);
      expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin), {}, { encoding: 'form' }));
    },
  },
  'basic-auth-only': {
    async check(plugin, faulty) {
      const inBody = await exchangeCode(plugin, await obtainCode(plugin));
      if (faulty) {
        expectTokenError(inBody, 401, 'invalid_client');
        expect(inBody.headers.get('www-authenticate')).toBe('Basic realm="reference"');
      } else {
        expectTokenSet(inBody);
      }
      const basic = { id: plugin.options.clientId, secret: plugin.options.clientSecret };
      expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin), BODY_WITHOUT_CREDENTIALS, { basic }));
    },
  },
  'body-auth-only': {
    async check(plugin, faulty) {
      const basic = { id: plugin.options.clientId, secret: plugin.options.clientSecret };
      const withBasic = await exchangeCode(plugin, await obtainCode(plugin), BODY_WITHOUT_CREDENTIALS, { basic });
      if (faulty) expectTokenError(withBasic, 401, 'invalid_client');
      else expectTokenSet(withBasic);
      expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin)));
    },
  },
} satisfies Partial<Record<Fault, FaultCase>>;
