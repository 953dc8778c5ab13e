/**
 * The pre-deployment gate: the scan plus the `dancu.gate` policies, judged for one
 * deploy date. Verdict: blocked when a finding (scan or gate) is at or above
 * `failOn` (default high). Gate findings are never suppressed by inline directives,
 * config exceptions or baselines: those live in the repository the gate controls.
 *
 * This is the function the GitHub Action's `mode: deploy` calls:
 *
 * ```ts
 * const result = await runGate({ path, deployDate, failOn, lang });
 * // result.findings, result.summary (verdict 'pass' | 'fail'), result.blocked
 * ```
 */
import { basename } from 'node:path';
import { stricter } from '../config/trust.js';
import { DECLARATION_FILE_NAMES } from '../config/declaration.js';
import { emptyFacts, type Facts, type GateApprovalsFact, type GateFact, type GateNoticeFact } from '../facts/types.js';
import { assertValidFacts } from '../facts/validate.js';
import { buildFindings, sortFindings } from '../findings/build.js';
import type { Finding, Lang, Severity } from '../findings/types.js';
import { ruleCatalog } from '../policy/bundle.js';
import { chunkFacts, type Evaluator, type RawFinding } from '../policy/evaluate.js';
import { summarize } from '../report/summary.js';
import type { Summary } from '../report/types.js';
import { type Message, PolicyError } from '../util/errors.js';
import {
  analyzeIntegration,
  assessmentValidUntil,
  checkDateOption,
  gateCalendar,
  resolveRoot,
  todayInVietnam,
  type IntegrationAnalysis,
} from './integration.js';
import { prepareApprovals, type ApprovalGateOptions } from './attest/gate.js';
import type { WorkingCalendar } from './calendar.js';
import { scanLimiters } from '../collect/limiters.js';
import { LOCK_FILE_NAME, fileReader } from './surface.js';

export const GATE_ENTRYPOINT = 'dancu/gate/findings';
/** R5: at least 10 working days between the notice and use. */
export const REQUIRED_WORKING_DAYS = 10;

export interface GateOptions extends ApprovalGateOptions {
  /** Root of the repository. */
  path: string;
  /** The day being judged, `YYYY-MM-DD` (default: today in Vietnam, UTC+7). */
  deployDate?: string;
  configPath?: string;
  /** The province's configuration (`--trusted-config`): the repository's can only tighten it. */
  trustedConfigPath?: string;
  declarationPath?: string;
  lang?: Lang;
  /** Block at or above this severity (default high). */
  failOn?: Severity | 'none';
  onProgress?: (status: string) => void;
}

export interface GateResult {
  root: string;
  deployDate: string;
  /** Scan and gate findings, sorted. */
  findings: Finding[];
  summary: Summary;
  /** summary.verdict === 'fail' */
  blocked: boolean;
  /** The facts the gate policies judged. */
  gate: GateFact;
  /** The latest notice covering the current fingerprint, if any. */
  notice?: GateNoticeFact;
  analysis: IntegrationAnalysis;
  /** Warnings for stderr / the Action log (e.g. a trust key inside the gated repository). */
  warnings: Message[];
}

/** The gate rule that blocks a deployment whatever `fail-on` says. */
export const ALWAYS_BLOCKING_GATE_RULE = 'DG-GATE-010';

export async function runGate(opts: GateOptions): Promise<GateResult> {
  const started = performance.now();
  const deployDate = opts.deployDate ? checkDateOption(opts.deployDate, '--deploy-date') : todayInVietnam();
  const lang = opts.lang ?? 'en';
  // Trust keys before any work: a bad key file is exit 2 and changes nothing.
  const approvals = prepareApprovals(opts, resolveRoot(opts.path));
  const analysis = await analyzeIntegration({
    path: opts.path,
    ...(opts.configPath ? { configPath: opts.configPath } : {}),
    ...(opts.trustedConfigPath ? { trustedConfigPath: opts.trustedConfigPath } : {}),
    ...(opts.declarationPath ? { declarationPath: opts.declarationPath } : {}),
    lang,
    today: deployDate,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  // The config the scan applied (with a trusted config: its calendar, plus the repository's extra days off).
  const calendar = gateCalendar(analysis.scan.config, analysis.root);
  // A config's failOn is a floor (the scan ran with 'none': its threshold is that floor).
  const floor = analysis.scan.summary.failOn;
  const failOn = stricter(opts.failOn ?? 'high', floor === 'none' ? undefined : floor);
  const gate = gateFacts(analysis, deployDate, calendar, approvals.facts(analysis.root, analysis.declaration?.path));

  const facts: Facts = { ...analysis.scan.facts, gate };
  assertValidFacts(facts);
  opts.onProgress?.('evaluating the gate…');
  const raw = evaluateGate(analysis.evaluator, facts, gate);
  const gateFindings = buildFindings(raw, ruleCatalog(), lang);
  const findings = sortFindings([...analysis.findings, ...gateFindings]);
  const summary = summarize(findings, analysis.scan.summary.filesScanned, analysis.scan.skipped, failOn, started);
  summary.suppressed = analysis.suppressed.length;
  // A credential in a deployment manifest blocks whatever --fail-on says: the gate is
  // the last line before the operator ships it (the Action's deploy mode agrees).
  const manifestCredentials = findings.filter((f) => f.ruleId === ALWAYS_BLOCKING_GATE_RULE);
  if (failOn === 'none' && manifestCredentials.length > 0) {
    summary.blocking += manifestCredentials.length;
    summary.verdict = 'fail';
  }
  const notice = currentNotice(gate);
  return {
    root: analysis.root,
    deployDate,
    findings,
    summary,
    blocked: summary.verdict === 'fail',
    gate,
    ...(notice ? { notice } : {}),
    analysis,
    warnings: [...approvals.warnings, ...analysis.scan.policy.warnings],
  };
}

/** The gate facts for `deployDate`. */
export function gateFacts(
  analysis: IntegrationAnalysis,
  deployDate: string,
  calendar: Pick<WorkingCalendar, 'explain'>,
  approvals: GateApprovalsFact,
): GateFact {
  const loaded = analysis.declaration;
  const d = loaded?.declaration;
  const lines = loaded?.lines;
  const declaration: GateFact['declaration'] = loaded && d && lines
    ? {
        // outside the root (--declaration elsewhere): its name, so the finding stays a repo path
        file: loaded.file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(loaded.file) ? basename(loaded.file) : loaded.file,
        present: true,
        system: d.system,
        owner: d.owner,
        noticesLine: lines.notices,
        securityLevel: { value: d.securityLevel, line: lines.securityLevel },
        securityAssessment: {
          date: d.securityAssessment.date,
          reference: d.securityAssessment.reference,
          validUntil: assessmentValidUntil(d.securityAssessment.date),
          line: lines.securityAssessment,
        },
      }
    : { file: DECLARATION_FILE_NAMES[0]!, present: false };

  const notices: GateNoticeFact[] = (d?.notices ?? []).map((n, i) => {
    const ex = calendar.explain(n.submitted, n.goLive, REQUIRED_WORKING_DAYS);
    const fact: GateNoticeFact = {
      reference: n.reference,
      line: lines!.notice[i] ?? 1,
      submitted: n.submitted,
      goLive: n.goLive,
      fingerprint: n.fingerprint,
      workingDays: ex.workingDays,
      weekdaysOnly: ex.weekdaysOnly,
      earliestGoLive: ex.earliestGoLive,
      holidaysSkipped: ex.holidaysSkipped.map((h) => ({ date: h.date, name: h.name ?? '' })),
    };
    if (n.approved) fact.approved = { reference: n.approved.reference, date: n.approved.date, line: lines!.approved[i] ?? fact.line };
    return fact;
  });

  const accounts: GateFact['accounts'] = (d?.accounts ?? []).map((a, i) => ({
    name: a.name,
    dailyQuota: a.dailyQuota,
    ...(a.paths ? { paths: a.paths } : {}),
    line: lines!.accounts[i] ?? 1,
  }));

  // Limiters: in the source files of the surface (call sites and the code they read).
  const read = fileReader(analysis.root);
  const languages = new Map(analysis.scan.facts.files.map((f) => [f.path, f]));
  const limiters = analysis.fingerprint.files
    .filter((f) => f.scope === 'file' && languages.get(f.path)?.kind === 'source')
    .flatMap((f) => {
      const text = read(f.path);
      return text === undefined ? [] : scanLimiters(f.path, text, languages.get(f.path)?.language);
    });

  return {
    deployDate,
    requiredWorkingDays: REQUIRED_WORKING_DAYS,
    declaration,
    accounts,
    notices,
    fingerprint: { current: analysis.fingerprint.fingerprint, files: analysis.fingerprint.files.map((f) => f.path) },
    lock: {
      file: LOCK_FILE_NAME,
      present: analysis.lock !== undefined,
      ...(analysis.lock ? { fingerprint: analysis.lock.fingerprint } : {}),
      changed: analysis.changes,
    },
    limiters,
    approvals,
  };
}

/** Evaluate `dancu/gate/findings` on every chunk (gate facts in each), deduplicated. */
export function evaluateGate(evaluator: Evaluator, facts: Facts, gate: GateFact): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  const run = (input: Facts) => {
    const result = evaluator.evaluate(input, GATE_ENTRYPOINT);
    if (!Array.isArray(result)) throw new PolicyError(`policy entrypoint ${GATE_ENTRYPOINT} did not return a set of findings`);
    for (const raw of result as RawFinding[]) {
      if (!raw || typeof raw.rule !== 'string' || typeof raw.file !== 'string' || !Number.isInteger(raw.line)) {
        throw new PolicyError(`gate policy returned a malformed finding: ${JSON.stringify(raw).slice(0, 200)}`);
      }
      const key = `${raw.rule}\0${raw.file}\0${raw.line}\0${raw.column ?? ''}\0${raw.match ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(raw);
    }
  };
  let any = false;
  for (const chunk of chunkFacts(facts)) {
    any = true;
    run({ ...chunk, gate });
  }
  if (!any) {
    run({ ...emptyFacts(facts.repo), exceptions: facts.exceptions, gate });
  }
  return out;
}

/** The notice the deployment rests on (as the policy picks it): latest submitted for the current fingerprint. */
export function currentNotice(gate: GateFact): GateNoticeFact | undefined {
  const covering = gate.notices.filter((n) => n.fingerprint === gate.fingerprint.current);
  return covering.sort((a, b) => (a.submitted < b.submitted ? 1 : a.submitted > b.submitted ? -1 : 0))[0];
}
