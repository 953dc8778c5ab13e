/**
 * The one order of findings, so every report lists them alike:
 * - `place` (the canonical order of a result): file, line, column, then most severe
 *   first, then rule id;
 * - `severity` (lists read top-down: the PR comment, annotations): most severe first,
 *   then by place.
 */
import { severityRank, type Finding } from './types.js';

export type FindingOrder = 'place' | 'severity';

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding, order: FindingOrder = 'place'): number {
  const bySeverity = severityRank(b.severity) - severityRank(a.severity);
  return (
    (order === 'severity' ? bySeverity : 0) ||
    byText(a.file, b.file) ||
    a.line - b.line ||
    (a.column ?? 0) - (b.column ?? 0) ||
    bySeverity ||
    byText(a.ruleId, b.ruleId)
  );
}

/** Sorts `findings` in place (and returns it). */
export function sortFindings<T extends Finding>(findings: T[], order: FindingOrder = 'place'): T[] {
  return findings.sort((a, b) => compareFindings(a, b, order));
}
