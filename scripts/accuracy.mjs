// `npm run accuracy`: run the real scanner (the built CLI, `dist/cli.js`) over every
// example in `examples/` and compare its findings with the expected ones stored beside
// each example, `examples/<name>.expected.json`:
//
//   { "example": "<name>", "findings": [ { "ruleId": "DG-…", "file": "src/x.ts", "line": 12 }, … ] }
//
// (beside, not inside: a JSON file inside an example would itself be scanned as config
// and change what the other tests of that example see). For gate-* examples the
// expected findings are those of the plain scan, not of the gate.
//
// A finding matches when rule, file and line are equal. Precision = matched / found,
// recall = matched / expected, printed per language and per category (from the rule
// catalog, policies/bundle/rules.json). The language of a finding is the language of its
// file by extension (`.ipynb` counts as Python); config files, manifests and env files
// count under the example's language (`java-violating/application.yml` → java; `gate-*`
// and `ts-*` → typescript).
//
// Usage: node scripts/accuracy.mjs [--json] [--write] [--target 0.9] [--only <name>] [--no-build]
//   --json      machine-readable result on stdout (used by test/accuracy.test.ts)
//   --write     record the current findings as the expected ones (review every line!)
//   --no-build  scan with the existing dist/cli.js (default: rebuild it from src/ first)
// Exit status: 0 when every precision and recall reaches the target, 1 otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(root, 'examples');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const write = args.includes('--write');
const target = Number(args[args.indexOf('--target') + 1]) || 0.9;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const EXT_LANGUAGE = {
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  java: 'java', cs: 'csharp', php: 'php', py: 'python', ipynb: 'python', go: 'go',
};
const PREFIX_LANGUAGE = { ts: 'typescript', gate: 'typescript', java: 'java', csharp: 'csharp', php: 'php', python: 'python', go: 'go' };

function exampleLanguage(name) {
  return PREFIX_LANGUAGE[name.split('-')[0]] ?? 'other';
}

function fileLanguage(file, example) {
  const ext = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase();
  return (ext && EXT_LANGUAGE[ext]) ?? exampleLanguage(example);
}

const rules = JSON.parse(readFileSync(join(root, 'policies', 'bundle', 'rules.json'), 'utf8'));
const categoryOf = (ruleId) => rules[ruleId]?.category ?? 'unknown';

function scanExample(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'scan', dir, '--format', 'json', '--fail-on', 'none', '--no-progress'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`scan of ${dir} exited ${code}: ${err.trim()}`));
      try {
        resolve(JSON.parse(out).findings.map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.line })));
      } catch (e) {
        reject(e);
      }
    });
  });
}

const key = (f) => `${f.ruleId} ${f.file}:${f.line}`;
const byLocation = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));

async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

// Scan with what the sources say now: rebuild the CLI bundle first (about a second), unless told not to.
if (!args.includes('--no-build') || !existsSync(join(root, 'dist', 'cli.js'))) {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) {
    console.error('accuracy: building dist/cli.js failed');
    process.exit(2);
  }
}

const names = readdirSync(examplesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && (!only || e.name === only))
  .map((e) => e.name)
  .sort();

const results = await pool(names, 4, async (name) => {
  const found = (await scanExample(join(examplesDir, name))).sort(byLocation);
  const expectedPath = join(examplesDir, `${name}.expected.json`);
  if (write) {
    const lines = found.map((f) => `    ${JSON.stringify({ ruleId: f.ruleId, file: f.file, line: f.line })}`);
    writeFileSync(expectedPath, `{\n  "example": ${JSON.stringify(name)},\n  "findings": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`);
  }
  const expected = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')).findings.sort(byLocation) : undefined;
  return { name, language: exampleLanguage(name), found, expected };
});

// Tally per language and per category.
const tally = { language: new Map(), category: new Map(), overall: { tp: 0, fp: 0, fn: 0 } };
const bump = (map, k, field) => {
  const t = map.get(k) ?? { tp: 0, fp: 0, fn: 0 };
  t[field]++;
  map.set(k, t);
};
const examples = [];
for (const r of results) {
  const expected = r.expected ?? [];
  const exp = new Set(expected.map(key));
  const got = new Set(r.found.map(key));
  const missing = expected.filter((f) => !got.has(key(f)));
  const unexpected = r.found.filter((f) => !exp.has(key(f)));
  for (const f of r.found) {
    const field = exp.has(key(f)) ? 'tp' : 'fp';
    bump(tally.language, fileLanguage(f.file, r.name), field);
    bump(tally.category, categoryOf(f.ruleId), field);
    tally.overall[field]++;
  }
  for (const f of missing) {
    bump(tally.language, fileLanguage(f.file, r.name), 'fn');
    bump(tally.category, categoryOf(f.ruleId), 'fn');
    tally.overall.fn++;
  }
  examples.push({ name: r.name, language: r.language, hasExpected: r.expected !== undefined, expected: expected.length, found: r.found.length, missing, unexpected });
}

const ratio = (num, den) => (den === 0 ? null : num / den);
const figures = (t) => ({ ...t, precision: ratio(t.tp, t.tp + t.fp), recall: ratio(t.tp, t.tp + t.fn) });
const table = (map) => Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, t]) => [k, figures(t)]));
const report = {
  target,
  examples,
  language: table(tally.language),
  category: table(tally.category),
  overall: figures(tally.overall),
};
const rows = [...Object.values(report.language), ...Object.values(report.category), report.overall];
const meets = rows.every((r) => (r.precision ?? 1) >= target && (r.recall ?? 1) >= target) && examples.every((e) => e.hasExpected);
report.ok = meets;

if (asJson) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const pct = (x) => (x === null ? '   —  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
  const line = (label, t) => `  ${label.padEnd(16)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}   ${pct(t.precision)}  ${pct(t.recall)}`;
  const head = `  ${''.padEnd(16)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}   precision  recall`;
  console.log(`dancu-guard accuracy on ${examples.length} examples (target ≥ ${target} precision and recall)\n`);
  console.log('by language');
  console.log(head);
  for (const [k, t] of Object.entries(report.language)) console.log(line(k, t));
  console.log('\nby category');
  console.log(head);
  for (const [k, t] of Object.entries(report.category)) console.log(line(k, t));
  console.log('');
  console.log(line('overall', report.overall));
  console.log('\nexamples');
  for (const e of examples) {
    const status = !e.hasExpected ? 'NO EXPECTED FILE' : e.missing.length || e.unexpected.length ? 'MISMATCH' : 'ok';
    console.log(`  ${e.name.padEnd(20)} ${String(e.found).padStart(3)} found / ${String(e.expected).padStart(3)} expected  ${status}`);
    for (const f of e.missing) console.log(`      missing    ${key(f)}`);
    for (const f of e.unexpected) console.log(`      unexpected ${key(f)}`);
  }
  console.log(meets ? '\nall targets met' : '\nTARGETS NOT MET');
}
process.exit(meets ? 0 : 1);
