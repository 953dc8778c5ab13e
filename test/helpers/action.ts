/**
 * Running the BUILT Action bundle (dist-action/index.mjs) as a runner runs it: `node
 * <bundle>` with the runner's environment (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH,
 * GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * INPUT_* with action.yml's defaults), against a local stand-in for the GitHub API
 * (./github-server.ts). `actionHarness()` (call it at the top of a test file) gives the
 * runner and temporary directories removed after the file's tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REPO } from './paths.js';

export const BUNDLE = join(REPO, 'dist-action', 'index.mjs');
export const EXAMPLES = join(REPO, 'examples');
export const TOKEN = 'ghs_syntheticTestToken000000000000000000';
export const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
export const BASE_SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f009876543';

const tmpRoots: string[] = [];
export function tmp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `dg-action-${prefix}-`));
  tmpRoots.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmpRoots) rmSync(d, { recursive: true, force: true });
});

export function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

/** action.yml's inputs with their defaults, as a runner sets them (`${{ github.token }}` → the token). */
export function defaultInputs(token: string): Record<string, string> {
  const doc = parseYaml(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(doc.inputs)) {
    const value = String(spec.default ?? '').replace('${{ github.token }}', token);
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

export interface RunOptions {
  workspace: string;
  event: string;
  payload?: unknown;
  /** Overrides INPUT_* (keys are input names: `fail-on`, …). */
  inputs?: Record<string, string>;
  apiUrl?: string;
  env?: Record<string, string | undefined>;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parse `name<<DELIM\nvalue\nDELIM` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/** Run the bundle as a runner would (async: the API server lives in this process). */
export function runAction(o: RunOptions): Promise<RunResult> {
  const dir = tmp('run');
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(o.payload ?? {}));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs = defaultInputs(TOKEN);
  for (const [k, v] of Object.entries(o.inputs ?? {})) inputs[`INPUT_${k.toUpperCase()}`] = v;
  // A runner's environment only: nothing from the host's GITHUB_* or INPUT_*.
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k)) base[k] = v;
  }
  const env: Record<string, string> = {
    ...base,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'tinh-mau/dvc-portal',
    GITHUB_SHA: o.event.startsWith('pull_request') ? 'feedfacefeedfacefeedfacefeedfacefeedface' : HEAD_SHA,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_API_URL: o.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    DANCU_GUARD_API_RETRY_BASE_MS: '10',
    ...inputs,
  };
  for (const [k, v] of Object.entries(o.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({
        code,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
        summary: readFileSync(summaryPath, 'utf8'),
      });
    });
  });
}

export function prPayload(extra: Record<string, unknown> = {}) {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: HEAD_SHA, ref: 'feature/tra-cuu' },
      base: { sha: BASE_SHA, ref: 'main' },
      ...extra,
    },
    repository: { full_name: 'tinh-mau/dvc-portal' },
  };
}

// ---------------------------------------------------------------------------------

/** A git command in `cwd` with fixed dates (and no prompt); throws with git's message. */
export function gitIn(cwd: string): (...args: string[]) => string {
  return (...args: string[]) => {
    const r = spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-05T08:00:00Z', GIT_COMMITTER_DATE: '2026-01-05T08:00:00Z', GIT_TERMINAL_PROMPT: '0' },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
}

/**
 * A pull request as actions/checkout leaves it: `base` committed on main, `head`
 * (files written, or `null` to delete) on a feature branch, and the test merge commit
 * checked out. Returns the payload's shas.
 */
export function pullRequestRepo(
  ws: string,
  base: Record<string, string>,
  head: Record<string, string | null>,
): { base: string; head: string } {
  const git = gitIn(ws);
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.invalid');
  git('config', 'user.name', 'CI');
  write(ws, base);
  git('add', '-A');
  git('commit', '-qm', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  git('checkout', '-qb', 'feature');
  for (const [rel, text] of Object.entries(head)) {
    if (text === null) rmSync(join(ws, rel), { force: true });
  }
  write(ws, Object.fromEntries(Object.entries(head).filter((e): e is [string, string] => e[1] !== null)));
  git('add', '-A');
  git('commit', '-qm', 'feature');
  const headSha = git('rev-parse', 'HEAD');
  git('checkout', '-q', 'main');
  git('merge', '-q', '--no-ff', '--no-edit', 'feature');
  return { base: baseSha, head: headSha };
}
