import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { at } from './support/http.ts';
import { authorizeUrl, callApi, exchangeCode, expectTokenSet, SENT_STATE } from './support/oauth.ts';

const CHATGPT = 'https://chat.openai.com/';

/**
 * The ChatGPT callback must never be reached: route() does not see a server 302 hop, so the request is caught
 * with waitForRequest, and routing plus a failing navigation keep it on the machine.
 */
async function blockChatGpt(page: Page): Promise<void> {
  await page.route(`${CHATGPT}**`, (route) => route.abort());
}

async function signInInBrowser(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('the code flow in Chromium', () => {
  test('login, consent, callback to ChatGPT, code exchange (JSON body) and an API call', async ({ page, startPlugin }) => {
    const plugin = await startPlugin();
    await blockChatGpt(page);
    await page.goto(authorizeUrl(plugin));
    await expect(page).toHaveURL(/\/login\?return_to=/);
    await expect(page.getByLabel('Email')).toHaveAttribute('type', 'email');

    await signInInBrowser(page, plugin.options.username, plugin.options.password);
    await expect(page.getByRole('heading', { name: 'Authorize access' })).toBeVisible();
    await expect(page.getByText('todos:write')).toBeVisible();

    const callbackRequest = page.waitForRequest((request) => request.url().startsWith(CHATGPT));
    await page.getByRole('button', { name: 'Allow' }).click();
    const callback = new URL((await callbackRequest).url());
    expect(`${callback.origin}${callback.pathname}`).toBe(plugin.options.redirectUris[0]);
    expect(callback.searchParams.get('state')).toBe(SENT_STATE);
    const code = callback.searchParams.get('code') ?? '';
    expect(code).toMatch(/^[A-Za-z0-9_-]{43,}$/);

    const tokens = expectTokenSet(await exchangeCode(plugin, code));
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: 'todos:read todos:write' });
    const added = await callApi(plugin, '/todos', { token: tokens.access_token, method: 'POST', body: { text: 'buy milk' } });
    expect(added.status).toBe(201);
    const list = await callApi(plugin, '/todos', { token: tokens.access_token });
    expect(list.status).toBe(200);
    expect(at(list.json, 'todos', 0, 'text')).toBe('buy milk');
  });

  test('a wrong password re-renders the login page with an error; Deny returns access_denied', async ({
    page,
    startPlugin,
  }) => {
    const plugin = await startPlugin();
    await blockChatGpt(page);
    await page.goto(authorizeUrl(plugin));
    await signInInBrowser(page, plugin.options.username, 'wrong-password');
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
    await expect(page.getByLabel('Email')).toHaveValue(plugin.options.username);

    await signInInBrowser(page, plugin.options.username, plugin.options.password);
    const callbackRequest = page.waitForRequest((request) => request.url().startsWith(CHATGPT));
    await page.getByRole('button', { name: 'Deny' }).click();
    const callback = new URL((await callbackRequest).url());
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(SENT_STATE);
    expect(callback.searchParams.has('code')).toBe(false);
  });

  test('a browser that is already signed in goes straight to consent', async ({ page, startPlugin }) => {
    const plugin = await startPlugin();
    await blockChatGpt(page);
    await page.goto(authorizeUrl(plugin));
    await signInInBrowser(page, plugin.options.username, plugin.options.password);
    await expect(page.getByRole('button', { name: 'Allow' })).toBeVisible();

    await page.goto(authorizeUrl(plugin, { state: 'second' }));
    await expect(page).toHaveURL(/\/oauth\/authorize\?/);
    const callbackRequest = page.waitForRequest((request) => request.url().startsWith(CHATGPT));
    await page.getByRole('button', { name: 'Allow' }).click();
    expect(new URL((await callbackRequest).url()).searchParams.get('state')).toBe('second');
  });
});
