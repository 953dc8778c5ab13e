/**
 * `dancu-guard scan [PATH]`: the pipeline on a working tree (or its history, or the
 * index), one report, and the exit code: 0 nothing at or above --fail-on, 1 findings at
 * or above it, 2 usage/config/policy error.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Severity } from '../../findings/types.js';
import { resolveChangedSince } from '../../git/diff.js';
import type { ScanResult } from '../../pipeline/scan.js';
import type { HistoryScanResult } from '../../pipeline/sources/history/index.js';
import { ruleCatalog } from '../../policy/bundle.js';
import { REPORT_FORMATS } from '../../report/formats.js';
import { UsageError } from '../../util/errors.js';
import { writeOutput } from '../../util/files.js';
import { TOOL } from '../../version.js';
import { sharedOptions, useColor, type CommonCliOptions } from '../options.js';
import { addPerformanceOptions, reportPerformance, scanTuning, type PerformanceCliOptions } from '../performance.js';
import { progressReporter } from '../progress.js';

export function registerScanCommand(program: Command): void {
  const command = program
    .command('scan')
    .description('scan a repository: source code, configuration and deployment manifests')
    .argument('[path]', 'root of the repository to scan', '.')
    .addOption(sharedOptions.format(REPORT_FORMATS, 'text'))
    .addOption(sharedOptions.output())
    .addOption(sharedOptions.failOn())
    .addOption(sharedOptions.config())
    .addOption(sharedOptions.lang())
    .option('--baseline <file>', 'report only findings not recorded in this baseline file (and list stale entries)')
    .option('--write-baseline <file>', 'record the current findings in a baseline file, then exit 0')
    .option(
      '--changed-since <ref>',
      'diff-aware gating: only findings on lines changed since the merge-base of <ref> and HEAD (committed, staged, unstaged or untracked) are reported and can block',
    )
    .option('--history', 'scan the git history: credentials ever committed on commits reachable from HEAD, each at the commit that introduced it')
    .option('--since <ref>', 'with --history: only walk the commits after <ref> (<ref>..HEAD)')
    .option('--staged', 'scan what is staged for commit (the git index), not the working tree: for pre-commit hooks')
    .option('--automation-category <category>', 'SARIF runAutomationDetails id, e.g. dancu-guard/merge/ (default dancu-guard/)')
    .addOption(sharedOptions.noProgress())
    .addOption(sharedOptions.noColor())
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
  dancu-guard scan . --baseline .dancu-guard-baseline.json         # then report only new findings
  dancu-guard scan . --changed-since origin/main                   # gate only what this branch changes
  dancu-guard scan . --history                                     # credentials ever committed
  dancu-guard scan . --history --since v1.4.0                      # only commits after v1.4.0
  dancu-guard scan --staged                                        # pre-commit: only what is staged`,
    )
    .action(async (path: string, opts: ScanCliOptions) => {
      process.exitCode = await runScan(path, opts);
    });
  addPerformanceOptions(command);

}

interface ScanCliOptions extends CommonCliOptions, PerformanceCliOptions {
  failOn: Severity | 'none';
  baseline?: string;
  writeBaseline?: string;
  changedSince?: string;
  automationCategory?: string;
  history?: boolean;
  since?: string;
  staged?: boolean;
}

async function runScan(path: string, opts: ScanCliOptions): Promise<number> {
  if (opts.history && opts.staged) throw new UsageError('--history and --staged cannot be combined');
  if (opts.since !== undefined && !opts.history) {
    throw new UsageError('--since needs --history (for diff-aware gating use --changed-since)');
  }
  if ((opts.history || opts.staged) && opts.changedSince) {
    throw new UsageError(`--changed-since cannot be combined with --${opts.history ? 'history' : 'staged'}`);
  }
  // A bad --changed-since ref fails before the scan (exit 2, naming the ref).
  const since = opts.changedSince ? resolveChangedSince(resolve(path), opts.changedSince) : undefined;
  const tuning = scanTuning(opts);
  const progress = progressReporter(opts.progress);
  const common = {
    lang: opts.lang,
    failOn: opts.failOn,
    ...(opts.config ? { configPath: opts.config } : {}),
    ...(opts.baseline ? { baseline: opts.baseline } : {}),
    onProgress: progress.update,
  };
  let result: ScanResult | HistoryScanResult;
  try {
    // The pipeline loads when a scan is asked for (`--help` never pays for it).
    if (opts.history) {
      const { scanHistoryAt } = await import('../../pipeline/sources/history/index.js');
      result = await scanHistoryAt({ path, ...(opts.since !== undefined ? { since: opts.since } : {}), ...common });
    } else if (opts.staged) {
      const { scanStaged } = await import('../../pipeline/sources/staged.js');
      result = await scanStaged({ root: path, ...common, ...tuning, keepFacts: false });
    } else {
      const { scan } = await import('../../pipeline/scan.js');
      result = await scan({ path, ...common, ...tuning, keepFacts: false });
    }
  } finally {
    progress.done();
  }
  reportPerformance('profile' in result ? result.profile : undefined, opts);
  if (opts.writeBaseline) {
    const { writeBaseline } = await import('../../findings/baseline.js');
    const written = writeBaseline(opts.writeBaseline, result.unsuppressed);
    process.stderr.write(`dancu-guard: recorded ${written.findings.length} findings in ${opts.writeBaseline}\n`);
    return 0;
  }
  const gated =
    since && 'facts' in result
      ? await (await import('../../pipeline/changes.js')).narrowToChangedLines(result, since, {
          ...(opts.config ? { configPath: opts.config } : {}),
          ...(opts.baseline ? { baseline: opts.baseline } : {}),
          lang: opts.lang,
        })
      : undefined;
  const findings = gated?.findings ?? result.findings;
  const summary = gated?.summary ?? result.summary;
  if (gated) {
    process.stderr.write(
      gated.method === 'fingerprint'
        ? `dancu-guard: gating on findings new since ${since!.label} (by fingerprint against a scan of the merge-base; a renamed file counts as new): ${gated.preExisting.length} pre-existing findings not reported\n`
        : `dancu-guard: notice: could not scan the merge-base (${gated.fallbackReason ?? 'unknown error'}); falling back to gating on changed lines, which misses a violation introduced away from its finding's line\n` +
            `dancu-guard: gating on lines changed since ${since!.label}: ${gated.preExisting.length} pre-existing findings on unchanged lines not reported\n`,
    );
  }
  const { FORMATTERS, reportExtras } = await import('../../report/index.js');
  const formatter = FORMATTERS[opts.format]!;
  const report = formatter(
    {
      tool: TOOL,
      findings,
      summary,
      rules: ruleCatalog(),
      root: result.root,
      // HTML: redacted code context, read from the working tree only when it is what was scanned.
      ...reportExtras(opts.format, opts.staged || opts.history || !('facts' in result) ? undefined : result, findings),
      ...(opts.automationCategory ? { automationCategory: opts.automationCategory } : {}),
    },
    { lang: opts.lang, color: useColor(opts) },
  );
  if (opts.output) {
    writeOutput(opts.output, report);
    process.stderr.write(
      `dancu-guard: ${summary.total} findings (${summary.blocking} blocking) written to ${opts.output}\n`,
    );
  } else {
    process.stdout.write(report);
  }
  return summary.verdict === 'fail' ? 1 : 0;
}

