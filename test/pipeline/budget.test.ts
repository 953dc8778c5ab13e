/**
 * The per-file budget and hard limit: a slow file is reported (which file, how long);
 * past the limit its analysis is stopped, the plain-text checks still run on it, and a
 * blocking finding (DG-CFG-004) says it was not fully analysed — never a silent pass.
 * The limit needs worker threads (a stuck analysis is stopped by stopping its worker),
 * so it is tested through the built CLI. Synthetic data.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FileClock, budgetWarnings, emptyProfile, formatProfile } from '../../src/pipeline/profile.js';
import { scan } from '../../src/pipeline/scan.js';
import { BIN } from '../helpers/paths.js';
import { tempTrees } from '../helpers/tree.js';

const { tree } = tempTrees('dg-budget-');

/** A TypeScript file whose analysis takes seconds: thousands of calls in one function. */
function slowTs(calls: number): string {
  const lines = ['export async function run(ids: string[]) {'];
  for (let i = 0; i < calls; i++) lines.push(`  await fetch('https://weather.example.invalid/x${i}' + ids[${i}], { method: 'POST' });`);
  lines.push('}');
  // A known-format secret the plain-text checks find even when the analysis is stopped (synthetic).
  lines.push("// -----BEGIN OPENSSH PRIVATE KEY-----\n// b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACDZ\n// -----END OPENSSH PRIVATE KEY-----");
  return lines.join('\n') + '\n';
}

describe('the hard limit (CLI, worker threads)', () => {
  it('stops a file past --file-timeout: plain-text checks, a blocking DG-CFG-004, the rest of its chunk as usual', () => {
    const root = tree({
      'src/slow.ts': slowTs(12_000),
      'src/app.ts': "export const settings = { password: 'Fak3Pa55word!2026xQ' };\n",
    });
    const r = spawnSync(process.execPath, [BIN, 'scan', root, '--format', 'json', '--no-progress', '--no-cache', '--file-timeout', '0.5'], { encoding: 'utf8' });
    const doc = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; file: string; severity: string }> };
    const got = doc.findings.map((f) => `${f.ruleId} ${f.file} ${f.severity}`);
    expect(got).toContain('DG-CFG-004 src/slow.ts high');
    // The plain-text checks still ran on the stopped file, and the other file was analysed.
    expect(doc.findings.some((f) => f.file === 'src/slow.ts' && f.ruleId.startsWith('DG-CRED'))).toBe(true);
    expect(doc.findings.some((f) => f.file === 'src/app.ts' && f.ruleId.startsWith('DG-CRED'))).toBe(true);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/src\/slow\.ts: analysis stopped at the 500 ms limit; only the plain-text checks ran/);
  });
});

describe('the budget', () => {
  it('reports files over the budget, slowest first, and keeps analysing them', async () => {
    const root = tree({ 'src/slow.ts': slowTs(900), 'src/a.ts': 'export const a = 1;\n' });
    const r = await scan({ path: root, failOn: 'none', fileBudgetMs: 1 });
    expect(r.profile.overBudget.map((t) => t.path)).toContain('src/slow.ts');
    expect(r.profile.overBudget[0]!.path).toBe('src/slow.ts');
    expect(r.profile.stopped).toEqual([]);
    expect(r.findings.some((f) => f.ruleId === 'DG-CFG-004')).toBe(false);
    expect(budgetWarnings(r.profile).some((w) => w.startsWith('src/slow.ts took '))).toBe(true);
    expect(formatProfile(r.profile)).toMatch(/slowest files:\n\s+[\d.]+ m?s {2}src\/slow\.ts/);
  });

  it('FileClock gives each file the time until the next one starts, per collector', () => {
    const clock = new FileClock(0);
    const started: string[] = [];
    const watch = new FileClock(0, { start: (p) => started.push(p), clear: () => started.push('-') });
    for (const c of [clock, watch]) {
      c.start('a');
      const until = performance.now() + 5;
      while (performance.now() < until) {
        // busy
      }
      c.start('b');
      c.endCollector('x');
    }
    const t = clock.timings();
    expect(t.map((x) => x.path)).toEqual(['a', 'b']);
    expect(t[0]!.ms).toBeGreaterThanOrEqual(5);
    expect(Object.keys(clock.collectors)).toEqual(['x']);
    expect(started).toEqual(['a', 'b', '-']);
  });

  it('warnings escape control characters in paths (a path is the repository\'s)', () => {
    const p = emptyProfile(1, 10);
    p.overBudget.push({ path: 'src/\u001b[31mred.ts', ms: 5 });
    p.stopped.push({ path: 'src/\nx.ts', fallback: 'none', reason: 'time' });
    p.stopped.push({ path: 'src/big\u0007.ts', fallback: 'text', reason: 'memory' });
    const w = budgetWarnings(p).join('\n');
    expect(w).not.toMatch(/\u001b/);
    expect(w).toContain('src/\\u001b[31mred.ts');
    expect(w).toContain('src/\\nx.ts: analysis and the plain-text checks stopped');
    expect(w).toContain('src/big\\u0007.ts: analysis ran out of memory (worker limit 512 MiB, --worker-memory)');
  });
});
