/**
 * `rules`, `explain` and `init` on the built CLI; the files `init` writes are read back by
 * the real config loader and declaration parser.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_TEMPLATE, DECLARATION_TEMPLATE } from '../../src/cli/commands/init.js';
import { parseDeclaration } from '../../src/config/declaration.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { ruleCatalog } from '../../src/policy/bundle.js';
import { RULE_DOCS_BASE_URL } from '../../src/report/rule-docs.js';
import { runCli } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'dg-init-'));
  temps.push(d);
  return d;
}

const ids = Object.keys(ruleCatalog()).sort();

describe('dancu-guard rules', () => {
  it('lists every rule of the bundle (text), with a count', () => {
    const r = runCli(['rules']);
    expect(r.code).toBe(0);
    for (const id of ids) expect(r.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
    expect(r.stdout).toContain(`${ids.length} rules. More: dancu-guard explain <RULE-ID>`);
    expect(r.stdout).toMatch(/^DG-CRED-001\s+CRITICAL\s+credentials\s+R1\s+Hardcoded credential in source code$/m);
  });

  it('--format json gives id, severity, category, basis and the documentation link', () => {
    const doc = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<Record<string, unknown>>;
    expect(doc.map((r) => r.id)).toEqual(ids);
    expect(doc.find((r) => r.id === 'DG-LOG-001')).toMatchObject({ severity: 'high', category: 'logging', basisKeys: ['R3'], helpUri: `${RULE_DOCS_BASE_URL}DG-LOG-001.md` });
  });

  it('--format markdown --lang vi is a Vietnamese table linking each page', () => {
    const md = runCli(['rules', '--format', 'markdown', '--lang', 'vi']).stdout;
    expect(md.split('\n')[0]).toBe('| Mã | Mức | Nhóm | Tên quy tắc | Căn cứ |');
    expect(md).toContain('| [DG-CRED-001](DG-CRED-001.vi.md) | NGHIÊM TRỌNG | `credentials` | Thông tin xác thực ghi cứng trong mã nguồn | R1 |');
  });

  it('a bad --format is a usage error', () => {
    expect(runCli(['rules', '--format', 'xml']).code).toBe(2);
  });
});

describe('dancu-guard explain', () => {
  it('what, why, basis in the letters\' words, fix, bad and good code, link (English)', () => {
    const r = runCli(['explain', 'dg-log-001']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    for (const heading of ['What it finds:', 'Why it matters:', 'Legal basis:', 'How to fix:', 'Non-compliant:', 'Compliant:']) expect(out).toContain(heading);
    expect(out).toContain('R3 — Control every officer');
    expect(out).toContain('Xây dựng hệ thống lưu nhật ký đầy đủ.');
    expect(out).toContain('Công văn 5722/TCTTKĐA ngày 10/8/2023');
    expect(out).toContain('under `loggers` in .dancu-guard.yml');
    expect(out).not.toContain('loggerPatterns');
    expect(out).toContain(`Documentation: ${RULE_DOCS_BASE_URL}DG-LOG-001.md`);
  });

  it('in Vietnamese, and as Markdown (the docs page)', () => {
    const vi = runCli(['explain', 'DG-CRED-001', '--lang', 'vi']).stdout;
    expect(vi).toContain('DG-CRED-001 — Thông tin xác thực ghi cứng trong mã nguồn');
    expect(vi).toContain('Vì sao:');
    expect(vi).toContain('mức NGHIÊM TRỌNG');
    expect(vi.replace(/\s+/g, ' ')).toContain('không cung cấp tài khoản và mật khẩu API kết nối tới CSDLQG về dân cư cho các nhà thầu vận hành hệ thống.');
    const md = runCli(['explain', 'DG-CRED-001', '--format', 'markdown', '--lang', 'vi']).stdout;
    expect(md).toBe(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'rules', 'DG-CRED-001.vi.md'), 'utf8'));
  });

  it('an unknown rule exits 2 and suggests close ids', () => {
    const r = runCli(['explain', 'DG-TLS-9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "DG-TLS-9"; did you mean DG-TLS-001, DG-TLS-002?');
  });
});

describe('dancu-guard init', () => {
  it('the templates are accepted by the config loader and the declaration schema, in both languages', () => {
    for (const lang of ['en', 'vi'] as const) {
      expect(parseConfig(CONFIG_TEMPLATE[lang], `.dancu-guard.yml (${lang})`)).toEqual({ version: 1 });
      const { declaration } = parseDeclaration(DECLARATION_TEMPLATE[lang], `dancu-integration.yml (${lang})`);
      expect(declaration).toMatchObject({ version: 1, securityLevel: 3, province: 'Hưng Yên' });
      expect(declaration.accounts).toHaveLength(1);
    }
    // Every commented-out key of the config template is a real key: uncommented, it still loads.
    const uncommented = CONFIG_TEMPLATE.en.replace(/^# ((?:[a-zA-Z]+:|  ).*)$/gm, '$1');
    expect(Object.keys(parseConfig(uncommented, 'uncommented'))).toEqual(
      expect.arrayContaining(['endpoints', 'approvedModules', 'approvedTools', 'loggers', 'limiters', 'sensitiveKeys', 'ignore', 'exceptions', 'calendar']),
    );
  });

  it('writes .dancu-guard.yml (and the declaration), never overwrites without --force', () => {
    const dir = tmp();
    const r = runCli(['init', dir, '--declaration', '--lang', 'vi']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`đã tạo ${join(dir, '.dancu-guard.yml')}`);
    expect(readFileSync(join(dir, '.dancu-guard.yml'), 'utf8')).toBe(CONFIG_TEMPLATE.vi);
    expect(loadConfig(dir).config).toEqual({ version: 1 });
    expect(readFileSync(join(dir, 'dancu-integration.yml'), 'utf8')).toBe(DECLARATION_TEMPLATE.vi);

    writeFileSync(join(dir, '.dancu-guard.yml'), 'version: 1\nignore: [mine/]\n');
    const again = runCli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('.dancu-guard.yml exists; not overwritten (use --force to replace it)');
    expect(readFileSync(join(dir, '.dancu-guard.yml'), 'utf8')).toBe('version: 1\nignore: [mine/]\n');
    expect(runCli(['init', dir, '--force']).code).toBe(0);
    expect(readFileSync(join(dir, '.dancu-guard.yml'), 'utf8')).toBe(CONFIG_TEMPLATE.en);
  });

  it('checks every file before writing any', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'dancu-integration.yml'), 'version: 1\n');
    expect(runCli(['init', dir, '--declaration']).code).toBe(2);
    expect(existsSync(join(dir, '.dancu-guard.yml'))).toBe(false);
  });

  it('a missing directory is a usage error', () => {
    expect(runCli(['init', join(tmp(), 'nope')]).code).toBe(2);
  });

  it('the gate on an init --declaration tree runs (and blocks: nothing is notified yet)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'app.ts'), "export const url = 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan';\n");
    expect(runCli(['init', dir, '--declaration']).code).toBe(0);
    const gate = runCli(['gate', dir, '--deploy-date', '2026-12-01', '--allow-unsigned-approvals']);
    expect([0, 1]).toContain(gate.code);
    expect(gate.stderr).not.toContain('error');
  });
});
