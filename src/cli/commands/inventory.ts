/**
 * `dancu-guard inventory [PATH]`: accounts, DB endpoints, DB call sites and credential
 * sources, for the account review (R7). Values are redacted.
 */
import { writeOutput } from '../../util/files.js';
import type { Command } from 'commander';
import { buildInventory, formatInventory, INVENTORY_FORMATS, type InventoryFormat } from '../../inventory/index.js';
import { sharedOptions } from '../options.js';
import { progressReporter } from '../progress.js';

interface InventoryCliOptions {
  format: InventoryFormat;
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
    .addOption(sharedOptions.format([...INVENTORY_FORMATS], 'markdown'))
    .addOption(sharedOptions.output('the inventory'))
    .addOption(sharedOptions.config())
    .addOption(sharedOptions.declaration())
    .addOption(sharedOptions.noProgress())
    .addHelpText(
      'after',
      `
Examples:
  dancu-guard inventory . --format csv --output tai-khoan.csv
  dancu-guard inventory . --format json`,
    )
    .action(async (path: string, opts: InventoryCliOptions) => {
      process.exitCode = await inventoryCommand(path, opts);
    });
}

export async function inventoryCommand(path: string, opts: InventoryCliOptions): Promise<number> {
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
  const text = formatInventory(built.inventory, opts.format);
  if (opts.output) {
    writeOutput(opts.output, text);
    const i = built.inventory;
    process.stderr.write(
      `dancu-guard: inventory written to ${opts.output}: ${i.accounts.length} accounts, ${i.endpoints.length} endpoints, ${i.callSites.length} call sites, ${i.credentials.length} credential sources\n`,
    );
  } else {
    process.stdout.write(text);
  }
  return 0;
}
