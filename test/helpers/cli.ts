/** Run the built CLI (`bin/dancu-guard.js`) as a user would: a real process, its exit code and output. */
import { spawnSync } from 'node:child_process';
import { BIN } from './paths.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Replaces the inherited variables named (undefined removes one). */
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
}

/** The locale and colour variables are cleared unless given, so a developer's shell cannot change the result. */
export function runCli(args: string[], opts: CliOptions = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'NO_COLOR', 'FORCE_COLOR']) delete env[k];
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd,
    env,
    input: opts.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
