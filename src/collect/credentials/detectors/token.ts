/**
 * Vendor tokens with a distinctive prefix (`ghp_`, `xoxb-`, `AIza`, `sk_live_`…): a regex,
 * tried only where one of the prefixes (the keywords) starts, and the common check that the
 * token — and its body after the prefix — is not a placeholder (`…EXAMPLE`, `xxxx…`, `<token>`).
 */
import type { CredentialKind } from '../../../facts/types.js';
import { tokenIsReal } from '../values.js';
import { regexDetector, type Detector, type RegexDetectorSpec } from './types.js';

export interface TokenSpec extends Omit<RegexDetectorSpec, 'kind' | 'anchored'> {
  /** Default `token`. */
  kind?: CredentialKind;
  /** Where the body starts (after the prefix), or how to find it; default: the whole token. */
  bodyFrom?: number | ((token: string) => number);
  /** Default true: the match starts at a keyword. */
  anchored?: boolean;
}

export function tokenDetector(spec: TokenSpec): Detector {
  const { bodyFrom = 0, validate, ...rest } = spec;
  const body = typeof bodyFrom === 'number' ? (t: string) => t.slice(bodyFrom) : (t: string) => t.slice(bodyFrom(t));
  return regexDetector({
    ...rest,
    kind: spec.kind ?? 'token',
    anchored: spec.anchored ?? true,
    validate: (t, m, input) => tokenIsReal(t, body(t)) && (validate?.(t, m, input) ?? true),
  });
}
