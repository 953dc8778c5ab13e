/**
 * Keyword context: a literal right after a credential name on the same line, in any
 * syntax —
 *
 *   key = "…"   key: …   "key": "…"   KEY=…   'key' => '…'   key := "…"
 *   define('KEY', '…')   env('KEY', 'fallback')   os.getenv("KEY", "…")   process.env.KEY || '…'
 *   --password …   --password=…   <password>…</password>   <add key="KEY" value="…"/>
 *   { "key": "password", "value": "…" } (Postman)   setPassword("…")
 *
 * The name must be a credential name (password, secret, token, api key, access key, …,
 * and the domain's `C06_*`, `CSDLDanCu_*`, `lgspaccesstoken`, `consumer_secret`,
 * `keyPass`), not a reference to one (`…Url`, `…File`, `…Name`, `…Id`, `public…`), and
 * the value must be plausibly secret (see `plausibleSecret`): no placeholders, env
 * references, prose, dummies, identifiers, paths or low-entropy words. In program code
 * an unquoted value is an expression and is skipped. Lock files are skipped.
 */
import { AWS_SECRET_NAME } from './cloud.js';
import { MISSPELLINGS, isMisspeltCredentialWord, isPasswordName, nameWords, sensitiveByParent } from '../names.js';
import { isDummyWord, looksLikeName } from '../shapes.js';
import { DEFAULT_RE, decodeRealUserPass, decodeUserPass, isLockFile, plausibleSecret } from '../values.js';
import type { Detector, RawMatch, ScanInput } from './types.js';

const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'client',
  'consumer',
  'app',
  'application',
  'signing',
  'sign',
  'encryption',
  'encrypt',
  'decryption',
  'crypto',
  'cipher',
  'aes',
  'master',
  'auth',
  'account',
  'subscription',
  'license',
  'licence',
  'shared',
  'session',
  'hmac',
  'jwt',
  'partner',
  'merchant',
  'webhook',
  'storage',
  'security',
  'c06',
  'csdldancu',
  'lgsp',
  'ngsp',
]);
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'pass',
  'pwd',
  'secret',
  'secrets',
  'token',
  'tokens',
  'credential',
  'credentials',
  'creds',
  'apikey',
  'apisecret',
  'accesskey',
  'secretkey',
  'privatekey',
  'passkey',
  'keypass',
  'storepass',
  'authorization',
]);
const SECRET_SUFFIX = /(?:password|passwd|secret|token|pwd|(?:api|access|secret|private|client|consumer|app|signing|encryption|master|auth|account|subscription|license|shared|session|hmac|jwt)key)$/;
/** Vietnamese credential names, on the name's words joined: mật khẩu, khóa bí mật, mã bảo mật. */
const VI_SECRET = /matkhau|khoabimat|mabaomat/;
/** A last word that makes the name a reference to a secret, or a setting about it. */
const REFERENCE_LAST = new Set(
  (
    'name names file files path paths dir directory url urls uri endpoint endpoints host hosts enabled enable disabled ' +
    'type types header headers ttl expiry expiration expires expire expired timeout length len size mode algorithm alg ' +
    'algo policy prefix suffix format location provider store env var vars field fields param params label labels hint ' +
    'placeholder message messages msg text title description desc error errors regex regexp pattern input form button ' +
    'btn link route page view template icon class style column col count limit max min index idx version id ids rotation ' +
    'lifetime duration issuer audience scope scopes grant required strength valid validation validator validity rule rules ' +
    'check verify confirm confirmation reset changed updated created at date time visible show hide toggle mask char chars ' +
    'hash hashed digest checksum salt ref reference arn source strategy manager handler factory service util utils helper ' +
    'encrypted encoder decoder generator parser interceptor filter guard middleware event events listener status state flag ' +
    'arg args argument arguments through thru mgr realm target action operation method table tables charset alphabet ' +
    'config minutes seconds hours days style'
  ).split(' '),
);
export { nameWords } from '../names.js';

/** Words anywhere in the name that make it not a credential (public material, test data, pagination). */
const NEGATIVE_ANY = new Set(['public', 'pub', 'page', 'cursor', 'next', 'prev', 'example', 'sample', 'dummy', 'fake', 'mock', 'test', 'forgot']);
/** For `name("…")`: only setters/builders take the secret as their argument. */
const SETTER_FIRST = new Set(['set', 'with', 'use', 'put', 'add']);

/**
 * True when a name (a key, variable, flag or element) names a credential value itself:
 * `password`, `DB_PASSWORD`, `client_secret`, `apiKey`, `x-api-key`, `lgspaccesstoken`,
 * `keyPass`, `C06_secretKey`, `CSDLDanCu_Password`, `_auth`, `Authorization` — but not
 * `passwordUrl`, `tokenType`, `private_key_id`, `publicKey`, `bypass`, `tokenizer`, `C06_userName`.
 */
export function isCredentialName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  // A long name is a message id (`Unexpected_token_A_constructor_…_1068`), not a credential name.
  if (last === undefined || words.length > 8) return false;
  if (REFERENCE_LAST.has(last)) return false;
  if (words.some((w) => NEGATIVE_ANY.has(w))) return false;
  if (words.length === 1 && last === 'auth') return true;
  const lower = name.toLowerCase();
  if (/^(?:c06|csdldancu)/.test(lower) && words.some((w) => /^(?:key|pass|password|pwd|secret|token|apikey|secretkey)$/.test(w))) return true;
  // Vietnamese: `MatKhau`, `DANCU_MATKHAU`, `mat-khau`, `KhoaBiMat`, `MaBaoMat`.
  if (VI_SECRET.test(words.join(''))) return true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    // `pass` is a credential only at the end (`keyPass`, `DB_PASS`) or before `key`/`phrase`,
    // not in `onePassSignature`, `passThrough`.
    if (w === 'pass' && i < words.length - 1 && !/^(?:key|phrase|code|word)$/.test(words[i + 1] ?? '')) continue;
    if (SECRET_WORDS.has(w) || SECRET_SUFFIX.test(w)) return true;
    // A typo of a credential word (`secrect`, `screct`, `consumer_ecret`).
    if (isMisspeltCredentialWord(w)) return true;
    if (w === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1] ?? '')) return true;
  }
  // A bare `key` under signing/secret settings, written as one dotted name (`jwt.key`, `app.screct.key`).
  return /[.:]/.test(name) && sensitiveByParent(name.split(/[.:]+/));
}

export const GENERIC_KEYWORDS: readonly string[] = [
  'pass',
  'pwd',
  'secret',
  'token',
  'credential',
  'creds',
  'apikey',
  'api_key',
  'api-key',
  'api.key',
  'accesskey',
  'access_key',
  'access-key',
  'privatekey',
  'private_key',
  'clientkey',
  'client_key',
  'consumerkey',
  'consumer_key',
  'consumer-key',
  'signingkey',
  'signing_key',
  'encryptionkey',
  'encryption_key',
  'masterkey',
  'master_key',
  'appkey',
  'app_key',
  'authkey',
  'auth_key',
  'accountkey',
  'account_key',
  'subscriptionkey',
  'subscription-key',
  'subscription_key',
  'licensekey',
  'license_key',
  'sharedkey',
  'shared_key',
  'sessionkey',
  'session_key',
  'hmac',
  'c06',
  'csdldancu',
  '_auth',
  'authorization',
  // Credential words as real code misspells them (`VALUE_CLIENT_SECRECT`, `consumer_ecret`).
  ...MISSPELLINGS,
  // Vietnamese: mật khẩu, khóa bí mật, mã bảo mật.
  'matkhau',
  'mat_khau',
  'mat-khau',
  'khoabimat',
  'khoa_bi_mat',
  'mabaomat',
  'ma_bao_mat',
];

const QUOTES = new Set(['"', "'", '`']);

function isIdentCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 /* _ */ || c === 36 /* $ */ || c === 46 /* . */ || c === 45 /* - */
  );
}

interface Value {
  value: string;
  start: number;
  end: number;
}

/** A quoted literal starting at `at` (the quote), ending on the same line; `\"`-style escaped quotes inside JSON strings too. */
function quotedAt(text: string, at: number, lineEnd: number): Value | undefined {
  let q = text[at] ?? '';
  let open = at + 1;
  let escaped = false;
  if (q === '\\' && QUOTES.has(text[at + 1] ?? '')) {
    q = text[at + 1] ?? '';
    open = at + 2;
    escaped = true;
  }
  if (!QUOTES.has(q)) return undefined;
  for (let i = open; i < lineEnd; i++) {
    const c = text[i];
    if (escaped) {
      if (c === '\\' && text[i + 1] === q) return { value: text.slice(open, i), start: open, end: i };
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === q) return { value: text.slice(open, i), start: open, end: i };
  }
  return undefined;
}

// Bounded: the value of every hit on a 200 KB line of `password=password=…` ran to the line's end.
const UNQUOTED = /[^\s"'`,;)}\]<>|&\\]{1,1024}/y;

function unquotedAt(text: string, at: number, lineEnd: number): Value | undefined {
  if (text.startsWith('${', at)) {
    // ${NAME:default}: judged by its default (see DEFAULT_RE).
    const close = text.indexOf('}', at);
    return close > 0 && close < lineEnd ? { value: text.slice(at, close + 1), start: at, end: close + 1 } : undefined;
  }
  UNQUOTED.lastIndex = at;
  const m = UNQUOTED.exec(text);
  if (!m) return undefined;
  let v = m[0].slice(0, Math.max(0, lineEnd - at));
  while (v.length > 0 && /[.\\]$/.test(v)) v = v.slice(0, -1);
  return v ? { value: v, start: at, end: at + v.length } : undefined;
}

function skipBlanks(text: string, at: number, lineEnd: number): number {
  let k = at;
  while (k < lineEnd && (text[k] === ' ' || text[k] === '\t')) k++;
  return k;
}

/** Optional string prefixes before a quote: C# `@"…"`/`$"…"`, Python `r'…'`/`b'…'`/`f'…'`. */
function skipStringPrefix(text: string, at: number): number {
  const isQuote = (k: number) => QUOTES.has(text[k] ?? '') || (text[k] === '\\' && QUOTES.has(text[k + 1] ?? ''));
  if (isQuote(at)) return at;
  const p = /[@$rRbBuUfF]/;
  if (p.test(text[at] ?? '') && isQuote(at + 1)) return at + 1;
  if (p.test(text[at] ?? '') && p.test(text[at + 1] ?? '') && isQuote(at + 2)) return at + 2;
  return at;
}

/** The quote at `q` opens the first argument of a call: `env('X', …)`, `getenv("X", …)`, `define('X', …)`. */
function inCallArgs(text: string, q: number): boolean {
  let k = q - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return text[k] === '(';
}

/** The name at `i` sits where a key does: line start (after indentation or a YAML `- `), or after `{`, `,`, `(`, `[`. */
function atKeyPosition(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  if (k < 0 || text[k] === '\n' || text[k] === '\r') return true;
  const c = text[k] ?? '';
  if (c === '{' || c === ',' || c === '(' || c === '[') return true;
  if (c === '-' && (k === 0 || /[\s]/.test(text[k - 1] ?? '')) && /[ \t]/.test(text[k + 1] ?? '')) {
    let b = k - 1;
    while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
    return b < 0 || text[b] === '\n';
  }
  return false;
}

/** `: </span><span class="x">VALUE</span>`: a label's colon, closing and opening tags, the value up to the next tag. */
const MARKUP_VALUE = /[ \t]*:[ \t]*(?:<\/[\w.-]+>[ \t]*)?(?:<[\w.-]+(?:[ \t][^<>\n]*)?>[ \t]*)+([^<>\s]{6,200})[ \t]*<\//y;

const VALUE_ATTR = /[ \t]*,?[ \t]*\\?["']?value\\?["']?[ \t]*[:=][ \t]*/y;

/** The value bound to the name that spans [i, j) on the line [lineStart, lineEnd), if any. */
function valueAfterName(input: ScanInput, i: number, j: number, lineEnd: number, name: string): Value | undefined {
  const { text } = input;
  const before = text[i - 1] ?? '';
  const escapedQuote = before !== '' && QUOTES.has(before) && text[i - 2] === '\\';
  const quotedName = QUOTES.has(before) && (text[j] === before || (escapedQuote && text[j] === '\\' && text[j + 1] === before));
  const cliFlag = /^--?[A-Za-z]/.test(name);
  const code = input.syntax === 'code';

  let k = j;
  if (quotedName) k += escapedQuote ? 2 : 1;

  // A label in markup and its value in the next element: `>ConsumerSecret: </span><b>…</b>`.
  if (before === '>') {
    MARKUP_VALUE.lastIndex = j;
    const mv = MARKUP_VALUE.exec(text);
    if (mv && mv.index === j && MARKUP_VALUE.lastIndex <= lineEnd + 1) {
      const v = mv[1] ?? '';
      const start = mv.index + mv[0].lastIndexOf(v);
      return { value: v, start, end: start + v.length };
    }
  }

  // <password>…</password>
  if (before === '<' && text[j] === '>') {
    const close = text.indexOf('</', j + 1);
    if (close < 0 || close > lineEnd || !text.startsWith(name, close + 2)) return undefined;
    const v = text.slice(j + 1, close).trim();
    const start = text.indexOf(v, j + 1);
    return { value: v, start, end: start + v.length };
  }

  // key="NAME" value="…" (web.config appSettings), {"key": "NAME", "value": "…"} (Postman).
  if (quotedName) {
    VALUE_ATTR.lastIndex = k;
    if (VALUE_ATTR.test(text) && VALUE_ATTR.lastIndex < lineEnd) return quotedAt(text, skipStringPrefix(text, VALUE_ATTR.lastIndex), lineEnd);
  }

  if (text[k] === ']') k++; // obj["password"] = …
  k = skipBlanks(text, k, lineEnd);
  const c = text[k] ?? '';
  const c2 = text[k + 1] ?? '';
  let op = '';
  if ((c === '=' && c2 === '>') || (c === ':' && c2 === '=') || (c === '?' && c2 === '=') || (c === '|' && c2 === '|') || (c === '?' && c2 === '?')) {
    op = c + c2;
  } else if (c === '=' && c2 !== '=') op = '=';
  else if (c === ':' && c2 !== ':' && (quotedName || atKeyPosition(text, i))) op = ':';
  else if (c === ',' && quotedName && inCallArgs(text, i - (escapedQuote ? 2 : 1))) op = ',';
  else if (c === '(' && !quotedName) {
    const words = nameWords(name.slice(name.lastIndexOf('.') + 1));
    if (words.length > 1 && !SETTER_FIRST.has(words[0] ?? '')) return undefined;
    op = '(';
  } else if (cliFlag && k > j && c !== '' && c !== '-') op = ' ';
  if (op === '') return undefined;
  let v = op === ' ' ? k : skipBlanks(text, k + op.length, lineEnd);
  v = skipStringPrefix(text, v);
  const q = quotedAt(text, v, lineEnd);
  if (q) return q;
  if (op === '(' || op === ',' || op === '||' || op === '??') return undefined;
  // Unquoted: a literal in config files and command lines; an expression in code.
  if (code && !cliFlag) return undefined;
  const u = unquotedAt(text, v, lineEnd);
  if (!u || cliFlag || /^[A-Z0-9_]+$/.test(name)) return u;
  // `key = words with spaces` (.properties, YAML, INI): the value is the rest of the line,
  // up to a comment — not its first word (`VAR=value command` in a shell keeps the word).
  const rest = text.slice(u.end, lineEnd);
  if (!/^[ \t]+[^\s#;]/.test(rest) || /^[ \t]+\/\//.test(rest)) return u;
  const comment = /[ \t](?:#|;|\/\/)/.exec(rest);
  const end = u.end + (comment ? comment.index : rest.length);
  return { value: text.slice(u.start, end).trimEnd(), start: u.start, end };
}

function cleanName(raw: string): string {
  return raw.replace(/^-+/, '').replace(/^[$@]/, '').replace(/[.-]+$/, '');
}

export const keywordContext: Detector = {
  id: 'keyword-context',
  family: 'generic',
  description: 'a random-looking literal bound to a credential name on the same line (any syntax)',
  kind: 'named-literal',
  keywords: GENERIC_KEYWORDS,
  generic: true,
  *find(input): Iterable<RawMatch> {
    const { text, hits, file } = input;
    if (isLockFile(file)) return;
    let lastJ = -1;
    // Bounds of the physical line of the previous hit, reused while hits stay on it.
    let physStart = -1;
    let physEnd = -1;
    for (const hit of hits) {
      if (hit < lastJ) continue;
      if (hit >= physEnd || hit < physStart) {
        physStart = text.lastIndexOf('\n', hit - 1) + 1;
        physEnd = text.indexOf('\n', hit);
        if (physEnd < 0) physEnd = text.length;
      }
      let lineStart = physStart;
      let lineEnd = physEnd;
      if (lineEnd - lineStart > 4000) {
        // Minified or generated: look at a window around the keyword only.
        lineStart = Math.max(lineStart, hit - 200);
        lineEnd = Math.min(lineEnd, hit + 600);
      }
      let i = hit;
      while (i > lineStart && isIdentCode(text.charCodeAt(i - 1))) i--;
      // `"ida:ClientSecret"`, `"C06:SecretKey"`: a quoted name may hold `:` separators.
      while (i - 1 > lineStart && text[i - 1] === ':' && isIdentCode(text.charCodeAt(i - 2))) {
        let k = i - 1;
        while (k > lineStart && isIdentCode(text.charCodeAt(k - 1))) k--;
        if (!QUOTES.has(text[k - 1] ?? '')) break;
        i = k;
      }
      let j = hit;
      while (j < lineEnd && isIdentCode(text.charCodeAt(j))) j++;
      lastJ = j;
      const raw = text.slice(i, j);
      const name = cleanName(raw);
      if (name.length === 0 || name.length > 100) continue;
      if (!isCredentialName(name) || AWS_SECRET_NAME.test(name)) continue;
      const found = valueAfterName(input, i, j, lineEnd, raw);
      if (!found) continue;
      // .properties unicode escapes: `M\u1EADt kh\u1EA9u` is "Mật khẩu".
      const trimmed = found.value.trim();
      let start = found.start + found.value.indexOf(trimmed);
      let value = trimmed.replace(/\\u([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      const def = DEFAULT_RE.exec(value);
      if (def) {
        const d = (def[2] ?? '').trim();
        start += value.lastIndexOf(d);
        value = d;
      }
      let kind: RawMatch['kind'] = 'named-literal';
      const scheme = /^(Bearer|Token|Basic)[ \t]+(?=\S+$)/i.exec(value);
      if (scheme) {
        start += scheme[0].length;
        value = value.slice(scheme[0].length);
        kind = 'auth-header';
      }
      // JWTs and PEM blocks are their detectors' business (which may have judged them samples).
      if (/^eyJ[\w-]+\.(?:eyJ|e30)|-----BEGIN /.test(value)) continue;
      if (decodeRealUserPass(value)) kind = 'base64-userpass';
      else if (decodeUserPass(value) !== undefined) continue; // base64 of a dummy user:pass ("alice:secret123")
      else if (!plausibleSecret(value, { passwordLike: isPasswordName(name) })) continue;
      // A value that names something (`org.app.secret.key`, `consumer_secret`, `^9.0.3`) is not the secret.
      else if (isDummyWord(value) || (kind !== 'auth-header' && looksLikeName(value, name, { passwordLike: isPasswordName(name), code: input.syntax === 'code' }))) continue;
      yield { index: i, secret: value, start, end: start + value.length, key: name, kind };
    }
  },
};
