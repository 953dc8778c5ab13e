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
 * The parts of a URL as `redactUrl` and the policies' `display_url` (same expression, in
 * `policies/lib/lib.rego` — keep them in step) read it:
 *   1 scheme `https://` (optional), then either
 *   2 user-info with its trailing `@` and 3 host/path, or 4 a URL without user-info,
 *   5 the query and/or fragment (`?…`, `#…`).
 * The user-info runs to the LAST `@` that a host follows (then `/`, `?`, `#` or the end),
 * so a password may hold `@`, `+`, `=` and — after `user:` — `/` (base64).
 */
export const URL_PARTS_RE =
  /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)?(?:([^/?#:@\s]*:[^?#\s]*@|[^/?#\s]*@)([A-Za-z0-9._~%!$&'()*+,;=\[\]{}:-]*(?:\/[^?#]*)?)|([^?#]*))([?#][\s\S]*)?$/;

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
  const m = URL_PARTS_RE.exec(url);
  if (!m) return url;
  const [, scheme = '', userInfo, hostPath = '', plain = '', tail = ''] = m;
  const head = userInfo !== undefined ? `${scheme}${maskUserInfo(userInfo)}${hostPath}` : `${scheme}${plain}`;
  return head + (tail ? maskParams(tail) : '');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
