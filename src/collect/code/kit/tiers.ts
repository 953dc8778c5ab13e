/**
 * The endpoint tiers as collectors see them (both source collectors): the population
 * DB itself (`settings.endpointPatterns`, hosts not public: users add their own), its
 * portals (`portalHosts`: the public-service portals, VNeID, the DB's SSO) and the
 * gateways that carry its traffic (`gatewayHosts`: provincial LGSP, NGSP, VDXP/NDXP).
 * Collectors use it only to decide what is worth reporting as a fact (a URL literal of
 * a tier, a navigation of a bot to a portal); the verdicts are the policies'
 * (`policies/lib/lib.rego` holds the same model). A SOAP namespace string
 * (`http://dancuquocgia.bca`) is never an endpoint.
 */
import { linearRegExp } from '../../../policy/linear.js';
import { compilePatterns, defaultSettings, matchesAny, type Settings } from '../../../policy/settings.js';
import { boundQuantifiers, byOrigin, settingsPatterns } from './patterns.js';

export type Tier = 'db' | 'portal' | 'gateway';

interface TierPatterns {
  db: RegExp[];
  portal: RegExp[];
  gateway: RegExp[];
  namespaces: Set<string>;
}

const cache = new WeakMap<Settings, TierPatterns>();

function patternsOf(settings: Settings): TierPatterns {
  let t = cache.get(settings);
  if (!t) {
    t = {
      db: compilePatterns(settings.endpointPatterns),
      portal: settingsPatterns(settings, 'portalHosts'),
      gateway: settingsPatterns(settings, 'gatewayHosts'),
      namespaces: new Set(settings.soapNamespaces.map(trimSlash)),
    };
    cache.set(settings, t);
  }
  return t;
}

function trimSlash(s: string): string {
  return s.replace(/\/+$/, '').toLowerCase();
}

/** The host of an absolute URL, lower case; undefined for a relative URL or a template without one. */
export function urlHost(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@\s]*@)?([^/?#:\s]+)/i.exec(url);
  const h = m?.[1]?.toLowerCase();
  return h && !h.includes('${') ? h : undefined;
}

/** A SOAP namespace of the DB written as a string, or a name in it (a SOAPAction): an identifier, not a place to connect to. */
export function isNamespace(url: string, settings: Settings): boolean {
  const u = trimSlash(url);
  for (const ns of patternsOf(settings).namespaces) if (u === ns || u.startsWith(`${ns}/`) || u.startsWith(`${ns}#`)) return true;
  return false;
}

/** The tier a URL belongs to: by host for portals and gateways, by the DB's patterns otherwise. */
export function urlTier(url: string, settings: Settings): Tier | undefined {
  if (isNamespace(url, settings)) return undefined;
  const t = patternsOf(settings);
  const host = urlHost(url);
  if (host && matchesAny(host, t.portal)) return 'portal';
  if (host && matchesAny(host, t.gateway)) return 'gateway';
  if (matchesAny(url, t.db)) return 'db';
  return undefined;
}

/** An absolute http(s) URL of a tier: worth an endpoint fact where it is written. */
export function tierUrl(value: string, settings: Settings): Tier | undefined {
  if (!/^https?:\/\/[^\s/]/i.test(value) || /\s/.test(value.trim())) return undefined;
  return urlTier(value.trim(), settings);
}

const URL_IN_TEXT = /https?:\/\/[^\s'"`<>)\\]+/gi;

/** Whether a text mentions an absolute URL of a tier (a cheap prefilter: at most 200 URLs are looked at). */
export function mentionsTierUrl(text: string, settings: Settings): boolean {
  if (!text.includes('://')) return false;
  let n = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    if (tierUrl(m[0], settings)) return true;
    if (++n >= 200) break;
  }
  return false;
}

const fieldCache = new WeakMap<Settings, { test(text: string): boolean } | null>();

/** Whether a text mentions an officer-id field name (`MaCanBo`) as a word. */
export function mentionsOfficerField(text: string, settings: Settings): boolean {
  let re = fieldCache.get(settings);
  if (re === undefined) {
    try {
      // The defaults (ours) in JavaScript's engine with bounded quantifiers, patterns a
      // config added in RE2 (linear): no lookaround in either.
      const { own, added } = byOrigin(settings.officerFieldPatterns ?? [], defaultSettings().officerFieldPatterns ?? []);
      const search = (ps: string[]) => `(?:^|[^A-Za-z0-9])(?:${ps.map((p) => (p.startsWith('(?i)') ? p.slice(4) : p).replace(/^\^/, '').replace(/\$$/, '')).join('|')})(?:[^A-Za-z0-9]|$)`;
      const js = own.length ? new RegExp(boundQuantifiers(search(own)), 'i') : undefined;
      const linear = added.length ? linearRegExp(search(added), 'i') : undefined;
      re = js || linear ? { test: (t: string) => (js?.test(t) ?? false) || (linear?.test(t) ?? false) } : null;
    } catch {
      re = null;
    }
    fieldCache.set(settings, re);
  }
  return re ? re.test(text) : false;
}

/**
 * Link source endpoints to the call sites built from them: each endpoint written where
 * a call's URL was defined (`target.definedAt`) gets that call's URL in `reachedBy`.
 *
 * Only within one file: a file's facts must depend on its own text and what it reads,
 * never on which other files were collected with it (the pipeline collects in chunks and
 * caches per file). A URL defined in one file and called from another is reported at
 * both places, each of which holds it.
 */
export function linkEndpointsToCalls(
  endpoints: ReadonlyArray<{ file: string; line: number; source: string; reachedBy?: string[] }>,
  calls: ReadonlyArray<{ file: string; target: { url?: string; definedAt?: { file: string; line: number } } }>,
): void {
  const at = new Map<string, Array<{ reachedBy?: string[] }>>();
  for (const e of endpoints) {
    if (e.source !== 'source') continue;
    const k = `${e.file}\0${e.line}`;
    const list = at.get(k);
    if (list) list.push(e);
    else at.set(k, [e]);
  }
  if (at.size === 0) return;
  for (const c of calls) {
    const d = c.target.definedAt;
    const url = c.target.url;
    if (!d || url === undefined || d.file !== c.file) continue;
    for (const e of at.get(`${d.file}\0${d.line}`) ?? []) {
      const list = (e.reachedBy ??= []);
      if (!list.includes(url) && list.length < 10) list.push(url);
    }
  }
}
