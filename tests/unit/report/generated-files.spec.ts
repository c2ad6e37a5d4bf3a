import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { FINDING_CODES, findingDocPath } from '../../../mock-host/findings/catalog.ts';
import { docsBaseUrl, findingDocUrl } from '../../../mock-host/findings/finding-doc-url.ts';
import { GENERATED_FILES } from '../../../scripts/generated-files.ts';

for (const file of GENERATED_FILES) {
  const path = fileURLToPath(file.url);
  test(`${path.split('/').slice(-2).join('/')} is up to date (npm run docs)`, () => {
    expect(readFileSync(path, 'utf8')).toBe(file.render());
  });
}

test('docs/findings.md has one heading per finding code, whose anchor is the one findingDocPath() links to', () => {
  const doc = readFileSync(new URL('../../../docs/findings.md', import.meta.url), 'utf8');
  const headings = [...doc.matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
  expect(headings.sort()).toEqual([...FINDING_CODES].sort());
  // GitHub (and most renderers) lower-case a heading for its anchor and keep underscores.
  for (const code of FINDING_CODES) expect(findingDocPath(code)).toBe(`docs/findings.md#${code.toLowerCase()}`);
});

test('finding links point at the public repository when package.json names one, else at this checkout', () => {
  expect(findingDocUrl('REFRESH_TOKEN_MISSING', 'https://github.com/acme/plugin-conformance/blob/HEAD/')).toBe(
    'https://github.com/acme/plugin-conformance/blob/HEAD/docs/findings.md#refresh_token_missing',
  );
  expect(findingDocUrl('REFRESH_TOKEN_MISSING', docsBaseUrl())).toMatch(/^(file:\/\/\/.+\/|https:\/\/github\.com\/.+\/blob\/HEAD\/)docs\/findings\.md#refresh_token_missing$/);
});

test('the docs base URL is read from package.json: its GitHub repository in any spelling, else the checkout', () => {
  const base = (repository: unknown): string => {
    const dir = mkdtempSync(join(tmpdir(), 'package-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify(repository === undefined ? { name: 'x' } : { name: 'x', repository }));
    return docsBaseUrl(pathToFileURL(join(dir, 'package.json')));
  };
  for (const repository of ['git+https://github.com/acme/widget.git', 'https://github.com/acme/widget', { type: 'git', url: 'git@github.com:acme/widget.git' }, 'github:acme/widget']) {
    expect(base(repository), JSON.stringify(repository)).toBe('https://github.com/acme/widget/blob/HEAD/');
  }
  for (const repository of [undefined, 'https://gitlab.com/acme/widget.git']) expect(base(repository)).toMatch(/^file:\/\/\/.+\/package-[^/]+\/$/);
  // This repository's own package.json names its GitHub repository.
  const own = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { repository?: { url?: string } }).repository?.url ?? '';
  const name = /github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(own)?.[1];
  expect(name, 'package.json names a GitHub repository').toBeTruthy();
  expect(docsBaseUrl()).toBe(`https://github.com/${name}/blob/HEAD/`);
});
