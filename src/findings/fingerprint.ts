import { createHash } from 'node:crypto';
import { redactText } from '../util/redact.js';

/**
 * Fingerprint scheme: 2 (scheme 1 hashed what matched as the policies gave it, which for
 * a credential was a hash of the secret: published in SARIF and baselines, it let anyone
 * test guesses of the secret).
 */
export const FINGERPRINT_SCHEME = 2;

/**
 * A finding's stable identity: the rule, the file and the normalized thing that
 * matched (a key, a kind and the redacted value; a call and its target) — not the line
 * number, so that a finding keeps its fingerprint when code above it moves. Free of
 * secret material: what matched passes the one redaction path before it is hashed (a
 * `curl -u user:pass -k` setting is hashed as `curl -u user:*** -k`), and the policies'
 * anchors carry no value hashes.
 */
export function fingerprint(ruleId: string, file: string, match: string): string {
  const normalized = redactText(match.replace(/\s+/g, ' ').trim());
  return createHash('sha256').update(`v${FINGERPRINT_SCHEME}\0${ruleId}\0${file}\0${normalized}`).digest('hex').slice(0, 32);
}
