/** A finding as every formatter sees it. Formatters are pure functions of these. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type Category =
  | 'credentials'
  | 'lookup-tool'
  | 'logging'
  | 'quota'
  | 'change-control'
  | 'state-secret'
  | 'transport'
  | 'config';
export const CATEGORIES: readonly Category[] = [
  'credentials',
  'lookup-tool',
  'logging',
  'quota',
  'change-control',
  'state-secret',
  'transport',
  'config',
];

export type Lang = 'vi' | 'en';

export interface Finding {
  ruleId: string;
  title: string;
  category: Category;
  severity: Severity;
  /** Repo-relative, forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  column?: number;
  endLine?: number;
  message: string;
  remediation: string;
  /** Legal basis, each entry naming a document and its clause. */
  basis: string[];
  /** Stable across line moves: rule, path and normalized matched code. */
  fingerprint: string;
  /** Redacted value involved (credentials only). Never the clear value. */
  value?: string;
  /** For findings from git history (`scan --history`): the commit that added the value. */
  commit?: { sha: string; authorDate: string };
}

/** Rank for comparisons: higher is more severe. */
export function severityRank(s: Severity | 'none'): number {
  switch (s) {
    case 'critical':
      return 5;
    case 'high':
      return 4;
    case 'medium':
      return 3;
    case 'low':
      return 2;
    case 'info':
      return 1;
    default:
      return 99; // 'none': nothing reaches it
  }
}

export function atOrAbove(s: Severity, threshold: Severity | 'none'): boolean {
  return severityRank(s) >= severityRank(threshold);
}
