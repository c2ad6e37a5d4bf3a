/**
 * The user's browser without a browser, for tests that need no rendering: follows redirects with a cookie jar per
 * host, and submits the bundled targets' sign-in and consent forms (the test account, then Allow), until it is back
 * at the mock host's callback. Returns that page.
 */
export async function signInByFetch(startUrl: string, account: { username: string; password: string }): Promise<{ status: number; text: string }> {
  const home = new URL(startUrl).host;
  const jar = new Map<string, Map<string, string>>();
  const cookieHeader = (url: URL) => [...(jar.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (url: URL, res: Response) => {
    const cookies = jar.get(url.host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    jar.set(url.host, cookies);
  };
  let url = new URL(startUrl);
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string> | undefined), cookie: cookieHeader(url) } });
    remember(url, res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url);
      init = {};
      continue;
    }
    const text = await res.text();
    if (url.host === home && !url.pathname.startsWith('/install/begin')) return { status: res.status, text };
    const form = /<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(text);
    if (!form) throw new Error(`stuck at ${url.href} (${res.status}): no form`);
    const fields = new URLSearchParams();
    for (const [tag] of (form[2] ?? '').matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag)?.[1] ?? '';
      const value = unescape(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
      fields.set(name, name === 'username' ? account.username : name === 'password' ? account.password : value);
    }
    if (/name="decision"/.test(form[2] ?? '')) fields.set('decision', 'allow');
    url = new URL(form[1] ?? '', url);
    init = { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('too many hops');
}

function unescape(text: string): string {
  return text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#96;', '`').replaceAll('&amp;', '&');
}
