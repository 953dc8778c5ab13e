/**
 * The judging stage, shared by every scan: the policies' raw results become findings
 * (rule METADATA, fingerprint), then inline directives and config exceptions, then the
 * baseline, then the summary and verdict.
 */
import type { SkippedFile } from '../discover/types.js';
import { applyBaseline, type Baseline, type BaselineResult } from '../findings/baseline.js';
import { buildFindings } from '../findings/build.js';
import { applySuppressions, rejectedLocations, type SuppressedFinding } from '../findings/suppress.js';
import type { Finding, Lang, Severity } from '../findings/types.js';
import type { ExceptionFact, SuppressionFact } from '../facts/types.js';
import { ruleCatalog } from '../policy/bundle.js';
import type { RawFinding } from '../policy/evaluate.js';
import { summarize, type SummarizeDetail } from '../report/summary.js';
import type { Summary } from '../report/types.js';

export interface Judged {
  /** Reported findings: after suppressions, exceptions and the baseline. */
  findings: Finding[];
  /** After suppressions and exceptions, before the baseline (what --write-baseline records). */
  unsuppressed: Finding[];
  suppressed: SuppressedFinding[];
  baseline?: BaselineResult;
  summary: Summary;
}

/** Raw policy results → findings with their rule's METADATA in `lang`. */
export function toFindings(raw: readonly RawFinding[], lang: Lang): Finding[] {
  return buildFindings(raw, ruleCatalog(), lang);
}

export interface AcceptOptions {
  failOn: Severity | 'none';
  /** The baseline document and the path it was read from (for the summary). */
  baseline?: { doc: Baseline; path: string };
  /** `performance.now()` when the scan started. */
  started: number;
  filesScanned: number;
  skipped: readonly SkippedFile[];
  /** For a scan of a tree: the ignored files, by name, in the summary. */
  detail?: SummarizeDetail;
}

/** Findings already past suppressions → the baseline, the summary and the verdict. */
export function accept(kept: Finding[], suppressed: SuppressedFinding[], opts: AcceptOptions): Judged {
  const baselined = opts.baseline ? applyBaseline(kept, opts.baseline.doc) : undefined;
  const findings = baselined ? baselined.fresh : kept;
  const summary = summarize(findings, opts.filesScanned, opts.skipped, opts.failOn, opts.started, opts.detail);
  summary.suppressed = suppressed.length;
  if (baselined && opts.baseline) {
    summary.baseline = {
      file: opts.baseline.path,
      known: baselined.known.length,
      stale: baselined.stale.map(({ fingerprint, ruleId, file, line }) => ({ fingerprint, ruleId, file, line })),
    };
  }
  return { findings, unsuppressed: kept, suppressed, ...(baselined ? { baseline: baselined } : {}), summary };
}

/** The whole stage: findings, directives and exceptions, baseline, summary. */
export function judge(
  raw: readonly RawFinding[],
  facts: { suppressions: readonly SuppressionFact[]; exceptions: readonly ExceptionFact[] },
  lang: Lang,
  opts: AcceptOptions,
): Judged {
  // What the policies rejected (no target, no real reason: DG-CFG-002) accepts nothing.
  const { kept, suppressed } = applySuppressions(toFindings(raw, lang), facts.suppressions, facts.exceptions, rejectedLocations(raw));
  return accept(kept, suppressed, opts);
}

/** Keep only what concerns `only` (a staged scan reports on staged files). */
export function restrictTo(judged: Judged, only: ReadonlySet<string>, opts: Omit<AcceptOptions, 'baseline'>): Judged {
  const findings = judged.findings.filter((f) => only.has(f.file));
  const summary = summarize(findings, opts.filesScanned, opts.skipped, opts.failOn, opts.started, opts.detail);
  summary.suppressed = judged.suppressed.filter((s) => only.has(s.finding.file)).length;
  if (judged.summary.baseline) summary.baseline = judged.summary.baseline;
  return {
    findings,
    unsuppressed: judged.unsuppressed.filter((f) => only.has(f.file)),
    suppressed: judged.suppressed.filter((s) => only.has(s.finding.file)),
    ...(judged.baseline ? { baseline: judged.baseline } : {}),
    summary,
  };
}
