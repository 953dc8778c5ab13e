import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSuppressions } from '../../src/collect/suppressions.js';
import { readBaseline, writeBaseline } from '../../src/findings/baseline.js';
import { scan } from '../../src/pipeline/scan.js';
import { UsageError } from '../../src/util/errors.js';

// Synthetic, fake values only.
const SECRET = 'Sup3rS3cretValue!9x';

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dg-suppress-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const rules = (r: { findings: Array<{ ruleId: string; file: string; line: number }> }) =>
  r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);

describe('inline suppressions', () => {
  it('parses directives in any comment syntax', () => {
    const text = [
      `const a = 1; // dancu-guard:ignore DG-CRED-001 -- synthetic fixture`,
      `# dancu-guard:ignore credentials, DG-TLS-002 -- dev only`,
      `<!-- dancu-guard:ignore DG-CRED-004 -- documentation sample -->`,
      `/* dancu-guard:ignore logging */`,
      `// dancu-guard:ignore -- forgot the rule`,
      `const dancu_guard_ignore_not_a_directive = 2;`,
      `const n = "dancu-guard:ignore credentials -- inside a string, not a comment";`,
      `  * dancu-guard:ignore DG-TLS-001 -- block comment continuation line`,
    ].join('\n');
    expect(parseSuppressions('a.ts', text)).toEqual([
      { file: 'a.ts', line: 1, targets: ['DG-CRED-001'], reason: 'synthetic fixture' },
      { file: 'a.ts', line: 2, targets: ['credentials', 'DG-TLS-002'], reason: 'dev only' },
      { file: 'a.ts', line: 3, targets: ['DG-CRED-004'], reason: 'documentation sample' },
      { file: 'a.ts', line: 4, targets: ['logging'] },
      { file: 'a.ts', line: 5, targets: [], reason: 'forgot the rule' },
      { file: 'a.ts', line: 8, targets: ['DG-TLS-001'], reason: 'block comment continuation line' },
    ]);
  });

  it('suppresses on the same line or the line above, in TS, YAML and .env; a directive without reason is a finding', async () => {
    const root = repo({
      'src/a.ts': [
        `// dancu-guard:ignore DG-CRED-001 -- synthetic value used by the offline demo`,
        `export const C06_secretKey = '${SECRET}';`,
        `export const C06_apiKey = '${SECRET}'; // dancu-guard:ignore credentials`,
      ].join('\n'),
      'k8s/dep.yaml': [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: { name: p }',
        'spec:',
        '  containers:',
        '    - name: c',
        '      image: x',
        '      env:',
        '        - name: C06_SECRET_KEY',
        `          value: "${SECRET}" # dancu-guard:ignore DG-CRED-003 -- throwaway dev cluster`,
      ].join('\n'),
      '.env': `# dancu-guard:ignore DG-CRED-002 -- local only\nC06_PASSWORD=${SECRET}\n`,
    });
    const r = await scan({ path: root, failOn: 'high' });
    // Line 3's directive has no reason: it suppresses nothing and is reported.
    expect(rules(r)).toEqual(['DG-CFG-002 src/a.ts:3', 'DG-CRED-001 src/a.ts:3']);
    expect(r.suppressed.map((s) => `${s.finding.ruleId} ${s.finding.file}:${s.finding.line} by ${s.by.kind}`)).toEqual([
      'DG-CRED-002 .env:2 by inline',
      'DG-CRED-003 k8s/dep.yaml:10 by inline',
      'DG-CRED-001 src/a.ts:2 by inline',
    ]);
    expect(r.summary.suppressed).toBe(3);
  });
});

describe('config exceptions', () => {
  const files = {
    '.dancu-guard.yml': [
      'version: 1',
      'exceptions:',
      '  - rule: DG-CRED-003',
      '    paths: ["k8s/dev/**"]',
      '    reason: dev cluster with throwaway accounts',
      '    expires: 2026-12-31',
      '  - rule: credentials',
      '    paths: ["legacy/**"]',
      '    reason: legacy code being retired',
      '    expires: 2026-01-31',
    ].join('\n'),
    'k8s/dev/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: { name: s }\nstringData:\n  C06_PASSWORD: "${SECRET}"\n`,
    'legacy/old.ts': `export const C06_secretKey = '${SECRET}';\n`,
  };

  it('an unexpired exception suppresses; an expired one stops suppressing and is reported', async () => {
    const r = await scan({ path: repo(files), failOn: 'high', today: '2026-11-22' });
    expect(rules(r)).toEqual(['DG-CFG-003 .dancu-guard.yml:7', 'DG-CRED-001 legacy/old.ts:1']);
    expect(r.suppressed.map((s) => `${s.finding.ruleId} ${s.finding.file} by ${s.by.kind} ${s.by.file}:${s.by.line}`)).toEqual([
      'DG-CRED-003 k8s/dev/secret.yaml by exception .dancu-guard.yml:3',
    ]);
    // An exception applies through its expiry day.
    const before = await scan({ path: repo(files), failOn: 'high', today: '2026-01-31' });
    expect(rules(before)).toEqual([]);
  });

  it('an exception with an impossible date exits 2 naming the line', async () => {
    const root = repo({ '.dancu-guard.yml': 'exceptions:\n  - rule: DG-CRED-001\n    paths: ["a/**"]\n    reason: because\n    expires: 2026-02-30\n' });
    await expect(scan({ path: root })).rejects.toThrow(/\.dancu-guard\.yml:5: exceptions\[0\]\.expires "2026-02-30" is not a real date/);
    const bad = repo({ '.dancu-guard.yml': 'exceptions:\n  - rule: DG-CRED-001\n    paths: ["a/**"]\n    reason: because\n    expires: 31/12/2026\n' });
    await expect(scan({ path: bad })).rejects.toThrow(/:5: "exceptions.0.expires" must be a date YYYY-MM-DD \(got "31\/12\/2026"\)/);
  });
});

describe('baselines', () => {
  it('records findings, reports only new ones, survives lines moving, lists stale entries', async () => {
    const root = repo({
      'src/a.ts': `export const C06_secretKey = '${SECRET}';\nexport const C06_apiKey = 'Fak3ApiKeyValue0000';\n`,
    });
    const first = await scan({ path: root });
    expect(rules(first)).toEqual(['DG-CRED-001 src/a.ts:1', 'DG-CRED-001 src/a.ts:2']);
    const file = join(root, 'baseline.json');
    writeBaseline(file, first.unsuppressed);
    const written = readFileSync(file, 'utf8');
    expect(written).not.toContain(SECRET);
    expect(readBaseline(file).findings).toHaveLength(2);

    // Code moves down three lines, one secret is fixed, a new one appears.
    writeFileSync(
      join(root, 'src/a.ts'),
      `// header\n// more\n\nexport const C06_secretKey = '${SECRET}';\nexport const lgspaccesstoken = 'N3wTok3nValue1234';\n`,
    );
    const second = await scan({ path: root, baseline: file });
    expect(rules(second)).toEqual(['DG-CRED-001 src/a.ts:5']);
    expect(second.summary.baseline?.known).toBe(1);
    expect(second.summary.baseline?.stale.map((e) => `${e.ruleId} ${e.file}:${e.line}`)).toEqual(['DG-CRED-001 src/a.ts:2']);
  });

  it('refuses a file that is not a baseline, and writes nothing', async () => {
    const root = repo({ 'src/a.ts': `export const C06_secretKey = '${SECRET}';\n`, 'other.json': '{"version": 2, "items": []}' });
    await expect(scan({ path: root, baseline: join(root, 'other.json') })).rejects.toBeInstanceOf(UsageError);
    await expect(scan({ path: root, baseline: join(root, 'other.json') })).rejects.toThrow(/is not a dancu-guard baseline/);
    await expect(scan({ path: root, baseline: join(root, 'missing.json') })).rejects.toThrow(/cannot read baseline/);
  });
});
