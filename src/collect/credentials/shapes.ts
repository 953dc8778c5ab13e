/**
 * Value shapes: is a value bound to a credential name a name itself — an identifier,
 * a reference, a label, a number — or a secret, and if a secret, what kind of value:
 * a well-known default, a word, something a person chose, or key material?
 *
 * - `looksLikeName(value, key)` — the value names something rather than being a secret:
 *   dotted property keys (`org.app.ngsp.secret.key`), snake/kebab/camel words
 *   (`consumer_secret`, `forget_password`, `keystore-password`, `vneidPrivateKey`),
 *   words equal or close to the key (`'password' => 'Passwort'`), header and route
 *   names, URL paths, Redux action types (`auth/LOGIN_SUCCESS`), storage and i18n keys,
 *   enum-like constants (`TOKEN_TYPE_REQUEST`), numbers, versions and durations,
 *   e-mail addresses, IP addresses, validation rules (`required|min:6`), template
 *   expressions (`[variables('pwd')]`, `[$PASSWORD$]`), HTML entities, PEM armour lines
 *   with no key material, text in other scripts.
 * - `valueShape(value)` — `default` (postgres, root, 123456, one to three characters),
 *   `word` (letters only), `human` (chosen by a person), `random` (key material).
 *
 * Pure functions, no state. The clear value never leaves the caller.
 */
import type { ValueShape } from '../../facts/types.js';
import { shannonEntropy } from '../../util/redact.js';
import { editDistance, isMisspeltCredentialWord, nameWords } from './names.js';
import { UUID_RE, charClasses, looksLikeIdentifier } from './values.js';

// ---------------------------------------------------------------------------
// Defaults and dummies

/**
 * Well-known defaults: product and tutorial defaults (database, broker, object store),
 * the most common passwords. A committed default protects nothing and gives nothing
 * away about a real secret; policy reports it apart (DG-CRED-006, low).
 */
const DEFAULTS = new Set([
  'root',
  'toor',
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'sa',
  'admin',
  'administrator',
  'admin123',
  'admin1234',
  'root123',
  'guest',
  'user',
  'rabbitmq',
  'redis',
  'minioadmin',
  'elastic',
  'kibana',
  'oracle',
  'manager',
  'tomcat',
  'sysadmin',
  'mongo',
  'mongodb',
  'keycloak',
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'pass',
  'pass123',
  'password1',
  'password123',
  'secret',
  'secret123',
  'qwerty',
  'qwerty123',
  'letmein',
  'welcome',
  'welcome1',
  'abc123',
  '123abc',
  'changeit',
]);

/** True for a well-known default or trivial value: a default word, one to three characters, one character repeated, a counting or keyboard sequence. */
export function isDefaultValue(value: string): boolean {
  const v = value.trim();
  if ([...v].length <= 3) return true;
  if (DEFAULTS.has(v.toLowerCase())) return true;
  if (/^(.)\1+$/.test(v)) return true;
  return /^(?:0?1234(?:5(?:6(?:7(?:8(?:9(?:0)?)?)?)?)?)?|98765(?:4(?:3(?:2(?:1(?:0)?)?)?)?)?|(?:123){2,}|(?:12){3,}|qwertyu?i?o?p?|asdfgh?j?k?l?|1q2w3e(?:4r)?(?:5t)?)$/i.test(v);
}

/** Words typed to mean "a value goes here" (not defaults: nobody's password is `foo`). */
const DUMMIES = /^\d{0,4}(?:pass|passw(?:or)?d|secret|token|key)\d{1,4}$|^\d{1,4}(?:pass|passw(?:or)?d|secret|token|key)$|^[a-z]{2,8}(?:pass|passw(?:or)?d|secret|token)\d{0,4}$|^(?:test|testing|tester|demo|sample|example|foo|bar|baz|qux|foobar|dummy|fake|mock|empty|blank|string|value|none|null|nil|todo|tbd|default|placeholder|secret[-_ ]?here|password[-_ ]?here|insert[-_ ]?\w+|replace[-_ ]?\w+|not[-_ ]?(?:a[-_ ]?)?(?:real|used|set)(?:[-_ ]\w+)?)$/i;

/**
 * True for a stand-in value (`test`, `foo`, `demo`, `not-a-real-secret`, `password1`,
 * `1Password`, `newpassword2`, `mysecret`): not a secret, not a default.
 */
export function isDummyWord(value: string): boolean {
  return DUMMIES.test(value.trim());
}

// ---------------------------------------------------------------------------
// Shape

/** What a secret value looks like: `default`, `word`, `human` or `random`. */
export function valueShape(value: string): ValueShape {
  const v = value.trim();
  if (isDefaultValue(v)) return 'default';
  const n = v.length;
  const h = shannonEntropy(v);
  if (UUID_RE.test(v)) return 'random';
  if (/^[A-Za-z]+(?:[-_ .][A-Za-z]+)*$/.test(v)) {
    // Letters only: a word, unless long, mixed-case and random (some vendors' keys are letters only).
    return n >= 20 && /[a-z]/.test(v) && /[A-Z]/.test(v) && h >= 4.0 && !/[-_ .]/.test(v) ? 'random' : 'word';
  }
  if (/^[0-9a-f]{32,}$/i.test(v)) return 'random';
  if (n >= 16 && h >= 3.5 && charClasses(v) >= 2) return 'random';
  if (n >= 24 && h >= 3.2 && charClasses(v) >= 3) return 'random';
  return 'human';
}

// ---------------------------------------------------------------------------
// Names

/** A word of an identifier: letters (≥ 2, or one leading letter as in `xToken`), at most a short number after. */
function wordish(part: string, first: boolean): boolean {
  if (/^\d{1,3}$/.test(part)) return true;
  // Abbreviations with a number: `k8s`, `i18n`, `ns1`, `rfc2136`, `ipv4`, `s3`.
  if (/^[a-z]{1,4}\d{1,4}[a-z]{0,2}$/i.test(part)) return true;
  if (!/^[A-Za-z]+\d{0,2}$/.test(part)) return false;
  const letters = part.replace(/\d+$/, '');
  if (letters.length === 1) return first;
  // Words have vowels; acronyms are short (`ngsp`, `smtp`); random letters are neither (`xkcdqzt`).
  return letters.length <= 5 || /[aeiouy]/i.test(letters);
}

/** Every part of an identifier (split at separators and case changes) is a word. */
function allWords(value: string, separators: RegExp): boolean {
  const parts = value.split(separators).filter(Boolean);
  if (parts.length === 0) return false;
  return parts.every((p) => {
    const sub = nameWords(p);
    if (sub.length === 0) return false;
    // Case changes inside a part must still give words (`vneidPrivateKey`), not noise (`wJalrXUtn`).
    if (sub.length > 1 && p.length >= 8 && !looksLikeIdentifier(p.replace(/\d+$/, '')) && !/^[A-Z0-9]+$/.test(p)) return false;
    return sub.every((w, j) => wordish(w, j === 0));
  });
}

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;
const VERSION = /^[~^<>=v]*\s*\d+(?:\.(?:\d+|x|\*)){1,3}(?:[-+][0-9A-Za-z.-]+)?(?:\s*(?:\|\||-|<|>)\s*[~^<>=v]*\d[\w.-]*)*$/;
const DURATION = /^\d+(?:\.\d+)?\s*(?:ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|months?|y|years?|kb|mb|gb|k|m|g)$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?:\/\d{1,2})?$/;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const ENTITY = /^(?:&#?x?[0-9A-Za-z]+;)+$/;
/** Template and expression syntax: ARM `[variables('x')]`, `[$PASSWORD$]`, `$PASSWORD$`, `%PWD%`, `@@x@@`, `{{ }}`, `${ }`, `<%= %>`. */
const EXPRESSION = /^\[(?:variables|parameters|concat|reference|listKeys)\(|^\[?\$[A-Z_]+\$\]?$|^%[A-Za-z_]\w*%$|@@\w+@@|\{\{|\$\{|<%|^#\{/;
const PEM_ARMOUR = /^-{3,5}(?:BEGIN|END) [A-Z0-9 ]+-{3,5}$/;
/** Laravel/Symfony validation rules: `required|min:6|confirmed`, `required_with:password`. */
const RULES = /^[a-z_]+(?::[\w,.@-]*)?(?:\|[a-z_]+(?::[\w,.@-]*)?)+$|^(?:required|nullable|sometimes|confirmed|string)(?:_\w+)?(?::[\w,.@-]*)?$/;

/** The value's letters, lower case, without separators: `Consumer_Secret` → `consumersecret`. */
function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The value repeats the key or is one or two edits from it (`CONSUMER_SECRET = 'consumer_secret'`, `password: Passwort`). */
function closeToKey(value: string, key: string): boolean {
  const v = squash(value);
  const leafWords = nameWords(key.split(/[.:/]/).pop() ?? key);
  const k = leafWords.join('');
  if (v.length < 3 || k.length < 3) return false;
  if (v === k) return true;
  // The key's name inside a description of it (`base64encodedaccountkey` for `accountkey`).
  const t = value.trim();
  if (/^[a-z0-9_.\- ]+$/.test(t) && !/\d{2,}$/.test(t) && v.includes(k) && (v.replace(k, '').match(/[a-z]/g)?.length ?? 0) >= 4) return true;
  // With digits or symbols it may be a password built on the word (`Password@123`): only words are names.
  if (!/^[A-Za-z_.\- ]+$/.test(value.trim())) return false;
  if (v.includes(k) || k.includes(v)) return true;
  return Math.min(v.length, k.length) >= 5 && editDistance(v, k, 2) <= 2;
}

/** Words that make an all-word value a name of a credential (`api-password`, `zaloToken`), not the credential. */
const CREDENTIAL_WORD = /^(?:pass|passwd|password|passwords|pwd|secret|secrets|token|tokens|key|keys|apikey|credential|credentials|auth|authorization|session|cookie|private|signature|otp|pin|matkhau|khau|mat)$/;

function namesACredential(value: string): boolean {
  return nameWords(value).some((w) => CREDENTIAL_WORD.test(w) || isMisspeltCredentialWord(w));
}

export interface NameOptions {
  /** The name is password-like (`password`, `pwd`): a single word may be a (weak) password. */
  passwordLike?: boolean;
  /** The value is a string literal in program code (a single word there is a label or a field name). */
  code?: boolean;
}

/**
 * True when a value bound to a credential name is itself a name, a reference, a label or
 * a number — not a secret. `key` is the name it is bound to.
 */
export function looksLikeName(value: string, key: string | undefined, opts: NameOptions = {}): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  // Labels and messages in other scripts; secrets are ASCII in practice.
  if (/[^\x00-\x7f]/.test(v) && /\p{L}/u.test(v)) return true;
  if (PEM_ARMOUR.test(v) || ENTITY.test(v) || EXPRESSION.test(v) || /\*{3}/.test(v)) return true;
  if (VERSION.test(v) || DURATION.test(v) || IPV4.test(v) || EMAIL.test(v)) return true;
  // A UUID under a password name is an identifier (an AAGUID, a record id); under a token or key name it may be the secret.
  if (opts.passwordLike && UUID_RE.test(v)) return true;
  if (NUMBER.test(v)) {
    // A number: a port, a timeout, an id — except a PIN-like password under a password name.
    return !(opts.passwordLike && /^\d{4,}$/.test(v));
  }
  if (RULES.test(v)) return true;
  if (key !== undefined && closeToKey(v, key)) return true;

  const core = v.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (core.length === 0) return true;
  // Paths, property keys, action types, MIME types, storage keys: segments of words joined by `.`, `/`, `:`, `|`, `#`.
  if (/[./:|#]/.test(core) && /^[A-Za-z0-9_\-./:|#@]+$/.test(core) && allWords(core, /[./:|#@_-]+/)) return true;
  // All-caps constants and env-var names: `KIEM_THU`, `TOKEN_TYPE_REQUEST`, `GOOGLE_API_KEY_VAL`.
  if (/^[A-Z][A-Z]*\d{0,2}(?:_[A-Z0-9]+)+$/.test(core) && allWords(core, /_+/)) return true;
  // snake, kebab, camel words: `consumer_secret`, `same-origin`, `mfa-setup-totp-secret`, `vneidPrivateKey`.
  const separated = /[-_]/.test(core);
  const camel = /[a-z][A-Z]/.test(core);
  // Digits inside words are part of names (`k8s`, `ns1`, `rfc2136`, `oauth2`); digits closing the value
  // are what people add to a password (`sa-secret-key123`), and a part of digits only is no word.
  const digitsAsPassword = /\d{2,}$/.test(core) || /(?:^|[-_])\d+(?:$|[-_])/.test(core);
  if ((separated || camel) && !digitsAsPassword && allWords(core, /[-_]+/)) {
    if (separated || namesACredential(core) || (key !== undefined && sharesWord(core, key))) return true;
    if (opts.code) return true;
  }
  // One word, letters only: `required`, `write`, `uuid`, `Noop` — a name unless a password (outside code).
  if (/^[A-Za-z]+$/.test(core) && core === v) {
    if (!opts.passwordLike || opts.code) return true;
    return namesACredential(core);
  }
  return false;
}

/** The value and the key have a word in common (`UserTokens` for `tokenTable`). */
function sharesWord(value: string, key: string): boolean {
  const kw = new Set(nameWords(key).filter((w) => w.length >= 3));
  return nameWords(value).some((w) => kw.has(w));
}
