/**
 * What `gate`, `fingerprint`, `notice` and `inventory` share: scan the repository,
 * read the declaration (fail fast, before scanning, when it is invalid), evaluate the
 * scan's policies with the declaration's approved tools added to the settings, ask
 * Rego for the integration surface, fingerprint it and compare it with the lock file.
 */
import { loadConfig, mergeSettings, type LoadedConfig } from '../config/load.js';
import { loadDeclaration, isRealDate, repoRelative, type LoadedDeclaration } from '../config/declaration.js';
import type { SuppressedFinding } from '../findings/suppress.js';
import type { Finding, Lang } from '../findings/types.js';
import type { Evaluator } from '../policy/evaluate.js';
import type { Settings } from '../policy/settings.js';
import { scan, type ScanResult } from '../pipeline/scan.js';
import { UsageError } from '../util/errors.js';
import { createCalendar, type WorkingCalendar } from './calendar.js';
import { diffLock, readLock, type FileChange, type LockFile } from './lock.js';
import { byteHasher, computeFingerprint, evaluateSurface, fileReader, type Fingerprint, type IntegrationSurface } from './surface.js';

export interface AnalyzeOptions {
  /** Root of the repository. */
  path: string;
  /** `.dancu-guard.yml` (default: at the root). */
  configPath?: string;
  /** The province's configuration: the repository's can then only tighten (pipeline/trust.ts). */
  trustedConfigPath?: string;
  /** The declaration (default: dancu-integration.yml at the root). */
  declarationPath?: string;
  lang?: Lang;
  /**
   * false: do not read the declaration or the lock file (`fingerprint`: its output is
   * what goes into them, so a placeholder there must not stop it).
   */
  records?: boolean;
  /** `YYYY-MM-DD` that config exceptions' expiry is judged against (the gate: the deploy date). */
  today?: string;
  onProgress?: (status: string) => void;
}

export interface IntegrationAnalysis {
  root: string;
  scan: ScanResult;
  /** Undefined when the repository has none. */
  declaration?: LoadedDeclaration;
  /** The scan's settings, the declaration's approved tools included. */
  settings: Settings;
  evaluator: Evaluator;
  /** The scan's findings after suppressions and exceptions (before any baseline). */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  surface: IntegrationSurface;
  fingerprint: Fingerprint;
  lock?: LockFile;
  /** Changes since the lock file (empty when there is none). */
  changes: FileChange[];
}

import { resolveRoot } from '../pipeline/source.js';
export { resolveRoot };

export async function analyzeIntegration(opts: AnalyzeOptions): Promise<IntegrationAnalysis> {
  const root = resolveRoot(opts.path);
  // The declaration first: an invalid one stops everything with exit 2 before any work.
  const config = loadConfig(root, opts.configPath);
  const records = opts.records ?? true;
  const declaration = records
    ? loadDeclaration(root, {
        ...(opts.declarationPath ? { explicit: opts.declarationPath } : {}),
        settings: mergeSettings(config.config),
      })
    : undefined;
  // A malformed lock file too.
  const lock = records ? readLock(root) : undefined;

  // The declaration's approved tools join the settings, so the one scan judges with them.
  const declaredTools = (declaration?.declaration.approvedTools ?? []).map((t) => t.path);
  const result = await scan({
    path: root,
    ...(opts.configPath ? { configPath: opts.configPath } : {}),
    ...(opts.trustedConfigPath ? { trustedConfigPath: opts.trustedConfigPath } : {}),
    lang: opts.lang ?? 'en',
    failOn: 'none',
    ...(opts.today ? { today: opts.today } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    adjustSettings: (s) => ({ ...s, approvedTools: [...new Set([...s.approvedTools, ...declaredTools])] }),
  });
  const settings = result.settings;
  const evaluator = result.evaluator!;
  const findings = result.unsuppressed;
  const suppressed = result.suppressed;
  opts.onProgress?.('evaluating the integration surface…');
  const surface = evaluateSurface(evaluator, result.facts);
  const fingerprint = computeFingerprint(result.facts, surface, fileReader(root), byteHasher(root));
  const changes = lock ? diffLock(lock, fingerprint) : [];
  return {
    root,
    scan: result,
    ...(declaration ? { declaration } : {}),
    settings,
    evaluator,
    findings,
    suppressed,
    surface,
    fingerprint,
    ...(lock ? { lock } : {}),
    changes,
  };
}

/** The working-day calendar with the config's `calendar: { off, work }`; bad dates name file, key and line. */
export function gateCalendar(config: LoadedConfig, root: string): WorkingCalendar {
  const extra = config.config.calendar;
  const display = config.path ? repoRelative(root, config.path) : '.dancu-guard.yml';
  if (extra && config.lineAt) {
    const lineAt = config.lineAt;
    for (const field of ['off', 'work'] as const) {
      (extra[field] ?? []).forEach((v, i) => {
        if (!isRealDate(v)) {
          throw UsageError.of('calendar.notRealDate', { file: display, line: lineAt(['calendar', field, i]), field, i, value: v });
        }
      });
    }
  }
  try {
    return createCalendar(extra);
  } catch (err) {
    if (err instanceof UsageError && err.msg) throw UsageError.of('calendar.inFile', { file: display, problem: err.msg });
    throw new UsageError(`${display}: ${(err as Error).message}`);
  }
}

/** Today in Vietnam (UTC+7, no daylight saving), `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A `--deploy-date` / `--submitted` / `--go-live` value, checked. */
export function checkDateOption(value: string, option: string): string {
  if (!isRealDate(value)) throw UsageError.of('gate.badDateOption', { option, value });
  return value;
}

/** The last day a security assessment dated `date` covers: 12 months later (29/2 → 28/2). */
export function assessmentValidUntil(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + 1, m - 1, d));
  if (t.getUTCMonth() !== m - 1) t.setUTCDate(0); // rolled over: last day of the month
  return t.toISOString().slice(0, 10);
}
