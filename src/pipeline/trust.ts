/**
 * Which of the repository's policy inputs a scan applies — its config, its
 * `.dancu-guardignore`, the baseline, its inline `dancu-guard:ignore` directives — in
 * the three modes (docs/security.md):
 *
 * - **repository** (default): all of them, as written;
 * - **trusted** (`--trusted-config FILE`): the province's config decides; the
 *   repository may only tighten (src/config/trust.ts); its exceptions, ignores,
 *   approvals, logger/limiter patterns, baseline (inside the root) and inline directives
 *   are not applied and are listed as such;
 * - **pull request** (`prBase`: the Action on a pull request, `scan --changed-since`):
 *   the base commit's inputs apply, read from git, never the change's; what the change
 *   does to them that loosens the gate is a weakening fact (DG-CFG-005, blocking). When
 *   the base commit cannot be had, no repository acceptance applies at all (fail closed).
 *
 * Whatever the mode, a deployment manifest hidden by a repository ignore is scanned
 * anyway: nothing in the repository can hide a credential in a manifest (DG-GATE-010).
 *
 * The pipeline (`scan.ts`) calls {@link resolvePolicy} once, then the policy's
 * `discover`, `completeFacts` and `accepting` at the stages they belong to.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseSuppressions } from '../collect/suppressions.js';
import { isRealDate, repoRelative } from '../config/document.js';
import { msg, type Message, UsageError } from '../util/errors.js';
import { CONFIG_FILE_NAMES, loadConfig, mergeSettings, parseConfigWithLines, type LoadedConfig } from '../config/load.js';
import {
  baselineWeakenings,
  combineConfigs,
  configWeakenings,
  ignoreFileWeakenings,
  placedExceptionFacts,
  type AcceptingValue,
  type EffectiveConfig,
  type NotApplied,
  type NotAppliedWhy,
} from '../config/trust.js';
import { DEFAULT_MAX_FILE_SIZE, discover, GUARD_IGNORE_FILE } from '../discover/index.js';
import { inspectFile } from '../discover/inspect.js';
import type { DiscoverOptions, DiscoverResult } from '../discover/types.js';
import { emptyFacts, type ExceptionFact, type Facts, type RepoFact, type SuppressionFact, type WeakeningFact } from '../facts/types.js';
import { parseBaseline, readBaseline, type Baseline, type BaselineResult } from '../findings/baseline.js';
import { locationKey, rejectedLocations, type SuppressedFinding } from '../findings/suppress.js';
import type { Finding, Severity } from '../findings/types.js';
import type { ChangeSet } from '../git/diff.js';
import { filesContainingAt, openRepo, readAtCommit } from '../git/repo.js';
import { gitSync } from '../git/run.js';
import { evaluateFindings, type Evaluator } from '../policy/evaluate.js';
import type { Settings } from '../policy/settings.js';
import type { AcceptedBy, Acceptance, SuppressedRecord } from '../report/suppressed.js';
import type { Summary } from '../report/types.js';
import { isLexicallyInside, readInput } from '../util/files.js';
import type { OpenedTree } from './source.js';

/**
 * The base commit of PR mode; or why there is none, with what the pull request changes
 * when that is known otherwise (the GitHub API's file list): paths relative to the
 * repository, `prefix` the scanned root's path in it ('' or `dir/`).
 */
export type PullRequestBase =
  | { commit: string }
  | { unavailable: string; changed?: { files: ChangeSet['files']; prefix: string } };

export interface TrustOptions {
  /** The province's configuration: with it the repository can only tighten. */
  trustedConfigPath?: string;
  /** PR mode: the base commit whose policy inputs apply. */
  prBase?: PullRequestBase;
  /** An explicit repository config (else `.dancu-guard.yml` at the root). */
  configPath?: string;
  /** A baseline file (relative to the current directory). */
  baseline?: string;
}

export type PolicyMode = 'repository' | 'trusted' | 'pull-request' | 'no-base';

/** What the scan applied and why, for every report. */
export interface PolicyReport {
  mode: PolicyMode;
  /** The trusted configuration (as given), when there is one. */
  trustedConfig?: string;
  /** PR mode: the base commit whose inputs apply (or why there was none). */
  base?: PullRequestBase;
  /** Repository values not applied (trusted config, or no base commit). */
  notApplied: NotApplied[];
  /** Accepting config values that apply (the repository's, the base commit's or the trusted config's). */
  accepting: AcceptingValue[];
  /** PR mode: what the change weakens (each is also a DG-CFG-005 finding). */
  weakenings: WeakeningFact[];
  /** Deployment manifests a repository ignore would have hidden, scanned anyway. */
  readmitted: string[];
  /** For stderr / the Action log (e.g. a trusted config the repository itself holds). */
  warnings: Message[];
}

export interface ScanPolicy {
  /** The config the scan applies (its `config` holds the effective keys; `path` the repository's file). */
  config: LoadedConfig;
  settings: Settings;
  /** The strictest `failOn` of the configs applied. */
  failOnFloor?: Severity;
  /** The baseline that applies, and where it was read from. */
  baseline?: { doc: Baseline; path: string };
  report: PolicyReport;
  /** Discovery with the ignores that apply (manifests are never hidden by the repository's). */
  discover(dir: string, extra?: Pick<DiscoverOptions, 'hash' | 'memo'>): Promise<DiscoverResult>;
  /** The exceptions that apply, as facts (they travel with every chunk of facts evaluated). */
  exceptions(today: string): ExceptionFact[];
  /**
   * Add the exceptions and the weakenings to the facts. Weakenings need every inline
   * directive of the tree, so the streaming scan calls this once collection is done and
   * evaluates the weakenings then.
   */
  completeFacts(facts: Facts, dir: string, today: string): Promise<void>;
  /** The directives and exceptions that may accept findings. */
  accepting(facts: Facts): { suppressions: SuppressionFact[]; exceptions: ExceptionFact[] };
}

/** The marker the inline directive parser looks for. */
const DIRECTIVE_MARKER = 'dancu-guard:ignore';

/**
 * Work out the policy of a scan of `tree`: which config, ignores, baseline and inline
 * directives apply. Bad input (an invalid trusted or base config, an unreadable
 * baseline) is a UsageError before any work.
 */
export async function resolvePolicy(tree: OpenedTree, opts: TrustOptions): Promise<ScanPolicy> {
  const configPath = opts.configPath ?? tree.configPath;
  const trusted = opts.trustedConfigPath ? loadTrustedConfig(opts.trustedConfigPath) : undefined;
  // The tree's own config: read (and validated) in every mode, applied in repository mode.
  const own = loadConfig(tree.dir, configPath);
  const prBase = opts.prBase;
  const base = prBase && 'commit' in prBase ? await baseInputs(tree, prBase.commit, configPath, opts.baseline) : undefined;
  const repoConfig = base?.config ?? own;

  // Without the base commit, what the pull request does not touch (per the API's file
  // list) is the base's and applies; what it touches, or everything when that list is
  // not known either, does not.
  const noBase = prBase && !('commit' in prBase) ? prBase : undefined;
  const changedFile = (abs: string | undefined): boolean => {
    const changed = noBase?.changed;
    if (!changed || abs === undefined) return true;
    return changed.files.has(`${changed.prefix}${repoRelative(tree.root, abs)}`);
  };
  const restricted = (abs: string | undefined): NotAppliedWhy | undefined =>
    trusted ? 'trusted-config' : noBase && changedFile(abs) ? 'no-base' : undefined;
  const mode: PolicyMode = trusted ? 'trusted' : base ? 'pull-request' : prBase ? 'no-base' : 'repository';

  const whyConfig = restricted(own.path);
  const effective: EffectiveConfig = combineConfigs(tree.dir, repoConfig, whyConfig ? { ...(trusted ? { trusted } : {}), why: whyConfig } : undefined);
  const notApplied = [...effective.notApplied];
  const weakenings: WeakeningFact[] = base ? configWeakenings(tree.dir, base.config, own) : [];

  // .dancu-guardignore: the tree's own in repository mode (discovery reads it), the
  // base's in PR mode; with restrictions only its re-includes.
  const ownIgnore = readIgnoreFile(tree.dir);
  const repoIgnore = base ? base.ignoreFile : ownIgnore;
  if (base) weakenings.push(...ignoreFileWeakenings(GUARD_IGNORE_FILE, base.ignoreFile, ownIgnore));
  const whyIgnore = restricted(join(tree.dir, GUARD_IGNORE_FILE));
  const ignoreLines = (repoIgnore ?? '').split(/\r?\n/).map((l) => l.trim());
  if (whyIgnore) {
    ignoreLines.forEach((l, i) => {
      if (l && !l.startsWith('#') && !l.startsWith('!')) {
        notApplied.push({ kind: 'ignore-file', file: GUARD_IGNORE_FILE, line: i + 1, what: `${GUARD_IGNORE_FILE}: ${l}`, why: whyIgnore });
      }
    });
  }
  const guardIgnore = whyIgnore
    ? ignoreLines.filter((l) => l.startsWith('!'))
    : base
      ? ignoreLines.filter((l) => l && !l.startsWith('#'))
      : undefined;
  const ignore = [...(guardIgnore ?? []), ...(effective.config.ignore ?? [])];

  // The baseline.
  let baseline: ScanPolicy['baseline'];
  if (opts.baseline) {
    const path = resolve(opts.baseline);
    const ownText = readInput(opts.baseline, 'noun.baseline', tree.root);
    const ownDoc = parseBaseline(ownText, opts.baseline);
    const doc = base ? base.baseline ?? emptyBaseline() : ownDoc;
    if (base) weakenings.push(...baselineWeakenings(repoRelative(tree.root, path), base.baseline, ownDoc, ownText));
    const whyBaseline = isLexicallyInside(tree.root, path) ? restricted(path) : undefined;
    if (whyBaseline) {
      // Inside the repository: the repository wrote it.
      const file = repoRelative(tree.root, path);
      for (const e of doc.findings) {
        notApplied.push({ kind: 'baseline', file, line: 1, what: `${e.ruleId} ${e.file}:${e.line} (fingerprint ${e.fingerprint.slice(0, 12)})`, why: whyBaseline });
      }
    } else {
      baseline = { doc, path: opts.baseline };
    }
  }

  const loaded: LoadedConfig = { ...repoConfig, config: effective.config };
  const readmitted: string[] = [];
  const report: PolicyReport = {
    mode,
    ...(opts.trustedConfigPath ? { trustedConfig: opts.trustedConfigPath } : {}),
    ...(prBase ? { base: prBase } : {}),
    notApplied,
    accepting: effective.accepting,
    weakenings,
    readmitted,
    warnings:
      opts.trustedConfigPath && trackedByRepository(opts.trustedConfigPath, tree.root)
        ? [msg('trust.trackedConfig', { path: opts.trustedConfigPath })]
        : [],
  };
  let applied: SuppressionFact[] | undefined;
  return {
    config: loaded,
    settings: mergeSettings(effective.config),
    ...(effective.failOnFloor ? { failOnFloor: effective.failOnFloor } : {}),
    ...(baseline ? { baseline } : {}),
    report,
    async discover(dir, extra) {
      const found = await discover(dir, { ...extra, ignore, ...(guardIgnore ? { guardIgnore: false } : {}) });
      // With a trusted config the ignores are the province's: nothing to second-guess.
      if (trusted) return found;
      return readmitManifests(found, readmitted);
    },
    exceptions(today) {
      return placedExceptionFacts(effective.exceptions, today);
    },
    async completeFacts(facts, dir, today) {
      facts.exceptions = placedExceptionFacts(effective.exceptions, today);
      const directives = facts.suppressions;
      if (trusted || (noBase && !noBase.changed)) {
        const why: NotAppliedWhy = trusted ? 'trusted-config' : 'no-base';
        applied = [];
        for (const s of directives) {
          notApplied.push({ kind: 'inline-suppression', file: s.file, line: s.line, what: describeDirective(s), why });
        }
      } else if (noBase?.changed) {
        // The pull request's changed lines: a directive on one (or above one) is its own.
        const changed = noBase.changed;
        const touches = (s: SuppressionFact) => {
          const c = changed.files.get(`${changed.prefix}${s.file}`);
          return c !== undefined && (c === 'all' || c.has(s.line) || c.has(s.line + 1));
        };
        applied = directives.filter((s) => !touches(s));
        for (const s of directives.filter(touches)) weakenings.push({ kind: 'inline-suppression', file: s.file, line: s.line, what: describeDirective(s) });
      } else if (base) {
        const fresh = newDirectives(directives, await base.directives(), (file) => readText(join(dir, file)));
        const freshSet = new Set(fresh);
        applied = directives.filter((s) => !freshSet.has(s));
        for (const s of fresh) weakenings.push({ kind: 'inline-suppression', file: s.file, line: s.line, what: describeDirective(s) });
      }
      if (weakenings.length) facts.weakenings = weakenings;
    },
    accepting(facts) {
      return { suppressions: applied ?? facts.suppressions, exceptions: facts.exceptions };
    },
  };
}

/**
 * Whether `file` is tracked by the git repository at `root` (whoever can push to it can
 * change it). A province repository checked out into a subdirectory is not; without
 * git nothing can be said.
 */
function trackedByRepository(file: string, root: string): boolean {
  if (!isLexicallyInside(root, file)) return false;
  const r = gitSync(['ls-files', '--error-unmatch', '--', resolve(file)], { cwd: root });
  return r.status === 0 && r.error === undefined;
}

/**
 * The trusted config: any readable file (it is the province's), validated like any
 * config, its calendar dates too (the gate reads them with the repository's).
 */
function loadTrustedConfig(path: string): LoadedConfig {
  const text = readInput(path, 'noun.trustedConfig');
  const loaded: LoadedConfig = { path: resolve(path), ...parseConfigWithLines(text, path) };
  for (const field of ['off', 'work'] as const) {
    (loaded.config.calendar?.[field] ?? []).forEach((v, i) => {
      if (!isRealDate(v)) {
        throw UsageError.of('calendar.notRealDate', { file: path, line: loaded.lineAt?.(['calendar', field, i]) ?? 1, field, i, value: v });
      }
    });
  }
  return loaded;
}

function emptyBaseline(): Baseline {
  return { tool: 'dancu-guard', kind: 'baseline', version: 1, createdAt: '', findings: [] };
}

export function describeDirective(s: SuppressionFact): string {
  return `${DIRECTIVE_MARKER} ${s.targets.join(', ')}${s.reason !== undefined ? ` -- ${s.reason}` : ''}`;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `.dancu-guardignore` at `dir`, as discovery reads it: a regular file only (never a link). */
function readIgnoreFile(dir: string): string | undefined {
  const path = join(dir, GUARD_IGNORE_FILE);
  try {
    return lstatSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------
// PR mode: the base commit's inputs

interface BaseInputs {
  config: LoadedConfig;
  ignoreFile?: string;
  baseline?: Baseline;
  /** The base's inline directives with the text of the lines they cover. */
  directives(): Promise<KeyedDirective[]>;
}

interface KeyedDirective {
  directive: SuppressionFact;
  key: string;
}

/** A path relative to `root` for git (`./…`), or undefined when it is outside the work tree. */
function relativeForGit(root: string, toplevel: string, path: string): string | undefined {
  const abs = resolve(path);
  if (!isLexicallyInside(toplevel, abs)) return undefined;
  return relative(root, abs).split(sep).join('/');
}

async function baseInputs(tree: OpenedTree, commit: string, configPath: string | undefined, baselinePath: string | undefined): Promise<BaseInputs> {
  const root = tree.root;
  const info = await openRepo(root);
  const toplevel = realpathSync(info.toplevel);
  const at = `${commit.slice(0, 12)}`;

  let config: LoadedConfig = { config: {}, exceptionLines: [] };
  const configRel = configPath ? relativeForGit(info.root, toplevel, configPath) : undefined;
  if (configPath && configRel === undefined) {
    config = loadConfig(root, configPath); // outside the repository: not the change's to make
  } else {
    for (const rel of configRel !== undefined ? [configRel] : CONFIG_FILE_NAMES) {
      const text = await readAtCommit(info.root, commit, rel);
      if (text === undefined) continue;
      const display = `${rel} (at ${at})`;
      config = { path: resolve(info.root, rel), ...parseConfigWithLines(text, display) };
      break;
    }
  }
  const ignoreFile = await readAtCommit(info.root, commit, GUARD_IGNORE_FILE);

  let baseline: Baseline | undefined;
  if (baselinePath) {
    const rel = relativeForGit(info.root, toplevel, baselinePath);
    if (rel === undefined) {
      baseline = readBaseline(baselinePath);
    } else {
      const text = await readAtCommit(info.root, commit, rel);
      if (text !== undefined) baseline = parseBaseline(text, `${rel} (at ${at})`);
    }
  }

  let directives: Promise<KeyedDirective[]> | undefined;
  return {
    config,
    ...(ignoreFile !== undefined ? { ignoreFile } : {}),
    ...(baseline ? { baseline } : {}),
    directives() {
      directives ??= (async () => {
        const out: KeyedDirective[] = [];
        for (const file of await filesContainingAt(info.root, commit, DIRECTIVE_MARKER)) {
          const text = await readAtCommit(info.root, commit, file);
          if (text === undefined) continue;
          for (const d of parseSuppressions(file, text)) out.push({ directive: d, key: directiveKey(d, text) });
        }
        return out;
      })();
      return directives;
    },
  };
}

/**
 * A directive, what it says and what it covers: its file, targets, reason, and the text
 * of its own line and the line below (the lines it accepts findings on). The same
 * directive moved with its code keeps its key; one that now covers other code does not.
 */
function directiveKey(d: SuppressionFact, text: string): string {
  const lines = text.split(/\r?\n/);
  const covered = [lines[d.line - 1] ?? '', lines[d.line] ?? ''].map((l) => l.trim()).join('\n');
  const targets = [...d.targets].map((t) => t.toUpperCase()).sort().join(',');
  return `${d.file}\0${targets}\0${d.reason ?? ''}\0${covered}`;
}

/** The change's directives that the base does not have (multiset by key). */
function newDirectives(
  current: readonly SuppressionFact[],
  base: readonly KeyedDirective[],
  read: (file: string) => string | undefined,
): SuppressionFact[] {
  const left = new Map<string, number>();
  for (const b of base) left.set(b.key, (left.get(b.key) ?? 0) + 1);
  const texts = new Map<string, string>();
  const fresh: SuppressionFact[] = [];
  for (const d of current) {
    if (!texts.has(d.file)) texts.set(d.file, read(d.file) ?? '');
    const key = directiveKey(d, texts.get(d.file)!);
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else fresh.push(d);
  }
  return fresh;
}

// ---------------------------------------------------------------------------------

/**
 * Deployment manifests an explicit repository ignore (config `ignore`,
 * `.dancu-guardignore`) excluded are scanned anyway: a credential in one blocks the
 * deployment (DG-GATE-010) and nothing in the repository can accept that.
 */
function readmitManifests(found: DiscoverResult, readmitted: string[]): DiscoverResult {
  if (found.ignored.length === 0) return found;
  const files = [...found.files];
  const skipped = [...found.skipped];
  const ignored: string[] = [];
  for (const rel of found.ignored) {
    const abs = join(found.root, ...rel.split('/'));
    let inside = false;
    try {
      inside = isLexicallyInside(found.root, realpathSync(abs));
    } catch {
      inside = false;
    }
    const r = inside ? inspectFile(rel, abs, DEFAULT_MAX_FILE_SIZE) : undefined;
    if (r && 'file' in r && r.file.kind === 'manifest') {
      files.push(r.file);
      readmitted.push(rel);
    } else if (r && 'skipped' in r && r.skipped.kind === 'manifest') {
      skipped.push(r.skipped); // a manifest that cannot be checked is reported (DG-CFG-004)
      readmitted.push(rel);
    } else {
      ignored.push(rel);
    }
  }
  if (readmitted.length === 0) return found;
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { ...found, files: files.sort(byPath), skipped: skipped.sort(byPath), ignored };
}

/**
 * What a scan accepted instead of reporting, and by what, with what it refused to
 * accept: the `acceptance` every report lists (report/suppressed.ts).
 */
export function acceptanceOf(result: {
  suppressed: readonly SuppressedFinding[];
  baseline?: BaselineResult;
  summary: Summary;
  policy?: PolicyReport;
}): Acceptance {
  const record = (f: Finding, by: AcceptedBy): SuppressedRecord => ({
    ruleId: f.ruleId,
    title: f.title,
    severity: f.severity,
    category: f.category,
    file: f.file,
    line: f.line,
    message: f.message,
    fingerprint: f.fingerprint,
    ...(f.value !== undefined ? { value: f.value } : {}),
    by,
  });
  const suppressed = result.suppressed.map(({ finding, by }) =>
    record(finding, { kind: by.kind, file: by.file, line: by.line, reason: by.reason, ...(by.expires ? { expires: by.expires } : {}) }),
  );
  const baselineFile = result.summary.baseline?.file;
  for (const f of result.baseline?.known ?? []) suppressed.push(record(f, { kind: 'baseline', file: baselineFile ?? 'baseline', line: 1 }));
  const policy = result.policy;
  return {
    suppressed,
    ignored: (result.summary.skippedFiles ?? []).filter((s) => s.reason === 'ignored-by-config').map((s) => s.path),
    notApplied: policy?.notApplied ?? [],
    accepting: policy?.accepting ?? [],
    readmitted: policy?.readmitted ?? [],
    mode: policy?.mode ?? 'repository',
    ...(policy?.trustedConfig ? { trustedConfig: policy.trustedConfig } : {}),
  };
}

/**
 * For scans that judge directives and exceptions outside the main evaluation
 * (`--history`): keep those the policies accept (no DG-CFG-002 for a missing target
 * or a reason that is not a real one). Each distinct reason is put to the policies once.
 */
export async function acceptableBy(
  evaluator: Evaluator,
  repo: RepoFact,
  directives: readonly SuppressionFact[],
  exceptions: readonly ExceptionFact[],
): Promise<{ directives: (list: readonly SuppressionFact[]) => SuppressionFact[]; exceptions: ExceptionFact[] }> {
  const reasons = [...new Set(directives.map((d) => d.reason).filter((r): r is string => r !== undefined))];
  const probe = '(reason)';
  const raw = evaluateFindings(evaluator, {
    ...emptyFacts(repo),
    suppressions: reasons.map((reason, i) => ({ file: probe, line: i + 1, targets: ['reason'], reason })),
    exceptions: [...exceptions],
  });
  const rejected = rejectedLocations(raw);
  const bad = new Set(reasons.filter((_, i) => rejected.has(locationKey(probe, i + 1))));
  return {
    directives: (list) => list.filter((d) => d.reason === undefined || !bad.has(d.reason)),
    exceptions: exceptions.filter((e) => !rejected.has(locationKey(e.file, e.line))),
  };
}

/**
 * `--history` with a trusted config: the effective config (the trusted config's
 * exceptions, the repository's only where it tightens), whether the baseline is the
 * repository's (inside the root: not applied), and what was not applied.
 */
export function restrictedHistoryConfig(
  root: string,
  own: LoadedConfig,
  trustedPath: string,
  baselinePath: string | undefined,
): { config: LoadedConfig; baselineRefused: boolean; report: PolicyReport } {
  const trusted = loadTrustedConfig(trustedPath);
  const effective = combineConfigs(root, own, { trusted, why: 'trusted-config' });
  const notApplied = [...effective.notApplied];
  const ignoreFile = readIgnoreFile(root);
  (ignoreFile ?? '').split(/\r?\n/).forEach((l, i) => {
    const p = l.trim();
    if (p && !p.startsWith('#')) notApplied.push({ kind: 'ignore-file', file: GUARD_IGNORE_FILE, line: i + 1, what: `${GUARD_IGNORE_FILE}: ${p}`, why: 'trusted-config' });
  });
  const baselineRefused = baselinePath !== undefined && isLexicallyInside(root, resolve(baselinePath));
  if (baselineRefused) {
    notApplied.push({ kind: 'baseline', file: repoRelative(root, resolve(baselinePath)), line: 1, what: 'the baseline (inside the repository)', why: 'trusted-config' });
  }
  return {
    config: {
      path: trusted.path!,
      config: { ...effective.config, ...(trusted.config.exceptions ? { exceptions: trusted.config.exceptions } : {}) },
      exceptionLines: trusted.exceptionLines,
    },
    baselineRefused,
    report: { mode: 'trusted', trustedConfig: trustedPath, notApplied, accepting: effective.accepting, weakenings: [], readmitted: [], warnings: [] },
  };
}
