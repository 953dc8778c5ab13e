import { createHash } from 'node:crypto';

/**
 * A finding's stable identity: the rule, the file and the normalized thing that
 * matched (a key and value hash, a call and its target) — not the line number, so
 * that a finding keeps its fingerprint when code above it moves.
 */
export function fingerprint(ruleId: string, file: string, match: string): string {
  const normalized = match.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalized}`).digest('hex').slice(0, 32);
}
