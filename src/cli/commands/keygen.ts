/**
 * `dancu-guard keygen --out DIR` (or `--private FILE --public FILE`): the province's
 * Ed25519 key pair for signing approvals (docs/approvals.md). The private key (PKCS#8
 * PEM, mode 0600, encrypted with `--passphrase-env VAR`) stays offline with the
 * province; the public key (SPKI PEM) goes to the gate (`--trust-key`). Existing files
 * are never overwritten without `--force`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { generateApprovalKeyPair, keyFileNames, passphraseFromEnv, shortKeyId, writeKeyPair } from '../../gate/attest/keys.js';
import { UsageError } from '../../util/errors.js';

interface KeygenCliOptions {
  out?: string;
  private?: string;
  public?: string;
  force?: boolean;
  passphraseEnv?: string;
}

export function registerKeygenCommand(program: Command): void {
  program
    .command('keygen')
    .description("generate the province's Ed25519 key pair for signing approvals (dancu-guard approve)")
    .option('--out <dir>', 'write dancu-approval-<key id>.key (private) and .pub (public) into this directory')
    .option('--private <file>', 'where to write the private key (with --public)')
    .option('--public <file>', 'where to write the public key (with --private)')
    .option('--force', 'replace existing key files')
    .option('--passphrase-env <var>', 'encrypt the private key with the passphrase in this environment variable')
    .addHelpText(
      'after',
      `
The private key is written with mode 0600: keep it offline (a USB key in the safe of the
Đề án 06 working group), never in a repository or a CI secret the contractor can reach.
The public key goes to the gate: \`dancu-guard gate --trust-key FILE\` or the Action's
trust-key input, from a place the contractor cannot change. See docs/approvals.md.

Examples:
  dancu-guard keygen --out ~/dancu-keys
  DANCU_KEY_PASS=… dancu-guard keygen --out ~/dancu-keys --passphrase-env DANCU_KEY_PASS
  dancu-guard keygen --private tinh-mau-2026.key --public tinh-mau-2026.pub`,
    )
    .action((opts: KeygenCliOptions) => {
      process.exitCode = keygenCommand(opts);
    });
}

export function keygenCommand(opts: KeygenCliOptions): number {
  const pair = (opts.private !== undefined) !== (opts.public !== undefined);
  if (pair) throw new UsageError('--private and --public go together');
  if (opts.out !== undefined && opts.private !== undefined) throw new UsageError('give either --out DIR or --private FILE --public FILE, not both');
  if (opts.out === undefined && opts.private === undefined) throw new UsageError('where to write the keys: --out DIR, or --private FILE --public FILE');
  const passphrase = passphraseFromEnv(opts.passphraseEnv);
  const keys = generateApprovalKeyPair(passphrase);
  let privatePath: string;
  let publicPath: string;
  if (opts.out !== undefined) {
    try {
      mkdirSync(opts.out, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new UsageError(`cannot create ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const names = keyFileNames(keys.keyid);
    privatePath = join(opts.out, names.privateName);
    publicPath = join(opts.out, names.publicName);
  } else {
    privatePath = opts.private!;
    publicPath = opts.public!;
  }
  const written = writeKeyPair(keys, privatePath, publicPath, opts.force === true);
  process.stdout.write(
    [
      `key id:      ${written.keyid}`,
      `private key: ${written.privatePath}  (mode 0600${passphrase !== undefined ? ', encrypted' : ''}: keep it offline; never commit or upload it)`,
      `public key:  ${written.publicPath}  (give it to the gate: --trust-key / Action input trust-key)`,
      `signatures made with this key name key id ${shortKeyId(written.keyid)}… in their keyid`,
      '',
    ].join('\n'),
  );
  return 0;
}
