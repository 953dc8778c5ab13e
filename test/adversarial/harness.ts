/**
 * What the adversarial suite shares: hostile trees in temporary directories, the
 * pipeline run in process, and the promise checks (no pass on a violation, no secret in
 * clear). Time is never asserted here: `npm run bench -- --hostile` prints each case's
 * time against its budget.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { scan, type ScanResult } from '../../src/pipeline/scan.js';
import { BIN } from '../helpers/paths.js';
import { CASES, writeTree, type HostileCase } from './hostile.mjs';

export { CASES, type HostileCase };

/** Temporary roots, removed after the file's tests. */
export function hostileTrees(): (files: Record<string, string | Buffer>) => string {
  const roots: string[] = [];
  afterAll(() => {
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });
  return (files) => {
    const root = mkdtempSync(join(tmpdir(), 'dg-hostile-'));
    roots.push(root);
    return writeTree(root, files);
  };
}

export function hostileCase(id: string): HostileCase {
  const c = CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no hostile case ${id}`);
  return c;
}

/** The scan at the default threshold (`--fail-on high`). */
export function scanDefault(root: string): Promise<ScanResult> {
  return scan({ path: root, failOn: 'high', today: '2026-11-22' });
}

/** The promise for a violation: the verdict is fail and every named rule is among the findings. */
export function expectBlocked(r: { findings: Array<{ ruleId: string }>; summary: { verdict: string } }, rules: readonly string[] = []): void {
  const found = new Set(r.findings.map((f) => f.ruleId));
  expect(r.summary.verdict, `findings: ${[...found].join(', ')}`).toBe('fail');
  for (const rule of rules) expect([...found], `${rule} expected`).toContain(rule);
}

/** The built CLI, as users run it. */
export function cli(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every 6-character window of `secret`: none may appear in an output. */
export function expectNoClear(output: string, secret: string, n = 6): void {
  for (let i = 0; i + n <= secret.length; i++) {
    const part = secret.slice(i, i + n);
    expect(output.includes(part), `output shows ${JSON.stringify(part)} of the secret`).toBe(false);
  }
}

/** A minimal valid `dancu-integration.yml` with one notice for `fingerprint` (`extra`: lines appended to the notice). */
export function declaration(fingerprint: string, extra = '', secretRef = 'k8s Secret dvc/dancu'): string {
  return [
    'version: 1',
    'system: Hệ thống tra cứu (giả lập)',
    'owner: Sở TT&TT (giả lập)',
    'province: Hưng Yên',
    'securityLevel: 3',
    'securityAssessment: { date: 2026-06-01, reference: "45/BC-ATTT" }',
    'accounts:',
    `  - { name: dvc, secretRef: ${JSON.stringify(secretRef)}, dailyQuota: 100 }`,
    '  - { name: dvc2, secretRef: "k8s Secret dvc/dancu-account (keys username, secretKey)", dailyQuota: 100 }',
    'notices:',
    '  - reference: "123/STTTT-CNTT"',
    '    summary: synthetic',
    '    submitted: 2026-10-01',
    '    goLive: 2026-11-30',
    `    fingerprint: "${fingerprint}"`,
    extra,
    '',
  ].join('\n');
}
