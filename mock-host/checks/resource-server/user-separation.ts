import { defineCheck } from '../../findings/check.ts';

/** One account's answer to one tool, called with that account's own token. */
export interface AccountAnswer {
  /** Which test account: 1 (PLUGIN_LOGIN_USERNAME) or 2 (PLUGIN_LOGIN_USERNAME_2). */
  account: 1 | 2;
  /** The account's login name (what a tool echoing the identity shows). */
  username: string;
  tool: string;
  /** The answer's body, successful calls only. */
  body: string;
  exchangeId: string;
  curl: string;
}

const mentions = (body: string, name: string) => name.length >= 3 && body.toLowerCase().includes(name.toLowerCase());

/**
 * TOKEN_USER_CONFUSION: with two test accounts, a tool called with one account's token answers with the other
 * account's identity (its login name, and not the caller's own). Tools that name neither account decide nothing.
 */
export const checkTokensActForTheirUser = defineCheck<{ answers: readonly AccountAnswer[] }>(
  { id: 'tokens-act-for-their-own-user', codes: ['TOKEN_USER_CONFUSION'] },
  ({ answers }) => {
    const names = [...new Set(answers.map((a) => a.username))];
    const confused = answers.filter((a) => {
      // Stryker disable next-line MethodExpression: both sides are folded the same way, so upper and lower case compare alike
      const other = names.find((n) => n.toLowerCase() !== a.username.toLowerCase() && mentions(a.body, n));
      return other !== undefined && !mentions(a.body, a.username);
    });
    const [first] = confused;
    if (!first) return [];
    const which = confused.map((a) => `${a.tool} with test account ${a.account}'s token answered as test account ${a.account === 1 ? 2 : 1}`);
    return [{
      code: 'TOKEN_USER_CONFUSION',
      message: `one account's token acts as the other: ${which.join('; ')} (the answer names the other account's login name, not the caller's)`,
      fix: 'Derive the user of every request from the validated access token (its sub), never from a session, cookie, cache or default user; check the object-level authorization of every tool.',
      evidence: confused.map((a) => a.exchangeId),
      reproduce: first.curl,
    }];
  },
);
