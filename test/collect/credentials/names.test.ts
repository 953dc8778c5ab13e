/** Credential names: typos, signing parents, password-like names (src/collect/credentials/names.ts). */
import { describe, expect, it } from 'vitest';
import { isSensitiveKey } from '../../../src/collect/credentials/candidates.js';
import { isCredentialName } from '../../../src/collect/credentials/detectors/index.js';
import { correctedWord, editDistance, isMisspeltCredentialWord, isPasswordName, sensitiveByParent } from '../../../src/collect/credentials/names.js';
import { defaultSettings } from '../../../src/policy/settings.js';

const settings = defaultSettings();

describe('misspelt credential words', () => {
  it('curated typos and one edit from a long credential word', () => {
    for (const w of ['screct', 'secrect', 'ecret', 'secert', 'passowrd', 'pasword', 'credentail', 'tocken']) expect(isMisspeltCredentialWord(w), w).toBe(true);
    expect(correctedWord('screct')).toBe('secret');
    expect(correctedWord('passowrd')).toBe('password');
    expect(correctedWord('tocken')).toBe('token');
  });

  it('not the word itself, nor real words one edit away, nor short words', () => {
    for (const w of ['secret', 'password', 'passed', 'select', 'secure', 'taken', 'passport', 'sector']) expect(isMisspeltCredentialWord(w), w).toBe(false);
  });

  it('editDistance counts a transposition as one edit and stops early', () => {
    expect(editDistance('passowrd', 'password')).toBe(1);
    expect(editDistance('screct', 'secret')).toBe(2);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('sensitive names', () => {
  it('a typo in the leaf makes a key sensitive', () => {
    expect(isSensitiveKey('VALUE_CLIENT_SECRECT', settings)).toBe(true);
    expect(isSensitiveKey('consumer_ecret', settings)).toBe(true);
    expect(isCredentialName('VALUE_CLIENT_SECRECT')).toBe(true);
  });

  it('a bare key under signing or secret settings is sensitive; elsewhere it is not', () => {
    expect(isSensitiveKey('SecuritySettings:JwtSettings:key', settings)).toBe(true);
    expect(isSensitiveKey('SecuritySettings:PasetoSettings:key', settings)).toBe(true);
    expect(isSensitiveKey('org.acme.screct.key', settings)).toBe(true);
    expect(isSensitiveKey('org.acme.secret.key', settings)).toBe(true);
    expect(isSensitiveKey('cache.key', settings)).toBe(false);
    // `secretKeyRef.key` names an entry of a Kubernetes Secret: a reference, not a secret.
    expect(isSensitiveKey('env[0].valueFrom.secretKeyRef.key', settings)).toBe(false);
    expect(isSensitiveKey('i18n.key', settings)).toBe(false);
    expect(sensitiveByParent(['Jwt', 'Key'])).toBe(true);
    expect(sensitiveByParent(['Jwt', 'Issuer'])).toBe(false);
    expect(isCredentialName('org.acme.screct.key')).toBe(true);
  });

  it('application and signing keys are sensitive by the settings patterns', () => {
    for (const k of ['APP_KEY', 'appKey', 'signing_key', 'HMAC_KEY', 'RECAPTCHA_SECRETKEY']) expect(isSensitiveKey(k, settings), k).toBe(true);
    expect(isSensitiveKey('cacheKey', settings)).toBe(false);
  });

  it('a key with spaces is a label, not a name', () => {
    expect(isSensitiveKey('Client Secret', settings)).toBe(false);
    expect(isSensitiveKey('Rotate secret', settings)).toBe(false);
  });

  it('password-like names', () => {
    expect(isPasswordName('DB_PASSWORD')).toBe(true);
    expect(isPasswordName('keyPass')).toBe(true);
    expect(isPasswordName('MatKhau')).toBe(true);
    expect(isPasswordName('apiToken')).toBe(false);
  });
});
