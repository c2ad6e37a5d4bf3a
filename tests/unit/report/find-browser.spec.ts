import { test, expect } from '@playwright/test';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchArgs, findChromium, headlessShellBeside, isHeadlessShell, launchOptionsFor, mayHavePlaywrightChromium } from '../../../mock-host/browser/find-browser.ts';

let dir: string;
let fakeBrowser: string;
let fakeShell: string;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'find-browser-'));
  fakeBrowser = join(dir, 'my-chrome');
  writeFileSync(fakeBrowser, '#!/bin/sh\n');
  chmodSync(fakeBrowser, 0o755);
  fakeShell = join(dir, 'chromium-headless-shell');
  writeFileSync(fakeShell, '#!/bin/sh\n');
  chmodSync(fakeShell, 0o755);
  writeFileSync(join(dir, 'not-executable'), '');
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.describe('findChromium', () => {
  test('an explicit PLUGIN_BROWSER_PATH wins over everything', () => {
    const lookup = findChromium({ env: { PLUGIN_BROWSER_PATH: fakeBrowser }, playwrightPaths: () => [fakeBrowser], systemPaths: [fakeBrowser] });
    expect(lookup).toEqual({ executablePath: fakeBrowser, source: 'env', tried: [fakeBrowser] });
  });

  test('a wrong PLUGIN_BROWSER_PATH is reported, not replaced by a guess', () => {
    const wrong = join(dir, 'not-executable');
    const lookup = findChromium({ env: { PLUGIN_BROWSER_PATH: wrong }, systemPaths: [fakeBrowser] });
    expect(lookup).toEqual({ source: 'env', tried: [wrong] });
  });

  test('Playwright\'s own browser comes before the system one, and every path looked at is listed', () => {
    const missing = join(dir, 'ms-playwright', 'chrome');
    expect(findChromium({ env: {}, playwrightPaths: () => [missing, fakeBrowser], systemPaths: ['/nope'], pathNames: [] })).toEqual({
      executablePath: fakeBrowser,
      source: 'playwright',
      tried: [missing, fakeBrowser],
    });
    expect(findChromium({ env: {}, playwrightPaths: () => [missing], systemPaths: ['/nope', fakeBrowser], pathNames: [] })).toEqual({
      executablePath: fakeBrowser,
      source: 'system',
      tried: [missing, '/nope', fakeBrowser],
    });
  });

  test('falls back to a PATH lookup and reports none when nothing is there', () => {
    expect(findChromium({ env: { PATH: dir }, playwrightPaths: () => [], systemPaths: [], pathNames: ['my-chrome'] })).toMatchObject({
      executablePath: fakeBrowser,
      source: 'system',
    });
    expect(findChromium({ env: { PATH: dir }, playwrightPaths: () => [], systemPaths: ['/nope'], pathNames: ['chromium'] })).toEqual({
      source: 'none',
      tried: ['/nope', 'chromium on PATH'],
    });
  });

  test('a headless run takes a headless shell, wherever it is, before any full browser; a headed run never does', () => {
    const pwShell = join(dir, 'ms-playwright', 'chrome-headless-shell');
    const options = { playwrightPaths: () => [fakeBrowser, pwShell], systemPaths: [fakeShell], pathNames: [] };
    expect(findChromium({ env: {}, ...options })).toEqual({ executablePath: fakeShell, source: 'system', tried: [pwShell, fakeShell] });
    expect(findChromium({ env: {}, ...options, headless: false })).toEqual({ executablePath: fakeBrowser, source: 'playwright', tried: [fakeBrowser] });
    expect(findChromium({ env: { PATH: dir }, playwrightPaths: () => [], systemPaths: [fakeBrowser], pathNames: ['chromium-headless-shell'] })).toEqual({
      executablePath: fakeShell,
      source: 'system',
      tried: ['chromium-headless-shell on PATH'],
    });
  });

  test('tells a headless shell by its file name', () => {
    for (const shell of ['/usr/bin/chromium-headless-shell', '/x/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell', 'C:\\pw\\chrome-headless-shell.exe'])
      expect(isHeadlessShell(shell), shell).toBe(true);
    for (const full of ['/usr/bin/chromium', '/x/chromium-1200/chrome-linux64/chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'])
      expect(isHeadlessShell(full), full).toBe(false);
  });

  test('a headed run swaps the headless shell for a full browser, even one PLUGIN_BROWSER_PATH named', () => {
    const options = { executablePath: fakeShell, args: ['--disable-gpu'] };
    const lookup = { playwrightPaths: () => [], systemPaths: [fakeShell, fakeBrowser], pathNames: [] };
    expect(launchOptionsFor(options, true, {}, lookup)).toBe(options);
    expect(launchOptionsFor({ executablePath: fakeBrowser }, false, {}, lookup)).toEqual({ executablePath: fakeBrowser });
    expect(launchOptionsFor(options, false, { PLUGIN_BROWSER_PATH: fakeShell }, lookup)).toEqual({ executablePath: fakeBrowser, args: ['--disable-gpu'] });
    expect(() => launchOptionsFor(options, false, {}, { ...lookup, systemPaths: [fakeShell] })).toThrow(/headed run needs a Chromium or Chrome that can show windows/);
  });

  test('locates the headless shell beside a Playwright Chromium', () => {
    expect(headlessShellBeside('/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome')).toBe(
      '/home/u/.cache/ms-playwright/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell',
    );
    expect(headlessShellBeside('/usr/bin/chromium')).toBeUndefined();
  });

  test('exports the extra launch flags', () => {
    expect(chromiumLaunchArgs).toEqual(expect.arrayContaining(['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage']));
    expect(Object.isFrozen(chromiumLaunchArgs)).toBe(true);
  });

  test("asks Playwright only where its download folder holds a Chromium, or PLAYWRIGHT_BROWSERS_PATH chooses one", () => {
    const home = join(dir, 'home');
    // Linux: $XDG_CACHE_HOME or ~/.cache; macOS: ~/Library/Caches; Windows: %LOCALAPPDATA%, each /ms-playwright.
    expect(mayHavePlaywrightChromium({}, 'linux', home)).toBe(false);
    mkdirSync(join(home, '.cache', 'ms-playwright', 'firefox-1490'), { recursive: true });
    expect(mayHavePlaywrightChromium({}, 'linux', home)).toBe(false);
    mkdirSync(join(home, '.cache', 'ms-playwright', 'chromium_headless_shell-1200'));
    expect(mayHavePlaywrightChromium({}, 'linux', home)).toBe(true);
    expect(mayHavePlaywrightChromium({ XDG_CACHE_HOME: join(dir, 'elsewhere') }, 'linux', home)).toBe(false);
    expect(mayHavePlaywrightChromium({}, 'darwin', home)).toBe(false);
    mkdirSync(join(home, 'Library', 'Caches', 'ms-playwright', 'chromium-1200'), { recursive: true });
    expect(mayHavePlaywrightChromium({}, 'darwin', home)).toBe(true);
    mkdirSync(join(dir, 'local', 'ms-playwright', 'chromium-1200'), { recursive: true });
    expect(mayHavePlaywrightChromium({ LOCALAPPDATA: join(dir, 'local') }, 'win32', home)).toBe(true);
    expect(mayHavePlaywrightChromium({ PLAYWRIGHT_BROWSERS_PATH: '0' }, 'linux', join(dir, 'nobody'))).toBe(true);
  });
});
