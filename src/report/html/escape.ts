/**
 * Escaping for the HTML report. Everything that comes from the scanned repository (file
 * names, messages, code, values, basis text) passes through `esc` before it reaches the
 * page: the five HTML metacharacters become entities, and C0/C1 controls (but TAB) and
 * bidirectional overrides/isolates become visible `\uXXXX` escapes, so a name cannot
 * close a tag, open an attribute, or reorder what the reviewer reads (Trojan Source).
 */

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value safe to put in HTML. */
export function esc(value: unknown): string {
  return String(value)
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Cut to `max` characters (a surrogate pair is never split), with an ellipsis. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
