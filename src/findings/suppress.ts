/**
 * Accepting known findings: inline `dancu-guard:ignore` directives (on the finding's
 * line or the line above) and config exceptions that have not expired. Directives
 * without a reason or a target, and expired exceptions, suppress nothing (policy
 * reports them as DG-CFG-002 / DG-CFG-003).
 */
import picomatch from 'picomatch';
import type { ExceptionFact, SuppressionFact } from '../facts/types.js';
import type { Finding } from './types.js';

export interface Suppression {
  kind: 'inline' | 'exception';
  /** Where the directive or exception is written. */
  file: string;
  line: number;
  reason: string;
}

export interface SuppressedFinding {
  finding: Finding;
  by: Suppression;
}

function targets(finding: Finding, target: string): boolean {
  return target.toUpperCase() === finding.ruleId.toUpperCase() || target.toLowerCase() === finding.category;
}

export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly SuppressionFact[],
  exceptions: readonly ExceptionFact[],
): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const inline = new Map<string, SuppressionFact[]>();
  for (const s of suppressions) {
    if (!s.reason || s.targets.length === 0) continue;
    const list = inline.get(s.file) ?? [];
    list.push(s);
    inline.set(s.file, list);
  }
  const active = exceptions
    .filter((e) => !e.expired)
    .map((e) => ({ e, match: picomatch(e.paths, { dot: true }) }));

  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const by = inlineFor(f, inline.get(f.file)) ?? exceptionFor(f, active);
    if (by) suppressed.push({ finding: f, by });
    else kept.push(f);
  }
  return { kept, suppressed };
}

function inlineFor(f: Finding, list: SuppressionFact[] | undefined): Suppression | undefined {
  const s = list?.find((s) => (s.line === f.line || s.line === f.line - 1) && s.targets.some((t) => targets(f, t)));
  return s ? { kind: 'inline', file: s.file, line: s.line, reason: s.reason! } : undefined;
}

function exceptionFor(
  f: Finding,
  active: ReadonlyArray<{ e: ExceptionFact; match: (p: string) => boolean }>,
): Suppression | undefined {
  const hit = active.find(({ e, match }) => targets(f, e.rule) && match(f.file));
  return hit ? { kind: 'exception', file: hit.e.file, line: hit.e.line, reason: hit.e.reason } : undefined;
}

/** `YYYY-MM-DD` of today in UTC (an exception applies through its expiry day). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
