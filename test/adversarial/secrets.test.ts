/**
 * Issue 10, "A secret in clear": no secret reaches any output whole — every report
 * format (the PR comment is the markdown report, the check run the github/SARIF one), the
 * inventory in every format — and fingerprints are not a guessing oracle: they are free
 * of secret material (derived from what every report shows already) and still stable
 * when code moves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/findings/fingerprint.js';
import { sha256Hex } from '../../src/util/redact.js';
import { cli, declaration, expectNoClear, hostileCase, hostileTrees, scanDefault } from './harness.js';
import { SECRET } from './hostile.mjs';

const tree = hostileTrees();
const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'github', 'html'];

describe('curl -u user:<secret> -k in a config value (DG-TLS-002)', () => {
  it('blocks, and no format shows the secret (before: quoted whole in the message)', () => {
    const root = tree(hostileCase('curl-user-secret-in-config').files());
    for (const format of FORMATS) {
      const r = cli(['scan', root, '--format', format, '--no-progress']);
      expect(r.status, `${format}: ${r.stderr}`).toBe(1);
      expect(r.stdout, format).toContain('DG-TLS-002');
      expectNoClear(r.stdout + r.stderr, SECRET);
    }
  });

  it('names the switch, not the command line around it', async () => {
    const r = await scanDefault(tree(hostileCase('curl-user-secret-in-config').files()));
    const tls = r.findings.filter((f) => f.ruleId === 'DG-TLS-002').map((f) => f.message);
    expect(tls).toHaveLength(2);
    for (const m of tls) expect(m).toMatch(/\(curl (?:-k|--insecure)\)/);
  });
});

describe('inventory', () => {
  it('masks URL passwords holding # or ?, and secretRef prose that gives the secret away', () => {
    const files = hostileCase('url-password-with-hash-and-question-mark').files();
    const root = tree({
      ...files,
      'dancu-integration.yml': declaration('sha256:' + '0'.repeat(64), '', `mật khẩu là ${SECRET}`),
      'src/client.ts': `import axios from 'axios';\nexport const get = (id: string) => axios.get('https://svc:pa#${SECRET}@lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSe?id=' + id);\n`,
    });
    for (const format of ['markdown', 'json', 'csv', 'csv-detail']) {
      const r = cli(['inventory', root, '--format', format, '--no-progress', '--date', '2026-12-01']);
      expect(r.status, `${format}: ${r.stderr}`).toBe(0);
      expectNoClear(r.stdout, SECRET);
    }
    // A real reference is still shown as written.
    expect(cli(['inventory', root, '--format', 'markdown', '--no-progress']).stdout).toContain('k8s Secret dvc/dancu-account (keys username, secretKey)');
  });
});

describe('fingerprints are not a guessing oracle', () => {
  const envWith = (secret: string, above = '') => ({ '.env': `${above}DANCU_PASSWORD=${secret}\n` });

  it('hold no secret material: two secrets that look alike redacted share a fingerprint, derived from public parts only', async () => {
    const a = await scanDefault(tree(envWith('Zq8vN3pLkT5wRx2Yab')));
    const b = await scanDefault(tree(envWith('ZqQQQQQQQQQQQQQQab')));
    const fa = a.findings.find((f) => f.ruleId === 'DG-CRED-002')!;
    const fb = b.findings.find((f) => f.ruleId === 'DG-CRED-002')!;
    expect(fa.fingerprint).toBe(fb.fingerprint);
    expect(fa.fingerprint).toBe(fingerprint('DG-CRED-002', '.env', `DANCU_PASSWORD|named-literal|${fa.value}`));
  });

  it('stay stable when lines move, and neither SARIF nor a baseline holds a hash of the secret', async () => {
    const root = tree(envWith(SECRET));
    const moved = tree(envWith(SECRET, '# a comment\nLOG_LEVEL=info\n\n'));
    const [x, y] = [await scanDefault(root), await scanDefault(moved)];
    const fx = x.findings.find((f) => f.ruleId === 'DG-CRED-002')!;
    const fy = y.findings.find((f) => f.ruleId === 'DG-CRED-002')!;
    expect(fy.line).toBeGreaterThan(fx.line);
    expect(fy.fingerprint).toBe(fx.fingerprint);

    const sarif = cli(['scan', root, '--format', 'sarif', '--no-progress']).stdout;
    const baselineFile = join(root, 'baseline.json');
    expect(cli(['scan', root, '--write-baseline', baselineFile, '--no-progress']).status).toBe(0);
    const baseline = readFileSync(baselineFile, 'utf8');
    for (const out of [sarif, baseline]) {
      expectNoClear(out, SECRET);
      expect(out).not.toContain(sha256Hex(SECRET));
      expect(out).not.toContain(sha256Hex(SECRET).slice(0, 16));
    }
    expect(JSON.parse(baseline).version).toBe(2);
  });

  it('an older baseline still loads, says why it no longer matches, and lists its entries as stale', () => {
    const root = tree(envWith(SECRET));
    const old = join(root, 'old-baseline.json');
    writeFileSync(old, JSON.stringify({ tool: 'dancu-guard', kind: 'baseline', version: 1, createdAt: '2026-01-01T00:00:00Z', findings: [{ fingerprint: '0'.repeat(32), ruleId: 'DG-CRED-002', file: '.env', line: 1 }] }));
    const r = cli(['scan', root, '--baseline', old, '--no-progress']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('baseline');
    expect(r.stderr).toContain('--write-baseline');
    expect(r.stdout).toContain('0'.repeat(32));
  });
});

