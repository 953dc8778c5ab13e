import type { SkippedFile } from '../discover/types.js';
import { atOrAbove, CATEGORIES, SEVERITIES, type Category, type Finding, type Severity } from '../findings/types.js';
import type { Summary } from './types.js';

/** Counts by severity and category, and the verdict against --fail-on. */
export function summarize(
  findings: readonly Finding[],
  filesScanned: number,
  skipped: readonly SkippedFile[],
  failOn: Severity | 'none',
  started: number,
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
  return {
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
}
