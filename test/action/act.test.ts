import { REPO } from '../helpers/paths.js';
/**
 * The Action in a real workflow runner: nektos/act (pinned in scripts/install-act.sh)
 * runs test/fixtures/github/act/self-test.yml in host mode (`-P
 * ubuntu-latest=-self-hosted`), where `uses: ./` is the committed action.yml +
 * dist-action/. Nothing is fetched: no remote action, `--action-offline-mode`,
 * `--pull=false`, no cache server, no container socket.
 *
 * Skipped, with the reason printed, only when act is not installed and cannot be
 * (no Go), or when act cannot run here at all (its own one-step preflight workflow
 * fails). Once the preflight runs, the self-test must pass.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIXTURES = join(REPO, 'test', 'fixtures', 'github', 'act');
const ACT_VERSION = /^version="([^"]+)"/m.exec(readFileSync(join(REPO, 'scripts', 'install-act.sh'), 'utf8'))![1]!;

let act: string | undefined;
let skipReason: string | undefined;
const roots: string[] = [];

/** The host's environment without what a runner sets, so nothing leaks into the steps. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|ACT_)/.test(k)) env[k] = v;
  }
  return env;
}

function actVersion(bin: string): string | undefined {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? /act version (\S+)/.exec(r.stdout)?.[1] : undefined;
}

function findAct(): string | undefined {
  const candidates = ['act'];
  const gopath = spawnSync('go', ['env', 'GOPATH'], { encoding: 'utf8' });
  if (gopath.status === 0 && gopath.stdout.trim()) candidates.push(join(gopath.stdout.trim().split(':')[0]!, 'bin', 'act'));
  return candidates.find((c) => actVersion(c) === ACT_VERSION);
}

/** A git repository with the Action, the examples and one workflow, as act expects. */
function prepareRepo(workflow: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-act-'));
  roots.push(dir);
  cpSync(join(REPO, 'action.yml'), join(dir, 'action.yml'));
  cpSync(join(REPO, 'dist-action'), join(dir, 'dist-action'), { recursive: true });
  for (const ex of ['ts-violating', 'ts-compliant']) cpSync(join(REPO, 'examples', ex), join(dir, 'examples', ex), { recursive: true });
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  cpSync(join(FIXTURES, workflow), join(dir, '.github', 'workflows', workflow));
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.email=ci@example.invalid', '-c', 'user.name=CI', 'commit', '-qm', 'act self-test');
  return dir;
}

function runAct(repo: string, workflow: string) {
  const r = spawnSync(
    act!,
    [
      'push',
      '-W',
      `.github/workflows/${workflow}`,
      '-P',
      'ubuntu-latest=-self-hosted',
      '--action-offline-mode',
      '--pull=false',
      '--no-cache-server',
      '--container-daemon-socket',
      '-',
      '--env',
      `DG_REPO=${repo}`,
    ],
    { cwd: repo, encoding: 'utf8', env: cleanEnv(), timeout: 300_000 },
  );
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, error: r.error };
}

beforeAll(() => {
  act = findAct();
  if (!act) {
    const install = spawnSync('bash', [join(REPO, 'scripts', 'install-act.sh')], { encoding: 'utf8', timeout: 540_000 });
    act = findAct();
    if (!act) {
      skipReason = `act ${ACT_VERSION} is not installed and could not be installed: ${(install.stderr || install.stdout || String(install.error)).trim().split('\n').pop()}`;
      return;
    }
  }
  const preflight = runAct(prepareRepo('preflight.yml'), 'preflight.yml');
  if (preflight.code !== 0 || !preflight.out.includes('DANCU_GUARD_ACT_PREFLIGHT_OK')) {
    skipReason = `act cannot run here (its preflight workflow failed): ${(preflight.error?.message ?? preflight.out).trim().split('\n').slice(-3).join(' | ')}`;
  }
}, 600_000);

afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('act (host mode)', () => {
  it('runs the Action with uses: ./ — a failing scan, a passing one and a bad input', (ctx) => {
    if (skipReason) {
      console.warn(`SKIPPED act test: ${skipReason}`);
      ctx.skip(skipReason);
      return;
    }
    const repo = prepareRepo('self-test.yml');
    const r = runAct(repo, 'self-test.yml');
    expect(r.out, r.out.slice(-4000)).toContain('DANCU_GUARD_ACT_OK findings=15 blocking=15');
    expect(r.code).toBe(0);
    // The Action's own annotations went through the runner's workflow-command parser.
    expect(r.out).toContain('DG-CRED-002');
    expect(r.out).toContain('input fail-on: "severe" is not one of critical, high, medium, low, none');
    expect(r.out).not.toContain('DANCU_GUARD_ACT_FAILED');
  }, 300_000);
});
