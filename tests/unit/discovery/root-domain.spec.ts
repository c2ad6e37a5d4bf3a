import { test, expect } from '@playwright/test';
import {
  isExemptHost,
  isLoopbackHost,
  isOnRootDomain,
  registrableDomain,
  rootDomainOf,
} from '../../../mock-host/plugin/root-domain.ts';

test.describe('root domain rules', () => {
  const roots: [string, string | undefined][] = [
    ['https://www.example.com/.well-known/ai-plugin.json', 'example.com'],
    ['https://plugin.example.com:8443/x', 'plugin.example.com'],
    ['https://WWW.Example.COM./', 'example.com'],
    ['http://127.0.0.1:4100/', '127.0.0.1'],
    ['http://localhost:4100/', 'localhost'],
    ['http://[::1]:4100/', '[::1]'],
    ['not a url', undefined],
  ];
  for (const [url, root] of roots) {
    test(`root of ${url} is ${root}`, () => expect(rootDomainOf(url)).toBe(root));
  }

  const membership: [string, string, boolean][] = [
    ['https://api.example.com/openapi.yaml', 'example.com', true],
    ['https://example.com/openapi.yaml', 'example.com', true],
    ['https://deep.api.example.com/', 'example.com', true],
    ['https://notexample.com/', 'example.com', false],
    ['https://example.com.evil.net/', 'example.com', false],
    ['https://example.com/', 'api.example.com', false],
    ['http://127.0.0.1:9999/', '127.0.0.1', true],
    ['http://localhost:4100/', '127.0.0.1', false],
    ['http://127.0.0.1:4100/', 'localhost', false],
    ['http://api.localhost:4100/', 'localhost', true],
    ['file:///etc/passwd', 'example.com', false],
  ];
  for (const [url, root, expected] of membership) {
    test(`${url} ${expected ? 'is' : 'is not'} on ${root}`, () => expect(isOnRootDomain(url, root)).toBe(expected));
  }

  test('loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'app.localhost']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['example.com', '10.0.0.1', 'localhost.example.com']) expect(isLoopbackHost(h)).toBe(false);
  });

  test('registrable domain is the last two labels; IPs stay whole', () => {
    expect(registrableDomain('auth.eu.example.com')).toBe('example.com');
    expect(registrableDomain('example.com')).toBe('example.com');
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
    // The documented simplification: multi-label public suffixes collapse.
    expect(registrableDomain('shop.example.co.uk')).toBe('co.uk');
  });

  test('exempt sign-in domains match themselves and their subdomains only', () => {
    const exempt = ['google.com', 'microsoftonline.com'];
    expect(isExemptHost('accounts.google.com', exempt)).toBe(true);
    expect(isExemptHost('login.microsoftonline.com', exempt)).toBe(true);
    expect(isExemptHost('google.com.evil.net', exempt)).toBe(false);
    expect(isExemptHost('notgoogle.com', exempt)).toBe(false);
  });
});
