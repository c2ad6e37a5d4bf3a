import { defineCheck } from '../../findings/check.ts';

/** The harness got through login and consent. When not, that is no fault of the target: the scenario is inconclusive. */
export const checkLoginAutomated = defineCheck<{ stuckAt?: string; reason?: string; exchangeId?: string }>({ id: 'login-automation-reaches-callback', codes: ['LOGIN_AUTOMATION_FAILED'] }, (i) => {
  if (i.reason === undefined) return [];
  return [
    {
      code: 'LOGIN_AUTOMATION_FAILED',
      message: `the harness could not get through login and consent at ${i.stuckAt ?? 'an unknown page'}: ${i.reason}`,
      fix: 'Not a plugin fault. Set PLUGIN_LOGIN_USERNAME and PLUGIN_LOGIN_PASSWORD for a test account, or PLUGIN_LOGIN_SCRIPT (a module that logs in), or PLUGIN_STORAGE_STATE (a saved logged-in browser state) for providers that block automation.',
      ...(i.exchangeId ? { evidence: [i.exchangeId] } : {}),
    },
  ];
});
