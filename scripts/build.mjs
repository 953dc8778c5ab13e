// Bundle the CLI to dist/ so the bin runs with plain `node` (dependencies stay in
// node_modules; the GitHub Action has its own single-file bundle).
//
//   dist/cli.js          the entry (bin/dancu-guard.js imports it)
//   dist/worker.js       the scan's worker threads (src/pipeline/worker.ts)
//   dist/chunks/*.js     code split out of both: each command, each collector and the
//                        heavy libraries behind them load when first needed (`import()`),
//                        so `--version` and `--help` pay for none of them
//
// The build's identity (a hash of the sources and the lock file) is compiled in as
// __DANCU_GUARD_BUILD__: the facts cache never reuses an entry across builds.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourcesHash() {
  const files = [];
  const walk = (rel) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) files.push(child);
    }
  };
  walk('src');
  files.push('package-lock.json', 'scripts/build.mjs');
  files.sort();
  const h = createHash('sha256');
  for (const f of files) h.update(`${f}\0${createHash('sha256').update(readFileSync(join(root, f))).digest('hex')}\n`);
  return h.digest('hex');
}

// Stale chunks from an earlier build must not linger next to the new ones.
rmSync(join(root, 'dist'), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/index.ts', worker: 'src/pipeline/worker.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  define: { __DANCU_GUARD_BUILD__: JSON.stringify(sourcesHash()) },
  logLevel: 'warning',
});
