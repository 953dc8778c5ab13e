import type { Category, Finding, Lang, Severity } from '../findings/types.js';

export interface Summary {
  /** Files parsed by a collector or checked by text rules. */
  filesScanned: number;
  /** Files passed over, by reason (binary, oversized, non-utf8, link-outside-root, unreadable). */
  filesSkipped: Record<string, number>;
  total: number;
  bySeverity: Record<Severity, number>;
  byCategory: Record<Category, number>;
  failOn: Severity | 'none';
  /** Findings at or above failOn. */
  blocking: number;
  verdict: 'pass' | 'fail';
  durationMs: number;
}

export interface ReportInput {
  tool: { name: string; version: string };
  findings: Finding[];
  summary: Summary;
}

export interface ReportOptions {
  lang: Lang;
  /** ANSI colours (text format only). */
  color?: boolean;
}

/** A formatter is a pure function of the findings and their summary. */
export type Formatter = (input: ReportInput, opts: ReportOptions) => string;
