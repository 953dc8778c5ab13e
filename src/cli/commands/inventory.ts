/**
 * `dancu-guard inventory [PATH]`: accounts, DB endpoints, DB call sites and credential
 * sources, for the account review (R7). Values are redacted.
 */
import { writeOutput } from '../../util/files.js';
import { Option, type Command } from 'commander';
import { INVENTORY_FORMATS, type InventoryFormat } from '../../inventory/formats.js';
import { UsageError } from '../../util/errors.js';
import { sharedOptions } from '../options.js';
import { progressReporter } from '../progress.js';

interface InventoryCliOptions {
  format: InventoryFormat | 'xlsx';
  date?: string;
  output?: string;
  config?: string;
  declaration?: string;
  progress: boolean;
}

export function registerInventoryCommand(program: Command): void {
  program
    .command('inventory')
    .description('list every account, DB endpoint, DB call site and credential source, for the account review (R7)')
    .argument('[path]', 'root of the repository', '.')
    .addOption(
      new Option('-f, --format <format>', 'output format: csv and xlsx are the account review for the Ministry; csv-detail lists every item')
        .choices([...INVENTORY_FORMATS, 'xlsx'])
        .default('markdown'),
    )
    .option('--date <date>', 'date of the account review (csv, xlsx), YYYY-MM-DD (default: today in Vietnam, UTC+7)')
    .addOption(sharedOptions.output('the inventory'))
    .addOption(sharedOptions.config())
    .addOption(sharedOptions.declaration())
    .addOption(sharedOptions.noProgress())
    .addHelpText(
      'after',
      `
Examples:
  dancu-guard inventory . --format xlsx --output tai-khoan.xlsx
  dancu-guard inventory . --format csv --output tai-khoan.csv
  dancu-guard inventory . --format csv-detail --output inventory.csv
  dancu-guard inventory . --format json`,
    )
    .action(async (path: string, opts: InventoryCliOptions) => {
      process.exitCode = await inventoryCommand(path, opts);
    });
}

export async function inventoryCommand(path: string, opts: InventoryCliOptions): Promise<number> {
  if (opts.format === 'xlsx' && !opts.output) throw new UsageError('--format xlsx needs --output FILE (a workbook is not printed on the terminal)');
  const [{ checkDateOption, todayInVietnam }, { buildInventory, formatInventory }, { accountReview }] = await Promise.all([
    import('../../gate/integration.js'),
    import('../../inventory/index.js'),
    import('../../inventory/review.js'),
  ]);
  const date = opts.date ? checkDateOption(opts.date, '--date') : todayInVietnam();
  const progress = progressReporter(opts.progress);
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
    process.stderr.write('dancu-guard: warning: no dancu-integration.yml: the accounts cannot be listed (only what the code and manifests show)\n');
  }
  const data =
    opts.format === 'xlsx'
      ? await (await import('../../inventory/xlsx.js')).reviewXlsx(accountReview(built.inventory, { date }))
      : formatInventory(built.inventory, opts.format, { date });
  if (opts.output) {
    writeOutput(opts.output, data);
    const i = built.inventory;
    process.stderr.write(
      `dancu-guard: inventory written to ${opts.output}: ${i.accounts.length} accounts, ${i.endpoints.length} endpoints, ${i.callSites.length} call sites, ${i.credentials.length} credential sources\n`,
    );
  } else {
    process.stdout.write(data);
  }
  return 0;
}
