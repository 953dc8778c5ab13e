/**
 * `dancu-guard gate [PATH] --deploy-date YYYY-MM-DD`: the pre-deployment gate (R5, R7,
 * R8, R1). Exit 0 = allowed, 1 = blocked, 2 = usage/declaration/config/policy error.
 */
import type { Command } from 'commander';
import type { Lang, Severity } from '../../findings/types.js';
import { translator, type Translate } from '../../report/i18n.js';
import { REPORT_FORMATS } from '../../report/formats.js';
import { writeOutput } from '../../util/files.js';
import { notifier } from '../io.js';
import { resolveLang, sharedOptions, useColor } from '../options.js';
import { progressReporter } from '../progress.js';

interface GateCliOptions {
  deployDate?: string;
  format: string;
  output?: string;
  failOn: Severity | 'none';
  config?: string;
  trustedConfig?: string;
  declaration?: string;
  lang?: Lang;
  progress: boolean;
  color: boolean;
  quiet?: boolean;
  verbose?: boolean;
  trustKey?: string[];
  attestation?: string[];
  allowUnsignedApprovals?: boolean;
  repository?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerGateCommand(program: Command, T: Translate = translator('en')): Command {
  const o = sharedOptions(T);
  return program
    .command('gate')
    .description(T('gate.description'))
    .argument('[path]', T('gate.arg.path'), '.')
    .option('-d, --deploy-date <date>', T('gate.opt.deployDate'))
    .addOption(o.format(REPORT_FORMATS, 'text'))
    .addOption(o.output())
    .addOption(o.failOn(T('gate.opt.failOn')))
    .addOption(o.config())
    .addOption(o.trustedConfig())
    .addOption(o.declaration())
    .option('--trust-key <file>', T('gate.opt.trustKey'), collect)
    .option('--attestation <file>', T('gate.opt.attestation'), collect)
    .option('--allow-unsigned-approvals', T('gate.opt.allowUnsigned'))
    .option('--repository <owner/name>', T('gate.opt.repository'))
    .addOption(o.lang())
    .addOption(o.quiet())
    .addOption(o.verbose())
    .addOption(o.noProgress())
    .addOption(o.noColor())
    .addHelpText('after', T('gate.after'))
    .action(async (path: string, opts: GateCliOptions) => {
      process.exitCode = await gateCommand(path, opts);
    });
}

export async function gateCommand(path: string, opts: GateCliOptions): Promise<number> {
  const lang = resolveLang(opts.lang);
  const T = translator(lang);
  const say = notifier(lang, opts.quiet);
  const progress = progressReporter(opts.progress && !opts.quiet, lang);
  let result;
  try {
    const { runGate } = await import('../../gate/run.js');
    result = await runGate({
      path,
      ...(opts.deployDate ? { deployDate: opts.deployDate } : {}),
      ...(opts.config ? { configPath: opts.config } : {}),
      ...(opts.trustedConfig ? { trustedConfigPath: opts.trustedConfig } : {}),
      ...(opts.declaration ? { declarationPath: opts.declaration } : {}),
      ...(opts.trustKey ? { trustKeys: opts.trustKey } : {}),
      ...(opts.attestation ? { attestations: opts.attestation } : {}),
      ...(opts.allowUnsignedApprovals ? { allowUnsignedApprovals: true } : {}),
      ...(opts.repository ? { repository: opts.repository } : {}),
      lang,
      failOn: opts.failOn,
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  for (const w of result.warnings) say.warn(w);
  const { formatGate } = await import('../../gate/report.js');
  const report = formatGate(result, opts.format, { lang, color: useColor(opts), layout: opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'compact' });
  if (opts.output) {
    writeOutput(opts.output, report, { root: result.root });
    say.note(
      T('gate.note.written', {
        verdict: T(result.blocked ? 'gate.blocked' : 'gate.allowed'),
        date: result.deployDate,
        total: result.summary.total,
        blocking: result.summary.blocking,
        file: opts.output,
      }),
    );
  } else {
    process.stdout.write(report);
  }
  return result.blocked ? 1 : 0;
}
