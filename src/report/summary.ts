import type { SkippedFile } from '../discover/types.js';
import { atOrAbove, CATEGORIES, SEVERITIES, type Category, type Finding, type Severity } from '../findings/types.js';
import type { SkippedEntry, Summary } from './types.js';

/** Most entries `skippedFiles` lists (the counts stay complete). */
export const MAX_SKIPPED_FILES = 1000;

export interface SummarizeDetail {
  /** Paths explicit ignores excluded that would otherwise have been checked. */
  ignored?: readonly string[];
}

/**
 * Counts by severity and category, and the verdict against --fail-on. With `detail`
 * (a scan of a tree), also the skipped and explicitly ignored files by name.
 */
export function summarize(
  findings: readonly Finding[],
  filesScanned: number,
  skipped: readonly SkippedFile[],
  failOn: Severity | 'none',
  started: number,
  detail?: SummarizeDetail,
): Summary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let blocking = 0;
  for (const f of findings) {
    bySeverity[f.severity]++;
    byCategory[f.category]++;
    if (atOrAbove(f.severity, failOn)) blocking++;
  }
  const filesSkipped: Record<string, number> = {};
  for (const s of skipped) filesSkipped[s.reason] = (filesSkipped[s.reason] ?? 0) + 1;
  const summary: Summary = {
    filesScanned,
    filesSkipped,
    total: findings.length,
    bySeverity,
    byCategory,
    failOn,
    blocking,
    verdict: blocking > 0 ? 'fail' : 'pass',
    durationMs: Math.round(performance.now() - started),
  };
  if (detail) {
    const ignored = detail.ignored ?? [];
    const entries: SkippedEntry[] = [
      ...skipped.map((s) => ({ path: s.path, reason: s.reason })),
      ...ignored.map((path) => ({ path, reason: 'ignored-by-config' as const })),
    ];
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
    summary.skippedFiles = entries.slice(0, MAX_SKIPPED_FILES);
    if (entries.length > MAX_SKIPPED_FILES) summary.skippedFilesTruncated = true;
    summary.ignoredByConfig = ignored.length;
  }
  return summary;
}
