/** Value shapes: names versus secrets, and what a secret looks like (src/collect/credentials/shapes.ts). */
import { describe, expect, it } from 'vitest';
import { isDefaultValue, isDummyWord, looksLikeName, valueShape } from '../../../src/collect/credentials/shapes.js';

describe('looksLikeName', () => {
  it('identifiers bound to credential names are names', () => {
    const names: Array<[string, string]> = [
      ['org.example.gateway.secret.key', 'GATEWAY_SECRET_KEY'],
      ['consumer_secret', 'CONSUMER_SECRET'],
      ['forget_password', 'FORGET_PASSWORD'],
      ['keystore-password', 'passwordsSecretKeystoreKey'],
      ['vneidPrivateKey', 'PRIVATE_KEY_CONFIG'],
      ['auth/LOGIN_SUCCESS', 'LOGIN_TOKEN_ACTION'],
      ['@app:accessToken', 'TOKEN_STORAGE'],
      ['Access-Control-Allow-Credentials', 'ALLOW_CREDENTIAL'],
      ['/api/auth/refresh-token', 'REFRESH_TOKEN'],
      ['TOKEN_TYPE_REQUEST', 'TOKEN_TYPE_REQUEST'],
      ['KIEM_THU', 'Authorization'],
      ['GOOGLE_API_KEY_VAL', 'GOOGLE_API_KEY'],
      ['required|min:6|confirmed', 'password'],
      ['[variables(\'adminPwd\')]', 'administratorLoginPassword'],
      ['[$PASSWORD$]', 'SECRET'],
      ['&#xe034;', 'icon-key'],
      ['application/vnd.example.pass', 'pkpass'],
      ['-----BEGIN RSA PRIVATE KEY-----', 'privateKeyHeader'],
      ['***CHANGED***', 'CENSOR_TOKEN'],
      ['.data-api', 'DATA_API_KEY'],
      ['org.acme.ngsp.token.url', 'NGSP_TOKEN_URL_KEY'],
      ['tem:ACpass', 'XML_ACPASS'],
      ['etcd-cluster-k8s', 'initialClusterToken'],
      ['rfc2136_kerberos_password', 'key'],
      ['base64encodedaccountkey', 'accountkey'],
    ];
    for (const [value, key] of names) expect(looksLikeName(value, key), value).toBe(true);
  });

  it('numbers, versions, durations, addresses and text for people are names', () => {
    expect(looksLikeName('3600', 'tokenExpiration')).toBe(true);
    expect(looksLikeName('^9.0.3', 'jsonwebtoken')).toBe(true);
    expect(looksLikeName('1.4.7', 'better-auth')).toBe(true);
    expect(looksLikeName('15m', 'tokenLifetime')).toBe(true);
    expect(looksLikeName('10.0.0.12', 'host_no_auth')).toBe(true);
    expect(looksLikeName('ops@example.org', 'secretContact')).toBe(true);
    expect(looksLikeName('Contrasenya', 'secret')).toBe(true); // one word: a token or a key is never a word
    expect(looksLikeName('Passwort', 'password', { passwordLike: true })).toBe(true); // one edit from the key
    expect(looksLikeName('パスワード', 'password', { passwordLike: true })).toBe(true);
  });

  it('single words: names for tokens and keys, and in code; possible passwords in config', () => {
    expect(looksLikeName('required', 'token')).toBe(true);
    expect(looksLikeName('write', 'id-token')).toBe(true);
    expect(looksLikeName('inherit', 'secrets')).toBe(true);
    expect(looksLikeName('cattreedog', 'password', { passwordLike: true, code: true })).toBe(true);
    expect(looksLikeName('hoanghai', 'DB_PASSWORD', { passwordLike: true })).toBe(false);
    // A UUID under a password name is an identifier (an authenticator's AAGUID); under a token name it may be the token.
    expect(looksLikeName('bada5566-a7aa-401f-bd96-45619a55120d', 'OnePassword', { passwordLike: true })).toBe(true);
    expect(looksLikeName('bada5566-a7aa-401f-bd96-45619a55120d', 'accessToken')).toBe(false);
    // A PIN-like number under a password name may be a password.
    expect(looksLikeName('20231125', 'DB_PASSWORD', { passwordLike: true })).toBe(false);
  });

  it('secrets are not names', () => {
    const secrets: Array<[string, string]> = [
      ['Y3kQ9wLz2Pq7RmN4vT8x', 'consumer_secret'],
      ['sa-secret-key123', 'jwt-secret-key'],
      ['Tandan123', 'Password'],
      ['@pmcs123@!', 'DB_PASSWORD'],
      ['abc123-=123', 'secret'],
      ['075b1cb2-a5fc-47ec-becd-683f5a540fd8', 'key'],
      ['WMPH3Q-O6HMMU-RKDA4Z-JBS49B', 'TOKEN_POST'],
      ['Dm9xQ2pLrT7vYw/Bn4Zk8Hs3Fc6Jg1Ea5Ui0Op', 'secret'],
    ];
    for (const [value, key] of secrets) expect(looksLikeName(value, key, { passwordLike: /pass/i.test(key) }), value).toBe(false);
  });
});

describe('valueShape', () => {
  it('defaults, words, human choices and key material', () => {
    for (const v of ['postgres', 'root', 'admin', '123456', '1', 'sa', 'guest', 'aaaaaa', 'qwerty']) expect(valueShape(v), v).toBe('default');
    expect(valueShape('hoanghai')).toBe('word');
    expect(valueShape('correct-horse-battery')).toBe('word');
    expect(valueShape('Tandan123')).toBe('human');
    expect(valueShape('abc123-=123')).toBe('human');
    expect(valueShape('075b1cb2-a5fc-47ec-becd-683f5a540fd8')).toBe('random');
    expect(valueShape('Y3kQ9wLz2Pq7RmN4vT8x')).toBe('random');
    expect(valueShape('a593e7f567d01031d153b5af6d9a25766b95926cff91c6be3438c7f7ac37230f')).toBe('random');
  });

  it('isDefaultValue and isDummyWord tell defaults from stand-ins', () => {
    expect(isDefaultValue('minioadmin')).toBe(true);
    expect(isDefaultValue('Tandan123')).toBe(false);
    expect(isDummyWord('test')).toBe(true);
    expect(isDummyWord('not-a-real-secret')).toBe(true);
    expect(isDummyWord('postgres')).toBe(false);
    // A credential word with a number: what people type as a stand-in (`password1`, `1Password`).
    expect(isDummyWord('password1')).toBe(true);
    expect(isDummyWord('1Password')).toBe(true);
    expect(isDummyWord('Password@123')).toBe(false);
  });
});
