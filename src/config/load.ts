/**
 * `.dancu-guard.yml`: optional, read with the shared document loader (./document.ts)
 * and validated against `schema.json`. Any problem (unknown key, wrong type, bad
 * regex, bad YAML) is a UsageError naming the file, the key and the line, so the CLI
 * exits 2: a bad config never passes silently.
 */
import { relative } from 'node:path';
import type { ExceptionFact } from '../facts/types.js';
import { UsageError } from '../util/errors.js';
import { compilePattern, defaultSettings, type Settings } from '../policy/settings.js';
import taxonomy from '../contracts/schemas/taxonomy.json' with { type: 'json' };
import { DocumentType, isRealDate, repoRelative, type LineAt } from './document.js';
import schema from './schema.json' with { type: 'json' };

export { CONFIG_FILE_NAMES } from './names.js';
import { CONFIG_FILE_NAMES } from './names.js';

export interface Config {
  version?: 1;
  endpoints?: string[];
  /** Extra host regexes of the DB's portals (settings.portalHosts). */
  portals?: string[];
  /** Extra host regexes of the gateways that carry the DB's traffic (settings.gatewayHosts). */
  gateways?: string[];
  soapNamespaces?: string[];
  operations?: string[];
  approvedModules?: string[];
  approvedTools?: string[];
  loggers?: string[];
  limiters?: string[];
  sensitiveKeys?: string[];
  /** A floor for the blocking threshold (strictest of this, the trusted config's and --fail-on wins). */
  failOn?: 'critical' | 'high' | 'medium' | 'low';
  ignore?: string[];
  exceptions?: ConfigException[];
  /** Working-day calendar adjustments for the gate (src/gate/calendar.ts `CalendarExtras`). */
  calendar?: { off?: string[]; work?: string[] };
}

export interface ConfigException {
  rule: string;
  paths: string[];
  reason: string;
  expires: string;
}

export interface LoadedConfig {
  /** Absolute path of the file read, if any. */
  path?: string;
  config: Config;
  /** Line of each entry of `exceptions`, for reporting. */
  exceptionLines: number[];
  /** Line of any key path in the file read (for what later checks report). */
  lineAt?: LineAt;
}

const configDocument = new DocumentType<Config>({
  what: 'config',
  names: CONFIG_FILE_NAMES,
  schema,
  references: [taxonomy],
});

/** Find the config: an explicit path (must exist) or `.dancu-guard.yml` at the scan root. */
export function loadConfig(root: string, explicit?: string): LoadedConfig {
  const path = configDocument.find(root, explicit);
  if (!path) return { config: {}, exceptionLines: [] };
  const display = relative(process.cwd(), path) || path;
  return { path, ...parseConfigWithLines(configDocument.read(path, display), display) };
}

export function parseConfig(text: string, display: string): Config {
  return parseConfigWithLines(text, display).config;
}

export function parseConfigWithLines(text: string, display: string): Omit<LoadedConfig, 'path'> {
  const { value, lineAt } = configDocument.parse(text, display);
  // Regexes must compile, or they would silently match nothing.
  for (const key of ['endpoints', 'portals', 'gateways', 'operations', 'loggers', 'limiters', 'sensitiveKeys'] as const) {
    (value[key] ?? []).forEach((p, i) => {
      const problem = re2Problem(p);
      if (problem) {
        throw UsageError.of('config.badRegex', { file: display, line: lineAt([key, i]), key, i, problem });
      }
    });
  }
  const exceptionLines = (value.exceptions ?? []).map((e, i) => {
    if (!isRealDate(e.expires)) {
      throw UsageError.of('config.badExpires', { file: display, line: lineAt(['exceptions', i, 'expires']), i, value: e.expires });
    }
    return lineAt(['exceptions', i]);
  });
  return { config: value, exceptionLines, lineAt };
}

/**
 * Patterns run in two engines: JavaScript (collectors) and RE2 (Rego's regex.match,
 * where an invalid pattern silently matches nothing). Accept only what both support.
 */
export function re2Problem(pattern: string): string | undefined {
  // The common mistakes named first, then RE2 itself (compilePattern is the linear RE2 engine).
  const body = pattern.startsWith('(?i)') ? pattern.slice(4) : pattern;
  if (/\(\?<?[=!]/.test(body)) return 'lookahead/lookbehind ((?=…), (?!…), (?<=…), (?<!…)) is not supported by RE2';
  if (/\\[1-9]|\\k</.test(body)) return 'backreferences are not supported by RE2';
  if (/\(\?>|[*+?}]\+/.test(body)) return 'atomic groups and possessive quantifiers are not supported by RE2';
  if (/\(\?[a-z]*i/.test(body) || /\(\?[msx]/.test(body)) return 'inline flags are only supported as a leading (?i)';
  try {
    compilePattern(pattern);
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
}

/** The data document the policies and collectors see: defaults plus the config's additions. */
export function mergeSettings(config: Config, base: Settings = defaultSettings()): Settings {
  const add = (a: string[], b?: string[]) => [...new Set([...a, ...(b ?? [])])];
  return {
    ...base,
    endpointPatterns: add(base.endpointPatterns, config.endpoints),
    portalHosts: add(base.portalHosts ?? [], config.portals),
    gatewayHosts: add(base.gatewayHosts ?? [], config.gateways),
    soapNamespaces: add(base.soapNamespaces, config.soapNamespaces),
    operationPatterns: add(base.operationPatterns, config.operations),
    loggerPatterns: add(base.loggerPatterns, config.loggers),
    limiterPatterns: add(base.limiterPatterns, config.limiters),
    sensitiveKeyPatterns: add(base.sensitiveKeyPatterns, config.sensitiveKeys),
    approvedModules: add(base.approvedModules, config.approvedModules),
    approvedTools: add(base.approvedTools, config.approvedTools),
  };
}

/** Config exceptions as facts (repo-relative file when inside the root), expiry judged against `today`. */
export function exceptionFacts(root: string, config: LoadedConfig | undefined, today: string): ExceptionFact[] {
  const exceptions = config?.config.exceptions ?? [];
  if (exceptions.length === 0 || !config?.path) return [];
  const file = repoRelative(root, config.path);
  return exceptions.map((e, i) => ({
    file,
    line: config.exceptionLines[i] ?? 1,
    rule: e.rule,
    paths: e.paths,
    reason: e.reason,
    expires: e.expires,
    // An exception applies through its expiry day.
    expired: e.expires < today,
  }));
}
