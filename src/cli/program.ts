/**
 * `dancu-guard` command line: the program, its commands (one file each in commands/),
 * and the exit codes (design.md): 0 nothing at or above --fail-on, 1 findings at or
 * above it, 2 usage/config/policy error.
 */
import { Command, CommanderError } from 'commander';
import { UsageError } from '../util/errors.js';
import { TOOL } from '../version.js';
import { registerApproveCommand } from './commands/approve.js';
import { registerFingerprintCommand } from './commands/fingerprint.js';
import { registerGateCommand } from './commands/gate.js';
import { registerInventoryCommand } from './commands/inventory.js';
import { registerKeygenCommand } from './commands/keygen.js';
import { registerNoticeCommand } from './commands/notice.js';
import { registerScanCommand } from './commands/scan.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('dancu-guard')
    .description(
      'Policy-as-code compliance scanner for systems connected to the National Population Database (CSDLQG về dân cư).',
    )
    .version(TOOL.version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  registerScanCommand(program);
  registerGateCommand(program);
  registerFingerprintCommand(program);
  registerNoticeCommand(program);
  registerInventoryCommand(program);
  registerKeygenCommand(program);
  registerApproveCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every other parse error is a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        // Help asked for (--help, help) is a success; help shown because no command was
        // given is a usage error, so an empty command in CI never passes.
        return err.exitCode === 0 ? 0 : 2;
      }
      return 2;
    }
    if (err instanceof UsageError || (err as { exitCode?: number }).exitCode === 2) {
      process.stderr.write(`dancu-guard: error: ${(err as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`dancu-guard: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 2;
  }
}
