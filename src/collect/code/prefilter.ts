/**
 * Cheap text checks run before any parse (Gitleaks-style keyword prefilter): a file is
 * parsed only when it mentions an HTTP/SOAP client, a sensitive name bound to a
 * literal, a TLS switch, a tool marker, the DB's namespaces or operations. The
 * language modules combine these with their own keyword regexes.
 */
import { linearRegExp } from '../../policy/linear.js';
import { defaultSettings, type Settings } from '../../policy/settings.js';
import { mentionsEncodedUserPass } from '../credentials/values.js';
import { boundQuantifiers, byOrigin } from './kit/patterns.js';
import { mentionsOfficerField, mentionsTierUrl } from './kit/tiers.js';

/** What the prefilters need of a regex: a yes/no over a file's text, in time linear in it. */
export interface TextTest {
  test(text: string): boolean;
}

const sensitiveCache = new WeakMap<Settings, TextTest | null>();
const operationCache = new WeakMap<Settings, TextTest | null>();
/** Browser-automation TLS switches (browser-tls.ts). */
const BROWSER_TLS = /ignore-certificate-errors|ignore-ssl-errors|accept_?insecure_?cert|AcceptInsecureCert|ignore_?https_?errors/i;


/**
 * Key patterns as one alternation for searching text, anchors turned into identifier
 * boundaries without lookaround (RE2 has none: a boundary character is consumed, which a
 * yes/no search does not mind). `bounded`: every `*`/`+` becomes `{0,64}`/`{1,64}`, so a
 * JavaScript regex does bounded work at each position (a line of `C06_C06_…` or
 * `tokentoken…` took seconds); unbounded for RE2, which is linear anyway.
 */
export function sensitiveNames(settings: Settings, patterns: readonly string[] = settings.sensitiveKeyPatterns, bounded = false): string {
  const alts: string[] = ['authori[sz]ation'];
  for (const p of patterns) {
    let s = p.startsWith('(?i)') ? p.slice(4) : p;
    s = s.replace(/\(\^\|\[-_\.\]\)/g, '(?:^|[^A-Za-z0-9])');
    s = s.replace(/\(\[-_\.\]\|\$\)/g, '(?:[^A-Za-z0-9]|$)');
    s = s.replace(/(^|[(|])\^/g, '$1(?:^|[^A-Za-z0-9])');
    s = s.replace(/(?<!\\)\$($|[)|])/g, '(?:[^A-Za-z0-9]|$)$1');
    alts.push(`(?:${s})`);
  }
  const all = alts.join('|');
  return bounded ? boundQuantifiers(all) : all;
}


/**
 * A whole-text test for "a sensitive key name, then `tail`": the default key patterns
 * as a JavaScript regex with bounded quantifiers, those the config added in the linear
 * RE2 engine. Undefined when no regex could be built.
 */
export function sensitiveTextTest(settings: Settings, tail: string): TextTest | undefined {
  const { own, added } = byOrigin(settings.sensitiveKeyPatterns, defaultSettings().sensitiveKeyPatterns);
  let js: RegExp;
  let linear: RegExp | undefined;
  try {
    js = new RegExp(`(?:${sensitiveNames(settings, own, true)})${boundQuantifiers(tail)}`, 'i');
    linear = added.length > 0 ? linearRegExp(`(?:${sensitiveNames(settings, added)})${tail}`, 'i') : undefined;
  } catch {
    return undefined;
  }
  return { test: (text) => js.test(text) || (linear?.test(text) ?? false) };
}

/**
 * A superset of the places a literal can be bound to a sensitive name
 * (`settings.sensitiveKeyPatterns`, anchors turned into identifier boundaries):
 * `password = "…"`, `Password: "…"`, `"secretKey", "…"`, `ApiKey => "…"`, `@"…"`/`$"…"`.
 */
export function sensitiveTextPattern(settings: Settings): TextTest | undefined {
  const cached = sensitiveCache.get(settings);
  if (cached !== undefined) return cached ?? undefined;
  const re = sensitiveTextTest(settings, `[\\w$-]*['"\\]]?\\s*(?:[:=,]|=>|\\?\\?|\\|\\|)\\s*[\\w$.]*\\s*(?:\\?\\?|\\|\\|)?\\s*[@$]?['"]`) ?? null;
  sensitiveCache.set(settings, re);
  return re ?? undefined;
}

/** The settings' operation patterns, unanchored and case-insensitive (Java ports use `traCuuThongTin…`), in the linear engine. */
export function operationTextPattern(settings: Settings): TextTest | undefined {
  const cached = operationCache.get(settings);
  if (cached !== undefined) return cached ?? undefined;
  let re: TextTest | null;
  try {
    const { own, added } = byOrigin(settings.operationPatterns, defaultSettings().operationPatterns);
    const alts = (ps: string[]) => ps.map((p) => `(?:${(p.startsWith('(?i)') ? p.slice(4) : p).replace(/^\^/, '').replace(/\$$/, '')})`).join('|');
    const js = own.length ? new RegExp(boundQuantifiers(alts(own)), 'i') : undefined;
    const linear = added.length ? linearRegExp(alts(added), 'i') : undefined;
    re = js || linear ? { test: (t) => (js?.test(t) ?? false) || (linear?.test(t) ?? false) } : null;
  } catch {
    re = null;
  }
  operationCache.set(settings, re);
  return re ?? undefined;
}

/** Whether the text mentions one of the DB's SOAP namespaces. */
export function mentionsNamespace(text: string, settings: Settings): boolean {
  return settings.soapNamespaces.some((n) => text.includes(n));
}

/**
 * The shared part of every language's prefilter: sensitive bindings, DB namespaces and
 * operation names, URLs of the DB, its portals and gateways, officer-id fields, and
 * base64 `user:pass` literals (a Basic credential in a constant of any name).
 */
export function commonPrefilter(text: string, settings: Settings): boolean {
  if (mentionsNamespace(text, settings)) return true;
  if (mentionsTierUrl(text, settings) || mentionsOfficerField(text, settings)) return true;
  if (BROWSER_TLS.test(text)) return true;
  const op = operationTextPattern(settings);
  if (op && op.test(text)) return true;
  const sens = sensitiveTextPattern(settings);
  if (sens ? sens.test(text) : true) return true;
  return mentionsEncodedUserPass(text);
}
