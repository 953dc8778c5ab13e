/**
 * `dancu-guard approve [PATH] --key PRIVATE.pem --reference REF --date YYYY-MM-DD
 * --notice NOTICE`: the province signs its written approval of a notice for the
 * current integration fingerprint (docs/approvals.md). Writes a DSSE envelope of an
 * in-toto statement to dancu-approvals/<fingerprint prefix>.dsse.json beside the
 * declaration (or --out FILE, `-` for stdout).
 */
import type { Command } from 'commander';
import type { ApproveOptions } from '../../gate/attest/approve.js';
import { passphraseFromEnv, shortKeyId } from '../../gate/attest/keys.js';
import { translator, type Translate } from '../../report/i18n.js';
import { notifier } from '../io.js';
import { resolveLang, sharedOptions } from '../options.js';
import { progressReporter } from '../progress.js';

type ApproveCliOptions = Pick<
  ApproveOptions,
  'reference' | 'date' | 'notice' | 'submitted' | 'goLive' | 'repository' | 'fingerprint' | 'approver' | 'out' | 'force'
> & { key: string; passphraseEnv?: string; config?: string; declaration?: string; lang?: 'vi' | 'en'; progress: boolean };

export function registerApproveCommand(program: Command, T: Translate = translator('en')): Command {
  const o = sharedOptions(T);
  return program
    .command('approve')
    .description(T('approve.description'))
    .argument('[path]', T('approve.arg.path'), '.')
    .requiredOption('-k, --key <file>', T('approve.opt.key'))
    .requiredOption('--reference <ref>', T('approve.opt.reference'))
    .requiredOption('--date <date>', T('approve.opt.date'))
    .requiredOption('--notice <ref>', T('approve.opt.notice'))
    .option('--submitted <date>', T('approve.opt.submitted'))
    .option('--go-live <date>', T('approve.opt.goLive'))
    .option('--repository <owner/name>', T('approve.opt.repository'))
    .option('--fingerprint <sha256:…>', T('approve.opt.fingerprint'))
    .option('--approver <name>', T('approve.opt.approver'))
    .option('-o, --out <file>', T('approve.opt.out'))
    .option('--force', T('approve.opt.force'))
    .option('--passphrase-env <var>', T('approve.opt.passphraseEnv'))
    .addOption(o.config())
    .addOption(o.declaration())
    .addOption(o.lang())
    .addOption(o.noProgress())
    .addHelpText('after', T('approve.after'))
    .action(async (path: string, opts: ApproveCliOptions) => {
      process.exitCode = await approveCommand(path, opts);
    });
}

export async function approveCommand(path: string, opts: ApproveCliOptions): Promise<number> {
  const lang = resolveLang(opts.lang);
  const T = translator(lang);
  const say = notifier(lang);
  const passphrase = passphraseFromEnv(opts.passphraseEnv);
  const progress = progressReporter(opts.progress, lang);
  let result;
  try {
    const { key, passphraseEnv: _env, config, declaration, progress: _progress, lang: _lang, ...fields } = opts;
    const { approve } = await import('../../gate/attest/approve.js');
    result = await approve({
      ...fields,
      path,
      keyPath: key,
      ...(passphrase !== undefined ? { passphrase } : {}),
      ...(config ? { configPath: config } : {}),
      ...(declaration ? { declarationPath: declaration } : {}),
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  for (const w of result.warnings) say.warn(w);
  const p = result.predicate;
  const summary = [
    T('approve.out.signed', {
      ref: p.approval.reference,
      date: p.approval.date,
      notice: p.notice.reference,
      submitted: p.notice.submitted,
      goLive: p.notice.goLive ? T('approve.out.goLive', { date: p.notice.goLive }) : '',
    }),
    T('approve.out.fingerprint', { fp: p.fingerprint, repo: p.repository ? T('approve.out.of', { repo: p.repository }) : '' }),
    T('approve.out.keyId', { id: shortKeyId(result.keyid) }),
  ];
  if (result.written) {
    process.stdout.write(`${[...summary, T('approve.out.written', { file: result.written })].join('\n')}\n`);
  } else {
    process.stderr.write(`dancu-guard: ${summary.join('\ndancu-guard: ')}\n`);
    process.stdout.write(`${JSON.stringify(result.envelope, null, 2)}\n`);
  }
  return 0;
}
