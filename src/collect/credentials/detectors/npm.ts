/**
 * npm: access tokens (`npm_…`) anywhere, and `.npmrc` credentials (`_authToken=`,
 * `_auth=` base64 user:pass, `_password=`) unless they reference the environment.
 */
import { decodeRealUserPass, isDummy } from '../values.js';
import { tokenDetector } from './token.js';
import { regexDetector, type Detector } from './types.js';

export const npmAccessToken = tokenDetector({
  id: 'npm-access-token',
  family: 'npm',
  description: 'npm access token (npm_…)',
  keywords: ['npm_'],
  pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
  bodyFrom: 4,
});

export const npmrcAuth = regexDetector({
  id: 'npmrc-auth',
  family: 'npm',
  description: '.npmrc registry credential (_authToken=, _auth=, _password=) that is not an ${ENV} reference',
  kind: 'token',
  keywords: ['_authtoken', '_auth', '_password'],
  anchored: true,
  pattern: /(_authToken|_auth|_password)[ \t]*=[ \t]*(["']?)([^\s"'#;]{8,})\2/,
  group: 3,
  validate: (v, m, { text }) => {
    const prev = text[m.index - 1];
    return (prev === undefined || prev === ':' || prev === '\n' || prev === ' ' || prev === '\t') && !isDummy(v);
  },
  refine: (v, m) => {
    const key = m[1] ?? '';
    if (key === '_auth') return { key, kind: decodeRealUserPass(v) ? 'base64-userpass' : 'token' };
    if (key === '_password') return { key, kind: 'named-literal' };
    return { key };
  },
});

export const npmDetectors: readonly Detector[] = [npmAccessToken, npmrcAuth];
