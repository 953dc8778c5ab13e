/**
 * `scan --staged` on real temporary git repositories (synthetic values only): only the
 * index is judged, and the working tree (and the index) are left byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanStaged } from '../../src/pipeline/sources/staged.js';
import { UsageError } from '../../src/util/errors.js';

// A private temporary root for this file's process, so that the leftovers check below
// is not confused by other test files materialising indexes at the same time.
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'dg-staged-suite-'));

// Synthetic values only.
const SECRET = 'Sup3rS3cretValue!9x';
const SECRET2 = 'An0therFakeValue#7q';

const temps: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extra };
}
function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, env: cleanEnv(), encoding: 'utf8' });
}
function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/** A repository with one clean commit. */
function newRepo(): string {
  const dir = tempDir('dg-staged-');
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.name', 'Test Author']);
  git(dir, ['config', 'user.email', 'author@example.invalid']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  write(dir, '.env', 'DANCU_API_KEY=${DANCU_API_KEY}\n');
  write(dir, 'src/app.ts', "export const name = 'demo';\n");
  write(dir, 'README.md', '# demo\n');
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'init']);
  return dir;
}

/** Hash of every file (content, mode, mtime) under root, .git included. */
function treeHash(root: string): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        h.update(relative(root, p)).update(readFileSync(p)).update(`${st.mode}:${st.mtimeMs}`);
      }
    }
  };
  walk(root);
  return h.digest('hex');
}

function leftovers(): string[] {
  return readdirSync(tmpdir()).filter((n) => n.startsWith('dancu-guard-staged-'));
}

describe('scanStaged', () => {
  it('finds a secret that is staged even when the working tree no longer has it', async () => {
    const dir = newRepo();
    write(dir, '.env', `# local\nDANCU_API_KEY=${SECRET}\n`);
    git(dir, ['add', '.env']);
    write(dir, '.env', 'DANCU_API_KEY=${DANCU_API_KEY}\n'); // unstaged fix
    const before = treeHash(dir);
    const tmpBefore = leftovers();

    const r = await scanStaged({ root: dir, lang: 'en', failOn: 'high' });
    expect(r.staged).toEqual(['.env']);
    expect(r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['DG-CRED-002 .env:2']);
    expect(r.findings[0]!.value).toBe('Su…9x');
    expect(r.summary.verdict).toBe('fail');
    expect(r.root).toBe(git(dir, ['rev-parse', '--show-toplevel']).trim());
    expect(JSON.stringify(r.findings)).not.toContain(SECRET);
    expect(JSON.stringify(r.summary)).not.toContain(SECRET);

    expect(treeHash(dir)).toBe(before); // working tree and index untouched
    expect(leftovers()).toEqual(tmpBefore); // temporary copy removed
  });

  it('does not report a secret that is only in the working tree (unstaged)', async () => {
    const dir = newRepo();
    write(dir, 'src/app.ts', `export const name = 'demo';\nconst password = '${SECRET}';\n`);
    write(dir, 'README.md', '# demo\n\nstaged doc change\n');
    git(dir, ['add', 'README.md']);
    const before = treeHash(dir);
    const r = await scanStaged({ root: dir, lang: 'en', failOn: 'high' });
    expect(r.staged).toEqual(['README.md']);
    expect(r.findings).toEqual([]);
    expect(r.summary.verdict).toBe('pass');
    expect(treeHash(dir)).toBe(before);
  });

  it('passes a clean staged change', async () => {
    const dir = newRepo();
    write(dir, 'src/app.ts', "export const name = 'demo';\nexport const port = 8080;\n");
    git(dir, ['add', '-A']);
    const r = await scanStaged({ root: dir, lang: 'en', failOn: 'high' });
    expect(r.staged).toEqual(['src/app.ts']);
    expect(r.findings).toEqual([]);
    expect(r.summary.verdict).toBe('pass');
  });

  it('passes with zero findings when nothing is staged', async () => {
    const dir = newRepo();
    write(dir, '.env', `DANCU_API_KEY=${SECRET}\n`); // modified, not staged
    const r = await scanStaged({ root: dir, lang: 'en', failOn: 'high' });
    expect(r.staged).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.summary.verdict).toBe('pass');
  });

  it('reports only staged files, though the rest of the index is scanned with them', async () => {
    const dir = newRepo();
    write(dir, 'config/application.properties', `dancu.api.password=${SECRET2}\n`);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'old secret, already committed']);
    write(dir, 'src/db.ts', `export const url = 'postgres://svc:${SECRET}@db.internal:5432/app';\n`);
    git(dir, ['add', 'src/db.ts']);
    const r = await scanStaged({ root: dir, lang: 'en', failOn: 'high' });
    expect(r.staged).toEqual(['src/db.ts']);
    expect(r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['DG-CRED-005 src/db.ts:1']);
  });

  it('judges a force-added file that .gitignore would hide', async () => {
    const dir = newRepo();
    write(dir, '.gitignore', 'secrets/\n');
    git(dir, ['add', '.gitignore']);
    git(dir, ['commit', '-q', '-m', 'ignore']);
    write(dir, 'secrets/prod.env', `DANCU_API_KEY=${SECRET}\n`);
    git(dir, ['add', '-f', 'secrets/prod.env']);
    const r = await scanStaged({ root: dir, lang: 'en', failOn: 'high' });
    expect(r.findings.map((f) => f.file)).toEqual(['secrets/prod.env']);
  });

  it('handles renamed and deleted files', async () => {
    const dir = newRepo();
    write(dir, 'config/a.env', `DANCU_API_KEY=${SECRET}\n`);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'secret']);
    git(dir, ['mv', 'config/a.env', 'config/b.env']);
    git(dir, ['rm', '-q', 'src/app.ts']);
    const r = await scanStaged({ root: dir, lang: 'en', failOn: 'high' });
    expect(r.staged).toEqual(['config/b.env']);
    expect(r.findings.map((f) => f.file)).toEqual(['config/b.env']);
  });

  it('works before the first commit', async () => {
    const dir = tempDir('dg-staged-unborn-');
    git(dir, ['init', '-q']);
    write(dir, 'app/.env', `DANCU_API_KEY=${SECRET}\n`);
    git(dir, ['add', '-A']);
    const r = await scanStaged({ root: dir, lang: 'en', failOn: 'high' });
    expect(r.findings.map((f) => f.file)).toEqual(['app/.env']);
  });

  it('uses the staged config, and limits to a subdirectory root', async () => {
    const dir = newRepo();
    write(dir, 'svc/.dancu-guard.yml', 'version: 1\nignore:\n  - fixtures/\n');
    write(dir, 'svc/fixtures/test.env', `DANCU_API_KEY=${SECRET}\n`);
    write(dir, 'svc/prod.env', `DANCU_API_KEY=${SECRET2}\n`);
    write(dir, 'other/x.env', `DANCU_API_KEY=${SECRET2}\n`);
    git(dir, ['add', '-A']);
    const r = await scanStaged({ root: join(dir, 'svc'), lang: 'en', failOn: 'high' });
    expect(r.staged.sort()).toEqual(['.dancu-guard.yml', 'fixtures/test.env', 'prod.env']);
    expect(r.findings.map((f) => f.file)).toEqual(['prod.env']);
  });

  it('names the user path (not the temporary copy) in a config error', async () => {
    const dir = newRepo();
    write(dir, '.dancu-guard.yml', 'version: 1\nbogus: true\n');
    git(dir, ['add', '-A']);
    const p = scanStaged({ root: dir, lang: 'en', failOn: 'high' });
    await expect(p).rejects.toBeInstanceOf(UsageError);
    await expect(scanStaged({ root: dir, lang: 'en', failOn: 'high' })).rejects.toThrow(/\(staged\)/);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a directory that is not a git repository', async () => {
    const dir = tempDir('dg-staged-norepo-');
    const saved = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = dirname(dir);
    try {
      await expect(scanStaged({ root: dir, lang: 'en', failOn: 'high' })).rejects.toThrow(/not a git repository/);
    } finally {
      if (saved === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = saved;
    }
  });

  it('refuses a staged blob that is missing from the object store', async () => {
    const dir = newRepo();
    write(dir, 'src/new.ts', "export const x = 'y';\n");
    git(dir, ['add', '-A']);
    const oid = git(dir, ['rev-parse', ':src/new.ts']).trim();
    unlinkSync(join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    await expect(scanStaged({ root: dir, lang: 'en', failOn: 'high' })).rejects.toThrow(/corrupt/);
    expect(leftovers()).toEqual([]);
  });
});
