/**
 * The integration declaration (dancu-integration.yml): schema, dates, fingerprints,
 * secretRef that must not be a secret, and error messages that name file, key and line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeclaration, parseDeclaration, requireDeclaration, secretLikeness } from '../../src/config/declaration.js';
import { defaultSettings } from '../../src/policy/settings.js';
import { UsageError } from '../../src/util/errors.js';

const FP = `sha256:${'a'.repeat(64)}`;

const VALID = `version: 1
system: He thong DVC tinh mau (gia lap)
owner: So KH&CN tinh mau (gia lap)
province: Hưng Yên
securityLevel: 3
securityAssessment: { date: 2026-06-01, reference: "45/BC-ATTT" }
accounts:
  - name: dvc_tinh_mau
    secretRef: "k8s Secret dvc/dancu-account (key secretKey)"
    dailyQuota: 5000
approvedTools: [ { path: "tools/bao-cao-*.py", approval: "77/TCT-DA06" } ]
notices:
  - reference: "123/STTTT-CNTT"
    submitted: 2026-10-01
    approved: { reference: "456/TCT-DA06", date: 2026-10-20 }
    goLive: 2026-11-30
    fingerprint: "${FP}"
`;

function errorOf(text: string): string {
  try {
    parseDeclaration(text, 'dancu-integration.yml');
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseDeclaration', () => {
  it('reads a valid declaration with the lines of what the gate reports on', () => {
    const { declaration, lines } = parseDeclaration(VALID, 'dancu-integration.yml');
    expect(declaration.system).toBe('He thong DVC tinh mau (gia lap)');
    expect(declaration.securityAssessment).toEqual({ date: '2026-06-01', reference: '45/BC-ATTT' });
    expect(declaration.notices?.[0]?.approved).toEqual({ reference: '456/TCT-DA06', date: '2026-10-20' });
    expect(declaration.approvedTools).toEqual([{ path: 'tools/bao-cao-*.py', approval: '77/TCT-DA06' }]);
    expect(lines).toEqual({ province: 4, securityLevel: 5, securityAssessment: 6, notices: 12, accounts: [8], notice: [13], approved: [15] });
  });

  it('rejects a date that is not YYYY-MM-DD, naming key and line', () => {
    expect(errorOf(VALID.replace('submitted: 2026-10-01', 'submitted: 01/10/2026'))).toContain(
      'dancu-integration.yml:14: "notices.0.submitted" must be a date YYYY-MM-DD (got "01/10/2026")',
    );
  });

  it('rejects an impossible date', () => {
    expect(errorOf(VALID.replace('goLive: 2026-11-30', 'goLive: 2026-11-31'))).toContain(
      'dancu-integration.yml:16: "notices.0.goLive" is not a real calendar date: "2026-11-31"',
    );
    expect(errorOf(VALID.replace('date: 2026-06-01', 'date: 2026-02-29'))).toContain('"securityAssessment.date" is not a real calendar date');
  });

  it('rejects dates out of order', () => {
    expect(errorOf(VALID.replace('goLive: 2026-11-30', 'goLive: 2026-09-30'))).toContain(
      '"notices.0.goLive" (2026-09-30) is before the notice was submitted (2026-10-01)',
    );
    expect(errorOf(VALID.replace('date: 2026-10-20', 'date: 2026-09-20'))).toContain(
      ':15: "notices.0.approved.date" (2026-09-20) is before the notice was submitted',
    );
  });

  it('rejects a fingerprint that is not sha256: + 64 hex', () => {
    for (const bad of [`sha256:${'a'.repeat(63)}`, `sha1:${'a'.repeat(64)}`, `sha256:${'A'.repeat(64)}`, 'a'.repeat(64)]) {
      expect(errorOf(VALID.replace(FP, bad))).toContain(
        'dancu-integration.yml:17: "notices.0.fingerprint" must be "sha256:" followed by 64 lowercase hex digits, as printed by `dancu-guard fingerprint`',
      );
    }
  });

  it('rejects unknown keys at their line, listing the known ones', () => {
    const msg = errorOf(VALID.replace('    dailyQuota: 5000', '    dailyQuota: 5000\n    password: x'));
    expect(msg).toContain('dancu-integration.yml:11: unknown key "accounts.0.password" (known keys of "accounts.0": name, secretRef, dailyQuota, paths, holder, purpose, contractorAccess, status)');
    expect(errorOf(`${VALID}extra: 1\n`)).toMatch(/:18: unknown key "extra" \(known keys: version, system, owner, province/);
  });

  it('names missing keys and wrong types', () => {
    expect(errorOf(VALID.replace('securityLevel: 3\n', ''))).toContain('dancu-integration.yml:1: missing required key "securityLevel"');
    expect(errorOf(VALID.replace('    dailyQuota: 5000\n', ''))).toContain('dancu-integration.yml:8: missing required key "accounts.0.dailyQuota"');
    expect(errorOf(VALID.replace('securityLevel: 3', 'securityLevel: "3"'))).toContain('dancu-integration.yml:5: "securityLevel" must be integer (got "3")');
    expect(errorOf(VALID.replace('version: 1', 'version: 2'))).toContain('"version" must be 1 (got 2)');
    expect(errorOf('')).toContain('dancu-integration.yml:1: the declaration is empty');
    expect(errorOf('version: [1\n')).toMatch(/dancu-integration.yml:\d+: invalid YAML/);
  });

  it('reports every problem at once', () => {
    const msg = errorOf(VALID.replace('securityLevel: 3', 'securityLevel: high').replace('goLive: 2026-11-30', 'goLive: tomorrow'));
    expect(msg).toContain('"securityLevel" must be integer');
    expect(msg).toContain('"notices.0.goLive" must be a date YYYY-MM-DD (got "tomorrow")');
  });

  it('rejects duplicate account names', () => {
    const twice = VALID.replace('approvedTools', '  - { name: dvc_tinh_mau, secretRef: "vault:kv/dvc/other", dailyQuota: 10 }\napprovedTools');
    expect(errorOf(twice)).toContain('"accounts.1.name" "dvc_tinh_mau" is declared twice (also accounts.0)');
  });

  it('rejects a secretRef that holds a secret, redacted, and accepts references', () => {
    for (const secret of ['Sup3rS3cretValue!9x', 'kq7Zt2VbW9xLm4Rp8sYc3NdF', 'FakePassword!2026', 'RmFrZVBhc3N3b3JkITIwMjY=', 'https://u:Sup3rS3cret!9x@lgsp.example.gov.vn/']) {
      const msg = errorOf(VALID.replace('"k8s Secret dvc/dancu-account (key secretKey)"', JSON.stringify(secret)));
      expect(msg, secret).toContain('dancu-integration.yml:9: "accounts.0.secretRef" looks like a secret value');
      expect(msg, secret).not.toContain(secret);
    }
    const settings = defaultSettings();
    for (const ref of [
      'k8s Secret dvc/dancu-account (key secretKey)',
      'vault:kv/dvc/dancu#password',
      '${C06_SECRET_KEY}',
      'C06_SECRET_KEY',
      'dancu-account/secretKey',
      'arn:aws:secretsmanager:ap-southeast-1:000000000000:secret:dancu-AbCdEf',
      'azure-keyvault://kv-dvc/secrets/dancu',
      'secret/data/dvc/dancuAccount',
    ]) {
      expect(secretLikeness(ref, settings), ref).toBeUndefined();
    }
  });
});

describe('loadDeclaration / requireDeclaration', () => {
  it('finds dancu-integration.yml or .yaml at the root, or reports it missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'dg-decl-'));
    expect(loadDeclaration(root)).toBeUndefined();
    expect(() => requireDeclaration(root)).toThrow(/no integration declaration: dancu-integration.yml not found/);
    writeFileSync(join(root, 'dancu-integration.yaml'), VALID);
    const loaded = loadDeclaration(root)!;
    expect(loaded.file).toBe('dancu-integration.yaml');
    expect(loaded.declaration.accounts[0]!.name).toBe('dvc_tinh_mau');
    expect(() => loadDeclaration(root, { explicit: join(root, 'nope.yml') })).toThrow(/declaration file not found/);
  });
});
