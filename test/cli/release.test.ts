/**
 * The release convention (docs/releasing.md): every user-facing document names the same
 * release tag `v<semver>` for the pre-commit `rev:` and the Action's `uses:`; a licence
 * and a changelog exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/paths.js';

const docs = [
  'README.md',
  'README.vi.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
].filter((f) => existsSync(join(REPO, f)));

function tagsIn(text: string): string[] {
  const tags: string[] = [];
  for (const m of text.matchAll(/rev:\s*([^\s`,)]+)/g)) tags.push(m[1]!);
  for (const m of text.matchAll(/uses:\s*your-org\/dancu-guard@([^\s`,)]+)/g)) if (!m[1]!.startsWith('<')) tags.push(m[1]!);
  for (const m of text.matchAll(/uses:\s*your-org\/dancu-guard@<[^>]+>\s*#\s*([^\s`,)]+)/g)) tags.push(m[1]!);
  return tags;
}

describe('release tags in the docs', () => {
  it('every document names the same v<semver> tag', () => {
    const found = new Map<string, string[]>();
    for (const f of docs) {
      for (const tag of tagsIn(readFileSync(join(REPO, f), 'utf8'))) found.set(tag, [...(found.get(tag) ?? []), f]);
    }
    expect(found.size, JSON.stringify(Object.fromEntries(found))).toBe(1);
    const [tag] = [...found.keys()];
    expect(tag).toMatch(/^v\d+\.\d+\.\d+$/);
    // The documented release is the package's version or the next one (not yet tagged).
    const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version.split('.').map(Number);
    const documented = tag!.slice(1).split('.').map(Number);
    const cmp = documented[0]! - version[0]! || documented[1]! - version[1]! || documented[2]! - version[2]!;
    expect(cmp).toBeGreaterThanOrEqual(0);
  });
});

describe('licence and changelog', () => {
  it('LICENSE is the Apache License 2.0 in full', () => {
    const text = readFileSync(join(REPO, 'LICENSE'), 'utf8');
    expect(text).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(text).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(text).toContain('9. Accepting Warranty or Additional Liability.');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
  });

  it('CHANGELOG.md has an Unreleased section, 0.1.0, and a dated section for the package version', () => {
    const text = readFileSync(join(REPO, 'CHANGELOG.md'), 'utf8');
    expect(text).toMatch(/^## \[Unreleased\]$/m);
    expect(text).toMatch(/^## \[0\.1\.0\] - \d{4}-\d{2}-\d{2}$/m);
    const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    expect(text).toMatch(new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });
});
