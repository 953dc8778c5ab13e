/**
 * `dancu-guard scan` conventions, on the built CLI in real processes: files and stdin as
 * targets, empty targets, the scanner's own reports, filters, --quiet, colours, the
 * language from the locale.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { EXAMPLES } from '../helpers/paths.js';

const VIOLATING = join(EXAMPLES, 'ts-violating');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function tmp(prefix = 'dg-cli-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

type Doc = { findings: Array<{ ruleId: string; file: string; line: number; severity: string; category: string }>; summary: Record<string, any> };
const json = (stdout: string) => JSON.parse(stdout) as Doc;

describe('scan FILE... (the files as a tree of their own, paths as given)', () => {
  it('reports the findings of the named files only, with their paths', () => {
    const r = runCli(['scan', 'src/config.ts', 'k8s/secret.yaml', '--format', 'json'], { cwd: VIOLATING });
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    expect(new Set(doc.findings.map((f) => f.file))).toEqual(new Set(['src/config.ts', 'k8s/secret.yaml']));
    expect(doc.findings.filter((f) => f.file === 'src/config.ts').map((f) => `${f.ruleId}:${f.line}`)).toEqual(['DG-TLS-001:2', 'DG-CRED-001:7']);
    expect(doc.summary.filesScanned).toBe(2);
  });

  it('a file outside the current directory keeps the name it was given', () => {
    const file = join(VIOLATING, 'src', 'config.ts');
    const r = runCli(['scan', file, '--format', 'json'], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect([...new Set(json(r.stdout).findings.map((f) => f.file))]).toEqual([file]);
  });

  it('a missing file, or a directory among files, is a usage error (exit 2)', () => {
    expect(runCli(['scan', 'src/config.ts', 'nope.ts'], { cwd: VIOLATING })).toMatchObject({ code: 2, stderr: expect.stringContaining('path not found: nope.ts') });
    expect(runCli(['scan', 'src/config.ts', 'k8s'], { cwd: VIOLATING })).toMatchObject({ code: 2, stderr: expect.stringContaining('k8s is a directory') });
  });
});

describe('scan - (stdin)', () => {
  const env = (dir: string) => ({ TMPDIR: dir });

  it('scans stdin under --stdin-filename, whose extension decides the language, and leaves nothing behind', () => {
    const privateTmp = tmp('dg-stdin-tmp-');
    const code = "export const C06_secretKey = 'Sup3rS3cretValue!9x';\n";
    const r = runCli(['scan', '-', '--stdin-filename', 'src/app.ts', '--format', 'json'], { input: code, env: env(privateTmp), cwd: tmp() });
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings).toEqual([expect.objectContaining({ ruleId: 'DG-CRED-001', file: 'src/app.ts', line: 1 })]);
    expect(r.stdout).not.toContain('Sup3rS3cretValue');
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  it('a .env name makes it a dotenv file', () => {
    const r = runCli(['scan', '-', '--stdin-filename', '.env', '--format', 'json'], { input: 'C06_API_KEY=kq81mPvT3xYw7dFz\n', cwd: tmp() });
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings[0]).toMatchObject({ ruleId: 'DG-CRED-002', file: '.env' });
  });

  it('refuses a name that climbs out, and --stdin-filename without -', () => {
    expect(runCli(['scan', '-', '--stdin-filename', '../x.ts'], { input: 'x' }).code).toBe(2);
    expect(runCli(['scan', '.', '--stdin-filename', 'x.ts'], { cwd: VIOLATING })).toMatchObject({ code: 2, stderr: expect.stringContaining('--stdin-filename needs -') });
  });
});

describe('an empty target never passes', () => {
  it('an empty directory exits 2 saying so', () => {
    const r = runCli(['scan', tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to scan in .*: the directory has no file; check the path/);
    expect(r.stdout).toBe('');
  });

  it('a directory whose every file is ignored exits 2 naming the ignores', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'app.ts'), 'export const x = 1;\n');
    writeFileSync(join(dir, '.dancu-guard.yml'), 'version: 1\nignore: ["*.ts"]\n');
    const r = runCli(['scan', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('every file is ignored or skipped (1 ignored by configuration)');
  });

  it('a path that matches nothing exits 2', () => {
    expect(runCli(['scan', join(tmp(), 'missing')])).toMatchObject({ code: 2, stderr: expect.stringContaining('path not found') });
  });

  it('in Vietnamese too', () => {
    const r = runCli(['scan', tmp(), '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dancu-guard: lỗi: không có gì để quét trong .*: thư mục không có tệp nào; hãy kiểm tra lại đường dẫn/);
  });
});

describe("the scanner's own reports are never scanned", () => {
  it('scanning twice with --output in the tree gives the same result, with a note', () => {
    const dir = tmp();
    cpSync(VIOLATING, dir, { recursive: true });
    const first = runCli(['scan', dir, '--format', 'json', '--output', join(dir, 'dancu-guard.json')]);
    expect(first.code).toBe(1);
    runCli(['scan', dir, '--format', 'sarif', '--output', join(dir, 'dancu-guard.sarif')]);
    runCli(['scan', dir, '--format', 'html', '--output', join(dir, 'report.html')]);
    const again = runCli(['scan', dir, '--format', 'json']);
    expect(again.code).toBe(1);
    const a = json(again.stdout);
    expect(a.findings.length).toBe(15);
    expect(a.summary.filesScanned).toBe(9);
    expect(again.stderr).toContain('skipped 3 dancu-guard report(s) found in the tree (recognised by content): dancu-guard.json, dancu-guard.sarif, report.html');
  });

  it('a JSON file that merely mentions dancu-guard is scanned', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'appsettings.json'), JSON.stringify({ tool: 'dancu-guard', Dancu: { Password: 'Sup3rS3cretValue!9x' } }, null, 2));
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).summary.filesScanned).toBe(1);
  });
});

describe('--severity and --category: what is shown and what blocks', () => {
  it('keeps only the severities named; the rest neither shows nor blocks', () => {
    const r = runCli(['scan', VIOLATING, '--severity', 'high', '--format', 'json']);
    const doc = json(r.stdout);
    expect(doc.findings.every((f) => f.severity === 'high')).toBe(true);
    expect(doc.findings).toHaveLength(8);
    expect(doc.summary.filtered).toEqual({ severities: ['high'], hidden: 7 });
    expect(r.code).toBe(1);
    // Only the transport findings, below a critical threshold: nothing blocks.
    const t = runCli(['scan', VIOLATING, '--category', 'transport', '--fail-on', 'critical']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('DG-TLS-001');
    expect(t.stdout).not.toContain('DG-CRED-001');
    expect(t.stdout).toContain('11 hidden by --severity/--category');
  });

  it('combines both, case-insensitively', () => {
    const doc = json(runCli(['scan', VIOLATING, '--severity', 'CRITICAL', '--category', 'credentials,lookup-tool', '--format', 'json']).stdout);
    expect(new Set(doc.findings.map((f) => f.category))).toEqual(new Set(['credentials', 'lookup-tool']));
    expect(doc.findings.every((f) => f.severity === 'critical')).toBe(true);
  });

  it('an unknown name is a usage error listing the taxonomy', () => {
    expect(runCli(['scan', VIOLATING, '--severity', 'severe'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown severity "severe" (one of critical, high, medium, low, info)') });
    expect(runCli(['scan', VIOLATING, '--category', 'secrets'])).toMatchObject({ code: 2, stderr: expect.stringContaining('credentials, lookup-tool, logging, quota, change-control, state-secret, transport, config') });
  });
});

describe('--quiet, colours and the language', () => {
  it('--quiet prints the finding lines and the verdict line only, nothing on stderr', () => {
    const dir = tmp();
    cpSync(VIOLATING, dir, { recursive: true });
    writeFileSync(join(dir, 'old.json'), runCli(['scan', VIOLATING, '--format', 'json']).stdout);
    const r = runCli(['scan', dir, '--quiet']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(16);
    expect(lines.slice(0, 15).every((l) => /^\S+:\d+(:\d+)?  [A-Z]+ *  DG-[A-Z]+-\d{3}  /.test(l))).toBe(true);
    expect(lines[15]).toBe('Verdict: FAIL — 15 blocking at or above high');
    expect(r.stderr).toBe('');
  });

  it('FORCE_COLOR colours a pipe; NO_COLOR and --no-color win', () => {
    expect(runCli(['scan', VIOLATING]).stdout).not.toContain('\x1b[');
    expect(runCli(['scan', VIOLATING], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\x1b[1;31mCRITICAL');
    expect(runCli(['scan', VIOLATING], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\x1b[');
    expect(runCli(['scan', VIOLATING], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
    expect(runCli(['scan', VIOLATING, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });

  it('LANG=vi_VN.UTF-8 chooses Vietnamese (help included); --lang en wins; LC_ALL wins over LANG', () => {
    const vi = runCli(['scan', VIOLATING], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.stdout).toContain('NGHIÊM TRỌNG');
    expect(vi.stdout).toContain('Kết luận: KHÔNG ĐẠT');
    const help = runCli(['scan', '--help'], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Cách dùng: dancu-guard scan [tùy_chọn] [đường_dẫn...]');
    expect(help.stdout).toContain('-o, --output <tệp>');
    expect(help.stdout).toContain('Tùy chọn:');
    expect(help.stdout).toMatch(/mặc định:\s+"high"/);
    expect(help.stdout).not.toMatch(/\b(Usage|Options|default|choices):/);
    expect(runCli(['scan', VIOLATING, '--lang', 'en'], { env: { LANG: 'vi_VN.UTF-8' } }).stdout).toContain('Verdict: FAIL');
    expect(runCli(['scan', VIOLATING], { env: { LANG: 'vi_VN.UTF-8', LC_ALL: 'C.UTF-8' } }).stdout).toContain('Verdict: FAIL');
  });

  it("commander's own errors are translated", () => {
    const r = runCli(['scan', '--bogus', '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("lỗi: không có tùy chọn '--bogus'");
    expect(r.stderr).toContain('(chạy với --help để xem cách dùng)');
    const choice = runCli(['scan', '--fail-on', 'x'], { env: { LANG: 'vi' } });
    expect(choice.stderr).toContain("lỗi: giá trị 'x' của tùy chọn '--fail-on <severity>' không hợp lệ");
  });

  it('the Vietnamese text names the tools in Vietnamese (collector reasons translated)', () => {
    const out = runCli(['scan', VIOLATING, '--lang', 'vi']).stdout;
    expect(out).toContain('Tự động hóa trình duyệt (nạp thư viện puppeteer)');
    expect(out).toContain('nhận biết qua mục bin của package.json');
    expect(out).not.toContain('imports puppeteer');
  });
});

describe('the staged scan reports on the files it is given (pre-commit)', () => {
  it('nothing staged and no files: a note, exit 0; --quiet silences it', async () => {
    const { execFileSync } = await import('node:child_process');
    const dir = tmp();
    cpSync(VIOLATING, dir, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { cwd: dir });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'x');
    const none = runCli(['scan', '--staged'], { cwd: dir });
    expect(none).toMatchObject({ code: 0, stderr: expect.stringContaining('nothing staged: nothing to check') });
    expect(runCli(['scan', '--staged', '--quiet'], { cwd: dir }).stderr).toBe('');
    // pre-commit --all-files passes every file: the index is judged, the files reported.
    const all = runCli(['scan', '--staged', 'src/config.ts', 'k8s/secret.yaml', '--format', 'json'], { cwd: dir });
    expect(all.code).toBe(1);
    expect(new Set(json(all.stdout).findings.map((f) => f.file))).toEqual(new Set(['src/config.ts', 'k8s/secret.yaml']));
    mkdirSync(join(dir, 'sub'));
    expect(existsSync(join(dir, 'sub'))).toBe(true);
    // A single directory is still the root, as before.
    expect(runCli(['scan', '--staged', 'sub'], { cwd: dir }).code).toBe(0);
  });
});
