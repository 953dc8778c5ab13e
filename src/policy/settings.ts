/**
 * Policy data ("settings"): endpoint patterns, sensitive key names, logger and limiter
 * names, approved modules and tools. The defaults are `policies/data/settings.json`;
 * `.dancu-guard.yml` adds to them. The same document is handed to the Rego policies
 * (as `data.settings`) and to collectors (to prefilter what they report), so the two
 * never disagree about what a sensitive key or a DB endpoint is.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export interface Settings {
  /** RE2-compatible regexes; `(?i)` prefix allowed. A URL matching any is a DB endpoint. */
  endpointPatterns: string[];
  /** SOAP namespaces of the population DB. */
  soapNamespaces: string[];
  /** SOAP/REST operation names of the DB. */
  operationPatterns: string[];
  /** A key/variable name matching any is sensitive. */
  sensitiveKeyPatterns: string[];
  /** A call name matching any counts as audit logging. */
  loggerPatterns: string[];
  /** A wrapper/import matching any counts as a rate limiter. */
  limiterPatterns: string[];
  /** Globs (repo-relative) of the audited gateway code; DB calls there are expected. */
  approvedModules: string[];
  /** Globs of stand-alone tools approved in writing. */
  approvedTools: string[];
  manifestSources: string[];
  configSources: string[];
}

function packageRoot(): string {
  // Works from src/policy (tests, tsx) and from dist/ (bundled CLI): walk up to package.json.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      readFileSync(join(dir, 'package.json'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error('dancu-guard: cannot locate the package root (package.json)');
}

export const PACKAGE_ROOT = packageRoot();
export const POLICIES_DIR = join(PACKAGE_ROOT, 'policies');

let cached: Settings | undefined;

export function defaultSettings(): Settings {
  cached ??= JSON.parse(readFileSync(join(POLICIES_DIR, 'data', 'settings.json'), 'utf8')) as Settings;
  return structuredClone(cached);
}

/** Compile a settings regex (RE2 syntax with optional leading `(?i)`) for use in JS. */
export function compilePattern(pattern: string): RegExp {
  const ci = pattern.startsWith('(?i)');
  return new RegExp(ci ? pattern.slice(4) : pattern, ci ? 'i' : '');
}

export function compilePatterns(patterns: readonly string[]): RegExp[] {
  return patterns.map(compilePattern);
}

export function matchesAny(value: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((re) => re.test(value));
}
