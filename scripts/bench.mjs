// `npm run bench`: generate a synthetic tree (default 10,000 files: TypeScript, YAML
// manifests, .env) and scan it with the built CLI, printing files/s, MB/s and peak RSS.
// Targets (issue 2): under 20 s and under 500 MB for 10,000 files on the dev machine.
// Usage: node scripts/bench.mjs [--files N] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, statSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const nFiles = Number(args[args.indexOf('--files') + 1]) || 10_000;
const keep = args.includes('--keep');
const tree = join(root, '.bench', `tree-${nFiles}`);

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

generate();
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
console.log(`tree:        ${files} files, ${mb.toFixed(1)} MB (${tree})`);
console.log(`findings:    ${report.findings.length}`);
console.log(`wall time:   ${seconds.toFixed(2)} s  (target < 20 s)`);
console.log(`throughput:  ${(files / seconds).toFixed(0)} files/s, ${(mb / seconds).toFixed(2)} MB/s`);
console.log(`peak RSS:    ${(rssKb / 1024).toFixed(0)} MB  (target < 500 MB)`);
if (!keep) rmSync(join(root, '.bench'), { recursive: true, force: true });
