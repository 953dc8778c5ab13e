/**
 * `--severity` / `--category`: a filter decides what is shown AND what blocks. The
 * findings outside it are dropped before any formatter sees them, the counts and the
 * verdict are recomputed from what is left, and the summary records how many were
 * hidden (so no report hides them silently).
 */
import { atOrAbove, type Category, type Finding, type Severity } from '../findings/types.js';
import type { Summary } from './types.js';

export interface FindingFilter {
  severities?: readonly Severity[];
  categories?: readonly Category[];
}

export function keeps(filter: FindingFilter, f: Finding): boolean {
  return (!filter.severities || filter.severities.includes(f.severity)) && (!filter.categories || filter.categories.includes(f.category));
}

export function applyFilter(findings: readonly Finding[], summary: Summary, filter: FindingFilter | undefined): { findings: Finding[]; summary: Summary } {
  if (!filter) return { findings: [...findings], summary };
  const kept = findings.filter((f) => keeps(filter, f));
  const bySeverity = Object.fromEntries(Object.keys(summary.bySeverity).map((k) => [k, 0])) as Record<Severity, number>;
  const byCategory = Object.fromEntries(Object.keys(summary.byCategory).map((k) => [k, 0])) as Record<Category, number>;
  let blocking = 0;
  for (const f of kept) {
    bySeverity[f.severity]++;
    byCategory[f.category]++;
    if (atOrAbove(f.severity, summary.failOn)) blocking++;
  }
  return {
    findings: kept,
    summary: {
      ...summary,
      total: kept.length,
      bySeverity,
      byCategory,
      blocking,
      verdict: blocking > 0 ? 'fail' : 'pass',
      filtered: {
        ...(filter.severities ? { severities: [...filter.severities] } : {}),
        ...(filter.categories ? { categories: [...filter.categories] } : {}),
        hidden: findings.length - kept.length,
      },
    },
  };
}
