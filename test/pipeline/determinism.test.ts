/**
 * The streaming pipeline reports the same findings, in the same order, however the work
 * is cut and spread: chunks of any size, one worker or two, a cold cache or a warm one.
 * The CLI runs (the built `dist/`, with worker threads) are compared byte for byte on
 * the JSON report, the duration aside.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/pipeline/scan.js';
import { BIN, EXAMPLES } from '../helpers/paths.js';

const examples = readdirSync(EXAMPLES).filter((n) => statSync(join(EXAMPLES, n)).isDirectory()).sort();
const caches: string[] = [];
afterAll(() => {
  for (const c of caches) rmSync(c, { recursive: true, force: true });
});

function cacheDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'dg-cache-'));
  caches.push(d);
  return d;
}

/** The JSON report without what legitimately differs between runs. */
function report(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, 'scan', ...args, '--format', 'json', '--fail-on', 'none', '--no-progress'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout) as { summary: { durationMs?: number } };
  delete doc.summary.durationMs;
  return JSON.stringify(doc, null, 1);
}

function findings(r: ScanResult) {
  return { findings: r.findings, suppressed: r.suppressed, summary: { ...r.summary, durationMs: 0 } };
}

describe('the same findings in the same order', () => {
  // All the examples in one tree: every language, the gate examples, config files.
  it('examples/: --jobs 1, --jobs 2, cold and warm cache, byte for byte', () => {
    const cache = cacheDir();
    const one = report([EXAMPLES, '--jobs', '1', '--no-cache']);
    expect(JSON.parse(one).findings.length).toBeGreaterThan(50);
    expect(report([EXAMPLES, '--jobs', '2', '--no-cache']), 'jobs 2').toBe(one);
    expect(report([EXAMPLES, '--jobs', '2', '--cache-dir', cache]), 'cold cache').toBe(one);
    expect(report([EXAMPLES, '--jobs', '1', '--cache-dir', cache]), 'warm cache').toBe(one);
  });

  it.each(examples)('%s: chunks of one file report what one chunk does', async (name) => {
    const path = join(EXAMPLES, name);
    const whole = await scan({ path, failOn: 'none', chunkFiles: 100_000 });
    const single = await scan({ path, failOn: 'none', chunkFiles: 1 });
    expect(findings(single)).toEqual(findings(whole));
    expect(single.profile.chunks).toBe(single.profile.files);
    expect(whole.profile.chunks).toBeLessThanOrEqual(1);
    // Every fact is kept by default (the gate's questions), the same either way.
    expect(single.facts.callSites.length).toBe(whole.facts.callSites.length);
    expect(single.facts.credentials.length).toBe(whole.facts.credentials.length);
  });

  it('a warm cache serves every file and leaves no temporary file behind', async () => {
    const path = join(EXAMPLES, 'java-violating');
    const cache = cacheDir();
    const cold = await scan({ path, failOn: 'none', cacheDir: cache });
    const warm = await scan({ path, failOn: 'none', cacheDir: cache });
    expect(findings(warm)).toEqual(findings(cold));
    expect(cold.profile.cache?.hits).toBe(0);
    expect(warm.profile.cache?.hits).toBe(warm.profile.files);
    expect(warm.profile.collected).toBe(0);
    const leftovers: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.tmp')) leftovers.push(e.name);
      }
    };
    walk(cache);
    expect(leftovers).toEqual([]);
  });
});
