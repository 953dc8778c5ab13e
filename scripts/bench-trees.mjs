// Trees for `npm run bench` (scripts/bench.mjs), generated into .bench/ (never committed).
//
// synthetic   the --mix multi tree of the first benchmark: TypeScript, Java, C#, PHP,
//             Python, Go, YAML manifests and .env files, ~3% of source files calling the
//             population DB, a fifth of the rest using an unrelated HTTP client (so the
//             prefilters let them through); deterministic.
// real        real-shaped: the repositories under /work/corpus (or --corpus DIR),
//             replicated to the file count: whole copies, then the same share of every
//             repository's files (every k-th file, in path order, directories kept), so
//             1k, 10k and 100k trees have the same mix of languages and sizes. Files are
//             copied (never linked: the corpus stays untouched); `.git` is left out.
import { copyFileSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const DB = 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu';

/** A deterministic PRNG, so every run scans the same synthetic tree. */
function prng(seed) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

function tsPlain(i) {
  const lines = [`import { helper${i % 50} } from '../lib/helper${i % 50}';`, ''];
  for (let f = 0; f < 6; f++) {
    lines.push(`export function compute${i}_${f}(items: number[]): number {`, '  let total = 0;', `  for (const x of items) total += helper${i % 50}(x) * ${f + 1};`, '  return total; // plain business logic, no DB access', '}', '');
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

function tsFile(i, db, http) {
  if (db) return tsDbCall(i);
  if (!http) return tsPlain(i);
  return `${tsPlain(i)}\nexport async function weather${i}() {\n  return (await fetch('https://example.invalid/weather')).json();\n}\n`;
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

function javaFile(i, db, http) {
  const client = db || http;
  const lines = [`package vn.tinhmau.mod${i % 97};`, '', 'import java.util.List;', ...(client ? ['import org.springframework.web.client.RestTemplate;'] : []), '', `public class Calc${i} {`];
  if (client) lines.push('    private final RestTemplate rest = new RestTemplate();', '    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Object.class);');
  for (let f = 0; f < 6; f++) lines.push(`    public int compute${f}(List<Integer> items) {`, '        int total = 0;', `        for (int x : items) total += x * ${f + 1};`, '        return total;', '    }', '');
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
  for (let f = 0; f < 6; f++) lines.push(`    public int Compute${f}(IEnumerable<int> items)`, '    {', '        var total = 0;', `        foreach (var x in items) total += x * ${f + 1};`, '        return total;', '    }', '');
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
  for (let f = 0; f < 6; f++) lines.push(`    public function compute${f}(array $items): int`, '    {', '        $total = 0;', `        foreach ($items as $x) { $total += $x * ${f + 1}; }`, '        return $total;', '    }', '');
  if (http) lines.push("    public function weather(Client $client) { return $client->post('https://example.invalid/weather'); }");
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
  for (let f = 0; f < 6; f++) lines.push(`def compute_${i}_${f}(items):`, '    total = 0', '    for x in items:', `        total += x * ${f + 1}`, '    return total', '', '');
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
  for (let f = 0; f < 6; f++) lines.push(`func Compute${i}_${f}(items []int) int {`, '\ttotal := 0', '\tfor _, x := range items {', `\t\ttotal += x * ${f + 1}`, '\t}', '\treturn total', '}', '');
  if (http) lines.push(`func Weather${i}() (*http.Response, error) {`, '\treturn http.Get("https://example.invalid/weather")', '}', '');
  if (db) {
    lines.push(`func Lookup${i}(soDinhDanh string) (*http.Response, error) {`, `\tr, err := http.Post("${DB}/TraCuuThongTinCongDan?SoDinhDanh="+soDinhDanh, "application/json", nil)`);
    if (i % 2) lines.push('\tlogger.Info("tra cuu")');
    lines.push('\treturn r, err', '}', '', `func Bulk${i}(ids []string) {`, '\tfor _, id := range ids {', `\t\tLookup${i}(id)`, '\t}', '}', '');
  }
  return lines.join('\n');
}

/** Write a tree into `dir` atomically (a half-written tree from an interrupted run is never reused). */
function build(dir, fill) {
  if (existsSync(dir)) return dir;
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  fill(tmp);
  renameSync(tmp, dir);
  return dir;
}

/** The synthetic tree of `n` files under `base`. */
export function syntheticTree(base, n) {
  return build(join(base, `synthetic-${n}`), (tree) => {
    const rand = prng(42);
    mkdirSync(join(tree, 'config'), { recursive: true });
    mkdirSync(join(tree, 'lib'), { recursive: true });
    writeFileSync(join(tree, 'config', 'dancu.ts'), `export const DANCU_URL = process.env.DANCU_URL ?? '${DB}';\n`);
    writeFileSync(join(tree, 'lib', 'logger.ts'), 'export const logger = { info: (..._a: unknown[]) => {} };\n');
    for (let h = 0; h < 50; h++) writeFileSync(join(tree, 'lib', `helper${h}.ts`), `export const helper${h} = (x: number) => x + ${h};\n`);
    const langs = [
      ['ts', 0.2, tsFile],
      ['java', 0.1, javaFile],
      ['cs', 0.1, csFile],
      ['php', 0.1, phpFile],
      ['py', 0.1, pyFile],
      ['go', 0.1, goFile],
    ];
    for (let i = 0; i < n - 52; i++) {
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
  });
}

/** Every regular file of a repository, relative, sorted; `.git` left out. */
function repoFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

/** The real-shaped tree of `n` files under `base`, from the repositories in `corpus`. */
export function realTree(base, n, corpus) {
  return build(join(base, `real-${n}`), (tree) => {
    const repos = readdirSync(corpus, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const files = repos.map((r) => ({ repo: r, files: repoFiles(join(corpus, r)) }));
    const total = files.reduce((s, r) => s + r.files.length, 0);
    if (total === 0) throw new Error(`bench: no files under ${corpus}`);
    const whole = Math.floor(n / total);
    const share = (n - whole * total) / total;
    let written = 0;
    const copy = (repo, rel, copyIndex) => {
      const to = join(tree, `copy${copyIndex}`, repo, rel);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(corpus, repo, rel), to, constants.COPYFILE_FICLONE);
      written++;
    };
    for (let c = 0; c < whole; c++) for (const r of files) for (const rel of r.files) copy(r.repo, rel, c);
    // The remainder: the same share of every repository (Bresenham over each file list).
    const need = n - written;
    const picks = files.map((r) => ({ ...r, take: Math.floor(r.files.length * share) }));
    let short = need - picks.reduce((s, p) => s + p.take, 0);
    for (const p of [...picks].sort((a, b) => b.files.length - a.files.length)) {
      if (short <= 0) break;
      if (p.take < p.files.length) {
        p.take++;
        short--;
      }
    }
    for (const p of picks) {
      for (let k = 0; k < p.take; k++) copy(p.repo, p.files[Math.floor((k * p.files.length) / p.take)], whole);
    }
  });
}

/** Files and bytes of a tree. */
export function treeSize(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}
