// Bundle the CLI to dist/cli.js so the bin runs with plain `node` (dependencies stay
// in node_modules; the GitHub Action has its own single-file bundle).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
