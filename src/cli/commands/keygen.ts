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
import { translator, type Translate } from '../../report/i18n.js';
import { UsageError } from '../../util/errors.js';
import { resolveLang, sharedOptions } from '../options.js';

interface KeygenCliOptions {
  out?: string;
  private?: string;
  public?: string;
  force?: boolean;
  passphraseEnv?: string;
  lang?: 'vi' | 'en';
}

export function registerKeygenCommand(program: Command, T: Translate = translator('en')): Command {
  return program
    .command('keygen')
    .description(T('keygen.description'))
    .option('--out <dir>', T('keygen.opt.out'))
    .option('--private <file>', T('keygen.opt.private'))
    .option('--public <file>', T('keygen.opt.public'))
    .option('--force', T('keygen.opt.force'))
    .option('--passphrase-env <var>', T('keygen.opt.passphraseEnv'))
    .addOption(sharedOptions(T).lang())
    .addHelpText('after', T('keygen.after'))
    .action((opts: KeygenCliOptions) => {
      process.exitCode = keygenCommand(opts);
    });
}

export function keygenCommand(opts: KeygenCliOptions): number {
  const T = translator(resolveLang(opts.lang));
  const pair = (opts.private !== undefined) !== (opts.public !== undefined);
  if (pair) throw new UsageError(T('keygen.err.pair'));
  if (opts.out !== undefined && opts.private !== undefined) throw new UsageError(T('keygen.err.both'));
  if (opts.out === undefined && opts.private === undefined) throw new UsageError(T('keygen.err.where'));
  const passphrase = passphraseFromEnv(opts.passphraseEnv);
  const keys = generateApprovalKeyPair(passphrase);
  let privatePath: string;
  let publicPath: string;
  if (opts.out !== undefined) {
    try {
      mkdirSync(opts.out, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new UsageError(T('keygen.err.mkdir', { dir: opts.out, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
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
      T('keygen.out.keyId', { id: written.keyid }),
      T('keygen.out.private', { file: written.privatePath, enc: passphrase !== undefined ? T('keygen.out.encrypted') : '' }),
      T('keygen.out.public', { file: written.publicPath }),
      T('keygen.out.signatures', { id: shortKeyId(written.keyid) }),
      '',
    ].join('\n'),
  );
  return 0;
}
