// `npm run bench -- --hostile`: the hostile cases of issue 10 (test/adversarial/hostile.mjs):
// every 200 KB single-line file, the deep nesting and 100k-term concatenations, ReDoS in
// the config, hundreds of endpoint patterns, and a staged blob larger than the size limit
// (256 MB; `--big-blob-mb N` to change it). Each case's scan time (the report's own
// durationMs: process start-up excluded, printed beside it) against its budget: 2 s for a
// 200 KB line, 10 s for 100k terms. Exit 1 if one is over.
//
// Usage: node scripts/bench-hostile.mjs [--only SUBSTRING] [--big-blob-mb N] [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
/** One scan with the built CLI: its report, wall and scan time, peak RSS. */
function scanOnce(dir, extra = []) {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', join(root, 'scripts', 'bench-rss.mjs'), join(root, 'dist', 'cli.js'), 'scan', dir, '--format', 'json', '--fail-on', 'none', '--no-progress', ...extra],
    { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, cwd: dir },
  );
  const wall = (performance.now() - started) / 1000;
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = undefined;
  }
  const rssKb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { run, wall, report, rssKb };
}

async function hostile() {
  const { CASES, writeTree } = await import('../test/adversarial/hostile.mjs');
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const bigMb = Number(args[args.indexOf('--big-blob-mb') + 1]) || 256;
  if (!existsSync(join(root, 'dist', 'cli.js'))) spawnSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'inherit' });
  const base = join(root, '.bench', 'hostile');
  rmSync(base, { recursive: true, force: true });
  const rows = [];
  const measure = (id, budget, dir, extra) => {
    const { run, wall, report, rssKb } = scanOnce(dir, extra);
    const scan = report ? report.summary.durationMs / 1000 : NaN;
    const rules = report ? [...new Set(report.findings.map((f) => f.ruleId))].join(',') : `exit ${run.status}: ${run.stderr.slice(0, 120)}`;
    const ok = report !== undefined && scan < budget;
    rows.push({ id, budget, scan, wall, rssKb, ok, rules });
    console.log(`${ok ? 'ok  ' : 'OVER'} ${id.padEnd(44)} scan ${scan.toFixed(2).padStart(6)} s / ${budget} s   wall ${wall.toFixed(2).padStart(6)} s   RSS ${(rssKb / 1024).toFixed(0).padStart(4)} MB   ${rules}`);
  };
  for (const c of CASES) {
    if (c.budget === undefined || (only && !c.id.includes(only))) continue;
    const dir = join(base, c.id);
    mkdirSync(dir, { recursive: true });
    writeTree(dir, c.files());
    measure(c.id, c.budget, dir, []);
  }
  if (!only || 'staged-big-blob'.includes(only)) {
    // A staged blob larger than the size limit: never held in memory (sparse file of its size).
    const dir = join(base, 'staged-big-blob');
    mkdirSync(join(dir, 'tools'), { recursive: true });
    writeFileSync(join(dir, 'tools', 'tool.js'), '');
    spawnSync('truncate', ['-s', `${bigMb}M`, join(dir, 'tools', 'tool.js')]);
    const g = (...a) => spawnSync('git', ['-c', 'user.email=b@example.invalid', '-c', 'user.name=b', ...a], { cwd: dir });
    g('init', '-q');
    g('add', '-A');
    measure(`staged-big-blob (${bigMb} MB)`, 10, dir, ['--staged']);
  }
  if (!keep) rmSync(base, { recursive: true, force: true });
  const over = rows.filter((r) => !r.ok);
  console.log(`${rows.length} hostile cases, ${over.length} over budget (times: the scan's own duration; wall adds process start-up)`);
  return over.length > 0 ? 1 : 0;
}


process.exit(await hostile());
