/**
 * Redaction and value statistics shared by every collector and output.
 * A secret is shown as at most its first 2 and last 2 characters.
 */
import { createHash } from 'node:crypto';

export function redact(value: string): string {
  const chars = [...value];
  if (chars.length === 0) return '';
  // Short values would be revealed almost whole by 2+2: show less of them.
  if (chars.length <= 4) return '*'.repeat(chars.length);
  if (chars.length <= 8) return `${chars[0]}…${chars[chars.length - 1]}`;
  return `${chars.slice(0, 2).join('')}…${chars.slice(-2).join('')}`;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...value].length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return Math.round(h * 1000) / 1000;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Query/fragment parameters whose values are masked by `redactUrl` (substring, any case):
 * passwords, tokens, keys, signatures, sessions, codes — and the Vietnamese names
 * (`matkhau`, `mat_khau`, `khoa`, `khoa_bi_mat`, `ma_bao_mat`).
 */
const SENSITIVE_PARAM =
  /pass|pwd|secret|token|key|signature|sig|auth|credential|session|code|cookie|jwt|mat[-_.]?khau|khoa|ma[-_.]?bao[-_.]?mat/i;

/**
 * The parts of a URL as the policies' `display_url` (`policies/lib/lib.rego`) reads it —
 * keep them in step: 1 scheme `https://` (optional), then either 2 user-info with its
 * trailing `@` and 3 host/path, or 4 a URL without user-info, 5 the query and/or
 * fragment (`?…`, `#…`). The user-info is `user:` and then anything up to the LAST `@`
 * before whitespace (a password may hold `@`, `/`, `+`, `=`, `#`, `?`), or, without a
 * colon, anything up to the last `@` before a `/`. Over-masking (a port, then a path
 * with `@`) is accepted; showing part of a password never is. `redactUrl` reads URLs
 * with `splitUrl` (the same parts, in linear time).
 */
export const URL_PARTS_RE =
  /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)?(?:([^/?#:@\s]*:[^\s]*@|[^/\s]*@)([A-Za-z0-9._~%!$&'()*+,;=\[\]{}:-]*(?:\/[^?#]*)?)|([^?#]*))([?#][\s\S]*)?$/;

const SCHEME_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const HOST_CHARS = /^[A-Za-z0-9._~%!$&'()*+,;=[\]{}:-]*/;

/** `URL_PARTS_RE`'s parts without backtracking: scheme, user-info (with its `@`) or undefined, host/path, query/fragment. */
export function splitUrl(url: string): { scheme: string; userInfo?: string; hostPath: string; tail: string } {
  const scheme = SCHEME_RE.exec(url)?.[0] ?? '';
  const body = url.slice(scheme.length);
  const ws = body.search(/\s/);
  const region = ws < 0 ? body : body.slice(0, ws);
  let userInfo: string | undefined;
  let rest = body;
  const at = region.lastIndexOf('@');
  if (at >= 0) {
    const colon = /^[^/?#:@\s]*:/.exec(region);
    const before = region.slice(0, at);
    // `user:` then anything to the last `@`; else no `/` before the last `@`.
    const lastAtBeforeSlash = colon ? at : before.includes('/') ? -1 : at;
    if (lastAtBeforeSlash >= 0 && HOST_CHARS.exec(body.slice(at + 1))) {
      userInfo = body.slice(0, at + 1);
      rest = body.slice(at + 1);
    }
  }
  const q = rest.search(/[?#]/);
  return q < 0 ? { scheme, ...(userInfo ? { userInfo } : {}), hostPath: rest, tail: '' } : { scheme, ...(userInfo ? { userInfo } : {}), hostPath: rest.slice(0, q), tail: rest.slice(q) };
}

/** User names shown in a redacted URL: a `${VAR}` reference or a short, non-token-like name. */
const SHOWN_USER = /^(?:\$\{[^}\s]*\}|\{\{[^}]*\}\}|[A-Za-z0-9._-]{1,32})$/;
/** Passwords that mean "the user name is the token" (`<token>:x-oauth-basic@github.com`). */
const TOKEN_PASSWORDS = /^(?:x-oauth-basic|x-oauth|x-access-token)$/i;

function tokenLike(user: string): boolean {
  return user.length >= 12 && /\d/.test(user) && /[a-z]/.test(user) && /[A-Z]/.test(user);
}

/** `user:pass@` → `user:***@`; a user that may itself be a secret (token-like, no password) → `***@`. */
function maskUserInfo(userInfo: string): string {
  const s = userInfo.slice(0, -1);
  const colon = s.indexOf(':');
  if (colon < 0) return '***@';
  const user = s.slice(0, colon);
  const pass = s.slice(colon + 1);
  if (user === '' || !SHOWN_USER.test(user) || tokenLike(user) || TOKEN_PASSWORDS.test(pass)) return '***@';
  return pass.length === 0 ? `${user}:@` : `${user}:***@`;
}

/** `?a=1&token=x#access_token=y` with the values of sensitive names masked. */
function maskParams(tail: string): string {
  return tail.replace(/([?#&;])([^?#&;=]*)=([^?#&;]*)/g, (whole, sep: string, name: string, value: string) =>
    value.length > 0 && SENSITIVE_PARAM.test(decodeURIComponentSafe(name)) ? `${sep}${name}=***` : whole,
  );
}

/**
 * A URL safe to print: user-info becomes `user:***@` (or `***@` when the user name may
 * itself be a secret: no password, token-like, `…:x-oauth-basic`), and the values of
 * query and fragment parameters with sensitive names (token, password, key, sig,
 * access_token, matkhau, khoa, …) become `***`. The user-info may contain `/`, `@`, `+`,
 * `=` (see `URL_PARTS_RE`). Text that is not a URL is returned unchanged.
 */
export function redactUrl(url: string): string {
  const { scheme, userInfo, hostPath, tail } = splitUrl(url);
  const head = userInfo !== undefined ? `${scheme}${maskUserInfo(userInfo)}${hostPath}` : `${scheme}${hostPath}`;
  return head + (tail ? maskParams(tail) : '');
}

/** A value already shown redacted (`Sh…9x`, `***`): never redacted twice. */
const ALREADY_REDACTED = /…|\*\*\*/;

/** `scheme://…` up to whitespace or a quote: each is passed through `redactUrl`. */
const URL_IN_TEXT = /\b[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s"'`<>]*/g; // scheme bounded: linear on long lines
/** `-u user:pass`, `--user=user:pass`, `--proxy-user user:pass` (curl, wget): the password. */
const CLI_USER_PASS = /(^|\s)(-u|-U|--user|--proxy-user)(\s+|=)(["']?)([^\s:"']*):([^\s"']+)/g;
/** `--password x`, `--password=x`, `-pSecret` (mysql), `PGPASSWORD=x`: the value. */
const CLI_PASSWORD = /(^|\s)(--(?:http-|ftp-|proxy-)?pass(?:word)?|-p(?=\S))(\s+|=)?(["']?)([^\s"']+)/g;
/** `Authorization: Basic …`, `Bearer …`, `Token …`: the credential. */
const AUTH_SCHEME = /\b(Basic|Bearer|Token|Digest|Negotiate)(\s+)([^\s"'<>`]{6,})/g;
/** `password=x`, `api_key: "x"`, `Pwd=x;`, `matkhau=x`: the value of a sensitive name. */
const SENSITIVE_ASSIGNMENT =
  /\b([A-Za-z0-9_.-]*(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|mat[_-]?khau|khoa[_-]?bi[_-]?mat)[A-Za-z0-9_.-]*)(\s*[=:]\s*)(["']?)([^\s"';,&)]+)/gi;
/** Secrets of a known shape, wherever they stand. */
const KNOWN_FORMATS = [
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, // JWT
  /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /\b(?:sk|rk)-[A-Za-z0-9_-]{20,}/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
];
const PEM_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g;

function maskValue(value: string): string {
  return ALREADY_REDACTED.test(value) || /^\$\{[^}]*\}$|^\{\{[^}]*\}\}$|^%\(?[\w.]+\)?s?$/.test(value) ? value : redact(value);
}

/**
 * Free text (a finding's message, anything about to be printed) with every secret in it
 * masked: user-info and sensitive parameters of URLs, `curl -u user:pass`, `--password`,
 * authorization credentials, `password=…`-style assignments, secrets of a known shape,
 * private keys. The one redaction path for messages: every expression is linear (no
 * nested quantifier), so a hostile message costs its length.
 */
export function redactText(text: string): string {
  if (text.length === 0) return text;
  let out = text.replace(PEM_BLOCK, '-----BEGIN PRIVATE KEY----- *** (redacted)');
  out = out.replace(URL_IN_TEXT, (u) => redactUrl(u));
  out = out.replace(CLI_USER_PASS, (_w, pre: string, flag: string, sep: string, q: string, user: string, pass: string) =>
    `${pre}${flag}${sep}${q}${user}:${ALREADY_REDACTED.test(pass) ? pass : '***'}`,
  );
  out = out.replace(CLI_PASSWORD, (_w, pre: string, flag: string, sep: string | undefined, q: string, value: string) => `${pre}${flag}${sep ?? ''}${q}${maskValue(value)}`);
  out = out.replace(AUTH_SCHEME, (_w, scheme: string, sep: string, cred: string) => `${scheme}${sep}${maskValue(cred)}`);
  out = out.replace(SENSITIVE_ASSIGNMENT, (_w, key: string, sep: string, q: string, value: string) => `${key}${sep}${q}${maskValue(value)}`);
  for (const re of KNOWN_FORMATS) out = out.replace(re, (m) => redact(m));
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A word (or path segment) that is itself secret-shaped: letters and digits mixed, or long, mixed-case and random-looking. */
function secretShaped(seg: string): boolean {
  if (seg.length < 5 || ALREADY_REDACTED.test(seg)) return false;
  if (/\d/.test(seg) && /\p{L}/u.test(seg) && !/^k8s$|^v\d+$/i.test(seg)) return true;
  return seg.length >= 12 && /[a-z]/.test(seg) && /[A-Z]/.test(seg) && shannonEntropy(seg) >= 3.5;
}

/** `mật khẩu là X`, `password is X`: the word after the cue. */
const PROSE_SECRET = /((?:mật\s+khẩu|mat\s*khau|password|passwd|pwd|passphrase)\s*(?:là|is|=|:)?\s+)(\S+)/giu;

/**
 * A declared `secretRef` as it may be printed. It should name where the secret lives
 * (`vault:secret/data/dancu#password`, `k8s Secret dvc/dancu-account (keys username,
 * secretKey)`), but the repository writes it: prose that gives the secret away (`mật
 * khẩu là …`) or a pasted secret is masked — every secret-shaped word or path segment,
 * and the word after a password cue — after the one redaction path for text.
 */
export function redactSecretRef(ref: string): string {
  const text = redactText(ref).replace(PROSE_SECRET, (_w, cue: string, word: string) => `${cue}${ALREADY_REDACTED.test(word) ? word : redact(word)}`);
  // A word with a secret-shaped part is masked whole (its parts would show 2+2 each).
  return text
    .split(/(\s+)/)
    .map((word) => (word.split(/[/:#.=,;()'"@?&]+/).some(secretShaped) ? redact(word) : word))
    .join('');
}
