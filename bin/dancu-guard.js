#!/usr/bin/env node
// The CLI is bundled to dist/ by `npm run build` (run automatically by `npm ci`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('dancu-guard: dist/cli.js is missing; run `npm run build` (or `npm ci`) first\n');
  process.exit(2);
}
await import(entry.href);
