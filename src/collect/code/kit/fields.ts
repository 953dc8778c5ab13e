/**
 * Names in a call's code path that tell what the call carries (both source
 * collectors): citizen-lookup fields (`SoDinhDanh`, `MaCanBo`, settings
 * `lookupFieldPatterns`), gateway markers (`lgspaccesstoken`, settings
 * `gatewayMarkerPatterns`) and portal markers (`VNeID`, `portalMarkerPatterns`), read as identifier-like tokens of the function's text —
 * object keys, properties, header names in strings alike. The policies decide what
 * they mean (a gateway call that carries lookups).
 */
import { matchesAny, type Settings } from '../../../policy/settings.js';
import { settingsPatterns } from './patterns.js';
import { urlTier } from './tiers.js';

function patternsOf(settings: Settings): RegExp[] {
  return settingsPatterns(settings, 'lookupFieldPatterns', 'gatewayMarkerPatterns', 'portalMarkerPatterns');
}

/** At most this many characters of a function are read (a generated 1 MB function is not a request builder). */
const MAX_TEXT = 200_000;

/** The listed field and marker names that occur in `text`, in order of first occurrence, without repeats. */
export function fieldsIn(text: string, settings: Settings): string[] {
  const patterns = patternsOf(settings);
  if (patterns.length === 0) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  // Hosts and paths of URLs are not field names (`lgsp` of `https://lgsp.tinh…`).
  const code = text.slice(0, MAX_TEXT).replace(/[a-z][a-z0-9+.-]*:\/\/[^\s'"`<>)]*/gi, ' ');
  for (const m of code.matchAll(/[A-Za-z_][A-Za-z0-9_-]*/g)) {
    const t = m[0];
    if (seen.has(t)) continue;
    seen.add(t);
    if (matchesAny(t, patterns)) out.push(t);
    if (out.length >= 20) break;
  }
  return out;
}

/**
 * Whether a call's fields can tell the policy anything: its URL did not resolve to a
 * tier, or it reaches a gateway with no DB path in it (the fields then say whether it
 * carries lookups). A DB URL or a portal URL needs none.
 */
export function fieldsMatter(url: string | undefined, settings: Settings, dbPatterns: readonly RegExp[]): boolean {
  if (url === undefined) return true;
  const tier = urlTier(url, settings);
  if (tier === undefined) return true;
  return tier === 'gateway' && !matchesAny(url, dbPatterns);
}
