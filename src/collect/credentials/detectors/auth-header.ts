/**
 * Authorization built from literals: `Basic <base64 of user:pass>` (also C#'s
 * `AuthenticationHeaderValue("Basic", "…")`), `Bearer <opaque token>`, `curl -u user:pass`,
 * and PowerShell `ConvertTo-SecureString "…" -AsPlainText`.
 */
import { decodeRealUserPass, isDummy, plausibleSecret } from '../values.js';
import { lineAt, regexDetector, type Detector } from './types.js';

export const basicAuthHeader = regexDetector({
  id: 'basic-auth-header',
  family: 'auth-header',
  description: 'Basic authorization with a base64 user:password literal',
  kind: 'base64-userpass',
  keywords: ['basic'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9_])Basic(?:[ \t]+|[ \t]*["'`][ \t]*[,+][ \t]*@?["'`][ \t]*)([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/i,
  group: 1,
  validate: (b64) => decodeRealUserPass(b64) !== undefined,
  key: 'Authorization',
});

export const bearerToken = regexDetector({
  id: 'bearer-token',
  family: 'auth-header',
  description: 'Bearer/Token authorization with a literal opaque token',
  kind: 'auth-header',
  keywords: ['bearer'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9_])Bearer[ \t]+([A-Za-z0-9._~+/-]{20,}=*)(?![A-Za-z0-9._~+/=-])/i,
  group: 1,
  validate: (t) => plausibleSecret(t) && !/^eyJ/.test(t),
  key: 'Authorization',
});

/** A `curl` command word earlier on the line of `offset`. */
function curlBefore(text: string, offset: number): boolean {
  const { start } = lineAt(text, offset);
  return /(?:^|[^A-Za-z0-9_-])curl(?![A-Za-z0-9_-])/.test(text.slice(start, offset));
}

export const curlUser = regexDetector({
  id: 'curl-user',
  family: 'auth-header',
  description: 'curl -u/--user user:password on a command line',
  kind: 'auth-header',
  // Anchored at the flag, with `curl` checked before it on the line: a pattern from
  // `curl` to the flag (`curl\b[^\n]*?-u`) was quadratic on a line of `curl curl …`.
  keywords: ['-u', '--user'],
  anchored: true,
  pattern: /(?<=[ \t])(?:-u|--user)[ \t]*(["']?)([^\s:"'`$]{1,64}):([^\s"'`$,;)]{3,128})\1/,
  group: 3,
  validate: (pass, m, input) => !isDummy(pass) && pass !== m[2] && curlBefore(input.text, m.index),
  key: '--user',
});

export const powershellSecureString = regexDetector({
  id: 'powershell-plaintext-securestring',
  family: 'auth-header',
  description: 'PowerShell ConvertTo-SecureString "<literal>" -AsPlainText',
  kind: 'named-literal',
  keywords: ['convertto-securestring'],
  anchored: true,
  pattern: /ConvertTo-SecureString\s+(?:-String\s+)?(["'])([^"'\r\n]{4,})\1\s+-AsPlainText/i,
  group: 2,
  validate: (v) => !isDummy(v),
  key: 'ConvertTo-SecureString',
});

export const literalCredentialPair = regexDetector({
  id: 'literal-credential-pair',
  family: 'auth-header',
  description: 'user name and password passed as two literals: Python requests auth=("u", "p") / HTTPBasicAuth("u", "p"), .NET NetworkCredential("u", "p")',
  kind: 'auth-object',
  keywords: ['auth=(', 'auth = (', 'httpbasicauth(', 'httpdigestauth(', 'networkcredential('],
  pattern: /(?:\bauth\s*=\s*\(|\b(?:HTTPBasicAuth|HTTPDigestAuth|NetworkCredential)\s*\()\s*[@]?(["'])([^"'\r\n]{1,64})\1\s*,\s*[@]?(["'])([^"'\r\n]{3,128})\3/,
  group: 4,
  validate: (pass, m) => !isDummy(pass) && pass !== m[2],
  key: 'password',
});

export const authHeaderDetectors: readonly Detector[] = [basicAuthHeader, bearerToken, curlUser, powershellSecureString, literalCredentialPair];
