// `npm run bench`: the scanner (the built CLI) on synthetic and real-shaped trees of
// 1k, 10k and 100k files, cold (an empty cache), warm (the same cache again) and with one
// source file edited (the developer's loop: the rest from the cache), with
// files/s, MB/s, peak RSS and time per stage; and, when gitleaks is installed
// (scripts/install-gitleaks.sh), `gitleaks dir` on the same tree in the same run, as a
// ratio. The targets (issue 13) are checked here, never in unit tests:
//
//   wall ≤ 1.0× gitleaks on every tree (cold)     peak RSS < 1 GiB at 100k files
//   time per file within 1.5× from 1k to 100k      warm ≤ 10 % of cold at 10k files
//
// The trees are generated into .bench/ (scripts/bench-trees.mjs) and kept for the next
// run; real-shaped trees replicate the repositories under /work/corpus (--corpus DIR).
// On a shared machine, timings vary with its load: the load average is printed, and
// the gitleaks ratio is measured on the same tree, back to back.
//
// Usage: node scripts/bench.mjs [--sizes 1000,10000,100000] [--kinds synthetic,real]
//          [--corpus DIR] [--jobs N] [--no-gitleaks] [--json FILE] [--check] [--clean]
//   --check   exit 1 when a target is missed    --clean   remove the trees afterwards
//        node scripts/bench.mjs --hostile [--only SUBSTRING] [--big-blob-mb N]
//   the hostile cases of issue 10 against their time budgets (scripts/bench-hostile.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realTree, syntheticTree, treeSize } from './bench-trees.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args.includes('--hostile')) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'bench-hostile.mjs'), ...args.filter((a) => a !== '--hostile')], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = opt('--sizes', '1000,10000,100000').split(',').map(Number);
const kinds = opt('--kinds', 'synthetic,real').split(',');
const corpus = opt('--corpus', '/work/corpus');
const jobs = opt('--jobs', undefined);
const jsonOut = opt('--json', undefined);
const base = join(root, '.bench');
const GiB = 1024 ** 3;

function findGitleaks() {
  if (args.includes('--no-gitleaks')) return undefined;
  const gobin = spawnSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).stdout?.trim();
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...(gobin ? [join(gobin.split(delimiter)[0], 'bin')] : [])];
  return dirs.map((d) => join(d, 'gitleaks')).find((p) => existsSync(p));
}

const gitleaks = findGitleaks();
const hasTime = existsSync('/usr/bin/time');

/** Run a command; wall seconds, peak RSS (KiB, from /usr/bin/time or the preload), stdout, stderr. */
function timed(cmd, cmdArgs, env = {}) {
  const full = hasTime ? ['/usr/bin/time', ['-f', 'BENCH_TIME_RSS_KB=%M', cmd, ...cmdArgs]] : [cmd, cmdArgs];
  const t = performance.now();
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, ...env } });
  const seconds = (performance.now() - t) / 1000;
  const rss = [...(r.stderr ?? '').matchAll(/BENCH_(?:TIME_RSS|MAX_RSS)_KB=(\d+)/g)].map((m) => Number(m[1]));
  return { seconds, rssKb: rss.length ? Math.max(...rss) : NaN, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Stage and worker times from `--profile` (ms). */
function parseProfile(stderr) {
  const out = {};
  let section;
  for (const line of stderr.split('\n')) {
    if (/^\s+stages \(main thread/.test(line)) section = 'stage';
    else if (/^\s+in workers/.test(line)) section = 'work';
    else if (/^\s+collectors:/.test(line)) section = 'collector';
    else if (/^\s{2}(cache:|files collected|slowest)/.test(line)) section = undefined;
    const m = /^\s{4}(\S.*?)\s{2,}([\d.]+) (ms|s)$/.exec(line);
    if (m && section) out[`${section}:${m[1].trim()}`] = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
  }
  return out;
}

function scanRun(tree, cacheDir) {
  const scanArgs = ['--import', join(root, 'scripts', 'bench-rss.mjs'), join(root, 'dist', 'cli.js'), 'scan', tree, '--format', 'json', '--fail-on', 'none', '--no-progress', '--profile', '--cache-dir', cacheDir];
  if (jobs) scanArgs.push('--jobs', jobs);
  const r = timed(process.execPath, scanArgs);
  if (r.status !== 0) {
    process.stderr.write(r.stderr.slice(-4000));
    throw new Error(`bench: scan of ${tree} exited ${r.status}`);
  }
  const report = JSON.parse(r.stdout);
  return { seconds: r.seconds, rssKb: r.rssKb, findings: report.findings.length, profile: parseProfile(r.stderr) };
}

function gitleaksRun(tree) {
  if (!gitleaks) return undefined;
  const r = timed(gitleaks, ['dir', tree, '--no-banner', '--exit-code', '0', '--log-level', 'error', '--report-format', 'json', '--report-path', join(tmpdir(), `bench-gitleaks-${process.pid}.json`)]);
  if (r.status !== 0) {
    process.stderr.write(r.stderr.slice(-2000));
    return undefined;
  }
  return { seconds: r.seconds, rssKb: r.rssKb };
}

/** Append a comment to the first source file of the tree (path order); returns what puts it back. */
function editOneFile(tree) {
  const find = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory() && e.name !== '.git') {
        const got = find(p);
        if (got) return got;
      } else if (e.isFile() && /\.(?:ts|java|cs|py|go|php)$/.test(e.name)) return p;
    }
    return undefined;
  };
  const file = find(tree);
  if (!file) return () => undefined;
  const before = readFileSync(file);
  writeFileSync(file, Buffer.concat([before, Buffer.from(`\n${file.endsWith('.py') ? '#' : '//'} bench: edited\n`)]));
  return () => writeFileSync(file, before);
}

const mb = (bytes) => bytes / 1024 / 1024;
const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');

if (!existsSync(join(root, 'dist', 'cli.js')) || !existsSync(join(root, 'dist', 'worker.js'))) spawnSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'inherit' });
console.log(`bench: ${new Date().toISOString()}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, gitleaks ${gitleaks ? spawnSync(gitleaks, ['version'], { encoding: 'utf8' }).stdout.trim() : 'not installed (scripts/install-gitleaks.sh)'}`);

const results = [];
for (const kind of kinds) {
  for (const n of sizes) {
    const tree = kind === 'real' ? realTree(base, n, corpus) : syntheticTree(base, n);
    const { files, bytes } = treeSize(tree);
    const cache = mkdtempSync(join(tmpdir(), 'dancu-guard-bench-cache-'));
    try {
      const cold = scanRun(tree, cache);
      const warm = scanRun(tree, cache);
      // The developer's loop: one source file edited, the rest from the cache.
      const restore = editOneFile(tree);
      let edit;
      try {
        edit = scanRun(tree, cache);
      } finally {
        restore();
      }
      const gl = gitleaksRun(tree);
      const r = { kind, n, files, mb: mb(bytes), cold, warm, edit, gitleaks: gl, loadavg: loadavg()[0] };
      results.push(r);
      console.log(
        `\n${kind} ${n}: ${files} files, ${fmt(r.mb)} MB\n` +
          `  cold  ${fmt(cold.seconds, 2).padStart(8)} s  ${fmt(files / cold.seconds, 0).padStart(6)} files/s  ${fmt(r.mb / cold.seconds, 2).padStart(6)} MB/s  peak RSS ${fmt(cold.rssKb / 1024, 0)} MB  ${cold.findings} findings\n` +
          `  warm  ${fmt(warm.seconds, 2).padStart(8)} s  ${fmt(files / warm.seconds, 0).padStart(6)} files/s  ${fmt(r.mb / warm.seconds, 2).padStart(6)} MB/s  peak RSS ${fmt(warm.rssKb / 1024, 0)} MB  (${fmt((100 * warm.seconds) / cold.seconds, 0)} % of cold)\n` +
          `  1 file edited ${fmt(edit.seconds, 2).padStart(6)} s  peak RSS ${fmt(edit.rssKb / 1024, 0)} MB  (${fmt((100 * edit.seconds) / cold.seconds, 0)} % of cold)\n` +
          (gl ? `  gitleaks dir ${fmt(gl.seconds, 2)} s, peak RSS ${fmt(gl.rssKb / 1024, 0)} MB: ratio ${fmt(cold.seconds / gl.seconds, 2)}× (cold), ${fmt(warm.seconds / gl.seconds, 2)}× (warm)\n` : '  gitleaks: not run\n') +
          `  stages (cold, ms): ${Object.entries(cold.profile)
            .filter(([k]) => !k.startsWith('collector:'))
            .map(([k, v]) => `${k.replace(/^(stage|work):/, '')} ${Math.round(v)}`)
            .join(', ')}\n` +
          `  collectors (cold, ms summed over workers): ${Object.entries(cold.profile)
            .filter(([k]) => k.startsWith('collector:'))
            .map(([k, v]) => `${k.slice(10)} ${Math.round(v)}`)
            .join(', ')}`,
      );
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
    if (args.includes('--clean')) rmSync(tree, { recursive: true, force: true });
  }
}

// The targets.
const misses = [];
console.log('\ntargets:');
for (const r of results) {
  if (r.gitleaks) {
    const ratio = r.cold.seconds / r.gitleaks.seconds;
    const ok = ratio <= 1.0;
    console.log(`  ${ok ? 'ok  ' : 'MISS'} ${r.kind} ${r.n}: ${fmt(ratio, 2)}× gitleaks wall (≤ 1.0×)`);
    if (!ok) misses.push(`${r.kind} ${r.n} gitleaks ratio`);
  }
  if (r.n >= 100_000) {
    const ok = r.cold.rssKb * 1024 < GiB && r.warm.rssKb * 1024 < GiB;
    console.log(`  ${ok ? 'ok  ' : 'MISS'} ${r.kind} ${r.n}: peak RSS ${fmt(Math.max(r.cold.rssKb, r.warm.rssKb) / 1024, 0)} MB (< 1024 MB)`);
    if (!ok) misses.push(`${r.kind} ${r.n} RSS`);
  }
  if (r.n === 10_000) {
    const share = r.warm.seconds / r.cold.seconds;
    const ok = share <= 0.1;
    console.log(`  ${ok ? 'ok  ' : 'MISS'} ${r.kind} ${r.n}: warm ${fmt(100 * share, 0)} % of cold (≤ 10 %)`);
    if (!ok) misses.push(`${r.kind} ${r.n} warm`);
  }
}
for (const kind of kinds) {
  const of = (n) => results.find((r) => r.kind === kind && r.n === n);
  const small = of(Math.min(...sizes));
  const large = of(Math.max(...sizes));
  if (small && large && small !== large) {
    const growth = large.cold.seconds / large.files / (small.cold.seconds / small.files);
    const ok = growth <= 1.5;
    console.log(`  ${ok ? 'ok  ' : 'MISS'} ${kind}: time per file ${fmt(growth, 2)}× from ${small.n} to ${large.n} files (≤ 1.5×)`);
    if (!ok) misses.push(`${kind} time per file`);
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
if (args.includes('--check') && misses.length) process.exit(1);
