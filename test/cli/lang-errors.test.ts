/**
 * Errors and warnings raised below the CLI (config and declaration loaders, file access,
 * lock file, git, signed approvals, baseline), printed by the built CLI under `--lang vi`
 * (or a vi_* locale): Vietnamese, with the file, line and key path kept, and none of the
 * English sentence left. The same runs in English keep the English text.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { EXAMPLES } from '../helpers/paths.js';

const dirs: string[] = [];
function tmp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `dg-lang-${prefix}-`));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A tiny tree with something to scan and the files given. */
function tree(files: Record<string, string>): string {
  const dir = tmp('tree');
  writeFileSync(join(dir, 'app.ts'), 'export const x = 1;\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const BAD_CONFIG = 'endpointz:\n  - https://x.example\nendpoints: 5\n';

describe('a malformed .dancu-guard.yml', () => {
  it('--lang vi: every problem in Vietnamese, with file, line and key', () => {
    const dir = tree({ '.dancu-guard.yml': BAD_CONFIG });
    const r = runCli(['scan', '.', '--lang', 'vi'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dancu-guard: lỗi: tệp cấu hình .dancu-guard.yml không hợp lệ:');
    expect(r.stderr).toMatch(/\.dancu-guard\.yml:1: khóa không hợp lệ "endpointz" \(các khóa hợp lệ: [a-zA-Z, ]*endpoints/);
    expect(r.stderr).toContain('.dancu-guard.yml:3: "endpoints" phải là danh sách (giá trị hiện tại: 5)');
    expect(r.stderr).not.toMatch(/invalid config|unknown key|known keys|must be|\(got /);
  });

  it('LANG=vi_VN.UTF-8 chooses Vietnamese too; in English the English text stays', () => {
    const dir = tree({ '.dancu-guard.yml': BAD_CONFIG });
    const vi = runCli(['scan', '.'], { cwd: dir, env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('.dancu-guard.yml:1: khóa không hợp lệ "endpointz"');
    const en = runCli(['scan', '.'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('dancu-guard: error: invalid config .dancu-guard.yml:');
    expect(en.stderr).toContain('.dancu-guard.yml:1: unknown key "endpointz" (known keys: ');
    expect(en.stderr).toContain('.dancu-guard.yml:3: "endpoints" must be array (got 5)');
    expect(en.stderr).not.toMatch(/khóa|tệp cấu hình/);
  });

  it('an exception that expires on a day that does not exist: Vietnamese, with the line', () => {
    const dir = tree({
      '.dancu-guard.yml': 'exceptions:\n  - rule: DG-CRED-001\n    paths: [legacy/**]\n    reason: migration\n    expires: 2026-02-30\n',
    });
    const r = runCli(['scan', '.', '--lang', 'vi'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.dancu-guard.yml:5: exceptions[0].expires "2026-02-30" không phải ngày có thật (YYYY-MM-DD)');
    expect(r.stderr).not.toContain('is not a real date');
  });
});

describe('file access', () => {
  it('a config that links out of the scanned root: refused, in Vietnamese', () => {
    const outside = tmp('outside');
    writeFileSync(join(outside, 'config.yml'), 'endpoints: []\n');
    const dir = tree({});
    symlinkSync(join(outside, 'config.yml'), join(dir, '.dancu-guard.yml'));
    const r = runCli(['scan', dir, '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lỗi: tệp cấu hình .*\.dancu-guard\.yml là liên kết tới .*config\.yml, nằm ngoài thư mục gốc được quét; từ chối đọc/);
    expect(r.stderr).not.toMatch(/is a link to|refusing to read|\bconfig \//);
  });

  it('an explicit --config that does not exist', () => {
    const dir = tree({});
    const r = runCli(['scan', dir, '--config', join(dir, 'nope.yml'), '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`không tìm thấy tệp cấu hình: ${join(dir, 'nope.yml')}`);
    expect(r.stderr).not.toContain('file not found');
  });

  it('an old baseline: the warning of the baseline module is Vietnamese', () => {
    const dir = tree({ 'baseline.json': JSON.stringify({ tool: 'dancu-guard', kind: 'baseline', version: 1, createdAt: '2026-01-01T00:00:00.000Z', findings: [] }) });
    const r = runCli(['scan', dir, '--baseline', join(dir, 'baseline.json'), '--lang', 'vi']);
    expect(r.stderr).toMatch(/dancu-guard: cảnh báo: tệp baseline .*baseline\.json là phiên bản 1: mã vân tay trong đó theo cách tính cũ/);
    expect(r.stderr).not.toMatch(/older scheme|Regenerate it/);
  });

  it('a baseline of another shape: the schema problem in Vietnamese too', () => {
    const dir = tree({ 'baseline.json': JSON.stringify({ version: 2, findings: [] }) });
    const r = runCli(['scan', dir, '--baseline', join(dir, 'baseline.json'), '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lỗi: .*baseline\.json không phải tệp baseline của dancu-guard \(\/ thiếu khóa bắt buộc '(tool|kind|createdAt)'\)/);
    expect(r.stderr).not.toMatch(/must have required property|is not a dancu-guard baseline/);
  });

  it('a baseline that is not JSON', () => {
    const dir = tree({ 'baseline.json': '{"version": 2, ' });
    const r = runCli(['scan', dir, '--baseline', join(dir, 'baseline.json'), '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lỗi: tệp baseline .*baseline\.json: không phải JSON hợp lệ/);
    expect(r.stderr).not.toMatch(/not valid JSON|\bis not\b/);
  });
});

describe('git', () => {
  it('--changed-since outside a git repository', () => {
    const dir = tree({});
    const r = runCli(['scan', dir, '--changed-since', 'main', '--lang', 'vi'], { env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`dancu-guard: lỗi: --changed-since main: ${dir} không nằm trong thư mục làm việc của một kho git`);
    expect(r.stderr).not.toContain('is not inside a git work tree');
  });

  it('--history outside a git repository', () => {
    const dir = tree({});
    const r = runCli(['scan', dir, '--history', '--lang', 'vi'], { env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lỗi: không phải kho git: .* \(--history và --staged cần một kho git\)/);
    expect(r.stderr).not.toContain('not a git repository');
  });
});

describe('the gate and signed approvals', () => {
  function gateTree(): string {
    const dir = tmp('gate');
    cpSync(join(EXAMPLES, 'gate-approved'), dir, { recursive: true });
    return dir;
  }

  it('a bad lock file', () => {
    const dir = gateTree();
    writeFileSync(join(dir, 'dancu-integration.lock.json'), JSON.stringify({ version: 2, fingerprint: 'x', files: {} }));
    const r = runCli(['gate', dir, '--deploy-date', '2026-12-01', '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'dancu-guard: lỗi: dancu-integration.lock.json: "version" phải là 1 (giá trị hiện tại: 2); hãy tạo lại bằng `dancu-guard fingerprint --write` khi được chấp thuận',
    );
    expect(r.stderr).not.toMatch(/must be|regenerate it/);
  });

  it('a lock file that is not JSON', () => {
    const dir = gateTree();
    writeFileSync(join(dir, 'dancu-integration.lock.json'), '{');
    const r = runCli(['gate', dir, '--deploy-date', '2026-12-01', '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dancu-integration.lock.json: không phải JSON hợp lệ');
    expect(r.stderr).not.toContain('not valid JSON');
  });

  it('a declaration with a day that does not exist: file, line and key path kept', () => {
    const dir = gateTree();
    const decl = join(dir, 'dancu-integration.yml');
    const text = readFileSync(decl, 'utf8');
    writeFileSync(decl, text.replace(/goLive: \d{4}-\d{2}-\d{2}/, 'goLive: 2026-11-31'));
    const r = runCli(['gate', dir, '--deploy-date', '2026-12-01', '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tệp khai báo tích hợp dancu-integration.yml không hợp lệ:');
    expect(r.stderr).toMatch(/dancu-integration\.yml:\d+: "notices\.0\.goLive" không phải ngày có thật: "2026-11-31" \(YYYY-MM-DD\)/);
    expect(r.stderr).not.toMatch(/invalid declaration|is not a real calendar date/);
  });

  it('--trust-key naming a missing file, and --attestation without --trust-key', () => {
    const dir = gateTree();
    const missing = runCli(['gate', dir, '--deploy-date', '2026-12-01', '--trust-key', join(dir, 'nope.pub'), '--lang', 'vi']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`không tìm thấy khóa công khai tin cậy ${join(dir, 'nope.pub')}`);
    const noKey = runCli(['gate', dir, '--deploy-date', '2026-12-01', '--attestation', 'x.dsse.json', '--lang', 'vi']);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('--attestation cần đi kèm --trust-key');
    expect(`${missing.stderr}${noKey.stderr}`).not.toMatch(/not found|needs --trust-key/);
  });

  it('approve with a bad --fingerprint', () => {
    const dir = gateTree();
    const r = runCli([
      'approve', dir, '--key', join(dir, 'none.key'), '--reference', '456/TCT-DA06', '--date', '2026-10-20',
      '--notice', '123/STTTT-CNTT', '--fingerprint', 'sha256:XYZ', '--lang', 'vi',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dancu-guard: lỗi: --fingerprint "sha256:XYZ" không có dạng "sha256:" và 64 chữ số thập lục phân viết thường');
    expect(r.stderr).not.toContain('followed by 64 lowercase hex digits');
  });

  it('approve with a public key where the private key goes', () => {
    const dir = gateTree();
    const r = runCli([
      'approve', dir, '--key', join(EXAMPLES, 'province-example.pub'), '--reference', '456/TCT-DA06', '--date', '2026-10-20',
      '--notice', '123/STTTT-CNTT', '--lang', 'vi',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/province-example\.pub là khóa công khai: lệnh approve ký bằng khóa BÍ MẬT/);
    expect(r.stderr).not.toContain('is a public key');
  });

  it('notice with --go-live before --submitted', () => {
    const dir = gateTree();
    const r = runCli(['notice', dir, '--submitted', '2026-10-01', '--go-live', '2026-09-01', '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--go-live 2026-09-01 sớm hơn --submitted 2026-10-01');
    expect(r.stderr).not.toContain('is before');
  });
});
