import { BIN, EXAMPLES } from '../helpers/paths.js';
/**
 * The pre-deployment gate end to end: the examples (approved, changed since approval,
 * Tết), every gate rule on a modified copy of the approved example, declaration and
 * config errors (exit 2, never a pass), the declaration's approved tools, the config's
 * calendar, and the command's output formats and exit codes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gateCommand, registerGateCommand } from '../../src/cli/commands/gate.js';
import { factsErrors } from '../../src/facts/validate.js';
import { assessmentValidUntil, todayInVietnam } from '../../src/gate/integration.js';
import { runGate, type GateOptions } from '../../src/gate/run.js';
import { UsageError } from '../../src/util/errors.js';

/** The synthetic public key the gate-* examples' approvals are signed with (its private key was discarded). */
const EXAMPLE_KEY = join(EXAMPLES, 'province-example.pub');
const temps: string[] = [];

function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `dg-gate-${name}-`));
  cpSync(join(EXAMPLES, name), dir, { recursive: true });
  temps.push(dir);
  return dir;
}

function edit(dir: string, file: string, fn: (s: string) => string): void {
  const p = join(dir, file);
  const before = readFileSync(p, 'utf8');
  const after = fn(before);
  expect(after, `edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(p, after);
}

async function gate(opts: GateOptions) {
  // Rule tests edit the approval: there the province accepts declared approvals
  // (signed approvals: test/gate/attest.test.ts); with a trust key, the examples' signatures count.
  const r = await runGate(opts.trustKeys ? opts : { allowUnsignedApprovals: true, ...opts });
  return { ...r, rules: r.findings.map((f) => f.ruleId), gateFindings: r.findings.filter((f) => f.ruleId.startsWith('DG-GATE')) };
}

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('examples', () => {
  it('gate-approved passes on its deploy date', async () => {
    const r = await gate({ path: join(EXAMPLES, 'gate-approved'), deployDate: '2026-12-01', trustKeys: [EXAMPLE_KEY] });
    expect(r.findings).toEqual([]);
    expect(r.blocked).toBe(false);
    expect(r.summary.verdict).toBe('pass');
    expect(r.notice).toMatchObject({ reference: '123/STTTT-CNTT', workingDays: 41, earliestGoLive: '2026-10-16' });
    expect(r.gate.limiters).toEqual([
      { file: 'src/dancu/gateway.ts', line: 8, column: 17, library: 'Bottleneck', perDay: 5000, detail: 'reservoir 5000 every 86400000 ms' },
    ]);
    // the facts with the gate still match the facts schema
    expect(factsErrors({ ...r.analysis.scan.facts, gate: r.gate })).toEqual([]);
  });

  it('gate-changed is blocked: the code changed since approval, and the changed file is named', async () => {
    const r = await gate({ path: join(EXAMPLES, 'gate-changed'), deployDate: '2026-12-01', trustKeys: [EXAMPLE_KEY] });
    expect(r.rules).toEqual(['DG-GATE-002']);
    expect(r.blocked).toBe(true);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ file: 'dancu-integration.yml', line: 17, severity: 'high', category: 'change-control' });
    expect(f.message).toContain('Changed since the lock file dancu-integration.lock.json: src/dancu/gateway.ts (modified).');
    expect(f.message).toContain('latest notice 123/STTTT-CNTT declares sha256:6f71e0231a2e');
    expect(r.gate.lock.changed).toEqual([{ path: 'src/dancu/gateway.ts', change: 'modified' }]);
    expect(r.notice).toBeUndefined();
  });

  it('gate-tet is blocked: 10 weekdays, but Tết leaves 5 working days', async () => {
    const r = await gate({ path: join(EXAMPLES, 'gate-tet'), deployDate: '2026-02-24', lang: 'vi', trustKeys: [EXAMPLE_KEY] });
    expect(r.rules).toEqual(['DG-GATE-003']);
    expect(r.notice).toMatchObject({ submitted: '2026-02-09', goLive: '2026-02-24', workingDays: 5, weekdaysOnly: 10, earliestGoLive: '2026-03-03' });
    expect(r.notice!.holidaysSkipped.map((h) => h.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    const f = r.findings[0]!;
    expect(f.message).toContain('chỉ trước ngày dự kiến đưa vào sử dụng 2026-02-24 5 ngày làm việc (10 ngày từ thứ Hai đến thứ Sáu');
    expect(f.message).toContain('2026-02-16 (Tết Nguyên đán)');
    expect(f.message).toContain('Ngày sớm nhất được đưa vào sử dụng: 2026-03-03.');
    expect(f.title).toBe('Thông báo gửi chưa đủ 10 ngày làm việc trước khi đưa vào sử dụng');
  });
});

describe('every gate rule', () => {
  it('DG-GATE-001: no declaration', async () => {
    const dir = copyExample('gate-approved');
    unlinkSync(join(dir, 'dancu-integration.yml'));
    const r = await gate({ path: dir, deployDate: '2026-12-01' });
    expect(r.rules).toEqual(['DG-GATE-001']);
    expect(r.findings[0]).toMatchObject({ file: 'dancu-integration.yml', line: 1, severity: 'high' });
    expect(r.blocked).toBe(true);
  });

  it('DG-GATE-002: no notice at all, and without a lock file', async () => {
    const dir = copyExample('gate-changed');
    unlinkSync(join(dir, 'dancu-integration.lock.json'));
    const r = await gate({ path: dir, deployDate: '2026-12-01' });
    expect(r.rules).toEqual(['DG-GATE-002']);
    expect(r.findings[0]!.message).toContain('The lock file dancu-integration.lock.json is missing');
    edit(dir, 'dancu-integration.yml', (s) => s.replace(/notices:[\s\S]*$/, ''));
    const none = await gate({ path: dir, deployDate: '2026-12-01' });
    expect(none.rules).toEqual(['DG-GATE-002']);
    expect(none.findings[0]!.message).toContain('(no notice is declared)');
  });

  it('DG-GATE-004: deployed before the notified go-live', async () => {
    const r = await gate({ path: join(EXAMPLES, 'gate-approved'), deployDate: '2026-11-27' });
    expect(r.rules).toEqual(['DG-GATE-004']);
    expect(r.findings[0]!.message).toBe('Deployment on 2026-11-27 is before the go-live date 2026-11-30 stated in notice 123/STTTT-CNTT.');
    expect(r.findings[0]!.line).toBe(18);
  });

  it('DG-GATE-005: no written approval', async () => {
    const dir = copyExample('gate-approved');
    edit(dir, 'dancu-integration.yml', (s) => s.replace(/ {4}approved: .*\n/, ''));
    const r = await gate({ path: dir, deployDate: '2026-12-01' });
    expect(r.rules).toEqual(['DG-GATE-005']);
    expect(r.findings[0]!.message).toContain('has no written approval recorded');
  });

  it('DG-GATE-006: approval dated after the deployment', async () => {
    const dir = copyExample('gate-approved');
    edit(dir, 'dancu-integration.yml', (s) => s.replace('date: 2026-10-20', 'date: 2026-12-03'));
    const r = await gate({ path: dir, deployDate: '2026-12-01' });
    expect(r.rules).toEqual(['DG-GATE-006']);
    expect(r.findings[0]!.message).toContain('is dated 2026-12-03, after the deployment date 2026-12-01');
    expect((await gate({ path: dir, deployDate: '2026-12-03' })).rules).toEqual([]);
  });

  it('DG-GATE-007: security level below 3', async () => {
    const dir = copyExample('gate-approved');
    edit(dir, 'dancu-integration.yml', (s) => s.replace('securityLevel: 3', 'securityLevel: 2'));
    const r = await gate({ path: dir, deployDate: '2026-12-01' });
    expect(r.rules).toEqual(['DG-GATE-007']);
    expect(r.findings[0]).toMatchObject({ line: 7, severity: 'high' });
  });

  it('DG-GATE-008: assessment older than 12 months is a medium warning (does not block at --fail-on high)', async () => {
    const r = await gate({ path: join(EXAMPLES, 'gate-approved'), deployDate: '2027-06-02' });
    expect(r.rules).toEqual(['DG-GATE-008']);
    expect(r.findings[0]).toMatchObject({ severity: 'medium', line: 9 });
    expect(r.blocked).toBe(false);
    expect((await gate({ path: join(EXAMPLES, 'gate-approved'), deployDate: '2027-06-02', failOn: 'medium' })).blocked).toBe(true);
    expect((await gate({ path: join(EXAMPLES, 'gate-approved'), deployDate: '2027-06-01' })).rules).toEqual([]);
    expect(assessmentValidUntil('2024-02-29')).toBe('2025-02-28');
  });

  it('DG-GATE-009: a limiter above the account quota (the fingerprint changes too)', async () => {
    const dir = copyExample('gate-approved');
    edit(dir, 'src/dancu/gateway.ts', (s) => s.replace(/const limiter = new Bottleneck\(\{[\s\S]*?\}\);/, 'const limiter = new Bottleneck({ maxConcurrent: 1, minTime: 350 });'));
    const r = await gate({ path: dir, deployDate: '2026-12-01' });
    expect(r.rules.sort()).toEqual(['DG-GATE-002', 'DG-GATE-009']);
    const f = r.gateFindings.find((x) => x.ruleId === 'DG-GATE-009')!;
    expect(f).toMatchObject({ file: 'src/dancu/gateway.ts', line: 8, category: 'quota' });
    expect(f.message).toBe(
      "Rate limiter Bottleneck (minTime 350 ms) allows up to 246858 calls a day, above the registered daily quota of account dvc_tinh_mau (5000): a bulk run can exceed the quota and get the province's account locked.",
    );
    // an account restricted to other paths does not apply
    edit(dir, 'dancu-integration.yml', (s) => s.replace('    dailyQuota: 5000', '    dailyQuota: 5000\n    paths: ["src/bao-cao/**"]'));
    expect((await gate({ path: dir, deployDate: '2026-12-01' })).rules).toEqual(['DG-GATE-002']);
  });

  it('DG-GATE-010: credentials in manifests block, whatever the scan exceptions say', async () => {
    const dir = copyExample('gate-approved');
    writeFileSync(
      join(dir, 'k8s', 'secret.yaml'),
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: dancu-account\n  namespace: dvc\ntype: Opaque\nstringData:\n  username: tinhmau_dvc\n  secretKey: FakeSecretKey!2026xyz\n',
    );
    writeFileSync(
      join(dir, '.dancu-guard.yml'),
      `${readFileSync(join(dir, '.dancu-guard.yml'), 'utf8')}exceptions:\n  - rule: credentials\n    paths: ["k8s/**"]\n    reason: accepted by the contractor\n    expires: 2099-01-01\n`,
    );
    const r = await gate({ path: dir, deployDate: '2026-12-01' });
    // the scan's DG-CRED-003 is suppressed by the exception, the gate's rule is not
    expect(r.rules).toEqual(['DG-GATE-010']);
    expect(r.findings[0]).toMatchObject({ file: 'k8s/secret.yaml', line: 9, severity: 'critical', category: 'credentials' });
    expect(r.findings[0]!.message).toContain('k8s/secret.yaml holds 1 credential(s) that anyone who can read the manifests, contractors included, can use: secretKey (line 9).');
    expect(JSON.stringify(r.findings)).not.toContain('FakeSecretKey!2026xyz');
    expect(r.summary.suppressed).toBe(1);
  });
});

describe('declaration, config and dates', () => {
  it('an invalid declaration is an error (exit 2), never a pass', async () => {
    const dir = copyExample('gate-approved');
    edit(dir, 'dancu-integration.yml', (s) => s.replace('goLive: 2026-11-30', 'goLive: 2026-11-31'));
    await expect(runGate({ path: dir, deployDate: '2026-12-01' })).rejects.toThrow(
      /dancu-integration.yml:22: "notices.0.goLive" is not a real calendar date: "2026-11-31"/,
    );
    await expect(runGate({ path: dir, deployDate: '2026-12-01' })).rejects.toBeInstanceOf(UsageError);
  });

  it('a bad --deploy-date is an error; the default is today in Vietnam', async () => {
    await expect(runGate({ path: join(EXAMPLES, 'gate-approved'), deployDate: '2026-02-30' })).rejects.toThrow(
      '--deploy-date "2026-02-30" is not a real date (YYYY-MM-DD)',
    );
    expect(todayInVietnam(new Date('2026-02-16T18:30:00Z'))).toBe('2026-02-17');
    expect(todayInVietnam(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16');
    await expect(runGate({ path: join(EXAMPLES, 'nope') })).rejects.toThrow(/path not found/);
  });

  it('--declaration may name a file elsewhere', async () => {
    const dir = copyExample('gate-approved');
    const elsewhere = mkdtempSync(join(tmpdir(), 'dg-decl-'));
    temps.push(elsewhere);
    const file = join(elsewhere, 'tich-hop.yml');
    writeFileSync(file, readFileSync(join(dir, 'dancu-integration.yml'), 'utf8').replace('securityLevel: 3', 'securityLevel: 2'));
    unlinkSync(join(dir, 'dancu-integration.yml'));
    const r = await gate({ path: dir, deployDate: '2026-12-01', declarationPath: file });
    expect(r.rules).toEqual(['DG-GATE-007']);
    expect(r.findings[0]!.file).toBe('tich-hop.yml');
  });

  it("the declaration's approved tools are merged into the scan's", async () => {
    const dir = copyExample('gate-approved');
    writeFileSync(
      join(dir, 'src', 'dancu', 'bao-cao.ts'),
      "#!/usr/bin/env node\nimport { traCuuCongDan } from './gateway';\nawait fetch('https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan', { method: 'POST' });\nconsole.log(traCuuCongDan);\n",
    );
    const before = await gate({ path: dir, deployDate: '2026-12-01' });
    expect(before.rules).toContain('DG-TOOL-001');
    edit(dir, 'dancu-integration.yml', (s) => s.replace('notices:', 'approvedTools:\n  - { path: "src/dancu/bao-cao.ts", approval: "77/TCT-DA06" }\nnotices:'));
    const after = await gate({ path: dir, deployDate: '2026-12-01' });
    expect(after.rules).not.toContain('DG-TOOL-001');
    expect(after.analysis.settings.approvedTools).toEqual(['src/dancu/bao-cao.ts']);
  });

  it('the config calendar adds local days off (and rejects impossible ones with file, key and line)', async () => {
    const dir = copyExample('gate-approved');
    // 2026-10-01 → go-live 2026-10-16 is exactly 10 working days; one local day off breaks it
    edit(dir, 'dancu-integration.yml', (s) => s.replace('goLive: 2026-11-30', 'goLive: 2026-10-16').replace('date: 2026-10-20', 'date: 2026-10-02'));
    expect((await gate({ path: dir, deployDate: '2026-10-16' })).rules).toEqual([]);
    writeFileSync(join(dir, '.dancu-guard.yml'), `${readFileSync(join(dir, '.dancu-guard.yml'), 'utf8')}calendar:\n  off: [2026-10-05]\n`);
    const r = await gate({ path: dir, deployDate: '2026-10-16' });
    expect(r.rules).toEqual(['DG-GATE-003']);
    expect(r.findings[0]!.message).toContain('Ngày nghỉ bổ sung (cấu hình)');
    writeFileSync(join(dir, '.dancu-guard.yml'), 'version: 1\ncalendar:\n  off:\n    - 2026-10-05\n    - 2026-02-30\n');
    await expect(runGate({ path: dir, deployDate: '2026-10-16' })).rejects.toThrow('.dancu-guard.yml:5: calendar.off[1] "2026-02-30" is not a real calendar date');
    writeFileSync(join(dir, '.dancu-guard.yml'), 'version: 1\ncalendar:\n  holidays: []\n');
    await expect(runGate({ path: dir, deployDate: '2026-10-16' })).rejects.toThrow(/unknown key "calendar.holidays"/);
  });

  it('scan findings block the gate too', async () => {
    const r = await gate({ path: join(EXAMPLES, 'ts-violating'), deployDate: '2026-12-01' });
    expect(r.rules).toContain('DG-GATE-001');
    expect(r.rules).toContain('DG-CRED-001');
    expect(r.gateFindings.filter((f) => f.ruleId === 'DG-GATE-010').map((f) => `${f.file}:${f.line}`)).toEqual(['k8s/deployment.yaml:23', 'k8s/secret.yaml:9']);
    expect(r.blocked).toBe(true);
  });
});

describe('dancu-guard gate (command)', () => {
  let out: string;
  let err: string;
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  const base = { format: 'text', failOn: 'high' as const, lang: 'en' as const, progress: false, color: false, trustKey: [EXAMPLE_KEY] };

  it('exit 0 and a header when allowed, 1 when blocked', async () => {
    expect(await gateCommand(join(EXAMPLES, 'gate-approved'), { ...base, deployDate: '2026-12-01' })).toBe(0);
    expect(out).toContain('Pre-deployment gate — deploy date 2026-12-01');
    expect(out).toContain('Verdict: ALLOWED');
    expect(out).toContain('Notice: 123/STTTT-CNTT, submitted 2026-10-01, approved 456/TCT-DA06 on 2026-10-20, go-live 2026-11-30');
    out = '';
    expect(await gateCommand(join(EXAMPLES, 'gate-tet'), { ...base, deployDate: '2026-02-24', lang: 'vi' })).toBe(1);
    expect(out).toContain('Kết luận: CHẶN TRIỂN KHAI — 1 phát hiện chặn, từ mức cao trở lên');
    expect(out.match(/^Kết luận:/gm)).toHaveLength(1); // one verdict line
  });

  it('--format json carries a gate object; --output writes a file', async () => {
    expect(await gateCommand(join(EXAMPLES, 'gate-changed'), { ...base, deployDate: '2026-12-01', format: 'json' })).toBe(1);
    const doc = JSON.parse(out) as { version: number; findings: Array<{ ruleId: string }>; gate: Record<string, unknown> };
    expect(doc.version).toBe(1);
    expect(doc.findings.map((f) => f.ruleId)).toEqual(['DG-GATE-002']);
    expect(doc.gate).toMatchObject({ deployDate: '2026-12-01', blocked: true, declaration: 'dancu-integration.yml', notice: null, changed: [{ path: 'src/dancu/gateway.ts', change: 'modified' }] });
    const file = join(mkdtempSync(join(tmpdir(), 'dg-out-')), 'gate.sarif');
    temps.push(file);
    expect(await gateCommand(join(EXAMPLES, 'gate-changed'), { ...base, deployDate: '2026-12-01', format: 'sarif', output: file })).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).runs[0].results[0].ruleId).toBe('DG-GATE-002');
    expect(err).toContain('gate BLOCKED for 2026-12-01');
  });

  it('registers on a commander program with its options', async () => {
    const program = new Command().exitOverride();
    registerGateCommand(program);
    const cmd = program.commands.find((c) => c.name() === 'gate')!;
    expect(cmd.options.map((o) => o.long)).toEqual(
      expect.arrayContaining(['--deploy-date', '--format', '--output', '--fail-on', '--config', '--declaration', '--lang']),
    );
    await program.parseAsync(['node', 'dancu-guard', 'gate', join(EXAMPLES, 'gate-approved'), '--deploy-date', '2026-12-01', '--format', 'markdown', '--no-progress', '--trust-key', EXAMPLE_KEY]);
    expect(process.exitCode).toBe(0);
    expect(out).toContain('## Pre-deployment gate — deploy date 2026-12-01');
    // One verdict: the report's own line, in the gate's words.
    expect(out).toContain('**ALLOWED** — ');
    expect(out).not.toMatch(/Verdict:|\*\*PASS\*\*/);
    process.exitCode = 0;
  });
});

// Runs once src/cli/program.ts registers the gate command (see docs/gate.md).
const cliHasGate = /^\s+gate\b/m.test(spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout);
describe.runIf(cliHasGate)('built CLI', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('exit codes: 0 allowed, 1 blocked, 2 invalid declaration', () => {
    expect(cli(['gate', join(EXAMPLES, 'gate-approved'), '--deploy-date', '2026-12-01', '--trust-key', EXAMPLE_KEY]).status).toBe(0);
    expect(cli(['gate', join(EXAMPLES, 'gate-tet'), '--deploy-date', '2026-02-24']).status).toBe(1);
    const dir = copyExample('gate-approved');
    edit(dir, 'dancu-integration.yml', (s) => s.replace(/fingerprint: ".*"/, 'fingerprint: "sha256:abc"'));
    const r = cli(['gate', dir, '--deploy-date', '2026-12-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"notices.0.fingerprint" must be "sha256:" followed by 64 lowercase hex digits');
  });
});

describe('credentials in deployment manifests', () => {
  it('block the deployment even with --fail-on none (as the Action deploy mode does)', async () => {
    const r = await runGate({ path: join(EXAMPLES, 'ts-violating'), deployDate: '2026-12-01', failOn: 'none' });
    expect(r.findings.some((f) => f.ruleId === 'DG-GATE-010')).toBe(true);
    expect(r.summary.verdict).toBe('fail');
    expect(r.blocked).toBe(true);
  });
});
