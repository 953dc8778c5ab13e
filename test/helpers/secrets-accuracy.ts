/**
 * Accuracy harness for the secret detectors (not used by the scanner itself; run by
 * `scripts/secrets-accuracy.mjs` and `test/secrets-accuracy.test.ts`).
 *
 * Two labelled corpora:
 *
 * 1. The synthetic corpus in `test/fixtures/secrets-corpus/`: realistic files of this
 *    domain (positives and hard negatives), labelled in `labels.json` by (file, line,
 *    family). Files discovery classifies as docs are skipped, as the text collector does.
 *    Scored per line: precision and recall, overall and per family.
 * 2. The secretlint rule snapshots (`<corpus>/packages/@secretlint/<rule>/test/snapshots/
 *    <case>/`), read where they are, never copied: the input named by `output.json`'s
 *    `filePath`, labelled positive when secretlint's recorded output has a message. Scored
 *    per case (a positive is found when at least one secret is found in it; a negative
 *    must yield nothing) and per secretlint message (a message is found when a match
 *    sits on its lines). Rules and cases outside this scanner's scope are excluded with
 *    the reason, never silently.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { classifyPath } from '../../src/discover/classify.js';
import { lineIndex } from '../../src/collect/credentials/candidates.js';
import type { Family, SecretMatch } from '../../src/collect/credentials/detectors/types.js';

export type Scanner = (text: string, file: string) => SecretMatch[];

// ---------------------------------------------------------------------------
// Synthetic corpus

export interface LabelledSecret {
  line: number;
  family: Family;
  /** The clear (fake) secret, or a distinctive part of it: it must never appear in a fact. */
  secret?: string;
  note?: string;
}

export interface LabelFile {
  description?: string;
  files: Record<string, { note?: string; positives: LabelledSecret[] }>;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface SyntheticReport {
  files: number;
  skippedDocs: string[];
  unlabelledFiles: string[];
  overall: Score;
  perFamily: Record<string, Score>;
  falsePositives: Array<{ file: string; line: number; detector: string; key?: string }>;
  falseNegatives: Array<{ file: string; line: number; family: string; note?: string }>;
  /** Lines found by a detector of another family than the label's. */
  familyMismatches: Array<{ file: string; line: number; expected: string; got: string }>;
}

function score(tp: number, fp: number, fn: number): Score {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function readLabels(dir: string): LabelFile {
  return JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as LabelFile;
}

/** Matches per (1-based) line of a text. */
export function matchesByLine(text: string, matches: readonly SecretMatch[]): Map<number, SecretMatch[]> {
  const pos = lineIndex(text);
  const byLine = new Map<number, SecretMatch[]>();
  for (const m of matches) {
    const { line } = pos(m.index);
    const list = byLine.get(line);
    if (list) list.push(m);
    else byLine.set(line, [m]);
  }
  return byLine;
}

export function evaluateSynthetic(dir: string, scan: Scanner): SyntheticReport {
  const labels = readLabels(dir);
  const files = listFiles(dir).filter((f) => f !== 'labels.json');
  const report: SyntheticReport = {
    files: 0,
    skippedDocs: [],
    unlabelledFiles: [],
    overall: score(0, 0, 0),
    perFamily: {},
    falsePositives: [],
    falseNegatives: [],
    familyMismatches: [],
  };
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (family: string) => {
    let c = counts.get(family);
    if (!c) counts.set(family, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const file of files) {
    const label = labels.files[file];
    if (!label) {
      report.unlabelledFiles.push(file);
      continue;
    }
    if (classifyPath(file).cls.kind === 'doc') {
      // Discovery marks it a doc: the text collector never reads it.
      report.skippedDocs.push(file);
      continue;
    }
    report.files++;
    const text = readFileSync(join(dir, file), 'utf8');
    const byLine = matchesByLine(text, scan(text, file));
    const expected = new Map(label.positives.map((p) => [p.line, p]));
    for (const [line, ms] of byLine) {
      const first = ms[0];
      if (!first) continue;
      const want = expected.get(line);
      if (want) {
        tp++;
        count(want.family).tp++;
        if (!ms.some((m) => m.family === want.family)) report.familyMismatches.push({ file, line, expected: want.family, got: first.family });
      } else {
        fp++;
        count(first.family).fp++;
        const f: SyntheticReport['falsePositives'][number] = { file, line, detector: first.detector };
        if (first.key !== undefined) f.key = first.key;
        report.falsePositives.push(f);
      }
    }
    for (const p of label.positives) {
      if (byLine.has(p.line)) continue;
      fn++;
      count(p.family).fn++;
      const miss: SyntheticReport['falseNegatives'][number] = { file, line: p.line, family: p.family };
      if (p.note !== undefined) miss.note = p.note;
      report.falseNegatives.push(miss);
    }
  }
  report.overall = score(tp, fp, fn);
  for (const [family, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) report.perFamily[family] = score(c.tp, c.fp, c.fn);
  return report;
}

// ---------------------------------------------------------------------------
// secretlint snapshots

/** Whole rules left out, with the reason. */
export const EXCLUDED_RULES: Readonly<Record<string, string>> = {
  'secretlint-rule-preset-recommend':
    'its snapshots are copies of the individual rules’ snapshots (the preset re-runs them); each case is counted once, under its rule',
  'secretlint-rule-example': 'a demo rule that flags the literal text "THIS IS SECRET": not a credential format',
  'secretlint-rule-filter-comments':
    'tests secretlint’s `secretlint-disable` comment directives on the demo rule’s "THIS IS SECRET" strings; dancu-guard suppresses at the findings level (inline `dancu-guard:ignore`, config exceptions, baselines), not in the detectors',
  'secretlint-rule-pattern':
    'user-configured regexes from `.secretlintrc.json` with path globs: there is no built-in detector to measure (dancu-guard’s equivalent is `sensitiveKeyPatterns` and custom Rego policies)',
  'secretlint-rule-no-homedir': 'flags the scanning user’s home-directory path: a privacy leak, not a credential',
  'secretlint-rule-no-dotenv':
    'flags the presence of a `.env` file whatever it holds; dancu-guard reads `.env` files (dotenv collector) and reports the credentials in them',
  'secretlint-rule-no-k8s-kind-secret':
    'flags every `kind: Secret` manifest whatever it holds (its ng snapshots even record no message); the YAML collector owns Secrets (it decodes each data value and classifies it), not the text detectors',
};

export type ExclusionReason = 'out-of-scope' | 'option-dependent' | 'binary' | 'placeholder-policy';

/**
 * Single cases left out, with the reason. `placeholder-policy` cases are ones where
 * secretlint reports a value that dancu-guard deliberately treats as a placeholder (its
 * own rule: `xxxx`, `…EXAMPLE`, `Example…`, `user:pass@example.com` are documentation);
 * they are still run, and must stay silent, so the list cannot hide a regression.
 */
export const EXCLUDED_CASES: Readonly<Record<string, { reason: ExclusionReason; detail: string }>> = {
  'secretlint-rule-aws/ng.AWS Account ID': {
    reason: 'out-of-scope',
    detail: 'an AWS account id (0000-0000-0000) is an identifier, not a credential; secretlint reports it only with its enableIDScanRule option',
  },
  'secretlint-rule-aws/ok.AWS Access Key ID--enableIDScanRule-false': {
    reason: 'option-dependent',
    detail: 'same input as ng.AWS Access Key ID; "ok" only because the enableIDScanRule option is off (dancu-guard always reports access key ids)',
  },
  'secretlint-rule-aws/options.allows': {
    reason: 'option-dependent',
    detail: 'silent only because the rule’s `allows` option lists the value; dancu-guard’s equivalent is a config exception or baseline',
  },
  'secretlint-rule-figma/ok.allows': { reason: 'option-dependent', detail: 'silent only because of the rule’s `allows` option (value listed)' },
  'secretlint-rule-groq/ok.allows': { reason: 'option-dependent', detail: 'silent only because of the rule’s `allows` option (value listed)' },
  'secretlint-rule-tailscale/ok.allows': { reason: 'option-dependent', detail: 'silent only because of the rule’s `allows` option (value listed)' },
  'secretlint-rule-azure/ng.ad_tenant_id': {
    reason: 'out-of-scope',
    detail: 'an Entra ID tenant id is a public identifier (a UUID), not a credential; dancu-guard must not report UUIDs',
  },
  'secretlint-rule-azure/ng.azure_client_id': {
    reason: 'out-of-scope',
    detail: 'an application (client) id is a public identifier (a UUID), not a credential',
  },
  'secretlint-rule-gcp/ng.privatekey-p12': { reason: 'binary', detail: 'binary PKCS#12 keystore: discovery skips binary files, the text detectors never see it' },
  'secretlint-rule-gcp/ng.privatekey-p12-sha256-mac': { reason: 'binary', detail: 'binary PKCS#12 keystore' },
  'secretlint-rule-gcp/ng.privatekey-p12-sha384-mac': { reason: 'binary', detail: 'binary PKCS#12 keystore' },
  'secretlint-rule-gcp/ng.privatekey-p12-sha512-mac': { reason: 'binary', detail: 'binary PKCS#12 keystore' },
  'secretlint-rule-gcp/ok.invalid-p12-empty': { reason: 'binary', detail: 'binary PKCS#12 keystore' },
  'secretlint-rule-gcp/ok.invalid-p12-huge-iter': { reason: 'binary', detail: 'binary PKCS#12 keystore' },
  'secretlint-rule-gcp/ok.invalid-p12-no-mac': { reason: 'binary', detail: 'binary PKCS#12 keystore' },
  'secretlint-rule-gcp/ok.invalid-p12-random': { reason: 'binary', detail: 'binary PKCS#12 keystore' },
  'secretlint-rule-gcp/ok.invalid-p12-truncated': { reason: 'binary', detail: 'binary PKCS#12 keystore' },
  'secretlint-rule-gcp/ok.secure-privatekey-p12': { reason: 'binary', detail: 'binary PKCS#12 keystore' },
  'secretlint-rule-huggingface/ng.secret': {
    reason: 'placeholder-policy',
    detail: 'the only token is `hf_xxxx…` (all x): a placeholder by dancu-guard’s rule',
  },
  'secretlint-rule-linear/ng.secret': {
    reason: 'placeholder-policy',
    detail: 'the only key ends in `EXAMPLE` (the vendors’ documentation-sample convention, as AWS’s AKIAIOSFODNN7EXAMPLE)',
  },
  'secretlint-rule-docker/ng.docker-pat': {
    reason: 'placeholder-policy',
    detail: 'the only token is `dckr_pat_Example…`: a documentation sample by dancu-guard’s rule',
  },
  'secretlint-rule-basicauth/ng.basic-auth-ftp-url': {
    reason: 'placeholder-policy',
    detail: '`ftp://user:pass@example.com`: dummy password on a reserved documentation host (RFC 2606)',
  },
  'secretlint-rule-basicauth/ng.basic-auth-http-url': {
    reason: 'placeholder-policy',
    detail: '`https://user:pass@example.com`: dummy password on a reserved documentation host',
  },
  'secretlint-rule-basicauth/ng.basic-auth-in-markdown': {
    reason: 'placeholder-policy',
    detail: 'three `https://user:pass@example.com` links: dummy password on a reserved documentation host',
  },
};

export interface SecretlintCase {
  rule: string;
  name: string;
  /** `ng`, `ok` or `other` (named neither way; labelled by its recorded output alone). */
  prefix: 'ng' | 'ok' | 'other';
  input: string;
  expectedPositive: boolean;
  /** Secretlint's recorded messages: lines and the secret when it names one. */
  messages: Array<{ startLine: number; endLine: number; secret?: string }>;
}

export interface CaseOutcome extends SecretlintCase {
  found: number;
  foundLines: number[];
  messagesFound: number;
  excluded?: { reason: ExclusionReason; detail: string };
}

export interface RuleSummary {
  rule: string;
  positives: number;
  positivesFound: number;
  negatives: number;
  negativesWithFindings: number;
  messages: number;
  messagesFound: number;
  excludedCases: number;
}

export interface SecretlintReport {
  root: string;
  excludedRules: Array<{ rule: string; reason: string }>;
  cases: CaseOutcome[];
  /** Counted (not excluded) cases. */
  positives: number;
  positivesFound: number;
  recall: number;
  negatives: number;
  negativesWithFindings: number;
  messages: number;
  messagesFound: number;
  messageRecall: number;
  /** Positives with the placeholder-policy cases counted as misses (the raw figure). */
  rawPositives: number;
  rawPositivesFound: number;
  perRule: RuleSummary[];
  /** `ng.*` cases whose recorded output has no message (labelled negative), and the like. */
  labelNotes: string[];
}

interface OutputJson {
  filePath?: string;
  messages?: Array<{ loc?: { start?: { line?: number }; end?: { line?: number } }; data?: Record<string, unknown> }>;
}

/** Every snapshot case of every rule under `<root>/packages/@secretlint/`. */
export function loadSecretlintCases(root: string): { cases: SecretlintCase[]; excludedRules: Array<{ rule: string; reason: string }> } {
  const base = join(root, 'packages', '@secretlint');
  const cases: SecretlintCase[] = [];
  const excludedRules: Array<{ rule: string; reason: string }> = [];
  for (const rule of readdirSync(base).sort()) {
    const snaps = join(base, rule, 'test', 'snapshots');
    if (!existsSync(snaps) || !statSync(snaps).isDirectory()) continue;
    const reason = EXCLUDED_RULES[rule];
    if (reason !== undefined) {
      excludedRules.push({ rule, reason });
      continue;
    }
    for (const name of readdirSync(snaps).sort()) {
      const outPath = join(snaps, name, 'output.json');
      if (!existsSync(outPath)) continue;
      const out = JSON.parse(readFileSync(outPath, 'utf8')) as OutputJson;
      const rel = (out.filePath ?? '').replace(/^\[SNAPSHOT\]\/[^/]+\//, '');
      const input = join(snaps, name, rel);
      if (!rel || !existsSync(input)) continue;
      const messages = (out.messages ?? []).map((m) => {
        const startLine = m.loc?.start?.line ?? 1;
        const msg: SecretlintCase['messages'][number] = { startLine, endLine: m.loc?.end?.line ?? startLine };
        const secret = Object.values(m.data ?? {}).find((v): v is string => typeof v === 'string' && v.length >= 8);
        if (secret !== undefined) msg.secret = secret;
        return msg;
      });
      const prefix = name.startsWith('ng.') ? 'ng' : name.startsWith('ok.') ? 'ok' : 'other';
      cases.push({ rule, name, prefix, input, expectedPositive: messages.length > 0, messages });
    }
  }
  return { cases, excludedRules };
}

function isBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8000).includes(0);
}

export function evaluateSecretlint(root: string, scan: Scanner): SecretlintReport {
  const { cases, excludedRules } = loadSecretlintCases(root);
  const outcomes: CaseOutcome[] = [];
  const labelNotes: string[] = [];
  for (const c of cases) {
    const buf = readFileSync(c.input);
    const text = isBinary(buf) ? '' : buf.toString('utf8');
    const byLine = text ? matchesByLine(text, scan(text, relative(join(c.input, '..'), c.input))) : new Map<number, SecretMatch[]>();
    const foundLines = [...byLine.keys()].sort((a, b) => a - b);
    const messagesFound = c.messages.filter((m) => foundLines.some((l) => l >= m.startLine && l <= m.endLine)).length;
    const o: CaseOutcome = { ...c, found: [...byLine.values()].reduce((n, l) => n + l.length, 0), foundLines, messagesFound };
    const ex = EXCLUDED_CASES[`${c.rule}/${c.name}`];
    if (ex) o.excluded = ex;
    if (c.prefix === 'ng' && !c.expectedPositive) labelNotes.push(`${c.rule}/${c.name}: named ng. but secretlint’s recorded output has no message → labelled negative`);
    if (c.prefix === 'ok' && c.expectedPositive) labelNotes.push(`${c.rule}/${c.name}: named ok. but secretlint’s recorded output has messages → labelled positive`);
    outcomes.push(o);
  }
  const counted = outcomes.filter((o) => !o.excluded);
  const pos = counted.filter((o) => o.expectedPositive);
  const neg = counted.filter((o) => !o.expectedPositive);
  const rawPos = outcomes.filter((o) => o.expectedPositive && (!o.excluded || o.excluded.reason === 'placeholder-policy'));
  const messages = pos.reduce((n, o) => n + o.messages.length, 0);
  const messagesFound = pos.reduce((n, o) => n + o.messagesFound, 0);
  const perRule = new Map<string, RuleSummary>();
  for (const o of outcomes) {
    let r = perRule.get(o.rule);
    if (!r) {
      r = { rule: o.rule, positives: 0, positivesFound: 0, negatives: 0, negativesWithFindings: 0, messages: 0, messagesFound: 0, excludedCases: 0 };
      perRule.set(o.rule, r);
    }
    if (o.excluded) {
      r.excludedCases++;
      continue;
    }
    if (o.expectedPositive) {
      r.positives++;
      if (o.found > 0) r.positivesFound++;
      r.messages += o.messages.length;
      r.messagesFound += o.messagesFound;
    } else {
      r.negatives++;
      if (o.found > 0) r.negativesWithFindings++;
    }
  }
  return {
    root,
    excludedRules,
    cases: outcomes,
    positives: pos.length,
    positivesFound: pos.filter((o) => o.found > 0).length,
    recall: pos.length === 0 ? 1 : pos.filter((o) => o.found > 0).length / pos.length,
    negatives: neg.length,
    negativesWithFindings: neg.filter((o) => o.found > 0).length,
    messages,
    messagesFound,
    messageRecall: messages === 0 ? 1 : messagesFound / messages,
    rawPositives: rawPos.length,
    rawPositivesFound: rawPos.filter((o) => o.found > 0).length,
    perRule: [...perRule.values()],
    labelNotes,
  };
}

// ---------------------------------------------------------------------------
// Report text

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatSynthetic(r: SyntheticReport): string {
  const lines = [
    `Synthetic corpus: ${r.files} files scanned (${r.skippedDocs.length} doc files skipped as discovery does)`,
    `  overall   precision ${pct(r.overall.precision)}  recall ${pct(r.overall.recall)}  (tp ${r.overall.tp}, fp ${r.overall.fp}, fn ${r.overall.fn})`,
  ];
  for (const [family, s] of Object.entries(r.perFamily)) {
    lines.push(`  ${family.padEnd(18)} precision ${pct(s.precision).padStart(6)}  recall ${pct(s.recall).padStart(6)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
  }
  for (const f of r.falsePositives) lines.push(`  FP ${f.file}:${f.line} ${f.detector}${f.key ? ` (${f.key})` : ''}`);
  for (const f of r.falseNegatives) lines.push(`  FN ${f.file}:${f.line} ${f.family}${f.note ? ` — ${f.note}` : ''}`);
  for (const f of r.familyMismatches) lines.push(`  family ${f.file}:${f.line} expected ${f.expected}, got ${f.got}`);
  if (r.unlabelledFiles.length > 0) lines.push(`  UNLABELLED: ${r.unlabelledFiles.join(', ')}`);
  return lines.join('\n');
}

export function formatSecretlint(r: SecretlintReport, verbose = false): string {
  const lines = [
    `secretlint snapshots (${r.root})`,
    `  positives (ng): ${r.positivesFound}/${r.positives} found → recall ${pct(r.recall)}; counting the placeholder-policy cases as misses: ${r.rawPositivesFound}/${r.rawPositives} (${pct(r.rawPositivesFound / Math.max(1, r.rawPositives))})`,
    `  secretlint messages on found lines: ${r.messagesFound}/${r.messages} → ${pct(r.messageRecall)}`,
    `  negatives (ok): ${r.negatives - r.negativesWithFindings}/${r.negatives} silent, ${r.negativesWithFindings} with findings`,
    '  per rule (positives found/total, negatives silent/total, messages found/total, excluded cases):',
  ];
  for (const s of r.perRule) {
    lines.push(
      `    ${s.rule.replace('secretlint-rule-', '').padEnd(28)} ng ${s.positivesFound}/${s.positives}  ok ${s.negatives - s.negativesWithFindings}/${s.negatives}  msgs ${s.messagesFound}/${s.messages}${s.excludedCases ? `  excluded ${s.excludedCases}` : ''}`,
    );
  }
  const missed = r.cases.filter((c) => !c.excluded && c.expectedPositive && c.found === 0);
  const noisy = r.cases.filter((c) => !c.excluded && !c.expectedPositive && c.found > 0);
  for (const c of missed) lines.push(`  MISSED ${c.rule}/${c.name}`);
  if (verbose) {
    for (const c of r.cases.filter((x) => !x.excluded && x.expectedPositive && x.messagesFound < x.messages.length)) {
      const lost = c.messages.filter((m) => !c.foundLines.some((l) => l >= m.startLine && l <= m.endLine)).map((m) => m.startLine);
      lines.push(`  message lines not found ${c.rule}/${c.name}: ${lost.join(', ')}`);
    }
  }
  for (const c of noisy) lines.push(`  FALSE POSITIVE ${c.rule}/${c.name} lines ${c.foundLines.join(',')}`);
  lines.push('  excluded rules:');
  for (const e of r.excludedRules) lines.push(`    ${e.rule}: ${e.reason}`);
  lines.push('  excluded cases:');
  for (const c of r.cases.filter((x) => x.excluded)) {
    const state = c.excluded?.reason === 'placeholder-policy' ? (c.found > 0 ? ' [NOW FOUND: move it back]' : ' [still silent]') : '';
    lines.push(`    ${c.rule}/${c.name} (${c.excluded?.reason}): ${c.excluded?.detail}${state}`);
  }
  for (const n of r.labelNotes) lines.push(`  label: ${n}`);
  return lines.join('\n');
}
