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
  detectorCatalog,
  isCredentialName,
  isDummy,
  isPlaceholder,
  isPublicName,
  isSensitiveKey,
  leafKey,
  lineIndex,
  looksLikeProse,
  maskSecrets,
  scanText,
} from '../../../src/collect/credentials/candidates.js';
import { triggeredDetectors } from '../../../src/collect/credentials/detectors/index.js';
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
    expect(redactUrl(`https://dvc:kX9/Qm2+Zr7@pLw==@h.vn/a?matkhau=${SECRET}`)).toBe('https://dvc:***@h.vn/a?matkhau=***');
    expect(redactUrl('https://h.vn/a')).toBe('https://h.vn/a');
  });
});

// ---------------------------------------------------------------------------
// Detectors (./secrets/): formats, keyword context, prefilter, catalog.

/** Deterministic fake token material (never a real credential). */
function fake(n: number, seed: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  let s = seed;
  let out = '';
  while (out.length < n) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[s % alphabet.length];
  }
  return out;
}

describe('format detectors (one synthetic sample each)', () => {
  const samples: Array<[string, string, string]> = [
    ['github-token', 'ghp_' + fake(36, 1), 'token'],
    ['github-fine-grained-pat', 'github_pat_' + fake(22, 2) + '_' + fake(59, 3), 'token'],
    ['gitlab-token', 'glpat-' + fake(20, 4), 'token'],
    ['slack-token', 'xoxb-' + fake(11, 5, '0123456789') + '-' + fake(13, 6, '0123456789') + '-' + fake(24, 7), 'token'],
    ['slack-webhook', 'https://hooks.slack.com/services/T' + fake(8, 8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789') + '/B' + fake(10, 9, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789') + '/' + fake(24, 10), 'token'],
    ['npm-access-token', 'npm_' + fake(36, 11), 'token'],
    ['aws-access-key-id', 'AKIA' + fake(16, 12, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), 'token'],
    ['gcp-api-key', 'AIza' + fake(35, 13), 'token'],
    ['sendgrid-api-key', 'SG.' + fake(22, 14) + '.' + fake(43, 15), 'token'],
    ['openai-api-key', 'sk-proj-' + fake(30, 16) + 'T3BlbkFJ' + fake(30, 17), 'token'],
    ['anthropic-api-key', 'sk-ant-api03-' + fake(93, 18) + 'AA', 'token'],
    ['vault-token', 'hvs.' + fake(92, 19), 'token'],
    ['stripe-secret-key', 'sk_live_' + fake(24, 20), 'token'],
    ['azure-ad-client-secret', 'abc8Q~' + fake(34, 21), 'token'],
    ['telegram-bot-token', '7123456789:AA' + fake(33, 22), 'token'],
  ];
  it.each(samples)('%s', (detector, token, kind) => {
    const text = `// synthetic, fake\nconst value = '${token}';\n`;
    const found = scanText(text, 'src/a.ts').filter((m) => m.detector === detector);
    expect(found).toHaveLength(1);
    expect(found[0]?.kind).toBe(kind);
    const facts = detectKnownFormats(text, 'src/a.ts', 'text');
    expect(facts.map((f) => [f.line, f.kind])).toContainEqual([2, kind]);
    expect(JSON.stringify(facts)).not.toContain(token.slice(4, 20));
  });

  it('AWS secret access key: named, or next to a key id; the documentation sample is ignored', () => {
    const id = 'AKIA' + fake(16, 30, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
    const secret = fake(40, 31);
    const named = scanText(`aws_secret_access_key = ${secret}\n`, 'credentials');
    expect(named.map((m) => [m.detector, m.secret])).toEqual([['aws-secret-access-key', secret]]);
    const pair = scanText(`id: ${id}\nkey: ${secret}\n`, 'notes.cfg');
    expect(pair.map((m) => m.detector)).toEqual(['aws-access-key-id', 'aws-secret-near-key-id']);
    expect(scanText('aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', 'credentials')).toEqual([]);
    // A longer (encrypted) blob under the name is not an AWS secret, and the generic detector defers.
    expect(scanText(`AWS_SECRET_ACCESS_KEY = ${fake(54, 32)}==\n`, 'input')).toEqual([]);
  });

  it('PEM: every private-key flavour at its BEGIN line; placeholders, public keys and certificates never', () => {
    const body = Buffer.from(fake(300, 33)).toString('base64').match(/.{1,64}/g)?.join('\n') ?? '';
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 97 + 13) % 256)).toString('base64');
    for (const label of ['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PRIVATE KEY', 'PGP PRIVATE KEY BLOCK']) {
      const text = `x\n-----BEGIN ${label}-----\n${bytes}\n-----END ${label}-----\n`;
      expect(scanText(text, 'k.pem').map((m) => [m.detector, m.index]), label).toEqual([['pem-private-key', 2]]);
    }
    for (const placeholder of ['...', 'xxx', '***', Buffer.from('abcdefghijklmnopqrstuvwxyz').toString('base64'), body]) {
      expect(scanText(`-----BEGIN PRIVATE KEY-----\n${placeholder}\n-----END PRIVATE KEY-----\n`, 'k.pem'), placeholder.slice(0, 10)).toEqual([]);
    }
    for (const label of ['PUBLIC KEY', 'CERTIFICATE', 'RSA PUBLIC KEY']) {
      expect(scanText(`-----BEGIN ${label}-----\n${bytes}\n-----END ${label}-----\n`, 'k.pem')).toEqual([]);
    }
  });

  it('vendor placeholders and near misses are not reported', () => {
    for (const text of [
      'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'glpat-abc',
      'ghp_' + 'x'.repeat(36),
      'xghp_' + fake(36, 40),
      'pk_live_' + fake(24, 41),
      'https://hooks.slack.com/services/TXXXXX/BXXXXX/XXXXXXXXXX',
      'sk-openai-123456',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      'const tx = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";',
    ]) {
      expect(scanText(`${text}\n`, 'notes.cfg'), text.slice(0, 20)).toEqual([]);
    }
  });

  it('classifyValue reports a vendor token as kind token, whatever the key', () => {
    expect(classifyValue('GH', 'ghp_' + fake(36, 50), settings)).toBe('token');
    expect(classifyValue('DANCU_PASSWORD', 'ghp_' + fake(36, 50), settings)).toBe('token');
  });
});

describe('keyword context: a literal after a credential name, in any syntax', () => {
  const v = 'Qm7vT2xR9pLw4KzN8sYc'; // synthetic
  const positives: Array<[string, string, string]> = [
    ['src/a.ts', `const C06_SECRET_KEY = '${v}';`, 'C06_SECRET_KEY'],
    ['src/a.ts', `export const cfg = { keyPass: "${v}" };`, 'keyPass'],
    ['src/a.ts', `const t = process.env.LGSP_TOKEN || '${v}';`, 'process.env.LGSP_TOKEN'],
    ['src/a.py', `api_key = os.getenv("C06_API_KEY", "${v}")`, 'C06_API_KEY'],
    ['src/A.java', `builder.setPassword("${v}");`, 'builder.setPassword'],
    ['src/a.go', `dbPassword := "${v}"`, 'dbPassword'],
    ['config/database.php', `'password' => env('DB_PASSWORD', '${v}'),`, 'DB_PASSWORD'],
    ['config/database.php', `define('LGSP_ACCESS_TOKEN', '${v}');`, 'LGSP_ACCESS_TOKEN'],
    ['.env', `CSDLDanCu_Password=${v}`, 'CSDLDanCu_Password'],
    ['app.yml', `  lgspaccesstoken: ${v}`, 'lgspaccesstoken'],
    ['app.yml', `  consumer_secret: "${v}"`, 'consumer_secret'],
    ['app.properties', `dancu.api.password=${v}`, 'dancu.api.password'],
    ['Web.config', `<add key="C06_apiKey" value="${v}" />`, 'C06_apiKey'],
    ['Web.config', `<add key="ida:ClientSecret" value="${v}" />`, 'ida:ClientSecret'],
    ['pom.xml', `<password>${v}</password>`, 'password'],
    ['c.postman_collection.json', `{"key": "x-api-key", "value": "${v}"}`, 'x-api-key'],
    ['run.sh', `mysql -u root --password=${v} dvc`, 'password'],
    ['run.sh', `vault login --token ${v}`, 'token'],
    ['a.json', `{"partnerCode": "MOMO", "secretKey": "${v}"}`, 'secretKey'],
  ];
  it.each(positives)('%s: %s', (file, line, key) => {
    const found = scanText(`${line}\n`, file);
    expect(found.map((m) => [m.key, m.secret])).toEqual([[key, v]]);
  });

  const negatives: Array<[string, string]> = [
    ['src/a.ts', 'password: process.env.DANCU_PASSWORD,'],
    ['src/a.ts', "const secret = this.config.get('JWT_SECRET');"],
    ['src/a.py', 'password = os.environ["DANCU_PASSWORD"]'],
    ['src/a.py', 'SECRET_KEY = os.getenv("SECRET_KEY")'],
    ['src/A.java', 'String password = System.getenv("DB_PASSWORD");'],
    ['src/A.cs', 'var key = Environment.GetEnvironmentVariable("C06_SECRET_KEY");'],
    ['.env', 'DB_PASSWORD=${DB_PASSWORD}'],
    ['.env', 'DB_PASSWORD='],
    ['.env', 'C06_SECRET_KEY=changeme'],
    ['.env', 'LGSP_TOKEN=not_a_real_token'],
    ['.env', 'API_KEY=YOUR_API_KEY'],
    ['.env', 'PASSWORD=1234'],
    ['.env', 'PASSWORD=password'],
    ['.env', 'TOKEN=xxxx-xxxx-xxxx'],
    ['app.yml', '  password: "Mật khẩu"'],
    ['app.yml', '  token: Mã xác thực'],
    ['app.yml', '  password: vault:secret/data/dancu#password'],
    ['app.yml', '  secret: "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x/)"'],
    ['app.yml', '  token: arn:aws:secretsmanager:ap-southeast-1:000000000000:secret:x'],
    ['app.yml', '  password: "{{ .Values.dancu.password }}"'],
    ['app.yml', '  tokenUrl: https://lgsp.tinhmau.gov.vn/token'],
    ['app.yml', '  passwordFile: /run/secrets/dancu'],
    ['app.yml', '  requestId: f47ac10b-58cc-4372-a567-0e02b2c3d479'],
    ['app.yml', '  commit: 9fceb02d0ae598e95dc970b74767f19372d61af8'],
    ['app.yml', '  publicKey: MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7vT2xR9pLw4KzN8sYc3HdF'],
    ['app.properties', 'label.password=M\\u1EADt kh\\u1EA9u'],
    ['i18n/vi.json', '"passwordPlaceholder": "Nhập mật khẩu",'],
    ['src/a.ts', "const TOKEN_KEY = 'auth_token';"],
    ['src/a.ts', "export const tokenType = 'Bearer';"],
    ['src/a.ts', '// Set DANCU_PASSWORD=<mật khẩu> in .env'],
    ['test.json', '{"Output":"--- PASS: TestAscii\\n"}'],
    ['package-lock.json', '"secret": "sha512-Q7vT2xR9pLw4KzN8sYc3HdFQm7vT2xR9pLw4KzN8sYc3HdF=="'],
    ['a.yml', 'SIGNATURE_HMAC_SHA256 = "HMAC-SHA256"'],
  ];
  it.each(negatives)('not in %s: %s', (file, line) => {
    expect(scanText(`${line}\n`, file)).toEqual([]);
  });

  it('isCredentialName: credential names, not references or settings about them', () => {
    for (const n of ['password', 'DB_PASSWORD', 'C06_secretKey', 'C06_apiKey', 'CSDLDanCu_Password', 'lgspaccesstoken', 'consumer_secret', 'consumerKey', 'keyPass', 'accessKey', 'secretKey', 'x-api-key', '_auth', 'Authorization', 'vnp_HashSecret', 'SECRET_KEY_BASE'])
      expect(isCredentialName(n), n).toBe(true);
    for (const n of ['passwordUrl', 'tokenType', 'private_key_id', 'publicKey', 'bypass', 'tokenizer', 'C06_userName', 'C06_X_Road_Client', 'partnerCode', 'keyName', 'passwordHash', 'password_min_length', 'nextPageToken', 'secretName', 'key'])
      expect(isCredentialName(n), n).toBe(false);
  });
});

describe('keyword prefilter', () => {
  it('clean code triggers no detector; a keyword in any case triggers its detectors', () => {
    const clean = 'export function add(a: number, b: number): number {\n  return a + b; // Mật khẩu? không.\n}\n';
    expect(triggeredDetectors(clean)).toEqual([]);
    expect(triggeredDetectors('x = GHP_abc')).toContain('github-token');
    expect(triggeredDetectors('DB_PASSWORD=')).toEqual(expect.arrayContaining(['keyword-context', 'connection-string-password']));
    expect(triggeredDetectors('-----BEGIN RSA PRIVATE KEY-----')).toContain('pem-private-key');
  });

  it('every detector carries its metadata: unique id, family, kind, description, lower-case ASCII keywords', () => {
    const ids = new Set<string>();
    for (const d of detectorCatalog()) {
      expect(ids.has(d.id), d.id).toBe(false);
      ids.add(d.id);
      expect(d.description.length, d.id).toBeGreaterThan(10);
      expect(d.keywords.length, d.id).toBeGreaterThan(0);
      for (const k of d.keywords) expect(k, d.id).toMatch(/^[\x20-\x7e]+$/);
      for (const k of d.keywords) expect(k, d.id).toBe(k.toLowerCase());
    }
    expect(ids.size).toBeGreaterThanOrEqual(45);
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
    const path = 'T' + fake(8, 61, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789') + '/B' + fake(10, 62, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789') + '/' + fake(24, 63);
    expect(maskSecrets(`https://hooks.slack.com/services/${path}`)).not.toContain(path.slice(-20));
    expect(maskSecrets('https://lgsp.tinhmau.gov.vn/api')).toBe('https://lgsp.tinhmau.gov.vn/api');
  });

  it('isDummy and plausibleSecret', () => {
    for (const d of ['pass', 'password1', 'admin', '1234', '123456', '1111', 'aaaa', 'not_a_real_token', 'REPLACE_WITH_PASSWORD', 'my-password', 'p@ssw0rd'])
      expect(isDummy(d), d).toBe(true);
    for (const d of [SECRET, 'Qm7vT2xR9pLw4KzN8sYc', 'm42ploz2wd']) expect(isDummy(d), d).toBe(false);
  });
});

describe('robustness on adversarial input', () => {
  it('long minified lines, keyword floods and long base64 runs stay linear', () => {
    const minified = 'var a={' + Array.from({ length: 20_000 }, (_, i) => `token${i}:t.get("password${i}"),sk-${'A'.repeat(50)}T3Blbk`).join(',') + '};';
    const flood = 'password=x;Server=db;\n'.repeat(20_000) + 'private key '.repeat(20_000) + `${'QUJD'.repeat(250_000)}://@\n`;
    const t0 = performance.now();
    expect(scanText(minified, 'app.min.js')).toEqual([]);
    expect(scanText(flood, 'notes.cfg')).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('Vietnamese credential names', () => {
  it('MatKhau / KhoaBiMat / MaBaoMat spellings are sensitive keys, labels and other names are not', () => {
    for (const k of ['MatKhau', 'matKhau', 'MAT_KHAU', 'DANCU_MATKHAU', 'mat-khau', 'dancu.mat_khau', 'DanCu:MatKhau', 'KhoaBiMat', 'khoa_bi_mat', 'MaBaoMat', 'ma-bao-mat'])
      expect(isSensitiveKey(k, settings), k).toBe(true);
    for (const k of ['tenDangNhap', 'hoTen', 'matTruoc', 'khoaHoc', 'maBao']) expect(isSensitiveKey(k, settings), k).toBe(false);
    for (const k of ['MatKhau', 'DANCU_MATKHAU', 'mat-khau', 'KhoaBiMat', 'MaBaoMat']) expect(isCredentialName(k), k).toBe(true);
    expect(isCredentialName('matKhauLabel')).toBe(false);
  });

  it('a "Mật khẩu" prose value under such a key is not a credential', () => {
    expect(classifyValue('matKhau', 'Mật khẩu', settings)).toBeUndefined();
    expect(classifyValue('nhanMatKhau', 'Nhập mật khẩu của bạn', settings)).toBeUndefined();
    expect(classifyValue('MatKhau', 'Qx7vLm2pRt9w', settings)).toBe('named-literal');
  });

  it('keyword context finds them in plain text', () => {
    const found = scanText('DANCU_MATKHAU=Zc6vBn1mQw3e\nmat_khau: "Xa2sDf5gHj8k"\n', 'notes.txt');
    expect(found.map((m) => [m.key, m.secret])).toEqual([
      ['DANCU_MATKHAU', 'Zc6vBn1mQw3e'],
      ['mat_khau', 'Xa2sDf5gHj8k'],
    ]);
  });
});

describe('XML elements with credential names inside string literals', () => {
  const soap = (inner: string) =>
    `const body = \`<soapenv:Envelope><soapenv:Body><dan:TraCuu><dan:TenDangNhap>dvc</dan:TenDangNhap>${inner}</dan:TraCuu></soapenv:Body></soapenv:Envelope>\`;\n`;

  it('reports <dan:MatKhau> and <wsse:Password> literals with the local name as key', () => {
    const a = scanText(soap('<dan:MatKhau>Vb8nMq3wEr5t</dan:MatKhau>'), 'src/client.ts').filter((m) => m.detector === 'xml-element');
    expect(a.map((m) => [m.key, m.secret, m.kind])).toEqual([['MatKhau', 'Vb8nMq3wEr5t', 'named-literal']]);
    const java =
      'String env = "<wsse:UsernameToken><wsse:Username>dvc</wsse:Username><wsse:Password Type=\\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\\">Pk9sLd4fGh7j</wsse:Password></wsse:UsernameToken>";\n';
    const b = scanText(java, 'src/main/java/DanCu.java').filter((m) => m.detector === 'xml-element');
    expect(b.map((m) => [m.key, m.secret])).toEqual([['Password', 'Pk9sLd4fGh7j']]);
    expect(java.slice(b[0]!.start, b[0]!.end)).toBe('Pk9sLd4fGh7j');
  });

  it('skips interpolations, concatenations, placeholders and public material', () => {
    for (const inner of [
      '<dan:MatKhau>${matKhau}</dan:MatKhau>',
      '<dan:MatKhau>${process.env.DANCU_MATKHAU}</dan:MatKhau>',
      '<dan:MatKhau>{{matKhau}}</dan:MatKhau>',
      '<dan:MatKhau>%s</dan:MatKhau>',
      '<dan:MatKhau>{0}</dan:MatKhau>',
      '<dan:MatKhau>changeme</dan:MatKhau>',
      '<dan:MatKhau>?</dan:MatKhau>',
      '<wsse:BinarySecurityToken>MIIBkTCB+wIJAKHHIG1b5xQ2MA0GCSqGSIb3</wsse:BinarySecurityToken>',
      '<dan:HoTen>Nguyen Van A</dan:HoTen>',
    ])
      expect(scanText(soap(inner), 'src/client.ts').filter((m) => m.detector === 'xml-element'), inner).toEqual([]);
    expect(scanText('String x = "<dan:MatKhau>" + matKhau + "</dan:MatKhau>";\n', 'A.java').filter((m) => m.detector === 'xml-element')).toEqual([]);
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
