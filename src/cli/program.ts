/**
 * `dancu-guard` command line: the program, its commands (one file each in commands/),
 * and the exit codes (design.md): 0 nothing at or above --fail-on, 1 findings at or
 * above it, 2 usage/config/policy error.
 *
 * The language of every word (help included) is chosen before the program is built:
 * `--lang`, else the locale (LC_ALL / LC_MESSAGES / LANG), else English
 * (src/report/i18n.ts); commander's own words are rendered from the same table.
 */
import { Command, CommanderError, Help, type Argument, type Option } from 'commander';
import { detectLang, placeholderWord, translateCommanderError, translatePlaceholders, translator, type Lang, type Translate } from '../report/i18n.js';
import { describeError, setWarningSink, UsageError } from '../util/errors.js';
import { TOOL } from '../version.js';
import { registerApproveCommand } from './commands/approve.js';
import { registerExplainCommand } from './commands/explain.js';
import { registerFingerprintCommand } from './commands/fingerprint.js';
import { registerGateCommand } from './commands/gate.js';
import { registerInitCommand } from './commands/init.js';
import { registerInventoryCommand } from './commands/inventory.js';
import { registerKeygenCommand } from './commands/keygen.js';
import { registerNoticeCommand } from './commands/notice.js';
import { registerRulesCommand } from './commands/rules.js';
import { registerScanCommand } from './commands/scan.js';

/** Commander's help in the chosen language: section titles and the (default/choices) notes. */
function translatedHelp(T: Translate, lang: Lang): Partial<Help> {
  const titles: Record<string, string> = {
    'Usage:': T('help.usage'),
    'Options:': T('help.options'),
    'Arguments:': T('help.arguments'),
    'Commands:': T('help.commands'),
    'Global Options:': T('help.globalOptions'),
  };
  const words = (text: string) => text.replace(/\((choices|default): /g, (_, w: string) => `(${T(w === 'choices' ? 'help.choices' : 'help.default')}: `).replace(/, (default): /g, () => `, ${T('help.default')}: `);
  const base = new Help();
  return {
    styleTitle: (str: string) => titles[str] ?? str,
    commandUsage: (cmd: Command) => translatePlaceholders(base.commandUsage(cmd), lang),
    subcommandTerm: (cmd: Command) => translatePlaceholders(base.subcommandTerm(cmd), lang),
    optionTerm: (option: Option) => translatePlaceholders(base.optionTerm(option), lang),
    argumentTerm: (argument: Argument) => placeholderWord(base.argumentTerm(argument), lang),
    optionDescription: (option: Option) => words(base.optionDescription(option)),
    argumentDescription: (argument: Argument) => words(base.argumentDescription(argument)),
  };
}

export function buildProgram(lang: Lang = 'en'): Command {
  const T = translator(lang);
  const program = new Command();
  program
    .name('dancu-guard')
    .description(T('program.description'))
    .version(TOOL.version, '-V, --version', T('program.version'))
    .helpOption('-h, --help', T('program.help'))
    .helpCommand('help [command]', T('program.helpCommand'))
    .addHelpText('after', T('program.after'))
    .showHelpAfterError(T('program.helpAfterError'))
    .exitOverride()
    .configureHelp(translatedHelp(T, lang))
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(translateCommanderError(s, lang)),
    });

  for (const register of [
    registerScanCommand,
    registerGateCommand,
    registerRulesCommand,
    registerExplainCommand,
    registerInitCommand,
    registerFingerprintCommand,
    registerNoticeCommand,
    registerInventoryCommand,
    registerKeygenCommand,
    registerApproveCommand,
  ]) {
    const command = register(program, T);
    command.helpOption('-h, --help', T('program.help')).configureHelp(translatedHelp(T, lang));
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const lang = detectLang(argv.slice(2));
  const T = translator(lang);
  const program = buildProgram(lang);
  // Warnings of the lower layers (an old baseline…), in the language chosen.
  setWarningSink((warning) => process.stderr.write(`dancu-guard: ${T('cli.warning')}: ${warning.render(lang)}\n`));
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
      process.stderr.write(`dancu-guard: ${T('cli.error')}: ${describeError(err, lang)}\n`);
      return 2;
    }
    process.stderr.write(`dancu-guard: ${T('cli.internalError')}: ${(err as Error).stack ?? String(err)}\n`);
    return 2;
  }
}
