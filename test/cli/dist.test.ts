/**
 * What users install: the committed CLI bundle (dist/cli.js) is fresh, the npm package
 * holds what the CLI needs (and no sources), and nothing in package.json makes npm build
 * on install — a git install (pre-commit) or a tarball install has no devDependencies.
 * (scripts/check-install.sh, run by .ci/run, installs both for real.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REPO } from '../helpers/paths.js';

interface BuildModule {
  cliSourceFiles(root?: string): string[];
  cliSourcesHash(root?: string): string;
  recordedCliSourcesHash(root?: string): string | undefined;
}
const build = (): Promise<BuildModule> => import(pathToFileURL(join(REPO, 'scripts', 'build.mjs')).href) as Promise<BuildModule>;

describe('dist/cli.js', () => {
  it('was built from the current sources', async () => {
    const b = await build();
    expect(b.cliSourceFiles(REPO)).toEqual(expect.arrayContaining(['src/cli/index.ts', 'package-lock.json', 'scripts/build.mjs']));
    expect(
      b.recordedCliSourcesHash(REPO),
      'dist/cli.js is stale: src/, package-lock.json or scripts/build.mjs changed since the last build. Run `npm run build:cli` and commit dist/.',
    ).toBe(b.cliSourcesHash(REPO));
  });

  it('is tracked by git (git installs get it without a build)', () => {
    const r = spawnSync('git', ['ls-files', '--error-unmatch', 'dist/cli.js', 'dist/sources.sha256'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('the npm package', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string>; license: string };

  it('has no script that makes npm build or prepare it on install', () => {
    // npm prepares a git dependency (npm install with devDependencies in a clone) when
    // any of these exists; pre-commit installs hooks exactly that way.
    for (const s of ['prepare', 'prepack', 'build', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts, s).not.toHaveProperty(s);
    expect(pkg.bin['dancu-guard']).toBe('bin/dancu-guard.js');
    expect(pkg.license).toBe('Apache-2.0');
  });

  it('packs the CLI, the policies, the licence and the docs, and no sources', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    for (const f of ['bin/dancu-guard.js', 'dist/cli.js', 'policies/bundle/policy.wasm', 'policies/bundle/rules.json', 'policies/data/settings.json', 'policies/data/rule-docs.json', 'LICENSE', 'CHANGELOG.md', 'README.md', 'README.vi.md', 'docs/rules/DG-CRED-001.md']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^(src|test|examples|scripts)\//.test(f))).toEqual([]);
  });
});

describe('the pre-commit hook definition', () => {
  it('runs the committed CLI on what is staged, given the file names', () => {
    const hooks = parseYaml(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'dancu-guard', entry: 'dancu-guard scan --staged', language: 'node', pass_filenames: true, require_serial: true });
  });
});
