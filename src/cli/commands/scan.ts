/**
 * `dancu-guard scan [PATH | FILE... | -]`: the pipeline on a working tree (or its
 * history, or the index, or a few files, or stdin), one report, and the exit code:
 * 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage/config/policy
 * error — and 2 when there was nothing to scan (an empty scan never passes).
 */
import { readdirSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import type { Finding, Severity } from '../../findings/types.js';
import { resolveChangedSince } from '../../git/diff.js';
import type { ScanResult } from '../../pipeline/scan.js';
import type { HistoryScanResult } from '../../pipeline/sources/history/index.js';
import { translator, type Translate } from '../../report/i18n.js';
import { REPORT_FORMATS } from '../../report/formats.js';
import type { Summary } from '../../report/types.js';
import { describeError, msg, UsageError } from '../../util/errors.js';
import { writeOutput } from '../../util/files.js';
import { TOOL } from '../../version.js';
import { notifier, type Notifier } from '../io.js';
import { parseFilter, resolveLang, sharedOptions, useColor, type CommonCliOptions } from '../options.js';
import { addPerformanceOptions, reportPerformance, scanTuning, type PerformanceCliOptions } from '../performance.js';
import { progressReporter } from '../progress.js';
import { classifyTargets, filesSource, readStdin, stdinSource, type TempTreeSource } from '../targets.js';

export function registerScanCommand(program: Command, T: Translate = translator('en')): Command {
  const o = sharedOptions(T);
  const command = program
    .command('scan')
    .description(T('scan.description'))
    .argument('[paths...]', T('scan.arg.paths'))
    .addOption(o.format(REPORT_FORMATS, 'text'))
    .addOption(o.output())
    .addOption(o.failOn())
    .addOption(o.severity())
    .addOption(o.category())
    .addOption(o.config())
    .addOption(o.trustedConfig())
    .addOption(o.lang())
    .addOption(o.quiet())
    .addOption(o.verbose())
    .option('--stdin-filename <name>', T('scan.opt.stdinFilename'))
    .option('--baseline <file>', T('scan.opt.baseline'))
    .option('--write-baseline <file>', T('scan.opt.writeBaseline'))
    .option('--changed-since <ref>', T('scan.opt.changedSince'))
    .option('--history', T('scan.opt.history'))
    .option('--since <ref>', T('scan.opt.since'))
    .option('--staged', T('scan.opt.staged'))
    .option('--automation-category <category>', T('scan.opt.automationCategory'))
    .addOption(o.noProgress())
    .addOption(o.noColor())
    .addHelpText('after', T('scan.after'))
    .action(async (paths: string[], opts: ScanCliOptions) => {
      process.exitCode = await runScan(paths, opts);
    });
  return addPerformanceOptions(command, T);
}

interface ScanCliOptions extends CommonCliOptions, PerformanceCliOptions {
  failOn: Severity | 'none';
  stdinFilename?: string;
  baseline?: string;
  writeBaseline?: string;
  changedSince?: string;
  automationCategory?: string;
  history?: boolean;
  since?: string;
  staged?: boolean;
}

function checkCombinations(paths: readonly string[], opts: ScanCliOptions, T: Translate): void {
  if (opts.history && opts.staged) throw new UsageError(T('scan.err.historyStaged'));
  if (opts.since !== undefined && !opts.history) throw new UsageError(T('scan.err.sinceNeedsHistory'));
  if ((opts.history || opts.staged) && opts.changedSince) {
    throw new UsageError(T('scan.err.changedSinceWith', { flag: opts.history ? 'history' : 'staged' }));
  }
  const several = paths.length > 1 || paths.includes('-');
  for (const flag of ['history', 'changedSince'] as const) {
    if (several && opts[flag]) throw new UsageError(T('scan.err.filesWith', { flag: flag === 'history' ? 'history' : 'changed-since' }));
  }
  if (opts.staged && paths.includes('-')) throw new UsageError(T('scan.err.filesWith', { flag: 'staged' }));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Paths in findings and skipped entries as the user gave them (files and stdin are scanned from a temp copy). */
function displayPaths(findings: Finding[], summary: Summary, display: ReadonlyMap<string, string>): { findings: Finding[]; summary: Summary } {
  const show = (p: string) => display.get(p) ?? p;
  return {
    findings: findings.map((f) => ({ ...f, file: show(f.file) })),
    summary: summary.skippedFiles ? { ...summary, skippedFiles: summary.skippedFiles.map((s) => ({ ...s, path: show(s.path) })) } : summary,
  };
}

/** 1 when the scanner's own config file (inside the scanned tree) is among the files scanned: it is not something to scan. */
function ownConfigScanned(result: ScanResult): number {
  const path = result.config.path;
  if (!path) return 0;
  const rel = relative(result.root, path).split(sep).join('/');
  return result.facts.files.some((f) => f.path === rel) ? 1 : 0;
}

/** Nothing was scanned: say why, and exit 2 (never a pass on nothing). */
function emptyTarget(where: string, result: ScanResult, isDir: boolean, T: Translate): UsageError {
  const s = result.summary;
  const skipped = Object.values(s.filesSkipped).reduce((a, n) => a + n, 0);
  const parts = [
    ...(s.ignoredByConfig ? [T('scan.empty.ignoredByConfig', { n: s.ignoredByConfig })] : []),
    ...(result.ownReports.length ? [T('scan.empty.ownReports', { n: result.ownReports.length })] : []),
    ...(skipped ? [T('scan.empty.skipped', { n: skipped })] : []),
  ];
  let empty = false;
  if (isDir) {
    try {
      empty = readdirSync(where).length === 0;
    } catch {
      empty = false;
    }
  }
  const why = empty
    ? T('scan.empty.dir', { path: where })
    : parts.length
      ? T('scan.empty.ignored', { path: where, detail: parts.join(', ') })
      : T('scan.empty.none', { path: where });
  return new UsageError(`${why}; ${T('scan.empty.hint')}`);
}

async function runScan(paths: string[], opts: ScanCliOptions): Promise<number> {
  const lang = resolveLang(opts.lang);
  const T = translator(lang);
  const say: Notifier = notifier(lang, opts.quiet);
  checkCombinations(paths, opts, T);
  const filter = parseFilter(opts, T);
  if (opts.stdinFilename !== undefined && opts.staged) throw new UsageError(T('scan.err.stdinFilenameNeedsStdin'));
  // --staged [DIR]: the index under DIR; --staged FILE...: report on these files (what
  // pre-commit passes), the whole index is still what is scanned.
  const stagedFiles = opts.staged && !(paths.length === 1 && isDirectory(paths[0]!)) && paths.length > 0 ? paths : undefined;
  const target = opts.staged ? { kind: 'dir' as const, path: stagedFiles ? '.' : (paths[0] ?? '.') } : classifyTargets(paths, opts.stdinFilename, T);
  const root = target.kind === 'dir' ? target.path : '.';
  // A bad --changed-since ref fails before the scan (exit 2, naming the ref).
  const since = opts.changedSince ? resolveChangedSince(resolve(root), opts.changedSince) : undefined;
  let temp: TempTreeSource | undefined;
  if (target.kind === 'files') temp = filesSource(target.paths, opts.config, T);
  else if (target.kind === 'stdin') temp = stdinSource(target.name, await readStdin(T), opts.config);

  const tuning = scanTuning(opts, T);
  const progress = progressReporter(opts.progress && !opts.quiet, lang);
  const common = {
    lang,
    failOn: opts.failOn,
    ...(opts.config && !temp ? { configPath: opts.config } : {}),
    ...(opts.trustedConfig ? { trustedConfigPath: opts.trustedConfig } : {}),
    ...(opts.baseline ? { baseline: opts.baseline } : {}),
    onProgress: progress.update,
    ...tuning,
  };
  let result: ScanResult | HistoryScanResult;
  try {
    if (opts.history) {
      const { scanHistoryAt } = await import('../../pipeline/sources/history/index.js');
      result = await scanHistoryAt({ path: root, ...(opts.since !== undefined ? { since: opts.since } : {}), ...common });
    } else if (opts.staged) {
      const { scanStaged } = await import('../../pipeline/sources/staged.js');
      result = await scanStaged({ root, ...common, ...(stagedFiles ? { files: stagedFiles } : {}), keepFacts: false });
    } else {
      const { scan } = await import('../../pipeline/scan.js');
      // --changed-since is PR mode: the merge-base's config, ignores, baseline and directives apply.
      result = await scan({ path: root, ...common, ...(temp ? { source: temp } : {}), ...(since ? { prBase: { commit: since.mergeBase } } : {}), keepFacts: false });
    }
  } finally {
    progress.done();
  }
  reportPerformance('profile' in result ? result.profile : undefined, opts, lang);
  if (temp) for (const r of temp.refused) say.warn(msg('scan.warn.linkRefused', { path: r }));
  for (const w of result.policy?.warnings ?? []) say.warn(w);
  const scanned = 'facts' in result ? result : undefined;
  if (scanned && scanned.ownReports.length > 0) {
    say.note(T('scan.note.ownReports', { n: scanned.ownReports.length, files: scanned.ownReports.join(', ') }));
  }
  if (scanned && opts.staged && !stagedFiles && 'staged' in scanned && (scanned as { staged: string[] }).staged.length === 0) {
    say.note(T('scan.note.nothingStaged'));
  } else if (scanned && !opts.staged && scanned.summary.filesScanned - ownConfigScanned(scanned) <= 0 && scanned.unsuppressed.length === 0) {
    // (Files that could not be analysed are findings, DG-CFG-004: reported, not "nothing to scan".)
    throw emptyTarget(target.kind === 'dir' ? target.path : paths.join(' '), scanned, target.kind === 'dir', T);
  }
  if (opts.writeBaseline) {
    const { writeBaseline } = await import('../../findings/baseline.js');
    const written = writeBaseline(opts.writeBaseline, result.unsuppressed);
    say.note(T('scan.note.baselineWritten', { n: written.findings.length, file: opts.writeBaseline }));
    return 0;
  }
  const gated =
    since && scanned
      ? await (await import('../../pipeline/changes.js')).narrowToChangedLines(scanned, since, {
          ...(opts.config ? { configPath: opts.config } : {}),
          ...(opts.trustedConfig ? { trustedConfigPath: opts.trustedConfig } : {}),
          lang,
        })
      : undefined;
  if (gated) {
    if (gated.method === 'fingerprint') {
      say.note(T('scan.note.gatingFingerprint', { base: since!.label, n: gated.preExisting.length }));
    } else {
      say.note(T('scan.note.gatingFallback', { reason: gated.fallbackMessage ? firstLine(describeError(gated.fallbackMessage, lang)) : (gated.fallbackReason ?? T('scan.note.unknownError')) }));
      say.note(T('scan.note.gatingLines', { base: since!.label, n: gated.preExisting.length }));
    }
  }
  const [{ applyFilter }, { FORMATTERS, reportExtras }, { ruleCatalog }, { acceptanceOf }] = await Promise.all([
    import('../../report/filter.js'),
    import('../../report/index.js'),
    import('../../policy/bundle.js'),
    import('../../pipeline/trust.js'),
  ]);
  let { findings, summary } = applyFilter(gated?.findings ?? result.findings, gated?.summary ?? result.summary, filter);
  if (temp) ({ findings, summary } = displayPaths(findings, summary, temp.display));
  const report = FORMATTERS[opts.format]!(
    {
      tool: TOOL,
      findings,
      summary,
      rules: ruleCatalog(),
      root: result.root,
      // HTML: redacted code context, read from the working tree only when it is what was scanned.
      ...reportExtras(opts.format, opts.staged || opts.history || temp || !scanned ? undefined : scanned, findings),
      ...(opts.automationCategory ? { automationCategory: opts.automationCategory } : {}),
      acceptance: acceptanceOf(result),
    },
    { lang, color: useColor(opts), layout: opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'compact' },
  );
  if (opts.output) {
    writeOutput(opts.output, report, { root: result.root });
    say.note(T('scan.note.written', { total: summary.total, blocking: summary.blocking, file: opts.output }));
  } else {
    process.stdout.write(report);
  }
  return summary.verdict === 'fail' ? 1 : 0;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
