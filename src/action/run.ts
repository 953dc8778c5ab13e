/**
 * The GitHub Action: scan the checkout, decide, report.
 *
 *   inputs ─► (pull request) changes and base commit ─► scan ─► paths relative to the
 *          repository ─► gating ─► SARIF file ─► annotations ─► PR comment + check run
 *          (pull requests, with a token) ─► job summary ─► outputs ─► exit code
 *
 * PR mode (src/pipeline/trust.ts): on a pull request the base commit's config, ignore
 * file, baseline and inline directives apply, never the pull request's, and what the
 * pull request does to them that loosens the gate is DG-CFG-005; `trusted-config` is
 * the province's configuration, which the repository's can only tighten. Every report
 * lists what was accepted and by what. Everything written to the log goes through the
 * one escaper (runner.ts, report/github.ts); the sticky comment is adopted only when
 * the token's own account wrote it (github.ts).
 *
 * Gating: on a pull request in `merge` mode only findings the pull request introduces
 * can block (src/pipeline/changes.ts). When the checkout has the base commit, the base is
 * scanned too and a finding is new when its fingerprint is not among the base's;
 * otherwise (API only) a finding is new when it sits on a line the pull request adds or
 * changes, per the API's list of the pull request's files (a note says so); when
 * neither is possible every finding gates (fail closed).
 * Elsewhere (push, `deploy` mode) every finding gates.
 *
 * `deploy` mode runs the pre-deployment gate (src/gate/run.ts `runGate`, what
 * `dancu-guard gate` runs) instead of the scan: scan findings plus DG-GATE-*, judged
 * for `deploy-date` (default today in Vietnam). The baseline, like inline directives
 * and config exceptions inside runGate, accepts scan findings only: gate findings
 * cannot be suppressed from the repository. DG-GATE-010 (a credential in a deployment
 * manifest) blocks whatever `fail-on` says.
 *
 * Exit codes: 0 pass, 1 fail (a finding blocks), 2 bad input, unreadable event,
 * configuration, declaration, lock file or policy error (never a pass). API problems
 * are reported (log warning, job summary) and never change the verdict.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { applyBaseline, readBaseline, type Baseline, type BaselineResult } from '../findings/baseline.js';
import { changeSetFromGit, changeSetFromPullFiles, gitCommit, gitMergeBase, gitParents, isGitWorkTree, type ChangeSet } from '../git/diff.js';
import { gateByChanges, recount } from '../pipeline/changes.js';
import type { Finding } from '../findings/types.js';
import { runGate, type GateResult } from '../gate/run.js';
import { ruleCatalog } from '../policy/bundle.js';
import { formatSarif } from '../report/sarif.js';
import type { Summary } from '../report/types.js';
import { scan } from '../pipeline/scan.js';
import { acceptanceOf, type PolicyReport, type PullRequestBase } from '../pipeline/trust.js';
import type { Acceptance } from '../report/suppressed.js';
import { describeError, type ErrorKey, msg, type Params, setWarningSink } from '../util/errors.js';
import { isLexicallyInside, writeOutput } from '../util/files.js';
import { TOOL } from '../version.js';
import { readContext, type RunContext } from './context.js';
import {
  createClient,
  describeApiError,
  listPullRequestFiles,
  publishCheckRun,
  upsertComment,
  type ApiProblem,
  type GitHubClient,
} from './github.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import {
  annotationCommands,
  blockingRule,
  checkAnnotations,
  commentMarkdown,
  DEPLOY_MARKER,
  jobSummaryMarkdown,
  MARKDOWN_MARKER,
} from './report.js';
import { createRunner, type Env, type Runner } from './runner.js';

export interface ActionResult {
  exitCode: number;
  verdict?: 'pass' | 'fail';
}

export async function runAction(env: Env = process.env, runner: Runner = createRunner(env)): Promise<ActionResult> {
  let ctx: RunContext;
  let inputs: ActionInputs;
  // The input lang, before the inputs are checked: an input error is said in it too.
  let lang: 'en' | 'vi' = runner.input('lang') === 'vi' ? 'vi' : 'en';
  try {
    ctx = readContext(env);
    inputs = readInputs(runner, env, ctx.workspace);
  } catch (err) {
    if (err instanceof InputError) {
      runner.error(say(lang, 'action.error', { message: describeError(err, lang) }));
      return { exitCode: 2 };
    }
    throw err;
  }
  lang = inputs.lang;
  // Warnings of the lower layers (an old baseline…): a workflow warning, in the input lang.
  setWarningSink((warning) => runner.warning(say(lang, 'action.warning', { message: warning })));

  const notes: string[] = [];
  const note = (key: ErrorKey, params: Params = {}) => notes.push(say(lang, key, params));
  const problems: ApiProblem[] = [];
  const pr = ctx.pullRequest;
  const canUseApi = Boolean(inputs.token && ctx.owner && ctx.repo);
  let gh: GitHubClient | undefined;
  if (pr && canUseApi) {
    gh = createClient({
      token: inputs.token,
      baseUrl: ctx.apiUrl,
      userAgent: `dancu-guard-action/${TOOL.version}`,
      log: (m) => runner.info(`dancu-guard: ${m}`),
      ...retryBase(env),
    });
  } else if (pr && !inputs.token) {
    note('action.note.noToken');
  } else if (pr) {
    note('action.note.noRepository');
  }

  // 1. A pull request (mode merge): what it changes and its base commit, first: the
  //    base commit's config, ignore file, baseline and directives are the ones that
  //    apply (PR mode, src/pipeline/trust.ts); without it none of the repository's do.
  let changes: ChangeSet | undefined;
  let baseCommit: string | undefined;
  let prBase: PullRequestBase | undefined;
  if (pr && inputs.mode === 'merge') {
    const got = await pullRequestChanges(ctx, pr, gh, notes, problems, runner, lang);
    changes = got?.changes;
    baseCommit = got?.baseCommit;
    if (baseCommit) {
      prBase = { commit: baseCommit };
    } else {
      // What the pull request does not touch is the base's; what it touches cannot be
      // compared with the base, so it does not apply (nothing does without a file list).
      const rootPrefix = repoPrefix(ctx.workspace, inputs.path);
      prBase = {
        unavailable: 'the checkout does not have the base commit',
        ...(changes ? { changed: { files: changes.files, prefix: rootPrefix ? `${rootPrefix}/` : '' } } : {}),
      };
      note(changes ? 'action.note.noBaseWithFiles' : 'action.note.noBaseNoFiles');
    }
  }

  // 2. Scan (mode merge) or run the pre-deployment gate (mode deploy).
  let analysed: Analysed;
  try {
    analysed = inputs.mode === 'deploy' ? await gateRun(ctx, inputs, runner) : await scanRun(ctx, inputs, runner, prBase);
  } catch (err) {
    const e = err as Error & { exitCode?: number };
    if (e.exitCode === 2) {
      runner.error(say(lang, 'action.error', { message: describeError(e, lang) }));
      return { exitCode: 2 };
    }
    runner.error(say(lang, 'action.internalError', { message: e.stack ?? String(err) }));
    return { exitCode: 2 };
  }

  // Paths relative to the repository (the workspace), as annotations, the check run,
  // the PR's files and code scanning expect.
  const prefix = repoPrefix(ctx.workspace, analysed.root);
  const toRepo = (p: string) => (isAbsolute(p) ? repoPrefix(ctx.workspace, p) || p : prefix ? `${prefix}/${p}` : p);
  const all: Finding[] = analysed.findings.map((f) => {
    const file = (isGateFinding(f) ? analysed.declarationOutside?.get(f.file) : undefined) ?? toRepo(f.file);
    return file === f.file ? f : { ...f, file };
  });
  const acceptance = inRepository(analysed.acceptance, toRepo);
  // A config's failOn is a floor: the threshold the scan used may be stricter than fail-on.
  const blocks = blockingRule(analysed.summary.failOn, inputs.mode);

  // 3. Gating: by fingerprint against a scan of the base commit when the checkout has
  //    it, else by the lines the API says the pull request changes (src/pipeline/changes.ts).
  let findings = all;
  let preExisting: Finding[] = [];
  let summary: Summary;
  if (changes) {
    const gated = await runner.group(
      baseCommit ? `dancu-guard: scanning the base commit ${baseCommit.slice(0, 12)}` : 'dancu-guard: gating on changed lines',
      () =>
        gateByChanges({ root: analysed.root, findings: all, summary: analysed.summary }, changes!, baseCommit, {
          ...(inputs.config ? { configPath: inputs.config } : {}),
          ...(inputs.trustedConfig ? { trustedConfigPath: inputs.trustedConfig } : {}),
          lang: inputs.lang,
          blocks,
        }),
    );
    if (gated.method === 'fingerprint') {
      note('action.note.byFingerprint', { commit: baseCommit!.slice(0, 12) });
    } else if (baseCommit) {
      runner.info(`dancu-guard: could not scan the base commit (${gated.fallbackReason}); gating on changed lines`);
      note('action.note.baseScanFailed', { reason: gated.fallbackMessage ? describeError(gated.fallbackMessage, lang).split('\n')[0]! : (gated.fallbackReason ?? '') });
    } else {
      note('action.note.noBaseCommit');
    }
    findings = gated.findings;
    preExisting = gated.preExisting;
    summary = gated.summary;
  } else {
    summary = recount(analysed.summary, all, blocks);
  }
  const verdict = summary.verdict;

  // 4. SARIF: every finding (code scanning tracks alerts per branch and shows a pull
  //    request the ones it introduces, so it gets the full picture, not the gated one).
  let sarifPath: string | undefined;
  if (inputs.sarifFile) {
    try {
      const sarif = formatSarif(
        {
          tool: TOOL,
          findings: all,
          summary: recount(analysed.summary, all, blocks),
          rules: ruleCatalog(),
          automationCategory: `dancu-guard/${inputs.mode}/`,
          acceptance,
        },
        { lang: inputs.lang },
      );
      // Never through a link the repository committed (out of the workspace, or anywhere).
      writeOutput(inputs.sarifFile, sarif, { root: ctx.workspace, mkdir: true });
      sarifPath = inputs.sarifFile;
    } catch (err) {
      runner.error(say(lang, 'action.sarifError', { message: describeError(err, lang) }));
      writeOutputs(runner, all.length, summary.blocking, verdict, '');
      return { exitCode: 2, verdict };
    }
  }

  // 5. Annotations in the log.
  runner.write(annotationCommands(TOOL, findings, summary, preExisting, inputs.lang, blocks));

  // 6. Pull request: comment and check run.
  const gate = analysed.gate
    ? {
        ...analysed.gate,
        findings: all,
        summary,
        blocked: verdict === 'fail',
        gate: {
          ...analysed.gate.gate,
          declaration: {
            ...analysed.gate.gate.declaration,
            file:
              analysed.declarationOutside?.get(analysed.gate.gate.declaration.file) ??
              toRepo(analysed.gate.gate.declaration.file),
          },
        },
      }
    : undefined;
  const parts = { tool: TOOL, findings, summary, preExisting, lang: inputs.lang, mode: inputs.mode, acceptance, ...(gate ? { gate } : {}) };
  if (pr && gh && ctx.owner && ctx.repo) {
    const r = { owner: ctx.owner, repo: ctx.repo };
    const body = commentMarkdown(parts);
    if (inputs.comment) {
      try {
        const c = await upsertComment(gh, r, pr.number, inputs.mode === 'deploy' ? DEPLOY_MARKER : MARKDOWN_MARKER, body);
        runner.info(`dancu-guard: PR comment ${c.action}${c.url ? ` (${c.url})` : ''}`);
        if (c.notOurs) {
          note(c.identityUnknown ? 'action.note.markerUnknown' : 'action.note.markerNotOurs', { n: c.notOurs });
        }
      } catch (err) {
        problems.push(describeApiError(err, 'comment'));
      }
    }
    const { annotations, omitted } = checkAnnotations(findings, preExisting, blocks, inputs.lang);
    const detailsUrl = ctx.runId && ctx.owner ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}` : undefined;
    try {
      const run = await publishCheckRun(gh, r, {
        name: inputs.mode === 'deploy' ? 'dancu-guard (deploy)' : 'dancu-guard',
        headSha: pr.headSha,
        conclusion: verdict === 'fail' ? 'failure' : 'success',
        title: checkTitle(summary),
        summary: body,
        ...(omitted ? { text: say(lang, 'action.checkOmitted', { n: omitted }) } : {}),
        annotations,
        ...(detailsUrl ? { detailsUrl } : {}),
      });
      runner.info(`dancu-guard: check run ${run.id} with ${annotations.length} annotations`);
    } catch (err) {
      problems.push(describeApiError(err, 'checkRun'));
    }
  }

  for (const p of problems) {
    const hint = p.kind === 'permission' ? msg(`action.hint.${p.what}`) : '';
    const text = say(lang, 'action.problem', { problem: p.msg, hint, verdict: verdict.toUpperCase() });
    runner.warning(say(lang, 'action.warning', { message: text }));
    notes.push(text);
  }

  // 7. Job summary and outputs.
  const wrote = runner.appendSummary(jobSummaryMarkdown({ ...parts, notes }));
  if (!wrote) runner.info('dancu-guard: GITHUB_STEP_SUMMARY is not set: no job summary');
  writeOutputs(runner, all.length, summary.blocking, verdict, sarifPath ?? '');

  const line =
    `dancu-guard: ${gate ? `gate for ${gate.deployDate}: ` : ''}${all.length} ${all.length === 1 ? 'finding' : 'findings'}, ${summary.blocking} blocking` +
    (summary.changedLines
      ? ` (${summary.changedLines.preExisting} pre-existing${baseCommit ? '' : ' on unchanged lines'}, not blocking)`
      : '') +
    `: ${verdict.toUpperCase()}`;
  runner.info(line);
  return { exitCode: verdict === 'fail' ? 1 : 0, verdict };
}

/** What step 1 hands on: findings with paths relative to `root`, and their summary. */
interface Analysed {
  root: string;
  findings: Finding[];
  summary: Summary;
  /** Mode deploy: the gate's result. */
  gate?: GateResult;
  /**
   * A `declaration` input outside the scanned directory: the gate names it (and its
   * findings' file) by its file name; this maps that name to its path in the repository.
   */
  declarationOutside?: Map<string, string>;
  /** What was suppressed, excepted, ignored or baselined, and what was not applied. */
  acceptance: Acceptance;
}

async function scanRun(ctx: RunContext, inputs: ActionInputs, runner: Runner, prBase?: PullRequestBase): Promise<Analysed> {
  for (const name of inputs.deployInputsSet) {
    runner.warning(say(inputs.lang, 'action.warning', { message: msg('action.deployOnlyInput', { name, mode: inputs.mode }) }));
  }
  return runner.group(`dancu-guard ${TOOL.version}: scanning ${displayPath(ctx.workspace, inputs.path)}`, async () => {
    const r = await scan({
      path: inputs.path,
      ...(inputs.config ? { configPath: inputs.config } : {}),
      ...(inputs.trustedConfig ? { trustedConfigPath: inputs.trustedConfig } : {}),
      ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
      ...(prBase ? { prBase } : {}),
      lang: inputs.lang,
      failOn: inputs.failOn,
      ...(inputs.cacheDir ? { cacheDir: inputs.cacheDir } : {}),
    });
    const skipped = Object.values(r.summary.filesSkipped).reduce((n, k) => n + k, 0);
    runner.info(
      `scanned ${r.summary.filesScanned} files${skipped ? ` (${skipped} skipped)` : ''} in ${(r.summary.durationMs / 1000).toFixed(2)} s: ${r.findings.length} findings`,
    );
    for (const w of r.policy.warnings) runner.warning(say(inputs.lang, 'action.warning', { message: w }));
    logPolicy(runner, r.policy);
    return { root: r.root, findings: r.findings, summary: r.summary, acceptance: acceptanceOf(r) };
  });
}

/**
 * Mode deploy: runGate, then the baseline on the scan findings only (runGate applies
 * inline directives and config exceptions to scan findings and to none of its own; a
 * baseline is the same kind of repository-controlled acceptance).
 */
async function gateRun(ctx: RunContext, inputs: ActionInputs, runner: Runner): Promise<Analysed> {
  // Read the baseline first, so a bad one fails fast (exit 2) before any work. With a
  // trusted config, a baseline inside the repository is the repository's: not applied.
  const read: Baseline | undefined = inputs.baseline ? readBaseline(inputs.baseline, inputs.path) : undefined;
  const refused = Boolean(inputs.trustedConfig && inputs.baseline && isLexicallyInside(inputs.path, inputs.baseline));
  const baseline = refused ? undefined : read;
  const title = `dancu-guard ${TOOL.version}: pre-deployment gate on ${displayPath(ctx.workspace, inputs.path)} for ${inputs.deployDate ?? 'today (Vietnam, UTC+7)'}`;
  return runner.group(title, async () => {
    const g = await runGate({
      path: inputs.path,
      ...(inputs.deployDate ? { deployDate: inputs.deployDate } : {}),
      ...(inputs.config ? { configPath: inputs.config } : {}),
      ...(inputs.trustedConfig ? { trustedConfigPath: inputs.trustedConfig } : {}),
      ...(inputs.declaration ? { declarationPath: inputs.declaration } : {}),
      ...(inputs.trustKeys.length ? { trustKeys: inputs.trustKeys } : {}),
      ...(inputs.allowUnsignedApprovals ? { allowUnsignedApprovals: true } : {}),
      lang: inputs.lang,
      failOn: inputs.failOn,
      // The stages, not each collector.
      onProgress: (status) => {
        if (!status.startsWith('collected ')) runner.info(`dancu-guard: ${status}`);
      },
    });
    for (const w of g.warnings) runner.warning(say(inputs.lang, 'action.warning', { message: w }));
    let findings = g.findings;
    let summary = g.summary;
    let known: BaselineResult | undefined;
    if (baseline && inputs.baseline) {
      const gateFindings = new Set(findings.filter(isGateFinding));
      const b = applyBaseline(
        findings.filter((f) => !gateFindings.has(f)),
        baseline,
      );
      known = b;
      const accepted = new Set(b.known);
      findings = findings.filter((f) => !accepted.has(f));
      summary = {
        ...recount(g.summary, findings, blockingRule(g.summary.failOn, 'merge')),
        baseline: {
          file: inputs.baseline,
          known: b.known.length,
          stale: b.stale.map(({ fingerprint, ruleId, file, line }) => ({ fingerprint, ruleId, file, line })),
        },
      };
    }
    const skipped = Object.values(summary.filesSkipped).reduce((n, k) => n + k, 0);
    const decl = g.gate.declaration;
    runner.info(
      `gate for ${g.deployDate}: declaration ${decl.present ? decl.file : `${decl.file} (missing)`}, fingerprint ${g.gate.fingerprint.current}, ` +
        `notice ${g.notice ? g.notice.reference : 'none for the current fingerprint'}; scanned ${summary.filesScanned} files${skipped ? ` (${skipped} skipped)` : ''}: ` +
        `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}${summary.baseline ? ` (${summary.baseline.known} accepted by the baseline)` : ''}`,
    );
    const declarationOutside = new Map<string, string>();
    const declPath = g.analysis.declaration?.path;
    if (decl.present && declPath && repoPrefix(g.root, declPath) === '') {
      const inRepo = repoPrefix(ctx.workspace, declPath);
      if (inRepo) declarationOutside.set(decl.file, inRepo);
    }
    logPolicy(runner, g.analysis.scan.policy);
    const policy = g.analysis.scan.policy;
    const notApplied = refused && read && inputs.baseline
      ? read.findings.map((e) => ({
          kind: 'baseline',
          file: repoPrefix(g.root, inputs.baseline!) || inputs.baseline!,
          line: 1,
          what: `${e.ruleId} ${e.file}:${e.line} (fingerprint ${e.fingerprint.slice(0, 12)})`,
          why: 'trusted-config' as const,
        }))
      : [];
    const acceptance = acceptanceOf({ suppressed: g.analysis.suppressed, summary, policy, ...(known ? { baseline: known } : {}) });
    acceptance.notApplied.push(...notApplied);
    return {
      root: g.root,
      findings,
      summary,
      gate: { ...g, findings, summary },
      ...(declarationOutside.size ? { declarationOutside } : {}),
      acceptance,
    };
  });
}

/** Say in the log what the scan did not apply, and what the change weakens. */
function logPolicy(runner: Runner, policy: PolicyReport): void {
  if (policy.mode === 'trusted') runner.info(`dancu-guard: trusted configuration ${policy.trustedConfig ?? ''}: ${policy.notApplied.length} repository value(s) not applied`);
  if (policy.mode === 'no-base') runner.info(`dancu-guard: no base commit: ${policy.notApplied.length} repository value(s) not applied`);
  if (policy.weakenings.length) runner.info(`dancu-guard: this change weakens the gate in ${policy.weakenings.length} place(s) (DG-CFG-005)`);
  if (policy.readmitted.length) runner.info(`dancu-guard: ${policy.readmitted.length} deployment manifest(s) scanned although a repository ignore names them`);
}

/** The acceptance with its paths relative to the repository, as the findings'. */
function inRepository(a: Acceptance, toRepo: (p: string) => string): Acceptance {
  return {
    ...a,
    suppressed: a.suppressed.map((s) => ({ ...s, file: toRepo(s.file), by: { ...s.by, file: toRepo(s.by.file) } })),
    ignored: a.ignored.map(toRepo),
    notApplied: a.notApplied.map((n) => ({ ...n, file: toRepo(n.file) })),
    accepting: a.accepting.map((n) => ({ ...n, file: toRepo(n.file) })),
    readmitted: a.readmitted.map(toRepo),
  };
}

function isGateFinding(f: Finding): boolean {
  return f.ruleId.startsWith('DG-GATE-');
}

function writeOutputs(runner: Runner, findings: number, blocking: number, verdict: string, sarif: string): void {
  runner.setOutput('findings', String(findings));
  runner.setOutput('blocking', String(blocking));
  runner.setOutput('verdict', verdict);
  runner.setOutput('sarif-file', sarif);
}

function checkTitle(s: Summary): string {
  if (s.verdict === 'fail') return `${s.blocking} blocking ${s.blocking === 1 ? 'finding' : 'findings'}`;
  return s.total === 0 ? 'No findings' : `${s.total} non-blocking ${s.total === 1 ? 'finding' : 'findings'}`;
}

/** The scanned root relative to the workspace, with forward slashes ('' when the same). */
function repoPrefix(workspace: string, root: string): string {
  const rel = relative(workspace, root);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return '';
  return rel.split(sep).join('/');
}

function displayPath(workspace: string, path: string): string {
  return repoPrefix(workspace, path) || '.';
}

function retryBase(env: Env): { retryBaseMs?: number } {
  const v = Number(env.DANCU_GUARD_API_RETRY_BASE_MS);
  return Number.isFinite(v) && v >= 0 && env.DANCU_GUARD_API_RETRY_BASE_MS !== undefined ? { retryBaseMs: v } : {};
}

/**
 * The pull request's changed lines: from local git when the checkout has the base
 * commit (exact for the tree that was scanned; `baseCommit` is then set, for gating by
 * fingerprint), else from the API. Undefined (every finding gates) when neither
 * works, with a note saying so.
 */
async function pullRequestChanges(
  ctx: RunContext,
  pr: NonNullable<RunContext['pullRequest']>,
  gh: GitHubClient | undefined,
  notes: string[],
  problems: ApiProblem[],
  runner: Runner,
  lang: 'en' | 'vi',
): Promise<{ changes: ChangeSet; baseCommit?: string } | undefined> {
  const ws = ctx.workspace;
  if (isGitWorkTree(ws) && gitCommit(ws, 'HEAD') && gitCommit(ws, pr.baseSha)) {
    // actions/checkout of a pull_request checks out the test merge commit: its first
    // parent is the base, its second the PR head. Otherwise use the merge-base.
    const parents = gitParents(ws, 'HEAD');
    const base =
      parents.length === 2 && parents[1] === pr.headSha ? parents[0] : gitMergeBase(ws, pr.baseSha, 'HEAD');
    if (base) {
      try {
        const changes = await changeSetFromGit({
          cwd: ws,
          base,
          workingTree: false,
          label: `${pr.baseRef ?? pr.baseSha.slice(0, 12)} (git ${base.slice(0, 12)})`,
        });
        return { changes, baseCommit: base };
      } catch (err) {
        runner.info(`dancu-guard: git diff failed (${(err as Error).message}); asking the GitHub API`);
      }
    }
  }
  if (!gh || !ctx.owner || !ctx.repo) {
    notes.push(say(lang, 'action.note.noLines'));
    return undefined;
  }
  try {
    const files = await listPullRequestFiles(gh, { owner: ctx.owner, repo: ctx.repo }, pr.number);
    if (pr.changedFiles !== undefined && files.length < pr.changedFiles) {
      notes.push(say(lang, 'action.note.apiTruncated', { listed: files.length, total: pr.changedFiles }));
      return undefined;
    }
    return { changes: changeSetFromPullFiles(files, `${pr.baseRef ?? pr.baseSha.slice(0, 12)} (PR #${pr.number}, GitHub API)`) };
  } catch (err) {
    const p = describeApiError(err, 'listFiles');
    const m = msg('action.problem.everyFindingGates', { problem: p.msg });
    problems.push({ ...p, message: m.render('en'), msg: m });
    return undefined;
  }
}

/** A message of the table (src/report/i18n-errors.ts) in the input `lang`. */
function say(lang: 'en' | 'vi', key: ErrorKey, params: Params = {}): string {
  return msg(key, params).render(lang);
}
