// Build the GitHub Action: one self-contained ESM file plus the assets it reads at
// run time, in dist-action/ (committed: a runner runs it with Node alone, no install).
//
//   dist-action/index.mjs                  src/action/index.ts and EVERY dependency
//                                          (octokit, ts-morph/typescript, yaml, opa-wasm…)
//   dist-action/package.json               name, version (read by src/version.ts), type
//   dist-action/policies/bundle/           policy.wasm, rules.json (copied)
//   dist-action/policies/data/settings.json
//   dist-action/vendor/@vscode/tree-sitter-wasm/
//                                          package.json, LICENSE, wasm/tree-sitter.wasm
//                                          and the grammars the collectors load
//   dist-action/THIRD_PARTY_LICENSES.txt   every bundled package's licence file
//   dist-action/index.mjs.LEGAL.txt        the licence comments esbuild found in the
//                                          bundled code (e.g. TypeScript's, which
//                                          ts-morph ships inside @ts-morph/common)
//   dist-action/sources.sha256             hash of the inputs (see below)
//
// Finding the assets: the bundle's first lines set globalThis.__DANCU_GUARD_ASSETS_DIR__
// to its own folder, which src/policy/settings.ts honours (PACKAGE_ROOT, and
// treeSitterWasmDir() → vendor/@vscode/tree-sitter-wasm/wasm). Code that resolves
// '@vscode/tree-sitter-wasm' through createRequire() (src/collect/code/runtime.ts)
// gets a createRequire that serves the bundled module and resolves its files in
// vendor/ (the `node:module` shim below); every other id goes to Node's.
//
// Freshness: sources.sha256 records a hash of everything that shapes the output —
// every file under src/, package-lock.json, package.json's name, version and licence,
// this script and the copied policy files. test/action-bundle.test.ts recomputes it and asks for
// `npm run build:action` when it differs. The output is deterministic (no timestamps,
// sorted inputs), so rebuilding an unchanged tree changes no byte.
//
// Usage: node scripts/build-action.mjs           build
//        node scripts/build-action.mjs --check   exit 1 when dist-action/ is stale
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR_NAME = 'dist-action';
export const RECORDED_HASH_FILE = `${OUT_DIR_NAME}/sources.sha256`;

/** Grammars always shipped (design.md: Java, C#, PHP, Python, Go), plus any `grammar: '…'` in src/. */
const BASE_GRAMMARS = ['c-sharp', 'go', 'java', 'php', 'python'];
const POLICY_ASSETS = ['policies/bundle/policy.wasm', 'policies/bundle/rules.json', 'policies/data/settings.json'];
const EXTRA_INPUTS = ['package.json', 'package-lock.json', 'scripts/build-action.mjs', ...POLICY_ASSETS];

const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function walk(root, rel, out) {
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) walk(root, child, out);
    else if (entry.isFile()) out.push(child);
  }
  return out;
}

/** Repo-relative, forward-slash paths of the hashed inputs, sorted. */
export function actionSourceFiles(root = REPO_ROOT) {
  return [...walk(root, 'src', []), ...EXTRA_INPUTS].sort(byString);
}

/**
 * sha256 over "<path>\0<sha256 of content>\n" for each input in order. Text content
 * (no NUL byte) has CRLF normalised to LF, so a Windows checkout hashes the same.
 */
export function actionSourcesHash(root = REPO_ROOT) {
  const outer = createHash('sha256');
  for (const rel of actionSourceFiles(root)) {
    let content;
    try {
      content = readFileSync(join(root, rel));
    } catch {
      content = Buffer.from('(missing)');
    }
    // Of package.json only what reaches dist-action/package.json counts (dependency
    // versions are in package-lock.json): adding a script does not make the bundle stale.
    if (rel === 'package.json' && content.toString() !== '(missing)') {
      const { name, version, license } = JSON.parse(content.toString('utf8'));
      content = Buffer.from(JSON.stringify({ name, version, license }), 'utf8');
    }
    if (!content.includes(0)) content = Buffer.from(content.toString('utf8').replace(/\r\n/g, '\n'), 'utf8');
    outer.update(`${rel}\0${createHash('sha256').update(content).digest('hex')}\n`, 'utf8');
  }
  return outer.digest('hex');
}

export function recordedActionSourcesHash(root = REPO_ROOT) {
  try {
    return readFileSync(join(root, RECORDED_HASH_FILE), 'utf8').trim().split(/\s+/)[0];
  } catch {
    return undefined;
  }
}

/** Grammar stems the collectors name (`grammar: 'java'`), with the base set. */
export function grammarsToShip(root = REPO_ROOT) {
  const found = new Set(BASE_GRAMMARS);
  for (const rel of walk(root, 'src', [])) {
    if (!rel.endsWith('.ts')) continue;
    const text = readFileSync(join(root, rel), 'utf8');
    for (const m of text.matchAll(/\bgrammar\s*:\s*['"]([a-z][a-z0-9_-]*)['"]/g)) found.add(m[1]);
  }
  return [...found].sort(byString);
}

// The first lines of the bundle: CommonJS globals for bundled CommonJS code (typescript,
// the tree-sitter loader), and the assets folder for src/policy/settings.ts.
const BANNER = `// dancu-guard GitHub Action: generated by scripts/build-action.mjs; do not edit.
import { createRequire as __dgCreateRequire } from 'node:module';
import { fileURLToPath as __dgFileURLToPath } from 'node:url';
import { dirname as __dgDirname } from 'node:path';
const require = __dgCreateRequire(import.meta.url);
const __filename = __dgFileURLToPath(import.meta.url);
const __dirname = __dgDirname(__filename);
globalThis.__DANCU_GUARD_ASSETS_DIR__ ??= __dirname;`;

// `node:module` as seen by our sources: Node's, except that createRequire() serves the
// packages we bundle but whose files are read at run time from vendor/.
const MODULE_SHIM = `
import * as real from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
export * from 'node:module';
export default real.default;
const VENDORED = {
  '@vscode/tree-sitter-wasm': () => require('@vscode/tree-sitter-wasm'),
};
function vendored(id) {
  for (const name of Object.keys(VENDORED)) if (id === name || id.startsWith(name + '/')) return name;
  return undefined;
}
function vendorDir() {
  return join(globalThis.__DANCU_GUARD_ASSETS_DIR__, 'vendor');
}
export function createRequire(from) {
  const req = real.createRequire(from);
  const wrapped = function require(id) {
    const name = vendored(id);
    if (name !== undefined && id === name) return VENDORED[name]();
    return req(id);
  };
  wrapped.resolve = function resolve(id, options) {
    const name = vendored(id);
    if (name === undefined) return req.resolve(id, options);
    if (id !== name) return join(vendorDir(), id);
    const pkg = JSON.parse(readFileSync(join(vendorDir(), name, 'package.json'), 'utf8'));
    return join(vendorDir(), name, pkg.main || 'index.js');
  };
  wrapped.resolve.paths = req.resolve.paths;
  wrapped.cache = req.cache;
  wrapped.extensions = req.extensions;
  wrapped.main = req.main;
  return wrapped;
}
`;

const moduleShimPlugin = {
  name: 'dancu-guard-module-shim',
  setup(build) {
    build.onResolve({ filter: /^(node:)?module$/ }, (args) => {
      if (args.namespace === 'dg-shim') return { path: 'node:module', external: true };
      const from = relative(REPO_ROOT, args.importer).split(sep).join('/');
      if (!from.startsWith('src/')) return { path: 'node:module', external: true };
      return { path: 'node:module', namespace: 'dg-shim' };
    });
    build.onLoad({ filter: /.*/, namespace: 'dg-shim' }, () => ({
      contents: MODULE_SHIM,
      loader: 'js',
      resolveDir: REPO_ROOT,
    }));
  },
};

function packageDirOf(inputPath) {
  // node_modules/<name> or node_modules/@scope/<name>, the last node_modules segment.
  const parts = inputPath.split('/');
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return undefined;
  const n = parts[i + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, i + 1 + n).join('/');
}

function licenseText(dir) {
  const names = readdirSync(dir)
    .filter((f) => /^(licen[sc]e|copying|notice)(\.|$)/i.test(f))
    .sort(byString);
  return names.map((f) => readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n').trim()).join('\n\n');
}

function thirdPartyLicenses(metafile, extraPackageDirs) {
  const dirs = new Set(extraPackageDirs);
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDirOf(input);
    if (dir) dirs.add(dir);
  }
  const entries = [];
  for (const dir of [...dirs].sort(byString)) {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8'));
    if (!pkg.name) continue;
    const text = licenseText(join(REPO_ROOT, dir));
    entries.push({
      key: `${pkg.name}@${pkg.version}`,
      body: `${pkg.name} ${pkg.version}\nLicense: ${typeof pkg.license === 'string' ? pkg.license : JSON.stringify(pkg.license ?? 'UNKNOWN')}\n${
        text ? `\n${text}\n` : '\n(no licence file in the package)\n'
      }`,
    });
  }
  const seen = new Set();
  const unique = entries.filter((e) => (seen.has(e.key) ? false : (seen.add(e.key), true)));
  return `Third-party software bundled in dist-action/ (${unique.length} packages)\n${'='.repeat(70)}\n\n${unique
    .map((e) => e.body)
    .join(`\n${'-'.repeat(70)}\n\n`)}`;
}

/**
 * esbuild options for a self-contained bundle of `entry` (relative to `root`) with the
 * banner and the `node:module` shim: the Action, and the tests' probes of it.
 */
export function bundleOptions({ root = REPO_ROOT, entry, outfile }) {
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    mainFields: ['module', 'main'],
    conditions: ['node', 'import'],
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'external',
    charset: 'utf8',
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
    banner: { js: BANNER },
    plugins: [moduleShimPlugin],
  };
}

export async function buildAction({ root = REPO_ROOT, outDir = join(REPO_ROOT, OUT_DIR_NAME), log = console.log } = {}) {
  const { build } = await import('esbuild');
  const require = createRequire(import.meta.url);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const result = await build(bundleOptions({ root, entry: 'src/action/index.ts', outfile: join(outDir, 'index.mjs') }));

  // package.json: the bundle is ESM, and src/version.ts reads name and version here.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(
    join(outDir, 'package.json'),
    `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: 'module', license: pkg.license }, null, 2)}\n`,
  );

  for (const rel of POLICY_ASSETS) {
    mkdirSync(dirname(join(outDir, rel)), { recursive: true });
    copyFileSync(join(root, rel), join(outDir, rel));
  }

  // tree-sitter: the runtime's wasm and the grammars.
  const tsPkgDir = dirname(require.resolve('@vscode/tree-sitter-wasm/package.json', { paths: [root] }));
  const vendor = join(outDir, 'vendor', '@vscode', 'tree-sitter-wasm');
  mkdirSync(join(vendor, 'wasm'), { recursive: true });
  const tsPkg = JSON.parse(readFileSync(join(tsPkgDir, 'package.json'), 'utf8'));
  writeFileSync(
    join(vendor, 'package.json'),
    `${JSON.stringify({ name: tsPkg.name, version: tsPkg.version, license: tsPkg.license, main: tsPkg.main }, null, 2)}\n`,
  );
  if (existsSync(join(tsPkgDir, 'LICENSE'))) copyFileSync(join(tsPkgDir, 'LICENSE'), join(vendor, 'LICENSE'));
  const grammars = grammarsToShip(root);
  for (const file of ['tree-sitter.wasm', ...grammars.map((g) => `tree-sitter-${g}.wasm`)]) {
    const from = join(tsPkgDir, 'wasm', file);
    if (!existsSync(from)) throw new Error(`build-action: ${file} is not in @vscode/tree-sitter-wasm ${tsPkg.version}`);
    copyFileSync(from, join(vendor, 'wasm', file));
  }

  const tsPkgRel = relative(root, tsPkgDir).split(sep).join('/');
  writeFileSync(join(outDir, 'THIRD_PARTY_LICENSES.txt'), thirdPartyLicenses(result.metafile, [tsPkgRel]));

  const hash = actionSourcesHash(root);
  writeFileSync(join(outDir, 'sources.sha256'), `${hash}\n`);

  const size = readFileSync(join(outDir, 'index.mjs')).length;
  log(
    `build-action: ${relative(root, join(outDir, 'index.mjs'))} (${(size / 1024 / 1024).toFixed(1)} MiB), grammars ${grammars.join(', ')}, sources ${hash.slice(0, 12)}`,
  );
  // What the bundle still imports at run time (must be Node built-ins only).
  const externals = [
    ...new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))),
  ].sort(byString);
  return { hash, grammars, externals };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const current = actionSourcesHash();
    const recorded = recordedActionSourcesHash();
    if (current !== recorded) {
      process.stderr.write(
        `dist-action is stale: ${RECORDED_HASH_FILE} has ${recorded ?? '(missing)'}, the inputs hash to ${current}; run \`npm run build:action\` and commit dist-action/\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`dist-action is fresh (${current})\n`);
  } else {
    await buildAction();
  }
}
