/**
 * `dancu-guard gate [PATH] --deploy-date YYYY-MM-DD`: the pre-deployment gate (R5, R7,
 * R8, R1). Exit 0 = allowed, 1 = blocked, 2 = usage/declaration/config/policy error.
 */
import { writeOutput } from '../../util/files.js';
import type { Command } from 'commander';
import type { Lang, Severity } from '../../findings/types.js';
import { REPORT_FORMATS } from '../../report/formats.js';
import { sharedOptions, useColor } from '../options.js';
import { progressReporter } from '../progress.js';

interface GateCliOptions {
  deployDate?: string;
  format: string;
  output?: string;
  failOn: Severity | 'none';
  config?: string;
  declaration?: string;
  lang: Lang;
  progress: boolean;
  color: boolean;
  trustKey?: string[];
  attestation?: string[];
  allowUnsignedApprovals?: boolean;
  repository?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerGateCommand(program: Command): void {
  program
    .command('gate')
    .description('pre-deployment gate: scan, then check the declaration, the written notice (10 working days), the approval and the fingerprint')
    .argument('[path]', 'root of the repository to gate', '.')
    .option('-d, --deploy-date <date>', 'the deployment date being judged, YYYY-MM-DD (default: today in Vietnam, UTC+7)')
    .addOption(sharedOptions.format(REPORT_FORMATS, 'text'))
    .addOption(sharedOptions.output())
    .addOption(sharedOptions.failOn('block (exit 1) when a finding is at or above this severity'))
    .addOption(sharedOptions.config())
    .addOption(sharedOptions.declaration())
    .option('--trust-key <file>', "the province's public key: approvals count only when signed with it (repeatable, for key rotation; docs/approvals.md)", collect)
    .option('--attestation <file>', 'a signed approval besides those in dancu-approvals/ (repeatable; needs --trust-key)', collect)
    .option('--allow-unsigned-approvals', 'without --trust-key: accept the approvals written in the declaration (no DG-GATE-011)')
    .option('--repository <owner/name>', 'the repository being gated: an approval signed for another repository does not count')
    .addOption(sharedOptions.lang())
    .addOption(sharedOptions.noProgress())
    .addOption(sharedOptions.noColor())
    .addHelpText(
      'after',
      `
Exit codes:
  0  deployment allowed (no finding at or above --fail-on)
  1  deployment blocked
  2  usage, declaration, configuration or policy error (never a pass)

Examples:
  dancu-guard gate . --deploy-date 2026-12-01 --trust-key /etc/dancu-guard/tinh-mau.pub
  dancu-guard gate . --deploy-date 2026-12-01 --format json --output gate.json
  dancu-guard gate . --lang vi`,
    )
    .action(async (path: string, opts: GateCliOptions) => {
      process.exitCode = await gateCommand(path, opts);
    });
}

export async function gateCommand(path: string, opts: GateCliOptions): Promise<number> {
  // The gate loads when it is asked for (`--help` never pays for it).
  const [{ runGate }, { formatGate }] = await Promise.all([import('../../gate/run.js'), import('../../gate/report.js')]);
  const progress = progressReporter(opts.progress);
  let result;
  try {
    result = await runGate({
      path,
      ...(opts.deployDate ? { deployDate: opts.deployDate } : {}),
      ...(opts.config ? { configPath: opts.config } : {}),
      ...(opts.declaration ? { declarationPath: opts.declaration } : {}),
      ...(opts.trustKey ? { trustKeys: opts.trustKey } : {}),
      ...(opts.attestation ? { attestations: opts.attestation } : {}),
      ...(opts.allowUnsignedApprovals ? { allowUnsignedApprovals: true } : {}),
      ...(opts.repository ? { repository: opts.repository } : {}),
      lang: opts.lang,
      failOn: opts.failOn,
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  for (const w of result.warnings) process.stderr.write(`dancu-guard: warning: ${w}\n`);
  const report = formatGate(result, opts.format, { lang: opts.lang, color: useColor(opts) });
  if (opts.output) {
    writeOutput(opts.output, report);
    process.stderr.write(
      `dancu-guard: gate ${result.blocked ? 'BLOCKED' : 'ALLOWED'} for ${result.deployDate}: ${result.summary.total} findings (${result.summary.blocking} blocking) written to ${opts.output}\n`,
    );
  } else {
    process.stdout.write(report);
  }
  return result.blocked ? 1 : 0;
}
