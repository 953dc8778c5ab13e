import { BIN } from '../helpers/paths.js';
/**
 * Git safety (src/git/run.ts, the one git wrapper): scanning a repository must never
 * run a command from its `.git/config` (fsmonitor, hooks, external diff, clean
 * filters), never write its index, and never follow `GIT_DIR` & co. to another
 * repository. Checked on the built CLI for `--changed-since`, `--staged` and
 * `--history`, each with a control showing the trap is live for plain git.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitArgs, gitEnv } from '../../src/git/run.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** The test's own git: isolated from the machine's config. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extra };
}

function gitIn(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: cleanEnv() });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function cli(args: string[], cwd: string, extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...cleanEnv(extra), NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const KEY = (i: number) => `C06_SECRET_KEY_${i}=Tq${(i * 7919).toString(36)}Xv9Lm${(i * 104729).toString(36)}Pz\n`;

/**
 * A repository with a committed base, a feature commit, a staged change, an unstaged
 * change and a stat-dirty file, then trapped: every command its config can make git
 * run creates a marker file in `traps/`.
 */
function trappedRepo() {
  const top = mkdtempSync(join(tmpdir(), 'dg-git-safety-'));
  roots.push(top);
  const dir = join(top, 'repo');
  const traps = join(top, 'traps');
  mkdirSync(dir);
  mkdirSync(traps);
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  gitIn(dir, 'init', '-q', '-b', 'main');
  gitIn(dir, 'config', 'user.email', 'dev@example.invalid');
  gitIn(dir, 'config', 'user.name', 'Dev');
  write('.gitattributes', '*.ts filter=evil\n*.env diff=evil\n');
  write('config/.env', [1, 2].map(KEY).join(''));
  write('src/a.ts', 'export const a = 1;\n');
  write('src/b.ts', 'export const b = 2;\n');
  gitIn(dir, 'add', '-A');
  gitIn(dir, 'commit', '-qm', 'base');
  gitIn(dir, 'checkout', '-qb', 'feature');
  write('config/.env', [1, 2, 3].map(KEY).join(''));
  gitIn(dir, 'commit', '-qam', 'key 3');
  write('src/a.ts', 'export const a = 10;\n');
  gitIn(dir, 'add', 'src/a.ts'); // staged
  write('src/b.ts', 'export const b = 20;\n'); // unstaged
  write('config/.env', [1, 2, 3, 4].map(KEY).join('')); // unstaged, staged below
  gitIn(dir, 'add', 'config/.env');
  // A stat-dirty file: same content, new mtime, so `git diff` would refresh the index.
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(dir, '.gitattributes'), later, later);

  const trap = (name: string) => `touch '${join(traps, name)}'`;
  const hooks = join(top, 'hooks');
  mkdirSync(hooks);
  for (const h of ['pre-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'pre-auto-gc']) {
    writeFileSync(join(hooks, h), `#!/bin/sh\n${trap(`hook-${h}`)}\n`, { mode: 0o755 });
  }
  gitIn(dir, 'config', 'core.fsmonitor', `${trap('fsmonitor')}; false`);
  gitIn(dir, 'config', 'core.hooksPath', hooks);
  gitIn(dir, 'config', 'diff.external', trap('external-diff'));
  gitIn(dir, 'config', 'diff.evil.command', trap('diff-driver'));
  gitIn(dir, 'config', 'diff.evil.textconv', `${trap('textconv')}; cat`);
  gitIn(dir, 'config', 'filter.evil.clean', `${trap('clean')}; cat`);
  gitIn(dir, 'config', 'filter.evil.smudge', `${trap('smudge')}; cat`);
  gitIn(dir, 'config', 'core.pager', trap('pager'));
  return { dir, traps, fired: () => readdirSync(traps).sort() };
}

describe('the git wrapper', () => {
  it('always passes the safety settings', () => {
    const args = gitArgs(['status']);
    const sub = args.indexOf('status');
    const configs = args.slice(0, sub).filter((_, i) => i % 2 === 1);
    expect(configs).toEqual(
      expect.arrayContaining([
        'core.fsmonitor=false',
        'core.untrackedCache=false',
        'core.hooksPath=/dev/null',
        'diff.external=',
        'protocol.allow=never',
      ]),
    );
  });

  it('drops variables that point git elsewhere, keeps an absolute GIT_INDEX_FILE', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        GIT_DIR: '/elsewhere/.git',
        GIT_WORK_TREE: '/elsewhere',
        GIT_OBJECT_DIRECTORY: '/elsewhere/objects',
        GIT_EXTERNAL_DIFF: 'touch /nonexistent/x',
        GIT_INDEX_FILE: '.git/index.tmp',
      });
      const env = gitEnv();
      expect(env.GIT_DIR).toBeUndefined();
      expect(env.GIT_WORK_TREE).toBeUndefined();
      expect(env.GIT_OBJECT_DIRECTORY).toBeUndefined();
      expect(env.GIT_EXTERNAL_DIFF).toBeUndefined();
      expect(env.GIT_INDEX_FILE).toBe(join(process.cwd(), '.git/index.tmp'));
      expect(env).toMatchObject({ GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' });
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});

describe('scanning a repository whose .git/config runs commands', () => {
  it('--changed-since runs none of them and leaves .git/index byte for byte', () => {
    const { dir, fired } = trappedRepo();
    const index = join(dir, '.git', 'index');
    const before = readFileSync(index);
    const r = cli(['scan', '.', '--changed-since', 'main', '--format', 'json', '--no-progress'], dir);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(1); // keys 3 and 4 are new
    expect(fired()).toEqual([]);
    expect(readFileSync(index).equals(before)).toBe(true);
    expect(existsSync(`${index}.lock`)).toBe(false);

    // Control: the traps are live, and plain `git diff` does rewrite the index.
    spawnSync('git', ['diff', 'main'], { cwd: dir, env: cleanEnv() });
    expect(fired()).toEqual(expect.arrayContaining(['clean', 'external-diff', 'fsmonitor']));
    expect(readFileSync(index).equals(before)).toBe(false);
  });

  it('--changed-since gates by fingerprint and counts the changed files without running them', () => {
    const { dir, fired } = trappedRepo();
    const r = cli(['scan', '.', '--changed-since', 'main', '--format', 'json', '--no-progress'], dir);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ file: string; line: number }>; summary: { changedLines: { files: number } } };
    expect(doc.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['config/.env:3', 'config/.env:4']);
    expect(doc.summary.changedLines.files).toBe(3); // config/.env, src/a.ts, src/b.ts
    expect(fired()).toEqual([]);
  });

  it('--staged runs none of them', () => {
    const { dir, fired } = trappedRepo();
    const r = cli(['scan', '--staged', '--format', 'json', '--no-progress'], dir);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(1);
    expect(fired()).toEqual([]);
  });

  it('--history runs none of them', () => {
    const { dir, fired } = trappedRepo();
    const r = cli(['scan', '--history', '--format', 'json', '--no-progress'], dir);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(1);
    expect(fired()).toEqual([]);
  });

  it('a GIT_DIR in the environment does not redirect the scan to another repository', () => {
    const { dir, fired } = trappedRepo();
    const other = mkdtempSync(join(tmpdir(), 'dg-git-other-'));
    roots.push(other);
    gitIn(other, 'init', '-q', '-b', 'trunk'); // no "main" there
    const r = cli(['scan', '.', '--changed-since', 'main', '--no-progress'], dir, {
      GIT_DIR: join(other, '.git'),
      GIT_WORK_TREE: other,
    });
    expect(r.stderr).not.toContain('unknown git ref');
    expect(r.code).toBe(1);
    expect(fired()).toEqual([]);
  });
});
