/**
 * Diff-aware gating, shared by the CLI (`scan --changed-since REF`) and the GitHub
 * Action (pull requests): which findings a change introduces. Only those can block;
 * the others are pre-existing.
 *
 * Primary method: **by fingerprint**. The base commit (the merge-base) is scanned by
 * the same pipeline from the object store (`gitTreeSource`), and a current finding is
 * new when its fingerprint (rule + path + normalized match, not the line:
 * src/findings/fingerprint.ts) is not among the base's findings, counted as a multiset
 * (a second copy of an existing finding is new). This catches a violation the change
 * creates away from the finding's line: deleting the audit-log call below a DB call,
 * changing `https` to `http` in a config file that a client elsewhere reads. The base
 * is scanned with the base's own `.dancu-guard.yml` unless a config file is given
 * explicitly (then with that one), and with the same trusted config: removing an
 * exception or a directive makes its finding new. The current scan itself runs in PR
 * mode (pipeline/trust.ts): the base commit's config, ignore file, baseline and
 * directives apply to it, and what the change does to them that loosens the gate is
 * DG-CFG-005. (A baseline changes nothing here: the same entries accept the same
 * fingerprints on both sides.)
 *
 * Known limit: a file renamed (or moved) by the change gets new fingerprints (the path
 * is part of them), so its findings count as new. Review the rename; full scans (push
 * events, `mode: deploy`, the SARIF sent to code scanning) always gate everything.
 *
 * Fallback: **by changed lines** (src/git/diff.ts), when the base cannot be
 * materialised or scanned (no base commit locally, an object missing, the base's
 * config invalid) — said in a notice. A finding the change creates away from a changed
 * line is then listed as pre-existing: the reason fingerprints come first.
 */
import { resolve } from 'node:path';
import { changeSetFromGit, type ChangedSince, type ChangeSet } from '../git/diff.js';
import { atOrAbove, CATEGORIES, SEVERITIES, type Category, type Finding, type Lang, type Severity } from '../findings/types.js';
import type { Summary } from '../report/types.js';
import { scan } from './scan.js';
import { gitTreeSource } from './sources/git-tree.js';
import { Message, msg } from '../util/errors.js';

/**
 * Findings about a whole file: a file that was not analysed (DG-CFG-004) is judged by any
 * change to it, not by its line (padding a file past the size limit changes its end).
 */
const WHOLE_FILE_RULES = new Set(['DG-CFG-004']);

/** True when the finding's line (or any line of its range) is one the change touches. */
export function isOnChangedLine(changes: ChangeSet, f: Pick<Finding, 'file' | 'line' | 'endLine'> & { ruleId?: string }): boolean {
  const c = changes.files.get(f.file);
  if (c === undefined) return false;
  if (c === 'all' || (f.ruleId !== undefined && WHOLE_FILE_RULES.has(f.ruleId))) return true;
  const start = Number.isFinite(f.line) && f.line >= 1 ? Math.floor(f.line) : 1;
  const end = f.endLine !== undefined && Number.isFinite(f.endLine) && f.endLine > start ? Math.floor(f.endLine) : start;
  // Bound the walk: a finding spanning a huge range checks the set instead.
  if (end - start > c.size) {
    for (const l of c) if (l >= start && l <= end) return true;
    return false;
  }
  for (let l = start; l <= end; l++) if (c.has(l)) return true;
  return false;
}

export interface Partition {
  /** Findings on lines the change adds or modifies: these can block. */
  changed: Finding[];
  /** Findings on lines it does not touch: listed, never blocking. */
  preExisting: Finding[];
}

export function partitionByChangedLines(findings: readonly Finding[], changes: ChangeSet): Partition {
  const changed: Finding[] = [];
  const preExisting: Finding[] = [];
  for (const f of findings) (isOnChangedLine(changes, f) ? changed : preExisting).push(f);
  return { changed, preExisting };
}

/**
 * Gating by fingerprint: a finding is new (`changed`, can block) when its fingerprint
 * is not among `baseFingerprints`, counted as a multiset: with two findings of one
 * fingerprint and one in the base, one of them is new. Which one: a finding on a line
 * the change touches (when `changes` is given) before one on an unchanged line, then
 * the later one in `findings`' order.
 */
export function partitionByFingerprint(
  findings: readonly Finding[],
  baseFingerprints: Iterable<string>,
  changes?: ChangeSet,
): Partition {
  const left = new Map<string, number>();
  for (const fp of baseFingerprints) left.set(fp, (left.get(fp) ?? 0) + 1);
  const isNew = new Set<Finding>();
  // Match the base's copies to the findings least likely to be new first.
  const order = findings.map((f, i) => ({ f, i, touched: changes ? isOnChangedLine(changes, f) : false }));
  order.sort((a, b) => Number(a.touched) - Number(b.touched) || a.i - b.i);
  for (const { f } of order) {
    const n = left.get(f.fingerprint) ?? 0;
    if (n > 0) left.set(f.fingerprint, n - 1);
    else isNew.add(f);
  }
  const changed: Finding[] = [];
  const preExisting: Finding[] = [];
  for (const f of findings) (isNew.has(f) ? changed : preExisting).push(f);
  return { changed, preExisting };
}

export interface BaseScanOptions {
  /** The scanned root (a directory in a git work tree); the base is scanned under the same path. */
  root: string;
  /** The base commit (full id). */
  commit: string;
  /** An explicit config file (relative to the current directory); else the base's own. */
  configPath?: string;
  /** The trusted configuration, as for the current scan. */
  trustedConfigPath?: string;
  /** The same baseline as the current scan. */
  baseline?: string;
  lang?: Lang;
  today?: string;
}

/**
 * The findings the pipeline reports on `commit`'s tree under `root`. Throws when the
 * base cannot be materialised or scanned; callers fall back to changed lines.
 */
export async function scanBaseCommit(opts: BaseScanOptions): Promise<Finding[]> {
  const r = await scan({
    path: opts.root,
    source: gitTreeSource(opts.root, opts.commit),
    ...(opts.configPath ? { configPath: resolve(opts.configPath) } : {}),
    ...(opts.trustedConfigPath ? { trustedConfigPath: resolve(opts.trustedConfigPath) } : {}),
    ...(opts.baseline ? { baseline: resolve(opts.baseline) } : {}),
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.today ? { today: opts.today } : {}),
    failOn: 'none',
  });
  return r.findings;
}

/**
 * The summary of a gated scan: the counts, blocking number and verdict of `changed`
 * only, with `changedLines` saying what was compared and how many were left out.
 * `blocks` decides what blocks (default: at or above `summary.failOn`).
 */
export function gatedSummary(
  summary: Summary,
  changes: ChangeSet,
  partition: Partition,
  blocks: (f: Finding) => boolean = (f) => atOrAbove(f.severity, summary.failOn),
): Summary {
  const counted = recount(summary, partition.changed, blocks);
  return {
    ...counted,
    changedLines: { base: changes.base, files: changes.files.size, preExisting: partition.preExisting.length },
  };
}

/** `summary` with its counts, blocking number and verdict recomputed over `findings`. */
export function recount(summary: Summary, findings: readonly Finding[], blocks: (f: Finding) => boolean): Summary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let blocking = 0;
  for (const f of findings) {
    bySeverity[f.severity]++;
    byCategory[f.category]++;
    if (blocks(f)) blocking++;
  }
  return { ...summary, total: findings.length, bySeverity, byCategory, blocking, verdict: blocking > 0 ? 'fail' : 'pass' };
}

export interface NarrowedScan {
  findings: Finding[];
  summary: Summary;
  preExisting: Finding[];
  changes: ChangeSet;
  /** How new findings were told from pre-existing ones. */
  method: 'fingerprint' | 'lines';
  /** Why gating fell back to changed lines (method `lines`). */
  fallbackReason?: string;
  /** fallbackReason as a message of the table, when it is one (to print in the user's language). */
  fallbackMessage?: Message;
}

export interface NarrowOptions {
  /** As given to the current scan, so the base is scanned the same way. */
  configPath?: string;
  trustedConfigPath?: string;
  baseline?: string;
  lang?: Lang;
  today?: string;
  /** Default: `scanBaseCommit` (tests swap it). */
  scanBase?: (opts: BaseScanOptions) => Promise<Finding[]>;
}

/**
 * Keep the findings a change introduces: by fingerprint against a scan of
 * `baseCommit` when there is one and it can be scanned, else by the change's lines
 * (`fallbackReason` says why). `blocks` decides what blocks (default: at or above
 * `summary.failOn`). Paths are relative to `result.root`.
 */
export async function gateByChanges(
  result: { root: string; findings: Finding[]; summary: Summary },
  changes: ChangeSet,
  baseCommit: string | undefined,
  opts: NarrowOptions & { blocks?: (f: Finding) => boolean } = {},
): Promise<NarrowedScan> {
  let baseFindings: Finding[] | undefined;
  let fallbackReason: string | undefined;
  let fallbackMessage: Message | undefined;
  if (baseCommit === undefined) {
    fallbackMessage = msg('changes.noBase');
    fallbackReason = fallbackMessage.render('en');
  } else {
    try {
      baseFindings = await (opts.scanBase ?? scanBaseCommit)({
        root: result.root,
        commit: baseCommit,
        ...(opts.configPath ? { configPath: opts.configPath } : {}),
        ...(opts.trustedConfigPath ? { trustedConfigPath: opts.trustedConfigPath } : {}),
        ...(opts.baseline ? { baseline: opts.baseline } : {}),
        ...(opts.lang ? { lang: opts.lang } : {}),
        ...(opts.today ? { today: opts.today } : {}),
      });
    } catch (err) {
      fallbackReason = (err as Error).message.split('\n')[0] ?? String(err);
      const m = (err as { msg?: unknown }).msg;
      if (m instanceof Message) fallbackMessage = m;
    }
  }
  const part = baseFindings
    ? partitionByFingerprint(result.findings, baseFindings.map((f) => f.fingerprint), changes)
    : partitionByChangedLines(result.findings, changes);
  return {
    findings: part.changed,
    summary: gatedSummary(result.summary, changes, part, opts.blocks),
    preExisting: part.preExisting,
    changes,
    method: baseFindings ? 'fingerprint' : 'lines',
    ...(fallbackReason !== undefined ? { fallbackReason } : {}),
    ...(fallbackMessage !== undefined ? { fallbackMessage } : {}),
  };
}

/**
 * `scan --changed-since REF`: keep the findings the working tree introduces since
 * `since.mergeBase` — committed, staged and unstaged changes and untracked (not
 * ignored) files all count, so a developer can check work before committing it.
 */
export async function narrowToChangedLines(
  result: { root: string; findings: Finding[]; summary: Summary },
  since: ChangedSince,
  opts: NarrowOptions = {},
): Promise<NarrowedScan> {
  const changes = await changeSetFromGit({ cwd: result.root, base: since.mergeBase, workingTree: true, label: since.label });
  return gateByChanges(result, changes, since.mergeBase, opts);
}
