import { BIN } from '../helpers/paths.js';
/**
 * Secrets inside URLs never reach an output: a password with `/`, `+`, `=`, `@` in the
 * user-info, a token as the user name, sensitive query and fragment values. Unit checks
 * of `redactUrl`, and the built CLI over every output format.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanText } from '../../src/collect/credentials/candidates.js';
import { redactUrl, URL_PARTS_RE } from '../../src/util/redact.js';

/** Synthetic: base64-looking, with every character that broke URL parsing. */
const SECRET = 'kX9/Qm2+Zr7@pLw==';
const HOST = 'lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan';
const URL = `http://dvc:${SECRET}@${HOST}`;

function substrings(secret: string, n = 6): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= secret.length; i++) out.push(secret.slice(i, i + n));
  return out;
}

function expectNoLeak(output: string, secret: string): void {
  for (const s of substrings(secret)) expect(output, `leaks ${JSON.stringify(s)}`).not.toContain(s);
}

describe('redactUrl', () => {
  it('finds the user-info up to the last @ before the host, whatever the password holds', () => {
    expect(redactUrl(URL)).toBe(`http://dvc:***@${HOST}`);
    expect(redactUrl(`http://dvc:kX9/Qm2+Zr7pLw==@${HOST}`)).toBe(`http://dvc:***@${HOST}`);
    expect(redactUrl('https://u:p@ss@host.example/path?token=x#frag')).toBe('https://u:***@host.example/path?token=***#frag');
    expect(redactUrl('https://${DANCU_USER}:pw@lgsp.tinhmau.gov.vn/api')).toBe('https://${DANCU_USER}:***@lgsp.tinhmau.gov.vn/api');
  });

  it('drops a user name that may be a token (no password, token-like, x-oauth-basic)', () => {
    expect(redactUrl(`http://Sup3rS3cretValueAA9x@${HOST}`)).toBe(`http://***@${HOST}`);
    expect(redactUrl(`https://Sup3rS3cretValueAA9x:x-oauth-basic@${HOST}`)).toBe(`https://***@${HOST}`);
    expect(redactUrl(`https://Sup3rS3cretValueAA9x:pw123456@${HOST}`)).toBe(`https://***@${HOST}`);
  });

  it('masks sensitive query and fragment values, Vietnamese names included', () => {
    expect(redactUrl(`https://${HOST}?soDinhDanh=001&key=Zx4cVb7n&matkhau=a1&mat_khau=a2&khoa=a3&sig=a4&page=2`)).toBe(
      `https://${HOST}?soDinhDanh=001&key=***&matkhau=***&mat_khau=***&khoa=***&sig=***&page=2`,
    );
    expect(redactUrl(`https://${HOST}#access_token=Hj3kLm6nBv9c&token_type=Bearer`)).toBe(`https://${HOST}#access_token=***&token_type=***`);
    expect(redactUrl(`https://${HOST}?token=`)).toBe(`https://${HOST}?token=`);
  });

  it('leaves URLs without user-info and non-URLs alone', () => {
    for (const u of ['https://h.example/users/@me', 'http://h.example/a?email=x@y.example', '${BASE}/api?x=1', 'line1\nline2', 'hello world @ home'])
      expect(redactUrl(u)).toBe(u);
  });

  it('uses the same expression as display_url in policies/lib/lib.rego', () => {
    const m = URL_PARTS_RE.exec(URL);
    expect(m?.[2]).toBe(`dvc:${SECRET}@`);
    expect(m?.[3]).toBe(HOST);
  });
});

describe('URL credential detector', () => {
  it('reports the whole password, with / + = @ in it', () => {
    const found = scanText(`DANCU_URL=${URL}\n`, '.env').filter((m) => m.detector === 'url-credentials');
    expect(found.map((m) => m.secret)).toEqual([SECRET]);
  });

  it('does not read a port and a path as a password', () => {
    expect(scanText('see http://h.example.vn:8080/users/@me for details\n', 'a.md').filter((m) => m.detector === 'url-credentials')).toEqual([]);
  });
});

describe('the built CLI prints no part of a URL secret in any format', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dg-redact-'));
    mkdirSync(join(dir, 'src', 'main', 'java', 'vn', 'tinhmau'), { recursive: true });
    writeFileSync(join(dir, '.env'), `DANCU_URL=${URL}\n`);
    writeFileSync(join(dir, 'application.yml'), `dancu:\n  api:\n    url: ${URL}\n`);
    writeFileSync(
      join(dir, 'client.ts'),
      `export async function traCuu(id: string) {\n  return fetch(\`${URL}?soDinhDanh=\${id}\`);\n}\n`,
    );
    writeFileSync(
      join(dir, 'src', 'main', 'java', 'vn', 'tinhmau', 'DanCuClient.java'),
      [
        'package vn.tinhmau;',
        'import java.net.URI;',
        'import java.net.http.HttpClient;',
        'import java.net.http.HttpRequest;',
        'public class DanCuClient {',
        '  public void traCuu() throws Exception {',
        `    HttpRequest req = HttpRequest.newBuilder(URI.create("${URL}")).GET().build();`,
        '    HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif', 'junit', 'markdown', 'github', 'html']) {
    it(`--format ${format}`, () => {
      const r = spawnSync(process.execPath, [BIN, 'scan', dir, '--format', format], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stdout.length).toBeGreaterThan(0);
      expectNoLeak(r.stdout + r.stderr, SECRET);
      expect(r.stdout).toContain('DG-CRED-005');
      if (format === 'json') {
        const files = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; file: string }> }).findings
          .filter((f) => f.ruleId === 'DG-CRED-005')
          .map((f) => f.file);
        expect(new Set(files)).toEqual(new Set(['.env', 'application.yml', 'client.ts', 'src/main/java/vn/tinhmau/DanCuClient.java']));
      }
    });
  }
});
