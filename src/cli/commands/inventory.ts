/**
 * `dancu-guard inventory [PATH]`: accounts, DB endpoints, DB call sites and credential
 * sources, for the account review (R7). Values are redacted.
 */
import { writeOutput } from '../../util/files.js';
import type { Command } from 'commander';
import { INVENTORY_FORMATS, type InventoryFormat } from '../../inventory/formats.js';
import { UsageError } from '../../util/errors.js';
import { translator, type Translate } from '../../report/i18n.js';
import { notifier } from '../io.js';
import { resolveLang, sharedOptions } from '../options.js';
import { progressReporter } from '../progress.js';

interface InventoryCliOptions {
  format: InventoryFormat | 'xlsx';
  date?: string;
  output?: string;
  config?: string;
  declaration?: string;
  lang?: 'vi' | 'en';
  progress: boolean;
}

export function registerInventoryCommand(program: Command, T: Translate = translator('en')): Command {
  const o = sharedOptions(T);
  return program
    .command('inventory')
    .description(T('inventory.description'))
    .argument('[path]', T('fingerprint.arg.path'), '.')
    .addOption(o.format([...INVENTORY_FORMATS, 'xlsx'], 'markdown', T('inventory.opt.format')))
    .option('--date <date>', T('inventory.opt.date'))
    .addOption(o.output(T('inventory.opt.output')))
    .addOption(o.config())
    .addOption(o.declaration())
    .addOption(o.lang())
    .addOption(o.noProgress())
    .addHelpText('after', T('inventory.after'))
    .action(async (path: string, opts: InventoryCliOptions) => {
      process.exitCode = await inventoryCommand(path, opts);
    });
}

export async function inventoryCommand(path: string, opts: InventoryCliOptions): Promise<number> {
  const lang = resolveLang(opts.lang);
  const T = translator(lang);
  const say = notifier(lang);
  if (opts.format === 'xlsx' && !opts.output) throw new UsageError(T('inventory.err.xlsxOutput'));
  const [{ checkDateOption, todayInVietnam }, { buildInventory, formatInventory }, { accountReview }] = await Promise.all([
    import('../../gate/integration.js'),
    import('../../inventory/index.js'),
    import('../../inventory/review.js'),
  ]);
  const date = opts.date ? checkDateOption(opts.date, '--date') : todayInVietnam();
  const progress = progressReporter(opts.progress, lang);
  let built;
  try {
    built = await buildInventory({
      path,
      ...(opts.config ? { configPath: opts.config } : {}),
      ...(opts.declaration ? { declarationPath: opts.declaration } : {}),
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  if (!built.analysis.declaration) {
    say.warn(T('inventory.warn.noDeclaration'));
  }
  const data =
    opts.format === 'xlsx'
      ? await (await import('../../inventory/xlsx.js')).reviewXlsx(accountReview(built.inventory, { date }))
      : formatInventory(built.inventory, opts.format, { date });
  if (opts.output) {
    writeOutput(opts.output, data);
    const i = built.inventory;
    say.note(T('inventory.note.written', { file: opts.output, accounts: i.accounts.length, endpoints: i.endpoints.length, calls: i.callSites.length, creds: i.credentials.length }));
  } else {
    process.stdout.write(data);
  }
  return 0;
}
