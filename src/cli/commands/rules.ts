/**
 * `dancu-guard rules [--format text|json|markdown] [--lang vi|en]`: every rule of the
 * policy bundle, from its METADATA.
 */
import type { Command } from 'commander';
import type { Lang } from '../../findings/types.js';
import { translator, type Translate } from '../../report/i18n.js';
import { resolveLang, sharedOptions } from '../options.js';

export function registerRulesCommand(program: Command, T: Translate = translator('en')): Command {
  const o = sharedOptions(T);
  return program
    .command('rules')
    .description(T('rules.description'))
    .addOption(o.format(['text', 'json', 'markdown'], 'text'))
    .addOption(o.lang())
    .addHelpText('after', T('rules.after'))
    .action(async (opts: { format: 'text' | 'json' | 'markdown'; lang?: Lang }) => {
      const [{ ruleCatalog }, { rulesList }] = await Promise.all([import('../../policy/bundle.js'), import('../../report/rule-page.js')]);
      process.stdout.write(rulesList(ruleCatalog(), resolveLang(opts.lang), opts.format));
      process.exitCode = 0;
    });
}
