// `npm run bench`: generate a synthetic tree (default 10,000 files) and scan it with the
// built CLI, printing files/s, MB/s and peak RSS.
// Targets (issue 2): under 20 s and under 500 MB for 10,000 files on the dev machine.
//
// --mix ts     (default) TypeScript, YAML manifests, .env — the original tree.
// --mix multi  the same number of files mixed across TypeScript, Java, C#, PHP, Python,
//              Go, YAML and .env, with the same share of DB-calling source files (~3%) and
//              a share of plain files that use an unrelated HTTP client (so the tree-sitter
//              prefilters let them through and they are parsed). Target: within 2× the
//              TypeScript-only wall time.
// --hostile   the hostile cases of issue 10 (test/adversarial/hostile.mjs): every 200 KB
//              single-line file, the deep nesting and 100k-term concatenations, ReDoS in the
//              config, hundreds of endpoint patterns, and a staged blob larger than the size
//              limit (256 MB; `--big-blob-mb N` to change it). Each case's scan time (the
//              report's own durationMs: process start-up excluded, printed beside it) against
//              its budget: 2 s for a 200 KB line, 10 s for 100k terms. Exit 1 if one is over.
// Usage: node scripts/bench.mjs [--files N] [--mix ts|multi] [--keep]
//        node scripts/bench.mjs --hostile [--only SUBSTRING] [--big-blob-mb N]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, statSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const nFiles = Number(args[args.indexOf('--files') + 1]) || 10_000;
const keep = args.includes('--keep');
const mix = args.includes('--mix') ? args[args.indexOf('--mix') + 1] : 'ts';
if (mix !== 'ts' && mix !== 'multi') {
  console.error(`bench: --mix must be ts or multi (got ${mix})`);
  process.exit(2);
}
const tree = join(root, '.bench', mix === 'ts' ? `tree-${nFiles}` : `tree-${mix}-${nFiles}`);

if (args.includes('--hostile')) process.exit(await hostile());

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
  if (!existsSync(join(root, 'dist', 'cli.js'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
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

// Deterministic PRNG so every run scans the same tree.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);

function tsPlain(i) {
  const lines = [`import { helper${i % 50} } from '../lib/helper${i % 50}';`, ''];
  for (let f = 0; f < 6; f++) {
    lines.push(`export function compute${i}_${f}(items: number[]): number {`);
    lines.push(`  let total = 0;`);
    lines.push(`  for (const x of items) total += helper${i % 50}(x) * ${f + 1};`);
    lines.push(`  return total; // plain business logic, no DB access`);
    lines.push(`}`, '');
  }
  return lines.join('\n');
}

function tsDbCall(i) {
  return `import { DANCU_URL } from '../config/dancu';
import { logger } from '../lib/logger';

export async function lookup${i}(soDinhDanh: string, maCanBo: string) {
  const res = await fetch(\`\${DANCU_URL}/TraCuuThongTinCongDan\`, {
    method: 'POST',
    body: JSON.stringify({ SoDinhDanh: soDinhDanh, MaCanBo: maCanBo }),
  });
  ${i % 2 ? "logger.info({ maCanBo }, 'tra cuu');" : ''}
  return res.json();
}

export async function bulk${i}(ids: string[]) {
  for (const id of ids) await lookup${i}(id, 'CB001');
}
`;
}

function yamlManifest(i, withSecret) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
spec:
  template:
    spec:
      containers:
        - name: app
          image: example.invalid/app:${i}
          env:
            - name: LOG_LEVEL
              value: info
            - name: ${withSecret ? 'C06_SECRET_KEY' : 'FEATURE_FLAG'}
              value: "${withSecret ? `Fak3Secret${i}Value` : 'on'}"
`;
}

// ---------------------------------------------------------------------------------
// --mix multi: one plain / one DB-calling file per language. A plain file uses (and
// imports) an unrelated HTTP client one time in five, so it passes the prefilter and is
// parsed; the others are plain business logic, which the prefilters skip.

const DB = 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu';

function javaFile(i, db, http) {
  const client = db || http;
  const lines = [`package vn.tinhmau.mod${i % 97};`, '', 'import java.util.List;', ...(client ? ['import org.springframework.web.client.RestTemplate;'] : []), '', `public class Calc${i} {`];
  if (client) lines.push('    private final RestTemplate rest = new RestTemplate();', '    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Object.class);');
  for (let f = 0; f < 6; f++) {
    lines.push(`    public int compute${f}(List<Integer> items) {`, '        int total = 0;', `        for (int x : items) total += x * ${f + 1};`, '        return total;', '    }', '');
  }
  if (http) lines.push('    public String weather() {', '        return rest.getForObject("https://example.invalid/weather", String.class);', '    }');
  if (db) {
    lines.push('    public String lookup(String soDinhDanh) {', `        String r = rest.postForObject("${DB}/TraCuuThongTinCongDan", soDinhDanh, String.class);`);
    if (i % 2) lines.push('        log.info("tra cuu {}", soDinhDanh);');
    lines.push('        return r;', '    }', '    public void bulk(List<String> ids) {', '        for (String id : ids) lookup(id);', '    }');
  }
  lines.push('}', '');
  return lines.join('\n');
}

function csFile(i, db, http) {
  const client = db || http;
  const lines = ['using System.Collections.Generic;', ...(client ? ['using System.Net.Http;'] : []), 'using System.Threading.Tasks;', '', `namespace TinhMau.Mod${i % 97};`, '', `public class Calc${i}`, '{'];
  if (client) lines.push('    private readonly HttpClient _http = new HttpClient();');
  for (let f = 0; f < 6; f++) {
    lines.push(`    public int Compute${f}(IEnumerable<int> items)`, '    {', '        var total = 0;', `        foreach (var x in items) total += x * ${f + 1};`, '        return total;', '    }', '');
  }
  if (http) lines.push('    public Task<string> Weather() => _http.GetStringAsync("https://example.invalid/weather");');
  if (db) {
    lines.push('    public async Task<string> Lookup(string soDinhDanh)', '    {', `        var r = await _http.PostAsync("${DB}/TraCuuThongTinCongDan", new StringContent(soDinhDanh));`);
    if (i % 2) lines.push('        _logger.LogInformation("tra cuu {Id}", soDinhDanh);');
    lines.push('        return await r.Content.ReadAsStringAsync();', '    }', '    public async Task Bulk(List<string> ids)', '    {', '        foreach (var id in ids) await Lookup(id);', '    }');
  }
  lines.push('}', '');
  return lines.join('\n');
}

function phpFile(i, db, http) {
  const client = db || http;
  const lines = ['<?php', '', `namespace App\\Mod${i % 97};`, '', ...(client ? ['use GuzzleHttp\\Client;', 'use Illuminate\\Support\\Facades\\Log;'] : []), '', `class Calc${i}`, '{'];
  for (let f = 0; f < 6; f++) {
    lines.push(`    public function compute${f}(array $items): int`, '    {', '        $total = 0;', `        foreach ($items as $x) { $total += $x * ${f + 1}; }`, '        return $total;', '    }', '');
  }
  if (http) lines.push('    public function weather(Client $client) { return $client->post(\'https://example.invalid/weather\'); }');
  if (db) {
    lines.push('    public function lookup(Client $client, string $soDinhDanh)', '    {', `        $r = $client->post('${DB}/TraCuuThongTinCongDan', ['json' => ['SoDinhDanh' => $soDinhDanh]]);`);
    if (i % 2) lines.push("        Log::info('tra cuu', ['id' => $soDinhDanh]);");
    lines.push('        return $r;', '    }', '    public function bulk(Client $client, array $ids) { foreach ($ids as $id) { $this->lookup($client, $id); } }');
  }
  lines.push('}', '');
  return lines.join('\n');
}

function pyFile(i, db, http) {
  const lines = ['import logging', '', ...(db || http ? ['import requests', ''] : []), 'logger = logging.getLogger(__name__)', ''];
  for (let f = 0; f < 6; f++) {
    lines.push(`def compute_${i}_${f}(items):`, '    total = 0', '    for x in items:', `        total += x * ${f + 1}`, '    return total', '', '');
  }
  if (http) lines.push('def weather():', '    return requests.get("https://example.invalid/weather").json()', '', '');
  if (db) {
    lines.push('def lookup(so_dinh_danh):', `    r = requests.post("${DB}/TraCuuThongTinCongDan", json={"SoDinhDanh": so_dinh_danh})`);
    if (i % 2) lines.push('    logger.info("tra cuu %s", so_dinh_danh)');
    lines.push('    return r.json()', '', '', 'def bulk(ids):', '    for i in ids:', '        lookup(i)', '');
  }
  return lines.join('\n');
}

function goFile(i, db, http) {
  const lines = [`package mod${i % 97}`, '', 'import (', '\t"log"', ...(db || http ? ['\t"net/http"'] : []), ')', '', 'var _ = log.Println', ''];
  for (let f = 0; f < 6; f++) {
    lines.push(`func Compute${i}_${f}(items []int) int {`, '\ttotal := 0', '\tfor _, x := range items {', `\t\ttotal += x * ${f + 1}`, '\t}', '\treturn total', '}', '');
  }
  if (http) lines.push(`func Weather${i}() (*http.Response, error) {`, '\treturn http.Get("https://example.invalid/weather")', '}', '');
  if (db) {
    lines.push(`func Lookup${i}(soDinhDanh string) (*http.Response, error) {`, `\tr, err := http.Post("${DB}/TraCuuThongTinCongDan?SoDinhDanh="+soDinhDanh, "application/json", nil)`);
    if (i % 2) lines.push('\tlogger.Info("tra cuu")');
    lines.push('\treturn r, err', '}', '', `func Bulk${i}(ids []string) {`, '\tfor _, id := range ids {', `\t\tLookup${i}(id)`, '\t}', '}', '');
  }
  return lines.join('\n');
}

function generateMulti() {
  if (existsSync(tree)) return;
  mkdirSync(join(tree, 'config'), { recursive: true });
  mkdirSync(join(tree, 'lib'), { recursive: true });
  writeFileSync(join(tree, 'config', 'dancu.ts'), "export const DANCU_URL = process.env.DANCU_URL ?? 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu';\n");
  writeFileSync(join(tree, 'lib', 'logger.ts'), "export const logger = { info: (..._a: unknown[]) => {} };\n");
  for (let h = 0; h < 50; h++) writeFileSync(join(tree, 'lib', `helper${h}.ts`), `export const helper${h} = (x: number) => x + ${h};\n`);
  const langs = [
    ['ts', 0.2, (i, db) => (db ? tsDbCall(i) : tsPlain(i))],
    ['java', 0.1, javaFile],
    ['cs', 0.1, csFile],
    ['php', 0.1, phpFile],
    ['py', 0.1, pyFile],
    ['go', 0.1, goFile],
  ];
  for (let i = 0; i < nFiles - 52; i++) {
    const dir = join(tree, `mod${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(dir, { recursive: true });
    let r = rand();
    let written = false;
    for (const [ext, share, make] of langs) {
      if (r < share) {
        const db = rand() < 0.03;
        const http = !db && rand() < 0.2;
        const name = ext === 'java' ? `Calc${i}.java` : ext === 'cs' ? `Calc${i}.cs` : `f${i}.${ext}`;
        writeFileSync(join(dir, name), make(i, db, http));
        written = true;
        break;
      }
      r -= share;
    }
    if (written) continue;
    if (r < 0.2) writeFileSync(join(dir, `m${i}.yaml`), yamlManifest(i, rand() < 0.05));
    else writeFileSync(join(dir, `.env.s${i}`), `PORT=${8000 + (i % 100)}\nAPI_TOKEN=${rand() < 0.1 ? `tok${i}Xq9Zr7Lm2Vb8Nc` : '${API_TOKEN}'}\n`);
  }
}

function generate() {
  if (existsSync(tree)) return;
  mkdirSync(join(tree, 'config'), { recursive: true });
  mkdirSync(join(tree, 'lib'), { recursive: true });
  writeFileSync(join(tree, 'config', 'dancu.ts'), "export const DANCU_URL = process.env.DANCU_URL ?? 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu';\n");
  writeFileSync(join(tree, 'lib', 'logger.ts'), "export const logger = { info: (..._a: unknown[]) => {} };\n");
  for (let h = 0; h < 50; h++) writeFileSync(join(tree, 'lib', `helper${h}.ts`), `export const helper${h} = (x: number) => x + ${h};\n`);
  for (let i = 0; i < nFiles - 52; i++) {
    const dir = join(tree, `mod${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(dir, { recursive: true });
    const r = rand();
    if (r < 0.7) writeFileSync(join(dir, `f${i}.ts`), rand() < 0.03 ? tsDbCall(i) : tsPlain(i));
    else if (r < 0.9) writeFileSync(join(dir, `m${i}.yaml`), yamlManifest(i, rand() < 0.05));
    else writeFileSync(join(dir, `.env.s${i}`), `PORT=${8000 + (i % 100)}\nAPI_TOKEN=${rand() < 0.1 ? `tok${i}Xq9Zr7Lm2Vb8Nc` : '${API_TOKEN}'}\n`);
  }
}

function treeSize(dir) {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const s = treeSize(p);
      files += s.files;
      bytes += s.bytes;
    } else {
      files++;
      bytes += statSync(p).size;
    }
  }
  return { files, bytes };
}

if (mix === 'multi') generateMulti();
else generate();
const { files, bytes } = treeSize(tree);
if (!existsSync(join(root, 'dist', 'cli.js'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
const started = performance.now();
const run = spawnSync(
  process.execPath,
  ['--import', join(root, 'scripts', 'bench-rss.mjs'), join(root, 'dist', 'cli.js'), 'scan', tree, '--format', 'json', '--fail-on', 'none', '--no-progress'],
  { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
);
const seconds = (performance.now() - started) / 1000;
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  console.error(`bench: scan exited ${run.status}`);
  process.exit(1);
}
const rssKb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
const report = JSON.parse(run.stdout);
const mb = bytes / 1024 / 1024;
console.log(`tree:        ${files} files, ${mb.toFixed(1)} MB, mix ${mix} (${tree})`);
console.log(`findings:    ${report.findings.length}`);
console.log(`wall time:   ${seconds.toFixed(2)} s  (target < 20 s)`);
console.log(`throughput:  ${(files / seconds).toFixed(0)} files/s, ${(mb / seconds).toFixed(2)} MB/s`);
console.log(`peak RSS:    ${(rssKb / 1024).toFixed(0)} MB  (target < 500 MB)`);
if (!keep) {
  rmSync(tree, { recursive: true, force: true });
  try {
    if (readdirSync(join(root, '.bench')).length === 0) rmSync(join(root, '.bench'), { recursive: true, force: true });
  } catch {
    // already gone
  }
}
