/**
 * `dancu-guard fingerprint [PATH]`: the integration fingerprint (`sha256:<hex>`) that a
 * notice in dancu-integration.yml must declare; `--list` shows the files it covers,
 * `--write` records the per-file hashes in dancu-integration.lock.json (run it when a
 * notice is approved, and commit the lock file).
 */
import type { Command } from 'commander';
import { LOCK_FILE_NAME } from '../../gate/lock-file.js';
import type { Fingerprint } from '../../gate/surface.js';
import { translator, type Translate } from '../../report/i18n.js';
import { notifier } from '../io.js';
import { resolveLang, sharedOptions } from '../options.js';
import { progressReporter } from '../progress.js';

interface FingerprintCliOptions {
  list?: boolean;
  format: 'text' | 'json';
  write?: boolean;
  config?: string;
  lang?: 'vi' | 'en';
  progress: boolean;
}

export function registerFingerprintCommand(program: Command, T: Translate = translator('en')): Command {
  const o = sharedOptions(T);
  return program
    .command('fingerprint')
    .description(T('fingerprint.description'))
    .argument('[path]', T('fingerprint.arg.path'), '.')
    .option('-l, --list', T('fingerprint.opt.list'))
    .addOption(o.format(['text', 'json'], 'text'))
    .option('-w, --write', T('fingerprint.opt.write', { file: LOCK_FILE_NAME }))
    .addOption(o.config())
    .addOption(o.lang())
    .addOption(o.noProgress())
    .addHelpText('after', T('fingerprint.after', { file: LOCK_FILE_NAME }))
    .action(async (path: string, opts: FingerprintCliOptions) => {
      process.exitCode = await fingerprintCommand(path, opts);
    });
}

export async function fingerprintCommand(path: string, opts: FingerprintCliOptions): Promise<number> {
  const lang = resolveLang(opts.lang);
  const T = translator(lang);
  const say = notifier(lang);
  const progress = progressReporter(opts.progress, lang);
  const [{ analyzeIntegration }, { writeLock }] = await Promise.all([import('../../gate/integration.js'), import('../../gate/lock.js')]);
  let analysis;
  try {
    analysis = await analyzeIntegration({ path, records: false, ...(opts.config ? { configPath: opts.config } : {}), onProgress: progress.update });
  } finally {
    progress.done();
  }
  const fp = analysis.fingerprint;
  if (fp.files.length === 0) say.warn(T('fingerprint.warn.empty'));
  let written: string | undefined;
  if (opts.write) written = writeLock(analysis.root, fp);
  process.stdout.write(formatFingerprint(fp, opts.format, opts.list === true, T));
  if (written) say.note(T('fingerprint.note.wrote', { file: LOCK_FILE_NAME, n: fp.files.length }));
  return 0;
}

export function formatFingerprint(fp: Fingerprint, format: 'text' | 'json', list: boolean, T: Translate = translator('en')): string {
  if (format === 'json') {
    return `${JSON.stringify({ version: 1, fingerprint: fp.fingerprint, files: fp.files }, null, 2)}\n`;
  }
  const lines = [fp.fingerprint];
  if (list) {
    for (const f of fp.files) {
      const what = f.scope === 'entries' ? `${T('fingerprint.entries')} ${f.keys?.join(', ') ?? ''}` : T('fingerprint.file');
      lines.push(`  ${f.hash}  ${f.path}  (${what}; ${f.reasons.join(', ')})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
