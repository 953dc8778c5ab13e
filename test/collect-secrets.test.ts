import { describe, expect, it } from 'vitest';
import {
  candidateFromValue,
  classifyValue,
  credentialFact,
  dedupeCredentials,
  detectKnownFormats,
  isPlaceholder,
  isSensitiveKey,
  leafKey,
  lineIndex,
  looksLikeProse,
} from '../src/collect/secrets.js';
import { defaultSettings } from '../src/policy/settings.js';
import { redactUrl, sha256Hex } from '../src/util/redact.js';

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

describe('isPlaceholder', () => {
  const placeholders = [
    '${DANCU_PASSWORD}',
    '${DANCU_PASSWORD:-}',
    '$DANCU_PASSWORD',
    '$(DANCU_PASSWORD)',
    '%DANCU_PASSWORD%',
    '{{ .Values.dancu.password }}',
    '${{ secrets.DANCU_PASSWORD }}',
    '#{Dancu.Password}',
    '%(dancu_password)s',
    '<your-password>',
    'changeme',
    'change_me',
    'CHANGE-ME-later',
    'xxxxxxxx',
    'xxxx-xxxx',
    '********',
    'your_password_here',
    'yourApiKey',
    'example-password',
    'dummy-secret-value',
    'placeholder',
    'TODO',
    'set me TODO',
    'null',
    'None',
    'undefined',
    'true',
    'false',
    '',
    '   ',
    'abc',
    'secretKeyRef:dancu/password',
    'vault:secret/data/dancu#password',
    'ref+awssecrets://dancu/password',
    'arn:aws:secretsmanager:ap-southeast-1:000000000000:secret:dancu',
    '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/dancu)',
    'ENC(AbCdEf0123456789)',
    "env('DANCU_PASSWORD')",
    'env(DANCU_PASSWORD)',
    'process.env.DANCU_PASSWORD',
    'os.getenv("DANCU_PASSWORD")',
    '{0}',
    '{password}',
    '"${DB_PASS}"',
  ];
  it.each(placeholders)('%j is a placeholder', (v) => {
    expect(isPlaceholder(v)).toBe(true);
  });

  it.each([SECRET, 'P@ssw0rd2024', 'hunter22', jwt, '0123'])('%j is not', (v) => {
    expect(isPlaceholder(v)).toBe(false);
  });
});

describe('looksLikeProse', () => {
  it.each(['Mật khẩu', 'Nhập mật khẩu của bạn', 'Enter your password', 'Mậtkhẩu', 'API key của bạn', 'Please enter the secret token'])(
    '%j is prose',
    (v) => expect(looksLikeProse(v)).toBe(true),
  );
  it.each([SECRET, 'P@ss w0rd!', 'abc123XYZ', jwt])('%j is not prose', (v) => expect(looksLikeProse(v)).toBe(false));
});

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

  it('leafKey splits on . : __ / and [i]', () => {
    expect(leafKey('a.b[0].c')).toBe('c');
    expect(leafKey('A:B:0:C')).toBe('C');
    expect(leafKey('A__B')).toBe('B');
    expect(leafKey('plain')).toBe('plain');
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
    expect(classifyValue('signingKey', 'q8Zr2LwX9vTn4KpF7yHs3mBd', settings)).toBe('high-entropy');
    expect(classifyValue('signingKey', 'aaaaaaaaaaaaaaaaaaaa', settings)).toBeUndefined();
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
  it('prefers the structured source over text on the same line or same value', () => {
    const base = { file: 'k.yaml', kind: 'basic-auth-url' as const, value: SECRET };
    const structured = credentialFact({ ...base, line: 4, source: 'k8s-env', key: 'URL' });
    const textSame = credentialFact({ ...base, line: 4, column: 20, source: 'text' });
    const textOther = credentialFact({ ...base, line: 9, source: 'text' });
    const textOtherFile = credentialFact({ ...base, file: 'other.ts', line: 4, source: 'text' });
    const out = dedupeCredentials([textSame, structured, textOther, textOtherFile, structured]);
    expect(out).toEqual([structured, textOtherFile]);
  });
});

describe('helpers', () => {
  it('lineIndex maps offsets to 1-based line/column', () => {
    const pos = lineIndex('ab\ncd\n\nef');
    expect(pos(0)).toEqual({ line: 1, column: 1 });
    expect(pos(4)).toEqual({ line: 2, column: 2 });
    expect(pos(7)).toEqual({ line: 4, column: 1 });
  });
  it('redactUrl masks the password and sensitive query values', () => {
    expect(redactUrl(`https://dvc:${SECRET}@h.vn/a?token=${SECRET}&page=2`)).toBe('https://dvc:***@h.vn/a?token=***&page=2');
    expect(redactUrl('https://h.vn/a')).toBe('https://h.vn/a');
  });
});
