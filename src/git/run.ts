/**
 * Running git: always `git <args…>` through `spawn`/`execFile` with an argument
 * vector, never a shell string, so no path or ref from a repository or a flag is ever
 * interpreted by a shell.
 *
 * Every invocation gets a quiet, stable environment: no terminal prompts, no pager,
 * no optional locks (a read-only scan never takes `index.lock` to refresh the index),
 * messages in the C locale, and `-c` overrides that keep output machine-readable
 * whatever the user's config says (`log.showSignature`, `core.quotePath`, colours).
 */
import { spawn } from 'node:child_process';
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
] as const;

/**
 * Variables git reads relative to its working directory. Inside a hook git may set them
 * (e.g. `GIT_INDEX_FILE` for `git commit -a` / `git commit <paths>`, which stage into a
 * temporary index); we run git in the scanned root, so a relative value is made
 * absolute against our own working directory, where it was meant.
 */
const PATH_VARS = ['GIT_DIR', 'GIT_INDEX_FILE', 'GIT_WORK_TREE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR'] as const;

export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const paths: Record<string, string> = {};
  for (const name of PATH_VARS) {
    const v = process.env[name];
    if (v && !isAbsolute(v)) paths[name] = resolve(process.cwd(), v);
  }
  return {
    ...process.env,
    ...paths,
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

/** Run git to completion and collect its output. Rejects with GitError on failure. */
export function git(args: readonly string[], opts: GitRunOptions): Promise<GitRunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', gitArgs(args), { cwd: opts.cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
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
    const child = spawn('git', gitArgs(args), { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
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
