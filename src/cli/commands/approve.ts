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
import { progressReporter } from '../progress.js';

type ApproveCliOptions = Pick<
  ApproveOptions,
  'reference' | 'date' | 'notice' | 'submitted' | 'goLive' | 'repository' | 'fingerprint' | 'approver' | 'out' | 'force'
> & { key: string; passphraseEnv?: string; config?: string; declaration?: string; progress: boolean };

export function registerApproveCommand(program: Command): void {
  program
    .command('approve')
    .description("sign the province's written approval of a notice for the current integration fingerprint")
    .argument('[path]', 'root of the repository being approved', '.')
    .requiredOption('-k, --key <file>', "the province's private key (dancu-guard keygen)")
    .requiredOption('--reference <ref>', 'number of the approving document, e.g. 456/TCT-DA06')
    .requiredOption('--date <date>', 'date of the approving document, YYYY-MM-DD')
    .requiredOption('--notice <ref>', 'reference of the notice approved, as in dancu-integration.yml')
    .option('--submitted <date>', "the day the notice was received (default: the declaration's)")
    .option('--go-live <date>', "the go-live approved (default: the declaration's)")
    .option('--repository <owner/name>', 'the repository approved; the gate then refuses the approval elsewhere')
    .option('--fingerprint <sha256:…>', 'sign this fingerprint instead of computing it from PATH')
    .option('--approver <name>', 'who approves, e.g. "Tổ Công tác Đề án 06 tỉnh Mẫu"')
    .option('-o, --out <file>', 'where to write the attestation (- for stdout; default dancu-approvals/<fingerprint>.dsse.json beside the declaration)')
    .option('--force', 'replace an existing attestation file')
    .option('--passphrase-env <var>', 'environment variable holding the passphrase of an encrypted key')
    .option('-c, --config <file>', 'configuration file (default: .dancu-guard.yml at the root)')
    .option('--declaration <file>', 'integration declaration (default: dancu-integration.yml at the root)')
    .option('--no-progress', 'do not show progress on the terminal')
    .addHelpText(
      'after',
      `
The fingerprint is computed as \`dancu-guard fingerprint\` does: approve the code you
reviewed. The attestation goes to the contractor (or is committed): the gate counts the
approval only with the province's public key (--trust-key). See docs/approvals.md.

Examples:
  dancu-guard approve . --key ~/dancu-keys/dancu-approval-1a2b3c4d5e6f7a8b.key \\
      --notice 123/STTTT-CNTT --reference 456/TCT-DA06 --date 2026-10-20
  dancu-guard approve --key province.key --fingerprint sha256:6f71… --notice 123/STTTT-CNTT \\
      --submitted 2026-10-01 --go-live 2026-11-30 --reference 456/TCT-DA06 --date 2026-10-20 --out approval.dsse.json`,
    )
    .action(async (path: string, opts: ApproveCliOptions) => {
      process.exitCode = await approveCommand(path, opts);
    });
}

export async function approveCommand(path: string, opts: ApproveCliOptions): Promise<number> {
  const passphrase = passphraseFromEnv(opts.passphraseEnv);
  const progress = progressReporter(opts.progress);
  let result;
  try {
    const { key, passphraseEnv: _env, config, declaration, progress: _progress, ...fields } = opts;
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
  for (const w of result.warnings) process.stderr.write(`dancu-guard: warning: ${w}\n`);
  const p = result.predicate;
  const summary = [
    `signed approval ${p.approval.reference} (${p.approval.date}) of notice ${p.notice.reference} (submitted ${p.notice.submitted}${p.notice.goLive ? `, go-live ${p.notice.goLive}` : ''})`,
    `  fingerprint ${p.fingerprint}${p.repository ? ` of ${p.repository}` : ''}`,
    `  key id      ${shortKeyId(result.keyid)}…`,
  ];
  if (result.written) {
    process.stdout.write(`${[...summary, `  written to  ${result.written}`].join('\n')}\n`);
  } else {
    process.stderr.write(`dancu-guard: ${summary.join('\ndancu-guard: ')}\n`);
    process.stdout.write(`${JSON.stringify(result.envelope, null, 2)}\n`);
  }
  return 0;
}
