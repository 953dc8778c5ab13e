import { REPO } from '../helpers/paths.js';
import { pathToFileURL } from 'node:url';
/**
 * The committed Action (action.yml + dist-action/): fresh with respect to its inputs,
 * deterministic, self-contained (runs from a folder with no node_modules anywhere
 * above it, finds the policy bundle and the tree-sitter grammars it ships), and
 * action.yml agrees with the code on inputs, defaults and outputs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { INPUT_DEFAULTS } from '../../src/action/inputs.js';

const DIST = join(REPO, 'dist-action');

interface BuildModule {
  REPO_ROOT: string;
  actionSourceFiles(root?: string): string[];
  actionSourcesHash(root?: string): string;
  recordedActionSourcesHash(root?: string): string | undefined;
  grammarsToShip(root?: string): string[];
  bundleOptions(o: { root?: string; entry: string; outfile: string }): Record<string, unknown>;
  buildAction(o: { root?: string; outDir?: string; log?: (s: string) => void }): Promise<{ hash: string; grammars: string[]; externals: string[] }>;
}

// Plain .mjs (the build script itself), imported by URL so the type checker needs no declaration.
const build = (): Promise<BuildModule> => import(pathToFileURL(join(REPO, 'scripts', 'build-action.mjs')).href) as Promise<BuildModule>;

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function tmp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `dg-bundle-${prefix}-`));
  roots.push(d);
  return d;
}

describe('dist-action freshness', () => {
  it('was built from the current sources', async () => {
    const b = await build();
    const files = b.actionSourceFiles(REPO);
    expect(files).toContain('src/action/index.ts');
    expect(files).toContain('package-lock.json');
    expect(files).toContain('scripts/build-action.mjs');
    expect(files).toContain('policies/bundle/policy.wasm');
    expect(b.recordedActionSourcesHash(REPO), 'dist-action is stale: sources under src/, package.json, package-lock.json, the policy bundle or scripts/build-action.mjs changed since the last build. Run `npm run build:action` and commit dist-action/.').toBe(
      b.actionSourcesHash(REPO),
    );
  });

  it('builds deterministically, byte for byte the committed bundle when fresh', async () => {
    const b = await build();
    const one = tmp('one');
    const two = tmp('two');
    await b.buildAction({ outDir: one, log: () => {} });
    await b.buildAction({ outDir: two, log: () => {} });
    for (const f of ['index.mjs', 'package.json', 'THIRD_PARTY_LICENSES.txt', 'sources.sha256']) {
      expect(readFileSync(join(one, f)).equals(readFileSync(join(two, f))), f).toBe(true);
    }
    if (b.recordedActionSourcesHash(REPO) === b.actionSourcesHash(REPO)) {
      expect(readFileSync(join(one, 'index.mjs')).equals(readFileSync(join(DIST, 'index.mjs'))), 'dist-action/index.mjs differs from a fresh build').toBe(true);
    }
  });
});

describe('action.yml', () => {
  const doc = parseYaml(readFileSync(join(REPO, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string; required?: boolean }>;
    outputs: Record<string, { description: string }>;
    runs: { using: string; main: string };
  };

  it('runs the committed bundle with node24', () => {
    expect(doc.runs).toEqual({ using: 'node24', main: 'dist-action/index.mjs' });
    expect(existsSync(join(REPO, doc.runs.main))).toBe(true);
  });

  it('declares exactly the inputs the code reads, with the same defaults', () => {
    const declared = Object.fromEntries(Object.entries(doc.inputs).map(([k, v]) => [k, String(v.default ?? '')]));
    expect(declared).toEqual({ ...INPUT_DEFAULTS, 'github-token': '${{ github.token }}' });
    expect(Object.values(doc.inputs).every((i) => i.required === false)).toBe(true);
  });

  it('declares the outputs the code sets', () => {
    expect(Object.keys(doc.outputs).sort()).toEqual(['blocking', 'findings', 'sarif-file', 'verdict']);
    const src = readFileSync(join(REPO, 'src', 'action', 'run.ts'), 'utf8');
    for (const name of Object.keys(doc.outputs)) expect(src).toContain(`setOutput('${name}'`);
  });
});

describe('the bundle is self-contained', () => {
  it('imports nothing but Node built-ins', async () => {
    const b = await build();
    const { externals } = await b.buildAction({ outDir: tmp('ext'), log: () => {} });
    const builtins = new Set([...builtinModules, ...builtinModules.map((n) => `node:${n}`)]);
    // TypeScript's `try { require("source-map-support").install() } catch {}`: optional, left out on purpose.
    const optional = new Set(['source-map-support']);
    expect(externals.filter((s) => !builtins.has(s) && !optional.has(s))).toEqual([]);
    expect(externals).toContain('node:module');
  });

  it('runs from a folder with no node_modules and finds what the CLI finds', () => {
    const dir = tmp('copy');
    cpSync(DIST, join(dir, 'action'), { recursive: true });
    const ws = join(dir, 'ws');
    cpSync(join(REPO, 'examples', 'ts-violating'), ws, { recursive: true });
    const out = join(dir, 'out');
    writeFileSync(out, '');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(GITHUB_|INPUT_|NODE_PATH)/.test(k)) env[k] = v;
    const r = spawnSync(process.execPath, [join(dir, 'action', 'index.mjs')], {
      cwd: ws,
      encoding: 'utf8',
      env: { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_WORKSPACE: ws, GITHUB_OUTPUT: out, 'INPUT_SARIF-FILE': '' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const annotated = r.stdout
      .split('\n')
      .filter((l) => /^::(error|warning|notice) file=/.test(l))
      .map((l) => {
        const m = /file=([^,]+),line=(\d+).*title=(DG-[A-Z]+-\d+)/.exec(l)!;
        return `${m[3]} ${m[1]}:${m[2]}`;
      })
      .sort();
    const cli = spawnSync(process.execPath, [join(REPO, 'bin', 'dancu-guard.js'), 'scan', ws, '--format', 'json', '--no-progress'], { encoding: 'utf8' });
    const expected = (JSON.parse(cli.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> }).findings
      .map((f) => `${f.ruleId} ${f.file}:${f.line}`)
      .sort();
    expect(annotated).toEqual(expected);
    expect(readFileSync(out, 'utf8')).toMatch(/^findings<<ghadelimiter_[0-9a-f-]+\n15\n/);
  });

  it('ships the tree-sitter grammars, and the bundled runtime loads them from there', async () => {
    const b = await build();
    const grammars = b.grammarsToShip(REPO);
    expect(grammars).toEqual(expect.arrayContaining(['c-sharp', 'go', 'java', 'php', 'python']));
    for (const g of ['tree-sitter', ...grammars.map((x) => `tree-sitter-${x}`)]) {
      expect(existsSync(join(DIST, 'vendor', '@vscode', 'tree-sitter-wasm', 'wasm', `${g}.wasm`)), g).toBe(true);
    }
    // A probe bundled exactly like the Action, run from a copy of dist-action/.
    const dir = tmp('probe');
    cpSync(DIST, dir, { recursive: true });
    const entry = join(dir, 'probe-entry.ts');
    const runtime = join(REPO, 'src', 'collect', 'code', 'runtime.ts').replace(/\\/g, '/');
    const settings = join(REPO, 'src', 'policy', 'settings.ts').replace(/\\/g, '/');
    writeFileSync(
      entry,
      `import { grammar, parserFor } from '${runtime}';
import { ASSETS_DIR, treeSitterWasmDir } from '${settings}';
const out = { assets: ASSETS_DIR, wasmDir: treeSitterWasmDir(), loaded: [] as string[], root: '' };
for (const g of ${JSON.stringify(grammars)}) { await grammar(g); out.loaded.push(g); }
const tree = (await parserFor('java')).parse('class A { String k = "v"; }');
out.root = tree?.rootNode.type ?? '';
process.stdout.write(JSON.stringify(out));
`,
    );
    const { build: esbuild } = await import('esbuild');
    await esbuild(b.bundleOptions({ entry, outfile: join(dir, 'probe.mjs') }) as Parameters<typeof esbuild>[0]);
    const r = spawnSync(process.execPath, [join(dir, 'probe.mjs')], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      assets: dir,
      wasmDir: join(dir, 'vendor', '@vscode', 'tree-sitter-wasm', 'wasm'),
      loaded: grammars,
      root: 'program',
    });
  });

  it('lists the licences of what it bundles', () => {
    const text = readFileSync(join(DIST, 'THIRD_PARTY_LICENSES.txt'), 'utf8');
    for (const pkg of ['@octokit/rest', 'ts-morph', '@ts-morph/common', 'yaml', '@open-policy-agent/opa-wasm', '@vscode/tree-sitter-wasm']) {
      expect(text).toContain(`\n${pkg} `);
    }
    // TypeScript comes inside @ts-morph/common: its notice is among the code's licence comments.
    expect(readFileSync(join(DIST, 'index.mjs.LEGAL.txt'), 'utf8')).toContain('Copyright (c) Microsoft Corporation');
  });
});
