import { describe, expect, it } from 'vitest';
import { isDummy, isPlaceholder, looksLikeProse } from '../../../src/collect/credentials/values.js';

// Synthetic values only.
const SECRET = 'Sup3rS3cretValue!9x';
const jwt = [
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'eyJzdWIiOiIwMDAwMDAwMDAwMDAiLCJuYW1lIjoiTmd1eWVuIFZhbiBBIiwiaWF0IjowfQ',
  'ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3RzLW9ubHk',
].join('.');

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

describe('isDummy', () => {
  it('isDummy and plausibleSecret', () => {
    for (const d of ['pass', 'password1', 'admin', '1234', '123456', '1111', 'aaaa', 'not_a_real_token', 'REPLACE_WITH_PASSWORD', 'my-password', 'p@ssw0rd'])
      expect(isDummy(d), d).toBe(true);
    for (const d of [SECRET, 'Qm7vT2xR9pLw4KzN8sYc', 'm42ploz2wd']) expect(isDummy(d), d).toBe(false);
  });
});
