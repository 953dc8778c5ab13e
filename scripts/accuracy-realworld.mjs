// `npm run accuracy:realworld -- DIR`: the scanner on real public repositories.
//
// The labels are in accuracy/realworld/<slug>.json (format: accuracy/realworld/README.md):
// the repository, the pinned commit, and what a careful reviewer flags there, written by
// reading the code — never from the scanner's output. DIR holds one plain checkout per
// label file, DIR/<slug>, at the pinned commit (the repositories themselves are never
// committed here). The built CLI scans each checkout as one tree; its findings are matched
// to the labels (same category and file, line within ±3):
//
//   - a finding on a required label is a true alarm; on an optional label it counts
//     neither way; on no label it is a false alarm;
//   - a required label no finding matches is a miss.
//
// Precision = true alarms / (true + false alarms); recall = required labels found /
// required labels. Printed per category, per repository and overall; a scan that
// crashes or exits 2 is listed as a failure (exit 1).
//
// Usage: node scripts/accuracy-realworld.mjs DIR [--only slug,slug] [--json FILE]
//        [--no-build] [--show-fp N] [--timeout SECONDS] [--target 0.9]
// Without DIR (or with no checkout in it) it prints why and exits 0: CI has no corpus.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const labelsDir = join(root, 'accuracy', 'realworld');
const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--only', '--json', '--show-fp', '--timeout', '--target'].includes(args[i - 1])));
const dir = positional[0] ? resolve(positional[0]) : undefined;
const only = flag('--only')?.split(',').filter(Boolean);
const jsonOut = flag('--json');
const showFp = Number(flag('--show-fp') ?? 0);
const timeoutMs = Number(flag('--timeout') ?? 900) * 1000;
const target = Number(flag('--target') ?? 0.9);
const LINE_TOLERANCE = 3;

const CATEGORIES = ['credentials', 'lookup-tool', 'logging', 'quota', 'transport', 'state-secret', 'config', 'change-control'];

function skip(reason) {
  console.log(`accuracy:realworld skipped: ${reason}`);
  process.exit(0);
}

if (!dir) skip('no corpus directory given (usage: npm run accuracy:realworld -- DIR, with DIR/<slug> checkouts; see accuracy/realworld/README.md)');
if (!existsSync(dir)) skip(`${dir} does not exist`);

const labelFiles = readdirSync(labelsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const corpus = labelFiles
  .map((f) => JSON.parse(readFileSync(join(labelsDir, f), 'utf8')))
  .filter((l) => !only || only.includes(l.slug));
const present = corpus.filter((l) => existsSync(join(dir, l.slug)));
if (present.length === 0) skip(`no checkout of any labelled repository under ${dir}`);

if (!args.includes('--no-build')) {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) {
    console.error('accuracy:realworld: building dist/cli.js failed');
    process.exit(2);
  }
}

const rules = JSON.parse(readFileSync(join(root, 'policies', 'bundle', 'rules.json'), 'utf8'));
const categoryOf = (ruleId) => rules[ruleId]?.category ?? 'unknown';

function headOf(checkout) {
  const r = spawnSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function scanTree(checkout) {
  const out = mkdtempSync(join(tmpdir(), 'dancu-guard-realworld-'));
  const report = join(out, 'report.json');
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [join(root, 'dist', 'cli.js'), 'scan', checkout, '--format', 'json', '--fail-on', 'none', '--no-progress', '--output', report],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      if (stderr.length < 20_000) stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      let findings;
      try {
        if (code === 0 || code === 1) findings = JSON.parse(readFileSync(report, 'utf8')).findings;
      } catch {
        findings = undefined;
      }
      rmSync(out, { recursive: true, force: true });
      if (!findings) {
        resolvePromise({ error: signal ? `killed (${signal}) after ${seconds.toFixed(0)} s` : `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`, seconds });
      } else resolvePromise({ findings, seconds });
    });
  });
}

/** Match one repository's findings to its labels. */
function score(labels, findings) {
  const used = new Set();
  const rows = [];
  for (const f of findings) {
    const category = categoryOf(f.ruleId);
    const near = labels
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => l.category === category && l.file === f.file && Math.abs(l.line - f.line) <= LINE_TOLERANCE)
      .sort((a, b) => Math.abs(a.l.line - f.line) - Math.abs(b.l.line - f.line));
    const required = near.find(({ l }) => (l.status ?? 'required') === 'required');
    const optional = near.find(({ l }) => l.status === 'optional');
    if (required) {
      used.add(required.i);
      rows.push({ f, category, verdict: 'tp' });
    } else if (optional) {
      rows.push({ f, category, verdict: 'optional' });
    } else rows.push({ f, category, verdict: 'fp' });
  }
  const missed = labels.filter((l, i) => (l.status ?? 'required') === 'required' && !used.has(i));
  return { rows, missed };
}

function blank() {
  return { tp: 0, fp: 0, optional: 0, labels: 0, found: 0, fn: 0 };
}

function ratio(a, b) {
  return b === 0 ? undefined : a / b;
}

function pct(x) {
  return x === undefined ? '   —  ' : `${(x * 100).toFixed(1).padStart(5)}%`;
}

const perRepo = [];
const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, blank()]));
const failures = [];
for (const entry of corpus) {
  const checkout = join(dir, entry.slug);
  if (!existsSync(checkout)) {
    console.log(`  ${entry.slug}: no checkout at ${checkout}, left out`);
    continue;
  }
  const head = headOf(checkout);
  if (head !== entry.commit) {
    failures.push(`${entry.slug}: checkout is at ${head ?? 'an unknown commit'}, labels are for ${entry.commit}`);
    continue;
  }
  process.stderr.write(`scanning ${entry.slug}…\n`);
  const r = await scanTree(checkout);
  if (r.error) {
    failures.push(`${entry.slug}: the scan failed (${r.error})`);
    perRepo.push({ slug: entry.slug, kind: entry.kind, error: r.error, seconds: r.seconds });
    continue;
  }
  const { rows, missed } = score(entry.labels, r.findings);
  const repo = { slug: entry.slug, kind: entry.kind, seconds: r.seconds, ...blank(), byCategory: {} };
  for (const l of entry.labels) {
    if ((l.status ?? 'required') !== 'required') continue;
    repo.labels++;
    byCategory[l.category] ??= blank();
    byCategory[l.category].labels++;
  }
  for (const row of rows) {
    const c = (byCategory[row.category] ??= blank());
    repo[row.verdict]++;
    c[row.verdict]++;
  }
  for (const l of missed) {
    repo.fn++;
    byCategory[l.category].fn++;
  }
  repo.found = repo.labels - repo.fn;
  repo.falseAlarms = rows.filter((x) => x.verdict === 'fp').map((x) => ({ ruleId: x.f.ruleId, file: x.f.file, line: x.f.line, message: x.f.message }));
  repo.misses = missed.map((l) => ({ category: l.category, file: l.file, line: l.line, note: l.note }));
  perRepo.push(repo);
}
for (const c of Object.values(byCategory)) c.found = c.labels - c.fn;

const total = blank();
for (const r of perRepo.filter((x) => !x.error)) for (const k of ['tp', 'fp', 'optional', 'labels', 'fn', 'found']) total[k] += r[k];

console.log(`\ndancu-guard on ${perRepo.length} real repositories (labels: accuracy/realworld/; match: category, file, line ±${LINE_TOLERANCE})\n`);
console.log('by category             alarms  true  false  optional | labels found missed | precision recall');
for (const [c, v] of Object.entries(byCategory)) {
  if (v.tp + v.fp + v.optional + v.labels === 0) continue;
  console.log(
    `  ${c.padEnd(20)} ${String(v.tp + v.fp + v.optional).padStart(7)} ${String(v.tp).padStart(5)} ${String(v.fp).padStart(6)} ${String(v.optional).padStart(9)} | ${String(v.labels).padStart(6)} ${String(v.found).padStart(5)} ${String(v.fn).padStart(6)} | ${pct(ratio(v.tp, v.tp + v.fp))}  ${pct(ratio(v.found, v.labels))}`,
  );
}
console.log('\nby repository           alarms  true  false  optional | labels found missed | precision recall  seconds');
for (const r of perRepo) {
  if (r.error) {
    console.log(`  ${r.slug.padEnd(20)} FAILED: ${r.error}`);
    continue;
  }
  console.log(
    `  ${r.slug.padEnd(20)} ${String(r.tp + r.fp + r.optional).padStart(7)} ${String(r.tp).padStart(5)} ${String(r.fp).padStart(6)} ${String(r.optional).padStart(9)} | ${String(r.labels).padStart(6)} ${String(r.found).padStart(5)} ${String(r.fn).padStart(6)} | ${pct(ratio(r.tp, r.tp + r.fp))}  ${pct(ratio(r.found, r.labels))} ${r.seconds.toFixed(1).padStart(8)}`,
  );
  if (showFp > 0) {
    for (const f of r.falseAlarms.slice(0, showFp)) console.log(`      FP ${f.ruleId} ${f.file}:${f.line}`);
    for (const m of r.misses) console.log(`      FN ${m.category} ${m.file}:${m.line}  (${m.note ?? ''})`);
  }
}
const precision = ratio(total.tp, total.tp + total.fp);
const recall = ratio(total.found, total.labels);
console.log(
  `\n  overall: ${total.tp + total.fp + total.optional} alarms, ${total.tp} true, ${total.fp} false, ${total.optional} on optional labels; ${total.labels} required labels, ${total.found} found → precision ${pct(precision)}, recall ${pct(recall)}`,
);
for (const f of failures) console.log(`  FAILURE: ${f}`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ total, precision, recall, byCategory, perRepo, failures }, null, 2)}\n`);
const met = failures.length === 0 && (precision ?? 1) >= target && (recall ?? 1) >= target;
process.exit(met ? 0 : 1);
