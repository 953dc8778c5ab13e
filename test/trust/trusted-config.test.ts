/**
 * `--trusted-config FILE` (scan, gate, the Action's `trusted-config`): the province's
 * configuration, which the repository's can only tighten. Real trees and the built
 * CLI and Action; the trusted config lives outside the scanned repository.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitIn, runAction, tmp, write } from '../helpers/action.js';
import { BIN, EXAMPLES } from '../helpers/paths.js';
import { exampleFiles, SECRET_YAML, TOOL_ALL, TOOL_ONLY, toolWithDirective, UNLOGGED } from './fixtures.js';

interface Report {
  findings: Array<{ ruleId: string; file: string; line: number }>;
  suppressed: Array<{ ruleId: string; file: string; by: { kind: string; file: string; reason?: string } }>;
  accepting: Array<{ file: string; what: string }>;
  notApplied: Array<{ kind: string; file: string; line: number; what: string; why: string }>;
  policy: { mode: string; trustedConfig?: string };
  summary: { verdict: string; failOn: string };
}

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--no-progress'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], cwd: string): { code: number | null; doc: Report; stderr: string } {
  const r = cli([...args, '--format', 'json'], cwd);
  return { code: r.code, doc: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

/** A contractor's repository that accepts everything it can, and a call the province's endpoint pattern alone reveals. */
function contractorRepo(): string {
  const ws = tmp('contractor');
  write(ws, {
    ...exampleFiles('ts-compliant'),
    'tools/tra-cuu.ts': TOOL_ONLY,
    'tools/bulk.js': TOOL_ALL,
    'tools/desk.ts': toolWithDirective('dancu-guard:ignore lookup-tool -- approved for the help desk'),
    'src/dancu/report.ts': UNLOGGED,
    // Calls the province's own gateway host, which only its endpoint pattern names.
    'src/dvc.ts': "export async function dvc(id: string) {\n  return fetch('https://dvc.tinh-mau.gov.vn/gw/tra-cuu', { method: 'POST', body: id });\n}\n",
    '.dancu-guard.yml': [
      'version: 1',
      'endpoints: ["(?i)dvc\\\\.tinh-mau\\\\.gov\\\\.vn/gw"]',
      'approvedTools: ["**"]',
      'loggers: ["."]',
      'limiters: ["."]',
      'ignore: ["tools/bulk.js"]',
      'failOn: critical',
      'exceptions:',
      '  - rule: lookup-tool',
      '    paths: ["**"]',
      '    reason: approved by the province in writing',
      '    expires: 9999-12-31',
      '',
    ].join('\n'),
    '.dancu-guardignore': 'src/dancu/report.ts\n',
  });
  return ws;
}

function provinceConfig(extra = ''): string {
  const dir = tmp('province');
  write(dir, {
    'tinh-mau.yml': `version: 1
failOn: medium
exceptions:
  - rule: DG-TOOL-001
    paths: ["tools/tra-cuu.ts"]
    reason: help desk tool approved by So TT&TT letter 12/2026
    expires: 2099-12-31
${extra}`,
  });
  return join(dir, 'tinh-mau.yml');
}

describe('scan --trusted-config', () => {
  it('applies the repository only where it tightens, and lists every value it did not apply', () => {
    const ws = contractorRepo();
    const trusted = provinceConfig();

    // Without it, the repository's configuration hides everything but the endpoint it adds.
    const own = json(['scan', '.'], ws);
    expect(own.code).toBe(0);
    expect(own.doc.policy.mode).toBe('repository');

    const r = json(['scan', '.', '--trusted-config', trusted], ws);
    expect(r.code, r.stderr).toBe(1);
    expect(r.doc.policy).toMatchObject({ mode: 'trusted', trustedConfig: trusted });
    const found = r.doc.findings.map((f) => `${f.ruleId} ${f.file}`);
    // accepted by the repository, not applied now
    expect(found).toContain('DG-TOOL-001 tools/bulk.js'); // its ignore
    expect(found).toContain('DG-TOOL-001 tools/desk.ts'); // its inline directive
    expect(found).toContain('DG-LOG-001 src/dancu/report.ts'); // its .dancu-guardignore and loggers
    expect(found).toContain('DG-QUOTA-001 tools/bulk.js'); // its limiters
    // tightened by the repository: its endpoint pattern applies
    expect(found).toContain('DG-LOG-001 src/dvc.ts');
    // the province's exception applies, and says where it is written
    expect(found).not.toContain('DG-TOOL-001 tools/tra-cuu.ts');
    expect(r.doc.suppressed).toEqual([
      expect.objectContaining({ ruleId: 'DG-TOOL-001', file: 'tools/tra-cuu.ts', by: expect.objectContaining({ kind: 'exception', file: trusted }) }),
    ]);
    // the strictest failOn: the province's medium over the repository's critical
    expect(r.doc.summary.failOn).toBe('medium');
    expect(r.doc.notApplied.map((n) => `${n.file}:${n.line} ${n.what}`)).toEqual(
      expect.arrayContaining([
        '.dancu-guard.yml:3 approvedTools: **',
        '.dancu-guard.yml:4 loggers: .',
        '.dancu-guard.yml:5 limiters: .',
        '.dancu-guard.yml:6 ignore: tools/bulk.js',
        '.dancu-guard.yml:7 failOn: critical',
        '.dancu-guard.yml:9 exceptions[0]: lookup-tool on ** until 9999-12-31',
        '.dancu-guardignore:1 .dancu-guardignore: src/dancu/report.ts',
        'tools/desk.ts:9 dancu-guard:ignore lookup-tool -- approved for the help desk',
      ]),
    );
    expect(new Set(r.doc.notApplied.map((n) => n.why))).toEqual(new Set(['trusted-config']));

    const text = cli(['scan', '.', '--trusted-config', trusted], ws).stdout;
    expect(text).toContain(`Trusted configuration: ${trusted}.`);
    expect(text).toMatch(/Not applied \(the trusted configuration decides; the repository can only tighten\) \(\d+\):\n {2}\.dancu-guard\.yml:3 {2}approvedTools: \*\*/);
  });

  it('a baseline inside the repository is the repository\'s: not applied; one outside it is', () => {
    const ws = tmp('baseline');
    write(ws, { ...exampleFiles('ts-compliant'), 'tools/tra-cuu.ts': TOOL_ONLY });
    expect(cli(['scan', '.', '--write-baseline', 'baseline.json'], ws).code).toBe(0);
    const trusted = provinceConfig().replace('tinh-mau.yml', 'none.yml');
    write(join(trusted, '..'), { 'none.yml': 'version: 1\n' });
    const inside = json(['scan', '.', '--baseline', 'baseline.json', '--trusted-config', trusted], ws);
    expect(inside.code).toBe(1);
    expect(inside.doc.notApplied.map((n) => `${n.kind} ${n.file}`)).toEqual(['baseline baseline.json']);
    const outsideDir = tmp('province-baseline');
    cpSync(join(ws, 'baseline.json'), join(outsideDir, 'baseline.json'));
    const outside = json(['scan', '.', '--baseline', join(outsideDir, 'baseline.json'), '--trusted-config', trusted], ws);
    expect(outside.code).toBe(0);
    expect(outside.doc.suppressed.map((s) => `${s.ruleId} ${s.by.kind}`)).toEqual(['DG-TOOL-001 baseline']);
  });

  it('warns when the trusted config is a file of the scanned repository; refuses a bad one (exit 2)', () => {
    const ws = tmp('inside');
    write(ws, { ...exampleFiles('ts-compliant'), 'province/tinh-mau.yml': 'version: 1\n', '.province/tinh-mau.yml': 'version: 1\n' });
    const git = gitIn(ws);
    git('init', '-q', '-b', 'main');
    git('add', 'province/tinh-mau.yml');
    const r = cli(['scan', '.', '--trusted-config', 'province/tinh-mau.yml'], ws);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the trusted configuration province/tinh-mau.yml is a file of the scanned repository, which can change it');
    // checked out beside the code by the protected workflow, not tracked: no warning
    expect(cli(['scan', '.', '--trusted-config', '.province/tinh-mau.yml'], ws).stderr).toBe('');
    write(ws, { 'province/bad.yml': 'exceptions: 3\n' });
    const bad = cli(['scan', '.', '--trusted-config', 'province/bad.yml'], ws);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('province/bad.yml');
    const missing = cli(['scan', '.', '--trusted-config', 'nowhere.yml'], ws);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read trusted config nowhere.yml: ENOENT');
  });

  it('--history: the repository\'s .dancu-guardignore and inline directives do not apply', () => {
    const ws = tmp('history');
    const git = gitIn(ws);
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.invalid');
    git('config', 'user.name', 'CI');
    write(ws, { 'k8s/secret.yaml': SECRET_YAML, '.dancu-guardignore': 'k8s/\n' });
    git('add', '-A');
    git('commit', '-qm', 'secret');
    const trusted = provinceConfig();
    expect(json(['scan', '.', '--history'], ws).doc.findings).toEqual([]);
    const r = json(['scan', '.', '--history', '--trusted-config', trusted], ws);
    expect(r.code).toBe(1);
    expect(r.doc.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['DG-CRED-003 k8s/secret.yaml']);
    expect(r.doc.notApplied.map((n) => n.what)).toContain('.dancu-guardignore: k8s/');
  });
});

describe('gate --trusted-config', () => {
  it('the repository\'s exception does not accept a scan finding; the gate blocks and says what it did not apply', () => {
    const ws = tmp('gate');
    cpSync(join(EXAMPLES, 'gate-approved'), ws, { recursive: true });
    write(ws, {
      'src/dancu/report.ts': UNLOGGED,
      '.dancu-guard.yml': `${readFileSync(join(EXAMPLES, 'gate-approved', '.dancu-guard.yml'), 'utf8')}exceptions:\n  - rule: logging\n    paths: ["**"]\n    reason: audit log written by the gateway
    expires: 9999-12-31\n`,
    });
    const pub = join(EXAMPLES, 'province-example.pub');
    const args = ['gate', '.', '--deploy-date', '2026-12-01', '--trust-key', pub];
    const own = json(args, ws);
    expect(own.doc.findings.filter((f) => f.ruleId === 'DG-LOG-001')).toEqual([]);
    const trusted = provinceConfig('approvedModules: ["src/dancu/**"]\n');
    const r = json([...args, '--trusted-config', trusted], ws);
    expect(r.code, r.stderr).toBe(1);
    expect(r.doc.findings.map((f) => `${f.ruleId} ${f.file}`)).toContain('DG-LOG-001 src/dancu/report.ts');
    expect(r.doc.notApplied.map((n) => n.what)).toEqual(['exceptions[0]: logging on ** until 9999-12-31']);
    const text = cli([...args, '--trusted-config', trusted], ws).stdout;
    expect(text).toContain('Verdict: BLOCKED');
    expect(text).toContain('exceptions[0]: logging on ** until 9999-12-31');
  });
});

describe('the Action input trusted-config', () => {
  it('mode merge and mode deploy: a trusted config outside the workspace decides; the summary lists what was not applied', async () => {
    const ws = contractorRepo();
    const trusted = provinceConfig();
    const merge = await runAction({ workspace: ws, event: 'push', inputs: { 'trusted-config': trusted } });
    expect(merge.code, merge.stdout).toBe(1);
    expect(merge.stdout).toMatch(/^::error file=tools\/bulk\.js,line=14,.*title=DG-TOOL-001 /m);
    expect(merge.summary).toContain(`Trusted configuration: ${trusted}.`);
    expect(merge.summary).toContain('**Repository values not applied (');
    expect(merge.summary).toContain('| .dancu-guard.yml:3 | approvedTools: \\*\\* | the trusted configuration decides; the repository can only tighten |');
    expect(merge.stdout).toMatch(/^dancu-guard: trusted configuration .*: \d+ repository value\(s\) not applied$/m);

    const gate = tmp('gate-action');
    cpSync(join(EXAMPLES, 'gate-approved'), gate, { recursive: true });
    cpSync(join(EXAMPLES, 'province-example.pub'), join(gate, 'province.pub'));
    write(gate, { 'ops/dev.env': 'C06_SECRET_KEY=Tq9ZvLm7Xw2Pz8Kd4Rb6\n' });
    expect(cli(['scan', '.', '--write-baseline', 'baseline.json'], gate).code).toBe(0);
    const inputs = { mode: 'deploy', 'deploy-date': '2026-12-01', 'trust-key': 'province.pub', baseline: 'baseline.json' };
    // The repository's baseline accepts its credential…
    const own = await runAction({ workspace: gate, event: 'push', inputs });
    expect(own.code, own.stdout).toBe(0);
    // …not with a trusted config: the baseline is the repository's.
    const missing = await runAction({ workspace: gate, event: 'push', inputs: { ...inputs, 'trusted-config': join(trusted, '..', 'strict.yml') } });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('input trusted-config: ');
    write(join(trusted, '..'), { 'strict.yml': 'version: 1\n' });
    const strict = await runAction({ workspace: gate, event: 'push', inputs: { ...inputs, 'trusted-config': join(trusted, '..', 'strict.yml') } });
    expect(strict.code, strict.stdout).toBe(1);
    expect(strict.stdout).toMatch(/^::error file=ops\/dev\.env,line=1,.*title=DG-CRED-002 /m);
    expect(strict.summary).toMatch(/\| baseline\.json:1 \| DG-CRED-002 ops\/dev\.env:1 \(fingerprint [0-9a-f]{12}\) \| the trusted configuration decides/);
  });
});
