/**
 * The rules of issue 11 end to end (collectors → compiled bundle → findings) on the
 * synthetic `flow` fixtures: the tiered endpoint model (plain HTTP reported where a
 * gateway URL is written; a bot reported where it navigates to a portal), audit records
 * as real systems write them (no DG-LOG-001 where a log entity, an INSERT or a logging
 * helper is on the path; none for a front-end calling its own backend), audit-log
 * quality (DG-LOG-002) and state-secret markings (DG-SECRET-001).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.js';
import { scan } from '../../src/pipeline/scan.js';
import { FIXTURES } from '../helpers/paths.js';

const at = (findings: readonly Finding[], rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => `${f.file}:${f.line}`).sort();

describe('C# flow fixture', async () => {
  const { findings } = await scan({ path: join(FIXTURES, 'csharp', 'flow'), failOn: 'none' });

  it('the lookup whose URL travels in the request object is found and is audited by its persisted log entity', () => {
    expect(at(findings, 'DG-LOG-001')).toEqual(['Services/DangNhapService.cs:21']);
  });

  it('audit-log quality: MaCanBo from configuration and from a literal, the entity and the response in a log', () => {
    expect(at(findings, 'DG-LOG-002')).toEqual(['Controllers/CongDanController.cs:13', 'Handlers/TraCuuCongDanHandler.cs:31', 'Services/DangNhapService.cs:17']);
  });

  it('plain HTTP where the gateway URL is written, TLS off where the callback is set', () => {
    expect(at(findings, 'DG-TLS-001')).toEqual(['Constants/CongGiaoTiep.cs:5']);
    expect(at(findings, 'DG-TLS-002')).toEqual(['Services/DangNhapService.cs:26']);
    expect(findings.find((f) => f.ruleId === 'DG-TLS-001')?.message).toContain('gateway carrying population-DB traffic');
  });
});

describe('TypeScript flow fixture', async () => {
  const { findings } = await scan({ path: join(FIXTURES, 'ts', 'flow'), failOn: 'none' });

  it('no DG-LOG-001 where a helper, an entity or an INSERT writes the record, nor for the front-end', () => {
    expect(at(findings, 'DG-LOG-001')).toEqual([]);
  });

  it('the bot is reported where it navigates to the portal, with its TLS switches', () => {
    expect(at(findings, 'DG-TOOL-002')).toEqual(['bot/dangKy.ts:7']);
    expect(at(findings, 'DG-TLS-002')).toEqual(['bot/dangKy.ts:4', 'bot/dangKy.ts:5']);
  });

  it('plain HTTP at the gateway constant; the token, the object and the response logged; MaCanBo from a constant', () => {
    expect(at(findings, 'DG-TLS-001')).toEqual(['src/hang2.ts:6']);
    expect(at(findings, 'DG-LOG-002')).toEqual(['src/luu.ts:9', 'src/traCuu.ts:13']);
    const log = findings.find((f) => f.ruleId === 'DG-LOG-002' && f.file === 'src/traCuu.ts');
    expect(log?.message).toContain('a secret (token, password, key): token');
  });
});

describe('state-secret markings', () => {
  it('a stamp in a template is high, a list of secrecy levels medium', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dancu-secret-'));
    try {
      writeFileSync(join(root, 'mau.html'), '<p class="dau">TỐI MẬT</p>\n');
      writeFileSync(join(root, 'chon.html'), '<select>\n<option>Không mật</option>\n<option>Mật</option>\n<option>Tối mật</option>\n</select>\n');
      writeFileSync(join(root, 'README.md'), 'Đổi mật khẩu định kỳ; bảo mật thông tin.\n');
      const { findings } = await scan({ path: root, failOn: 'none' });
      const got = findings.filter((f) => f.ruleId === 'DG-SECRET-001').map((f) => [f.file, f.line, f.severity, f.category]);
      expect(got.sort()).toEqual([
        ['chon.html', 4, 'medium', 'state-secret'],
        ['mau.html', 1, 'high', 'state-secret'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a province that names its own gateway', () => {
  it('`gateways:` in .dancu-guard.yml adds a host to the gateway tier', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dancu-gw-'));
    try {
      writeFileSync(join(root, 'hang.py'), 'CONG_KET_NOI = "http://apigw.tinh-mau.example/api/v1"\n');
      const before = await scan({ path: root, failOn: 'none' });
      expect(before.findings.filter((f) => f.ruleId === 'DG-TLS-001')).toEqual([]);
      writeFileSync(join(root, '.dancu-guard.yml'), 'version: 1\ngateways:\n  - "(?i)^apigw\\\\.tinh-mau\\\\.example$"\n');
      const after = await scan({ path: root, failOn: 'none' });
      expect(after.findings.filter((f) => f.ruleId === 'DG-TLS-001').map((f) => `${f.file}:${f.line}`)).toEqual(['hang.py:1']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
