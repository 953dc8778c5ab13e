/**
 * Value heuristics shared by every detector and collector: is a value a placeholder, a
 * dummy, prose, a path, an encoded `user:pass`, or plausibly a real secret?
 * Pure functions, no state.
 */
import { shannonEntropy } from '../../util/redact.js';

// ---------------------------------------------------------------------------
// Placeholders

const PLACEHOLDER_WORDS = new Set([
  'null',
  'none',
  'nil',
  'undefined',
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'todo',
  'tbd',
  'fixme',
  'n/a',
  'redacted',
  'changeit',
  'password',
  'passwd',
  'secret',
  'token',
]);

const PLACEHOLDER_RES: readonly RegExp[] = [
  /^\$\{[^}]*\}$/, // ${VAR}, ${VAR:-default} (defaults are examined separately)
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/, // $(VAR) (Kubernetes env expansion, make)
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR% (Windows)
  /^#\{[^}]*\}$/, // #{Octopus.Var}
  /^@\{[^}]*\}$/,
  /^%\([A-Za-z0-9_.]+\)[sdr]$/, // %(x)s
  /^<[^<>]+>$/, // <your-password>
  /^\[[A-Za-z0-9_ -]+\]$/, // [PASSWORD]
  /change[-_ ]?me/i, // changeme, change_me, CHANGE-ME-123
  /^[xX]{3,}$/, // xxxx
  /^[xX*•.]{2,}(?:[-_ ][xX*•.]{2,})*$/, // xxx-xxx, ***, •••, ...
  /^your[-_ ]?[A-Za-z]/i, // your_password, yourToken, your-key
  /example|dummy|placeholder/i,
  /\bTODO\b|\bFIXME\b/,
  /^secretKeyRef\b|\bsecretKeyRef\s*:/, // a k8s reference written as text
  /^(?:vault|ref\+[a-z0-9]+|sm|op|awssm|gcpsm|azkv|akv|secretref|keyvault|ssm|doppler|infisical):/i,
  /^arn:aws:(?:secretsmanager|ssm|kms):/i,
  /^@Microsoft\.KeyVault\(/i,
  /^projects\/[^/\s]+\/secrets\//,
  /^ENC\([\s\S]*\)$/, // jasypt-encrypted
  /^\$ANSIBLE_VAULT;/,
  /^env\(/i, // env('X'), env(X)
  /^(?:process\.env|import\.meta\.env)\b/,
  /^(?:os\.environ|os\.getenv|getenv\(|System\.getenv|Environment\.GetEnvironmentVariable|config\()/,
  /^(?:\{\d*\}|%[sd])$/, // {0}, %s
  /^\{[A-Za-z_][\w.]*\}$/, // {pwd} (format strings)
];

/**
 * True when `value` is a template, reference, dummy or otherwise not a real secret:
 * `${VAR}`, `$VAR`, `{{ .Values.x }}`, `#{…}`, `%(x)s`, `<your-password>`, `changeme`,
 * `xxx…`, `***`, `your_*`, `example`/`dummy`/`placeholder`/`TODO`, null/true/false…,
 * empty or ≤ 3 characters, secret-store references (`vault:`, `ref+…`,
 * `arn:aws:secretsmanager:…`, Key Vault), `env(…)`, `process.env.X`.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^(['"`])([\s\S]*)\1$/, '$2').trim();
  if ([...v].length <= 3) return true;
  if (PLACEHOLDER_WORDS.has(v.toLowerCase())) return true;
  // {{ .Values.x }}, ${{ secrets.X }}, Jinja (indexOf, not a regex: linear on any input).
  const open = v.indexOf('{{');
  if (open >= 0 && v.indexOf('}}', open + 2) >= 0) return true;
  return PLACEHOLDER_RES.some((re) => re.test(v));
}

/**
 * One to three characters that are not a placeholder sign (`1`, `sa`; not `*`, `x`, `?`,
 * `…`): too short to be a placeholder's business where a value is known to be a password
 * (the `Password=` of a connection string).
 */
export function isShortPassword(value: string): boolean {
  const v = value.trim();
  // Not a format specifier either (`%s`, `%d`, `{0}`): `password=%s` is filled at run time.
  return /^[A-Za-z0-9!@#^&+=.-]{1,3}$/.test(v) && !/^[xX*?.…-]+$/.test(v);
}

/** Words people type when they mean "some password here", in tests, samples and docs. */
const DUMMY_WORDS =
  /^(?:pass|passw(?:or)?d|pwd|secret|my[-_]?(?:pass(?:word)?|secret|token|key)|admin|administrator|root|user|guest|test|testing|demo|sample|default|qwerty|letmein|welcome|abc123|foo|bar|baz|foobar|empty|blank|string|value|none|pass(?:word)?[-_]?\d{1,4}|secret[-_]?\d{1,4}|admin[-_]?\d{1,4}|test[-_]?\d{1,4}|p[a@][s5$]{2}(?:w[o0]rd)?\d{0,4}|opensesame|1234(?:5(?:6(?:7(?:8(?:9(?:0)?)?)?)?)?)?)$/i;
const DUMMY_PHRASES =
  /(?:replace|insert|put|enter|add|set)[-_ ]?(?:with|your|me|here|it)|goes[-_ ]?here|not[-_ ]?a[-_ ]?real|\bfake|fake[-_]|^fake|sample[-_]|[-_]here$|^test[-_]|[-_]test$|secret[-_]?here|token[-_]?here|key[-_]?here/i;

/**
 * Values published as samples in specifications and vendor documentation (RFC 6749/6750
 * OAuth 2, RFC 5849 OAuth 1, RFC 7617 Basic, AWS): copied into code as examples, never
 * anyone's credential.
 */
const KNOWN_SAMPLES = new Set([
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'SplxlOBeZQQYbYS6WxSbIA',
  'gX1fBat3bV',
  's6BhdRkqt3',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  'mF_9.B5f-4.1JqM',
  'QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
  'dj9r8ewi0yufz',
  '0685bd9184jfhq22',
  'ad180jjd733klru7',
  'kd94hf93k423kf44',
  'pfkkdhi9sl3r4s00',
  'nnch734d00sl2jdk',
  'hh5s93j4hdidpola',
  'hdhd0244k9j7ao03',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
]);

/**
 * True for test-looking dummy values that are not worth a finding even next to a
 * credential name: the placeholders of `isPlaceholder`, plus `pass`, `password1`,
 * `admin`, `test`, `1234…`, one character repeated (`1111`, `aaaa`), `not_a_real_token`,
 * `REPLACE_WITH_PASSWORD`, `fake-…`, `…-here`.
 */
export function isDummy(value: string): boolean {
  const v = value.trim();
  if (isPlaceholder(v)) return true;
  if (DUMMY_WORDS.test(v) || KNOWN_SAMPLES.has(v)) return true;
  if (/^(.)\1+$/.test(v)) return true;
  if (/^(?:0?123456789?0?|abcdef\w{0,4}|asdf\w{0,4})$/i.test(v)) return true;
  if (/<[^<>\s]{1,40}>/.test(v)) return true; // `eyJ<header>…`, `Bearer <token>`
  if (/(?:\.\.\.|…)$/.test(v)) return true; // elided in documentation: `9cbaf023786cd7...`
  if (/0123456|123456789|abcdefgh|qwertyui/i.test(v) || /^abc123/i.test(v)) return true; // keyboard and counting sequences
  return DUMMY_PHRASES.test(v);
}

// ---------------------------------------------------------------------------
// Prose

const DIACRITIC = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const WORDLIKE = /^[\p{L}\p{M}'’,.!?:;()«»"-]+$/u;

/**
 * True when `value` reads as words for people rather than a secret: a UI label or
 * sentence ("Mật khẩu", "Nhập mật khẩu của bạn", "Enter your password").
 */
export function looksLikeProse(value: string): boolean {
  const v = value.trim();
  const words = v.split(/\s+/).filter(Boolean);
  if (words.length >= 2) {
    const wordy = words.filter((w) => WORDLIKE.test(w)).length;
    if (wordy === words.length) return true;
    if (words.length >= 3 && wordy / words.length >= 0.66) return true;
  }
  // Vietnamese (or other Latin-with-diacritics) text with spaces is a label, not a secret.
  if (words.length >= 2 && DIACRITIC.test(v)) return true;
  // A single word of letters with Vietnamese diacritics ("Khẩu", "Mậtkhẩu") is a label too.
  if (words.length === 1 && DIACRITIC.test(v) && WORDLIKE.test(v)) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Shapes

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
const USERPASS_RE = /^[^\s:]{1,64}:[^\s]{3,128}$/;

/** When `value` is base64 that decodes to printable `user:pass` (password not a placeholder), the decoded pair. */
export function decodeUserPass(value: string): string | undefined {
  if (value.length < 8 || value.length > 400 || !BASE64_RE.test(value)) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  if (!/^[\x21-\x7e]+$/.test(decoded)) return undefined;
  if (!USERPASS_RE.test(decoded)) return undefined;
  const pass = decoded.slice(decoded.indexOf(':') + 1);
  return isPlaceholder(pass) ? undefined : decoded;
}

/** As `decodeUserPass`, and the password is not a dummy (`user:pass`, `admin:admin`). */
export function decodeRealUserPass(value: string): string | undefined {
  const pair = decodeUserPass(value);
  if (pair === undefined) return undefined;
  const colon = pair.indexOf(':');
  const user = pair.slice(0, colon);
  const pass = pair.slice(colon + 1);
  return isDummy(pass) || pass === user ? undefined : pair;
}

const QUOTED_BASE64 = /["'`]((?:Basic\s+)?[A-Za-z0-9+/]{12,400}={0,2})["'`]/g;

/**
 * True when the text holds a quoted literal that is base64 of a real `user:pass` (a
 * hand-made Basic credential in a constant named anything, `KEY_AUTH = "dXNlcjpw…"`):
 * a cheap text check for collectors that parse only files worth parsing.
 */
export function mentionsEncodedUserPass(text: string): boolean {
  QUOTED_BASE64.lastIndex = 0;
  for (const m of text.matchAll(QUOTED_BASE64)) {
    if (decodeRealUserPass((m[1] ?? '').replace(/^Basic\s+/, '')) !== undefined) return true;
  }
  return false;
}

/**
 * True when a value reads as a program identifier rather than random key material:
 * `C06_secretKey`, `C06:SecretKey`, `HTTPPasswordMgrWithDefaultRealm`, `auth_token`,
 * `v2-api-token` — parts that are words (a leading `C06`/`v2` allowed), no digits inside.
 */
export function looksLikeIdentifier(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[-_.:/][A-Za-z0-9]+)*$/.test(value)) return false;
  const parts = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[-_.:/ ]+/)
    .filter(Boolean);
  if (parts.length < 2) return false;
  if (!parts.every((p) => /^[A-Za-z]+\d{0,4}$/.test(p) || /^\d{1,4}$/.test(p))) return false;
  // Words are long; random base64 split at case changes gives many 1–2 letter pieces.
  const words = parts.filter((p, i) => !(i === 0 && /\d/.test(p)) && !/^\d+$/.test(p)).map((p) => p.replace(/\d+$/, ''));
  if (words.length === 0) return true;
  const short = words.filter((w) => w.length < 3).length;
  const avg = words.reduce((n, w) => n + w.length, 0) / words.length;
  return short <= 1 && avg >= 3.5;
}

/**
 * True when `value` is base64 of readable text — words with spaces ("dummy text data") or
 * letters only ("laskdjflaksdjf") — encoded prose or a keyboard mash, not key material.
 */
export function isEncodedText(value: string): boolean {
  if (value.length < 12 || !BASE64_RE.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  if (!/^[\x20-\x7e\t\r\n]+$/.test(decoded)) return false;
  return /[a-z]{3,} [a-z]{2,}/i.test(decoded) || /^[a-z]{8,}$/i.test(decoded);
}

/** A value that is a file path, not a secret: `/run/secrets/db`, `./certs/key.pem`, `C:\keys\a.pfx`. */
export function looksLikePath(v: string): boolean {
  return /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)[\w.\-/\\]*$/.test(v) && !/^\/\//.test(v);
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `${NAME:default}` (Spring), `${NAME:-default}` / `${NAME-default}` (shell, compose). */
export const DEFAULT_RE = /^\$\{([A-Za-z0-9_.\-[\]]+)(?::-|:|-)([\s\S]*)\}$/;

/** Character classes present: lower, upper, digit, other. */
export function charClasses(v: string): number {
  return (/[a-z]/.test(v) ? 1 : 0) + (/[A-Z]/.test(v) ? 1 : 0) + (/[0-9]/.test(v) ? 1 : 0) + (/[^A-Za-z0-9]/.test(v) ? 1 : 0);
}

export interface PlausibleOptions {
  /** The name is password-like (`password`, `pwd`, `keyPass`): human-chosen values pass with less entropy. */
  passwordLike?: boolean;
}

/**
 * True when a literal bound to a credential name looks like a real secret: not a
 * placeholder, dummy, prose, URL, path, number, dotted identifier or encoded text, and
 * random enough for its length (Shannon entropy and character classes).
 */
export function plausibleSecret(value: string, opts: PlausibleOptions = {}): boolean {
  const v = value.trim();
  const n = v.length;
  if (n < 6 || n > 512) return false;
  if (isDummy(v) || looksLikeProse(v) || /\s/.test(v)) return false;
  // Secrets are ASCII in practice; other scripts are labels and messages ("予期しないトークンです。").
  if (/[^\x00-\x7f]/.test(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || looksLikePath(v)) return false;
  if (/^[-+]?\d+(?:\.\d+)?$/.test(v)) return false; // numbers: ports, ids, timeouts
  // Expressions, templates, interpolation, variables (`$pwd`) and references (`@Value`, `@env.x`); a
  // password may still start with `@` (`@pmcs123@!`).
  if (/[(){}[\]]|^\$|^@[A-Za-z_][\w.:-]*$|\$\{|\$\(/.test(v)) return false;
  if (v.includes(':/')) return false; // a reference (`config:/etc/credstore/x`, `file:/…`), not the secret
  if (/[A-Za-z_]\w*=[^=]/.test(v)) return false; // key=value pairs (`source=foo,target=bar`); base64 pads only at the end
  // Dotted identifiers: `config.secret`, `this.token`, `app.jwt.secret` (a property name).
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(v) && !/\d/.test(v)) return false;
  // Words only (`not_a_real_token`, `auth_token`, `MatKhauManh`): a name, not a secret.
  // Identifiers and words (`not_a_real_token`, `C06_secretKey`, `?InterpolationInTemplate`): names, not secrets.
  const core = v.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (looksLikeIdentifier(core)) return false;
  // Letters and separators only (`I_M_EXPIRED`, `a-refresh-token..client-id`): words, not key material.
  if (/^[A-Za-z]+(?:[-_.: ]+[A-Za-z]+)*$/.test(core) && !(core.length >= 24 && /^[A-Za-z]+$/.test(core) && shannonEntropy(core) >= 4.2)) return false;
  if (isEncodedText(v)) return false;
  const h = shannonEntropy(v);
  const classes = charClasses(v);
  if (opts.passwordLike) {
    if (n >= 8 && classes >= 2 && h >= 2.8) return true;
    return n >= 6 && classes >= 3 && h >= 2.5;
  }
  if (n >= 20) return h >= 3.5 || (classes >= 3 && h >= 3.0);
  if (n >= 12) return (classes >= 3 && h >= 3.0) || (classes >= 2 && h >= 3.4);
  return n >= 8 && classes >= 3 && h >= 2.8;
}

/**
 * Common checks for a vendor-format token: not a placeholder as a whole, nor its body
 * after the prefix (`hf_xxxx…`, `…EXAMPLE`, `<token>`), nor mostly `x`.
 */
export function tokenIsReal(token: string, body = token): boolean {
  if (isPlaceholder(token) || isPlaceholder(body)) return false;
  if (/[xX]{8,}/.test(body) && (body.match(/[xX]/g)?.length ?? 0) > body.length / 2) return false;
  return true;
}

/** Lock files hold thousands of registry URLs and integrity hashes, never configuration. */
export function isLockFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return base.endsWith('.lock') || base === 'package-lock.json' || base === 'npm-shrinkwrap.json' || base === 'pnpm-lock.yaml' || base === 'yarn.lock' || base === 'go.sum';
}
