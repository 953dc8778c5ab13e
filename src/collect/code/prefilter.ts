/**
 * Cheap text checks run before any parse (Gitleaks-style keyword prefilter): a file is
 * parsed only when it mentions an HTTP/SOAP client, a sensitive name bound to a
 * literal, a TLS switch, a tool marker, the DB's namespaces or operations. The
 * language modules combine these with their own keyword regexes.
 */
import type { Settings } from '../../policy/settings.js';
import { mentionsOfficerField, mentionsTierUrl } from './kit/tiers.js';

const sensitiveCache = new WeakMap<Settings, RegExp | null>();
/** Browser-automation TLS switches (browser-tls.ts). */
const BROWSER_TLS = /ignore-certificate-errors|ignore-ssl-errors|accept_?insecure_?cert|AcceptInsecureCert|ignore_?https_?errors/i;
const operationCache = new WeakMap<Settings, RegExp | null>();

/**
 * The settings' sensitive key patterns (and `Authorization`) as one regex alternation
 * for searching text: anchors turned into identifier boundaries.
 */
export function sensitiveNames(settings: Settings): string {
  const alts: string[] = ['authori[sz]ation'];
  for (const p of settings.sensitiveKeyPatterns) {
    let s = p.startsWith('(?i)') ? p.slice(4) : p;
    s = s.replace(/\(\^\|\[-_\.\]\)/g, '(?:(?<![A-Za-z0-9])|[-_.])');
    s = s.replace(/\(\[-_\.\]\|\$\)/g, '(?:(?![A-Za-z0-9])|[-_.])');
    s = s.replace(/(^|[(|])\^/g, '$1(?<![A-Za-z0-9])');
    s = s.replace(/(?<!\\)\$($|[)|])/g, '(?![A-Za-z0-9])$1');
    alts.push(`(?:${s})`);
  }
  return alts.join('|');
}

/**
 * A superset of the places a literal can be bound to a sensitive name
 * (`settings.sensitiveKeyPatterns`, anchors turned into identifier boundaries):
 * `password = "…"`, `Password: "…"`, `"secretKey", "…"`, `ApiKey => "…"`, `@"…"`/`$"…"`.
 */
export function sensitiveTextPattern(settings: Settings): RegExp | undefined {
  const cached = sensitiveCache.get(settings);
  if (cached !== undefined) return cached ?? undefined;
  let re: RegExp | null;
  try {
    re = new RegExp(`(?:${sensitiveNames(settings)})[\\w$-]*['"\\]]?\\s*(?:[:=,]|=>|\\?\\?|\\|\\|)\\s*[\\w$.]*\\s*(?:\\?\\?|\\|\\|)?\\s*[@$]?['"]`, 'i');
  } catch {
    re = null;
  }
  sensitiveCache.set(settings, re);
  return re ?? undefined;
}

/** The settings' operation patterns, unanchored and case-insensitive (Java ports use `traCuuThongTin…`). */
export function operationTextPattern(settings: Settings): RegExp | undefined {
  const cached = operationCache.get(settings);
  if (cached !== undefined) return cached ?? undefined;
  let re: RegExp | null;
  try {
    const alts = settings.operationPatterns.map((p) => (p.startsWith('(?i)') ? p.slice(4) : p).replace(/^\^/, '').replace(/\$$/, ''));
    re = alts.length ? new RegExp(alts.map((a) => `(?:${a})`).join('|'), 'i') : null;
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
 * operation names, URLs of the DB, its portals and gateways, officer-id fields.
 */
export function commonPrefilter(text: string, settings: Settings): boolean {
  if (mentionsNamespace(text, settings)) return true;
  if (mentionsTierUrl(text, settings) || mentionsOfficerField(text, settings)) return true;
  if (BROWSER_TLS.test(text)) return true;
  const op = operationTextPattern(settings);
  if (op && op.test(text)) return true;
  const sens = sensitiveTextPattern(settings);
  return sens ? sens.test(text) : true;
}
