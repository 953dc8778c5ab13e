import { EXAMPLES } from '../helpers/paths.js';
/**
 * `scan --history` on real temporary git repositories (synthetic values only).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Finding } from '../../src/findings/types.js';
import { scanHistory, sourceLineCredentials, type HistoryScanResult } from '../../src/pipeline/sources/history/index.js';
import { defaultSettings } from '../../src/policy/settings.js';
import { scan } from '../../src/pipeline/scan.js';
import { UsageError } from '../../src/util/errors.js';

// Synthetic values only.
const SECRET = 'Sup3rS3cretValue!9x';
const SECRET2 = 'An0therFakeValue#7q';
const SECRET3 = 'Th1rdFakeSecret$42z';
const settings = defaultSettings();

const temps: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** git with a clean environment (no GIT_* from an outer hook), never a shell. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extra };
}
function git(cwd: string, args: string[], extra: Record<string, string> = {}, input?: string): string {
  return execFileSync('git', args, { cwd, env: cleanEnv(extra), encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
}
function initRepo(dir: string): void {
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.name', 'Test Author']);
  git(dir, ['config', 'user.email', 'author@example.invalid']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
}
function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}
function commit(dir: string, message: string, date: string): string {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

const yml = (password: string) => `spring:
  application:
    name: dancu-client
dancu:
  api:
    url: https://lgsp.example.invalid/api
    password: ${password}
`;

/**
 * c1 2024-03-01  application.yml password at line 7 (SECRET); README
 * c2 2024-03-05  two lines inserted above (still SECRET, now line 9)
 * c3 2024-03-10  password replaced by ${DANCU_PASSWORD}
 * c4 2024-04-02  .env DANCU_API_KEY=SECRET2 (kept to HEAD)
 * branch feature (from c4): c5 2024-04-03 src/client.ts password literal SECRET3; merged (c6)
 * c7 2024-04-20  unrelated change
 */
let repo: string;
const sha: Record<string, string> = {};

beforeAll(() => {
  repo = tempDir('dg-history-');
  initRepo(repo);
  write(repo, 'config/application.yml', yml(SECRET));
  write(repo, 'README.md', '# demo\n');
  sha.c1 = commit(repo, 'c1', '2024-03-01T09:00:00+07:00');
  write(repo, 'config/application.yml', `# comment\n# another\n${yml(SECRET)}`);
  sha.c2 = commit(repo, 'c2', '2024-03-05T09:00:00+07:00');
  write(repo, 'config/application.yml', `# comment\n# another\n${yml('${DANCU_PASSWORD}')}`);
  sha.c3 = commit(repo, 'c3', '2024-03-10T09:00:00+07:00');
  write(repo, '.env', `# local\nDANCU_API_KEY=${SECRET2}\n`);
  sha.c4 = commit(repo, 'c4', '2024-04-02T09:00:00+07:00');
  git(repo, ['tag', 'v1']);
  git(repo, ['checkout', '-q', '-b', 'feature']);
  write(repo, 'src/client.ts', `export const endpoint = '/api';\n\nconst password = '${SECRET3}';\nexport default password;\n`);
  sha.c5 = commit(repo, 'c5', '2024-04-03T09:00:00+07:00');
  git(repo, ['checkout', '-q', 'main']);
  write(repo, 'README.md', '# demo\n\nmore\n');
  commit(repo, 'main side', '2024-04-04T09:00:00+07:00');
  git(repo, ['merge', '-q', '--no-ff', '--no-edit', 'feature'], {
    GIT_AUTHOR_DATE: '2024-04-05T09:00:00+07:00',
    GIT_COMMITTER_DATE: '2024-04-05T09:00:00+07:00',
  });
  sha.c6 = git(repo, ['rev-parse', 'HEAD']).trim();
  write(repo, 'docs/notes.txt', 'nothing here\n');
  sha.c7 = commit(repo, 'c7', '2024-04-20T09:00:00+07:00');
});

function byFile(r: HistoryScanResult, file: string) {
  return r.findings.filter((f) => f.file === file);
}

describe('scanHistory', () => {
  let full: HistoryScanResult;
  beforeAll(async () => {
    full = await scanHistory({ root: repo, settings, lang: 'en' });
  });

  it('walks every commit reachable from HEAD', () => {
    expect(full.commits).toBe(8);
    expect(full.blobs).toBeGreaterThan(0);
    expect(full.range).toBe('HEAD');
    expect(full.findings.every((f) => f.category === 'credentials')).toBe(true);
  });

  it('reports a secret added then removed, once, at the commit that introduced it', () => {
    const fs = byFile(full, 'config/application.yml');
    expect(fs).toHaveLength(1);
    const f = fs[0]!;
    expect(f.ruleId).toBe('DG-CRED-002');
    expect(f.commit).toEqual({ sha: sha.c1, authorDate: '2024-03-01T09:00:00+07:00' });
    // The line in c1's version (c2 moved it to line 9).
    expect(f.line).toBe(7);
    expect(f.message).toContain(`First committed in ${sha.c1!.slice(0, 7)} on 2024-03-01`);
    expect(f.message).toContain('removed later, but still in history: rotate it');
    expect(f.value).toBe('Su…9x');
  });

  it('says when the value is still present at HEAD', () => {
    const f = byFile(full, '.env')[0]!;
    expect(f).toBeDefined();
    expect(f.ruleId).toBe('DG-CRED-002');
    expect(f.line).toBe(2);
    expect(f.commit).toEqual({ sha: sha.c4, authorDate: '2024-04-02T09:00:00+07:00' });
    expect(f.message).toContain('still present at HEAD');
  });

  it('attributes a secret merged from a branch to the branch commit (TS/JS: token-level)', () => {
    const fs = byFile(full, 'src/client.ts');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.ruleId).toBe('DG-CRED-001');
    expect(fs[0]!.line).toBe(3);
    expect(fs[0]!.column).toBe(18);
    expect(fs[0]!.commit?.sha).toBe(sha.c5);
  });

  it('never puts a clear secret in any output', () => {
    const text = JSON.stringify(full);
    for (const s of [SECRET, SECRET2, SECRET3]) expect(text).not.toContain(s);
  });

  it('gives Vietnamese messages with --lang vi', async () => {
    const r = await scanHistory({ root: repo, settings, lang: 'vi' });
    const f = byFile(r, 'config/application.yml')[0]!;
    expect(f.message).toContain(`Lần đầu được commit trong ${sha.c1!.slice(0, 7)} ngày 2024-03-01`);
  });

  it('limits the walk to since..HEAD', async () => {
    const r = await scanHistory({ root: repo, since: sha.c3!, settings, lang: 'en' });
    expect(r.range).toBe(`${sha.c3}..HEAD`);
    expect(r.commits).toBe(5); // c4, c5, main side, merge, c7
    expect(byFile(r, 'config/application.yml')).toHaveLength(0);
    expect(byFile(r, '.env')).toHaveLength(1);
    expect(byFile(r, 'src/client.ts')).toHaveLength(1);
    const tagged = await scanHistory({ root: repo, since: 'v1', settings, lang: 'en' });
    expect(tagged.commits).toBe(4);
    expect(byFile(tagged, '.env')).toHaveLength(0);
    expect(byFile(tagged, 'src/client.ts')).toHaveLength(1);
  });

  it('does not re-attribute a value that predates the range to a later commit touching the file', async () => {
    const r = await scanHistory({ root: repo, since: sha.c1!, settings, lang: 'en' });
    // c2 edits application.yml, but the password was already there in c1.
    expect(byFile(r, 'config/application.yml')).toHaveLength(0);
  });

  it('rejects an unknown --since revision, naming it', async () => {
    await expect(scanHistory({ root: repo, since: 'no-such-ref', settings, lang: 'en' })).rejects.toThrow(UsageError);
    await expect(scanHistory({ root: repo, since: 'no-such-ref', settings, lang: 'en' })).rejects.toThrow(/no-such-ref/);
    await expect(scanHistory({ root: repo, since: '--all', settings, lang: 'en' })).rejects.toThrow(UsageError);
  });

  it('honours config ignore globs and inline suppressions in the introducing version', async () => {
    const dir = tempDir('dg-history-cfg-');
    initRepo(dir);
    write(dir, 'fixtures/app.env', `DANCU_API_KEY=${SECRET}\n`);
    write(dir, 'app/.env', `# dancu-guard:ignore DG-CRED-002 -- synthetic fixture for tests\nDANCU_API_KEY=${SECRET2}\n`);
    write(dir, '.dancu-guard.yml', 'version: 1\nignore:\n  - fixtures/\n');
    commit(dir, 'one', '2024-05-01T00:00:00Z');
    const config = loadConfig(dir);
    const r = await scanHistory({ root: dir, settings, lang: 'en', config });
    expect(r.findings).toEqual([]);
    expect(r.suppressed.map((s) => s.finding.file)).toEqual(['app/.env']);
    const noCfg = await scanHistory({ root: dir, settings, lang: 'en' });
    expect(noCfg.findings.map((f) => f.file)).toEqual(['fixtures/app.env']);
  });

  it('reports paths relative to a subdirectory root, and only under it', async () => {
    const r = await scanHistory({ root: join(repo, 'config'), settings, lang: 'en' });
    expect(r.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['application.yml:7']);
  });

  it('returns nothing for a repository without commits', async () => {
    const dir = tempDir('dg-history-empty-');
    initRepo(dir);
    const r = await scanHistory({ root: dir, settings, lang: 'en' });
    expect(r.findings).toEqual([]);
    expect(r.commits).toBe(0);
  });
});

describe('scanHistory and a working-tree scan agree', () => {
  it('reports the same credential findings for a one-commit copy of examples/ts-violating', async () => {
    const dir = join(tempDir('dg-history-parity-'), 'r');
    cpSync(join(EXAMPLES, 'ts-violating'), dir, { recursive: true });
    initRepo(dir);
    commit(dir, 'import', '2024-06-01T00:00:00Z');
    const wt = await scan({ path: dir, lang: 'en' });
    const h = await scanHistory({ root: dir, settings: wt.settings, config: wt.config, lang: 'en' });
    const key = (f: Finding) => `${f.ruleId} ${f.file}:${f.line}:${f.column ?? ''} ${f.fingerprint} ${f.value ?? ''}`;
    const expected = wt.findings.filter((f) => f.category === 'credentials').map(key).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(h.findings.map(key).sort()).toEqual(expected);
    expect(h.findings.every((f) => f.message.endsWith('still present at HEAD.'))).toBe(true);
  });
});

describe('scanHistory on bad input', () => {
  it('refuses a directory that is not a git repository', async () => {
    const dir = tempDir('dg-history-norepo-');
    const saved = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = dirname(dir);
    try {
      await expect(scanHistory({ root: dir, settings, lang: 'en' })).rejects.toThrow(/not a git repository/);
      await expect(scanHistory({ root: dir, settings, lang: 'en' })).rejects.toBeInstanceOf(UsageError);
    } finally {
      if (saved === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = saved;
    }
  });

  it('refuses a path that does not exist', async () => {
    await expect(scanHistory({ root: join(tmpdir(), 'dg-no-such-dir-x9'), settings, lang: 'en' })).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses a shallow clone, saying how to fetch the full history', async () => {
    const dest = join(tempDir('dg-history-shallow-'), 'clone');
    git(tmpdir(), ['clone', '-q', '--depth', '1', `file://${repo}`, dest]);
    const p = scanHistory({ root: dest, settings, lang: 'en' });
    await expect(p).rejects.toBeInstanceOf(UsageError);
    await expect(scanHistory({ root: dest, settings, lang: 'en' })).rejects.toThrow(/shallow.*git fetch --unshallow/s);
  });

  it('refuses a repository with a missing blob', async () => {
    const dir = join(tempDir('dg-history-corrupt-'), 'r');
    cpSync(repo, dir, { recursive: true });
    // The c1 blob of application.yml, stored loose.
    const oid = git(dir, ['rev-parse', `${sha.c1}:config/application.yml`]).trim();
    unlinkSync(join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    await expect(scanHistory({ root: dir, settings, lang: 'en' })).rejects.toThrow(/corrupt/);
    await expect(scanHistory({ root: dir, settings, lang: 'en' })).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses a repository with a missing blob it would not read (a doc)', async () => {
    const dir = join(tempDir('dg-history-corrupt-doc-'), 'r');
    cpSync(repo, dir, { recursive: true });
    const oid = git(dir, ['rev-parse', `${sha.c7}:docs/notes.txt`]).trim();
    unlinkSync(join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    await expect(scanHistory({ root: dir, settings, lang: 'en' })).rejects.toThrow(/corrupt/);
  });

  it('refuses a repository with a missing commit', async () => {
    const dir = join(tempDir('dg-history-corrupt-commit-'), 'r');
    cpSync(repo, dir, { recursive: true });
    unlinkSync(join(dir, '.git', 'objects', sha.c2!.slice(0, 2), sha.c2!.slice(2)));
    await expect(scanHistory({ root: dir, settings, lang: 'en' })).rejects.toThrow(/corrupt/);
    await expect(scanHistory({ root: dir, settings, lang: 'en' })).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses a repository whose HEAD commit is missing', async () => {
    const dir = join(tempDir('dg-history-corrupt-head-'), 'r');
    cpSync(repo, dir, { recursive: true });
    unlinkSync(join(dir, '.git', 'objects', sha.c7!.slice(0, 2), sha.c7!.slice(2)));
    await expect(scanHistory({ root: dir, settings, lang: 'en' })).rejects.toThrow(/corrupt/);
  });
});

describe('sourceLineCredentials (TS/JS blobs in history)', () => {
  it('judges literals bound to names as the TypeScript collector does, from tokens', () => {
    const text = [
      "import axios from 'axios';",
      `const password = '${SECRET}';`,
      `export const cfg = { apiKey: "${SECRET2}", name: 'dancu' };`,
      `const token = process.env.DANCU_TOKEN || '${SECRET3}';`,
      'const secret = `${prefix}-x-${SECRET}`;', // a template with substitutions is no literal
      `const user = 'admin';`,
      `class A { private clientSecret: string = '${SECRET}'; }`,
      `const yaml = 'password: "${SECRET2}"';`, // inside a string: not code
      `const mode = debug ? 'password' : '${SECRET3}';`, // a ternary, not a property
      `// apiKey: '${SECRET}'`, // a comment
      `axios.get('/x', { auth: { username: 'svc', password: '${SECRET2}' } });`,
      `axios.get('/y', { headers: { Authorization: 'Basic ' + Buffer.from('svc:${SECRET3}').toString('base64') } });`,
    ].join('\n');
    const facts = sourceLineCredentials(text, 'a.ts', settings);
    expect(facts.map((f) => `${f.line}:${f.key}:${f.kind}`)).toEqual([
      '2:password:named-literal',
      '3:apiKey:named-literal',
      '4:DANCU_TOKEN:named-literal',
      '7:clientSecret:named-literal',
      '11:password:auth-object',
      '12:Authorization:auth-header',
    ]);
    expect(facts[0]!.column).toBe(18);
    expect(JSON.stringify(facts)).not.toContain(SECRET);
    expect(JSON.stringify(facts)).not.toContain(SECRET3);
  });

  it('skips files the TypeScript collector would not analyse', () => {
    expect(sourceLineCredentials(`export const greeting = 'hello world';\n`, 'a.ts', settings)).toEqual([]);
  });
});

/**
 * Throughput: a history of 2,500 commits built with `git fast-import`. Figures are
 * printed, never asserted (machines differ).
 */
describe('history throughput', () => {
  it('walks a 2,500-commit history and reports each introduced secret once', async () => {
    const dir = tempDir('dg-history-bulk-');
    initRepo(dir);
    const n = 2500;
    const parts: string[] = [];
    const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
    let secrets = 0;
    for (let i = 1; i <= n; i++) {
      const when = 1_700_000_000 + i * 60;
      parts.push(`commit refs/heads/main\nmark :${i}\n`);
      parts.push(`author Bulk <bulk@example.invalid> ${when} +0700\ncommitter Bulk <bulk@example.invalid> ${when} +0700\n`);
      parts.push(data(`commit ${i}`));
      if (i > 1) parts.push(`from :${i - 1}\n`);
      const k = i % 40;
      parts.push(`M 100644 inline src/module${k}.ts\n`);
      parts.push(data(`export const value${i} = ${i};\nexport function f${k}() { return ${i}; }\n`));
      parts.push(`M 100644 inline config/app${i % 25}.yml\n`);
      parts.push(data(`server:\n  port: ${8000 + (i % 100)}\n  name: svc${i}\n`));
      if (i % 100 === 0) {
        secrets++;
        parts.push(`M 100644 inline env/service${i}.env\n`);
        parts.push(data(`DANCU_API_KEY=FakeBulkValue-${i}-x9Q\n`));
      }
    }
    git(dir, ['fast-import', '--quiet'], {}, parts.join(''));
    git(dir, ['reset', '-q', '--hard', 'main']);

    const r = await scanHistory({ root: dir, settings, lang: 'en' });
    expect(r.commits).toBe(n);
    expect(r.findings).toHaveLength(secrets);
    expect(new Set(r.findings.map((f) => f.commit?.sha)).size).toBe(secrets);
    const rate = Math.round((r.commits / r.durationMs) * 1000);
    console.log(`[history throughput] ${r.commits} commits, ${r.blobs} blobs, ${r.durationMs} ms → ${rate} commits/s`);
  });
});
