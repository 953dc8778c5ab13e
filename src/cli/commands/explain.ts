/**
 * `dancu-guard explain <RULE-ID> [--format text|markdown] [--lang vi|en]`: what the rule
 * finds, why, its legal basis in the letters' own words, how to fix it, a non-compliant
 * and a compliant example, and the link to its page in docs/rules/.
 */
import type { Command } from 'commander';
import type { Lang } from '../../findings/types.js';
import { translator, type Translate } from '../../report/i18n.js';
import { UsageError } from '../../util/errors.js';
import { resolveLang, sharedOptions } from '../options.js';

export function registerExplainCommand(program: Command, T: Translate = translator('en')): Command {
  const o = sharedOptions(T);
  return program
    .command('explain')
    .description(T('explain.description'))
    .argument('<rule-id>', T('explain.arg.rule'))
    .addOption(o.format(['text', 'markdown'], 'text', T('explain.opt.format')))
    .addOption(o.lang())
    .action(async (id: string, opts: { format: 'text' | 'markdown'; lang?: Lang }) => {
      process.stdout.write(await explainRule(id, opts.format, resolveLang(opts.lang)));
      process.exitCode = 0;
    });
}

export async function explainRule(id: string, format: 'text' | 'markdown', lang: Lang): Promise<string> {
  const T = translator(lang);
  // Loaded when the command runs: `--help` pays for none of it.
  const [{ ruleCatalog }, { ruleDocsData }, { ruleMarkdown, ruleText }] = await Promise.all([
    import('../../policy/bundle.js'),
    import('../../report/rule-docs.js'),
    import('../../report/rule-page.js'),
  ]);
  const catalog = ruleCatalog();
  const wanted = id.trim().toUpperCase();
  const meta = catalog[wanted];
  if (!meta) {
    // Suggest ids sharing the prefix (DG-CRED-0…) or the number.
    const prefix = wanted.replace(/-?\d*$/, '');
    const close = Object.keys(catalog).filter((k) => prefix.length > 3 && k.startsWith(prefix)).slice(0, 6);
    throw new UsageError(T('explain.err.unknown', { id, hint: close.length ? T('explain.err.didYouMean', { ids: close.join(', ') }) : '' }));
  }
  const data = ruleDocsData();
  const doc = data.rules[meta.id];
  if (!doc) throw new UsageError(`policies/data/rule-docs.json has no entry for ${meta.id}`);
  return format === 'markdown' ? ruleMarkdown(meta, doc, data.requirements, lang) : ruleText(meta, doc, data.requirements, lang);
}
