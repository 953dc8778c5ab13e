/**
 * `dancu-guard fingerprint [PATH]`: the integration fingerprint (`sha256:<hex>`) that a
 * notice in dancu-integration.yml must declare; `--list` shows the files it covers,
 * `--write` records the per-file hashes in dancu-integration.lock.json (run it when a
 * notice is approved, and commit the lock file).
 */
import type { Command } from 'commander';
import { LOCK_FILE_NAME } from '../../gate/lock-file.js';
import type { Fingerprint } from '../../gate/surface.js';
import { sharedOptions } from '../options.js';
import { progressReporter } from '../progress.js';

interface FingerprintCliOptions {
  list?: boolean;
  format: 'text' | 'json';
  write?: boolean;
  config?: string;
  progress: boolean;
}

export function registerFingerprintCommand(program: Command): void {
  program
    .command('fingerprint')
    .description('print the fingerprint of the integration surface (the code and config that reach the population DB)')
    .argument('[path]', 'root of the repository', '.')
    .option('-l, --list', 'also list the files included, with their hashes')
    .addOption(sharedOptions.format(['text', 'json'], 'text'))
    .option('-w, --write', `write ${LOCK_FILE_NAME} (per-file hashes) at the root; run it when a notice is approved`)
    .addOption(sharedOptions.config())
    .addOption(sharedOptions.noProgress())
    .addHelpText(
      'after',
      `
Covered: every file with a call to the population DB (as the policies decide), the
source files the call's URL is defined in, and the config/manifest entries (key=value)
holding the keys those calls read or a DB endpoint. Comments, blank lines and
whitespace do not count; the declaration and the lock file are never included.

Examples:
  dancu-guard fingerprint .
  dancu-guard fingerprint . --list
  dancu-guard fingerprint . --write        # at approval time; commit ${LOCK_FILE_NAME}`,
    )
    .action(async (path: string, opts: FingerprintCliOptions) => {
      process.exitCode = await fingerprintCommand(path, opts);
    });
}

export async function fingerprintCommand(path: string, opts: FingerprintCliOptions): Promise<number> {
  const progress = progressReporter(opts.progress);
  const [{ analyzeIntegration }, { writeLock }] = await Promise.all([import('../../gate/integration.js'), import('../../gate/lock.js')]);
  let analysis;
  try {
    analysis = await analyzeIntegration({ path, records: false, ...(opts.config ? { configPath: opts.config } : {}), onProgress: progress.update });
  } finally {
    progress.done();
  }
  const fp = analysis.fingerprint;
  if (fp.files.length === 0) {
    process.stderr.write('dancu-guard: warning: no call to the population DB found; the fingerprint covers nothing (add your endpoints to .dancu-guard.yml?)\n');
  }
  let written: string | undefined;
  if (opts.write) written = writeLock(analysis.root, fp);
  process.stdout.write(formatFingerprint(fp, opts.format, opts.list === true));
  if (written) process.stderr.write(`dancu-guard: wrote ${LOCK_FILE_NAME} (${fp.files.length} files)\n`);
  return 0;
}

export function formatFingerprint(fp: Fingerprint, format: 'text' | 'json', list: boolean): string {
  if (format === 'json') {
    return `${JSON.stringify({ version: 1, fingerprint: fp.fingerprint, files: fp.files }, null, 2)}\n`;
  }
  const lines = [fp.fingerprint];
  if (list) {
    for (const f of fp.files) {
      const what = f.scope === 'entries' ? `entries ${f.keys?.join(', ') ?? ''}` : 'file';
      lines.push(`  ${f.hash}  ${f.path}  (${what}; ${f.reasons.join(', ')})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
