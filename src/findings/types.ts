/** A finding as every formatter sees it. Formatters are pure functions of these. */
import { SEVERITIES, type Category, type Severity } from '../contracts/taxonomy.js';

export { CATEGORIES, SEVERITIES, type Category, type Severity } from '../contracts/taxonomy.js';

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

/** Rank for comparisons: higher is more severe (info 1 … critical 5); 'none' ranks above all, so nothing reaches it. */
export function severityRank(s: Severity | 'none'): number {
  const i = (SEVERITIES as readonly string[]).indexOf(s);
  return i < 0 ? 99 : SEVERITIES.length - i;
}

export function atOrAbove(s: Severity, threshold: Severity | 'none'): boolean {
  return severityRank(s) >= severityRank(threshold);
}
