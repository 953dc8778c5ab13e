/**
 * Credential names, beyond exact words: the words of a name (`C06_apiKey` → c06, api,
 * key), credential words written with a typo (`screct`, `secrect`, `passwrod`,
 * `consumer_ecret`), and names that are credentials only by where they sit (a bare
 * `key` under `JwtSettings`, `PasetoSettings`, `signing`, `secret`). Shared by the
 * structured collectors (`isSensitiveKey`) and the keyword-context detector
 * (`isCredentialName`). Pure functions.
 */

/** `C06_apiKey` → ['c06', 'api', 'key']; `CSDLDanCu_Password` → ['csdl', 'dan', 'cu', 'password']. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Credential words written wrong in real code (curated: too short for a safe edit distance, or two edits away). */
export const MISSPELLINGS: ReadonlySet<string> = new Set([
  'screct',
  'scret',
  'sceret',
  'sercet',
  'serect',
  'secert',
  'secrat',
  'secrte',
  'secrect',
  'secreat',
  'secreet',
  'sekret',
  'ecret',
  'scecret',
  'passwrod',
  'passowrd',
  'pasword',
  'passord',
  'pssword',
  'passwod',
  'pasward',
  'passward',
  'paswd',
  'passwort',
  'tocken',
  'tokken',
  'toekn',
  'tokne',
  'credencial',
  'credentail',
  'crendential',
  'credental',
  'credintial',
]);

/** Words a one-edit typo is measured against (long enough that one edit rarely makes another word). */
const FUZZY_TARGETS = ['secret', 'password', 'credential', 'credentials', 'passphrase', 'private'];
/** Real words one edit away from a target: not typos. */
const NOT_TYPOS = new Set(['passed', 'privet', 'secrets', 'secrete', 'secreted']);

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * A credential word written with a typo: a curated misspelling (`screct`, `ecret`,
 * `tocken`), or one edit away from `secret`, `password`, `credential`, `passphrase`,
 * `private` (`secrect`, `passowrd`, `credentail`) — not the word itself, nor a real word
 * one edit away (`passed`).
 */
export function isMisspeltCredentialWord(word: string): boolean {
  const w = word.toLowerCase();
  if (MISSPELLINGS.has(w)) return true;
  if (w.length < 6 || NOT_TYPOS.has(w) || FUZZY_TARGETS.includes(w)) return false;
  return FUZZY_TARGETS.some((t) => editDistance(w, t, 1) === 1);
}

/** The word a typo stands for, for messages and tests (`screct` → `secret`), or undefined. */
export function correctedWord(word: string): string | undefined {
  const w = word.toLowerCase();
  if (!isMisspeltCredentialWord(w)) return undefined;
  if (/^t/.test(w)) return 'token';
  if (/^cr/.test(w)) return 'credential';
  if (/^pr/.test(w)) return 'private';
  if (/^pa|^ps/.test(w)) return w.includes('phrase') ? 'passphrase' : 'password';
  return 'secret';
}

/** Words that make a bare `key`/`value` under them a secret: signing and encryption settings, secrets. */
const KEY_CONTEXT = new Set([
  'jwt',
  'jwts',
  'paseto',
  'jws',
  'jwe',
  'signing',
  'signature',
  'sign',
  'hmac',
  'encryption',
  'encrypt',
  'crypto',
  'cipher',
  'aes',
  'secret',
  'secrets',
  'token',
  'tokens',
  'session',
  'cookie',
  'csrf',
  'xsrf',
  'recaptcha',
  'captcha',
  'auth',
  'authentication',
  'oauth',
  'password',
]);

/** Last words of a parent that make it a reference to a secret, not a secret's settings. */
const REFERENCE_PARENT = new Set(['ref', 'reference', 'selector', 'name', 'names', 'file', 'path', 'mount', 'volume', 'env', 'from']);

/** Leaves that name "the value" of whatever holds them. */
const BARE_LEAVES = new Set(['key', 'value', 'secret', 'secretkey', 'privatekey', 'signingkey']);

/**
 * True when a bare leaf (`key`, `value`) is a credential by its parent: `JwtSettings.key`,
 * `PasetoSettings:key`, `Jwt:Key`, `org.app.secret.key`, `org.app.screct.key`,
 * `signing.key`. `segments` is the flattened key split into its path segments.
 */
export function sensitiveByParent(segments: readonly string[]): boolean {
  if (segments.length < 2) return false;
  const leaf = (segments[segments.length - 1] ?? '').toLowerCase();
  if (!BARE_LEAVES.has(leaf)) return false;
  const parent = nameWords(segments[segments.length - 2] ?? '');
  // `secretKeyRef.key`, `secretRef.key`: the key names an entry of a Secret, it is no secret.
  if (REFERENCE_PARENT.has(parent[parent.length - 1] ?? '')) return false;
  return parent.some((w) => KEY_CONTEXT.has(w) || isMisspeltCredentialWord(w));
}

/** A password-like name (`password`, `DB_PASS`, `pwd`, `keyPass`, `MatKhau`): human-chosen values are expected. */
export function isPasswordName(name: string): boolean {
  const words = nameWords(name);
  if (words.some((w) => /pass|pwd/.test(w))) return true;
  if (/matkhau/.test(words.join(''))) return true;
  return words.some((w) => isMisspeltCredentialWord(w) && /^p/.test(w));
}
