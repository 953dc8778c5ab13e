import type { Category, Finding, Lang, Severity } from '../findings/types.js';
import type { RuleCatalog } from '../policy/bundle.js';
import type { SkippedFile } from '../discover/types.js';
import type { Acceptance } from './suppressed.js';

/** One file passed over by a scan, by name. */
export interface SkippedEntry {
  path: string;
  /** A discovery reason (binary, oversized, non-utf8, link-outside-root, unreadable) or `ignored-by-config`. */
  reason: SkippedFile['reason'] | 'ignored-by-config';
}

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
  /**
   * Diff-aware gating (`scan --changed-since REF`, the Action on a pull request): the
   * counts above are then of the findings on lines the change adds or modifies; the
   * others are pre-existing and never block.
   */
  changedLines?: {
    /** What the change was compared with, e.g. `origin/main (merge-base 1a2b3c4d5e6f)`. */
    base: string;
    /** Files the change adds, modifies or renames. */
    files: number;
    /** Findings on lines the change does not touch (not counted above). */
    preExisting: number;
  };
  /**
   * Scans: every file counted in `filesSkipped`, plus every file an explicit ignore
   * (config `ignore`, `.dancu-guardignore`) excluded that would otherwise have been
   * checked (`ignored-by-config`, counted in `ignoredByConfig`, not in `filesSkipped`).
   * Sorted by path, at most 1000 entries.
   */
  skippedFiles?: SkippedEntry[];
  /** Set when `skippedFiles` was cut at 1000 entries. */
  skippedFilesTruncated?: true;
  /** Files explicit ignores excluded that would otherwise have been checked. */
  ignoredByConfig?: number;
  /**
   * `--severity` / `--category`: what was kept, and how many findings were hidden (they
   * are not counted above and do not block).
   */
  filtered?: { severities?: Severity[]; categories?: Category[]; hidden: number };
  /** Findings accepted by inline `dancu-guard:ignore` directives or config exceptions. */
  suppressed?: number;
  /** With --baseline: how many findings it accepted, and entries that matched nothing. */
  baseline?: {
    file: string;
    known: number;
    stale: Array<{ fingerprint: string; ruleId: string; file: string; line: number }>;
  };
}

export interface ReportInput {
  tool: { name: string; version: string };
  findings: Finding[];
  summary: Summary;
  /**
   * Every rule's METADATA (policies/bundle/rules.json). Optional: SARIF lists every
   * catalog rule in `tool.driver.rules` when given, otherwise only the rules that
   * appear in `findings`, described from the findings themselves.
   */
  rules?: RuleCatalog;
  /**
   * SARIF `runAutomationDetails.id`, a category such as `dancu-guard/merge/` that
   * keeps separate analyses of one commit apart in code scanning. Default `dancu-guard/`.
   */
  automationCategory?: string;
  /**
   * Absolute path of the scanned root. SARIF then gives `%SRCROOT%` a `file://` URI;
   * without it the base id is described but left unresolved (the usual case for upload).
   */
  root?: string;
  /** When the report was made (ISO 8601), set by the caller: reports for people show it. */
  generatedAt?: string;
  /**
   * Redacted source lines around the findings, by file then 1-based line, computed once
   * by the caller (`reportExtras` in `context.ts`); formatters never read files.
   */
  codeContext?: CodeContext;
  /** Lines describing what the report is about (e.g. the gate's header), shown under the title. */
  preface?: string[];
  /** What was suppressed, excepted, ignored or baselined and by what, and what was not applied (report/suppressed.ts). */
  acceptance?: Acceptance;
}

/** Redacted source lines, by repo-relative file then 1-based line number. */
export type CodeContext = ReadonlyMap<string, ReadonlyMap<number, string>>;

export interface ReportOptions {
  lang: Lang;
  /** ANSI colours (text format only). */
  color?: boolean;
  /** Text format only: `compact` (default), `quiet` (findings and verdict) or `verbose`. */
  layout?: 'compact' | 'quiet' | 'verbose';
  /** Text format only: the verdict's words when the caller decides something else (the gate: ALLOWED/BLOCKED). */
  verdictWords?: { pass: string; fail: string };
}

/** A formatter is a pure function of the findings and their summary. */
export type Formatter = (input: ReportInput, opts: ReportOptions) => string;
