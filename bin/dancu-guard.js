#!/usr/bin/env node
// The CLI is committed prebuilt in dist/cli.js (`npm run build:cli` rebuilds it from src/),
// so an install from the npm tarball or from git needs no build step.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('dancu-guard: dist/cli.js is missing; run `npm run build:cli` first\n');
  process.exit(2);
}
await import(entry.href);
