/**
 * `dancu-guard` command line: the program, its commands (one file each in commands/),
 * and the exit codes (design.md): 0 nothing at or above --fail-on, 1 findings at or
 * above it, 2 usage/config/policy error.
 */
import { Command, CommanderError } from 'commander';
import { UsageError } from '../util/errors.js';
import { TOOL } from '../version.js';

/**
 * The commands, in the order help lists them, each loaded when needed (`import()`; a
 * chunk of its own in dist/): `dancu-guard scan …` loads the scan command and what it
 * imports, never the gate's calendar, the notice's .docx writer or the inventory's
 * spreadsheet reader; `--version` loads none.
 */
const COMMANDS: ReadonlyArray<readonly [name: string, load: () => Promise<(program: Command) => void>]> = [
  ['scan', async () => (await import('./commands/scan.js')).registerScanCommand],
  ['gate', async () => (await import('./commands/gate.js')).registerGateCommand],
  ['fingerprint', async () => (await import('./commands/fingerprint.js')).registerFingerprintCommand],
  ['notice', async () => (await import('./commands/notice.js')).registerNoticeCommand],
  ['inventory', async () => (await import('./commands/inventory.js')).registerInventoryCommand],
  ['keygen', async () => (await import('./commands/keygen.js')).registerKeygenCommand],
  ['approve', async () => (await import('./commands/approve.js')).registerApproveCommand],
];

/**
 * The commands `argv` needs registered: the one it names (`help <name>` too); every one
 * when it names none or an unknown one (commander lists them, or suggests one); none for
 * a bare `--version`.
 */
export function commandsFor(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  const names = COMMANDS.map(([name]) => name);
  const first = args.find((a) => !a.startsWith('-'));
  if (first === undefined) {
    const version = args.some((a) => a === '-V' || a === '--version');
    const help = args.some((a) => a === '-h' || a === '--help');
    return version && !help ? [] : names;
  }
  const named = first === 'help' ? args[args.indexOf(first) + 1] : first;
  return named !== undefined && names.includes(named) ? [named] : names;
}

export async function buildProgram(only: readonly string[] = COMMANDS.map(([name]) => name)): Promise<Command> {
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

  const wanted = COMMANDS.filter(([name]) => only.includes(name));
  const registers = await Promise.all(wanted.map(([, load]) => load()));
  for (const register of registers) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(commandsFor(argv));
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
