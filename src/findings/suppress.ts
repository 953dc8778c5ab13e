/**
 * Accepting known findings: inline `dancu-guard:ignore` directives (on the finding's
 * line or the line above) and config exceptions that have not expired. Directives
 * without a target or a real reason, exceptions without a real reason, and expired
 * exceptions suppress nothing: the policies report them (DG-CFG-002 / DG-CFG-003), and
 * whatever a DG-CFG-002 names is passed over here (`rejected`), so what counts as a
 * real reason is decided once, in Rego.
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
  /** Exceptions: the last day it applies. */
  expires?: string;
}

/** The rule that says a directive or an exception has no real reason (or no target). */
export const REJECTING_RULE = 'DG-CFG-002';

/** `file:line` keys of the directives and exceptions the policies rejected (DG-CFG-002). */
export function rejectedLocations(raw: ReadonlyArray<{ rule: string; file: string; line: number }>): Set<string> {
  return new Set(raw.filter((r) => r.rule === REJECTING_RULE).map((r) => locationKey(r.file, r.line)));
}

export function locationKey(file: string, line: number): string {
  return `${file}\0${line}`;
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
  rejected: ReadonlySet<string> = new Set(),
): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const inline = new Map<string, SuppressionFact[]>();
  for (const s of suppressions) {
    if (!s.reason || s.targets.length === 0 || rejected.has(locationKey(s.file, s.line))) continue;
    const list = inline.get(s.file) ?? [];
    list.push(s);
    inline.set(s.file, list);
  }
  const active = exceptions
    .filter((e) => !e.expired && !rejected.has(locationKey(e.file, e.line)))
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
  return hit ? { kind: 'exception', file: hit.e.file, line: hit.e.line, reason: hit.e.reason, expires: hit.e.expires } : undefined;
}

/** `YYYY-MM-DD` of today in UTC (an exception applies through its expiry day). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
