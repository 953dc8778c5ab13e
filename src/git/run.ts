/**
 * Running git: always `git <args…>` through `spawn`/`execFile` with an argument
 * vector, never a shell string, so no path or ref from a repository or a flag is ever
 * interpreted by a shell.
 *
 * Every invocation gets a quiet, stable environment: no terminal prompts, no pager,
 * no optional locks (a read-only scan never takes `index.lock` to refresh the index),
 * messages in the C locale, and `-c` overrides that keep output machine-readable
 * whatever the user's config says (`log.showSignature`, `core.quotePath`, colours).
 *
 * This is the ONE place that starts git (the async `git`/`gitStream`/`spawnGit` and the
 * synchronous `gitSync` share `gitArgs` and `gitEnv`). The repository being scanned is
 * untrusted input: its `.git/config` must not get git to run a command. So every
 * invocation also carries (valid for git 2.39 and later):
 *
 * - `core.fsmonitor=false`: no fsmonitor hook (a command line in the repo's config,
 *   run by anything that looks at the working tree or the index);
 * - `core.untrackedCache=false`: no untracked-cache read or write in the index;
 * - `core.hooksPath=/dev/null`: no hook, whatever the subcommand;
 * - `diff.external=` (empty): no external diff driver from the config. Every diff we
 *   run also passes `--no-ext-diff`; should one forget, git fails (`cannot run`)
 *   instead of running the repo's command;
 * - `protocol.allow=never`: no transport at all (no fetch of a promisor object, no
 *   `ext::` remote helper, no ssh command).
 *
 * and the environment drops what could point git at another repository or program
 * (`GIT_DIR`, `GIT_WORK_TREE`, `GIT_COMMON_DIR`, `GIT_OBJECT_DIRECTORY`,
 * `GIT_ALTERNATE_OBJECT_DIRECTORIES`, `GIT_NAMESPACE`, `GIT_EXTERNAL_DIFF`, …): git
 * finds the repository from the directory it runs in, the scanned root. Only
 * `GIT_INDEX_FILE` is kept (made absolute): inside a pre-commit hook it names the index
 * the commit is being built from, which `scan --staged` must judge.
 *
 * Not covered by a `-c`: clean/smudge filters (`filter.<driver>.*`) are only run when
 * git reads the working tree through `.gitattributes`; the one command that does
 * (`git diff <base>` for `--changed-since`) neutralises them (see
 * `filterOverrides`).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type SpawnSyncReturns } from 'node:child_process';
import { isAbsolute, resolve } from 'node:path';

/** A git invocation that failed (non-zero exit, signal, or git missing). */
export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GitError';
  }

  /** True when git itself could not be started (not installed / not on PATH). */
  get notFound(): boolean {
    return (this.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  }

  /** The first meaningful line of git's stderr (`fatal: …`), for messages. */
  get reason(): string {
    const lines = this.stderr
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? this.message;
  }
}

/** Options forced on every invocation (before the subcommand). */
const CONFIG_ARGS = [
  '-c',
  'core.quotePath=off',
  '-c',
  'log.showSignature=false',
  '-c',
  'color.ui=never',
  '-c',
  'core.pager=cat',
  // Safety: nothing from the scanned repository's config runs (see the module comment).
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.untrackedCache=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'diff.external=',
  '-c',
  'protocol.allow=never',
] as const;

/**
 * Variables that would make git use another repository, object store or program than
 * the one found from the scanned root: never passed on. (Inside a hook git may export
 * `GIT_DIR`; the scanned root finds the same repository without it.)
 */
const DROPPED_VARS = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_EXTERNAL_DIFF',
  'GIT_DIFF_OPTS',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
  'GIT_ASKPASS',
  'GIT_EDITOR',
  'GIT_SEQUENCE_EDITOR',
  'GIT_ALLOW_PROTOCOL',
  'GIT_PROTOCOL_FROM_USER',
  'GIT_REPLACE_REF_BASE',
] as const;

export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of DROPPED_VARS) delete env[name];
  // Inside a hook git may set `GIT_INDEX_FILE` (`git commit -a` / `git commit <paths>`
  // stage into a temporary index), possibly relative; we run git in the scanned root,
  // so a relative value is made absolute against our own working directory.
  const index = process.env.GIT_INDEX_FILE;
  if (index && !isAbsolute(index)) env.GIT_INDEX_FILE = resolve(process.cwd(), index);
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    LC_ALL: 'C',
    LANGUAGE: 'C',
    ...extra,
  };
}

export interface GitRunOptions {
  cwd: string;
  /** Written to stdin, then stdin is closed. */
  input?: string | Buffer;
  /** Exit codes that are not failures (e.g. 1 for `rev-parse --verify -q`). Default [0]. */
  okCodes?: number[];
  /** Extra environment (e.g. a private `GIT_INDEX_FILE`). */
  env?: Record<string, string>;
}

export interface GitRunResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** The full argument vector handed to the git binary. */
export function gitArgs(args: readonly string[]): string[] {
  return [...CONFIG_ARGS, ...args];
}

/**
 * Start `git <args>` (with `gitArgs` and `gitEnv`), stdin/stdout/stderr piped: for
 * callers that stream (`cat-file --batch`, a long `git diff`). Everything else uses
 * `git`, `gitText`, `gitStream` or `gitSync`.
 */
export function spawnGit(args: readonly string[], opts: { cwd: string; env?: Record<string, string> }): ChildProcessWithoutNullStreams {
  return spawn('git', gitArgs(args), { cwd: opts.cwd, env: gitEnv(opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The result of `gitSync`: never throws; `error` is set when git could not be started. */
export interface GitSyncResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

/**
 * Run git synchronously (small queries: `rev-parse`, `merge-base`), same arguments
 * and environment as `git`. Output as UTF-8 text.
 */
export function gitSync(args: readonly string[], opts: { cwd: string; env?: Record<string, string> }): GitSyncResult {
  const r: SpawnSyncReturns<string> = spawnSync('git', gitArgs(args), {
    cwd: opts.cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: gitEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ...(r.error ? { error: r.error } : {}) };
}

/** Run git to completion and collect its output. Rejects with GitError on failure. */
export function git(args: readonly string[], opts: GitRunOptions): Promise<GitRunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(args, { cwd: opts.cwd, ...(opts.env ? { env: opts.env } : {}) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`, args, null, '', { cause: e })));
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      const ok = opts.okCodes ?? [0];
      if (code !== null && ok.includes(code)) {
        resolve({ stdout: Buffer.concat(out), stderr, code });
      } else {
        const why = signal ? `killed by ${signal}` : `exit ${code}`;
        reject(new GitError(`git ${args[0] ?? ''} failed (${why})`, args, code, stderr));
      }
    });
    child.stdin.on('error', () => {
      /* git may exit before reading all input; its exit code tells what happened */
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** Run git and return stdout as trimmed UTF-8 text. */
export async function gitText(args: readonly string[], opts: GitRunOptions): Promise<string> {
  const r = await git(args, opts);
  return r.stdout.toString('utf8').trim();
}

/**
 * Run git and hand its stdout to `onChunk` as it arrives (for `git log` over a long
 * history: nothing is buffered whole). Resolves when git exits 0.
 */
export function gitStream(args: readonly string[], cwd: string, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(args, { cwd });
    child.stdin.on('error', () => undefined);
    child.stdin.end();
    const err: Buffer[] = [];
    let failure: unknown;
    child.stdout.on('data', (d: Buffer) => {
      if (failure !== undefined) return;
      try {
        onChunk(d);
      } catch (e) {
        failure = e;
        child.kill();
      }
    });
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`, args, null, '', { cause: e })));
    child.on('close', (code, signal) => {
      if (failure !== undefined) return reject(failure);
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve();
      else {
        const why = signal ? `killed by ${signal}` : `exit ${code}`;
        reject(new GitError(`git ${args[0] ?? ''} failed (${why})`, args, code, stderr));
      }
    });
  });
}

/**
 * Split a stream of NUL-terminated records (`-z` output) into strings, across chunk
 * boundaries. Call `push` per chunk, `end` at the end (returns a trailing record, if any).
 */
export class NulSplitter {
  private rest: Buffer = Buffer.alloc(0);
  constructor(private readonly onRecord: (record: string) => void) {}

  push(chunk: Buffer): void {
    const buf = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let i = buf.indexOf(0, start); i >= 0; i = buf.indexOf(0, start)) {
      this.onRecord(buf.toString('utf8', start, i));
      start = i + 1;
    }
    this.rest = start < buf.length ? Buffer.from(buf.subarray(start)) : Buffer.alloc(0);
  }

  end(): void {
    if (this.rest.length > 0) this.onRecord(this.rest.toString('utf8'));
    this.rest = Buffer.alloc(0);
  }
}

/**
 * `-c` options that switch off every clean/smudge filter the repository's config
 * defines (`filter.<driver>.clean|smudge|process`, and `required` so that a switched-off
 * filter is not an error), for the commands that read the working tree through
 * `.gitattributes` (`git diff <base>` against the working tree). Git 2.39 has no
 * option to ignore attributes; an empty command means "no filter".
 */
export async function filterOverrides(cwd: string): Promise<string[]> {
  let out: string;
  try {
    // Exit 1: no such key.
    out = (await git(['config', '-z', '--get-regexp', '^filter\\.'], { cwd, okCodes: [0, 1] })).stdout.toString('utf8');
  } catch {
    return [];
  }
  const drivers = new Set<string>();
  for (const rec of out.split('\0')) {
    const key = rec.split('\n', 1)[0] ?? '';
    const m = /^filter\.(.+)\.[^.]+$/.exec(key);
    if (m?.[1]) drivers.add(m[1]);
  }
  const args: string[] = [];
  for (const d of drivers) {
    for (const v of ['clean=', 'smudge=', 'process=', 'required=false']) args.push('-c', `filter.${d}.${v}`);
  }
  return args;
}
