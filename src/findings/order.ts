/**
 * The one order of findings, so every report lists them alike:
 * - `place`, the canonical order of a result: file, line, column, then most severe
 *   first, then rule id;
 * - `severity`, for lists read top-down (the PR comment, annotations): most severe
 *   first, then file, line, rule id, column.
 */
import { severityRank, type Finding } from './types.js';

export type FindingOrder = 'place' | 'severity';

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding, order: FindingOrder = 'place'): number {
  const severity = severityRank(b.severity) - severityRank(a.severity);
  const file = byText(a.file, b.file);
  const line = a.line - b.line;
  const column = (a.column ?? 0) - (b.column ?? 0);
  const rule = byText(a.ruleId, b.ruleId);
  return order === 'place' ? file || line || column || severity || rule : severity || file || line || rule || column;
}

/** Sorts `findings` in place (and returns it). */
export function sortFindings<T extends Finding>(findings: T[], order: FindingOrder = 'place'): T[] {
  return findings.sort((a, b) => compareFindings(a, b, order));
}
