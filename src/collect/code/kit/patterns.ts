/**
 * Settings regexes compiled once per settings object and list (both source
 * collectors): a pattern that does not compile is left out (the config loader has
 * already reported it), so a collector never throws on user patterns.
 */
import { compilePattern, type Settings } from '../../../policy/settings.js';

/** Longest stretch an unbounded quantifier of a default pattern may run over in a whole-text search. */
const STRETCH = 64;

/** The settings' own patterns split into the defaults (ours, vetted) and those the config added. */
export function byOrigin(patterns: readonly string[], defaults: readonly string[]): { own: string[]; added: string[] } {
  const known = new Set(defaults);
  return { own: patterns.filter((p) => known.has(p)), added: patterns.filter((p) => !known.has(p)) };
}

/**
 * `*` → `{0,64}`, `+` → `{1,64}` (not escaped ones, not lazy/possessive markers): a
 * default pattern run by JavaScript's engine over a whole text does bounded work at each
 * position (a line of `C06_C06_…` or `tokentoken…` took seconds unbounded).
 */
export function boundQuantifiers(source: string): string {
  return source.replace(/(?<!\\)\*/g, `{0,${STRETCH}}`).replace(/(?<![\\{])\+/g, `{1,${STRETCH}}`);
}

type PatternKey = {
  [K in keyof Settings]: Settings[K] extends string[] ? K : never;
}[keyof Settings];

const cache = new WeakMap<Settings, Map<string, RegExp[]>>();

/** The compiled patterns of one or more settings lists (in order). */
export function settingsPatterns(settings: Settings, ...keys: PatternKey[]): RegExp[] {
  let bySettings = cache.get(settings);
  if (!bySettings) {
    bySettings = new Map();
    cache.set(settings, bySettings);
  }
  const id = keys.join('+');
  let out = bySettings.get(id);
  if (!out) {
    out = [];
    for (const k of keys) {
      for (const p of (settings[k] as string[] | undefined) ?? []) {
        try {
          out.push(compilePattern(p));
        } catch {
          // reported by the config loader
        }
      }
    }
    bySettings.set(id, out);
  }
  return out;
}
