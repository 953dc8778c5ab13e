/**
 * Credential-candidate heuristics shared by every collector: whether a key names a
 * credential, whether a value is one and of which kind, and the fact that records it.
 *
 * - `isSensitiveKey(key, settings)`   — the name (or dotted/`:` path) is a credential name.
 * - `classifyValue(key, value, settings)` — which `CredentialKind` applies, if any.
 * - `candidateFromValue({...})`       — classify a key/value and build the fact (or nothing).
 * - `credentialFact({...})`           — build a fact from a clear value (never stored in it).
 * - `isPublicName(value)`             — a header / cookie / scheme name, not a secret.
 * - `detectKnownFormats(text, file, source)` — every detector of `./detectors/` over plain
 *                                        text (keyword prefilter first), as facts.
 * - `maskSecrets(text)`, `redactEndpoint(url)` — a URL/command with the secrets in it redacted.
 * - `dedupeCredentials(facts)`        — drop `text` matches that a structured collector
 *                                        already reported (pipeline calls this once).
 *
 * Value heuristics (placeholders, prose, dummies) are in `./values.ts`; the detectors in
 * `./detectors/`, one module per family; config entries → facts in `../config/entries.ts`.
 *
 * The clear value of a secret never leaves this module inside a fact: facts carry the
 * redacted form, length, entropy and a sha256 hash.
 */
import type { CredentialFact, CredentialKind, CredentialSource } from '../../facts/types.js';
import { withFlags } from '../../policy/linear.js';
import { compilePatterns, type Settings } from '../../policy/settings.js';
import { redact, redactUrl, sha256Hex, shannonEntropy } from '../../util/redact.js';
import { keySegments, leafKey } from '../config/keys.js';
import { lineIndex } from '../lines.js';
import { knownFormatOf, scanText } from './detectors/index.js';
import { isMisspeltCredentialWord, isPasswordName, nameWords, sensitiveByParent } from './names.js';
import { isDummyWord, looksLikeName, valueShape } from './shapes.js';
import { DEFAULT_RE, decodeUserPass, isPlaceholder, isShortPassword, looksLikePath, looksLikeProse } from './values.js';

// Kept at this path for collectors outside credentials/ that import them from here
// (src/config/declaration.ts, collect/typescript/source-lines.ts, test/e2e/redaction.test.ts).
export { isPlaceholder } from './values.js';
export { scanText } from './detectors/index.js';
export { lineIndex } from '../lines.js';
export { perFile } from '../config/per-file.js';

// ---------------------------------------------------------------------------
// Key sensitivity

interface Compiled {
  patterns: RegExp[];
  global: RegExp[];
}
const compiledCache = new WeakMap<Settings, Compiled>();

function compiled(settings: Settings): Compiled {
  let c = compiledCache.get(settings);
  if (!c) {
    const patterns = compilePatterns(settings.sensitiveKeyPatterns);
    c = { patterns, global: patterns.map((re) => withFlags(re, 'g')) };
    compiledCache.set(settings, c);
  }
  return c;
}

/**
 * True when the name is a credential name per `settings.sensitiveKeyPatterns`.
 * A flattened key (`dancu.api.password`, `C06:SecretKey`, `c06.key`) is tested on its
 * last segment, and on the whole path normalised to dots — but a path match counts only
 * when it reaches into the last segment, so `secret.name` or `credentials.username` are
 * not sensitive while `c06.key` (matching `^C06[-_.].*key`) is.
 */
export function isSensitiveKey(key: string, settings: Settings): boolean {
  const { patterns, global } = compiled(settings);
  const k = key.trim();
  if (k.length === 0) return false;
  // A key with spaces is a label or a sentence (`"Client Secret": "Klienthemmelighed"`), not a name.
  if (/\S\s+\S/.test(k)) return false;
  const leaf = leafKey(k);
  if (patterns.some((re) => re.test(leaf))) return true;
  // A credential word with a typo (`VALUE_CLIENT_SECRECT`, `consumer_ecret`).
  if (nameWords(leaf).some(isMisspeltCredentialWord)) return true;
  if (leaf === k) return false;
  const segments = keySegments(k);
  // A bare `key` under signing or secret settings (`JwtSettings.key`, `org.app.screct.key`).
  if (sensitiveByParent(segments)) return true;
  const path = segments.join('.');
  const leafStart = path.length - leaf.length;
  for (const re of global) {
    re.lastIndex = 0;
    for (const m of path.matchAll(re)) {
      if (m.index + m[0].length > leafStart) return true;
    }
  }
  return false;
}

/** Looser than `isSensitiveKey`: names that hint at key material, for the entropy check. */
const SENSITIVE_ISH = /key|secret|token|pass|pwd|auth|cred|sig|salt|hmac|cert|bearer|session|cookie|private|nonce|jwt/i;

/**
 * Key names that name a reference to a secret (a file, a Secret's name, a URL), or a
 * setting about it, not the secret: `passwordFile`, `tokenUrl`, `existingSecret`,
 * `secretKeyRef`, `tokenExpirationInMinutes`, `tokenTable`, `SECRET_KEY_CHARSET`.
 */
const REFERENCE_KEY =
  /(?:name|names|ref|file|path|dir|url|uri|endpoint|host|enabled|enable|type|header|ttl|expiry|expiration|expires|expire|timeout|length|size|mode|algorithm|alg|policy|prefix|suffix|format|location|provider|store|env|var|field|param|table|column|charset|alphabet|chars|config|minutes|seconds|hours|days|count|limit|style|version|id|ids)$|^existing/i;

/**
 * Scan plain text (any file) with every detector in `./detectors/` (see `DETECTORS`):
 * private keys, JWTs, cloud / source-hosting / chat / AI / SaaS tokens, URLs and
 * connection strings with passwords, literal Authorization headers, and literals bound
 * to credential names in any syntax. A keyword prefilter runs first: a file with none of
 * the detectors' keywords costs one pass and no regex. Facts hold the secret part only
 * redacted and hashed; `file` (repo-relative) decides whether unquoted values are
 * literals (config) or expressions (code).
 */
export function detectKnownFormats(text: string, file: string, source: CredentialSource, opts: { formatsOnly?: boolean } = {}): CredentialFact[] {
  const matches = scanText(text, file, opts.formatsOnly ? { formatsOnly: true } : {});
  if (matches.length === 0) return [];
  const pos = lineIndex(text);
  return matches.map((m) => {
    const { line, column } = pos(m.index);
    const args: CredentialFactArgs = { file, line, column, source, kind: m.kind, value: m.secret };
    if (m.key !== undefined) args.key = m.key;
    return credentialFact(args);
  });
}

/** A URL as facts and reports may show it: known-format secrets and passwords masked. */
export function redactEndpoint(url: string): string {
  return redactUrl(maskSecrets(url));
}

/**
 * `text` with every known-format secret in it replaced by its redacted form: a token
 * used as the user of a URL (`<token>:x-oauth-basic@…`), a webhook path, a key in a
 * query string. For URLs and other text that a fact keeps (endpoints); `redactUrl`
 * still masks passwords and sensitive query values afterwards.
 */
export function maskSecrets(text: string): string {
  const matches = scanText(text, '', { formatsOnly: true }).sort((a, b) => a.start - b.start);
  if (matches.length === 0) return text;
  let out = '';
  let last = 0;
  for (const m of matches) {
    if (m.start < last) continue;
    out += text.slice(last, m.start) + redact(text.slice(m.start, m.end));
    last = m.end;
  }
  return out + text.slice(last);
}

// ---------------------------------------------------------------------------
// Classification

const PUBLIC_MATERIAL =
  /^\s*(?:-----BEGIN (?:CERTIFICATE|TRUSTED CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST|PGP PUBLIC KEY BLOCK)-----|(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+) AAAA)/;
const PLAIN_URL = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

/** Well-known public HTTP header, cookie, auth-scheme and OAuth parameter names (lower case). */
const PUBLIC_NAMES = new Set([
  'authorization',
  'proxy-authorization',
  'www-authenticate',
  'bearer',
  'basic',
  'digest',
  'token',
  'cookie',
  'set-cookie',
  'xsrf-token',
  'x-xsrf-token',
  'csrf-token',
  'x-csrf-token',
  'x-csrftoken',
  'csrftoken',
  '_csrf',
  'csrf_token',
  '_token',
  'jsessionid',
  'phpsessid',
  'asp.net_sessionid',
  'connect.sid',
  'x-api-key',
  'x-auth-token',
  'x-access-token',
  'x-requested-with',
  'access_token',
  'refresh_token',
  'id_token',
  'client_credentials',
  'authorization_code',
]);

/**
 * A value that is a public name, not a secret: a well-known header / cookie / scheme name
 * (`XSRF-TOKEN`, `X-CSRF-TOKEN`, `Authorization`, `Bearer`, `JSESSIONID`), an all-caps
 * identifier with dashes (letters only: `X-DANCU-TOKEN`), or an `X-…` header name.
 */
export function isPublicName(value: string): boolean {
  const v = value.trim();
  if (PUBLIC_NAMES.has(v.toLowerCase())) return true;
  if (/^[A-Z]+(?:-[A-Z]+)+$/.test(v)) return true;
  return /^X-[A-Za-z]+(?:-[A-Za-z]+)*$/.test(v);
}

export interface ClassifyOptions {
  /** Every non-placeholder value is a candidate whatever its key (Kubernetes Secret data). */
  forceSensitive?: boolean;
  /** The value is a string literal in program code: a single word there is a label or a field name. */
  code?: boolean;
}

interface Analysis {
  kind: CredentialKind;
  secret: string;
}

function analyse(key: string | undefined, value: string, settings: Settings, opts: ClassifyOptions = {}): Analysis | undefined {
  let v = value.trim();
  const def = DEFAULT_RE.exec(v);
  if (def) v = (def[2] ?? '').trim();

  // Shapes that are secrets whatever the key (each checks its own secret part for placeholders,
  // so `Server=example-db;Password=…` is still found).
  const known = knownFormatOf(v);
  if (known) return { kind: known.kind, secret: known.secret };

  if (isPlaceholder(v) || isPublicName(v)) return undefined;

  // Public material (certificates, public keys) is not a secret, even in a Secret.
  if (PUBLIC_MATERIAL.test(v)) return undefined;

  const bare = v.replace(/^(?:Basic|Bearer|Token)\s+/i, '');
  if (decodeUserPass(bare)) return { kind: 'base64-userpass', secret: bare };

  if (looksLikeProse(v)) return undefined;
  if (PLAIN_URL.test(v) || looksLikePath(v)) return undefined;

  const leaf = key === undefined ? undefined : leafKey(key);
  const sensitive = opts.forceSensitive === true || (key !== undefined && isSensitiveKey(key, settings));
  // Values that name something (an identifier, a reference, a number, a label) are not secrets.
  const nameOpts = { passwordLike: key !== undefined && isPasswordName(key), code: opts.code === true };
  if (sensitive && (opts.forceSensitive === true || !REFERENCE_KEY.test(leaf ?? ''))) {
    if (isPlaceholder(bare) || isDummyWord(bare)) return undefined;
    // Everything in a Secret's data is a secret by intent (a user name there too): no name test.
    if (opts.forceSensitive !== true && looksLikeName(bare, key, nameOpts)) return undefined;
    return { kind: 'named-literal', secret: bare };
  }
  if (
    leaf !== undefined &&
    SENSITIVE_ISH.test(leaf) &&
    !REFERENCE_KEY.test(leaf) &&
    v.length >= 16 &&
    !/\s/.test(v) &&
    shannonEntropy(v) >= 3.5 &&
    !looksLikeName(v, key, nameOpts)
  ) {
    return { kind: 'high-entropy', secret: v };
  }
  return undefined;
}

/**
 * Which credential kind a key/value pair is, or undefined when it is none:
 * private-key, jwt, basic-auth-url, connection-string (shape alone, any key);
 * base64-userpass (base64 — optionally after `Basic ` — decoding to printable `user:pass`);
 * named-literal (sensitive key, value neither placeholder, prose, URL nor path);
 * high-entropy (≥ 16 chars, ≥ 3.5 bits/char, key hinting at key material).
 * `${NAME:default}` / `${NAME:-default}` is judged by its default.
 */
export function classifyValue(
  key: string | undefined,
  value: string,
  settings: Settings,
  opts?: ClassifyOptions,
): CredentialKind | undefined {
  return analyse(key, value, settings, opts)?.kind;
}

/** Kinds recognisable by format alone: key material by construction. */
const KNOWN_FORMAT_KINDS = new Set<CredentialKind>(['jwt', 'private-key', 'token']);
/** Kinds where the secret is a password inside a larger value. */
const EMBEDDED_KINDS = new Set<CredentialKind>(['connection-string', 'basic-auth-url', 'base64-userpass']);

export interface CredentialFactArgs {
  file: string;
  line: number;
  column?: number;
  source: CredentialSource;
  kind: CredentialKind;
  key?: string;
  /** The clear value: hashed, measured and redacted here, never stored. */
  value: string;
  decoded?: boolean;
}

/** Build a credential fact. The clear value goes into no field. */
export function credentialFact(args: CredentialFactArgs): CredentialFact {
  const fact: CredentialFact = {
    file: args.file,
    line: args.line,
    source: args.source,
    kind: args.kind,
    redacted: redact(args.value),
    length: [...args.value].length,
    entropy: shannonEntropy(args.value),
    // The password of a URL or a connection string is a password at any length (`Password=1`).
    placeholder: EMBEDDED_KINDS.has(args.kind) ? isPlaceholder(args.value) && !isShortPassword(args.value) : isPlaceholder(args.value),
    shape: KNOWN_FORMAT_KINDS.has(args.kind) ? 'random' : valueShape(args.value),
    valueHash: sha256Hex(args.value),
  };
  if (args.column !== undefined) fact.column = args.column;
  if (args.key !== undefined) fact.key = args.key;
  if (args.decoded !== undefined) fact.decoded = args.decoded;
  return fact;
}

export interface CandidateArgs extends Omit<CredentialFactArgs, 'kind'>, ClassifyOptions {
  settings: Settings;
}

/**
 * Classify a key/value and, when it is a credential candidate, build its fact. The fact's
 * value is the secret part (the password of a URL or connection string, the JWT, the PEM
 * block, the default of `${X:default}`), so the same password hashes alike everywhere.
 * Placeholders and references yield nothing.
 */
export function candidateFromValue(args: CandidateArgs): CredentialFact | undefined {
  const a = analyse(args.key, args.value, args.settings, { ...args, code: args.code ?? args.source === 'source' });
  if (!a) return undefined;
  const f: CredentialFactArgs = { file: args.file, line: args.line, source: args.source, kind: a.kind, value: a.secret };
  if (args.column !== undefined) f.column = args.column;
  if (args.key !== undefined) f.key = args.key;
  if (args.decoded !== undefined) f.decoded = args.decoded;
  return credentialFact(f);
}

// ---------------------------------------------------------------------------
// Dedupe

/** How far (in lines) a structured fact covers the same value found by the plain-text scan: the same entry read at another line. */
const SAME_ENTRY_LINES = 3;

/**
 * Merge credential facts from all collectors: a `text` match is dropped when a more
 * specific collector reported anything but a placeholder on the same line of the same
 * file (it read the same key/value better), or the same value (same hash) within a few
 * lines (the same entry, anchored elsewhere: a key line and its block); exact duplicates
 * are dropped. The same secret again further away — a commented-out copy, another
 * section — is another place to clean up and stays reported. Order is kept.
 */
export function dedupeCredentials(facts: CredentialFact[]): CredentialFact[] {
  const byLine = new Set<string>();
  const byHash = new Map<string, number[]>();
  for (const f of facts) {
    // A placeholder read by a structured collector (`env('APP_KEY', …)` as a whole) does not
    // cover what the plain-text scan found on the line (the literal default inside it).
    if (f.source === 'text' || f.placeholder) continue;
    byLine.add(`${f.file}\0${f.line}`);
    const k = `${f.file}\0${f.valueHash}`;
    const lines = byHash.get(k);
    if (lines) lines.push(f.line);
    else byHash.set(k, [f.line]);
  }
  const seen = new Set<string>();
  const out: CredentialFact[] = [];
  for (const f of facts) {
    if (f.source === 'text') {
      if (byLine.has(`${f.file}\0${f.line}`)) continue;
      if ((byHash.get(`${f.file}\0${f.valueHash}`) ?? []).some((l) => Math.abs(l - f.line) <= SAME_ENTRY_LINES)) continue;
    }
    const exact = `${f.file}\0${f.line}\0${f.column ?? ''}\0${f.kind}\0${f.source}\0${f.key ?? ''}\0${f.valueHash}`;
    if (seen.has(exact)) continue;
    seen.add(exact);
    out.push(f);
  }
  return out;
}
