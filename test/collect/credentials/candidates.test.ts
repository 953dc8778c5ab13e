import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  candidateFromValue,
  classifyValue,
  credentialFact,
  dedupeCredentials,
  detectKnownFormats,
  isPublicName,
  isSensitiveKey,
  maskSecrets,
} from '../../../src/collect/credentials/candidates.js';
import { DIGITS, UPPER_ALNUM, fake } from '../../../src/collect/credentials/detectors/fake.js';
import { defaultSettings } from '../../../src/policy/settings.js';
import { scan } from '../../../src/pipeline/scan.js';
import { redactUrl, sha256Hex } from '../../../src/util/redact.js';

// Synthetic values only.
const SECRET = 'Sup3rS3cretValue!9x';
const settings = defaultSettings();
const b64 = (s: string) => Buffer.from(s).toString('base64');
const jwt = [
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'eyJzdWIiOiIwMDAwMDAwMDAwMDAiLCJuYW1lIjoiTmd1eWVuIFZhbiBBIiwiaWF0IjowfQ',
  'ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3RzLW9ubHk',
].join('.');
const pemBody = 'FAKEKEYFORTESTSONLY'.repeat(6);
const pem = `-----BEGIN RSA PRIVATE KEY-----\n${pemBody.slice(0, 64)}\n${pemBody.slice(64)}\n-----END RSA PRIVATE KEY-----`;

describe('isSensitiveKey', () => {
  it('matches leaf names from settings', () => {
    for (const k of ['password', 'DB_PASSWORD', 'secretKey', 'C06_secretKey', 'consumer_secret', 'lgspaccesstoken', 'keyPass', 'api-key', 'Authorization'])
      expect(isSensitiveKey(k, settings), k).toBe(true);
    for (const k of ['username', 'url', 'C06_userName', 'appName', 'passwordPolicyLength_', 'LOG_LEVEL'])
      expect(isSensitiveKey(k, settings), k).toBe(false);
  });

  it('tests the leaf of a flattened key and the whole path', () => {
    expect(isSensitiveKey('dancu.api.password', settings)).toBe(true);
    expect(isSensitiveKey('C06:SecretKey', settings)).toBe(true);
    expect(isSensitiveKey('C06__SecretKey', settings)).toBe(true);
    expect(isSensitiveKey('spring.datasource.hikari[0].password', settings)).toBe(true);
    // `^C06[-_.].*key` reaches into the leaf of the path.
    expect(isSensitiveKey('c06.key', settings)).toBe(true);
    expect(isSensitiveKey('CSDLDanCu:Token', settings)).toBe(true);
    // A sensitive word only in a parent segment does not make a sibling sensitive.
    expect(isSensitiveKey('credentials.username', settings)).toBe(false);
    expect(isSensitiveKey('secret.name', settings)).toBe(false);
    expect(isSensitiveKey('token.expiry', settings)).toBe(false);
  });

  it('uses settings from the object it is given (cache per settings object)', () => {
    const custom = { ...defaultSettings(), sensitiveKeyPatterns: ['(?i)^maCanBo$'] };
    expect(isSensitiveKey('MaCanBo', custom)).toBe(true);
    expect(isSensitiveKey('password', custom)).toBe(false);
    expect(isSensitiveKey('password', settings)).toBe(true);
  });
});

describe('classifyValue', () => {
  it('named-literal for a sensitive key with a literal', () => {
    expect(classifyValue('DANCU_PASSWORD', SECRET, settings)).toBe('named-literal');
    expect(classifyValue('C06:SecretKey', SECRET, settings)).toBe('named-literal');
  });
  it('nothing for placeholders, names without values, prose, URLs and paths under sensitive keys', () => {
    expect(classifyValue('DANCU_PASSWORD', '${DANCU_PASSWORD}', settings)).toBeUndefined();
    expect(classifyValue('DANCU_PASSWORD', '', settings)).toBeUndefined();
    expect(classifyValue('password', 'Mật khẩu', settings)).toBeUndefined();
    expect(classifyValue('password_hint', 'Nhập mật khẩu của bạn', settings)).toBeUndefined();
    expect(classifyValue('tokenUrl', 'https://sso.tinhmau.gov.vn/token', settings)).toBeUndefined();
    expect(classifyValue('DB_PASSWORD_FILE', '/run/secrets/db', settings)).toBeUndefined();
    expect(classifyValue('existingSecret', 'dancu-credentials', settings)).toBeUndefined();
    expect(classifyValue('username', 'dvc-tinhmau', settings)).toBeUndefined();
  });
  it('judges ${NAME:default} by its default', () => {
    expect(classifyValue('password', `\${DB_PASSWORD:${SECRET}}`, settings)).toBe('named-literal');
    expect(classifyValue('password', `\${DB_PASSWORD:-${SECRET}}`, settings)).toBe('named-literal');
    expect(classifyValue('password', '${DB_PASSWORD:}', settings)).toBeUndefined();
  });
  it('known shapes whatever the key', () => {
    expect(classifyValue('SESSION', jwt, settings)).toBe('jwt');
    expect(classifyValue('Authorization', `Bearer ${jwt}`, settings)).toBe('jwt');
    expect(classifyValue('signing', pem, settings)).toBe('private-key');
    expect(classifyValue('GATEWAY', `https://dvc:${SECRET}@lgsp.tinhmau.gov.vn/api`, settings)).toBe('basic-auth-url');
    expect(classifyValue('DATABASE_URL', `mongodb://dvc:${SECRET}@db:27017/dvc`, settings)).toBe('connection-string');
    expect(classifyValue('Default', `Server=db;User Id=sa;Password=${SECRET};`, settings)).toBe('connection-string');
    expect(classifyValue('url', `jdbc:postgresql://db/dvc?user=dvc&password=${SECRET}`, settings)).toBe('connection-string');
    expect(classifyValue('Default', `Server=example-db;User Id=sa;Password=${SECRET};`, settings)).toBe('connection-string');
    expect(classifyValue('Default', 'Server=db;User Id=sa;Password=${DB_PASSWORD};', settings)).toBeUndefined();
  });
  it('base64-userpass when base64 decodes to printable user:pass', () => {
    expect(classifyValue('header', b64(`dvc-tinhmau:${SECRET}`), settings)).toBe('base64-userpass');
    expect(classifyValue('Authorization', `Basic ${b64(`dvc-tinhmau:${SECRET}`)}`, settings)).toBe('base64-userpass');
    expect(classifyValue('header', b64('dvc-tinhmau:changeme'), settings)).toBeUndefined();
    expect(classifyValue('header', b64('no colon here at all'), settings)).toBeUndefined();
  });
  it('high-entropy for key-ish names that the settings do not list', () => {
    expect(classifyValue('buildSalt', 'q8Zr2LwX9vTn4KpF7yHs3mBd', settings)).toBe('high-entropy');
    expect(classifyValue('buildSalt', 'aaaaaaaaaaaaaaaaaaaa', settings)).toBeUndefined();
    expect(classifyValue('image', 'q8Zr2LwX9vTn4KpF7yHs3mBd', settings)).toBeUndefined();
  });
  it('certificates and public keys are not secrets, even forced', () => {
    const cert = `-----BEGIN CERTIFICATE-----\n${pemBody}\n-----END CERTIFICATE-----\n`;
    expect(classifyValue('tls.crt', cert, settings, { forceSensitive: true })).toBeUndefined();
    expect(classifyValue('id_rsa.pub', `ssh-ed25519 AAAAC3${pemBody} dvc@tinhmau`, settings, { forceSensitive: true })).toBeUndefined();
  });
  it('forceSensitive makes any literal a candidate (Kubernetes Secret data)', () => {
    expect(classifyValue('DANCU_USERNAME', 'dvc-tinhmau', settings, { forceSensitive: true })).toBe('named-literal');
    expect(classifyValue('DANCU_USERNAME', '${X}', settings, { forceSensitive: true })).toBeUndefined();
  });
});

describe('credentialFact / candidateFromValue', () => {
  it('keeps only redacted form, length, entropy and hash', () => {
    const f = credentialFact({ file: 'a.env', line: 3, column: 5, source: 'dotenv', kind: 'named-literal', key: 'DANCU_PASSWORD', value: SECRET });
    expect(f).toMatchObject({
      file: 'a.env',
      line: 3,
      column: 5,
      source: 'dotenv',
      kind: 'named-literal',
      key: 'DANCU_PASSWORD',
      redacted: 'Su…9x',
      length: SECRET.length,
      placeholder: false,
      valueHash: sha256Hex(SECRET),
    });
    expect(f.entropy).toBeGreaterThan(3);
    expect(JSON.stringify(f)).not.toContain('Sup3rS3cret');
  });

  it('hashes the secret part: the URL password, so the same password matches across files', () => {
    const a = candidateFromValue({ file: 'x', line: 1, source: 'dotenv', key: 'URL', value: `https://dvc:${SECRET}@lgsp.tinhmau.gov.vn/`, settings });
    const b = candidateFromValue({ file: 'y', line: 1, source: 'spring', key: 'dancu.password', value: SECRET, settings });
    expect(a?.kind).toBe('basic-auth-url');
    expect(a?.valueHash).toBe(b?.valueHash);
    expect(JSON.stringify([a, b])).not.toContain('Sup3rS3cret');
  });
});

describe('detectKnownFormats', () => {
  it('returns nothing without a keyword (prefilter)', () => {
    expect(detectKnownFormats('const a = 1;\n'.repeat(10_000), 'big.ts', 'text')).toEqual([]);
  });

  it('finds PEM at the BEGIN line, JWT, basic-auth URL, connection strings, with exact lines and columns', () => {
    const lines = [
      '// synthetic', // 1
      `const key = "${pem.replace(/\n/g, '\\n')}";`, // 2
      `const t = '${jwt}';`, // 3
      `const u = "https://dvc:${SECRET}@lgsp.tinhmau.gov.vn/api";`, // 4
      `const m = "mongodb://dvc:${SECRET}@db:27017/dvc";`, // 5
      `const ado = "Server=db;Database=dvc;User Id=sa;Password=${SECRET};";`, // 6
      `String j = "jdbc:mysql://db/dvc?user=dvc&password=${SECRET}";`, // 7
      `String o = "jdbc:oracle:thin:dvc/${SECRET}@db:1521:ORCL";`, // 8
      'const p = "Server=db;Password=${DB_PASSWORD};";', // 9: placeholder
      'const q = "https://user:${PASS}@lgsp.tinhmau.gov.vn";', // 10: placeholder
      'const d = "https://user:s3cr3tpass@example.com";', // 11: documentation host
      'const c = "password=" + pwd;', // 12: no connection string
      ...pem.split('\n'), // 13..16
    ];
    const col = (line: number, token: string) => (lines[line - 1] ?? '').indexOf(token) + 1;
    const facts = detectKnownFormats(lines.join('\n'), 'src/x.ts', 'text');
    expect(facts.map((f) => [f.line, f.column, f.kind])).toEqual([
      [2, col(2, '-----BEGIN'), 'private-key'],
      [3, col(3, 'eyJ'), 'jwt'],
      [4, col(4, 'https://'), 'basic-auth-url'],
      [5, col(5, 'mongodb://'), 'connection-string'],
      [6, col(6, 'Password='), 'connection-string'],
      [7, col(7, 'password='), 'connection-string'],
      [8, col(8, 'jdbc:oracle'), 'connection-string'],
      [13, 1, 'private-key'],
    ]);
    expect(col(6, 'Password=')).toBe(48);
    expect(facts.every((f) => f.source === 'text' && f.file === 'src/x.ts')).toBe(true);
    // The escaped and the multi-line PEM are the same key: same hash.
    expect(facts[0]?.valueHash).toBe(facts[7]?.valueHash);
    // URL and connection-string facts hash the password alone.
    expect(facts.slice(2, 7).every((f) => f.valueHash === sha256Hex(SECRET))).toBe(true);
    expect(JSON.stringify(facts)).not.toContain('Sup3rS3cret');
    expect(JSON.stringify(facts)).not.toContain(pemBody.slice(0, 20));
  });

  it('ignores a PEM header without a body', () => {
    expect(detectKnownFormats('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----', 'a', 'text')).toEqual([]);
  });
});

describe('dedupeCredentials', () => {
  it('prefers the structured source over text on the same line or the same value nearby', () => {
    const base = { file: 'k.yaml', kind: 'basic-auth-url' as const, value: SECRET };
    const structured = credentialFact({ ...base, line: 4, source: 'k8s-env', key: 'URL' });
    const textSame = credentialFact({ ...base, line: 4, column: 20, source: 'text' });
    const textNear = credentialFact({ ...base, line: 6, source: 'text' });
    const textOtherFile = credentialFact({ ...base, file: 'other.ts', line: 4, source: 'text' });
    const out = dedupeCredentials([textSame, structured, textNear, textOtherFile, structured]);
    expect(out).toEqual([structured, textOtherFile]);
  });

  it('keeps the same secret again further away (a commented-out copy is another place to clean up)', () => {
    const base = { file: '.env', kind: 'named-literal' as const, value: SECRET, key: 'DB_PASSWORD' };
    const structured = credentialFact({ ...base, line: 10, source: 'dotenv' });
    const commented = credentialFact({ ...base, line: 24, source: 'text' });
    expect(dedupeCredentials([structured, commented])).toEqual([structured, commented]);
  });

  it('a structured placeholder does not hide what the text scan found on its line', () => {
    const placeholder = credentialFact({ file: 'config/app.php', line: 5, source: 'source', kind: 'named-literal', key: 'key', value: "env('APP_KEY')" });
    const literal = credentialFact({ file: 'config/app.php', line: 5, source: 'text', kind: 'named-literal', key: 'APP_KEY', value: SECRET });
    expect(placeholder.placeholder).toBe(true);
    expect(dedupeCredentials([placeholder, literal])).toEqual([placeholder, literal]);
  });
});

describe('redactUrl', () => {
  it('masks the password and sensitive query values', () => {
    expect(redactUrl(`https://dvc:${SECRET}@h.vn/a?token=${SECRET}&page=2`)).toBe('https://dvc:***@h.vn/a?token=***&page=2');
    expect(redactUrl(`https://dvc:kX9/Qm2+Zr7@pLw==@h.vn/a?matkhau=${SECRET}`)).toBe('https://dvc:***@h.vn/a?matkhau=***');
    expect(redactUrl('https://h.vn/a')).toBe('https://h.vn/a');
  });
});

describe('known formats through the classifier and the text facts', () => {
  it('classifyValue reports a vendor token as kind token, whatever the key', () => {
    expect(classifyValue('GH', 'ghp_' + fake(36, 50), settings)).toBe('token');
    expect(classifyValue('DANCU_PASSWORD', 'ghp_' + fake(36, 50), settings)).toBe('token');
  });

  it('detectKnownFormats reports a vendor token at its line, without the token', () => {
    const token = 'ghp_' + fake(36, 1);
    const text = `// synthetic, fake\nconst value = '${token}';\n`;
    const facts = detectKnownFormats(text, 'src/a.ts', 'text');
    expect(facts.map((f) => [f.line, f.kind])).toEqual([[2, 'token']]);
    expect(JSON.stringify(facts)).not.toContain(token.slice(4, 20));
  });
});

describe('text facts next to structured facts, and masking', () => {
  it('dedupe drops a text fact on a line a structured collector reported, whatever its kind', () => {
    const structured = credentialFact({ file: '.env', line: 3, source: 'dotenv', kind: 'named-literal', key: 'C06_SECRET_KEY', value: SECRET });
    const text = credentialFact({ file: '.env', line: 3, source: 'text', kind: 'token', value: 'other' + SECRET });
    const elsewhere = credentialFact({ file: '.env', line: 4, source: 'text', kind: 'token', value: 'other' + SECRET });
    expect(dedupeCredentials([text, structured, elsewhere])).toEqual([structured, elsewhere]);
  });

  it('maskSecrets redacts tokens inside URLs (user-as-token, webhook paths)', () => {
    const token = fake(40, 60, '0123456789abcdef');
    expect(maskSecrets(`git+https://${token}:x-oauth-basic@github.com/o/r.git`)).not.toContain(token);
    const path = 'T' + fake(8, 61, UPPER_ALNUM) + '/B' + fake(10, 62, UPPER_ALNUM) + '/' + fake(24, 63);
    expect(maskSecrets(`https://hooks.slack.com/services/${path}`)).not.toContain(path.slice(-20));
    expect(maskSecrets('https://lgsp.tinhmau.gov.vn/api')).toBe('https://lgsp.tinhmau.gov.vn/api');
  });
});

describe('Vietnamese credential names', () => {
  it('MatKhau / KhoaBiMat / MaBaoMat spellings are sensitive keys, labels and other names are not', () => {
    for (const k of ['MatKhau', 'matKhau', 'MAT_KHAU', 'DANCU_MATKHAU', 'mat-khau', 'dancu.mat_khau', 'DanCu:MatKhau', 'KhoaBiMat', 'khoa_bi_mat', 'MaBaoMat', 'ma-bao-mat'])
      expect(isSensitiveKey(k, settings), k).toBe(true);
    for (const k of ['tenDangNhap', 'hoTen', 'matTruoc', 'khoaHoc', 'maBao']) expect(isSensitiveKey(k, settings), k).toBe(false);
  });

  it('a "Mật khẩu" prose value under such a key is not a credential', () => {
    expect(classifyValue('matKhau', 'Mật khẩu', settings)).toBeUndefined();
    expect(classifyValue('nhanMatKhau', 'Nhập mật khẩu của bạn', settings)).toBeUndefined();
    expect(classifyValue('MatKhau', 'Qx7vLm2pRt9w', settings)).toBe('named-literal');
  });
});

describe('public header and cookie names are not credentials', () => {
  it('isPublicName', () => {
    for (const v of ['XSRF-TOKEN', 'X-CSRF-TOKEN', 'X-XSRF-TOKEN', 'Authorization', 'Bearer', 'JSESSIONID', 'X-Api-Key', 'x-auth-token', 'X-DANCU-TOKEN'])
      expect(isPublicName(v), v).toBe(true);
    for (const v of ['Qx7vLm2pRt9w', 'ABCD-1234-EFGH-5678', 'Sup3r-S3cret-Value', SECRET]) expect(isPublicName(v), v).toBe(false);
  });

  it('csrfTokenCookie = "XSRF-TOKEN" is not classified as a credential', () => {
    expect(classifyValue('csrfTokenCookie', 'XSRF-TOKEN', settings)).toBeUndefined();
    expect(classifyValue('csrfHeader', 'X-CSRF-TOKEN', settings)).toBeUndefined();
    expect(classifyValue('authScheme', 'Bearer', settings)).toBeUndefined();
    expect(classifyValue('apiToken', 'Qx7vLm2pRt9wZc6v', settings)).toBe('named-literal');
  });
});

describe('Vietnamese names, SOAP elements and public names, end to end', () => {
  it('reports MatKhau/KhoaBiMat/MaBaoMat in TS, .env, appsettings.json, application.yml and SOAP literals; not XSRF-TOKEN', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-vi-'));
    try {
      mkdirSync(join(dir, 'src', 'main', 'java'), { recursive: true });
      writeFileSync(
        join(dir, 'client.ts'),
        [
          "export const cfg = { MatKhau: 'Qx7vLm2pRt9w', user: 'dvc' };",
          "export const DANCU_MATKHAU = 'Bz5tYc1nVx8u';",
          "export const labels = { matKhau: 'Mật khẩu', khoaBiMat: 'Khóa bí mật' };",
          "export const KhoaBiMat = 'Jw3rTe6yUi9o';",
          "export const MaBaoMat = 'Gd2fHs7kLa4q';",
          "export const csrfTokenCookie = 'XSRF-TOKEN';",
          'export const soap = `<dan:TraCuu><dan:TenDangNhap>dvc</dan:TenDangNhap><dan:MatKhau>Vb8nMq3wEr5t</dan:MatKhau></dan:TraCuu>`;',
          'export const soap2 = `<dan:MatKhau>${process.env.DANCU_MATKHAU}</dan:MatKhau>`;',
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(dir, 'src', 'main', 'java', 'DanCuSoap.java'),
        'public class DanCuSoap {\n  static final String ENV = "<wsse:Password Type=\\"#PasswordText\\">Pk9sLd4fGh7j</wsse:Password>";\n}\n',
      );
      writeFileSync(join(dir, '.env'), 'DANCU_MATKHAU=Zc6vBn1mQw3e\nmat-khau=Xa2sDf5gHj8k\nKHOA_BI_MAT=Rt4yUi7oPa1s\n');
      writeFileSync(join(dir, 'appsettings.json'), '{ "DanCu": { "MatKhau": "Lk3jHg6fDs9a", "KhoaBiMat": "Mn2bVc5xZl8k", "NhanMatKhau": "Mật khẩu" } }\n');
      writeFileSync(join(dir, 'application.yml'), 'dancu:\n  mat_khau: Po9iUy6tRe3w\n  khoa_bi_mat: Qa1zWs4xEd7c\n  ma-bao-mat: Fv5gBh8nJm2k\n');
      const r = await scan({ path: dir, today: '2026-01-15' });
      const cred = r.findings.filter((f) => f.category === 'credentials').map((f) => `${f.file}:${f.line}`);
      expect(new Set(cred)).toEqual(
        new Set([
          'client.ts:1',
          'client.ts:2',
          'client.ts:4',
          'client.ts:5',
          'client.ts:7',
          'src/main/java/DanCuSoap.java:2',
          '.env:1',
          '.env:2',
          '.env:3',
          'appsettings.json:1',
          'application.yml:2',
          'application.yml:3',
          'application.yml:4',
        ]),
      );
      const all = JSON.stringify(r.findings);
      for (const s of ['Qx7vLm2pRt9w', 'Vb8nMq3wEr5t', 'Pk9sLd4fGh7j', 'Zc6vBn1mQw3e', 'Lk3jHg6fDs9a', 'Po9iUy6tRe3w']) expect(all).not.toContain(s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('names and shapes on real-code shapes (issue 11)', () => {
  const cand = (key: string, value: string, source: 'source' | 'properties' | 'appsettings' | 'dotenv' = 'properties') =>
    candidateFromValue({ file: 'f', line: 1, source, key, value, settings });

  it('identifier values bound to credential names are not candidates', () => {
    expect(cand('NGSP_SECRET_KEY', 'org.acme.ngsp.secret.key', 'source')).toBeUndefined();
    expect(cand('CONSUMER_SECRET', 'consumer_secret', 'source')).toBeUndefined();
    expect(cand('FORGET_PASSWORD', 'forget_password', 'source')).toBeUndefined();
    expect(cand('LOGIN_TOKEN', 'auth/LOGIN_SUCCESS', 'source')).toBeUndefined();
    expect(cand('SecuritySettings:JwtSettings:tokenExpirationInMinutes', '3600', 'appsettings')).toBeUndefined();
    expect(cand('passwordsSecretKeystoreKey', 'keystore-password')).toBeUndefined();
    expect(cand('password', 'Passwort', 'source')).toBeUndefined();
  });

  it('misspelt keys and a bare key under signing settings are found, with their shape', () => {
    expect(cand('org.acme.screct.key', 'Wq8Zr2LwX9vTn4KpF7yHs3mBd')?.kind).toBe('named-literal');
    expect(cand('VALUE_CLIENT_SECRECT', 'Wq8Zr2LwX9vTn4KpF7yHs3mBd', 'source')?.shape).toBe('random');
    expect(cand('SecuritySettings:PasetoSettings:key', '0e7a61b2-4c1d-4f2e-9a3b-5d6c7e8f9a0b', 'appsettings')?.kind).toBe('named-literal');
    expect(cand('DB_PASSWORD', 'Tandan-42x', 'dotenv')?.shape).toBe('human');
    expect(cand('DB_PASSWORD', 'postgres', 'dotenv')?.shape).toBe('default');
  });

  it('a one-character password in a connection string is a (trivial) credential', () => {
    const f = candidateFromValue({ file: 'f', line: 1, source: 'appsettings', key: 'ConnectionString', value: 'Server=db.local;Database=app;User Id=app;Password=1;', settings });
    expect(f?.kind).toBe('connection-string');
    expect(f?.placeholder).toBe(false);
    expect(f?.shape).toBe('default');
    // A format specifier is filled at run time.
    expect(candidateFromValue({ file: 'f', line: 1, source: 'source', value: 'user=%s password=%s dbname=%s sslmode=disable host=db', settings })).toBeUndefined();
  });

  it('a PEM header with no key material is not a private key, in a comment or not', () => {
    expect(detectKnownFormats('## -----BEGIN RSA PRIVATE KEY-----\n## paste the key here\nkey: value\nother: thing\n', 'values.yaml', 'text')).toEqual([]);
    expect(detectKnownFormats(`hostKey: |-\n  -----BEGIN RSA PRIVATE KEY-----\n  ${pemBody.slice(0, 64)}\n  ${pemBody.slice(64, 128)}\n  -----END RSA PRIVATE KEY-----\n`, 'values.yaml', 'text').map((f) => f.kind)).toEqual(['private-key']);
  });

  it('a literal fallback of env() in PHP code is found by the text scan', () => {
    const facts = detectKnownFormats("<?php\nreturn [\n  'key' => env('APP_KEY', 'Wq8Zr2LwX9vTn4KpF7yHs3mBdQ1e'),\n];\n", 'config/app.php', 'text');
    expect(facts.map((f) => [f.line, f.key, f.kind])).toEqual([[3, 'APP_KEY', 'named-literal']]);
  });
});
