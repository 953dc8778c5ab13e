/**
 * Issue 10, "CI surfaces", on the built CLI: links the repository commits are never
 * written through (`--output`) nor read through out of the root (lock file, baseline,
 * config, declaration), no error message quotes what such a file holds, the text
 * format on a runner cannot issue workflow commands, and a `.git` file pointing git at
 * another repository is refused for `--history` and `--staged`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitIn, tmp, write } from '../helpers/action.js';
import { BIN, EXAMPLES } from '../helpers/paths.js';
import { runnerCommands } from '../helpers/runner-log.js';
import { exampleFiles, SECRET_YAML } from './fixtures.js';

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--no-progress'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A file outside the repository whose first bytes must never be echoed. */
function secretOutside(): { dir: string; file: string } {
  const dir = tmp('links-outside');
  const file = join(dir, 'runner-credentials');
  writeFileSync(file, 'SUPERSECRET-VALUE-0001 {"token":"ghp_syntheticNotRealToken0000000000000000"}\n');
  return { dir, file };
}

const DEPLOY = ['--deploy-date', '2026-12-01', '--trust-key', join(EXAMPLES, 'province-example.pub')];

describe('--output never writes through a link', () => {
  it('a committed link to a file, or a linked directory, is refused (exit 2) and the target is untouched', () => {
    const { dir, file } = secretOutside();
    const ws = tmp('links-out');
    write(ws, exampleFiles('ts-violating'));
    symlinkSync(file, join(ws, 'report.json'));
    const r = cli(['scan', '.', '--format', 'json', '--output', 'report.json'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write report.json: it is a symbolic link; refusing to write through it');
    expect(readFileSync(file, 'utf8')).toContain('SUPERSECRET');

    symlinkSync(dir, join(ws, 'reports'));
    const viaDir = cli(['gate', '.', ...DEPLOY, '--output', 'reports/gate.txt'], ws);
    expect(viaDir.code).toBe(2);
    expect(viaDir.stderr).toContain('outside');
    expect(existsSync(join(dir, 'gate.txt'))).toBe(false);

    // A plain path is written as before.
    expect(cli(['scan', '.', '--format', 'json', '--output', 'out.json'], ws).code).toBe(1);
    expect(JSON.parse(readFileSync(join(ws, 'out.json'), 'utf8')).findings.length).toBeGreaterThan(0);
  });
});

describe('no read through a link out of the root, and no echo of what a file holds', () => {
  it('the lock file', () => {
    const { file } = secretOutside();
    const ws = tmp('links-lock');
    cpSync(join(EXAMPLES, 'gate-approved'), ws, { recursive: true });
    const lock = join(ws, 'dancu-integration.lock.json');
    const original = readFileSync(lock, 'utf8');
    writeFileSync(lock, 'SUPERSECRET-VALUE-0001 not json\n');
    const invalid = cli(['gate', '.', ...DEPLOY], ws);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('dancu-integration.lock.json: not valid JSON; regenerate it');
    expect(invalid.stderr).not.toContain('SUPERSECRET');

    writeFileSync(lock, original);
    spawnSync('rm', [lock]);
    symlinkSync(file, lock);
    const linked = cli(['gate', '.', ...DEPLOY], ws);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('lock file');
    expect(linked.stderr).toContain('outside the scanned root; refusing to read it');
    expect(linked.stderr).not.toContain('SUPERSECRET');
  });

  it('the baseline', () => {
    const { file } = secretOutside();
    const ws = tmp('links-baseline');
    write(ws, exampleFiles('ts-compliant'));
    symlinkSync(file, join(ws, 'baseline.json'));
    const linked = cli(['scan', '.', '--baseline', 'baseline.json'], ws);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('baseline baseline.json is a link to');
    expect(linked.stderr).not.toContain('SUPERSECRET');
    write(ws, { 'own.json': 'SUPERSECRET-VALUE-0001\n' });
    const invalid = cli(['scan', '.', '--baseline', 'own.json'], ws);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('baseline own.json is not valid JSON');
    expect(invalid.stderr).not.toContain('SUPERSECRET');
  });

  it('the config: an explicit path, or one inside a linked directory', () => {
    const { dir, file } = secretOutside();
    const ws = tmp('links-config');
    write(ws, exampleFiles('ts-compliant'));
    symlinkSync(file, join(ws, 'dancu.yml'));
    symlinkSync(dir, join(ws, 'ci'));
    for (const args of [['--config', 'dancu.yml'], ['--config', 'ci/runner-credentials']]) {
      const r = cli(['scan', '.', ...args], ws);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('outside the scanned root; refusing to read it');
      expect(r.stderr).not.toContain('SUPERSECRET');
    }
    // Inside the root, a document that is not a mapping is described, not quoted.
    write(ws, { '.dancu-guard.yml': 'SUPERSECRET-VALUE-0001\n' });
    const scalar = cli(['scan', '.'], ws);
    expect(scalar.code).toBe(2);
    expect(scalar.stderr).toContain('the config must be object (got a string)');
    expect(scalar.stderr).not.toContain('SUPERSECRET');
  });

  it('the declaration', () => {
    const { dir } = secretOutside();
    writeFileSync(join(dir, 'dancu-integration.yml'), 'SUPERSECRET-VALUE-0001\n');
    const ws = tmp('links-decl');
    cpSync(join(EXAMPLES, 'gate-approved'), ws, { recursive: true });
    symlinkSync(dir, join(ws, 'records'));
    const r = cli(['gate', '.', ...DEPLOY, '--declaration', 'records/dancu-integration.yml'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('declaration records/dancu-integration.yml is a link to');
    expect(r.stderr).not.toContain('SUPERSECRET');
  });
});

describe('the text format on a runner', () => {
  it('paths and references holding :: or ##[ issue no workflow command (scan and gate)', () => {
    const ws = tmp('links-text');
    write(ws, {
      '::add-mask::x/.env': 'C06_SECRET_KEY=Tq9ZvLm7Xw2Pz8Kd4Rb6\n',
      '::stop-commands::t0k3n/.env': 'C06_SECRET_KEY=Tq9ZvLm7Xw2Pz8Kd4Rb7\n',
      'b ##[add-mask]c/.env': 'C06_PASSWORD=Zx8Lm2Qp7Rw4Tk9Vb1\n',
    });
    const r = cli(['scan', '.'], ws, { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('%3A%3Aadd-mask::x/.env');
    expect(runnerCommands(r.stdout)).toEqual([]);

    const gate = tmp('links-gate-text');
    cpSync(join(EXAMPLES, 'gate-approved'), gate, { recursive: true });
    const decl = join(gate, 'dancu-integration.yml');
    writeFileSync(decl, readFileSync(decl, 'utf8').replace('reference: "123/STTTT-CNTT"', 'reference: "123 ##[add-mask]x"'));
    const g = cli(['gate', '.', ...DEPLOY], gate, { GITHUB_ACTIONS: 'true' });
    expect(g.stdout).toContain('123 ##%5Badd-mask]x');
    expect(runnerCommands(g.stdout)).toEqual([]);
  });
});

describe('a .git that sends git to another repository', () => {
  /** A repository with a committed credential: what the attacker wants reported. */
  function victimRepo(): string {
    const other = tmp('links-victim');
    const git = gitIn(other);
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.invalid');
    git('config', 'user.name', 'CI');
    write(other, { 'k8s/secret.yaml': SECRET_YAML });
    git('add', '-A');
    git('commit', '-qm', 'another repository');
    return other;
  }

  it('a .git file with gitdir: out of the root is refused for --history and --staged; nothing of the other repository is reported', () => {
    const other = victimRepo();
    const ws = tmp('links-gitdir');
    write(ws, { 'README.md': '# tarball from a contractor\n', '.git': `gitdir: ${join(other, '.git')}\n` });
    for (const mode of ['--history', '--staged']) {
      const r = cli(['scan', '.', mode, '--format', 'json'], ws);
      expect(r.code, mode).toBe(2);
      expect(r.stderr).toContain('a repository outside the scanned root that does not name');
      expect(r.stdout).toBe('');
    }
    // a .git link is the same
    const ws2 = tmp('links-gitlink');
    write(ws2, { 'README.md': '# x\n' });
    symlinkSync(join(other, '.git'), join(ws2, '.git'));
    expect(cli(['scan', '.', '--history'], ws2).code).toBe(2);
  });

  it('a linked worktree (git worktree add) is its own repository: accepted', () => {
    const main = victimRepo();
    const wt = join(tmp('links-worktree'), 'wt');
    gitIn(main)('worktree', 'add', '-q', wt);
    const r = cli(['scan', '.', '--history', '--format', 'json'], wt);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toEqual(['DG-CRED-003']);
    mkdirSync(join(wt, 'sub'));
    expect(cli(['scan', 'sub', '--history'], wt).code).toBe(0);
  });
});
