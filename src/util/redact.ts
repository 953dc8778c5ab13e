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

/** Query parameters whose values are masked by `redactUrl`. */
const SENSITIVE_QUERY = /^(?:.*(?:pass(?:word|wd)?|pwd|secret|token|api[-_]?key|access[-_]?key|signature|sig|auth|credential|session|code).*)$/i;

/**
 * A URL safe to print: the password of `user:pass@` becomes `***`, and the values of
 * query parameters with sensitive names (token, password, api_key, sig, …) become `***`.
 * Text that is not a URL is returned unchanged.
 */
export function redactUrl(url: string): string {
  let out = url.replace(/^([a-z][a-z0-9+.:-]*:\/\/[^\s:@/?#]*):([^\s@/]*)@/i, (_m, user: string, pass: string) =>
    pass.length === 0 ? `${user}:@` : `${user}:***@`,
  );
  const q = out.indexOf('?');
  if (q >= 0) {
    const hash = out.indexOf('#', q);
    const query = hash >= 0 ? out.slice(q + 1, hash) : out.slice(q + 1);
    const masked = query
      .split('&')
      .map((part) => {
        const eq = part.indexOf('=');
        if (eq <= 0) return part;
        const name = part.slice(0, eq);
        return SENSITIVE_QUERY.test(decodeURIComponentSafe(name)) && eq < part.length - 1 ? `${name}=***` : part;
      })
      .join('&');
    out = out.slice(0, q + 1) + masked + (hash >= 0 ? out.slice(hash) : '');
  }
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
