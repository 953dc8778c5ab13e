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
