import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCli } from '../../examples/reference-plugin/cli-args.ts';
import { PluginClock } from '../../examples/reference-plugin/clock.ts';
import {
  FAULT_NAMES,
  ReferencePluginOptionsError,
  resolveReferencePluginOptions,
} from '../../examples/reference-plugin/options.ts';
import { expect, test } from './support/fixtures.ts';

const PLUGIN_DIR = new URL('../../examples/reference-plugin/', import.meta.url);
const MAIN = fileURLToPath(new URL('main.ts', PLUGIN_DIR));

test.describe('options, clock and CLI', () => {
  test('defaults', () => {
    expect(resolveReferencePluginOptions()).toEqual({
      host: '127.0.0.1',
      port: 0,
      clientId: 'reference-client',
      clientSecret: 'reference-secret',
      username: 'demo@example.com',
      password: 'demo-password',
      scope: 'todos:read todos:write',
      accessTokenTtlSeconds: 3600,
      refreshTokenGraceSeconds: 60,
      redirectUris: ['https://chat.openai.com/aip/plugin-00000000-0000-4000-8000-000000000000/oauth/callback'],
      allowLoopbackRedirectPort: true,
      verificationToken: 'reference-verification-token',
      contentType: 'application/json',
      faults: [],
      slowApiMs: 11_000,
      credentialPrefix: '',
      exposeControl: false,
    });
  });

  test('bad options are refused with a readable message', () => {
    const cases: [unknown, RegExp][] = [
      [{ faults: ['no-such-fault'] }, /faults/],
      [{ faults: ['json-body-only', 'form-body-only'] }, /json-body-only and form-body-only contradict/],
      [{ prot: 80 }, /prot/],
      [{ port: 70_000 }, /port/],
      [{ redirectUris: ['not a url'] }, /redirectUris/],
    ];
    for (const [input, message] of cases) {
      // @ts-expect-error deliberately invalid input
      expect(() => resolveReferencePluginOptions(input)).toThrow(ReferencePluginOptionsError);
      // @ts-expect-error deliberately invalid input
      expect(() => resolveReferencePluginOptions(input)).toThrow(message);
    }
  });

  test('the README lists every fault', () => {
    const readme = readFileSync(new URL('README.md', PLUGIN_DIR), 'utf8');
    for (const name of FAULT_NAMES) expect(readme).toContain(`| \`${name}\` |`);
  });

  test('the clock only moves forward', () => {
    const clock = new PluginClock();
    const before = clock.now();
    clock.advance(90);
    expect(clock.offsetMs).toBe(90_000);
    expect(clock.now() - before).toBeGreaterThanOrEqual(90_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  test('CLI flags and environment', () => {
    expect(parseCli(['--port', '5005', '--fault', 'no-refresh-token', '--fault', 'camel-case-token-fields'], {})).toEqual({
      kind: 'start',
      options: { port: 5005, faults: ['no-refresh-token', 'camel-case-token-fields'] },
    });
    expect(
      parseCli([], { REFERENCE_PLUGIN_PORT: '6006', REFERENCE_PLUGIN_FAULTS: 'slow-api, drop-state', REFERENCE_PLUGIN_EXPOSE_CONTROL: '1' }),
    ).toEqual({ kind: 'start', options: { port: 6006, faults: ['slow-api', 'drop-state'], exposeControl: true } });
    expect(parseCli(['--port', '7007'], { REFERENCE_PLUGIN_PORT: '6006' })).toMatchObject({ options: { port: 7007 } });
    expect(parseCli(['--port', 'abc'], {})).toMatchObject({ kind: 'invalid', message: expect.stringContaining('port') });
    expect(parseCli(['--bogus'], {})).toMatchObject({ kind: 'invalid' });
    const unknown = parseCli(['--fault', 'nope'], {});
    expect(unknown.kind).toBe('invalid');
    for (const name of FAULT_NAMES) expect(unknown.kind === 'invalid' && unknown.message).toContain(name);
  });

  test('main.ts exits 2 on an unknown fault, and prints where it listens', async () => {
    const run = (args: string[]) => {
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      return { child, exited, output: () => ({ stdout, stderr }) };
    };

    const bad = run(['--fault', 'nope']);
    const good = run(['--port', '0', '--fault', 'drop-state']);
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr).toContain('unknown fault "nope"');
    expect(bad.output().stderr).toContain('camel-case-token-fields');

    await expect.poll(() => good.output().stdout, { timeout: 10_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\n/);
    const url = /listening on (\S+)/.exec(good.output().stdout)?.[1] ?? '';
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(good.output().stdout).toContain('client secret:  reference-secret');
    expect(good.output().stdout).toContain('faults:         drop-state');
    good.child.kill('SIGTERM');
    expect(await good.exited).toBe(0);
  });
});
