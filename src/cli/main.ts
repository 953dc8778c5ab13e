/**
 * `dancu-guard` command line. Exit codes (design.md): 0 nothing at or above --fail-on,
 * 1 findings at or above it, 2 usage/config/policy error.
 */
import { writeFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { writeBaseline } from '../findings/baseline.js';
import { SEVERITIES, type Lang, type Severity } from '../findings/types.js';
import { ruleCatalog } from '../policy/bundle.js';
import { FORMATTERS } from '../report/index.js';
import { scan } from '../scan.js';
import { UsageError } from '../util/errors.js';
import { TOOL } from '../version.js';
import { progressReporter } from './progress.js';

const FAIL_ON = [...SEVERITIES.filter((s) => s !== 'info'), 'none'] as const;

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

  program
    .command('scan')
    .description('scan a repository: source code, configuration and deployment manifests')
    .argument('[path]', 'root of the repository to scan', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(FORMATTERS)).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
        .choices(FAIL_ON)
        .default('high'),
    )
    .option('-c, --config <file>', 'configuration file (default: .dancu-guard.yml at the scanned root)')
    .addOption(new Option('--lang <lang>', 'language of messages and remediation').choices(['vi', 'en']).default('en'))
    .option('--baseline <file>', 'report only findings not recorded in this baseline file (and list stale entries)')
    .option('--write-baseline <file>', 'record the current findings in a baseline file, then exit 0')
    .option('--no-progress', 'do not show progress on the terminal')
    .option('--no-color', 'no ANSI colours in text output')
    .addHelpText(
      'after',
      `
Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage, configuration or policy error

Examples:
  dancu-guard scan .
  dancu-guard scan examples/ts-violating --format json --output report.json
  dancu-guard scan . --fail-on critical --lang vi
  dancu-guard scan . --write-baseline .dancu-guard-baseline.json   # accept what is there today
  dancu-guard scan . --baseline .dancu-guard-baseline.json         # then report only new findings`,
    )
    .action(async (path: string, opts: ScanCliOptions) => {
      process.exitCode = await runScan(path, opts);
    });

  return program;
}

interface ScanCliOptions {
  format: string;
  output?: string;
  failOn: Severity | 'none';
  config?: string;
  lang: Lang;
  baseline?: string;
  writeBaseline?: string;
  progress: boolean;
  color: boolean;
}

async function runScan(path: string, opts: ScanCliOptions): Promise<number> {
  const progress = progressReporter(opts.progress);
  let result;
  try {
    result = await scan({
      path,
      ...(opts.config ? { configPath: opts.config } : {}),
      lang: opts.lang,
      failOn: opts.failOn,
      ...(opts.baseline ? { baseline: opts.baseline } : {}),
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  if (opts.writeBaseline) {
    const written = writeBaseline(opts.writeBaseline, result.unsuppressed);
    process.stderr.write(`dancu-guard: recorded ${written.findings.length} findings in ${opts.writeBaseline}\n`);
    return 0;
  }
  const formatter = FORMATTERS[opts.format]!;
  const toTerminal = !opts.output && process.stdout.isTTY === true;
  const report = formatter(
    { tool: TOOL, findings: result.findings, summary: result.summary, rules: ruleCatalog(), root: result.root },
    { lang: opts.lang, color: opts.color && toTerminal && !process.env.NO_COLOR },
  );
  if (opts.output) {
    writeFileSync(opts.output, report);
    process.stderr.write(
      `dancu-guard: ${result.summary.total} findings (${result.summary.blocking} blocking) written to ${opts.output}\n`,
    );
  } else {
    process.stdout.write(report);
  }
  return result.summary.verdict === 'fail' ? 1 : 0;
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
        return 0;
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
