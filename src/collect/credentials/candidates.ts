/**
 * Credential-candidate heuristics shared by every collector.
 *
 * Core API (what a language collector needs):
 *
 * - `isPlaceholder(value)`            — a template, reference or dummy, not a secret.
 * - `looksLikeProse(value)`           — an i18n label / sentence ("Mật khẩu"), not a secret.
 * - `isSensitiveKey(key, settings)`   — the name (or dotted/`:` path) is a credential name.
 * - `classifyValue(key, value, settings)` — which `CredentialKind` applies, if any.
 * - `candidateFromValue({...})`       — classify a key/value and build the fact (or nothing).
 * - `credentialFact({...})`           — build a fact from a clear value (never stored in it).
 * - `detectKnownFormats(text, file, source)` — every detector of `./secrets/` over plain
 *                                        text (keyword prefilter first), as facts.
 * - `scanText(text, file)`            — the same, as raw matches with detector id and family.
 * - `maskSecrets(text)`               — a URL/command with the secrets in it redacted.
 * - `isCredentialName(name)`          — the detectors' own notion of a credential name.
 * - `isDummy(value)`                  — placeholders plus test-looking dummies (`pass`, `1234`).
 * - `dedupeCredentials(facts)`        — drop `text` matches that a structured collector
 *                                        already reported (pipeline calls this once).
 *
 * The detectors live in `./secrets/`, one module per family, each with its metadata
 * (id, family, kind, description, prefilter keywords) beside its logic; `DETECTORS` and
 * `detectorCatalog()` list them. `./secrets/accuracy.ts` measures them.
 *
 * Config-collector helpers (used by the YAML/env/properties/JSON/Dockerfile collectors):
 * `ConfigEntry`, `factsFromEntries`, `lineIndex`, `parseError`, `perFile`, `isLockFile`.
 *
 * The clear value of a secret never leaves this module inside a fact: facts carry the
 * redacted form, length, entropy and a sha256 hash.
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type {
  CollectedFacts,
  ConfigFormat,
  CredentialFact,
  CredentialKind,
  CredentialSource,
  DiagnosticFact,
  EndpointFact,
  TlsSettingFact,
} from '../../facts/types.js';
import { compilePatterns, type Settings } from '../../policy/settings.js';
import { redact, redactUrl, sha256Hex, shannonEntropy } from '../../util/redact.js';
import { knownFormatOf, scanText } from './detectors/index.js';
import { DEFAULT_RE, decodeUserPass, isLockFile, isPlaceholder, looksLikePath, looksLikeProse } from './values.js';
import type { CollectContext } from '../types.js';

export { isDummy, isLockFile, isPlaceholder, looksLikeProse } from './values.js';
export { DETECTORS, detectorCatalog, isCredentialName, scanText, syntaxOf } from './detectors/index.js';
export type { Detector, Family, SecretMatch } from './detectors/index.js';

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
    c = { patterns, global: patterns.map((re) => new RegExp(re.source, `${re.flags}g`)) };
    compiledCache.set(settings, c);
  }
  return c;
}

/** Separators between the segments of a flattened key: `a.b`, `A:B` (.NET), `A__B`, `a/b`, `a[0]`. */
const KEY_SPLIT = /(?:\.|:|__|\/|\[\d+\]|#)+/;

/** The last segment of a flattened key (`dancu.api.password` → `password`). */
export function leafKey(key: string): string {
  const parts = key.split(KEY_SPLIT).filter(Boolean);
  return parts[parts.length - 1] ?? key;
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
  const leaf = leafKey(k);
  if (patterns.some((re) => re.test(leaf))) return true;
  if (leaf === k) return false;
  const parts = k.split(KEY_SPLIT).filter(Boolean);
  const path = parts.join('.');
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

/** Key names that name a reference to a secret (a file, a Secret's name, a URL), not the secret. */
const REFERENCE_KEY =
  /(?:name|ref|file|path|dir|url|uri|endpoint|host|enabled|enable|type|header|ttl|expiry|expiration|expires|expire|timeout|length|size|mode|algorithm|alg|policy|prefix|suffix|format|location|provider|store|env|var|field|param)$|^existing/i;

/** 1-based line/column lookup for offsets in `text`. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/**
 * Scan plain text (any file) with every detector in `./secrets/` (see `DETECTORS`):
 * private keys, JWTs, cloud / source-hosting / chat / AI / SaaS tokens, URLs and
 * connection strings with passwords, literal Authorization headers, and literals bound
 * to credential names in any syntax. A keyword prefilter runs first: a file with none of
 * the detectors' keywords costs one pass and no regex. Facts hold the secret part only
 * redacted and hashed; `file` (repo-relative) decides whether unquoted values are
 * literals (config) or expressions (code).
 */
export function detectKnownFormats(text: string, file: string, source: CredentialSource): CredentialFact[] {
  const matches = scanText(text, file);
  if (matches.length === 0) return [];
  const pos = lineIndex(text);
  return matches.map((m) => {
    const { line, column } = pos(m.index);
    const args: CredentialFactArgs = { file, line, column, source, kind: m.kind, value: m.secret };
    if (m.key !== undefined) args.key = m.key;
    return credentialFact(args);
  });
}

/**
 * `text` with every known-format secret in it replaced by its redacted form: a token
 * used as the user of a URL (`<token>:x-oauth-basic@…`), a webhook path, a key in a
 * query string. For URLs and other text that a fact keeps (endpoints); `redactUrl`
 * still masks passwords and sensitive query values afterwards.
 */
/** A URL as facts and reports may show it: known-format secrets and passwords masked. */
export function redactEndpoint(url: string): string {
  return redactUrl(maskSecrets(url));
}

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
  if (sensitive && (opts.forceSensitive === true || !REFERENCE_KEY.test(leaf ?? ''))) {
    if (isPlaceholder(bare)) return undefined;
    return { kind: 'named-literal', secret: bare };
  }
  if (
    leaf !== undefined &&
    SENSITIVE_ISH.test(leaf) &&
    !REFERENCE_KEY.test(leaf) &&
    v.length >= 16 &&
    !/\s/.test(v) &&
    shannonEntropy(v) >= 3.5
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
    placeholder: isPlaceholder(args.value),
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
  const a = analyse(args.key, args.value, args.settings, args);
  if (!a) return undefined;
  const f: CredentialFactArgs = { file: args.file, line: args.line, source: args.source, kind: a.kind, value: a.secret };
  if (args.column !== undefined) f.column = args.column;
  if (args.key !== undefined) f.key = args.key;
  if (args.decoded !== undefined) f.decoded = args.decoded;
  return credentialFact(f);
}

// ---------------------------------------------------------------------------
// Dedupe

/**
 * Merge credential facts from all collectors: a `text` match is dropped when a more
 * specific collector reported anything on the same line of the same file (it read the
 * same key/value better), or the same value (same hash) anywhere in that file; exact
 * duplicates are dropped. Order is kept.
 */
export function dedupeCredentials(facts: CredentialFact[]): CredentialFact[] {
  const byLine = new Set<string>();
  const byHash = new Set<string>();
  for (const f of facts) {
    if (f.source === 'text') continue;
    byLine.add(`${f.file}\0${f.line}`);
    byHash.add(`${f.file}\0${f.valueHash}`);
  }
  const seen = new Set<string>();
  const out: CredentialFact[] = [];
  for (const f of facts) {
    if (f.source === 'text') {
      if (byLine.has(`${f.file}\0${f.line}`) || byHash.has(`${f.file}\0${f.valueHash}`)) continue;
    }
    const exact = `${f.file}\0${f.line}\0${f.column ?? ''}\0${f.kind}\0${f.source}\0${f.key ?? ''}\0${f.valueHash}`;
    if (seen.has(exact)) continue;
    seen.add(exact);
    out.push(f);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Config-collector helpers: entries → credential, endpoint and TLS facts

/** One key/value read from a config file or manifest. */
export interface ConfigEntry {
  /** Reported key: a flattened path (`dancu.api.password`, `C06:SecretKey`) or a variable name. */
  key: string;
  value: string;
  line: number;
  column?: number;
  source: CredentialSource;
  /** Every value is secret by nature (Kubernetes Secret data). */
  forceSensitive?: boolean;
  /** The value was base64 in the file and has been decoded. */
  decoded?: boolean;
  /**
   * Set when the value's lines map one to one onto the file's (a YAML `|` block): the
   * line its first content line sits on. Endpoints and TLS switches inside a multi-line
   * value then get their own line; otherwise every fact of the entry is at `line`.
   */
  contentLine?: number;
  /** Entries with the same group are siblings (same parent map); defaults to the key's parent path. */
  group?: string;
}

const FALSEY = /^(?:false|0|no|off|none|cert_none)$/i;
const TRUEY = /^(?:true|1|yes|on)$/i;
const TLS_OFF_WHEN_FALSE = new Set([
  'rejectunauthorized',
  'nodetlsrejectunauthorized',
  'sslverify',
  'verifyssl',
  'tlsverify',
  'verifytls',
  'sslverification',
  'tlsverification',
  'verifypeer',
  'sslverifypeer',
  'curloptsslverifypeer',
  'verifyhost',
  'sslverifyhost',
  'curloptsslverifyhost',
  'checkhostname',
  'verifycertificate',
  'verifycertificates',
  'verifycert',
  'validatecertificate',
  'validatecertificates',
  'certificatevalidation',
  'hostnameverification',
  'verifyhostname',
  'verifyservercertificate',
  'pythonhttpsverify',
  'sslcertverify',
  'strictssl',
  'httpsverify',
]);
const TLS_OFF_WHEN_TRUE = new Set([
  'insecureskipverify',
  'insecureskiptlsverify',
  'skiptlsverify',
  'tlsskipverify',
  'skipsslverify',
  'sslskipverify',
  'skipcertverify',
  'skipcertificatevalidation',
  'skipverify',
  'trustall',
  'trustallcerts',
  'trustallcertificates',
  'trustservercertificate',
  'gitsslnoverify',
  'acceptanycertificate',
  'acceptinvalidcerts',
  'allowinsecure',
  'disablesslverification',
  'disabletlsverification',
  'sslnoverify',
  'noverifyssl',
  'tlsinsecure',
  'insecuretls',
  'sslinsecure',
  'insecuressl',
  'tlsnoverify',
  'ignoresslerrors',
  'ignorecertificateerrors',
  'ignorehttpserrors',
]);
/** Bare names that only mean TLS next to a URL (`verify: false`, `insecure: true`). */
const TLS_BARE_FALSE = new Set(['verify']);
const TLS_BARE_TRUE = new Set(['insecure']);
const TLS_EMPTY = new Set(['curlcabundle', 'requestscabundle']);
const TLS_IN_VALUE =
  /TrustServerCertificate\s*=\s*(?:true|yes)|sslmode=no-verify|NonValidatingFactory|tlsAllowInvalid(?:Certificates|Hostnames)=true|tlsInsecure=true|ssl_cert_reqs=(?:CERT_)?none|\bcurl\b[^\n]*\s(?:-k|--insecure)(?=\s|$)|--no-check-certificate|NODE_TLS_REJECT_UNAUTHORIZED=0/gi;
const URL_IN_VALUE = /https?:\/\/(?:\$\{[^}\s]*\}|\{\{[^}]*\}\}|[^\s"'`<>\\)\]},;|{])+/gi;

function norm(s: string): string {
  return s.toLowerCase().replace(/[-_.\s]/g, '');
}

function parentOf(key: string): string {
  const parts = key.split(KEY_SPLIT).filter(Boolean);
  return parts.slice(0, -1).join('.');
}

function tlsSettingFor(entry: ConfigEntry, groupHasUrl: boolean): boolean {
  const parts = entry.key.split(KEY_SPLIT).filter(Boolean);
  const leaf = norm(parts[parts.length - 1] ?? entry.key);
  const withParent = norm((parts[parts.length - 2] ?? '') + leaf);
  const v = entry.value.trim().replace(/^(['"])(.*)\1$/, '$2');
  const names = [leaf, withParent];
  if (FALSEY.test(v) && names.some((n) => TLS_OFF_WHEN_FALSE.has(n))) return true;
  if (TRUEY.test(v) && names.some((n) => TLS_OFF_WHEN_TRUE.has(n))) return true;
  if (v === '' && TLS_EMPTY.has(leaf)) return true;
  if (groupHasUrl && FALSEY.test(v) && TLS_BARE_FALSE.has(leaf)) return true;
  if (groupHasUrl && TRUEY.test(v) && TLS_BARE_TRUE.has(leaf)) return true;
  return false;
}

function lineWithin(entry: ConfigEntry, value: string, index: number): number {
  if (entry.contentLine === undefined) return entry.line;
  let n = 0;
  for (let i = value.indexOf('\n'); i >= 0 && i < index; i = value.indexOf('\n', i + 1)) n++;
  return entry.contentLine + n;
}

export interface EntryFacts {
  credentials: CredentialFact[];
  endpoints: EndpointFact[];
  tlsSettings: TlsSettingFact[];
}

/**
 * Turn config entries into facts: a credential candidate per entry that classifies as
 * one; an endpoint per `http(s)://` URL in a value (password and sensitive query values
 * masked); a TLS setting per verification switch turned off (`NODE_TLS_REJECT_UNAUTHORIZED=0`,
 * `insecureSkipVerify: true`, `ssl-verify: false`; bare `verify: false` only beside a URL;
 * `TrustServerCertificate=True` inside a connection string). `style` shapes the TLS
 * `setting` text (`KEY=value` or `key: value`).
 */
export function factsFromEntries(
  file: string,
  entries: readonly ConfigEntry[],
  settings: Settings,
  format: ConfigFormat | undefined,
  style: 'equals' | 'colon',
  out: EntryFacts = { credentials: [], endpoints: [], tlsSettings: [] },
): EntryFacts {
  const urlGroups = new Set<string>();
  for (const e of entries) if (/^\s*https?:\/\//i.test(e.value)) urlGroups.add(e.group ?? parentOf(e.key));

  for (const e of entries) {
    const cand: CandidateArgs = { file, line: e.line, source: e.source, key: e.key, value: e.value, settings };
    if (e.column !== undefined) cand.column = e.column;
    if (e.forceSensitive) cand.forceSensitive = true;
    if (e.decoded !== undefined) cand.decoded = e.decoded;
    const fact = candidateFromValue(cand);
    if (fact) out.credentials.push(fact);

    if (e.value.includes('://')) {
      URL_IN_VALUE.lastIndex = 0;
      for (const m of e.value.matchAll(URL_IN_VALUE)) {
        const ep: EndpointFact = { file, line: lineWithin(e, e.value, m.index), key: e.key, url: redactEndpoint(m[0]), source: e.source };
        if (e.contentLine === undefined && e.column !== undefined) ep.column = e.column;
        out.endpoints.push(ep);
      }
    }

    if (tlsSettingFor(e, urlGroups.has(e.group ?? parentOf(e.key)))) {
      const t: TlsSettingFact = {
        file,
        line: e.line,
        setting: style === 'equals' ? `${e.key}=${e.value.trim()}` : `${e.key}: ${e.value.trim()}`,
      };
      if (e.column !== undefined) t.column = e.column;
      if (format) t.format = format;
      out.tlsSettings.push(t);
    }
    if (/trust|ssl|tls|verify|insecure|curl|check|NODE_TLS/i.test(e.value)) {
      TLS_IN_VALUE.lastIndex = 0;
      for (const m of e.value.matchAll(TLS_IN_VALUE)) {
        const t: TlsSettingFact = { file, line: lineWithin(e, e.value, m.index), setting: m[0].trim() };
        if (e.contentLine === undefined && e.column !== undefined) t.column = e.column;
        if (format) t.format = format;
        out.tlsSettings.push(t);
      }
    }
  }
  return out;
}

/** A parse-error diagnostic. The message must not quote the file's content. */
export function parseError(file: string, line: number, message: string, column?: number): DiagnosticFact {
  const d: DiagnosticFact = { file, line: Math.max(1, line), kind: 'parse-error', message };
  if (column !== undefined) d.column = column;
  return d;
}

/** One key/value as a line-oriented parser (dotenv, properties, Dockerfile) read it. */
export interface ParsedKV {
  key: string;
  value: string;
  line: number;
  column?: number;
}

export interface ParseProblem {
  line: number;
  column?: number;
  message: string;
}

/**
 * Run `fn` over each file's text and merge the facts; a missing text yields an
 * `unreadable` diagnostic, a throw yields a `parse-error` at line 1 (collectors never throw).
 */
export function perFile(
  files: readonly DiscoveredFile[],
  ctx: CollectContext,
  fn: (file: DiscoveredFile, text: string, out: Required<Pick<CollectedFacts, 'credentials' | 'endpoints' | 'tlsSettings' | 'diagnostics'>>) => void,
): CollectedFacts {
  const out = { credentials: [] as CredentialFact[], endpoints: [] as EndpointFact[], tlsSettings: [] as TlsSettingFact[], diagnostics: [] as DiagnosticFact[] };
  for (const file of files) {
    let text: string | undefined;
    try {
      text = ctx.readText(file.path);
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      out.diagnostics.push({ file: file.path, line: 1, kind: 'unreadable', message: 'file could not be read as text' });
      continue;
    }
    try {
      fn(file, text, out);
    } catch (err) {
      out.diagnostics.push(parseError(file.path, 1, `internal: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`));
    }
  }
  return out;
}
