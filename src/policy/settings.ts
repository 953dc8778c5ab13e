/**
 * Policy data ("settings"): endpoint patterns, sensitive key names, logger and limiter
 * names, approved modules and tools. The defaults are `policies/data/settings.json`;
 * `.dancu-guard.yml` adds to them. The same document is handed to the Rego policies
 * (as `data.settings`) and to collectors (to prefilter what they report), so the two
 * never disagree about what a sensitive key or a DB endpoint is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICIES_DIR } from '../package-root.js';
import { linearRegExp } from './linear.js';

export interface Settings {
  /** RE2-compatible regexes; `(?i)` prefix allowed. A URL matching any is a DB endpoint. */
  endpointPatterns: string[];
  /**
   * Host regexes of the DB's web portals (the public-service portals, VNeID, the DB's
   * SSO): bots and plain HTTP matter there; they are not the DB's lookup API.
   */
  portalHosts: string[];
  /** Host regexes of the gateways that carry the DB's traffic (provincial LGSP, NGSP, VDXP/NDXP). */
  gatewayHosts: string[];
  /** Header/field names that mark a request as gateway traffic when its URL does not resolve (`lgspaccesstoken`). */
  gatewayMarkerPatterns: string[];
  /** Names that mark a call whose URL did not resolve as a portal call (`VNeID` in its code path). */
  portalMarkerPatterns: string[];
  /** Request field names of a citizen lookup (`SoDinhDanh`, `MaCanBo`…): a gateway call with them carries DB lookups. */
  lookupFieldPatterns: string[];
  /** Field names that carry the officer making a lookup (`MaCanBo`). */
  officerFieldPatterns: string[];
  /** SOAP namespaces of the population DB. */
  soapNamespaces: string[];
  /** SOAP/REST operation names of the DB. */
  operationPatterns: string[];
  /** A key/variable name matching any is sensitive. */
  sensitiveKeyPatterns: string[];
  /** A call name matching any counts as audit logging. */
  loggerPatterns: string[];
  /** A persisted entity type or table name matching any is an audit record (`LogCSDLDanCu`, `audit_log`). */
  auditRecordPatterns: string[];
  /** A wrapper/import matching any counts as a rate limiter. */
  limiterPatterns: string[];
  /** Globs (repo-relative) of the audited gateway code; DB calls there are expected. */
  approvedModules: string[];
  /** Globs of stand-alone tools approved in writing. */
  approvedTools: string[];
  manifestSources: string[];
  configSources: string[];
}

export { ASSETS_DIR, PACKAGE_ROOT, POLICIES_DIR, treeSitterWasmDir } from '../package-root.js';

let cached: Settings | undefined;

export function defaultSettings(): Settings {
  cached ??= JSON.parse(readFileSync(join(POLICIES_DIR, 'data', 'settings.json'), 'utf8')) as Settings;
  return structuredClone(cached);
}

let builtin: Set<string> | undefined;

/** Every string of the bundled settings: patterns this project wrote and reviewed. */
function builtinStrings(): Set<string> {
  if (builtin) return builtin;
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(defaultSettings());
  builtin = out;
  return out;
}

/**
 * Compile a settings regex (RE2 syntax with optional leading `(?i)`) for use in JS.
 * A pattern from a configuration runs in a linear-time RE2 engine (`linear.ts`), as Rego
 * runs it, never a backtracking RegExp: settings come from the repository's config. The
 * bundled defaults are this project's own, written in the syntax both engines read alike
 * (test/policy/settings-native.test.ts checks each against RE2 on sample names): they run
 * in the native engine, which is 5–20× faster on the thousands of keys of a large tree.
 * @throws on a pattern RE2 rejects
 */
export function compilePattern(pattern: string): RegExp {
  if (builtinStrings().has(pattern)) {
    const native = nativePattern(pattern);
    if (native) return native;
  }
  return linearRegExp(pattern);
}

/** A bundled pattern as a native RegExp (leading `(?i)` as the `i` flag, Unicode mode); undefined if JavaScript reads it otherwise. */
export function nativePattern(pattern: string): RegExp | undefined {
  const ci = pattern.startsWith('(?i)');
  const body = ci ? pattern.slice(4) : pattern;
  // RE2-only syntax (inline flags elsewhere, \z, \pL, named groups (?P<…>)) stays with RE2.
  if (/\(\?[a-zA-Z]|\\[zApP]|\(\?P</.test(body)) return undefined;
  try {
    // `u`: case folding by Unicode's simple folding, as RE2 does (`ſ` is an `s`, `K` a `k`).
    return new RegExp(body, ci ? 'iu' : 'u');
  } catch {
    return undefined;
  }
}

export function compilePatterns(patterns: readonly string[]): RegExp[] {
  return patterns.map(compilePattern);
}

export function matchesAny(value: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((re) => re.test(value));
}
